// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/followup_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace werkstatt {

std::vector<FollowupRow> load_followups(Database& db, const FollowupQuery& query) {
    // `ended`: an earlier follow-up of the same hire recorded that the person left.
    std::string sql =
        "SELECT f.id, p.id, c.id, c.reference, c.source, o.id, o.title, co.key, p.hired_on, "
        "COALESCE(m.name, ''), f.months, f.due_on, f.outcome, f.reason, f.note, f.recorded_on, "
        "EXISTS (SELECT 1 FROM followup AS e WHERE e.placement_id = f.placement_id "
        "AND e.months < f.months AND e.outcome = 'left') "
        "FROM followup AS f JOIN placement AS p ON p.id = f.placement_id AND p.status = 'hired' "
        "JOIN candidate AS c ON c.id = p.candidate_id AND c.purged_on IS NULL "
        "JOIN opening AS o ON o.id = p.opening_id JOIN company AS co ON co.id = o.company_id "
        "LEFT JOIN contact AS m ON m.id = p.mentor_id WHERE 1 = 1";
    if (query.due_by) {
        sql += " AND f.outcome IS NULL AND f.due_on <= :due_by";
    }
    if (query.candidate_id) {
        sql += " AND c.id = :candidate";
    }
    if (query.id) {
        sql += " AND f.id = :id";
    }
    sql += " ORDER BY f.due_on, f.id";
    SQLite::Statement q(db.sql(), sql);
    if (query.due_by) {
        q.bind(":due_by", *query.due_by);
    }
    if (query.candidate_id) {
        q.bind(":candidate", *query.candidate_id);
    }
    if (query.id) {
        q.bind(":id", *query.id);
    }
    std::vector<FollowupRow> rows;
    while (q.executeStep()) {
        FollowupRow r;
        r.id = q.getColumn(0).getInt64();
        r.placement_id = q.getColumn(1).getInt64();
        r.candidate_id = q.getColumn(2).getInt64();
        r.candidate_reference = q.getColumn(3).getString();
        r.candidate_source = q.getColumn(4).getString();
        r.opening_id = q.getColumn(5).getInt64();
        r.opening_title = q.getColumn(6).getString();
        r.company = q.getColumn(7).getString();
        r.hired_on = q.getColumn(8).getString();
        r.mentor = q.getColumn(9).getString();
        r.months = q.getColumn(10).getInt();
        r.due_on = q.getColumn(11).getString();
        if (!q.getColumn(12).isNull()) {
            r.outcome = q.getColumn(12).getString();
        }
        r.reason = q.getColumn(13).getString();
        r.note = q.getColumn(14).getString();
        if (!q.getColumn(15).isNull()) {
            r.recorded_on = q.getColumn(15).getString();
        }
        r.ended = q.getColumn(16).getInt() != 0;
        if (query.due_by && r.ended) {
            continue;
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

void upsert_followup(Database& db, std::int64_t placement_id, int months,
                     const std::string& due_on) {
    SQLite::Statement q(db.sql(), "INSERT INTO followup (placement_id, months, due_on) "
                                  "VALUES (?, ?, ?) ON CONFLICT (placement_id, months) DO UPDATE "
                                  "SET due_on = excluded.due_on WHERE outcome IS NULL");
    q.bind(1, placement_id);
    q.bind(2, months);
    q.bind(3, due_on);
    q.exec();
}

int delete_open_followups(Database& db, std::int64_t placement_id) {
    SQLite::Statement q(db.sql(),
                        "DELETE FROM followup WHERE placement_id = ? AND outcome IS NULL");
    q.bind(1, placement_id);
    return q.exec();
}

void store_followup_outcome(Database& db, std::int64_t id, const std::string& outcome,
                            const std::string& reason, const std::string& note,
                            const std::string& recorded_on) {
    SQLite::Statement q(db.sql(), "UPDATE followup SET outcome = ?, reason = ?, note = ?, "
                                  "recorded_on = ? WHERE id = ?");
    q.bind(1, outcome);
    q.bind(2, reason);
    q.bind(3, note);
    q.bind(4, recorded_on);
    q.bind(5, id);
    q.exec();
}

void set_placement_mentor(Database& db, std::int64_t placement_id,
                          std::optional<std::int64_t> mentor_id) {
    SQLite::Statement q(db.sql(), "UPDATE placement SET mentor_id = ? WHERE id = ?");
    if (mentor_id) {
        q.bind(1, *mentor_id);
    } else {
        q.bind(1);
    }
    q.bind(2, placement_id);
    q.exec();
}

std::optional<std::string> company_of_contact(Database& db, std::int64_t contact_id) {
    SQLite::Statement q(db.sql(), "SELECT company.key FROM contact JOIN company ON company.id = "
                                  "contact.company_id WHERE contact.id = ?");
    q.bind(1, contact_id);
    if (q.executeStep()) {
        return q.getColumn(0).getString();
    }
    return std::nullopt;
}

ExitFacts load_exit_facts(Database& db, std::int64_t candidate_id) {
    SQLite::Statement q(db.sql(), "SELECT exit_date, status_6m FROM candidate WHERE id = ?");
    q.bind(1, candidate_id);
    ExitFacts facts;
    if (q.executeStep()) {
        if (!q.getColumn(0).isNull()) {
            facts.exit_date = q.getColumn(0).getString();
        }
        if (!q.getColumn(1).isNull()) {
            facts.status_6m = q.getColumn(1).getString();
        }
    }
    return facts;
}

void store_status_6m(Database& db, std::int64_t candidate_id, const std::string& status,
                     const std::string& day) {
    SQLite::Statement q(db.sql(),
                        "UPDATE candidate SET status_6m = ?, status_6m_date = ? WHERE id = ?");
    q.bind(1, status);
    q.bind(2, day);
    q.bind(3, candidate_id);
    q.exec();
}

RetentionCounts count_retention(Database& db, int months, const std::string& from,
                                const std::string& to) {
    // The outcome at `months`, or 'left' when an earlier follow-up found it.
    SQLite::Statement q(
        db.sql(),
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM followup AS e WHERE e.placement_id = p.id "
        "AND e.months < :m AND e.outcome = 'left') THEN 'left' ELSE (SELECT f.outcome FROM "
        "followup AS f WHERE f.placement_id = p.id AND f.months = :m) END AS outcome, COUNT(*) "
        "FROM placement AS p WHERE p.status = 'hired' AND p.hired_on BETWEEN :from AND :to "
        "GROUP BY 1");
    q.bind(":m", months);
    q.bind(":from", from);
    q.bind(":to", to);
    RetentionCounts counts;
    while (q.executeStep()) {
        if (q.getColumn(0).isNull()) {
            continue;
        }
        const auto outcome = q.getColumn(0).getString();
        const auto n = q.getColumn(1).getInt();
        if (outcome == "employed") {
            counts.employed = n;
        } else if (outcome == "changed-employer") {
            counts.changed_employer = n;
        } else if (outcome == "left") {
            counts.left = n;
        }
    }
    return counts;
}

} // namespace werkstatt
