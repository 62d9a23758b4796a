// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database.hpp"
#include "core/i18n.hpp"

#include "core/embedded.hpp"
#include "core/error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <fmt/format.h>
#include <new>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace werkstatt {

struct Database::BusyWait {
    std::int64_t timeout_ms = 0;
    std::function<void()> on_wait;
    std::chrono::steady_clock::time_point since;
    bool told = false;
};

namespace {

std::vector<std::string_view> migrations() {
    return embedded_names("migrations/");
}

int read_pragma(SQLite::Database& db, const char* name) {
    return db.execAndGet(fmt::format("PRAGMA {}", name)).getInt();
}

Error storage(const std::filesystem::path& path, std::string_view what) {
    return Error(ErrorKind::storage, _f("database {} {}", path.string(), what));
}

void check_identity(SQLite::Database& db, const std::filesystem::path& path) {
    const int app = read_pragma(db, "application_id");
    if (app != k_application_id) {
        const bool empty = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0;
        if (app != 0 || !empty) {
            throw storage(path, "is not a werkstatt database; choose another file with --db");
        }
    }
    const int version = read_pragma(db, "user_version");
    if (version > latest_schema_version()) {
        throw storage(path, fmt::format("has schema version {}, newer than this werkstatt "
                                        "understands ({}); install a newer werkstatt",
                                        version, latest_schema_version()));
    }
}

// SQLite's busy handler: called with `count` 0, 1, 2, ... while another connection holds the
// lock this one needs. Wait in short steps (a writer's commit takes milliseconds) up to the
// timeout, and tell once when the wait passes a second. Return 0 to give up (SQLITE_BUSY).
int wait_while_busy(void* data, int count) noexcept {
    auto& wait = *static_cast<Database::BusyWait*>(data);
    const auto now = std::chrono::steady_clock::now();
    if (count == 0) {
        wait.since = now;
    }
    const auto waited =
        std::chrono::duration_cast<std::chrono::milliseconds>(now - wait.since).count();
    if (waited >= wait.timeout_ms) {
        return 0;
    }
    if (!wait.told && waited >= 1000) {
        wait.told = true;
        if (wait.on_wait) {
            try {
                wait.on_wait();
            } catch (...) { // only a message; waiting goes on
            }
        }
    }
    const std::int64_t step = count < 5 ? 1 : count < 20 ? 5 : 20;
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::min(step, wait.timeout_ms - waited)));
    return 1;
}

// Open options every connection gets: what it deletes is overwritten, not left in free space.
// synchronous = FULL: in write-ahead-log mode NORMAL skips the fsync of the log at each commit,
// so a power cut could take back the last commits; an erasure (DSGVO Art. 17) or an audit row
// werkstatt has reported done must stay done. FULL costs one fsync per commit: measured on the
// import benchmark (bench/README.md) the two differ by less than the noise for a large import.
void set_connection_options(SQLite::Database& db) {
    db.exec("PRAGMA secure_delete = ON");
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = FULL");
    // After a checkpoint the log is cut back to 64 MiB at most, instead of keeping the size of
    // the largest import ever written.
    db.exec("PRAGMA journal_size_limit = 67108864");
}

// Return the folder `path` lies in ("." for a bare file name).
std::filesystem::path folder_of(const std::filesystem::path& path) {
    return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

void create_private_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (path.has_parent_path() && !std::filesystem::exists(path.parent_path(), ec)) {
        // New folders are private: the database holds personal data.
        const auto old_mask = ::umask(077);
        std::filesystem::create_directories(path.parent_path(), ec);
        ::umask(old_mask);
        if (ec) {
            throw storage(
                path, fmt::format("has a folder that cannot be created ({}); check the path and "
                                  "permissions",
                                  ec.message()));
        }
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw storage(path, fmt::format("cannot be created ({}); check the folder's permissions",
                                        std::generic_category().message(errno)));
    }
    ::close(fd);
}

