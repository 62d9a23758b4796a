// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/import_store.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <fmt/format.h>
#include <sqlite3.h>

namespace werkstatt {

namespace {

// Candidates erased by `privacy purge` stay as anonymous remnants for the reports only: every
// lookup of a person leaves them out.
constexpr const char* k_not_purged = " AND purged_on IS NULL";

// The SQL expression that reads column `c` of `table` as the schema's cell.
std::string read_expr(const std::string& table, const std::string& c) {
    if (c == "company_key") {
        return fmt::format("(SELECT key FROM company WHERE company.id = {}.company_id)", table);
    }
    return table + "." + c;
}

std::string select_list(const RecordSchema& schema) {
    std::vector<std::string> parts{schema.table + ".id", "created_batch", "batch_id"};
    for (const auto& c : schema.columns) {
        parts.push_back(read_expr(schema.table, c));
    }
    return text::join(parts, ", ");
}

std::string find_sql(const RecordSchema& schema, RecordKind kind) {
    if (kind == RecordKind::opening) {
        return fmt::format("SELECT {} FROM opening WHERE company_id = (SELECT id FROM company "
                           "WHERE key = ?1) AND reference = ?2",
                           select_list(schema));
    }
    return fmt::format("SELECT {} FROM candidate WHERE source = ?1 AND reference = ?2 AND "
                       "purged_on IS NULL",
                       select_list(schema));
}

// An INSERT of `rows` records; record r binds its cells from ?(r * (columns + 2) + 1) on, then
// the batch and the time.
std::string insert_sql(const RecordSchema& schema, std::size_t rows = 1) {
    std::vector<std::string> columns;
    for (const auto& c : schema.columns) {
        columns.push_back(c == "company_key" ? "company_id" : c);
    }
    columns.insert(columns.end(), {"created_batch", "batch_id", "created_at", "updated_at"});
    std::vector<std::string> records;
    const auto per_row = schema.columns.size() + 2;
    for (std::size_t r = 0; r < rows; ++r) {
        std::size_t n = r * per_row;
        std::vector<std::string> values;
        for (const auto& c : schema.columns) {
            ++n;
            values.push_back(c == "company_key"
                                 ? fmt::format("(SELECT id FROM company WHERE key = ?{})", n)
                                 : fmt::format("?{}", n));
        }
        values.push_back(fmt::format("?{}", n + 1));
        values.push_back(fmt::format("?{}", n + 1));
        values.push_back(fmt::format("?{}", n + 2));
        values.push_back(fmt::format("?{}", n + 2));
        records.push_back("(" + text::join(values, ", ") + ")");
    }
    return fmt::format("INSERT INTO {} ({}) VALUES {}", schema.table, text::join(columns, ", "),
                       text::join(records, ", "));
}

// The lookup of `rows` records of one owner by reference, reading id, batch_id, reference and the
// columns `compare` marks.
std::string match_sql(const RecordSchema& schema, RecordKind kind, const std::vector<bool>& compare,
                      std::size_t rows) {
    std::vector<std::string> parts{"id", "batch_id", "reference"};
    for (std::size_t i = 0; i < schema.columns.size(); ++i) {
        if (compare[i]) {
            parts.push_back(read_expr(schema.table, schema.columns[i]));
        }
    }
    std::vector<std::string> references;
    for (std::size_t r = 0; r < rows; ++r) {
        references.push_back(fmt::format("?{}", r + 2));
    }
    return fmt::format(
        "SELECT {} FROM {} WHERE {} AND reference IN ({})", text::join(parts, ", "), schema.table,
        kind == RecordKind::opening ? "company_id = (SELECT id FROM company WHERE key = ?1)"
                                    : "source = ?1 AND purged_on IS NULL",
        text::join(references, ", "));
}

std::string update_sql(const RecordSchema& schema) {
    std::vector<std::string> sets;
    int n = 0;
    for (const auto& c : schema.columns) {
        ++n;
        sets.push_back(c == "company_key"
                           ? fmt::format("company_id = (SELECT id FROM company WHERE key = ?{})", n)
                           : fmt::format("{} = ?{}", c, n));
    }
    sets.push_back(fmt::format("batch_id = ?{}", n + 1));
    sets.push_back(fmt::format("updated_at = ?{}", n + 2));
    return fmt::format("UPDATE {} SET {} WHERE id = ?{}", schema.table, text::join(sets, ", "),
                       n + 3);
}

std::optional<std::int64_t> optional_int(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional(c.getInt64());
}

StoredRecord read_record(SQLite::Statement& q, std::size_t n) {
    StoredRecord r;
    r.id = q.getColumn(0).getInt64();
    r.created_batch = optional_int(q.getColumn(1));
    r.batch_id = optional_int(q.getColumn(2));
    r.cells.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto col = q.getColumn(static_cast<int>(i + 3));
        r.cells.push_back(col.isNull() ? Cell() : Cell(col.getString()));
    }
    return r;
}

ImportBatch read_batch(SQLite::Statement& q) {
    ImportBatch b;
    b.id = q.getColumn(0).getInt64();
    b.kind = q.getColumn(1).getString();
    b.file_name = q.getColumn(2).getString();
    b.sha256 = q.getColumn(3).getString();
    b.profile = q.getColumn(4).getString();
    b.source = q.getColumn(5).getString();
    b.encoding = q.getColumn(6).getString();
    b.rows_read = q.getColumn(7).getInt64();
    b.inserted = q.getColumn(8).getInt64();
    b.updated = q.getColumn(9).getInt64();
    b.unchanged = q.getColumn(10).getInt64();
    b.rejected = q.getColumn(11).getInt64();
    b.started_at = q.getColumn(12).getString();
    b.finished_at = q.getColumn(13).getString();
    if (!q.getColumn(14).isNull()) {
        b.undone_at = q.getColumn(14).getString();
    }
    return b;
}

constexpr const char* k_batch_columns =
    "id, kind, file_name, sha256, profile, source, encoding, rows_read, inserted, updated, "
    "unchanged, rejected, started_at, finished_at, undone_at";

// Throw the SQLite error `rc` of `db` unless it is a success code.
void check(Database& db, int rc) {
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) {
        throw SQLite::Exception(db.sql().getHandle(), rc);
    }
}

