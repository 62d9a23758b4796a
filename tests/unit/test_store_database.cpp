// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database.hpp"

#include "core/embedded.hpp"
#include "store/company_store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <sqlite3.h>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

using werkstatt::Access;
using werkstatt::AuditContext;
using werkstatt::Database;
using werkstatt::DryRun;
using werkstatt::ErrorKind;
using werkstatt::InitResult;
using werkstatt::OpenOptions;
using werkstatt::WriteTransaction;
using werkstatt::test::failure_of;
using werkstatt::test::TempDir;
using werkstatt::test::test_options;
using werkstatt::test::TestDatabase;
using werkstatt::test::write_text;

namespace fs = std::filesystem;

namespace {

// Return what opening (or initialising) the database at `path` throws, turned into an Error by
// describe_failure the way the commands do it.
werkstatt::test::Failure open_failure(const fs::path& path, bool initialise = false) {
    try {
        if (initialise) {
            InitResult result;
            Database::initialise(test_options(path), result);
        } else {
            Database::open(test_options(path));
        }
    } catch (...) {
        const auto e = werkstatt::describe_failure(std::current_exception(), path);
        return {e.kind(), e.what()};
    }
    return {};
}

int count_rows(Database& db, const std::string& table) {
    return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt();
}

void create_database(const fs::path& path) {
    InitResult result;
    Database::initialise(test_options(path), result);
}

} // namespace

TEST_CASE("store::Database::initialise creates a private file and its folder", "[store]") {
    TempDir dir;
    const auto path = dir.file("deep/er/werkstatt.db");
    InitResult result;
    {
        auto db = Database::initialise(test_options(path), result);
        CHECK(result.outcome == InitResult::Outcome::created);
        CHECK(result.from_version == 0);
        CHECK(result.to_version == werkstatt::latest_schema_version());
        CHECK(db.schema_version() == werkstatt::latest_schema_version());
        CHECK(db.path() == path);
        CHECK(db.audit_context().os_user == "tester");
    }
    REQUIRE(fs::is_regular_file(path));
    CHECK(fs::is_directory(dir.file("deep/er")));
    const auto perms = fs::status(path).permissions();
    CHECK((perms & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));

    InitResult again;
    auto db = Database::initialise(test_options(path), again);
    CHECK(again.outcome == InitResult::Outcome::up_to_date);
    CHECK(again.from_version == werkstatt::latest_schema_version());
    CHECK(again.to_version == werkstatt::latest_schema_version());
    CHECK(db.schema_version() == werkstatt::latest_schema_version());
}

TEST_CASE("store::Database stamps the schema and seeds the topics", "[store]") {
    TestDatabase t;
    auto& db = t.db();
    CHECK(werkstatt::latest_schema_version() >= 1);
    CHECK(db.schema_version() == werkstatt::latest_schema_version());
    CHECK(db.sql().execAndGet("PRAGMA application_id").getInt() == 0x576B5374);
    CHECK(db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);

    const auto topics = werkstatt::list_topics(db);
    std::vector<std::string> keys;
    for (const auto& topic : topics) {
        keys.push_back(topic.key);
        CHECK_FALSE(topic.title.empty());
    }
    CHECK(keys == std::vector<std::string>{"qualifizierung", "foerderung", "arbeitsrecht",
                                           "sprache", "beratungslandkarte", "bewerberboerse",
                                           "best-practice", "kamingespraech", "sensibilisierung",
                                           "soziale-integration"});
    REQUIRE(topics.size() == 10);
    CHECK(topics[1].title == "Beratung und Fördermöglichkeiten");

    // Creating the schema is itself in the audit log.
    const auto audit = werkstatt::list_audit(db, std::string("database"), 100);
    REQUIRE(audit.size() == static_cast<std::size_t>(werkstatt::latest_schema_version()));
    CHECK(audit.back().action == "migrate");
    CHECK(audit.back().details == "schema version 0 -> 1");
    CHECK(audit.back().os_user == "tester");
    CHECK(audit.back().command == "werkstatt test");
    CHECK_FALSE(audit.back().entity_id.has_value());
}

