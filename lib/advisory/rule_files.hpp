// SPDX-License-Identifier: GPL-3.0-or-later
// The rule data werkstatt applies (work rules, hiring rules, funding catalogue, school holidays):
// which files are in effect, the day each was last checked (valid_as_of), where its facts come
// from, whether an admin replaced or extended it, and whether it is due for review.
#pragma once

#include "core/date.hpp"
#include "io/records.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// The admin's files from the configuration that replace or extend the shipped rule data.
struct RuleFileSettings {
    std::string hiring_rules_file;          // hiring.rules_file ("" = shipped)
    std::vector<std::string> funding_files; // catalogue.funding_files, read after the shipped
    std::string school_holidays_file;       // planner.school_holidays_file ("" = shipped)
    std::size_t school_holiday_periods = 0; // how many periods planner.school_holidays adds
};

// One rule file in effect.
struct RuleFile {
    std::string rules;       // what it decides: "work rules", "hiring rules", ...
    std::string file;        // "work_rules.toml" (shipped) or the admin's path
    bool shipped = true;     // compiled into werkstatt
    std::string valid_as_of; // YYYY-MM-DD, the day it was last checked; "" if it has none
    std::string valid_until; // YYYY-MM-DD, the last day it covers; "" if it does not end
    std::string source;      // its `sources`, joined by "; "; "" if it names none
    std::string overridden;  // "no", or which key replaced or extended it
};

// What to do with an admin's file that cannot be read or is invalid.
enum class BadRuleFile { fail, skip };

// Return the rule files in effect under `settings`, shipped ones first in a fixed order. With
// BadRuleFile::fail throw Error(config) naming a file that cannot be read or is invalid; with
// BadRuleFile::skip leave such a file out (the command that uses it reports it) and read only
// the dates and sources of the compiled-in files, not their rules (the start-up warning of
// every command; the tests check the compiled-in files whole).
std::vector<RuleFile> rule_files(const RuleFileSettings& settings, BadRuleFile bad);

// Return the day `file` is due for review: `max_age_months` months after its valid_as_of (the
// last day of the month where that day does not exist); nothing if it has no valid_as_of.
std::optional<Date> review_due(const RuleFile& file, std::int64_t max_age_months);

// Return true if `file` has no valid_as_of or its review_due() is before `today`.
bool is_due_for_review(const RuleFile& file, const Date& today, std::int64_t max_age_months);

// Return the one-line warning about the files of `files` due for review on `today`, or nothing.
std::optional<std::string> stale_rules_warning(const std::vector<RuleFile>& files,
                                               const Date& today, std::int64_t max_age_months);

// Return `files` as a listing (rules, file, valid_as_of, valid_until, review_due, state,
// overridden, source); state is "current", "due" or "undated" on `today`.
Records rule_file_records(const std::vector<RuleFile>& files, const Date& today,
                          std::int64_t max_age_months);

} // namespace werkstatt
