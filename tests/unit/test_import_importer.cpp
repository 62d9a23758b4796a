// SPDX-License-Identifier: GPL-3.0-or-later
// Importing candidate and opening files: counts, bad rows, strict and dry runs, undo.
#include "import/importer.hpp"

#include "core/text.hpp"
#include "members/members.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;
using werkstatt::test::write_text;

namespace {

// A small agency profile: reference, names, PLZ, German level, residence status (with a map).
ImportProfile agency_profile() {
    ImportProfile p;
    p.name = "agency";
    p.origin = "test";
    p.kind = RecordKind::candidate;
    p.source = "jc-test";
    p.date_format = DateFormat::german;
    p.columns = {
        {"reference", ColumnRef{"Kennung", 0}},      {"first_name", ColumnRef{"Vorname", 0}},
        {"last_name", ColumnRef{"Nachname", 0}},     {"plz", ColumnRef{"PLZ", 0}},
        {"german", ColumnRef{"Deutsch", 0}},         {"birth_date", ColumnRef{"Geburtsdatum", 0}},
        {"residence_status", ColumnRef{"Status", 0}}};
    p.values["residence_status"][text::fold_for_match("Duldung")] = "duldung";
    p.values["residence_status"][text::fold_for_match("EU-Bürger")] = "eu";
    return p;
}

const std::string k_header = "Kennung;Vorname;Nachname;PLZ;Deutsch;Geburtsdatum;Status\n";

// Three good rows.
const std::string k_three = k_header + "A-1;Amal;Haddad;39104;B1;01.02.1990;Duldung\n"
                                       "A-2;Olena;Koval;06108;A2;15.07.1985;EU-Bürger\n"
                                       "A-3;Jonas;Müller;39106;C1;;eu\n";

struct Importer {
    TestDatabase t;
    Database& db = t.db();

    std::filesystem::path file(const std::string& name, const std::string& bytes) {
        const auto path = t.dir().file(name);
        write_text(path, bytes);
        return path;
    }

    ImportResult run(const std::filesystem::path& path, DryRun dry_run = DryRun::no,
                     Strict strict = Strict::no, ImportProfile profile = agency_profile()) {
        ImportRequest r;
        r.file = path;
        r.profile = std::move(profile);
        r.dry_run = dry_run;
        r.strict = strict;
        return run_import(db, r);
    }

    ImportResult run_text(const std::string& name, const std::string& bytes,
                          DryRun dry_run = DryRun::no, Strict strict = Strict::no) {
        return run(file(name, bytes), dry_run, strict);
    }

    int count(const std::string& table) {
        return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt();
    }

    // Return column `column` of the candidate with `reference`, "NULL" or "(none)".
    std::string candidate(const std::string& reference, const std::string& column) {
        SQLite::Statement q(db.sql(), "SELECT " + column + " FROM candidate WHERE reference = ?");
        q.bind(1, reference);
        if (!q.executeStep()) {
            return "(none)";
        }
        return q.getColumn(0).isNull() ? "NULL" : q.getColumn(0).getString();
    }
};

void check_counts(const ImportBatch& b, std::int64_t read, std::int64_t inserted,
                  std::int64_t updated, std::int64_t unchanged, std::int64_t rejected) {
    CHECK(b.rows_read == read);
    CHECK(b.inserted == inserted);
    CHECK(b.updated == updated);
    CHECK(b.unchanged == unchanged);
    CHECK(b.rejected == rejected);
}

} // namespace

TEST_CASE("importer: a UTF-8 file with ; is imported and normalised", "[import][importer]") {
    Importer i;
    const auto r = i.run_text("cands.csv", k_three);
    CHECK(r.written);
    CHECK(r.problems.empty());
    CHECK(r.delimiter == ";");
    check_counts(r.batch, 3, 3, 0, 0, 0);
    CHECK(r.batch.id > 0);
    CHECK(r.batch.source == "jc-test");
    CHECK(r.batch.profile == "agency");
    CHECK(r.batch.file_name == "cands.csv");
    CHECK(r.batch.sha256.size() == 64);
    CHECK(i.count("candidate") == 3);
    CHECK(i.candidate("A-1", "source") == "jc-test");
    CHECK(i.candidate("A-1", "birth_date") == "1990-02-01");
    CHECK(i.candidate("A-1", "residence_status") == "duldung");
    CHECK(i.candidate("A-2", "residence_status") == "eu"); // the profile's spelling
    CHECK(i.candidate("A-2", "district_ags") == "15002");  // Halle (Saale)
    CHECK(i.candidate("A-3", "last_name") == "Müller");
    CHECK(i.candidate("A-3", "birth_date") == "NULL");
    const auto stored = find_batch(i.db, r.batch.id);
    REQUIRE(stored);
    CHECK(stored->inserted == 3);
    CHECK_FALSE(stored->finished_at.empty());
}