TEST_CASE("store::Database::open opens an existing database and refuses a missing one", "[store]") {
    TempDir dir;
    const auto path = dir.file("w.db");
    const auto f = failure_of([&] { Database::open(test_options(path)); });
    CHECK(f.kind == ErrorKind::not_found);
    CHECK_THAT(f.message, Catch::Contains(path.string()));
    CHECK_FALSE(fs::exists(path)); // open never creates

    create_database(path);
    auto db = Database::open(test_options(path, Access::read_only));
    CHECK(db.schema_version() == werkstatt::latest_schema_version());
    CHECK(werkstatt::list_topics(db).size() == 10);
}

TEST_CASE("store::Database refuses a database newer than this binary", "[store]") {
    TempDir dir;
    const auto path = dir.file("w.db");
    create_database(path);
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(werkstatt::latest_schema_version() + 1));
    }
    for (const bool init : {false, true}) {
        INFO((init ? "initialise" : "open"));
        const auto f = open_failure(path, init);
        CHECK(f.kind == ErrorKind::storage);
        CHECK_THAT(f.message, Catch::Contains("newer"));
    }
}

TEST_CASE("store::Database refuses SQLite files of other applications", "[store]") {
    TempDir dir;
    SECTION("another application_id") {
        const auto path = dir.file("other.db");
        {
            SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            raw.exec("PRAGMA application_id = 1234");
        }
        for (const bool init : {false, true}) {
            INFO((init ? "initialise" : "open"));
            const auto f = open_failure(path, init);
            CHECK(f.kind == ErrorKind::storage);
            CHECK_THAT(f.message, Catch::Contains("not a werkstatt database"));
        }
    }
    SECTION("tables without our id") {
        const auto path = dir.file("tables.db");
        {
            SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            raw.exec("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)");
        }
        for (const bool init : {false, true}) {
            INFO((init ? "initialise" : "open"));
            const auto f = open_failure(path, init);
            CHECK(f.kind == ErrorKind::storage);
            CHECK_THAT(f.message, Catch::Contains("not a werkstatt database"));
        }
        // The other application's data is left alone.
        SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
        CHECK(raw.tableExists("things"));
        CHECK_FALSE(raw.tableExists("company"));
    }
    SECTION("an empty SQLite file is taken over by initialise") {
        const auto path = dir.file("empty.db");
        write_text(path, "");
        InitResult result;
        auto db = Database::initialise(test_options(path), result);
        CHECK(result.outcome == InitResult::Outcome::migrated);
        CHECK(db.schema_version() == werkstatt::latest_schema_version());
    }
}

TEST_CASE("store::Database reports a garbage file as a storage error", "[store]") {
    TempDir dir;
    const auto path = dir.file("garbage.db");
    std::string junk;
    for (int i = 0; i < 200; ++i) {
        junk += "this is not an SQLite database, just text. ";
    }
    write_text(path, junk);
    for (const bool init : {false, true}) {
        INFO((init ? "initialise" : "open"));
        const auto f = open_failure(path, init);
        CHECK(f.kind == ErrorKind::storage);
        CHECK_THAT(f.message, Catch::Contains(path.string()));
    }
    CHECK(werkstatt::test::read_text(path) == junk); // not overwritten
}

// Hidden from the plain run: root ignores file permissions, so ctest runs this case on its own as
// an unprivileged user ("unit: ... (unprivileged)" in tests/CMakeLists.txt), or skips it.
TEST_CASE("store::Database refuses to write a read-only file", "[store][.unprivileged]") {
    if (geteuid() == 0) {
        FAIL("running as root, which ignores file permissions; run it through "
             "tests/run_unprivileged.sh");
    }
    TempDir dir;
    const auto path = dir.file("ro.db");
    create_database(path);
    fs::permissions(path, fs::perms::owner_read);
    CHECK(failure_of([&] { Database::open(test_options(path)); }).kind == ErrorKind::storage);
    CHECK_NOTHROW(Database::open(test_options(path, Access::read_only)));
}

