// SPDX-License-Identifier: GPL-3.0-or-later
// The bookkeeping of an all-or-nothing import of rows that carry a key (member companies,
// advisory services): one write transaction, counts, problems per line, what a repeated key
// means, and the closing audit row. The caller reads and validates the rows.
#pragma once

#include "core/error.hpp"
#include "store/database.hpp"

#include <cstddef>
#include <fmt/format.h>
#include <map>
#include <string>
#include <vector>

namespace werkstatt {

// What a file may do with a key it had on an earlier row.
enum class RepeatedKey {
    later_row_wins, // warn; the later row is applied over the earlier one
    refused,        // a bad row
};

// What an import did, or would do.
struct KeyedImportReport {
    std::size_t read = 0;
    std::size_t inserted = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t rejected = 0;          // rows with at least one problem
    std::vector<std::string> problems; // FILE:LINE: ... for each problem of each bad row
    std::vector<std::string> warnings; // FILE:LINE: ...
};

// How a valid row changes the store.
enum class RowChange { insert, update, none };

// Return the problem of each of the `members` of `fields` (pointers to optional members) that is
// set, each checked alone: `check(one)` gets a `Fields` holding only that member and throws
// Error(bad_data) for a bad value. So a row with three bad cells shows all three, not the first.
template <typename Fields, typename Check, typename... Members>
std::vector<std::string> problems_field_by_field(const Fields& fields, Check&& check,
                                                 Members... members) {
    std::vector<std::string> problems;
    const auto one = [&](auto member) {
        if (!(fields.*member)) {
            return;
        }
        Fields alone;
        alone.*member = fields.*member;
        try {
            check(alone);
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::bad_data) {
                throw;
            }
            problems.emplace_back(e.what());
        }
    };
    (one(members), ...);
    return problems;
}

class KeyedImport {
  public:
    // Begin the import of `source` into the entity `entity` (audit name, "company") in `db`.
    KeyedImport(Database& db, std::string entity, std::string source, RepeatedKey repeated);

    // Import the row on `line`: `apply(import)` validates it (calling problem() for each fault,
    // or throwing Error(bad_data) for one, which becomes a problem of that line), calls key() and
    // warn() as needed, writes it unless it found a problem, and returns what it did. Other
    // errors pass through.
    template <typename Apply>
    void row(std::size_t line, Apply&& apply) {
        ++m_report.read;
        m_line = line;
        m_row_problems = 0;
        try {
            const auto change = apply(*this);
            if (m_row_problems == 0) {
                count(change);
            }
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::bad_data) {
                throw;
            }
            problem(e.what());
        }
        if (m_row_problems > 0) {
            ++m_report.rejected;
        }
    }
    // Note `message` as a problem of the current row: the import writes nothing.
    void problem(const std::string& message);
    // Return how many problems the current row has so far.
    std::size_t row_problems() const { return m_row_problems; }
    // Note that the current row has `key`; a key of an earlier row warns or throws
    // Error(bad_data) as the RepeatedKey policy says.
    void key(const std::string& key);
    // Add `warning` for the current row.
    void warn(const std::string& warning);

    // With no problems, write the audit row and commit (or roll back in a dry run); with problems,
    // roll back. Return the report. Throw Error(bad_data) if no row was read (a header alone): an
    // import of nothing is refused, as for candidates, and writes no audit row.
    KeyedImportReport finish(DryRun dry_run);

  private:
    void count(RowChange change);

    WriteTransaction m_txn;
    std::string m_entity;
    std::string m_source;
    RepeatedKey m_repeated;
    std::size_t m_line = 0;
    std::size_t m_row_problems = 0;
    std::map<std::string, std::size_t> m_first_line;
    KeyedImportReport m_report;
};

} // namespace werkstatt
