// SPDX-License-Identifier: GPL-3.0-or-later
// The counts the ESF+ report (lib/report/kind_esf.cpp) is made of: participants grouped in SQL
// (GROUP BY, never a row per person), read back as a small table of groups. Which category a
// group belongs to is decided here where SQL can say it (age at entry, ISCED band, long-term
// unemployment); where a reference table is needed (EU member states) the report decides from
// the raw values of the group.
#pragma once

#include "core/date.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// One group of the participants of a period: people alike in every fact the ESF+ tables count.
// A participant is in up to three cohorts: entering (entry_date in the period), leaving
// (exit_date in it) and followed up (exit_date in the same period six months earlier; for
// months, quarters and years an exact shift). The facts of a cohort the group is not in are
// nothing. "missing" is the category of an unrecorded fact.
struct EsfGroup {
    std::size_t gender = 3; // 0 female, 1 male, 2 diverse, 3 unspecified (or anything else)
    // Entering: the category of each breakdown, as on entry_date.
    std::optional<std::string> employment;   // unemployed, long-term-unemployed (unemployed_since
                                             // more than 12 months before entry_date, else
                                             // employment_at_entry), inactive, employed;
                                             // "unknown" for a value werkstatt does not write
    std::optional<std::string> age;          // under-18, 18-29, 30-54, 55-plus on entry_date
    std::optional<std::string> education;    // isced-0-2, isced-3-4, isced-5-8
    std::optional<std::string> completeness; // complete, incomplete (employment, birth date or
                                             // ISCED missing)
    std::optional<std::string> housing;      // yes (homeless, housing-exclusion), no (housed)
    std::optional<std::string> disability;   // yes, no (with a reporting consent), declined
    std::optional<std::string> minority;     // as disability
    // Entering: the raw facts of origin.
    std::optional<std::string> foreign_background; // "1", "0", nothing where not recorded
    std::optional<bool> born_abroad;               // country_of_birth other than "DE"
    std::optional<std::string> nationality_code;
    std::optional<std::string> second_nationality_code;
    std::string nationality_text; // the nationality as written, where it has no code
    // Leaving: job-searching, education, qualification, employed (incl. self-employed), other.
    std::optional<std::string> exit;
    // Followed up: employed (incl. self-employed), job-searching, education, inactive, other;
    // missing: not followed up.
    std::optional<std::string> six_months;
    std::int64_t count = 0;
};

// Call `each` with every group of the participants entering, leaving or followed up in the
// period from `first` to `last` (the same object, refilled: copy what you keep). One query reads
// each participant's row once (in rowid order, found through the entry and exit date indexes)
// and groups them in SQL; the groups are handed on as they come, never held all at once.
void esf_participants(Database& db, const Date& first, const Date& last,
                      const std::function<void(const EsfGroup&)>& each);

// The member companies in the period (joined by `last`, not left before `first`) by size:
// "sme" (micro, small, medium), "large", "missing".
struct SizeCount {
    std::string size;
    std::int64_t count = 0;
};

// Return the member companies of the period from `first` to `last` by size, ordered by size.
std::vector<SizeCount> esf_companies(Database& db, const Date& first, const Date& last);

} // namespace werkstatt
