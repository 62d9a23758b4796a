// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/backup.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace werkstatt {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_prefix = "werkstatt-";
constexpr std::string_view k_suffix = ".db";

std::int64_t size_of(const fs::path& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    return ec ? 0 : static_cast<std::int64_t>(size);
}

fs::path folder_of(const fs::path& path) {
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

// Copy the database of `source` into a new database file `dest` with SQLite's online backup
// API, in one step (one read transaction: a consistent copy, never restarted by a writer),
// trying again while a writer in rollback-journal mode holds the file, up to `timeout_ms`. The
// copy gets a rollback journal: one self-contained file.
void copy_database(SQLite::Database& source, const fs::path& dest, std::int64_t timeout_ms) {
    SQLite::Database copy(dest.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    sqlite3_backup* backup =
        sqlite3_backup_init(copy.getHandle(), "main", source.getHandle(), "main");
    if (backup == nullptr) {
        throw SQLite::Exception(copy.getHandle(), sqlite3_errcode(copy.getHandle()));
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    int rc = SQLITE_OK;
    for (;;) {
        rc = sqlite3_backup_step(backup, -1);
        if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
            std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
        }
        break;
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        throw SQLite::Exception(sqlite3_errstr(rc), rc);
    }
    copy.execAndGet("PRAGMA journal_mode = DELETE");
}

// Return the existing backups (backup_file_name) in `folder`, oldest first.
std::vector<fs::path> backups_in(const fs::path& folder) {
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        std::error_code type_ec;
        if (entry.is_regular_file(type_ec) && !entry.is_symlink(type_ec) &&
            is_backup_file_name(entry.path().filename().string())) {
            found.push_back(entry.path());
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

Error bad_backup(const fs::path& backup, std::string_view what) {
    return Error(ErrorKind::bad_data, _f("{} {}", backup.string(), what));
}

// Check that `backup` is a werkstatt database this binary can restore; return its schema
// version. Throw Error(not_found) or Error(bad_data) as restore_database says.
int check_backup(const fs::path& backup) {
    std::error_code ec;
    if (!fs::is_regular_file(backup, ec)) {
        throw Error(
            ErrorKind::not_found,
            _f("no backup file at {}; name a file 'werkstatt db backup' wrote", backup.string()));
    }
    const auto not_ours = "is not a werkstatt backup; name a file 'werkstatt db backup' wrote";
    try {
        SQLite::Database db(backup.string(), SQLite::OPEN_READONLY);
        const int app = db.execAndGet("PRAGMA application_id").getInt();
        const int version = db.execAndGet("PRAGMA user_version").getInt();
        if (app != k_application_id || version == 0) {
            throw bad_backup(backup, not_ours);
        }
        if (version > latest_schema_version()) {
            throw bad_backup(backup, fmt::format("has schema version {}, newer than this "
                                                 "werkstatt understands ({}); upgrade werkstatt "
                                                 "to restore it",
                                                 version, latest_schema_version()));
        }
        const auto result = db.execAndGet("PRAGMA integrity_check(1)").getString();
        if (result != "ok") {
            throw bad_backup(backup, fmt::format("is damaged (integrity check: {}); choose "
                                                 "another backup",
                                                 result));
        }
        return version;
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_NOTADB || e.getErrorCode() == SQLITE_CORRUPT) {
            throw bad_backup(backup, not_ours);
        }
        throw;
    }
}

Error in_use(const fs::path& db) {
    return Error(ErrorKind::busy,
                 _f("database {} is open in another process (a werkstatt command, or a "
                    "program such as the sqlite3 shell); let it finish or close it, "
                    "then restore again; nothing was changed",
                    db.string()));
}

bool is_busy(const SQLite::Exception& e) {
    return e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED;
}

// Take the exclusive lock of the live database on `lock` without waiting: granted only when no
// other connection has the file open in write-ahead-log mode (each holds a shared lock on it
// for as long as it is open) or is in a transaction on it. Throw in_use() otherwise.
void lock_exclusively(SQLite::Database& lock, const fs::path& db) {
    try {
        lock.exec("PRAGMA locking_mode = EXCLUSIVE");
        lock.exec("BEGIN EXCLUSIVE");
        lock.execAndGet("SELECT count(*) FROM sqlite_schema");
        lock.exec("COMMIT"); // the lock stays: locking_mode = EXCLUSIVE keeps it
    } catch (const SQLite::Exception& e) {
        if (is_busy(e)) {
            throw in_use(db);
        }
        throw;
    }
}

// Copy the bytes of the open file `fd` to `target` (mode 0600), atomically.
void copy_file_bytes(int fd, const fs::path& source, const fs::path& target) {
    AtomicFile out(target, FileMode::private_to_owner);
    std::vector<char> buffer(1 << 20);
    off_t offset = 0;
    for (;;) {
        const ssize_t n = ::pread(fd, buffer.data(), buffer.size(), offset);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw Error(ErrorKind::storage,
                        _f("database {} cannot be read ({}); check the disk", source.string(),
                           std::generic_category().message(errno)));
        }
        if (n == 0) {
            break;
        }
        out.write(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        offset += n;
    }
    out.commit();
}

std::string mode_text(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return "";
    }
    return fmt::format("{:04o}", st.st_mode & 07777);
}

} // namespace

std::string backup_file_name(std::string_view utc_timestamp) {
    // 2026-12-03T17:05:09Z -> werkstatt-2026-12-03T170509.db
    std::string name(k_prefix);
    for (const char c : utc_timestamp.substr(0, 19)) {
        if (c != ':') {
            name += c;
        }
    }
    return name + std::string(k_suffix);
}

bool is_backup_file_name(std::string_view name) {
    // werkstatt-YYYY-MM-DDTHHMMSS.db
    constexpr std::string_view shape = "werkstatt-0000-00-00T000000.db";
    if (name.size() != shape.size()) {
        return false;
    }
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const bool digit = std::isdigit(static_cast<unsigned char>(name[i])) != 0;
        if (shape[i] == '0' ? !digit : name[i] != shape[i]) {
            return false;
        }
    }
    return true;
}