TEST_CASE("store::WriteTransaction commits only when finished", "[store]") {
    TestDatabase t;
    auto& db = t.db();
    const int before = count_rows(db, "audit_log");

    SECTION("without finish it rolls back") {
        {
            WriteTransaction txn(db);
            txn.audit("company", 1, "add", "key=x");
            CHECK(count_rows(db, "audit_log") == before + 1); // visible inside
        }
        CHECK(count_rows(db, "audit_log") == before);
    }
    SECTION("an exception inside rolls back") {
        try {
            WriteTransaction txn(db);
            txn.audit("company", 1, "add");
            throw std::runtime_error("boom");
        } catch (const std::runtime_error&) {
        }
        CHECK(count_rows(db, "audit_log") == before);
    }
    SECTION("finish(DryRun::yes) rolls back") {
        WriteTransaction txn(db);
        txn.audit("company", 1, "add");
        txn.finish(DryRun::yes);
        CHECK(count_rows(db, "audit_log") == before);
    }
    SECTION("finish(DryRun::no) commits, with user and command") {
        {
            WriteTransaction txn(db);
            txn.audit("company", 42, "edit", "fields=name,plz");
            txn.audit("contact", std::nullopt, "import");
            txn.finish(DryRun::no);
        }
        CHECK(count_rows(db, "audit_log") == before + 2);
        // Visible to another connection, so it really is committed.
        SQLite::Database other(db.path().string(), SQLite::OPEN_READONLY);
        CHECK(other.execAndGet("SELECT count(*) FROM audit_log").getInt() == before + 2);

        const auto rows = werkstatt::list_audit(db, std::nullopt, 2);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].entity == "contact"); // newest first
        CHECK_FALSE(rows[0].entity_id.has_value());
        CHECK(rows[0].action == "import");
        CHECK(rows[0].details.empty());
        CHECK(rows[1].entity == "company");
        CHECK(rows[1].entity_id == 42);
        CHECK(rows[1].action == "edit");
        CHECK(rows[1].details == "fields=name,plz");
        for (const auto& row : rows) {
            CHECK(row.os_user == "tester");
            CHECK(row.command == "werkstatt test");
            CHECK_THAT(row.at, Catch::Matches(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"));
        }
        CHECK(werkstatt::list_audit(db, std::string("company"), 10).front().entity_id == 42);
        CHECK(werkstatt::list_audit(db, std::nullopt, 1).size() == 1);
    }
    // The connection is usable for the next write.
    WriteTransaction next(db);
    next.finish(DryRun::no);
}

TEST_CASE("store::Database write fails as busy while another connection holds the lock",
          "[store]") {
    TestDatabase t;
    const auto path = t.db().path();
    OpenOptions options{path, Access::read_write, 50, AuditContext{"tester", "busy test"}, {}, {}};
    auto db = Database::open(options);

    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");

    const auto start = std::chrono::steady_clock::now();
    werkstatt::test::Failure f;
    try {
        WriteTransaction txn(db);
        txn.audit("company", 1, "add");
        txn.finish(DryRun::no);
    } catch (...) {
        const auto e = werkstatt::describe_failure(std::current_exception(), path);
        f = {e.kind(), e.what()};
    }
    const auto waited = std::chrono::steady_clock::now() - start;
    CHECK(f.kind == ErrorKind::busy);
    CHECK_THAT(f.message, Catch::Contains(path.string()));
    CHECK(waited < std::chrono::seconds(5));

    // Reading still works, and once the lock is gone writing does too.
    CHECK(werkstatt::list_topics(db).size() == 10);
    other.exec("ROLLBACK");
    WriteTransaction txn(db);
    txn.audit("company", 1, "add");
    txn.finish(DryRun::no);
    CHECK(werkstatt::list_audit(db, std::string("company"), 5).size() == 1);
}