std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> prepare_raw(Database& db,
                                                                  const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    check(db, sqlite3_prepare_v2(db.sql().getHandle(), sql.c_str(), static_cast<int>(sql.size()),
                                 &stmt, nullptr));
    return {stmt, sqlite3_finalize};
}

// Bind `text` without copying it: it outlives the statement's execution.
void bind_text(Database& db, sqlite3_stmt* q, int index, std::string_view text) {
    check(db,
          sqlite3_bind_text(q, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC));
}

void bind_cell(Database& db, sqlite3_stmt* q, int index, const Cell& cell) {
    if (cell) {
        bind_text(db, q, index, *cell);
    } else {
        check(db, sqlite3_bind_null(q, index));
    }
}

void bind_optional(Database& db, sqlite3_stmt* q, int index, const std::optional<std::int64_t>& v) {
    check(db, v ? sqlite3_bind_int64(q, index, *v) : sqlite3_bind_null(q, index));
}

// Bind a record's cells, the batch that writes it and the time, as insert_sql and update_sql
// number them, from parameter `first` on; these run once per imported row, hence the raw
// statements.
void bind_record(Database& db, sqlite3_stmt* q, const std::vector<Cell>& cells,
                 const std::optional<std::int64_t>& batch, const std::string& now, int first = 1) {
    const int n = static_cast<int>(cells.size());
    for (int i = 0; i < n; ++i) {
        bind_cell(db, q, first + i, cells[static_cast<std::size_t>(i)]);
    }
    bind_optional(db, q, first + n, batch);
    bind_text(db, q, first + n + 1, now);
}

// Return true if the column `column` of the current row of `q` holds `cell`, read in place.
bool column_holds(sqlite3_stmt* q, int column, const Cell& cell) {
    if (sqlite3_column_type(q, column) == SQLITE_NULL) {
        return !cell;
    }
    if (!cell) {
        return false;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(q, column));
    return std::string_view(text, size) == *cell;
}

