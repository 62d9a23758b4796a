// SPDX-License-Identifier: GPL-3.0-or-later
// The consent table (schema 7): one row per candidate and scope, as stored. The meaning of a
// row (which scopes exist, when it holds) is lib/applicants/consent.hpp's.
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Statement;
}

namespace werkstatt {

// One stored consent: dates YYYY-MM-DD, NULL where not recorded.
struct ConsentRow {
    std::int64_t candidate_id = 0;
    std::string scope; // matching, sharing, reporting
    std::optional<std::string> given_on;
    std::optional<std::string> valid_until;
    std::optional<std::string> withdrawn_on;
    std::string source = "by-hand"; // agency-file, form, by-hand
    std::optional<std::int64_t> batch_id;
    std::string recorded_at;
    bool operator==(const ConsentRow&) const = default;
};

// Return the consents of candidate `candidate_id`, by scope name.
std::vector<ConsentRow> consent_rows(Database& db, std::int64_t candidate_id);
// Return the consents of every candidate in `scope`, by candidate id.
std::map<std::int64_t, ConsentRow> consent_rows_of_scope(Database& db, const std::string& scope);
// Return the consents of every candidate, by candidate id and scope name.
std::map<std::int64_t, std::vector<ConsentRow>> all_consent_rows(Database& db);
// Write `row` over the consent of its candidate and scope (or insert it).
void put_consent_row(Database& db, const ConsentRow& row);
// Delete every consent of candidate `candidate_id`.
void delete_consent_rows(Database& db, std::int64_t candidate_id);
// Return the ids of the candidates created by import batch `batch` that hold a consent written
// by anything but that batch (a later import or a hand entry).
std::vector<std::int64_t> consents_changed_after(Database& db, std::int64_t batch);

// The consent table for a writer of many rows (an import): its statements prepared once.
class ConsentTable {
  public:
    explicit ConsentTable(Database& db);
    ~ConsentTable();
    ConsentTable(const ConsentTable&) = delete;
    ConsentTable& operator=(const ConsentTable&) = delete;

    // Return the consents of candidate `candidate_id`, by scope name.
    std::vector<ConsentRow> rows(std::int64_t candidate_id);
    // Write `row` over the consent of its candidate and scope (or insert it).
    void put(const ConsentRow& row);
    // Insert `rows`, consents of candidates that have none in their scopes yet (an import's new
    // records), many to a statement.
    void insert(const std::vector<ConsentRow>& rows);

  private:
    Database& m_db;
    std::unique_ptr<SQLite::Statement> m_rows;
    std::unique_ptr<SQLite::Statement> m_put;
    std::unique_ptr<SQLite::Statement> m_insert_one;
    std::unique_ptr<SQLite::Statement> m_insert_chunk;
};

} // namespace werkstatt