BackupResult backup_database(Database& db, const fs::path& target, std::optional<int> keep) {
    std::error_code ec;
    const auto text = target.string();
    const bool to_folder = (!text.empty() && text.back() == '/') || fs::is_directory(target, ec);
    const fs::path folder =
        to_folder ? (target.has_filename() ? target : target.parent_path()) : folder_of(target);
    if (!fs::is_directory(folder, ec)) {
        throw Error(ErrorKind::output,
                    _f("backup folder {} does not exist; create it first (mkdir -m 700 "
                       "{}); nothing was written",
                       folder.string(), folder.string()));
    }
    if (keep && !to_folder) {
        throw Error(ErrorKind::usage, _("--keep needs a folder as the target (it rotates the "
                                        "backups named werkstatt-DATE.db there); name a folder"));
    }
    if (keep && *keep < 1) {
        throw Error(ErrorKind::usage,
                    _("--keep must be at least 1; give how many backups to keep"));
    }
    BackupResult result;
    result.file = to_folder ? folder / backup_file_name(utc_timestamp()) : target;
    if (fs::equivalent(result.file, db.path(), ec)) {
        throw Error(ErrorKind::usage, _f("{} is the database itself; name another file "
                                         "or a folder for the backup",
                                         result.file.string()));
    }
    if (keep) {
        auto existing = backups_in(folder);
        std::erase(existing, result.file);
        const auto keep_old = static_cast<std::size_t>(*keep - 1); // the new one counts
        if (existing.size() > keep_old) {
            result.removed.assign(existing.begin(),
                                  existing.end() - static_cast<std::ptrdiff_t>(keep_old));
        }
    }
    const auto details =
        fmt::format("copy written to {}{}", fs::absolute(result.file).string(),
                    result.removed.empty() ? std::string()
                                           : fmt::format("; {} older backups removed (--keep {})",
                                                         result.removed.size(), *keep));
    write_file_atomically_via(result.file, FileMode::private_to_owner, [&](const fs::path& temp) {
        // Under the write lock, so that the copy is the database as committed, with nothing
        // changing between it and the audit row: the row goes into the live database and into
        // the copy (which then names itself), and it is committed only once the copy is whole.
        // SQLite copies only from a connection without a write transaction: a second one reads.
        WriteTransaction txn(db);
        txn.audit("database", std::nullopt, "backup", details);
        {
            SQLite::Database reader(db.path().string(),
                                    SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
            copy_database(reader, temp, db.busy_timeout_ms());
        }
        SQLite::Database copy(temp.string(), SQLite::OPEN_READWRITE);
        SQLite::Statement row(copy, "INSERT INTO audit_log (at, os_user, command, entity, "
                                    "entity_id, action, details) VALUES (?, ?, ?, 'database', "
                                    "NULL, 'backup', ?)");
        row.bind(1, utc_timestamp());
        row.bind(2, db.audit_context().os_user);
        row.bind(3, db.audit_context().command_line);
        row.bind(4, details);
        row.exec();
        txn.finish(DryRun::no);
    });
    result.bytes = size_of(result.file);
    for (const auto& old : result.removed) {
        fs::remove(old, ec);
    }
    return result;
}

RestoreResult restore_database(const OpenOptions& options, const fs::path& backup, DryRun dry_run) {
    const auto& live = options.path;
    RestoreResult result;
    result.backup_version = check_backup(backup);
    result.version = latest_schema_version();
    std::error_code ec;
    if (fs::equivalent(backup, live, ec)) {
        throw Error(ErrorKind::usage,
                    _f("{} is the database itself; name a backup file", backup.string()));
    }
    check_database_mode(live);
    const bool exists = fs::exists(live, ec);
    if (!exists && !fs::is_directory(folder_of(live), ec)) {
        throw Error(ErrorKind::not_found,
                    _f("the folder of database {} does not exist; create it or name "
                       "another database with --db",
                       live.string()));
    }
    std::optional<SQLite::Database> lock;
    if (exists) {
        lock.emplace(live.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX, 0);
        lock_exclusively(*lock, live);
        result.before_restore = live.string() + ".before-restore";
    }
    if (dry_run == DryRun::yes) {
        return result;
    }
    int fd = -1;
    if (lock) {
        // One self-contained file (the log folded in), under the lock for the rest.
        try {
            if (lock->execAndGet("PRAGMA journal_mode = DELETE").getString() != "delete") {
                throw in_use(live);
            }
            lock->exec("BEGIN EXCLUSIVE");
            lock->execAndGet("SELECT count(*) FROM sqlite_schema");
        } catch (const SQLite::Exception& e) {
            if (is_busy(e)) {
                throw in_use(live);
            }
            throw;
        }
        // Kept open until the new file has taken the name: closing any descriptor of a file
        // drops this process's POSIX locks on it, SQLite's too.
        fd = ::open(live.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) {
            throw Error(ErrorKind::storage,
                        _f("database {} cannot be read ({}); check its permissions", live.string(),
                           std::generic_category().message(errno)));
        }
    }
    try {
        if (fd >= 0) {
            copy_file_bytes(fd, live, result.before_restore);
        }
        SQLite::Database source(backup.string(), SQLite::OPEN_READONLY);
        write_file_atomically_via(live, FileMode::private_to_owner, [&](const fs::path& temp) {
            copy_database(source, temp, options.busy_timeout_ms);
        });
        for (const char* suffix : {"-wal", "-shm", "-journal"}) {
            fs::remove(live.string() + suffix, ec);
        }
    } catch (...) {
        if (fd >= 0) {
            ::close(fd);
        }
        throw;
    }
    lock.reset();
    if (fd >= 0) {
        ::close(fd);
    }
    auto db = Database::open(options); // migrates an older backup; write-ahead log again
    WriteTransaction txn(db);
    txn.audit("database", std::nullopt, "restore",
              fmt::format("restored from {} (schema version {}){}", fs::absolute(backup).string(),
                          result.backup_version,
                          result.before_restore.empty()
                              ? std::string()
                              : fmt::format("; the previous database is {}",
                                            fs::absolute(result.before_restore).string())));
    txn.finish(DryRun::no);
    return result;
}

std::vector<CheckFinding> check_database(const fs::path& path, CheckDepth depth) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        throw Error(ErrorKind::not_found,
                    _f("no database at {}; name it with --db", path.string()));
    }
    std::vector<CheckFinding> findings;
    // File modes: what check_database_mode refuses or warns about is a warning here.
    try {
        const auto exposed = check_database_mode(path);
        std::string detail =
            fmt::format("database {}, folder {}", mode_text(path), mode_text(folder_of(path)));
        for (const char* suffix : {"-wal", "-shm"}) {
            const auto side = path.string() + suffix;
            if (fs::exists(side, ec)) {
                detail += fmt::format(", {} {}", suffix, mode_text(side));
            }
        }
        findings.push_back({"file mode", exposed.empty() ? Health::ok : Health::warning,
                            exposed.empty() ? detail : exposed});
    } catch (const Error& e) {
        findings.push_back({"file mode", Health::warning, e.what()});
    }
    const auto unreadable = [&](const SQLite::Exception& e) {
        findings.push_back({"integrity", Health::failed,
                            fmt::format("SQLite cannot read it as a database ({})",
                                        sqlite3_errstr(e.getErrorCode()))});
        return findings;
    };
    std::optional<SQLite::Database> db;
    try {
        db.emplace(path.string(), SQLite::OPEN_READONLY);
        const int app = db->execAndGet("PRAGMA application_id").getInt();
        const int version = db->execAndGet("PRAGMA user_version").getInt();
        const int latest = latest_schema_version();
        if (app != k_application_id) {
            findings.push_back({"schema", Health::failed, "not a werkstatt database"});
        } else if (version > latest) {
            findings.push_back({"schema", Health::failed,
                                fmt::format("version {}, newer than this werkstatt ({}); "
                                            "upgrade werkstatt",
                                            version, latest)});
        } else if (version < latest) {
            findings.push_back({"schema", Health::warning,
                                fmt::format("version {}, older than this werkstatt ({}); the "
                                            "next command that writes migrates it",
                                            version, latest)});
        } else {
            findings.push_back({"schema", Health::ok, fmt::format("version {}", version)});
        }
    } catch (const SQLite::Exception& e) {
        return unreadable(e);
    }
    try {
        SQLite::Statement q(*db, depth == CheckDepth::quick ? "PRAGMA quick_check(100)"
                                                            : "PRAGMA integrity_check(100)");
        std::vector<std::string> problems;
        while (q.executeStep()) {
            // One row may hold several lines, the first naming the schema ("*** in database
            // main ***"); each other line is one problem.
            std::istringstream lines(q.getColumn(0).getString());
            for (std::string line; std::getline(lines, line);) {
                if (line != "ok" && !line.empty() && !line.starts_with("***")) {
                    problems.push_back(line);
                }
            }
        }
        findings.push_back(
            {depth == CheckDepth::quick ? "quick check" : "integrity",
             problems.empty() ? Health::ok : Health::failed,
             problems.empty()
                 ? "ok"
                 : fmt::format("{}{} problems; first: {}", problems.size(),
                               problems.size() >= 100 ? " or more" : "", problems.front())});
    } catch (const SQLite::Exception& e) {
        findings.push_back(
            {depth == CheckDepth::quick ? "quick check" : "integrity", Health::failed,
             fmt::format("the file is damaged ({})", sqlite3_errstr(e.getErrorCode()))});
    }
    try {
        SQLite::Statement q(*db, "PRAGMA foreign_key_check");
        std::int64_t broken = 0;
        std::string first;
        while (q.executeStep()) {
            if (broken++ == 0) {
                first = fmt::format("{} row {} refers to a missing {}", q.getColumn(0).getString(),
                                    q.getColumn(1).getInt64(), q.getColumn(2).getString());
            }
        }
        findings.push_back({"foreign keys", broken == 0 ? Health::ok : Health::failed,
                            broken == 0 ? "ok"
                                        : fmt::format("{} rows refer to missing records; first: {}",
                                                      broken, first)});
    } catch (const SQLite::Exception& e) {
        findings.push_back({"foreign keys", Health::failed,
                            fmt::format("cannot be checked, the file is damaged ({})",
                                        sqlite3_errstr(e.getErrorCode()))});
    }
    try {
        const auto mode = db->execAndGet("PRAGMA journal_mode").getString();
        const auto wal = size_of(path.string() + "-wal");
        constexpr std::int64_t k_large_log = 64LL << 20;
        findings.push_back(
            {"write-ahead log", wal > k_large_log ? Health::warning : Health::ok,
             fmt::format("journal mode {}, log {} bytes{}", mode, wal,
                         wal > k_large_log ? "; a process that keeps the database open may keep "
                                             "it from being folded back in"
                                           : "")});
    } catch (const SQLite::Exception& e) {
        findings.push_back({"write-ahead log", Health::failed,
                            fmt::format("cannot be read ({})", sqlite3_errstr(e.getErrorCode()))});
    }
    return findings;
}

