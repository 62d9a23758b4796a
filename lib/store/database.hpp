// SPDX-License-Identifier: GPL-3.0-or-later
// The werkstatt database: opening, schema migrations, write transactions with their audit row.
#pragma once

#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace SQLite {
class Database;
class Statement;
} // namespace SQLite

namespace werkstatt {

class Error;

// Whether a command only reads or also writes.
enum class Access { read_only, read_write };

// Whether a write is carried out or only tried and rolled back.
enum class DryRun { no, yes };

// Who is writing, for the audit log.
struct AuditContext {
    std::string os_user;
    std::string command_line;
};

// Where the database is and how to open it.
struct OpenOptions {
    std::filesystem::path path;
    Access access = Access::read_only;
    // How long a command waits for another process that holds the write lock: an import of a
    // million rows takes about 10 s, so the default leaves room for a large one.
    std::int64_t busy_timeout_ms = 60000;
    AuditContext audit;
    // Told one sentence when the database file can be read by its group or by everyone, or when
    // it lies on a network file system and stays in rollback-journal mode.
    std::function<void(const std::string&)> warn;
    // Called once when the connection has waited a second for another process's lock (so that a
    // person at a terminal learns why nothing happens); it keeps waiting afterwards.
    std::function<void()> on_wait;
};

// What `Database::initialise` did.
struct InitResult {
    enum class Outcome { created, migrated, up_to_date } outcome = Outcome::up_to_date;
    int from_version = 0;
    int to_version = 0;
};

// "WkSt" in ASCII: marks the file as a werkstatt database (PRAGMA application_id).
inline constexpr int k_application_id = 0x576B5374;

// Return the schema version this binary writes (the number of the last migration).
int latest_schema_version();

// Return the name of the network file system whose statfs f_type is `f_type` ("NFS", "SMB",
// "CIFS", "SMB2", "FUSE"), or nothing for a local one. FUSE counts as network: it is how sshfs,
// rclone and s3fs mount remote storage, werkstatt cannot tell those from a local FUSE file
// system, and write-ahead logging needs shared memory (the -shm file mapped by every process)
// that a remote file system does not keep coherent; the rollback journal works on any of them.
std::optional<std::string_view> network_file_system(std::int64_t f_type);

class Database {
  public:
    // Open the existing database of `options`, migrating an older schema forward. Throw
    // Error(not_found) if there is none, Error(storage) if it is not a werkstatt database, is
    // corrupt, read-only for a writing command, or newer than this binary, Error(config) if
    // others may write it (see check_database_mode). Every connection overwrites what it
    // deletes (PRAGMA secure_delete = ON), however SQLite was built.
    // A connection that may write puts the database in write-ahead-log mode (readers then never
    // wait for a writer; the mode stays in the file), unless it lies on a network file system
    // (see network_file_system): there it stays in, or goes back to, rollback-journal mode with
    // one warning. Writers wait for each other up to options.busy_timeout_ms.
    static Database open(const OpenOptions& options);
    // Create the database of `options` (folder too, file mode 0600) or migrate it; `result` says
    // which. Harmless on an up-to-date database. Refuses what open() refuses for its mode.
    static Database initialise(const OpenOptions& options, InitResult& result);

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    // Return the SQLiteCpp connection; only code in lib/store uses it.
    SQLite::Database& sql() { return *m_db; }
    const std::filesystem::path& path() const { return m_path; }
    const AuditContext& audit_context() const { return m_audit; }
    // Return the schema version stored in the database.
    int schema_version();
    // Return how long this connection waits for another process's lock, in milliseconds.
    std::int64_t busy_timeout_ms() const;
    // Let SQLite keep up to `mebibytes` of pages in memory on this connection (bulk writes).
    void set_cache_size(int mebibytes);

    struct BusyWait; // how long this connection waits for a lock, and whom it tells

  private:
    Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path, AuditContext audit,
             const OpenOptions& options);
    void migrate(InitResult& result);

    std::unique_ptr<BusyWait> m_busy; // outlives m_db, whose busy handler points to it
    std::unique_ptr<SQLite::Database> m_db;
    std::filesystem::path m_path;
    AuditContext m_audit;
};

// One write: BEGIN IMMEDIATE on construction, rolled back unless `finish` commits it.
class WriteTransaction {
  public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    // Record in the audit log that `action` was done to `entity` number `id`; `details` names
    // what changed (field names, counts), never personal values.
    void audit(std::string_view entity, std::optional<std::int64_t> id, std::string_view action,
               std::string_view details = "");
    // Commit, or with `dry_run` roll back so that nothing changes.
    void finish(DryRun dry_run);

  private:
    Database& m_db;
    bool m_open = true;
    std::unique_ptr<SQLite::Statement> m_audit; // prepared on first use, reused per row
};

// Settings of `db` for one bulk write transaction, made before it begins (SQLite ignores them
// inside one) and undone when this goes:
// - foreign keys are not enforced: for a writer that guarantees its keys itself (an import
//   refers only to the batch it has just inserted and to companies it has looked up);
// - statement journals stay in memory (temp_store = MEMORY): a statement that writes many rows
//   keeps the pages it changes there, instead of spilling them to a temporary file page by page.
class BulkWrite {
  public:
    explicit BulkWrite(Database& db);
    ~BulkWrite();
    BulkWrite(const BulkWrite&) = delete;
    BulkWrite& operator=(const BulkWrite&) = delete;

  private:
    Database& m_db;
    int m_temp_store = 0;
};

// Whether what an erasure deleted is gone from every file beside the database.
enum class Scrubbed {
    yes,    // no journal or write-ahead log holds it
    not_yet // another connection kept the write-ahead log from being emptied
};

// Run `erase` (the deletions of an erasure, DSGVO Art. 17) in one write transaction with its audit
// row, commit it (or with `dry_run` roll it back), then empty the write-ahead log so that no
// copy of the deleted rows stays beside the database: with secure_delete they are overwritten
// in the database file, and the log is checkpointed and truncated to 0 bytes. A rollback
// journal is deleted by SQLite at the commit. Return whether the log could be emptied.
Scrubbed erase_and_scrub(Database& db, const std::function<void(WriteTransaction&)>& erase,
                         DryRun dry_run);

// Refuse the database file `path` if its group or everyone may write it, or if they may write
// the folder it lies in (they could replace it, or leave a journal that SQLite would roll into
// it): throw Error(config) naming the file and the chmod that fixes it. Return a warning when
// its group or everyone may read it, else "". Of a file that does not exist yet, only the folder
// is checked. The write-ahead log and its index (`path`-wal, `path`-shm) hold the same data and
// are checked the same way when they exist (SQLite makes them with the database file's mode).
std::string check_database_mode(const std::filesystem::path& path);

// Return the current time in UTC as YYYY-MM-DDTHH:MM:SSZ.
std::string utc_timestamp();

// Turn the exception in flight (`error`) into a werkstatt Error: SQLite failures become storage,
// busy or conflict errors that name `db_path`; anything unknown becomes an internal error.
Error describe_failure(std::exception_ptr error, const std::filesystem::path& db_path);

} // namespace werkstatt
