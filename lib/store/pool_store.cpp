// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/pool_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace werkstatt {

namespace {

// The day a candidate last confirmed, or the day the record was made when they never did.
constexpr const char* k_last_confirmed = "COALESCE(confirmed_on, substr(created_at, 1, 10))";

std::vector<CandidateDay> days(SQLite::Statement& q) {
    std::vector<CandidateDay> out;
    while (q.executeStep()) {
        out.push_back(CandidateDay{q.getColumn(0).getInt64(), q.getColumn(1).getString()});
    }
    return out;
}

} // namespace

std::vector<CandidateDay> permits_until_on_or_before(Database& db, const std::string& until) {
    SQLite::Statement q(db.sql(), "SELECT id, permit_until FROM candidate WHERE active = 1 AND "
                                  "purged_on IS NULL AND permit_until IS NOT NULL AND "
                                  "permit_until <= ? ORDER BY permit_until, id");
    q.bind(1, until);
    return days(q);
}

std::vector<CandidateDay> last_confirmed_on_or_before(Database& db, const std::string& until) {
    SQLite::Statement q(db.sql(), std::string("SELECT id, ") + k_last_confirmed +
                                      " AS l FROM candidate WHERE active = 1 AND purged_on IS "
                                      "NULL AND l <= ? ORDER BY l, id");
    q.bind(1, until);
    return days(q);
}

std::optional<std::string> last_confirmed_of(Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(), std::string("SELECT ") + k_last_confirmed +
                                      " FROM candidate WHERE id = ? AND active = 1 AND purged_on "
                                      "IS NULL");
    q.bind(1, id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return q.getColumn(0).getString();
}

std::string set_confirmed_on(Database& db, std::int64_t id, const std::string& day) {
    SQLite::Statement old(db.sql(),
                          "SELECT COALESCE(confirmed_on, '') FROM candidate WHERE id = ?");
    old.bind(1, id);
    std::string before;
    if (old.executeStep()) {
        before = old.getColumn(0).getString();
    }
    SQLite::Statement q(db.sql(), "UPDATE candidate SET confirmed_on = ? WHERE id = ?");
    q.bind(1, day);
    q.bind(2, id);
    q.exec();
    return before;
}

ConfirmationTable::ConfirmationTable(Database& db)
    : m_db(db),
      m_find(std::make_unique<SQLite::Statement>(
          db.sql(), "SELECT id, confirmed_on FROM candidate WHERE source = ? AND reference = ?")),
      m_set(std::make_unique<SQLite::Statement>(
          db.sql(), "UPDATE candidate SET confirmed_on = ? WHERE id = ?")) {}

ConfirmationTable::~ConfirmationTable() = default;

std::optional<ConfirmationChange> ConfirmationTable::confirm(const std::string& source,
                                                             const std::string& reference,
                                                             const std::string& day) {
    m_find->reset();
    m_find->bind(1, source);
    m_find->bind(2, reference);
    if (!m_find->executeStep()) {
        return std::nullopt;
    }
    ConfirmationChange change;
    change.candidate_id = m_find->getColumn(0).getInt64();
    if (!m_find->getColumn(1).isNull()) {
        change.before = m_find->getColumn(1).getString();
        if (*change.before >= day) {
            return std::nullopt;
        }
    }
    m_set->reset();
    m_set->bind(1, day);
    m_set->bind(2, change.candidate_id);
    m_set->exec();
    return change;
}

bool ConfirmationTable::restore(std::int64_t id, const std::optional<std::string>& before,
                                const std::string& day) {
    SQLite::Statement q(m_db.sql(), "UPDATE candidate SET confirmed_on = ? WHERE id = ? AND "
                                    "confirmed_on = ?");
    if (before) {
        q.bind(1, *before);
    }
    q.bind(2, id);
    q.bind(3, day);
    return q.exec() > 0;
}

} // namespace werkstatt
