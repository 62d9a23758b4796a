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

// Bind `r` to the eight parameters of `q` from `first` on.
void bind_row(SQLite::Statement& q, const ConsentRow& r, int first = 1) {
    q.bind(first, r.candidate_id);
    q.bind(first + 1, r.scope);
    bind_text(q, first + 2, r.given_on);
    bind_text(q, first + 3, r.valid_until);
    bind_text(q, first + 4, r.withdrawn_on);
    q.bind(first + 5, r.source);
    if (r.batch_id) {
        q.bind(first + 6, *r.batch_id);
    } else {
        q.bind(first + 6);
    }
    q.bind(first + 7, r.recorded_at);
}

// Rows a multi-row insert writes at once: fewer statements to run, each still small.
constexpr std::size_t k_consent_chunk = 32;

// Return the INSERT of `rows` consent rows.
std::string consent_insert_sql(std::size_t rows) {
    std::string sql = std::string("INSERT INTO consent (") + k_columns + ") VALUES ";
    for (std::size_t i = 0; i < rows; ++i) {
        sql += i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?)";
    }
    return sql;
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

void ConsentTable::insert(const std::vector<ConsentRow>& rows) {
    std::size_t done = 0;
    if (rows.size() >= k_consent_chunk && !m_insert_chunk) {
        m_insert_chunk =
            std::make_unique<SQLite::Statement>(m_db.sql(), consent_insert_sql(k_consent_chunk));
    }
    for (; rows.size() - done >= k_consent_chunk; done += k_consent_chunk) {
        auto& q = *m_insert_chunk;
        q.reset();
        for (std::size_t i = 0; i < k_consent_chunk; ++i) {
            bind_row(q, rows[done + i], static_cast<int>(i) * 8 + 1);
        }
        q.exec();
    }
    if (done < rows.size() && !m_insert_one) {
        m_insert_one = std::make_unique<SQLite::Statement>(m_db.sql(), consent_insert_sql(1));
    }
    for (; done < rows.size(); ++done) {
        auto& q = *m_insert_one;
        q.reset();
        bind_row(q, rows[done]);
        q.exec();
    }
}

} // namespace werkstatt