TEST_CASE("importer: Windows-1252 bytes and , delimiters are recognised", "[import][importer]") {
    Importer i;
    const std::string bytes = "Kennung,Vorname,Nachname,PLZ,Deutsch,Geburtsdatum,Status\r\n"
                              "W-1,J\xFCrgen,Wei\xDF,39104,B2,03.03.1970,Duldung\r\n"
                              "W-2,\xC4nne,Gr\xF6\xDF"
                              "e,39104,,,eu\r\n";
    const auto r = i.run_text("ansi.csv", bytes);
    CHECK(r.written);
    CHECK(r.delimiter == ",");
    CHECK(r.batch.encoding == "Windows-1252");
    check_counts(r.batch, 2, 2, 0, 0, 0);
    CHECK(i.candidate("W-1", "first_name") == "Jürgen");
    CHECK(i.candidate("W-1", "last_name") == "Weiß");
    CHECK(i.candidate("W-2", "first_name") == "Änne");
    CHECK(i.candidate("W-2", "last_name") == "Größe");
}

TEST_CASE("importer: a re-import is idempotent and a changed row is an update",
          "[import][importer]") {
    Importer i;
    const auto first = i.run_text("cands.csv", k_three);
    const auto again = i.run_text("cands.csv", k_three);
    CHECK(again.written);
    check_counts(again.batch, 3, 0, 0, 3, 0);
    CHECK(i.count("candidate") == 3);
    CHECK(i.count("import_batch") == 2);

    std::string changed = k_three;
    changed.replace(changed.find("Haddad"), 6, "Haddad-Said");
    const auto third = i.run_text("cands.csv", changed);
    check_counts(third.batch, 3, 0, 1, 2, 0);
    CHECK(i.candidate("A-1", "last_name") == "Haddad-Said");
    CHECK(i.count("candidate") == 3);
    (void)first;
}

TEST_CASE("importer: bad rows are reported with file, line and column; good rows are written",
          "[import][importer]") {
    Importer i;
    const auto bytes = k_header + "A-1;Amal;Haddad;39104;B1;01.02.1990;Duldung\n"
                                  "A-2;Olena;Koval;3910;A2;15.07.1985;eu\n"
                                  "A-3;Jonas;Müller;39106;C1;31.02.1990;eu\n"
                                  "A-4;Eva;Klein;39106;C1;;eu\n";
    const auto r = i.run_text("mixed.csv", bytes);
    CHECK(r.written);
    check_counts(r.batch, 4, 2, 0, 0, 2);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problem_count == 2);
    const auto file = i.t.dir().file("mixed.csv").string();
    CHECK_THAT(r.problems[0], Catch::StartsWith(file + ":3: column \"PLZ\": "));
    CHECK_THAT(r.problems[0], Catch::EndsWith("(value \"3910\")"));
    CHECK_THAT(r.problems[1], Catch::StartsWith(file + ":4: column \"Geburtsdatum\": "));
    CHECK(i.candidate("A-1", "reference") == "A-1");
    CHECK(i.candidate("A-4", "reference") == "A-4");
    CHECK(i.candidate("A-2", "reference") == "(none)");
    CHECK(i.candidate("A-3", "reference") == "(none)");
    CHECK(i.count("candidate") == 2);
}

TEST_CASE("importer: rejected rows go to the rejects file with an error column",
          "[import][importer]") {
    Importer i;
    const auto bytes = k_header + "A-1;Amal;Haddad;39104;B1;01.02.1990;Duldung\n"
                                  "A-2;Olena;Koval;3910;A2;15.07.1985;eu\n";
    ImportRequest r;
    r.file = i.file("mixed.csv", bytes);
    r.profile = agency_profile();
    r.rejects = i.t.dir().file("rejects.csv");
    const auto result = run_import(i.db, r);
    CHECK(result.batch.rejected == 1);
    const auto rejects = werkstatt::test::read_text(*r.rejects);
    CHECK_THAT(rejects, Catch::StartsWith("\xEF\xBB\xBF"
                                          "Kennung;"));
    CHECK_THAT(rejects, Catch::Contains("A-2;Olena"));
    CHECK_THAT(rejects, Catch::Contains("column \"\"PLZ\"\""));
    CHECK_THAT(rejects, !Catch::Contains("A-1;"));
}

