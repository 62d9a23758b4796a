// SPDX-License-Identifier: GPL-3.0-or-later
// `werkstatt report`: which reports there are, the periods they cover (relative ones for cron
// included), and the one call that builds a report from the store with disclosure control
// applied. How a report is written is render.hpp; what it holds is model.hpp.
#pragma once

#include "core/date.hpp"
#include "core/i18n.hpp"
#include "domain/period.hpp"
#include "plan/settings.hpp"
#include "report/model.hpp"
#include "report/settings.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {
class Database;
} // namespace werkstatt

namespace werkstatt::report {

// A kind of report: its name (the code), its German name (accepted as an alias) and what it is.
struct KindInfo {
    std::string name;   // "quarterly"
    std::string german; // "quartalsbericht"
    std::string doc;    // one line, English
};

// Return every kind, in the order werkstatt-report(1) lists them.
const std::vector<KindInfo>& kinds();
// Return the kind `text` names, its English or German name, case ignored (Quartalsbericht is
// quarterly), or nothing.
std::optional<std::string> parse_kind(std::string_view text);

// Return the period `text` names on `day`: everything Period::parse reads (2027, 2027Q1,
// 2027-03, ranges), or a relative period: this-month, last-month, this-quarter, last-quarter,
// this-year, last-year (the one before the one that contains `day`). Nothing if neither;
// throw Error(usage) for a relative period that would begin before 0001-01-01.
std::optional<Period> resolve_period(std::string_view text, const Date& day);
// Return why resolve_period(`text`) gave nothing, naming `text` and the forms it takes.
std::string why_not_period(std::string_view text);

// What a report is asked for.
struct Request {
    std::string kind; // a name from kinds()
    Period period;
    Date reference_day;                      // --date, or today
    Language lang = Language::de;            // --lang, or report.lang
    std::optional<std::string> generated_at; // with --timestamp: when, as people read it
    // The rules of the other capabilities a report applies, as configured, so that a report says
    // what the planner and the advisory map say: who can host and the regions ([planner]), and
    // when an advisory service is due for checking (advisor.verify_after_days).
    PlannerSettings planner;
    std::int64_t verify_after_days = 365;
    // Whether disability and minority are collected (privacy.special_categories); off: the ESF
    // report says they are not collected.
    bool special_categories = false;
};

// Build the report `request` asks for from `db` with `settings`, disclosure control applied.
// Throw Error(usage) for an unknown kind.
Report build(Database& db, const Request& request, const ReportSettings& settings);

} // namespace werkstatt::report
