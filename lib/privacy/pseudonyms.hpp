// SPDX-License-Identifier: GPL-3.0-or-later
// Pseudonyms in output (privacy.pseudonymise): a candidate is shown as B- and their number in
// werkstatt ("B-17"), which stays the same for as long as they are stored, instead of their name;
// their email and phone are left out too. The rule for every format alike: the columns
// first_name, last_name, email and phone are left out, and a column "pseudonym" stands where
// first_name stood. `--reveal` shows names for one run and is written to the audit log.
#pragma once

#include "io/records.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace werkstatt {

// Return the pseudonym of candidate `candidate_id`: "B-17".
std::string pseudonym_of(std::int64_t candidate_id);

// Return whether `column` names or reaches a person directly: first_name, last_name, email,
// phone.
bool is_identifying_column(std::string_view column);

// Return `records` (rows of candidates whose number is in column `id_column`) with the
// identifying columns left out and a column "pseudonym" where the first of them stood (at the
// end if none did).
Records pseudonymise_records(const Records& records, std::string_view id_column = "id");

// Return `detail` (one candidate, whose number is the field `id_field`) the same way.
Detail pseudonymise_detail(const Detail& detail, std::string_view id_field = "id");

// Write one audit row that `command` (the command's path, "candidate list") showed candidates'
// names despite privacy.pseudonymise; no name, no value. Throw as a write transaction does.
void record_reveal(Database& db, std::string_view command);

} // namespace werkstatt
