// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/access_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace werkstatt {

namespace {

// Return the current row of `q` with its columns' names and typed values.
StoredRow row_of(SQLite::Statement& q) {
    StoredRow row;
    const int n = q.getColumnCount();
    row.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const auto column = q.getColumn(i);
        Value value;
        if (column.isInteger()) {
            value = static_cast<std::int64_t>(column.getInt64());
        } else if (column.isFloat()) {
            value = column.getDouble();
        } else if (column.isText() || column.isBlob()) {
            value = column.getString();
        }
        row.emplace_back(q.getColumnName(i), std::move(value));
    }
    return row;
}

// Return every row of `sql` with the candidate's id bound to every parameter ?1.
std::vector<StoredRow> rows_of(Database& db, const char* sql, std::int64_t candidate_id) {
    SQLite::Statement q(db.sql(), sql);
    q.bind(1, static_cast<int64_t>(candidate_id));
    std::vector<StoredRow> rows;
    while (q.executeStep()) {
        rows.push_back(row_of(q));
    }
    return rows;
}

// The batches that brought or changed the candidate's data: the one that created the record,
// the one that last wrote it, those whose old values are kept, those that brought a consent.
constexpr const char* k_their_batches =
    "SELECT created_batch FROM candidate WHERE id = ?1 "
    "UNION SELECT batch_id FROM candidate WHERE id = ?1 "
    "UNION SELECT batch_id FROM import_change WHERE entity = 'candidate' AND record_id = ?1 "
    "UNION SELECT batch_id FROM consent WHERE candidate_id = ?1";

} // namespace

const Value& field_of(const StoredRow& row, const std::string& column) {
    static const Value empty;
    for (const auto& [name, value] : row) {
        if (name == column) {
            return value;
        }
    }
    return empty;
}

std::optional<PersonRows> load_person_rows(Database& db, std::int64_t candidate_id) {
    auto candidate = rows_of(db, "SELECT * FROM candidate WHERE id = ?1", candidate_id);
    if (candidate.empty()) {
        return std::nullopt;
    }
    PersonRows p;
    p.candidate = std::move(candidate.front());
    p.consents = rows_of(db,
                         "SELECT scope, given_on, valid_until, withdrawn_on, source, batch_id, "
                         "recorded_at FROM consent WHERE candidate_id = ?1 ORDER BY scope",
                         candidate_id);
    p.placements = rows_of(
        db,
        "SELECT p.id, p.status, p.note, p.run_id, p.score_milli, p.created_at, p.updated_at, "
        "p.introduced_on, p.interview_on, p.hired_on, p.closed_on, p.opening_id, "
        "o.title AS opening_title, o.reference AS opening_reference, co.key AS company_key, "
        "co.name AS company_name FROM placement AS p JOIN opening AS o ON o.id = p.opening_id "
        "JOIN company AS co ON co.id = o.company_id WHERE p.candidate_id = ?1 ORDER BY p.id",
        candidate_id);
    p.match_pairs = rows_of(
        db,
        "SELECT a.run_id, r.reference_day AS run_day, r.created_at AS run_at, a.opening_id, "
        "o.title AS opening_title, co.key AS company_key, co.name AS company_name, "
        "a.score_milli, a.explanation FROM match_assignment AS a "
        "JOIN match_run AS r ON r.id = a.run_id JOIN opening AS o ON o.id = a.opening_id "
        "JOIN company AS co ON co.id = o.company_id WHERE a.candidate_id = ?1 "
        "ORDER BY a.run_id",
        candidate_id);
    p.card_shares = rows_of(
        db,
        "SELECT s.id, s.shared_at, s.opening_id, o.title AS opening_title, co.key AS company_key, "
        "co.name AS company_name FROM card_share AS s JOIN company AS co ON co.id = s.company_id "
        "LEFT JOIN opening AS o ON o.id = s.opening_id WHERE s.candidate_id = ?1 ORDER BY s.id",
        candidate_id);
    p.audit = rows_of(
        db,
        (std::string("SELECT id, at, os_user, command, entity, entity_id, action, details "
                     "FROM audit_log WHERE (entity IN ('candidate', 'consent') AND entity_id = ?1) "
                     "OR (entity = 'placement' AND entity_id IN (SELECT id FROM placement "
                     "WHERE candidate_id = ?1)) OR (entity = 'import_batch' AND entity_id IN (") +
         k_their_batches + ")) ORDER BY id")
            .c_str(),
        candidate_id);
    p.import_batches = rows_of(
        db,
        (std::string("SELECT id, kind, file_name, sha256, profile, source, encoding, started_at, "
                     "finished_at, undone_at FROM import_batch WHERE id IN (") +
         k_their_batches + ") ORDER BY id")
            .c_str(),
        candidate_id);
    p.import_changes = rows_of(db,
                               "SELECT batch_id, before FROM import_change "
                               "WHERE entity = 'candidate' AND record_id = ?1 ORDER BY batch_id",
                               candidate_id);
    return p;
}

} // namespace werkstatt