TEST_CASE("importer: --strict writes nothing when a row is bad", "[import][importer]") {
    Importer i;
    const auto bytes = k_header + "A-1;Amal;Haddad;39104;B1;01.02.1990;Duldung\n"
                                  "A-2;Olena;Koval;39104;Z9;15.07.1985;eu\n";
    const auto r = i.run_text("strict.csv", bytes, DryRun::no, Strict::yes);
    CHECK_FALSE(r.written);
    CHECK(r.batch.rejected == 1);
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0], Catch::Contains("column \"Deutsch\""));
    CHECK(i.count("candidate") == 0);
    CHECK(i.count("import_batch") == 0);

    SECTION("a strict import of good rows is written") {
        const auto ok = i.run_text("good.csv", k_three, DryRun::no, Strict::yes);
        CHECK(ok.written);
        CHECK(i.count("candidate") == 3);
    }
}

TEST_CASE("importer: a file of only bad rows writes nothing", "[import][importer]") {
    Importer i;
    const auto r = i.run_text("bad.csv", k_header + "A-1;Amal;Haddad;1;B1;;eu\n");
    CHECK_FALSE(r.written);
    CHECK(r.batch.rejected == 1);
    CHECK(i.count("candidate") == 0);
    CHECK(i.count("import_batch") == 0);
}

TEST_CASE("importer: a dry run reports the counts and writes nothing", "[import][importer]") {
    Importer i;
    const int audit_before = i.count("audit_log");
    const auto r = i.run_text("cands.csv", k_three, DryRun::yes);
    CHECK_FALSE(r.written);
    CHECK(r.batch.id == 0);
    check_counts(r.batch, 3, 3, 0, 0, 0);
    CHECK(i.count("candidate") == 0);
    CHECK(i.count("import_batch") == 0);
    CHECK(i.count("audit_log") == audit_before);

    SECTION("a dry run after an import reports updates without making them") {
        i.run_text("cands.csv", k_three);
        std::string changed = k_three;
        changed.replace(changed.find("Haddad"), 6, "Haddad-Said");
        const auto dry = i.run_text("cands.csv", changed, DryRun::yes);
        check_counts(dry.batch, 3, 0, 1, 2, 0);
        CHECK(i.candidate("A-1", "last_name") == "Haddad");
        CHECK(i.count("import_batch") == 1);
    }
}

TEST_CASE("importer: files that cannot be imported at all are bad data", "[import][importer]") {
    Importer i;
    SECTION("a header that does not match the profile") {
        const auto f = failure_of([&] {
            i.run_text("other.csv", "Kennung;Vorname;Name;PLZ;Deutsch;Geburtsdatum;Status\n"
                                    "A-1;Amal;Haddad;39104;B1;;eu\n");
        });
        CHECK(f.kind == ErrorKind::bad_data);
        CHECK_THAT(f.message, Catch::Contains("other.csv:1:"));
        CHECK_THAT(f.message, Catch::Contains("missing Nachname"));
        CHECK_THAT(f.message, Catch::Contains("'agency'"));
    }
    SECTION("an empty file") {
        const auto f = failure_of([&] { i.run_text("empty.csv", ""); });
        CHECK(f.kind == ErrorKind::bad_data);
        CHECK_THAT(f.message, Catch::Contains("empty"));
    }
    SECTION("a file of blank lines") {
        CHECK(failure_of([&] { i.run_text("blank.csv", "\n\n  \n"); }).kind == ErrorKind::bad_data);
    }
    SECTION("a header without rows") {
        const auto f = failure_of([&] { i.run_text("header.csv", k_header); });
        CHECK(f.kind == ErrorKind::bad_data);
        CHECK_THAT(f.message, Catch::Contains("no rows"));
    }
    SECTION("a folder") {
        CHECK(failure_of([&] { i.run(i.t.dir().path()); }).kind == ErrorKind::bad_data);
    }
    CHECK(i.count("candidate") == 0);
    CHECK(i.count("import_batch") == 0);
}

