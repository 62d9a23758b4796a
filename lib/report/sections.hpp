// SPDX-License-Identifier: GPL-3.0-or-later
// What the kinds of report share: count tables with their total row, the labels of the groups
// candidates are counted by, and the sections that the quarterly and the annual report both
// have (events, advisory map, next quarter).
#pragma once

#include "core/i18n.hpp"
#include "plan/settings.hpp"
#include "report/model.hpp"
#include "store/report_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace werkstatt::report {

// Return `day` as YYYY-MM-DD, the form the store compares.
std::string iso(const Date& day);

// A body row of a count table: its label cells and one count per value column.
struct CountRow {
    std::vector<Cell> labels;
    std::vector<std::int64_t> counts;
};

// Return a table `id` with `columns` (the first `label_columns` are labels) whose body is `rows`
// and whose last row is their total per value column (labelled "Total", code "total"); with
// Totals::both the caller's last value column must already be the row total.
Table count_table(std::string id, std::string title, std::vector<Column> columns,
                  std::size_t label_columns, const std::vector<CountRow>& rows, Totals totals,
                  Language lang);

// Return the rows of `counts` grouped as `group` reads them, in a fixed order, each group once
// (including those with no candidate) and "not recorded" last: district names with the AGS as
// code, German levels A1..C2 and native, KldB Berufsbereiche 0..9 by code, and residence-status
// groups by the work permission of their work rule (one rule: lib/reference/work_rules).
// `value` picks the counts of one CandidateCount.
std::vector<CountRow> group_rows(CandidateGroup group, const std::vector<CandidateCount>& counts,
                                 Language lang);

// Return the label cell of the key `key` of `group` (not recorded when empty).
Cell group_label(CandidateGroup group, const std::optional<std::string>& key, Language lang);
// Return the column label of `group` ("District").
std::string group_title(CandidateGroup group, Language lang);
// Return the stable name of `group` ("district").
std::string group_id(CandidateGroup group);
// Return every group candidates are counted by, in report order.
const std::vector<CandidateGroup>& candidate_groups();

// Return the label of the placement step `step` ("hired").
std::string step_label(const std::string& step, Language lang);
// Return the label of the event kind `kind` ("site-visit").
std::string event_kind_label(const std::string& kind, Language lang);

// Return the section "events": the meetings from `first` to `last` with their attendance, a
// chart of attendance, and the share of member companies that came.
Section events_section(Database& db, const std::string& first, const std::string& last,
                       Language lang);
// Return the section "exchange": candidates new, active and hired by district, German level,
// occupation area and residence-status group; openings; the proposals' path; hires by company;
// the median time to hire; with the maps and charts of them.
Section exchange_section(Database& db, const std::string& first, const std::string& last,
                         Language lang);
// Return the section "rotation": who hosted from `first` to `last` (with district and region) and
// the active members that can host and never hosted a Werkstatt meeting up to `last`, by the
// planner's rules and regions in `planner`.
Section rotation_section(Database& db, const std::string& first, const std::string& last,
                         const PlannerSettings& planner, Language lang);
// Return the section "advisory": the advisory services due for checking on `day` (the rule of
// lib/advisory, with `verify_after_days`).
Section advisory_section(Database& db, const Date& day, std::int64_t verify_after_days,
                         Language lang);
// Return the section "next": the events planned from `first` to `last` (date, host, kind,
// topics).
Section next_section(Database& db, const std::string& first, const std::string& last,
                     Language lang);

} // namespace werkstatt::report
