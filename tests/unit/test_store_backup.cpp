// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/backup.hpp"

#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <sys/stat.h>

using werkstatt::Access;
using werkstatt::Database;
using werkstatt::DryRun;
using werkstatt::ErrorKind;
using werkstatt::test::failure_of;
using werkstatt::test::TempDir;
using werkstatt::test::test_options;
using werkstatt::test::TestDatabase;
using werkstatt::test::write_text;

namespace fs = std::filesystem;

namespace {

int count_of(const fs::path& path, const std::string& sql) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

} // namespace

TEST_CASE("store::backup_file_name sorts as time does; only its own names are rotated",
          "[backup]") {
    CHECK(werkstatt::backup_file_name("2026-12-03T17:05:09Z") == "werkstatt-2026-12-03T170509.db");
    CHECK(werkstatt::is_backup_file_name("werkstatt-2026-12-03T170509.db"));
    CHECK_FALSE(werkstatt::is_backup_file_name("werkstatt-2026-12-03T170509.db-journal"));
    CHECK_FALSE(werkstatt::is_backup_file_name("werkstatt-2026-12-03T17050x.db"));
    CHECK_FALSE(werkstatt::is_backup_file_name("werkstatt-notes-2026-12-03.db"));
    CHECK_FALSE(werkstatt::is_backup_file_name("werkstatt.db"));
}

TEST_CASE("store::backup_database writes a private, self-contained copy that names itself",
          "[backup]") {
    TestDatabase t;
    auto& db = t.db();
    const auto target = t.dir().file("copy.db");
    const auto r = werkstatt::backup_database(db, target, std::nullopt);
    CHECK(r.file == target);
    CHECK(r.bytes == static_cast<std::int64_t>(fs::file_size(target)));
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(count_of(target, "SELECT count(*) FROM topic") == 10);
    const auto backup_rows = "SELECT count(*) FROM audit_log WHERE action = 'backup'";
    CHECK(count_of(target, backup_rows) == 1);
    CHECK(count_of(db.path(), backup_rows) == 1);
    SQLite::Database copy(target.string(), SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("PRAGMA journal_mode").getString() == "delete");
}

TEST_CASE("store::backup_database into a missing folder creates nothing", "[backup]") {
    TestDatabase t;
    const auto folder = t.dir().file("missing");
    const auto f =
        failure_of([&] { werkstatt::backup_database(t.db(), folder / "copy.db", std::nullopt); });
    CHECK(f.kind == ErrorKind::output);
    CHECK_THAT(f.message, Catch::Contains("backup folder " + folder.string() + " does not exist"));
    CHECK_FALSE(fs::exists(folder));
    const auto g =
        failure_of([&] { werkstatt::backup_database(t.db(), folder.string() + "/", 3); });
    CHECK(g.kind == ErrorKind::output);
    CHECK_FALSE(fs::exists(folder));
}

TEST_CASE("store::restore_database refuses a file that is no werkstatt backup, untouched",
          "[backup]") {
    TestDatabase t;
    const auto live = t.db().path();
    const auto text = t.dir().file("notes.txt");
    write_text(text, "not a database\n");
    const auto f =
        failure_of([&] { werkstatt::restore_database(test_options(live), text, DryRun::no); });
    CHECK(f.kind == ErrorKind::bad_data);
    CHECK_THAT(f.message, Catch::Contains("is not a werkstatt backup"));
    CHECK_FALSE(fs::exists(live.string() + ".before-restore"));
}
