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
    std::vector<std::string> problems; // FILE:LINE: ... for each bad row; nothing was written
    std::vector<std::string> warnings; // FILE:LINE: ...
};

// How a valid row changes the store.
enum class RowChange { insert, update, none };

class KeyedImport {
  public:
    // Begin the import of `source` into the entity `entity` (audit name, "company") in `db`.
    KeyedImport(Database& db, std::string entity, std::string source, RepeatedKey repeated);

    // Import the row on `line`: `apply(import)` validates it (throwing Error(bad_data) for a bad
    // row, which becomes a problem of that line), calls key() and warn() as needed, writes it and
    // returns what it did. Other errors pass through.
    template <typename Apply>
    void row(std::size_t line, Apply&& apply) {
        ++m_report.read;
        m_line = line;
        try {
            count(apply(*this));
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::bad_data) {
                throw;
            }
            m_report.problems.push_back(fmt::format("{}:{}: {}", m_source, line, e.what()));
        }
    }
    // Note that the current row has `key`; a key of an earlier row warns or throws
    // Error(bad_data) as the RepeatedKey policy says.
    void key(const std::string& key);
    // Add `warning` for the current row.
    void warn(const std::string& warning);

    // With no problems, write the audit row and commit (or roll back in a dry run); with problems,
    // roll back. Return the report.
    KeyedImportReport finish(DryRun dry_run);

  private:
    void count(RowChange change);

    WriteTransaction m_txn;
    std::string m_entity;
    std::string m_source;
    RepeatedKey m_repeated;
    std::size_t m_line = 0;
    std::map<std::string, std::size_t> m_first_line;
    KeyedImportReport m_report;
};

} // namespace werkstatt