// Run a statement that returns no rows; throw its error as SQLiteCpp's exec() would.
void execute(Database& db, sqlite3_stmt* q) {
    const int rc = sqlite3_step(q);
    if (rc != SQLITE_DONE) {
        SQLite::Exception error(db.sql().getHandle(), rc);
        sqlite3_reset(q);
        throw error;
    }
}

} // namespace

RecordTable::RecordTable(Database& db, RecordKind kind)
    : m_db(db), m_schema(schema_of(kind)), m_kind(kind),
      m_find(prepare_raw(db, find_sql(m_schema, kind))),
      m_insert(prepare_raw(db, insert_sql(m_schema))),
      m_update(prepare_raw(db, update_sql(m_schema))),
      m_recent(prepare_raw(db, fmt::format("SELECT id, reference FROM {} WHERE id <= ? ORDER BY "
                                           "id DESC LIMIT ?",
                                           m_schema.table))) {}

RecordTable::~RecordTable() = default;

std::optional<StoredRecord> RecordTable::find(const std::vector<Cell>& cells,
                                              const std::vector<bool>* only) {
    sqlite3_stmt* q = m_find.get();
    sqlite3_reset(q);
    const auto owner = m_kind == RecordKind::opening ? "company_key" : "source";
    const auto bind = [&](int index, const Cell& cell) {
        const int rc = cell ? sqlite3_bind_text(q, index, cell->data(),
                                                static_cast<int>(cell->size()), SQLITE_STATIC)
                            : sqlite3_bind_null(q, index);
        check(m_db, rc);
    };
    bind(1, cells[m_schema.index(owner)]);
    bind(2, cells[m_schema.index("reference")]);
    const int rc = sqlite3_step(q);
    if (rc == SQLITE_DONE) {
        return std::nullopt;
    }
    if (rc != SQLITE_ROW) {
        check(m_db, rc);
    }
    StoredRecord r;
    r.id = sqlite3_column_int64(q, 0);
    const auto optional_column = [&](int i) {
        return sqlite3_column_type(q, i) == SQLITE_NULL
                   ? std::optional<std::int64_t>()
                   : std::optional<std::int64_t>(sqlite3_column_int64(q, i));
    };
    r.created_batch = optional_column(1);
    r.batch_id = optional_column(2);
    const auto n = m_schema.columns.size();
    r.cells.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const int column = static_cast<int>(i + 3);
        if ((only != nullptr && !(*only)[i]) || sqlite3_column_type(q, column) == SQLITE_NULL) {
            r.cells.emplace_back();
        } else {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q, column));
            r.cells.emplace_back(
                std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(q, column))));
        }
    }
    sqlite3_reset(q);
    return r;
}

std::optional<StoredRecord> RecordTable::find_id(std::int64_t id) {
    if (!m_find_id) {
        m_find_id = std::make_unique<SQLite::Statement>(
            m_db.sql(),
            fmt::format("SELECT {} FROM {} WHERE id = ?{}", select_list(m_schema), m_schema.table,
                        m_kind == RecordKind::candidate ? k_not_purged : ""));
    }
    auto& q = *m_find_id;
    q.reset();
    q.bind(1, id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    auto record = read_record(q, m_schema.columns.size());
    q.reset();
    return record;
}

std::int64_t RecordTable::insert(const std::vector<Cell>& cells, std::optional<std::int64_t> batch,
                                 const std::string& now) {
    sqlite3_reset(m_insert.get()); // its last error, if any, was thrown when it happened
    bind_record(m_db, m_insert.get(), cells, batch, now);
    execute(m_db, m_insert.get());
    return sqlite3_last_insert_rowid(m_db.sql().getHandle());
}

bool RecordTable::insert_new(const std::vector<const std::vector<Cell>*>& rows, std::int64_t batch,
                             const std::string& now) {
    auto it = m_insert_many.find(rows.size());
    if (it == m_insert_many.end()) {
        it =
            m_insert_many.emplace(rows.size(), prepare_raw(m_db, insert_sql(m_schema, rows.size())))
                .first;
    }
    sqlite3_stmt* q = it->second.get();
    sqlite3_reset(q);
    const auto per_row = static_cast<int>(m_schema.columns.size()) + 2;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        bind_record(m_db, q, *rows[r], batch, now, static_cast<int>(r) * per_row + 1);
    }
    auto* handle = m_db.sql().getHandle();
    const int rc = sqlite3_step(q);
    if (rc == SQLITE_DONE) {
        read_inserted_ids(rows);
        return true;
    }
    m_inserted_ids.clear();
    SQLite::Exception error(handle, rc);
    sqlite3_reset(q);
    // The identity is the table's only UNIQUE constraint besides the id, which SQLite picks. A
    // failed constraint aborts just this statement: none of its rows stay, not even the count of
    // AUTOINCREMENT, and the transaction goes on.
    if (error.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE &&
        sqlite3_get_autocommit(handle) == 0) {
        return false;
    }
    throw error;
}

