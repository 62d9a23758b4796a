// SPDX-License-Identifier: GPL-3.0-or-later
// Everything the database holds about one candidate, row by row, for the person's right of access
// (Art. 15 GDPR): each row as its columns' names and exact stored values, so that a column added
// later is part of the answer without a change here.
#pragma once

#include "io/records.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace werkstatt {

// One stored row: (column name, stored value) in the order of the query's columns; NULL is an
// empty Value, integers and reals keep their type, text stays byte for byte.
using StoredRow = std::vector<std::pair<std::string, Value>>;

// Return the value of `column` in `row`, or an empty Value if the row has no such column.
const Value& field_of(const StoredRow& row, const std::string& column);

// What the database holds about one candidate.
struct PersonRows {
    StoredRow candidate;                   // every column of their candidate row
    std::vector<StoredRow> consents;       // their consent rows, by scope
    std::vector<StoredRow> placements;     // their placements with the opening and its company
    std::vector<StoredRow> match_pairs;    // match_assignment rows with the run's day and opening
    std::vector<StoredRow> card_shares;    // their profile cards given to member companies
    std::vector<StoredRow> audit;          // audit_log rows about them or their placements
    std::vector<StoredRow> import_batches; // the import batches that brought their data
    std::vector<StoredRow> import_changes; // import_change rows (old values kept for undo)
};

// Return every row about candidate `candidate_id`, or nothing if there is no such candidate.
// Audit rows count as theirs when they name the candidate (entity candidate or consent with
// their id) or one of their placements (entity placement with its id).
std::optional<PersonRows> load_person_rows(Database& db, std::int64_t candidate_id);

} // namespace werkstatt
