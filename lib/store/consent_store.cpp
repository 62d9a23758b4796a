// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/consent_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace werkstatt {

namespace {

constexpr const char* k_columns = "candidate_id, scope, given_on, valid_until, withdrawn_on, "
                                  "source, batch_id, recorded_at";

std::optional<std::string> text_or_null(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional(c.getString());
}

ConsentRow read_row(SQLite::Statement& q) {
    ConsentRow r;
    r.candidate_id = q.getColumn(0).getInt64();
    r.scope = q.getColumn(1).getString();
    r.given_on = text_or_null(q.getColumn(2));
    r.valid_until = text_or_null(q.getColumn(3));
    r.withdrawn_on = text_or_null(q.getColumn(4));
    r.source = q.getColumn(5).getString();
    if (!q.getColumn(6).isNull()) {
        r.batch_id = q.getColumn(6).getInt64();
    }
    r.recorded_at = q.getColumn(7).getString();
    return r;
}

void bind_text(SQLite::Statement& q, int index, const std::optional<std::string>& v) {
    if (v) {
        q.bind(index, *v);
    } else {
        q.bind(index);
    }
}

constexpr const char* k_put = "INSERT OR REPLACE INTO consent (candidate_id, scope, given_on, "
                              "valid_until, withdrawn_on, source, batch_id, recorded_at) VALUES "
                              "(?, ?, ?, ?, ?, ?, ?, ?)";

void bind_row(SQLite::Statement& q, const ConsentRow& r) {
    q.bind(1, r.candidate_id);
    q.bind(2, r.scope);
    bind_text(q, 3, r.given_on);
    bind_text(q, 4, r.valid_until);
    bind_text(q, 5, r.withdrawn_on);
    q.bind(6, r.source);
    if (r.batch_id) {
        q.bind(7, *r.batch_id);
    } else {
        q.bind(7);
    }
    q.bind(8, r.recorded_at);
}

} // namespace

std::vector<ConsentRow> consent_rows(Database& db, std::int64_t candidate_id) {
    SQLite::Statement q(db.sql(), std::string("SELECT ") + k_columns +
                                      " FROM consent WHERE candidate_id = ? ORDER BY scope");
    q.bind(1, candidate_id);
    std::vector<ConsentRow> out;
    while (q.executeStep()) {
        out.push_back(read_row(q));
    }
    return out;
}

std::map<std::int64_t, ConsentRow> consent_rows_of_scope(Database& db, const std::string& scope) {
    SQLite::Statement q(db.sql(), std::string("SELECT ") + k_columns +
                                      " FROM consent WHERE scope = ? ORDER BY candidate_id");
    q.bind(1, scope);
    std::map<std::int64_t, ConsentRow> out;
    while (q.executeStep()) {
        auto r = read_row(q);
        const auto id = r.candidate_id;
        out.emplace(id, std::move(r));
    }
    return out;
}

std::map<std::int64_t, std::vector<ConsentRow>> all_consent_rows(Database& db) {
    SQLite::Statement q(db.sql(), std::string("SELECT ") + k_columns +
                                      " FROM consent ORDER BY candidate_id, scope");
    std::map<std::int64_t, std::vector<ConsentRow>> out;
    while (q.executeStep()) {
        auto r = read_row(q);
        const auto id = r.candidate_id;
        out[id].push_back(std::move(r));
    }
    return out;
}

void put_consent_row(Database& db, const ConsentRow& r) {
    SQLite::Statement q(db.sql(), k_put);
    bind_row(q, r);
    q.exec();
}

void delete_consent_rows(Database& db, std::int64_t candidate_id) {
    SQLite::Statement q(db.sql(), "DELETE FROM consent WHERE candidate_id = ?");
    q.bind(1, candidate_id);
    q.exec();
}

std::vector<std::int64_t> consents_changed_after(Database& db, std::int64_t batch) {
    SQLite::Statement q(db.sql(), "SELECT DISTINCT consent.candidate_id FROM consent JOIN "
                                  "candidate ON candidate.id = consent.candidate_id WHERE "
                                  "candidate.created_batch = ?1 AND (consent.batch_id IS NULL OR "
                                  "consent.batch_id <> ?1) ORDER BY 1");
    q.bind(1, batch);
    std::vector<std::int64_t> out;
    while (q.executeStep()) {
        out.push_back(q.getColumn(0).getInt64());
    }
    return out;
}

ConsentTable::ConsentTable(Database& db) : m_db(db) {}

ConsentTable::~ConsentTable() = default;

std::optional<std::int64_t> ConsentTable::candidate_id(const std::string& source,
                                                       const std::string& reference) {
    if (!m_id) {
        m_id = std::make_unique<SQLite::Statement>(
            m_db.sql(), "SELECT id FROM candidate WHERE source = ? AND reference = ?");
    }
    auto& q = *m_id;
    q.reset();
    q.bind(1, source);
    q.bind(2, reference);
    std::optional<std::int64_t> id;
    if (q.executeStep()) {
        id = q.getColumn(0).getInt64();
    }
    q.reset();
    return id;
}

std::vector<ConsentRow> ConsentTable::rows(std::int64_t candidate_id) {
    if (!m_rows) {
        m_rows = std::make_unique<SQLite::Statement>(
            m_db.sql(), std::string("SELECT ") + k_columns +
                            " FROM consent WHERE candidate_id = ? ORDER BY scope");
    }
    auto& q = *m_rows;
    q.reset();
    q.bind(1, candidate_id);
    std::vector<ConsentRow> out;
    while (q.executeStep()) {
        out.push_back(read_row(q));
    }
    q.reset();
    return out;
}

void ConsentTable::put(const ConsentRow& row) {
    if (!m_put) {
        m_put = std::make_unique<SQLite::Statement>(m_db.sql(), k_put);
    }
    auto& q = *m_put;
    q.reset();
    bind_row(q, row);
    q.exec();
}

} // namespace werkstatt