TEST_CASE("store::describe_failure maps failures to error kinds", "[store]") {
    const fs::path path = "/tmp/x.db";
    const auto kind_of = [&](std::exception_ptr e) {
        return werkstatt::describe_failure(e, path).kind();
    };
    // werkstatt errors pass through unchanged.
    const auto passed = werkstatt::describe_failure(
        std::make_exception_ptr(werkstatt::Error(ErrorKind::conflict, "taken")), path);
    CHECK(passed.kind() == ErrorKind::conflict);
    CHECK(std::string(passed.what()) == "taken");

    CHECK(kind_of(std::make_exception_ptr(SQLite::Exception("busy", SQLITE_BUSY))) ==
          ErrorKind::busy);
    CHECK(kind_of(std::make_exception_ptr(SQLite::Exception("locked", SQLITE_LOCKED))) ==
          ErrorKind::busy);
    CHECK(kind_of(std::make_exception_ptr(SQLite::Exception("ro", SQLITE_READONLY))) ==
          ErrorKind::storage);
    CHECK(kind_of(std::make_exception_ptr(SQLite::Exception("x", SQLITE_NOTADB))) ==
          ErrorKind::storage);
    CHECK(kind_of(std::make_exception_ptr(SQLite::Exception("x", SQLITE_CORRUPT))) ==
          ErrorKind::storage);
    CHECK(kind_of(std::make_exception_ptr(SQLite::Exception("x", SQLITE_CANTOPEN))) ==
          ErrorKind::storage);
    CHECK(kind_of(std::make_exception_ptr(SQLite::Exception("x", SQLITE_FULL))) ==
          ErrorKind::storage);
    CHECK(kind_of(std::make_exception_ptr(SQLite::Exception("x", SQLITE_IOERR))) ==
          ErrorKind::storage);
    CHECK(kind_of(std::make_exception_ptr(SQLite::Exception("x", SQLITE_MISUSE))) ==
          ErrorKind::internal);
    CHECK(kind_of(std::make_exception_ptr(std::runtime_error("x"))) == ErrorKind::internal);
    CHECK(kind_of(std::make_exception_ptr(std::bad_alloc())) == ErrorKind::internal);
    CHECK(kind_of(std::make_exception_ptr(42)) == ErrorKind::internal);

    SECTION("a unique constraint is a conflict") {
        TestDatabase t;
        try {
            t.db().sql().exec("INSERT INTO topic (key, title, sort_order) VALUES "
                              "('sprache', 'again', 99)");
            FAIL("the duplicate key was accepted");
        } catch (...) {
            CHECK(kind_of(std::current_exception()) == ErrorKind::conflict);
        }
    }
}

TEST_CASE("store::BulkWrite changes the settings for its transaction and restores them",
          "[store]") {
    TestDatabase t;
    auto& db = t.db();
    const auto pragma = [&](const char* name) {
        return db.sql().execAndGet(std::string("PRAGMA ") + name).getInt();
    };
    REQUIRE(pragma("foreign_keys") == 1);
    const int temp_store = pragma("temp_store");
    {
        werkstatt::BulkWrite bulk(db);
        WriteTransaction txn(db);
        CHECK(pragma("foreign_keys") == 0);
        CHECK(pragma("temp_store") == 2);
        txn.finish(DryRun::no);
    }
    CHECK(pragma("foreign_keys") == 1);
    CHECK(pragma("temp_store") == temp_store);
    {
        werkstatt::BulkWrite bulk(db);
        WriteTransaction txn(db); // rolled back
    }
    CHECK(pragma("foreign_keys") == 1);
    CHECK(pragma("temp_store") == temp_store);
}

TEST_CASE("store::utc_timestamp is ISO 8601 in UTC", "[store]") {
    CHECK_THAT(werkstatt::utc_timestamp(),
               Catch::Matches(R"(20\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-6]\dZ)"));
}

TEST_CASE("store::Database overwrites what it deletes on every connection", "[store]") {
    TempDir dir;
    const auto path = dir.file("w.db");
    InitResult result;
    auto created = Database::initialise(test_options(path), result);
    CHECK(created.sql().execAndGet("PRAGMA secure_delete").getInt() == 1);
    auto opened = Database::open(test_options(path, Access::read_only));
    CHECK(opened.sql().execAndGet("PRAGMA secure_delete").getInt() == 1);
}

