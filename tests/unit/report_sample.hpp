// SPDX-License-Identifier: GPL-3.0-or-later
// A hand-made report with every kind of chart, suppressed cells and German text, for the tests
// of the HTML renderer (unit tests and the browser test's sample program).
#pragma once

#include "report/model.hpp"

namespace werkstatt::test {

// Return a German quarterly-like report of four short sections (each fits one A4 page):
// attendance per event (bars), candidates by German level (bars, with a primary and a secondary
// suppression and a "not recorded" row), the placement path (funnel, one stage suppressed) and
// candidates by district (map of the 14 districts, one district suppressed, one without a row).
report::Report sample_report();

} // namespace werkstatt::test