// Throw Error(config) if `folder`, where the database `path` or its real file lies, can be
// written by others, or if it belongs to another user (not root) while the database is `mine`
// (ours, or about to be made): that user could replace our file.
void check_folder_mode(const std::filesystem::path& path, const std::filesystem::path& folder,
                       bool mine) {
    struct stat dir {};
    if (::stat(folder.c_str(), &dir) != 0) {
        return;
    }
    if (mine && dir.st_uid != ::geteuid() && dir.st_uid != 0) {
        throw Error(ErrorKind::config,
                    _f("database {} lies in a folder that belongs to another user (uid "
                       "{}), who could replace it; move it into a folder of your own",
                       path.string(), dir.st_uid));
    }
    if ((dir.st_mode & 022) != 0) {
        const auto dir_mode = dir.st_mode & 07777;
        const bool own = dir.st_uid == ::geteuid() && (dir_mode & S_ISVTX) == 0;
        throw Error(ErrorKind::config,
                    _f("database {} lies in a folder others can write (mode {:04o}), "
                       "who could replace it; {}",
                       path.string(), dir_mode,
                       own ? fmt::format("run 'chmod go-w {}'", folder.string())
                           : std::string("move it into a folder only you can write")));
    }
}

// Return the name of the network file system `folder` lies on, or nothing for a local one.
std::optional<std::string_view> network_file_system_of(const std::filesystem::path& folder) {
    struct statfs fs {};
    if (::statfs(folder.c_str(), &fs) != 0) {
        return std::nullopt;
    }
    return network_file_system(static_cast<std::int64_t>(fs.f_type));
}

// Put the database of `db` (at `path`, open for writing) in write-ahead-log mode, or on a network
// file system in rollback-journal mode, telling `warn` why.
void choose_journal_mode(SQLite::Database& db, const std::filesystem::path& path,
                         const std::function<void(const std::string&)>& warn) {
    const auto current = db.execAndGet("PRAGMA journal_mode").getString();
    if (const auto network = network_file_system_of(folder_of(path))) {
        if (current == "wal") {
            db.execAndGet("PRAGMA journal_mode = DELETE");
        }
        if (warn) {
            warn(_f("database {} lies on a network file system ({}), so it uses a "
                    "rollback journal: write-ahead logging needs shared memory that "
                    "network file systems do not provide; readers wait while another "
                    "command writes; move it to a local disk to avoid that",
                    path.string(), *network));
        }
    } else if (current != "wal") {
        db.execAndGet("PRAGMA journal_mode = WAL");
    }
}

// Throw Error(config) if the side file `side` of the database `path` (its -wal or -shm) can be
// changed by others; return a warning if others can read it, else "".
std::string check_side_file_mode(const std::filesystem::path& side) {
    struct stat file {};
    if (::lstat(side.c_str(), &file) != 0) {
        return "";
    }
    const auto mode = file.st_mode & 07777;
    if ((mode & 022) != 0) {
        throw Error(ErrorKind::config,
                    _f("database file {} can be changed by others (mode {:04o}); run "
                       "'chmod 600 {}' and check who else wrote to it",
                       side.string(), mode, side.string()));
    }
    if ((mode & 044) != 0) {
        return fmt::format("database file {} can be read by others (mode {:04o}); run 'chmod "
                           "600 {}' to keep the candidates' data private",
                           side.string(), mode, side.string());
    }
    return "";
}

} // namespace

std::optional<std::string_view> network_file_system(std::int64_t f_type) {
    // The magic numbers of linux/magic.h (statfs(2)); compared as 32 bits, which they are.
    switch (static_cast<std::uint32_t>(f_type)) {
    case 0x6969U:
        return "NFS";
    case 0x517BU:
        return "SMB";
    case 0xFF534D42U:
        return "CIFS";
    case 0xFE534D42U:
        return "SMB2";
    case 0x65735546U:
        return "FUSE";
    default:
        return std::nullopt;
    }
}

