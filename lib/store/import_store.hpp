// SPDX-License-Identifier: GPL-3.0-or-later
// Rows of candidate and opening as cells of a RecordSchema, and the import_batch and
// import_change tables. Prepared once per import; used row by row.
#pragma once

#include "store/database.hpp"
#include "store/record_schema.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3_stmt;

namespace SQLite {
class Statement;
}

namespace werkstatt {

// A stored record: its id, the batches that created and last wrote it, and its cells.
struct StoredRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> created_batch;
    std::optional<std::int64_t> batch_id;
    std::vector<Cell> cells;
};

// What a lookup found for one row: whether a record with its identity exists, its id and the
// batch that last wrote it, and whether the columns compared hold the row's values.
struct RecordMatch {
    bool found = false;
    std::int64_t id = 0;
    std::optional<std::int64_t> batch_id;
    bool same = false;
};

// Finds, inserts and updates records of one table by their identity: (source, reference) for
// candidates, (company key, reference) for openings.
class RecordTable {
  public:
    RecordTable(Database& db, RecordKind kind);
    ~RecordTable();
    RecordTable(const RecordTable&) = delete;
    RecordTable& operator=(const RecordTable&) = delete;

    // Return the record whose identity columns equal those of `cells`, or nothing; with `only`,
    // just the columns it marks are read (the others come back empty).
    std::optional<StoredRecord> find(const std::vector<Cell>& cells,
                                     const std::vector<bool>* only = nullptr);
    // Return the record with `id`, or nothing.
    std::optional<StoredRecord> find_id(std::int64_t id);
    // Insert `cells` as written by `batch` (empty for a hand edit) at `now`; return the new id.
    std::int64_t insert(const std::vector<Cell>& cells, std::optional<std::int64_t> batch,
                        const std::string& now);
    // Insert the records `rows`, in this order, as written by `batch` at `now`, in one statement,
    // and return true; or, if a record with the identity of one of them exists (or two of them
    // share one), insert none and return false. For an import that expects new records: no
    // lookups, and one statement for many rows. Call it inside a transaction. After true,
    // inserted_ids()[i] is the id of `rows[i]`.
    bool insert_new(const std::vector<const std::vector<Cell>*>& rows, std::int64_t batch,
                    const std::string& now);
    const std::vector<std::int64_t>& inserted_ids() const { return m_inserted_ids; }
    // Look up the records with the identities of `rows`, which must share their owner (source or
    // company), in one statement; set `matches[i]` for `rows[i]`, comparing the columns that
    // `compare` marks.
    void match(const std::vector<const std::vector<Cell>*>& rows, const std::vector<bool>& compare,
               std::vector<RecordMatch>& matches);
    // Write `cells` over record `id`, as written by `batch` (empty for a hand edit) at `now`.
    void update(std::int64_t id, const std::vector<Cell>& cells, std::optional<std::int64_t> batch,
                const std::string& now);
    // Record that `batch` changed record `id`, whose old values were `before` (JSON), so that
    // `import undo` can restore them; `entity` names what changed when it is not the record
    // itself ("consent": the candidate's consents).
    void record_change(std::int64_t batch, std::int64_t id, const std::string& before,
                       const std::string& entity = "");

  private:
    Database& m_db;
    const RecordSchema& m_schema;
    RecordKind m_kind;
    // The lookup runs once per imported row: a raw statement, read without per-column objects.
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> m_find;
    std::unique_ptr<SQLite::Statement> m_find_id;
    std::unique_ptr<SQLite::Statement> m_change;
    // Insert and update run once per imported row too.
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> m_insert;
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> m_update;
    // By number of rows: the statements of insert_new and match, prepared on first use.
    std::map<std::size_t, std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>> m_insert_many;
    std::map<std::size_t, std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>> m_match;
    std::vector<bool> m_match_columns; // the columns m_match compares
    // The ids insert_new gave its rows, read back by read_inserted_ids.
    void read_inserted_ids(const std::vector<const std::vector<Cell>*>& rows);
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> m_recent;
    std::vector<std::int64_t> m_inserted_ids;                         // of insert_new's rows
    std::vector<std::pair<std::int64_t, std::string>> m_returned_ids; // id, reference
};

// Return the ids of candidates with `reference` (from `source` only, if given), by id.
std::vector<std::int64_t> candidate_ids_by_reference(Database& db, const std::string& reference,
                                                     const std::optional<std::string>& source);
// Return the ids of the records of `kind`: all or only active ones (candidates not archived,
// openings open), of one `owner` (a candidate source or an opening's company key) if given.
std::vector<std::int64_t> record_ids(Database& db, RecordKind kind, bool include_inactive,
                                     const std::optional<std::string>& owner);
// Give opening `id` the reference `reference`.
void set_opening_reference(Database& db, std::int64_t id, const std::string& reference);

// One import run as recorded.
struct ImportBatch {
    std::int64_t id = 0;
    std::string kind;
    std::string file_name;
    std::string sha256;
    std::string profile;
    std::string source;
    std::string encoding;
    std::int64_t rows_read = 0;
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    std::string started_at;
    std::string finished_at;
    std::optional<std::string> undone_at;
};

// Insert `batch` and return its id.
std::int64_t insert_batch(Database& db, const ImportBatch& batch);
// Write the counts and finish time of `batch` over its row.
void update_batch(Database& db, const ImportBatch& batch);
// Return the batch with `id`, or nothing.
std::optional<ImportBatch> find_batch(Database& db, std::int64_t id);
// Return all batches, newest first.
std::vector<ImportBatch> list_batches(Database& db);
// Return (record id, before JSON) of every change `batch` made to `entity`.
std::vector<std::pair<std::int64_t, std::string>> batch_changes(Database& db, std::int64_t batch,
                                                                const std::string& entity);
// Return the ids of `table` records created by `batch`, with the batch that last wrote each.
std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>>
created_by(Database& db, const std::string& table, std::int64_t batch);
// Delete record `id` of `table`.
void delete_record(Database& db, const std::string& table, std::int64_t id);
// Delete every record of `table` created by `batch`; return how many.
std::size_t delete_created_by(Database& db, const std::string& table, std::int64_t batch);
// Delete every before-image of record `id` of `entity` (they hold its old values).
void delete_changes_of(Database& db, const std::string& entity, std::int64_t id);
// Mark `batch` as undone at `now`.
void mark_undone(Database& db, std::int64_t batch, const std::string& now);

} // namespace werkstatt