void RecordTable::read_inserted_ids(const std::vector<const std::vector<Cell>*>& rows) {
    // The table counts its ids up (AUTOINCREMENT): the rows one statement inserted are the
    // highest ids up to the last one it inserted. Each is matched to its row by reference, which
    // is unique among them, so that nothing rests on the order SQLite gave them their ids in.
    sqlite3_stmt* q = m_recent.get();
    sqlite3_reset(q);
    sqlite3_bind_int64(q, 1, sqlite3_last_insert_rowid(m_db.sql().getHandle()));
    sqlite3_bind_int64(q, 2, static_cast<std::int64_t>(rows.size()));
    m_returned_ids.clear();
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const auto* reference = reinterpret_cast<const char*>(sqlite3_column_text(q, 1));
        m_returned_ids.emplace_back(sqlite3_column_int64(q, 0), reference ? reference : "");
    }
    sqlite3_reset(q);
    if (rc != SQLITE_DONE) {
        throw SQLite::Exception(m_db.sql().getHandle(), rc);
    }
    // Newest first: the rows' order reversed, as a rule.
    std::reverse(m_returned_ids.begin(), m_returned_ids.end());
    const auto column = m_schema.index("reference");
    m_inserted_ids.assign(rows.size(), 0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& reference = (*rows[r])[column];
        const auto same = [&](const std::pair<std::int64_t, std::string>& returned) {
            return reference && returned.second == *reference;
        };
        if (r < m_returned_ids.size() && same(m_returned_ids[r])) {
            m_inserted_ids[r] = m_returned_ids[r].first;
            continue;
        }
        const auto found = std::find_if(m_returned_ids.begin(), m_returned_ids.end(), same);
        if (found == m_returned_ids.end()) {
            throw Error(ErrorKind::internal,
                        _("a record just inserted has no id; this is a bug, please report it"));
        }
        m_inserted_ids[r] = found->first;
    }
}

void RecordTable::match(const std::vector<const std::vector<Cell>*>& rows,
                        const std::vector<bool>& compare, std::vector<RecordMatch>& matches) {
    const auto owner = m_schema.index(m_kind == RecordKind::opening ? "company_key" : "source");
    const auto reference = m_schema.index("reference");
    for (const auto* row : rows) {
        if ((*row)[owner] != (*rows.front())[owner]) {
            throw Error(ErrorKind::internal, _("records of several owners looked up at once; this "
                                               "is a bug, please report it"));
        }
    }
    if (compare != m_match_columns) {
        m_match.clear();
        m_match_columns = compare;
    }
    auto it = m_match.find(rows.size());
    if (it == m_match.end()) {
        it = m_match
                 .emplace(rows.size(),
                          prepare_raw(m_db, match_sql(m_schema, m_kind, compare, rows.size())))
                 .first;
    }
    sqlite3_stmt* q = it->second.get();
    sqlite3_reset(q);
    bind_cell(m_db, q, 1, (*rows.front())[owner]);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        bind_cell(m_db, q, static_cast<int>(r) + 2, (*rows[r])[reference]);
    }
    matches.assign(rows.size(), RecordMatch{});
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q, 2));
        const std::string_view found(text, static_cast<std::size_t>(sqlite3_column_bytes(q, 2)));
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const auto& cells = *rows[r];
            if (!cells[reference] || *cells[reference] != found) {
                continue;
            }
            auto& m = matches[r];
            m.found = true;
            m.id = sqlite3_column_int64(q, 0);
            if (sqlite3_column_type(q, 1) != SQLITE_NULL) {
                m.batch_id = sqlite3_column_int64(q, 1);
            }
            m.same = true;
            int column = 3;
            for (std::size_t i = 0; i < cells.size() && m.same; ++i) {
                if (compare[i]) {
                    m.same = column_holds(q, column++, cells[i]);
                }
            }
        }
    }
    if (rc != SQLITE_DONE) {
        SQLite::Exception error(m_db.sql().getHandle(), rc);
        sqlite3_reset(q);
        throw error;
    }
    sqlite3_reset(q);
}

