// SPDX-License-Identifier: GPL-3.0-or-later
// The conditions of the advisory rule and catalogue files (internal to lib/advisory): which
// situations of a candidate a checklist step or a funding instrument applies to.
#pragma once

#include "domain/advisory.hpp"
#include "io/toml_reader.hpp"

#include <string_view>
#include <vector>

namespace werkstatt::advisory_detail {

// Return the advisory topics listed under `key` of `reader`'s table; throw Error(config) naming
// the line for an unknown topic.
std::vector<AdvisoryTopic> read_topics(const TableReader& reader, std::string_view key);

// Read the conditions of `reader`'s table (permission, permission_not, status, status_not,
// recognition, recognition_not, german_below, german_at_least, german_below_opening, level,
// regulated); other keys are left to the caller.
SituationCondition read_condition(const TableReader& reader);

// The condition keys read_condition understands.
inline constexpr std::string_view k_condition_keys[] = {
    "permission",           "permission_not",  "status",       "status_not",
    "recognition",          "recognition_not", "german_below", "german_at_least",
    "german_below_opening", "level",           "regulated"};

} // namespace werkstatt::advisory_detail
