// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/card_store.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace werkstatt {

std::uint64_t card_key(Database& db) {
    SQLite::Statement q(db.sql(), "SELECT secret FROM card_key WHERE id = 1");
    if (!q.executeStep()) {
        throw Error(ErrorKind::storage, _("the key of the card pseudonyms is missing from the "
                                          "database; restore it from a backup "
                                          "('werkstatt db restore')"));
    }
    return static_cast<std::uint64_t>(q.getColumn(0).getInt64());
}

std::int64_t insert_card_share(Database& db, std::int64_t candidate_id, std::int64_t company_id,
                               std::optional<std::int64_t> opening_id, const std::string& now) {
    SQLite::Statement q(db.sql(), "INSERT INTO card_share (candidate_id, company_id, opening_id, "
                                  "shared_at) VALUES (?, ?, ?, ?)");
    q.bind(1, candidate_id);
    q.bind(2, company_id);
    if (opening_id) {
        q.bind(3, *opening_id);
    } else {
        q.bind(3);
    }
    q.bind(4, now);
    q.exec();
    return db.sql().getLastInsertRowid();
}

std::vector<CardShareRow> card_shares_of(Database& db, std::int64_t candidate_id) {
    SQLite::Statement q(db.sql(),
                        "SELECT s.id, s.candidate_id, c.key, c.name, s.opening_id, o.title, "
                        "s.shared_at FROM card_share AS s JOIN company AS c ON c.id = s.company_id "
                        "LEFT JOIN opening AS o ON o.id = s.opening_id WHERE s.candidate_id = ? "
                        "ORDER BY s.id");
    q.bind(1, candidate_id);
    std::vector<CardShareRow> rows;
    while (q.executeStep()) {
        CardShareRow r;
        r.id = q.getColumn(0).getInt64();
        r.candidate_id = q.getColumn(1).getInt64();
        r.company_key = q.getColumn(2).getString();
        r.company_name = q.getColumn(3).getString();
        if (!q.getColumn(4).isNull()) {
            r.opening_id = q.getColumn(4).getInt64();
        }
        if (!q.getColumn(5).isNull()) {
            r.opening_title = q.getColumn(5).getString();
        }
        r.shared_at = q.getColumn(6).getString();
        rows.push_back(std::move(r));
    }
    return rows;
}

std::optional<std::int64_t> latest_match_run(Database& db) {
    SQLite::Statement q(db.sql(), "SELECT max(id) FROM match_run");
    if (!q.executeStep() || q.getColumn(0).isNull()) {
        return std::nullopt;
    }
    return q.getColumn(0).getInt64();
}

bool match_run_exists(Database& db, std::int64_t run_id) {
    SQLite::Statement q(db.sql(), "SELECT 1 FROM match_run WHERE id = ?");
    q.bind(1, run_id);
    return q.executeStep();
}

std::vector<std::pair<std::int64_t, std::int64_t>>
proposals_for_company(Database& db, std::int64_t company_id, std::int64_t run_id) {
    SQLite::Statement q(db.sql(),
                        "SELECT a.candidate_id, a.opening_id FROM match_assignment AS a "
                        "JOIN opening AS o ON o.id = a.opening_id "
                        "JOIN placement AS p ON p.candidate_id = a.candidate_id "
                        "AND p.opening_id = a.opening_id "
                        "JOIN candidate AS c ON c.id = a.candidate_id "
                        "WHERE a.run_id = ? AND o.company_id = ? AND p.status = 'proposed' "
                        "AND c.purged_on IS NULL ORDER BY a.opening_id, a.candidate_id");
    q.bind(1, run_id);
    q.bind(2, company_id);
    std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
    while (q.executeStep()) {
        pairs.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
    }
    return pairs;
}

std::optional<std::int64_t> pair_score(Database& db, std::int64_t candidate_id,
                                       std::int64_t opening_id) {
    SQLite::Statement q(db.sql(), "SELECT score_milli FROM match_assignment WHERE candidate_id = ? "
                                  "AND opening_id = ? ORDER BY run_id DESC LIMIT 1");
    q.bind(1, candidate_id);
    q.bind(2, opening_id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return q.getColumn(0).getInt64();
}

} // namespace werkstatt