Health overall_health(const std::vector<CheckFinding>& findings) {
    Health worst = Health::ok;
    for (const auto& f : findings) {
        if (f.health == Health::failed) {
            return Health::failed;
        }
        if (f.health == Health::warning) {
            worst = Health::warning;
        }
    }
    return worst;
}

DatabaseInfo database_info(Database& db) {
    auto& sql = db.sql();
    DatabaseInfo info;
    info.path = db.path();
    info.bytes = size_of(db.path());
    info.schema_version = db.schema_version();
    info.binary_schema_version = latest_schema_version();
    info.journal_mode = sql.execAndGet("PRAGMA journal_mode").getString();
    info.page_size = sql.execAndGet("PRAGMA page_size").getInt64();
    info.page_count = sql.execAndGet("PRAGMA page_count").getInt64();
    info.wal_bytes = size_of(db.path().string() + "-wal");
    info.companies = sql.execAndGet("SELECT count(*) FROM company").getInt64();
    info.candidates =
        sql.execAndGet("SELECT count(*) FROM candidate WHERE purged_on IS NULL").getInt64();
    info.openings = sql.execAndGet("SELECT count(*) FROM opening").getInt64();
    info.events = sql.execAndGet("SELECT count(*) FROM event").getInt64();
    SQLite::Statement backup(sql, "SELECT at || ': ' || details FROM audit_log WHERE entity = "
                                  "'database' AND action = 'backup' ORDER BY id DESC LIMIT 1");
    if (backup.executeStep()) {
        info.last_backup = backup.getColumn(0).getString();
    }
    SQLite::Statement last(sql, "SELECT max(finished_at) FROM import_batch");
    if (last.executeStep() && !last.getColumn(0).isNull()) {
        info.last_import = last.getColumn(0).getString();
    }
    return info;
}

} // namespace werkstatt