std::string check_database_mode(const std::filesystem::path& path) {
    struct stat file {};
    const bool exists = ::stat(path.c_str(), &file) == 0;
    const auto mode = exists ? file.st_mode & 07777 : 0600;
    if ((mode & 022) != 0) {
        throw Error(ErrorKind::config,
                    _f("database {} can be changed by others (mode {:04o}); run 'chmod "
                       "600 {}' and check who else wrote to it",
                       path.string(), mode, path.string()));
    }
    // The folder the path names and, for a symbolic link, the folder of the file it leads to:
    // SQLite keeps its journal beside the real file, and whoever can write there can replace it.
    std::vector<std::filesystem::path> folders = {folder_of(path)};
    std::error_code ec;
    const auto real = exists ? std::filesystem::canonical(path, ec) : std::filesystem::path();
    if (!ec && !real.empty() && folder_of(real) != folders.front()) {
        folders.push_back(folder_of(real));
    }
    const bool mine = !exists || file.st_uid == ::geteuid();
    for (const auto& folder : folders) {
        check_folder_mode(path, folder, mine);
    }
    std::string side_warning;
    for (const char* suffix : {"-wal", "-shm"}) {
        const auto w = check_side_file_mode(path.string() + suffix);
        if (side_warning.empty()) {
            side_warning = w;
        }
    }
    if ((mode & 044) != 0) {
        return fmt::format("database {} can be read by others (mode {:04o}); run 'chmod 600 {}' "
                           "to keep the candidates' data private",
                           path.string(), mode, path.string());
    }
    return side_warning;
}

Scrubbed erase_and_scrub(Database& db, const std::function<void(WriteTransaction&)>& erase,
                         DryRun dry_run) {
    {
        WriteTransaction txn(db);
        erase(txn);
        txn.finish(dry_run);
    }
    if (dry_run == DryRun::yes) {
        return Scrubbed::yes;
    }
    // In WAL mode the log still holds the pages as they were before; copy the overwritten pages
    // into the database and cut the log to 0 bytes. Outside WAL mode this does nothing (the
    // rollback journal was deleted at the commit) and answers busy = 0. A reader in the middle
    // of a read keeps the log: this waits for it up to the busy timeout, then says not_yet.
    SQLite::Statement checkpoint(db.sql(), "PRAGMA wal_checkpoint(TRUNCATE)");
    const bool busy = checkpoint.executeStep() && checkpoint.getColumn(0).getInt() != 0;
    return busy ? Scrubbed::not_yet : Scrubbed::yes;
}

int latest_schema_version() {
    return static_cast<int>(migrations().size());
}

Database::Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path,
                   AuditContext audit, const OpenOptions& options)
    : m_busy(std::make_unique<BusyWait>()), m_db(std::move(db)), m_path(std::move(path)),
      m_audit(std::move(audit)) {
    m_busy->timeout_ms = std::max<std::int64_t>(options.busy_timeout_ms, 0);
    m_busy->on_wait = options.on_wait;
    sqlite3_busy_handler(m_db->getHandle(), &wait_while_busy, m_busy.get());
}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

int Database::schema_version() {
    return read_pragma(*m_db, "user_version");
}

std::int64_t Database::busy_timeout_ms() const {
    return m_busy->timeout_ms;
}

void Database::set_cache_size(int mebibytes) {
    m_db->exec(fmt::format("PRAGMA cache_size = -{}", mebibytes * 1024));
}

void Database::migrate(InitResult& result) {
    const auto files = migrations();
    result.from_version = schema_version();
    result.to_version = static_cast<int>(files.size());
    for (int version = result.from_version; version < result.to_version; ++version) {
        const auto sql = embedded_file(files[static_cast<std::size_t>(version)]);
        WriteTransaction txn(*this);
        // Re-check inside the lock: another process may have migrated meanwhile.
        if (schema_version() > version) {
            continue;
        }
        if (version == 0) {
            m_db->exec(fmt::format("PRAGMA application_id = {}", k_application_id));
        }
        m_db->exec(std::string(*sql));
        m_db->exec(fmt::format("PRAGMA user_version = {}", version + 1));
        txn.audit("database", std::nullopt, "migrate",
                  fmt::format("schema version {} -> {}", version, version + 1));
        txn.finish(DryRun::no);
    }
}

