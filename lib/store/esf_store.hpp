// SPDX-License-Identifier: GPL-3.0-or-later
// The counts the ESF+ report (lib/report/kind_esf.cpp) is made of: participants grouped in SQL
// (GROUP BY, one query per breakdown, never a row per person), read back as small tables of
// groups. Which category a group belongs to is decided here where SQL can say it (age at entry,
// ISCED band, long-term unemployment); where a reference table is needed (EU member states) the
// report decides from the raw values of the group.
#pragma once

#include "core/date.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// One group: the values of its grouping columns (NULL as nothing) and how many it holds.
struct GroupCount {
    std::vector<std::optional<std::string>> keys;
    std::int64_t count = 0;
};

// What an ESF query groups by. Entering: entry_date in the period; leaving: exit_date in it;
// followed up: exit_date in the period six months earlier. "missing" is the category of an
// unrecorded fact.
enum class EsfQuery {
    entering, // entering, one pass, keys in this order: employment (unemployed,
              // long-term-unemployed: unemployed_since more than 12 months before entry_date,
              // else employment_at_entry; inactive, employed), age (under-18, 18-29, 30-54,
              // 55-plus on entry_date), education (isced-0-2, isced-3-4, isced-5-8),
              // completeness (complete, incomplete: employment, birth date or ISCED
              // missing), housing (yes: homeless, housing-exclusion; no: housed),
              // disability (yes, no with sensitive_consent; declined), minority (as
              // disability), gender
    origin,   // entering, raw: foreign_background, country_of_birth, nationality_code,
              // second_nationality_code, nationality (text, where it has no code), gender
    exit,     // leaving, keys (category, gender): job-searching, education, qualification, employed
              // (incl. self-employed), other
    six_months, // followed up, keys (category, gender): employed (incl. self-employed),
                // job-searching, education, inactive, other; missing: not followed up
    companies,  // member companies in the period (joined by `last`, not left before `first`):
                // sme (micro, small, medium), large; keys (category, "")
};

// Return the groups of `query` for the period from `first` to `last`, ordered by their keys.
std::vector<GroupCount> esf_groups(Database& db, EsfQuery query, const Date& first,
                                   const Date& last);

} // namespace werkstatt