TEST_CASE("store::check_database_mode refuses files and folders others can write", "[store]") {
    TempDir dir;
    const auto path = dir.file("w.db");
    create_database(path);
    for (const auto mode : {0666, 0660, 0620, 0602, 0664}) {
        CAPTURE(mode);
        REQUIRE(::chmod(path.c_str(), static_cast<mode_t>(mode)) == 0);
        const auto f = failure_of([&] { werkstatt::check_database_mode(path); });
        CHECK(f.kind == ErrorKind::config);
        CHECK_THAT(f.message, Catch::Contains("chmod 600 " + path.string()));
        // Opening refuses it before SQLite touches the file, for reading too.
        CHECK(failure_of([&] { Database::open(test_options(path, Access::read_only)); }).kind ==
              ErrorKind::config);
        CHECK(failure_of([&] {
                  InitResult again;
                  Database::initialise(test_options(path), again);
              }).kind == ErrorKind::config);
    }
    for (const auto mode : {0644, 0640, 0604, 0444}) {
        CAPTURE(mode);
        REQUIRE(::chmod(path.c_str(), static_cast<mode_t>(mode)) == 0);
        CHECK_THAT(werkstatt::check_database_mode(path),
                   Catch::Contains("can be read by others") &&
                       Catch::Contains("chmod 600 " + path.string()));
    }
    REQUIRE(::chmod(path.c_str(), 0600) == 0);
    CHECK(werkstatt::check_database_mode(path).empty());
    REQUIRE(::chmod(path.c_str(), 0400) == 0);
    CHECK(werkstatt::check_database_mode(path).empty());
    REQUIRE(::chmod(path.c_str(), 0600) == 0);

    // The folder: its owner is told the chmod, a shared folder (sticky, like /tmp) to move.
    REQUIRE(::chmod(dir.path().c_str(), 0770) == 0);
    auto f = failure_of([&] { werkstatt::check_database_mode(path); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("chmod go-w " + dir.path().string()));
    REQUIRE(::chmod(dir.path().c_str(), 01777) == 0);
    f = failure_of([&] { werkstatt::check_database_mode(path); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("move it into a folder only you can write"));
    // A new database is not made in such a folder.
    const auto fresh = dir.file("new.db");
    CHECK(failure_of([&] {
              InitResult again;
              Database::initialise(test_options(fresh), again);
          }).kind == ErrorKind::config);
    CHECK_FALSE(fs::exists(fresh));
    REQUIRE(::chmod(dir.path().c_str(), 0755) == 0);
    CHECK(werkstatt::check_database_mode(path).empty());
}

TEST_CASE("store::check_database_mode follows a symbolic link to the real file's folder",
          "[store]") {
    TempDir dir;
    fs::create_directories(dir.path() / "shared");
    fs::create_directories(dir.path() / "mine");
    const auto real = dir.path() / "shared" / "w.db";
    create_database(real);
    const auto link = dir.path() / "mine" / "w.db";
    fs::create_symlink(real, link);
    REQUIRE(::chmod((dir.path() / "mine").c_str(), 0700) == 0);
    REQUIRE(::chmod((dir.path() / "shared").c_str(), 0700) == 0);
    CHECK(werkstatt::check_database_mode(link).empty());
    // SQLite keeps the journal beside the real file: a folder others can write there counts.
    REQUIRE(::chmod((dir.path() / "shared").c_str(), 0777) == 0);
    const auto f = failure_of([&] { werkstatt::check_database_mode(link); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("chmod go-w " + (dir.path() / "shared").string()));
    REQUIRE(::chmod((dir.path() / "shared").c_str(), 0700) == 0);
}

TEST_CASE("store::Database::open tells its caller once when others can read the file", "[store]") {
    TempDir dir;
    const auto path = dir.file("w.db");
    create_database(path);
    std::vector<std::string> told;
    auto options = test_options(path, Access::read_only);
    options.warn = [&](const std::string& message) { told.push_back(message); };
    { auto db = Database::open(options); }
    CHECK(told.empty());
    REQUIRE(::chmod(path.c_str(), 0644) == 0);
    { auto db = Database::open(options); }
    REQUIRE(told.size() == 1);
    CHECK_THAT(told[0], Catch::Contains(path.string()) && Catch::Contains("mode 0644"));
}

namespace {

// Return the bytes of the file at `path` ("" if there is none).
std::string bytes_of(const fs::path& path) {
    return fs::exists(path) ? werkstatt::test::read_text(path) : std::string();
}

} // namespace

TEST_CASE("store::erase_and_scrub leaves no copy of the erased rows in the write-ahead log",
          "[store]") {
    TestDatabase t;
    const auto path = t.db().path();
    const auto wal = fs::path(path.string() + "-wal");
    auto& db = t.db();
    db.sql().exec("PRAGMA journal_mode = WAL");
    // Another program keeps the database open: SQLite then keeps the log when werkstatt closes.
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
    CHECK(other.execAndGet("SELECT count(*) FROM topic").getInt() == 10);
    const std::string marker = "Zq9-erasure-marker";
    {
        WriteTransaction txn(db);
        db.sql().exec("INSERT INTO topic (key, title, sort_order) VALUES ('gone', '" + marker +
                      "', 99)");
        txn.audit("topic", std::nullopt, "add");
        txn.finish(DryRun::no);
    }
    REQUIRE(bytes_of(wal).find(marker) != std::string::npos);

    // A dry run erases nothing and leaves the log.
    auto erase = [&](WriteTransaction& txn) {
        db.sql().exec("DELETE FROM topic WHERE key = 'gone'");
        txn.audit("topic", std::nullopt, "remove", "erased");
    };
    CHECK(werkstatt::erase_and_scrub(db, erase, DryRun::yes) == werkstatt::Scrubbed::yes);
    CHECK(count_rows(db, "topic") == 11);

    CHECK(werkstatt::erase_and_scrub(db, erase, DryRun::no) == werkstatt::Scrubbed::yes);
    CHECK(count_rows(db, "topic") == 10);
    CHECK(fs::file_size(wal) == 0);
    CHECK(bytes_of(path).find(marker) == std::string::npos);
    CHECK(bytes_of(wal).find(marker) == std::string::npos);
}

TEST_CASE("store::erase_and_scrub says when a reader keeps the log from being emptied", "[store]") {
    TestDatabase t;
    const auto path = t.db().path();
    auto& db = t.db();
    db.sql().exec("PRAGMA journal_mode = WAL");
    db.sql().exec("PRAGMA busy_timeout = 50");
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN");
    CHECK(other.execAndGet("SELECT count(*) FROM topic").getInt() == 10); // holds a snapshot
    const auto scrubbed = werkstatt::erase_and_scrub(
        db,
        [&](WriteTransaction& txn) {
            db.sql().exec("DELETE FROM topic WHERE key = 'sprache'");
            txn.audit("topic", std::nullopt, "remove", "erased");
        },
        DryRun::no);
    CHECK(scrubbed == werkstatt::Scrubbed::not_yet);
    CHECK(count_rows(db, "topic") == 9); // the erasure itself is committed
    other.exec("COMMIT");
}

TEST_CASE("store::Database carries the consents of a schema-6 database into the consent table",
          "[store][migration]") {
    TempDir dir;
    const auto path = dir.file("six.db");
    {
        // A database as werkstatt wrote it with schema 6: the migrations up to 0006 only.
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA application_id = 1466651508"); // 0x576B5374, "WkSt"
        const auto files = werkstatt::embedded_names("migrations/");
        REQUIRE(files.size() >= 7);
        for (std::size_t i = 0; i < 6; ++i) {
            raw.exec(std::string(*werkstatt::embedded_file(files[i])));
        }
        raw.exec("PRAGMA user_version = 6");
        raw.exec("INSERT INTO import_batch (kind, file_name, sha256, profile, source, encoding, "
                 "started_at, finished_at) VALUES ('candidate', 'a.csv', 'x', 'ba', 'ba', "
                 "'utf-8', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
        raw.exec("INSERT INTO candidate (source, reference, consent_until, sensitive_consent, "
                 "batch_id, created_batch, created_at, updated_at) VALUES ('ba', 'A', "
                 "'2027-12-31', '2026-11-02', 1, 1, '2026-01-01T00:00:00Z', "
                 "'2026-01-02T00:00:00Z')");
        raw.exec("INSERT INTO candidate (source, reference, consent_until, created_at, "
                 "updated_at) VALUES ('hand', 'B', '2026-06-30', '2026-01-01T00:00:00Z', "
                 "'2026-01-03T00:00:00Z')");
        raw.exec("INSERT INTO candidate (source, reference, created_at, updated_at) VALUES "
                 "('hand', 'C', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    }
    auto db = Database::open(test_options(path));
    CHECK(db.schema_version() == werkstatt::latest_schema_version());
    const auto rows = [&](const std::string& sql) {
        std::vector<std::string> out;
        SQLite::Statement q(db.sql(), sql);
        while (q.executeStep()) {
            out.push_back(q.getColumn(0).getString());
        }
        return out;
    };
    CHECK(
        rows("SELECT reference || ' ' || scope || ' ' || ifnull(given_on, '-') || ' ' || "
             "ifnull(valid_until, '-') || ' ' || consent.source || ' ' || ifnull(consent.batch_id, "
             "'-') FROM consent JOIN candidate ON candidate.id = candidate_id ORDER BY "
             "reference, scope") ==
        std::vector<std::string>{
            "A matching - 2027-12-31 agency-file 1", "A reporting 2026-11-02 - by-hand -",
            "A sharing - 2027-12-31 agency-file 1", "B matching - 2026-06-30 by-hand -",
            "B sharing - 2026-06-30 by-hand -"});
    // The consent table is the one truth: the old columns are gone.
    const auto columns = rows("SELECT name FROM pragma_table_info('candidate')");
    CHECK(std::find(columns.begin(), columns.end(), "consent_until") == columns.end());
    CHECK(std::find(columns.begin(), columns.end(), "sensitive_consent") == columns.end());
    CHECK(count_rows(db, "candidate") == 3);
}

TEST_CASE("store::network_file_system names network file systems and FUSE, not local ones",
          "[store]") {
    using werkstatt::network_file_system;
    CHECK(network_file_system(0x6969) == "NFS");
    CHECK(network_file_system(0x517B) == "SMB");
    CHECK(network_file_system(0xFF534D42) == "CIFS");
    CHECK(network_file_system(0xFE534D42) == "SMB2");
    CHECK(network_file_system(0x65735546) == "FUSE");
    CHECK_FALSE(network_file_system(0xEF53).has_value());     // ext2/3/4
    CHECK_FALSE(network_file_system(0x58465342).has_value()); // XFS
    CHECK_FALSE(network_file_system(0x9123683E).has_value()); // Btrfs
    CHECK_FALSE(network_file_system(0x01021994).has_value()); // tmpfs
}

TEST_CASE("store::Database opened for writing uses a write-ahead log; a reader changes nothing",
          "[store]") {
    TempDir dir;
    const auto path = dir.file("w.db");
    {
        InitResult ignored;
        Database::initialise(test_options(path), ignored);
    }
    {
        SQLite::Database plain(path.string(), SQLite::OPEN_READWRITE);
        plain.execAndGet("PRAGMA journal_mode = DELETE");
    }
    auto journal_mode = [&] {
        SQLite::Database plain(path.string(), SQLite::OPEN_READONLY);
        return plain.execAndGet("PRAGMA journal_mode").getString();
    };
    Database::open(test_options(path, Access::read_only));
    CHECK(journal_mode() == "delete");
    auto db = Database::open(test_options(path, Access::read_write));
    CHECK(journal_mode() == "wal");
    CHECK(db.sql().execAndGet("PRAGMA synchronous").getInt() == 2); // FULL
}

TEST_CASE("store::Database writer waits for another writer, says so once after a second",
          "[store]") {
    TestDatabase t;
    const auto path = t.db().path();
    auto options = test_options(path);
    int told = 0;
    options.busy_timeout_ms = 10000;
    options.on_wait = [&told] { ++told; };
    auto db = Database::open(options);
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    std::thread release([&other] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1300));
        other.exec("COMMIT");
    });
    const auto start = std::chrono::steady_clock::now();
    {
        WriteTransaction txn(db);
        txn.audit("company", 1, "add");
        txn.finish(DryRun::no);
    }
    release.join();
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(1200));
    CHECK(told == 1);

    // A wait shorter than a second tells nothing and gives up as busy.
    options.busy_timeout_ms = 300;
    auto quick = Database::open(options);
    other.exec("BEGIN IMMEDIATE");
    const auto f = [&] {
        try {
            WriteTransaction txn(quick);
        } catch (...) {
            return werkstatt::describe_failure(std::current_exception(), path).kind();
        }
        return ErrorKind::internal;
    }();
    other.exec("ROLLBACK");
    CHECK(f == ErrorKind::busy);
    CHECK(told == 1);
}

TEST_CASE("store::check_database_mode checks the -wal and -shm files like the database",
          "[store]") {
    TempDir dir;
    const auto path = dir.file("m.db");
    {
        InitResult ignored;
        Database::initialise(test_options(path), ignored);
    }
    ::chmod(dir.path().c_str(), 0700);
    const auto wal = fs::path(path.string() + "-wal");
    write_text(wal, "");
    ::chmod(wal.c_str(), 0600);
    CHECK(werkstatt::check_database_mode(path).empty());
    ::chmod(wal.c_str(), 0644);
    CHECK_THAT(werkstatt::check_database_mode(path),
               Catch::Contains(wal.string() + " can be read by others (mode 0644)"));
    ::chmod(wal.c_str(), 0666);
    const auto f = failure_of([&] { werkstatt::check_database_mode(path); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("chmod 600 " + wal.string()));
    fs::remove(wal);
}