namespace {

// Return whether the database at `path`, which this user may only read, must be opened as
// immutable: in WAL mode (byte 18 of the header is 2) a reader needs the -shm file, and one who
// may not write the folder cannot create it. Without a -shm file nobody has the database open.
bool needs_immutable_open(const std::filesystem::path& path) {
    std::error_code ec;
    auto shm = path;
    shm += "-shm";
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    if (std::filesystem::exists(shm, ec) || ::access(folder.c_str(), W_OK) == 0) {
        return false;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    unsigned char header[20] = {};
    const bool read = ::pread(fd, header, sizeof header, 0) == static_cast<ssize_t>(sizeof header);
    ::close(fd);
    return read && header[18] == 2;
}

// Return `path` as an SQLite URI that opens it immutable (file:...?immutable=1).
std::string immutable_uri(const std::filesystem::path& path) {
    std::string uri = "file:";
    for (const unsigned char c : std::filesystem::absolute(path).string()) {
        if (std::isalnum(c) != 0 || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            uri += static_cast<char>(c);
        } else {
            uri += fmt::format("%{:02X}", c);
        }
    }
    return uri + "?immutable=1";
}

} // namespace

Database Database::open(const OpenOptions& options) {
    const auto& path = options.path;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw Error(ErrorKind::not_found,
                    _f("no database at {}; run 'werkstatt init' to create it, or name "
                       "another with --db",
                       path.string()));
    }
    const auto exposed = check_database_mode(path); // before SQLite reads it
    const bool writable = ::access(path.c_str(), W_OK) == 0;
    if (options.access == Access::read_write && !writable) {
        throw storage(path, "is read-only; check the file's permissions");
    }
    // One thread per connection: no SQLite mutexes (they cost a few per cent of an import).
    int flags = (writable ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY) | SQLite::OPEN_NOMUTEX;
    auto target = path.string();
    if (!writable && needs_immutable_open(path)) {
        flags |= SQLite::OPEN_URI;
        target = immutable_uri(path);
    }
    auto db = std::make_unique<SQLite::Database>(target, flags,
                                                 static_cast<int>(options.busy_timeout_ms));
    Database result(std::move(db), path, options.audit, options);
    check_identity(result.sql(), path);
    if (!exposed.empty() && options.warn) { // about a werkstatt database only
        options.warn(exposed);
    }
    if (result.schema_version() == 0) {
        throw Error(ErrorKind::not_found,
                    _f("database {} is not set up yet; run 'werkstatt init'", path.string()));
    }
    set_connection_options(result.sql());
    if (options.access == Access::read_write) {
        choose_journal_mode(result.sql(), path, options.warn);
    }
    if (result.schema_version() < latest_schema_version()) {
        if (!writable) {
            throw storage(path, "needs a schema upgrade but is read-only; let its owner run "
                                "'werkstatt init'");
        }
        InitResult ignored;
        result.migrate(ignored);
    }
    return result;
}

Database Database::initialise(const OpenOptions& options, InitResult& result) {
    const auto& path = options.path;
    std::error_code ec;
    const bool existed = std::filesystem::exists(path, ec);
    const auto exposed = check_database_mode(path); // before a new file is made, its folder
    if (!existed) {
        create_private_file(path);
        check_database_mode(path); // the folders as they are now that the file exists
    } else if (::access(path.c_str(), W_OK) != 0) {
        throw storage(path, "is read-only; check the file's permissions");
    }
    auto db = std::make_unique<SQLite::Database>(path.string(),
                                                 SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX,
                                                 static_cast<int>(options.busy_timeout_ms));
    Database database(std::move(db), path, options.audit, options);
    check_identity(database.sql(), path);
    if (!exposed.empty() && options.warn) {
        options.warn(exposed);
    }
    set_connection_options(database.sql());
    choose_journal_mode(database.sql(), path, options.warn);
    if (existed && database.schema_version() == 0) {
        ::chmod(path.c_str(), 0600); // an empty file set up now gets the mode of a new one
    }
    database.migrate(result);
    if (!existed) {
        result.outcome = InitResult::Outcome::created;
    } else if (result.from_version < result.to_version) {
        result.outcome = InitResult::Outcome::migrated;
    } else {
        result.outcome = InitResult::Outcome::up_to_date;
    }
    return database;
}

WriteTransaction::WriteTransaction(Database& db) : m_db(db) {
    m_db.sql().exec("BEGIN IMMEDIATE");
}

WriteTransaction::~WriteTransaction() {
    if (m_open) {
        try {
            m_db.sql().exec("ROLLBACK");
        } catch (const SQLite::Exception&) {
            // The transaction is already gone (SQLite rolls back on some errors by itself).
        }
    }
}