void RecordTable::update(std::int64_t id, const std::vector<Cell>& cells,
                         std::optional<std::int64_t> batch, const std::string& now) {
    sqlite3_reset(m_update.get()); // its last error, if any, was thrown when it happened
    bind_record(m_db, m_update.get(), cells, batch, now);
    check(m_db, sqlite3_bind_int64(m_update.get(), static_cast<int>(cells.size()) + 3, id));
    execute(m_db, m_update.get());
}

namespace {

std::vector<std::int64_t> ids_where(Database& db, const std::string& sql,
                                    const std::vector<std::string>& binds) {
    SQLite::Statement q(db.sql(), sql);
    for (std::size_t i = 0; i < binds.size(); ++i) {
        q.bind(static_cast<int>(i + 1), binds[i]);
    }
    std::vector<std::int64_t> ids;
    while (q.executeStep()) {
        ids.push_back(q.getColumn(0).getInt64());
    }
    return ids;
}

} // namespace

std::vector<std::int64_t> candidate_ids_by_reference(Database& db, const std::string& reference,
                                                     const std::optional<std::string>& source) {
    // A reference merged into another record (candidate merge) names the record kept.
    if (source) {
        return ids_where(db,
                         "SELECT id FROM candidate WHERE reference = ?1 AND source = ?2 AND "
                         "purged_on IS NULL UNION SELECT r.candidate_id FROM candidate_reference "
                         "AS r JOIN candidate AS c ON c.id = r.candidate_id WHERE r.reference = "
                         "?1 AND r.source = ?2 AND c.purged_on IS NULL ORDER BY 1",
                         {reference, *source});
    }
    return ids_where(db,
                     "SELECT id FROM candidate WHERE reference = ?1 AND purged_on IS NULL UNION "
                     "SELECT r.candidate_id FROM candidate_reference AS r JOIN candidate AS c ON "
                     "c.id = r.candidate_id WHERE r.reference = ?1 AND c.purged_on IS NULL "
                     "ORDER BY 1",
                     {reference});
}

std::vector<std::int64_t> record_ids(Database& db, RecordKind kind, bool include_inactive,
                                     const std::optional<std::string>& owner) {
    std::string sql;
    std::vector<std::string> binds;
    if (kind == RecordKind::candidate) {
        sql = "SELECT id FROM candidate WHERE purged_on IS NULL";
        sql += include_inactive ? "" : " AND active = 1";
        if (owner) {
            sql += " AND source = ?";
            binds.push_back(*owner);
        }
    } else {
        sql = "SELECT opening.id FROM opening JOIN company ON company.id = company_id WHERE 1 = 1";
        sql += include_inactive ? "" : " AND status = 'open'";
        if (owner) {
            sql += " AND company.key = ?";
            binds.push_back(*owner);
        }
    }
    return ids_where(db, sql + " ORDER BY 1", binds);
}

void set_opening_reference(Database& db, std::int64_t id, const std::string& reference) {
    SQLite::Statement q(db.sql(), "UPDATE opening SET reference = ? WHERE id = ?");
    q.bind(1, reference);
    q.bind(2, id);
    q.exec();
}