TEST_CASE("importer: requests that cannot work are refused before reading", "[import][importer]") {
    Importer i;
    ImportRequest r;
    r.file = i.file("cands.csv", k_three);
    r.profile = agency_profile();
    SECTION("a profile of the other kind") {
        r.expected_kind = RecordKind::opening;
        CHECK(failure_of([&] { run_import(i.db, r); }).kind == ErrorKind::usage);
    }
    SECTION("a source that is no label") {
        r.source = "JC Halle";
        CHECK(failure_of([&] { run_import(i.db, r); }).kind == ErrorKind::usage);
    }
    SECTION("--source overrides the profile's") {
        r.source = "jc-halle";
        const auto result = run_import(i.db, r);
        CHECK(result.batch.source == "jc-halle");
        CHECK(i.candidate("A-1", "source") == "jc-halle");
    }
    CHECK(i.count("import_batch") <= 1);
}

TEST_CASE("importer: a reference twice in a file is a warning; the later row wins",
          "[import][importer]") {
    Importer i;
    const auto r = i.run_text("dup.csv", k_header + "A-1;Amal;Haddad;39104;B1;;eu\n"
                                                    "A-1;Amal;Haddad-Said;39104;B1;;eu\n");
    CHECK(i.count("candidate") == 1);
    CHECK(i.candidate("A-1", "last_name") == "Haddad-Said");
    REQUIRE(r.warnings.size() == 1);
    CHECK_THAT(r.warnings[0], Catch::Contains(":3: reference \"A-1\" appeared earlier"));

    SECTION("also when both rows leave a known record unchanged") {
        const auto again = i.run_text("dup2.csv", k_header + "A-1;Amal;Haddad-Said;39104;B1;;eu\n"
                                                             "A-1;Amal;Haddad-Said;39104;B1;;eu\n");
        check_counts(again.batch, 2, 0, 0, 2, 0);
        REQUIRE(again.warnings.size() == 1);
        CHECK_THAT(again.warnings[0], Catch::Contains(":3: reference \"A-1\" appeared earlier"));
    }
}

TEST_CASE("importer: openings are imported for member companies only", "[import][importer]") {
    Importer i;
    CompanyFields c;
    c.key = "mueller";
    c.name = "Müller Metallbau";
    c.plz = "39104";
    add_company(i.db, c, MemberPolicy{}, DryRun::no);
    const auto path =
        i.file("openings.csv", "company,reference,title,kldb,german,plz,city,positions,start_date,"
                               "latest_start,licence,max_distance_km,needs_recognition,notes,"
                               "status\n"
                               "mueller,S-1,Schweißer,24412,B1,39104,Magdeburg,2,2027-03-01,,,"
                               "50,nein,,open\n"
                               "schmidt,S-2,Fahrer,52122,A2,39104,Magdeburg,1,,,CE,,,,open\n");
    const auto r = i.run(path, DryRun::no, Strict::no, find_profile({}, "openings"));
    CHECK(r.written);
    check_counts(r.batch, 2, 1, 0, 0, 1);
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0], Catch::Contains(":3: column \"company\": no member company"));
    CHECK(i.count("opening") == 1);
    CHECK(i.db.sql()
              .execAndGet("SELECT start_date || '/' || positions || '/' || district_ags "
                          "FROM opening WHERE reference = 'S-1'")
              .getString() == "2027-03-01/2/15003");
}

TEST_CASE("importer: undo deletes inserted and restores updated records", "[import][importer]") {
    Importer i;
    const auto first = i.run_text("cands.csv", k_three);
    std::string second_text = k_three;
    second_text.replace(second_text.find("Haddad"), 6, "Haddad-Said");
    second_text += "A-4;Eva;Klein;39106;C1;;eu\n";
    const auto second = i.run_text("cands.csv", second_text);
    check_counts(second.batch, 4, 1, 1, 2, 0);
    CHECK(i.count("candidate") == 4);

    SECTION("undoing the older batch first is a conflict") {
        const auto f = failure_of([&] { undo_import(i.db, first.batch.id, DryRun::no); });
        CHECK(f.kind == ErrorKind::conflict);
        CHECK(i.count("candidate") == 4);
    }
    SECTION("a dry run of undo changes nothing") {
        const auto u = undo_import(i.db, second.batch.id, DryRun::yes);
        CHECK(u.deleted == 1);
        CHECK(u.restored == 1);
        CHECK(i.count("candidate") == 4);
        CHECK(i.candidate("A-1", "last_name") == "Haddad-Said");
        CHECK_FALSE(find_batch(i.db, second.batch.id)->undone_at);
    }
    SECTION("undo, then undo again") {
        const auto u = undo_import(i.db, second.batch.id, DryRun::no);
        CHECK(u.batch.id == second.batch.id);
        CHECK(u.deleted == 1);
        CHECK(u.restored == 1);
        CHECK(i.count("candidate") == 3);
        CHECK(i.candidate("A-4", "reference") == "(none)");
        CHECK(i.candidate("A-1", "last_name") == "Haddad");
        CHECK(find_batch(i.db, second.batch.id)->undone_at.has_value());

        const auto twice = failure_of([&] { undo_import(i.db, second.batch.id, DryRun::no); });
        CHECK(twice.kind == ErrorKind::conflict);
        CHECK_THAT(twice.message, Catch::Contains("undone already"));

        // The first batch owns its records again and can be undone now.
        const auto u1 = undo_import(i.db, first.batch.id, DryRun::no);
        CHECK(u1.deleted == 3);
        CHECK(u1.restored == 0);
        CHECK(i.count("candidate") == 0);
    }
}

