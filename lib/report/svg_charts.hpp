// SPDX-License-Identifier: GPL-3.0-or-later
// The charts of the HTML report as inline SVG, drawn from a table of the report: horizontal bars,
// the stages of a funnel, and Sachsen-Anhalt's districts shaded by a column. Legible in black and
// white (grey tones, every value printed), with a text alternative (role="img", <title>,
// <desc>). A count that disclosure control suppressed is drawn as not published, never with its
// value; the scales and classes come from the published values only. Same input, same bytes.
#pragma once

#include "core/i18n.hpp"
#include "report/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace werkstatt::report {

// Return the <svg> element of `chart` drawn from `table` (the table the chart names) of `report`;
// `id` is unique in the document ("chart-3") and prefixes the ids of the chart's elements.
// Throw Error(internal) if the table has no column `chart.column`.
std::string chart_svg(const Chart& chart, const Table& table, const Report& report,
                      std::string_view id);

// Return the sentences that explain the suppression marks in `lang`: one for "<N" when
// `primary`, one for "x" when `secondary` (N = `min_cell` + 1); none when neither.
std::vector<std::string> suppression_legend(Language lang, int min_cell, bool primary,
                                            bool secondary);

// Return the language of `report` (its `lang`; German unless it is "en").
Language report_language(const Report& report);

} // namespace werkstatt::report