std::int64_t insert_batch(Database& db, const ImportBatch& b) {
    SQLite::Statement q(db.sql(), "INSERT INTO import_batch (kind, file_name, sha256, profile, "
                                  "source, encoding, started_at, finished_at) VALUES (?, ?, ?, ?, "
                                  "?, ?, ?, ?)");
    q.bind(1, b.kind);
    q.bind(2, b.file_name);
    q.bind(3, b.sha256);
    q.bind(4, b.profile);
    q.bind(5, b.source);
    q.bind(6, b.encoding);
    q.bind(7, b.started_at);
    q.bind(8, b.finished_at);
    q.exec();
    return db.sql().getLastInsertRowid();
}

void update_batch(Database& db, const ImportBatch& b) {
    SQLite::Statement q(db.sql(), "UPDATE import_batch SET rows_read = ?, inserted = ?, updated = "
                                  "?, unchanged = ?, rejected = ?, finished_at = ? WHERE id = ?");
    q.bind(1, b.rows_read);
    q.bind(2, b.inserted);
    q.bind(3, b.updated);
    q.bind(4, b.unchanged);
    q.bind(5, b.rejected);
    q.bind(6, b.finished_at);
    q.bind(7, b.id);
    q.exec();
}

std::optional<ImportBatch> find_batch(Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(),
                        fmt::format("SELECT {} FROM import_batch WHERE id = ?", k_batch_columns));
    q.bind(1, id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_batch(q);
}

std::vector<ImportBatch> list_batches(Database& db) {
    SQLite::Statement q(
        db.sql(), fmt::format("SELECT {} FROM import_batch ORDER BY id DESC", k_batch_columns));
    std::vector<ImportBatch> out;
    while (q.executeStep()) {
        out.push_back(read_batch(q));
    }
    return out;
}

void RecordTable::record_change(std::int64_t batch, std::int64_t id, const std::string& before,
                                const std::string& entity) {
    if (!m_change) {
        m_change = std::make_unique<SQLite::Statement>(
            m_db.sql(), "INSERT OR IGNORE INTO import_change (batch_id, entity, record_id, "
                        "before) VALUES (?, ?, ?, ?)");
    }
    auto& q = *m_change;
    q.reset();
    q.bind(1, batch);
    q.bind(2, entity.empty() ? m_schema.table : entity);
    q.bind(3, id);
    q.bind(4, before);
    q.exec();
}

std::vector<std::pair<std::int64_t, std::string>> batch_changes(Database& db, std::int64_t batch,
                                                                const std::string& entity) {
    SQLite::Statement q(db.sql(), "SELECT record_id, before FROM import_change WHERE batch_id = ? "
                                  "AND entity = ? ORDER BY record_id");
    q.bind(1, batch);
    q.bind(2, entity);
    std::vector<std::pair<std::int64_t, std::string>> out;
    while (q.executeStep()) {
        out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    }
    return out;
}

std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>>
created_by(Database& db, const std::string& table, std::int64_t batch) {
    SQLite::Statement q(db.sql(), fmt::format("SELECT id, batch_id FROM {} WHERE created_batch = "
                                              "? ORDER BY id",
                                              table));
    q.bind(1, batch);
    std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>> out;
    while (q.executeStep()) {
        out.emplace_back(q.getColumn(0).getInt64(), optional_int(q.getColumn(1)));
    }
    return out;
}

void delete_record(Database& db, const std::string& table, std::int64_t id) {
    SQLite::Statement q(db.sql(), fmt::format("DELETE FROM {} WHERE id = ?", table));
    q.bind(1, id);
    q.exec();
}

void delete_changes_of(Database& db, const std::string& entity, std::int64_t id) {
    SQLite::Statement q(db.sql(), "DELETE FROM import_change WHERE entity = ? AND record_id = ?");
    q.bind(1, entity);
    q.bind(2, id);
    q.exec();
}

std::size_t delete_created_by(Database& db, const std::string& table, std::int64_t batch) {
    SQLite::Statement q(db.sql(), fmt::format("DELETE FROM {} WHERE created_batch = ?", table));
    q.bind(1, batch);
    return static_cast<std::size_t>(q.exec());
}

void mark_undone(Database& db, std::int64_t batch, const std::string& now) {
    SQLite::Statement q(db.sql(), "UPDATE import_batch SET undone_at = ? WHERE id = ?");
    q.bind(1, now);
    q.bind(2, batch);
    q.exec();
}

} // namespace werkstatt
