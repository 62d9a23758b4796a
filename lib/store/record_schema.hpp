// SPDX-License-Identifier: GPL-3.0-or-later
// The stored form of the applicant exchange's records: a candidate (Bewerber) or an opening
// (Stelle) as a list of cells in the order of its table's columns.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace werkstatt {

// Which record of the exchange: a job seeker or a member company's opening.
enum class RecordKind { candidate, opening };

// Return "candidate" or "opening", as in table names and messages.
std::string_view to_string(RecordKind kind);

// A stored cell: text, or NULL.
using Cell = std::optional<std::string>;

// The columns of a record table, in the order of `columns` (the SQL names), without the id and
// bookkeeping columns.
struct RecordSchema {
    RecordSchema(std::string table_name, std::vector<std::string> column_names);
    std::string table;
    std::vector<std::string> columns;
    // Return the index of `column`; an unknown name is a bug (Error(internal)).
    std::size_t index(std::string_view column) const;

  private:
    std::unordered_map<std::string_view, std::size_t> m_index; // into `columns`
};

// Return the schema of the candidate table.
const RecordSchema& candidate_schema();
// Return the schema of the opening table.
const RecordSchema& opening_schema();
// Return the schema of the table of `kind`.
const RecordSchema& schema_of(RecordKind kind);

} // namespace werkstatt
