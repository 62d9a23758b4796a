// SPDX-License-Identifier: GPL-3.0-or-later
// Disclosure control (statistische Geheimhaltung) of the count tables of a report, so that no
// published count identifies a person: primary suppression of counts from 1 to min_cell, and
// secondary suppression so that no suppressed count can be worked out from the totals.
#pragma once

#include "report/model.hpp"

namespace werkstatt::report {

// Mark the cells of every table of `report` whose Totals is not none: counts from 1 to
// `min_cell` as Suppression::primary, and further counts as Suppression::secondary until no
// suppressed count can be recovered from what is published.
void protect(Report& report, int min_cell);

} // namespace werkstatt::report