TEST_CASE("importer: undo of an unknown batch is not found", "[import][importer]") {
    Importer i;
    const auto f = failure_of([&] { undo_import(i.db, 4711, DryRun::no); });
    CHECK(f.kind == ErrorKind::not_found);
    CHECK_THAT(f.message, Catch::Contains("4711"));
}

TEST_CASE("importer: batch_records lists the counts of each batch", "[import][importer]") {
    Importer i;
    i.run_text("cands.csv", k_three);
    const auto records = batch_records(list_batches(i.db));
    REQUIRE(records.rows.size() == 1);
    const auto col = [&](const std::string& name) {
        for (std::size_t c = 0; c < records.columns.size(); ++c) {
            if (records.columns[c] == name) {
                return records.rows[0][c];
            }
        }
        FAIL("no column " << name);
        return Value{};
    };
    CHECK(col("inserted") == Value{std::int64_t{3}});
    CHECK(col("read") == Value{std::int64_t{3}});
    CHECK(col("file") == Value{std::string("cands.csv")});
    CHECK(col("undone_at") == Value{});
}

// Use cases moved out of cmd/ (one library call per command action).
namespace moved_from_cmd {

using namespace werkstatt;
using werkstatt::test::TestDatabase;
using werkstatt::test::write_text;

namespace {

// The header of the shipped `ba` profile, and one row with only a reference, a name and a PLZ.
const std::string k_header =
    "Referenznummer;Geschlecht;Vorname;Nachname;Geburtsdatum;Staatsangehörigkeit;PLZ;Ort;"
    "Zielberuf (KldB);Zielberuf;Deutschkenntnisse;Weitere Sprachen;Aufenthaltsstatus;"
    "Anerkennung;Führerschein;Verfügbar ab;Umkreis km;Einwilligung bis;E-Mail;Telefon;Bemerkung\n";

std::string row(const std::string& reference, const std::string& plz) {
    return reference + ";;;Name;;;" + plz + ";;;;;;;;;;;;;;\n";
}

ImportResult import_text(TestDatabase& t, const std::string& text, Strict strict,
                         DryRun dry = DryRun::no) {
    const auto file = t.dir().file("ba.csv");
    write_text(file, k_header + text);
    ImportRequest request;
    request.file = file;
    request.profile = find_profile({}, "ba");
    request.strict = strict;
    request.dry_run = dry;
    return run_import(t.db(), request);
}

} // namespace

TEST_CASE("an import with some bad rows takes the good ones unless strict") {
    TestDatabase t;
    const auto mixed = row("GOOD-1", "39104") + row("BAD-PLZ", "3910");
    const auto dry = import_text(t, mixed, Strict::no, DryRun::yes);
    CHECK(dry.refused == ImportRefusal::none);
    CHECK_FALSE(dry.written);

    const auto strict = import_text(t, mixed, Strict::yes);
    CHECK(strict.refused == ImportRefusal::strict);
    CHECK_FALSE(strict.written);
    CHECK(strict.batch.rejected == 1);

    const auto taken = import_text(t, mixed, Strict::no);
    CHECK(taken.refused == ImportRefusal::none);
    CHECK(taken.written);
    CHECK(taken.batch.inserted == 1);
    CHECK(taken.batch.rejected == 1);
}

TEST_CASE("an import whose rows are all bad is refused, strict or not") {
    TestDatabase t;
    const auto bad = row("BAD-1", "3910") + row("BAD-2", "1");
    CHECK(import_text(t, bad, Strict::no).refused == ImportRefusal::every_row_bad);
    CHECK(import_text(t, bad, Strict::yes).refused == ImportRefusal::every_row_bad);
    CHECK(import_text(t, bad, Strict::no, DryRun::yes).refused == ImportRefusal::every_row_bad);
    CHECK(list_batches(t.db()).empty());
}

} // namespace moved_from_cmd
