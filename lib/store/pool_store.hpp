// SPDX-License-Identifier: GPL-3.0-or-later
// The candidate pool's freshness in the store: when residence permits end and when each person
// last confirmed that they still want to be placed (#16).
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Statement;
}

namespace werkstatt {

// One candidate and a day (YYYY-MM-DD) that matters for them.
struct CandidateDay {
    std::int64_t candidate_id = 0;
    std::string day;
};

// Return the active, not purged candidates whose permit_until is on or before `until`
// (YYYY-MM-DD), by that day and then id.
std::vector<CandidateDay> permits_until_on_or_before(Database& db, const std::string& until);

// Return the active, not purged candidates whose last confirmation (confirmed_on, else the day
// the record was created) is on or before `until` (YYYY-MM-DD), oldest first, then by id.
std::vector<CandidateDay> last_confirmed_on_or_before(Database& db, const std::string& until);

// Return the last confirmation day of the active, not purged candidate `id` (confirmed_on, else
// the day the record was made), or nothing.
std::optional<std::string> last_confirmed_of(Database& db, std::int64_t id);

// Set candidate `id`'s confirmed_on to `day` (YYYY-MM-DD) inside the caller's transaction;
// return the value it had (empty when never confirmed).
std::string set_confirmed_on(Database& db, std::int64_t id, const std::string& day);

// What ConfirmationTable::confirm changed: the candidate and the day they had before (empty:
// never confirmed).
struct ConfirmationChange {
    std::int64_t candidate_id = 0;
    std::optional<std::string> before;
};

// Sets confirmed_on of candidates named by source and reference, row after row (an import that
// lists them again); the statements are prepared once.
class ConfirmationTable {
  public:
    explicit ConfirmationTable(Database& db);
    ~ConfirmationTable();
    ConfirmationTable(const ConfirmationTable&) = delete;
    ConfirmationTable& operator=(const ConfirmationTable&) = delete;

    // Set confirmed_on of the candidate (`source`, `reference`) to `day` inside the caller's
    // transaction; return what it had, or nothing when there is no such candidate or it was
    // confirmed on `day` or later already.
    std::optional<ConfirmationChange> confirm(const std::string& source,
                                              const std::string& reference, const std::string& day);
    // Put back confirmed_on of candidate `id` to `before` if it still holds `day` (what an import
    // set); return true if it did.
    bool restore(std::int64_t id, const std::optional<std::string>& before, const std::string& day);

  private:
    Database& m_db;
    std::unique_ptr<SQLite::Statement> m_find;
    std::unique_ptr<SQLite::Statement> m_set;
};

} // namespace werkstatt
