// SPDX-License-Identifier: GPL-3.0-or-later
// The database file as a whole (`werkstatt db`): consistent backups while others write, a
// checked restore, the health check a monitoring script reads, and what the file holds.
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// What `backup_database` wrote.
struct BackupResult {
    std::filesystem::path file;                 // the backup
    std::int64_t bytes = 0;                     // its size
    std::vector<std::filesystem::path> removed; // older backups --keep removed
};

// Return the name a backup made at `utc_timestamp` (YYYY-MM-DDTHH:MM:SSZ, as utc_timestamp()
// gives it) gets in a folder: werkstatt-YYYY-MM-DDTHHMMSS.db, in UTC so that names sort as
// time does across the change to and from summer time.
std::string backup_file_name(std::string_view utc_timestamp);

// Return whether `name` is a name backup_file_name gives (only those are rotated).
bool is_backup_file_name(std::string_view name);

// Copy the database `db` to `target` with SQLite's online backup API, in one step inside one
// write transaction of `db` that also writes the audit row naming the copy (entity "database",
// action "backup"): the copy is the database at one moment, holds the row that names it, and
// the row is committed only once the copy is whole, so no copy of the personal data exists that
// the log does not name. Readers go on meanwhile (write-ahead log); another writer waits for it,
// and it waits for another writer, up to the busy timeout. The copy has a rollback journal (one
// self-contained file), mode 0600, and is written to a temporary in the target's folder and
// renamed into place. A `target` that is an existing folder, or ends in '/', gets a file named
// by backup_file_name; then `keep` (at least 1) removes the oldest of that folder's backups
// beyond the newest `keep`. Throw Error(output) naming the folder if it does not exist or takes
// no file (nothing is created), Error(usage) for `keep` with a file target or a target that is
// the database itself, Error(busy) if a writer holds the database past its busy timeout.
BackupResult backup_database(Database& db, const std::filesystem::path& target,
                             std::optional<int> keep);

// What `restore_database` did or, in a dry run, would do.
struct RestoreResult {
    std::filesystem::path before_restore; // the previous database, kept ("" if there was none)
    int backup_version = 0;               // the backup's schema version
    int version = 0;                      // the schema version after the restore
};

// Replace the database of `options` with the backup `backup`. First the backup is checked
// (integrity_check, application_id, schema version not newer than this binary): Error(bad_data)
// says what is wrong with it ("upgrade werkstatt" for a newer one), Error(not_found) if it does
// not exist. Then the live database is locked exclusively without waiting: SQLite grants that
// only when no other connection has it open in write-ahead-log mode or is in a transaction on
// it, so Error(busy) means another process has it open. Under that lock the live file is copied
// to <db>.before-restore (mode 0600), the backup is copied beside it and renamed over it, stale
// -wal/-shm files are removed, and the restored database is migrated to this binary's schema
// with an audit row (entity "database", action "restore"). With `dry_run` everything stops after
// the checks and the lock. On every error before the rename the live database keeps its content.
RestoreResult restore_database(const OpenOptions& options, const std::filesystem::path& backup,
                               DryRun dry_run);

// How a check of `check_database` came out.
enum class Health { ok, warning, failed };

// One line of `werkstatt db check`.
struct CheckFinding {
    std::string check; // "integrity", "foreign keys", "schema", "file mode", ...
    Health health = Health::ok;
    std::string detail; // what was found, one line
};

// How thoroughly the pages are checked: PRAGMA integrity_check or the faster quick_check.
enum class CheckDepth { full, quick };

// Check the database file `path` without changing it (read-only, no migration): its pages, its
// foreign keys, that it is a werkstatt database and its schema version against this binary's,
// the modes of the file, its folder and its -wal/-shm files, and the size of the write-ahead
// log. A file SQLite cannot read as a database is one failed finding, not an exception.
// Throw Error(not_found) if there is no file at `path`.
std::vector<CheckFinding> check_database(const std::filesystem::path& path, CheckDepth depth);

// Return the lowest health of `findings` (failed before warning before ok).
Health overall_health(const std::vector<CheckFinding>& findings);

// What `werkstatt db info` shows.
struct DatabaseInfo {
    std::filesystem::path path;
    std::int64_t bytes = 0;
    int schema_version = 0;
    int binary_schema_version = 0;
    std::string journal_mode;
    std::int64_t page_size = 0;
    std::int64_t page_count = 0;
    std::int64_t wal_bytes = 0; // 0 when there is no -wal file
    std::int64_t companies = 0;
    std::int64_t candidates = 0; // erased remnants left out
    std::int64_t openings = 0;
    std::int64_t events = 0;
    std::optional<std::string> last_backup; // time and file of the last audited backup
    std::optional<std::string> last_import; // time the last import finished
};

// Return what `db` holds and how it is stored.
DatabaseInfo database_info(Database& db);

} // namespace werkstatt