void WriteTransaction::audit(std::string_view entity, std::optional<std::int64_t> id,
                             std::string_view action, std::string_view details) {
    if (!m_audit) {
        m_audit = std::make_unique<SQLite::Statement>(
            m_db.sql(), "INSERT INTO audit_log (at, os_user, command, entity, entity_id, action, "
                        "details) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }
    auto& insert = *m_audit;
    insert.reset();
    insert.bind(1, utc_timestamp());
    insert.bind(2, m_db.audit_context().os_user);
    insert.bind(3, m_db.audit_context().command_line);
    insert.bind(4, std::string(entity));
    if (id) {
        insert.bind(5, *id);
    } else {
        insert.bind(5);
    }
    insert.bind(6, std::string(action));
    insert.bind(7, std::string(details));
    insert.exec();
}

void WriteTransaction::finish(DryRun dry_run) {
    m_db.sql().exec(dry_run == DryRun::yes ? "ROLLBACK" : "COMMIT");
    m_open = false;
}

BulkWrite::BulkWrite(Database& db) : m_db(db), m_temp_store(read_pragma(db.sql(), "temp_store")) {
    m_db.sql().exec("PRAGMA foreign_keys = OFF");
    m_db.sql().exec("PRAGMA temp_store = MEMORY");
}

BulkWrite::~BulkWrite() {
    try {
        m_db.sql().exec(fmt::format("PRAGMA temp_store = {}", m_temp_store));
        m_db.sql().exec("PRAGMA foreign_keys = ON");
    } catch (const SQLite::Exception&) {
        // Only fails inside a transaction, which the guard outlives; the next open sets it again.
    }
}

// When the environment sets SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
// convention), that is the time: the fixed example database of the report tests
// (tests/report/make_db.sh) then has the same bytes on any day.
std::string utc_timestamp() {
    std::time_t now = std::time(nullptr);
    if (const char* fixed = std::getenv("SOURCE_DATE_EPOCH"); fixed != nullptr && *fixed != '\0') {
        char* end = nullptr;
        const long long seconds = std::strtoll(fixed, &end, 10);
        if (end != nullptr && *end == '\0' && seconds >= 0) {
            now = static_cast<std::time_t>(seconds);
        }
    }
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

Error describe_failure(std::exception_ptr error, const std::filesystem::path& db_path) {
    try {
        std::rethrow_exception(error);
    } catch (const Error& e) {
        return e;
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode();
        const int extended = e.getExtendedErrorCode();
        switch (code) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Error(ErrorKind::busy,
                         _f("database {} is locked by another process; try again in "
                            "a moment (or raise database.busy_timeout_ms)",
                            db_path.string()));
        case SQLITE_READONLY:
            return storage(db_path, "is read-only; check the file's and folder's permissions");
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
            return storage(db_path, "is corrupt or not a database; restore it from a backup");
        case SQLITE_CANTOPEN:
            return storage(db_path, "cannot be opened; check that the path and its folder exist "
                                    "and are readable");
        case SQLITE_FULL:
            return storage(db_path,
                           "cannot be written: the disk is full; free some space and try again");
        case SQLITE_IOERR:
            return storage(db_path, fmt::format("had an input/output error ({}); check the disk",
                                                e.getErrorStr()));
        case SQLITE_CONSTRAINT:
            if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
                return Error(ErrorKind::conflict,
                             _("a record with that key exists already; choose another key"));
            }
            return Error(ErrorKind::conflict,
                         _f("the change conflicts with other records ({})", e.what()));
        default:
            return Error(ErrorKind::internal,
                         _f("unexpected database failure ({}); this is a bug in "
                            "werkstatt, please report it",
                            e.what()));
        }
    } catch (const std::bad_alloc&) {
        return Error(ErrorKind::internal, _("out of memory; try again with a smaller input"));
    } catch (const std::exception& e) {
        return Error(ErrorKind::internal,
                     _f("unexpected failure ({}); this is a bug in werkstatt, please "
                        "report it",
                        e.what()));
    } catch (...) {
        return Error(ErrorKind::internal,
                     _("unexpected failure; this is a bug in werkstatt, please report it"));
    }
}

} // namespace werkstatt
