// SPDX-License-Identifier: GPL-3.0-or-later
#include "privacy/files.hpp"

#include "privacy/purge.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sys/stat.h>

using namespace werkstatt;
using werkstatt::test::TestDatabase;
using werkstatt::test::write_text;

namespace {

// Insert a candidate with `reference` stored at `created_at`; return its id.
std::int64_t add_candidate(Database& db, const std::string& reference,
                           const std::string& created_at) {
    SQLite::Statement q(db.sql(), "INSERT INTO candidate (source, reference, created_at, "
                                  "updated_at) VALUES ('jc', ?1, ?2, ?2)");
    q.bind(1, reference);
    q.bind(2, created_at);
    q.exec();
    return db.sql().getLastInsertRowid();
}

std::vector<std::string> paths(const std::vector<WrittenFile>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) {
        out.push_back(f.path);
    }
    return out;
}

} // namespace

TEST_CASE("purge limits: grace days, retention and claim months back from the day", "[privacy]") {
    PrivacySettings s;
    s.grace_days = 30;
    s.retention_months = 24;
    s.claim_months = 6;
    const auto l = purge_limits(*Date::parse_iso("2030-08-31"), s);
    CHECK(l.as_of == "2030-08-31");
    CHECK(l.consent_before == "2030-08-01");
    CHECK(l.left_before == "2028-08-31");
    CHECK(l.claim_before == "2030-02-28"); // the month's last day
    s.claim_months = 0;
    s.grace_days = 0;
    const auto z = purge_limits(*Date::parse_iso("2030-01-15"), s);
    CHECK(z.claim_before == "2030-01-15");
    CHECK(z.consent_before == "2030-01-15");
    CHECK(purge_limits(*Date::parse_iso("2030-01-15"), PrivacySettings{}).claim_before ==
          "2029-07-15");
}

TEST_CASE("a written file is recorded with its mode and the candidates it names", "[privacy]") {
    TestDatabase t;
    auto& db = t.db();
    const auto early = add_candidate(db, "A-1", "2000-01-01T00:00:00Z");
    const auto named = add_candidate(db, "A-2", "2000-01-01T00:00:00Z");
    const auto export_file = t.dir().file("export.json");
    const auto rejects_file = t.dir().file("rejects.csv");
    write_text(export_file, "{}");
    ::chmod(export_file.c_str(), 0600);
    write_text(rejects_file, "x");
    record_written_file(db, export_file, WrittenKind::export_, 1, {named});
    record_written_file(db, rejects_file, WrittenKind::rejects, 12);
    record_written_file(db, t.dir().file("gone.csv"), WrittenKind::rejects, 3); // not there

    const auto all = list_written_files(db);
    REQUIRE(all.size() == 2);
    CHECK(all[0].kind == "export");
    CHECK(all[0].mode == 0600);
    CHECK(all[0].persons == 1);
    CHECK(all[1].kind == "rejects");
    CHECK(all[1].persons == 12);
    SQLite::Statement audit(db.sql(), "SELECT count(*) FROM audit_log WHERE entity = "
                                      "'written_file' AND details = 'kind=rejects,persons=12'");
    REQUIRE(audit.executeStep());
    CHECK(audit.getColumn(0).getInt() == 1);

    // The export names one candidate; the rejects file many, written after both were stored.
    CHECK(paths(files_holding(db, named)) ==
          std::vector<std::string>{export_file.string(), rejects_file.string()});
    CHECK(paths(files_holding(db, early)) == std::vector<std::string>{rejects_file.string()});
    // Stored after the files were written: none of them can hold the person.
    const auto later = add_candidate(db, "A-3", "2999-01-01T00:00:00Z");
    CHECK(files_holding(db, later).empty());
    // A file that was deleted holds nobody any more; the listing says it is gone.
    std::filesystem::remove(rejects_file);
    CHECK(paths(files_holding(db, early)).empty());
    const auto listed = written_file_records(db, *Date::parse_iso("2999-01-01"));
    REQUIRE(listed.rows.size() == 2);
    CHECK(std::get<bool>(listed.rows[0].back()) == true);
    CHECK(std::get<bool>(listed.rows[1].back()) == false);
}
