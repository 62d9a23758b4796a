// SPDX-License-Identifier: GPL-3.0-or-later
// The applicant exchange by hand: finding, listing, editing, removing candidates and openings.
#include "applicants/exchange.hpp"

#include "members/members.hpp"
#include "store/import_store.hpp"
#include "support.hpp"

#include "import/importer.hpp"
#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;

using Strings = std::vector<std::string>;

namespace {

struct Exchange {
    TestDatabase t;
    Database& db = t.db();

    // Insert a candidate of `source` with `reference` and return its id.
    std::int64_t candidate(const std::string& source, const std::string& reference,
                           const std::string& first_name = "Amal", bool active = true) {
        const auto& s = candidate_schema();
        auto cells = default_cells(RecordKind::candidate);
        cells[s.index("source")] = source;
        cells[s.index("reference")] = reference;
        cells[s.index("first_name")] = first_name;
        cells[s.index("plz")] = "39104";
        cells[s.index("city")] = "Magdeburg";
        cells[s.index("active")] = active ? "1" : "0";
        derive_columns(RecordKind::candidate, cells);
        RecordTable table(db, RecordKind::candidate);
        return table.insert(cells, std::nullopt, "2026-11-01T10:00:00Z");
    }

    void company(const std::string& key, const std::string& plz, const std::string& city) {
        CompanyFields c;
        c.key = key;
        c.name = key + " GmbH";
        c.plz = plz;
        c.city = city;
        add_company(db, c, MemberPolicy{}, DryRun::no);
    }

    int count(const std::string& sql) { return db.sql().execAndGet(sql).getInt(); }
};

Cell cell(const ExchangeRecord& r, RecordKind kind, const char* column) {
    return r.cells.at(schema_of(kind).index(column));
}

std::vector<std::int64_t> ids(const std::vector<ExchangeRecord>& records) {
    std::vector<std::int64_t> out;
    for (const auto& r : records) {
        out.push_back(r.id);
    }
    return out;
}

bool contains(const Strings& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

Value column(const Records& r, std::size_t row, const std::string& name) {
    const auto it = std::find(r.columns.begin(), r.columns.end(), name);
    REQUIRE(it != r.columns.end());
    return r.rows.at(row).at(static_cast<std::size_t>(it - r.columns.begin()));
}

} // namespace

TEST_CASE("exchange: require_candidate finds a candidate by id or by reference",
          "[applicants][exchange]") {
    Exchange x;
    const auto a = x.candidate("ba", "A-1", "Amal");
    const auto b = x.candidate("ba", "777", "Olena"); // a reference that looks like a number

    CHECK(require_candidate(x.db, std::to_string(a), std::nullopt).id == a);
    CHECK(require_candidate(x.db, "A-1", std::nullopt).id == a);
    CHECK(*cell(require_candidate(x.db, "A-1", std::nullopt), RecordKind::candidate,
                "first_name") == "Amal");
    // No candidate has id 777: the reference decides.
    CHECK(require_candidate(x.db, "777", std::nullopt).id == b);

    const auto missing = failure_of([&] { require_candidate(x.db, "Z-9", std::nullopt); });
    CHECK(missing.kind == ErrorKind::not_found);
    CHECK_THAT(missing.message, Catch::Contains("Z-9"));
    CHECK(failure_of([&] { require_candidate(x.db, "4711", std::nullopt); }).kind ==
          ErrorKind::not_found);
    // The reference of another source does not count.
    CHECK(failure_of([&] { require_candidate(x.db, "A-1", std::string("jc-halle")); }).kind ==
          ErrorKind::not_found);
}

TEST_CASE("exchange: a reference wins over an id; --source applies to references only",
          "[applicants][exchange]") {
    Exchange x;
    const auto first = x.candidate("ba", "A-1", "Amal");
    const auto second = x.candidate("ba", std::to_string(first), "Olena");
    REQUIRE(first != second);
    // werkstatt-candidate(1): the text 12 names the candidate whose reference is 12 if there is
    // one, else the candidate with id 12.
    CHECK(require_candidate(x.db, std::to_string(first), std::nullopt).id == second);
    CHECK(require_candidate(x.db, std::to_string(second), std::nullopt).id == second);
    // No jc-halle candidate has the reference: the id decides, whatever its source.
    CHECK(require_candidate(x.db, std::to_string(first), std::string("jc-halle")).id == first);
}

TEST_CASE("exchange: a reference of several sources needs --source", "[applicants][exchange]") {
    Exchange x;
    const auto ba = x.candidate("ba", "K-5");
    const auto jc = x.candidate("jc-halle", "K-5");
    const auto f = failure_of([&] { require_candidate(x.db, "K-5", std::nullopt); });
    CHECK(f.kind == ErrorKind::usage);
    CHECK_THAT(f.message, Catch::Contains("2 sources"));
    CHECK(require_candidate(x.db, "K-5", std::string("ba")).id == ba);
    CHECK(require_candidate(x.db, "K-5", std::string("jc-halle")).id == jc);
}

TEST_CASE("exchange: list_exchange filters by activity, source and company",
          "[applicants][exchange]") {
    Exchange x;
    const auto a = x.candidate("ba", "A-1");
    const auto b = x.candidate("jc-halle", "B-1");
    const auto archived = x.candidate("ba", "A-2", "Jonas", false);

    CHECK(ids(list_exchange(x.db, RecordKind::candidate, {})) == std::vector<std::int64_t>{a, b});
    ExchangeFilter all;
    all.include_inactive = true;
    CHECK(ids(list_exchange(x.db, RecordKind::candidate, all)) ==
          std::vector<std::int64_t>{a, b, archived});
    ExchangeFilter ba;
    ba.source = "ba";
    CHECK(ids(list_exchange(x.db, RecordKind::candidate, ba)) == std::vector<std::int64_t>{a});
    ba.include_inactive = true;
    CHECK(ids(list_exchange(x.db, RecordKind::candidate, ba)) ==
          std::vector<std::int64_t>{a, archived});

    x.company("mueller", "39104", "Magdeburg");
    x.company("schmidt", "06108", "Halle (Saale)");
    const auto o1 = add_opening(x.db, {{"company", "mueller"}, {"title", "Schweißer"}}, DryRun::no);
    const auto o2 = add_opening(x.db, {{"company", "schmidt"}, {"title", "Fahrer"}}, DryRun::no);
    const auto closed = add_opening(
        x.db, {{"company", "mueller"}, {"title", "Lager"}, {"status", "closed"}}, DryRun::no);
    CHECK(ids(list_exchange(x.db, RecordKind::opening, {})) == std::vector<std::int64_t>{o1, o2});
    ExchangeFilter mueller;
    mueller.company = "mueller";
    mueller.include_inactive = true;
    CHECK(ids(list_exchange(x.db, RecordKind::opening, mueller)) ==
          std::vector<std::int64_t>{o1, closed});
}

TEST_CASE("exchange: edit_exchange returns the changed columns and writes them",
          "[applicants][exchange]") {
    Exchange x;
    const auto id = x.candidate("ba", "A-1");
    const auto audit_before = x.count("SELECT count(*) FROM audit_log");

    SECTION("a new PLZ moves the district and clears the old city") {
        const auto changed = edit_exchange(x.db, RecordKind::candidate, id,
                                           {{"plz", "06108"}, {"german", "b2"}}, DryRun::no);
        CHECK(contains(changed, "plz"));
        CHECK(contains(changed, "city"));
        CHECK(contains(changed, "district_ags"));
        CHECK(contains(changed, "german"));
        CHECK_FALSE(contains(changed, "first_name"));
        const auto r = require_candidate(x.db, "A-1", std::nullopt);
        CHECK(cell(r, RecordKind::candidate, "plz") == Cell("06108"));
        CHECK(cell(r, RecordKind::candidate, "city") == Cell(""));
        CHECK(cell(r, RecordKind::candidate, "district_ags") == Cell("15002"));
        CHECK(cell(r, RecordKind::candidate, "german") == Cell("B2"));
        CHECK(x.count("SELECT count(*) FROM audit_log WHERE action = 'edit' AND entity_id = " +
                      std::to_string(id)) == 1);
    }
    SECTION("a new source is a change of the first column") {
        const auto changed =
            edit_exchange(x.db, RecordKind::candidate, id, {{"source", "JC-Halle"}}, DryRun::no);
        CHECK(changed == Strings{"source"});
        CHECK(require_candidate(x.db, "A-1", std::string("jc-halle")).id == id);
    }
    SECTION("dates are written YYYY-MM-DD") {
        const auto changed = edit_exchange(x.db, RecordKind::candidate, id,
                                           {{"available_from", "2027-05-13"}}, DryRun::no);
        CHECK(changed == Strings{"available_from"});
        CHECK(cell(require_candidate(x.db, "A-1", std::nullopt), RecordKind::candidate,
                   "available_from") == Cell("2027-05-13"));
    }
    SECTION("the same values change nothing and write nothing") {
        const auto changed =
            edit_exchange(x.db, RecordKind::candidate, id, {{"first_name", "Amal"}}, DryRun::no);
        CHECK(changed.empty());
        CHECK(x.count("SELECT count(*) FROM audit_log") == audit_before);
    }
    SECTION("a dry run reports the change and writes nothing") {
        const auto changed =
            edit_exchange(x.db, RecordKind::candidate, id, {{"first_name", "Amira"}}, DryRun::yes);
        CHECK(changed == Strings{"first_name"});
        CHECK(cell(require_candidate(x.db, "A-1", std::nullopt), RecordKind::candidate,
                   "first_name") == Cell("Amal"));
        CHECK(x.count("SELECT count(*) FROM audit_log") == audit_before);
    }
    SECTION("a bad value is bad data naming the field, and nothing is written") {
        const auto f = failure_of([&] {
            edit_exchange(x.db, RecordKind::candidate, id,
                          {{"first_name", "Amira"}, {"radius_km", "2000"}}, DryRun::no);
        });
        CHECK(f.kind == ErrorKind::bad_data);
        CHECK_THAT(f.message, Catch::StartsWith("radius_km '2000'"));
        CHECK(cell(require_candidate(x.db, "A-1", std::nullopt), RecordKind::candidate,
                   "first_name") == Cell("Amal"));
    }
    SECTION("an unknown record is not found") {
        CHECK(failure_of([&] {
                  edit_exchange(x.db, RecordKind::candidate, id + 100, {{"first_name", "X"}},
                                DryRun::no);
              }).kind == ErrorKind::not_found);
    }
}

TEST_CASE("exchange: editing an opening checks its company and reference",
          "[applicants][exchange]") {
    Exchange x;
    x.company("mueller", "39104", "Magdeburg");
    const auto id = add_opening(x.db, {{"company", "mueller"}, {"title", "Schweißer"}}, DryRun::no);
    CHECK(failure_of([&] {
              edit_exchange(x.db, RecordKind::opening, id, {{"company", "nobody"}}, DryRun::no);
          }).kind == ErrorKind::not_found);
    CHECK(failure_of([&] {
              edit_exchange(x.db, RecordKind::opening, id, {{"reference", ""}}, DryRun::no);
          }).kind == ErrorKind::bad_data);
    const auto changed =
        edit_exchange(x.db, RecordKind::opening, id, {{"positions", "3"}}, DryRun::no);
    CHECK(changed == Strings{"positions"});
    CHECK(cell(require_opening(x.db, id), RecordKind::opening, "positions") == Cell("3"));
}

TEST_CASE("exchange: remove_candidate erases the record", "[applicants][exchange]") {
    Exchange x;
    const auto keep = x.candidate("ba", "A-1");
    const auto gone = x.candidate("ba", "A-2", "Olena");
    SECTION("a dry run keeps it") {
        remove_candidate(x.db, gone, DryRun::yes);
        CHECK(require_candidate(x.db, "A-2", std::nullopt).id == gone);
    }
    SECTION("erased, with only the id in the audit log") {
        remove_candidate(x.db, gone, DryRun::no);
        CHECK(failure_of([&] { require_candidate(x.db, "A-2", std::nullopt); }).kind ==
              ErrorKind::not_found);
        CHECK(require_candidate(x.db, "A-1", std::nullopt).id == keep);
        CHECK(x.count("SELECT count(*) FROM audit_log WHERE action = 'remove' AND "
                      "details = 'erased' AND entity_id = " +
                      std::to_string(gone)) == 1);
        CHECK(failure_of([&] { remove_candidate(x.db, gone, DryRun::no); }).kind ==
              ErrorKind::not_found);
    }
}

TEST_CASE("exchange: add_opening takes the company's place unless it names its own",
          "[applicants][exchange]") {
    Exchange x;
    x.company("mueller", "39104", "Magdeburg");

    const auto id = add_opening(x.db, {{"company", "mueller"}, {"title", "Schweißer"}}, DryRun::no);
    const auto o = require_opening(x.db, id);
    CHECK(cell(o, RecordKind::opening, "company_key") == Cell("mueller"));
    CHECK(cell(o, RecordKind::opening, "title") == Cell("Schweißer"));
    CHECK(cell(o, RecordKind::opening, "plz") == Cell("39104"));
    CHECK(cell(o, RecordKind::opening, "city") == Cell("Magdeburg"));
    CHECK(cell(o, RecordKind::opening, "district_ags") == Cell("15003"));
    CHECK(cell(o, RecordKind::opening, "positions") == Cell("1"));
    CHECK(cell(o, RecordKind::opening, "status") == Cell("open"));
    // A reference of its own, so that an export imports back.
    CHECK(cell(o, RecordKind::opening, "reference") == Cell("werkstatt-" + std::to_string(id)));

    const auto own = add_opening(
        x.db, {{"company", "mueller"}, {"title", "Fahrer"}, {"plz", "06108"}, {"reference", "F-1"}},
        DryRun::no);
    const auto o2 = require_opening(x.db, own);
    CHECK(cell(o2, RecordKind::opening, "plz") == Cell("06108"));
    CHECK(cell(o2, RecordKind::opening, "city") == Cell(""));
    CHECK(cell(o2, RecordKind::opening, "district_ags") == Cell("15002"));
    CHECK(cell(o2, RecordKind::opening, "reference") == Cell("F-1"));

    const int before = x.count("SELECT count(*) FROM opening");
    CHECK(failure_of([&] {
              add_opening(x.db, {{"company", "mueller"}}, DryRun::no);
          }).kind == ErrorKind::usage);
    CHECK(failure_of([&] {
              add_opening(x.db, {{"title", "Fahrer"}}, DryRun::no);
          }).kind == ErrorKind::usage);
    CHECK(failure_of([&] {
              add_opening(x.db, {{"company", "nobody"}, {"title", "Fahrer"}}, DryRun::no);
          }).kind == ErrorKind::not_found);
    const auto bad = failure_of([&] {
        add_opening(x.db, {{"company", "mueller"}, {"title", "Fahrer"}, {"positions", "0"}},
                    DryRun::no);
    });
    CHECK(bad.kind == ErrorKind::bad_data);
    CHECK_THAT(bad.message, Catch::StartsWith("positions '0'"));
    add_opening(x.db, {{"company", "mueller"}, {"title", "Dry"}}, DryRun::yes);
    CHECK(x.count("SELECT count(*) FROM opening") == before);
}

TEST_CASE("exchange: exchange_records lists the schema's columns with id and district",
          "[applicants][exchange]") {
    Exchange x;
    const auto id = x.candidate("ba", "A-1");
    edit_exchange(x.db, RecordKind::candidate, id, {{"radius_km", "30"}}, DryRun::no);
    const auto list = list_exchange(x.db, RecordKind::candidate, {});
    const auto r = exchange_records(RecordKind::candidate, list);
    // The eleven report facts of schema 6 are shown by `show` only; consent_until (the matching
    // consent's last day) stays where the column was, after radius_km.
    REQUIRE(r.columns.size() == candidate_schema().columns.size() - 11 + 3);
    const auto radius = std::find(r.columns.begin(), r.columns.end(), "radius_km");
    REQUIRE(radius + 1 != r.columns.end());
    CHECK(*(radius + 1) == "consent_until");
    for (const char* shown_only : {"disability", "minority", "sensitive_consent", "housing",
                                   "country_of_birth", "exit_situation", "status_6m"}) {
        INFO(shown_only);
        CHECK_FALSE(contains(r.columns, shown_only));
    }
    CHECK(r.columns.front() == "id");
    CHECK(r.columns.back() == "district");
    REQUIRE(r.rows.size() == 1);
    CHECK(column(r, 0, "id") == Value{id});
    CHECK(column(r, 0, "reference") == Value{std::string("A-1")});
    CHECK(column(r, 0, "radius_km") == Value{std::int64_t{30}}); // a number, not text
    CHECK(column(r, 0, "active") == Value{true});
    CHECK(column(r, 0, "birth_date") == Value{});
    CHECK(column(r, 0, "district_ags") == Value{std::string("15003")});
    CHECK(column(r, 0, "district") == Value{std::string("Magdeburg")});

    x.company("mueller", "39104", "Magdeburg");
    const auto oid =
        add_opening(x.db, {{"company", "mueller"}, {"title", "Schweißer"}}, DryRun::no);
    const auto o = exchange_records(RecordKind::opening, {require_opening(x.db, oid)});
    CHECK(std::count(o.columns.begin(), o.columns.end(), "company") == 1);
    CHECK(std::count(o.columns.begin(), o.columns.end(), "company_key") == 0);
    CHECK(column(o, 0, "company") == Value{std::string("mueller")});
    CHECK(column(o, 0, "positions") == Value{std::int64_t{1}});
    CHECK(column(o, 0, "needs_recognition") == Value{false});

    const auto d = exchange_detail(RecordKind::opening, require_opening(x.db, oid));
    REQUIRE(d.fields.size() == o.columns.size());
    CHECK(d.fields[0].first == "id");
    CHECK(d.fields[0].second == Value{oid});
}

// Use cases moved out of cmd/ (one library call per command action).
namespace moved_from_cmd {

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;
using werkstatt::test::write_text;

namespace {

// Import one candidate with reference `reference` from source `source` (profile `ba`).
void import_candidate(TestDatabase& t, const std::string& reference, const std::string& source) {
    const auto file = t.dir().file(source + ".csv");
    write_text(file,
               "Referenznummer;Geschlecht;Vorname;Nachname;Geburtsdatum;Staatsangehörigkeit;PLZ;"
               "Ort;Zielberuf (KldB);Zielberuf;Deutschkenntnisse;Weitere Sprachen;"
               "Aufenthaltsstatus;Anerkennung;Führerschein;Verfügbar ab;Umkreis km;"
               "Einwilligung bis;E-Mail;Telefon;Bemerkung\n" +
                   reference + ";;;Name;;;39104;;;;;;;;;;;;;;\n");
    ImportRequest request;
    request.file = file;
    request.profile = find_profile({}, "ba");
    request.source = source;
    REQUIRE(run_import(t.db(), request).written);
}

} // namespace

TEST_CASE("a candidate is edited by reference and source, and says what changed") {
    TestDatabase t;
    import_candidate(t, "REF-1", "jc-a");
    import_candidate(t, "REF-1", "jc-b");
    const auto b = require_candidate(t.db(), "REF-1", std::string("jc-b"));
    const auto out =
        edit_candidate(t.db(), "REF-1", std::string("jc-b"), {{"city", "Magdeburg"}}, DryRun::no);
    CHECK(out.id == b.id);
    CHECK(out.changed == std::vector<std::string>{"city"});
    CHECK(edit_candidate(t.db(), "REF-1", std::string("jc-b"), {{"city", "Magdeburg"}}, DryRun::no)
              .changed.empty());
    auto f = failure_of([&] {
        edit_candidate(t.db(), "REF-1", std::nullopt, {{"city", "Halle"}}, DryRun::no);
    });
    CHECK(f.kind == ErrorKind::usage);
    f = failure_of([&] { edit_candidate(t.db(), "REF-9", std::nullopt, {}, DryRun::no); });
    CHECK(f.kind == ErrorKind::not_found);
}

} // namespace moved_from_cmd

TEST_CASE("exchange: exchange_detail adds the report facts that listings leave out",
          "[applicants][exchange]") {
    Exchange x;
    const auto id = x.candidate("ba", "A-1");
    edit_exchange(
        x.db, RecordKind::candidate, id,
        {{"housing", "housed"}, {"foreign_background", "yes"}, {"disability", "declined"}},
        DryRun::no);
    const auto d = exchange_detail(RecordKind::candidate, require_candidate(x.db, "A-1", {}));
    // id, district, consent_until, and five keys for each of the three scopes' consents.
    REQUIRE(d.fields.size() == candidate_schema().columns.size() + 3 + 15);
    const auto field = [&](const std::string& name) {
        for (const auto& [k, v] : d.fields) {
            if (k == name) {
                return v;
            }
        }
        FAIL("no field " << name);
        return Value{};
    };
    CHECK(field("housing") == Value{std::string("housed")});
    CHECK(field("foreign_background") == Value{true});
    CHECK(field("disability") == Value{std::string("declined")});
    CHECK(field("minority") == Value{});
    CHECK(field("consent_matching") == Value{std::string("none")});
    CHECK(field("consent_reporting_given_on") == Value{});
}

TEST_CASE("exchange: a special category needs the setting and a reporting consent",
          "[applicants][exchange]") {
    Exchange x;
    const auto id = x.candidate("ba", "A-1");
    const auto value = [&](const char* column) {
        return cell(require_candidate(x.db, "A-1", {}), RecordKind::candidate, column);
    };
    const SensitivePolicy off{};
    const SensitivePolicy on{true};
    const auto consent = [&](bool withdraw) {
        ConsentChange change;
        change.scopes = {Scope::reporting};
        if (withdraw) {
            change.withdraw = true;
        } else {
            change.given_on = Date::parse_iso("2026-11-02");
        }
        record_consent(x.db, "A-1", std::nullopt, change, *Date::parse_iso("2026-12-01"),
                       DryRun::no);
    };
    consent(false);
    auto f = failure_of([&] {
        edit_exchange(x.db, RecordKind::candidate, id, {{"disability", "yes"}}, DryRun::no, off);
    });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("privacy.special_categories is off"));
    edit_exchange(x.db, RecordKind::candidate, id, {{"disability", "no"}}, DryRun::no, on);
    CHECK(value("disability") == Cell("no"));
    // Declined is always allowed, setting off or not.
    edit_exchange(x.db, RecordKind::candidate, id, {{"minority", "declined"}}, DryRun::no, off);
    CHECK(value("minority") == Cell("declined"));
    // Without a reporting consent (withdrawn), yes or no is refused and nothing half-written.
    consent(true);
    f = failure_of([&] {
        edit_exchange(x.db, RecordKind::candidate, id, {{"minority", "no"}, {"notes", "x"}},
                      DryRun::no, on);
    });
    CHECK(f.kind == ErrorKind::conflict);
    CHECK_THAT(f.message, Catch::Contains("candidate consent " + std::to_string(id)));
    CHECK(value("minority") == Cell("declined"));
    CHECK(value("notes") == Cell(""));
}

TEST_CASE("exchange: insert_new gives each of its rows the id of its record",
          "[applicants][exchange]") {
    Exchange x;
    x.candidate("ba", "OLD-1");
    const auto removed = x.candidate("ba", "OLD-2");
    x.db.sql().exec("DELETE FROM candidate WHERE id = " + std::to_string(removed));
    const auto& s = candidate_schema();
    std::vector<std::vector<Cell>> cells;
    for (const char* reference : {"N-3", "N-1", "N-2"}) {
        auto row = default_cells(RecordKind::candidate);
        row[s.index("source")] = std::string("ba");
        row[s.index("reference")] = std::string(reference);
        derive_columns(RecordKind::candidate, row);
        cells.push_back(row);
    }
    std::vector<const std::vector<Cell>*> rows;
    for (const auto& row : cells) {
        rows.push_back(&row);
    }
    ImportBatch batch;
    batch.kind = "candidate";
    batch.id = insert_batch(x.db, batch);
    RecordTable table(x.db, RecordKind::candidate);
    SQLite::Transaction txn(x.db.sql());
    REQUIRE(table.insert_new(rows, batch.id, "2026-12-01T00:00:00Z"));
    const auto& ids = table.inserted_ids();
    REQUIRE(ids.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        SQLite::Statement q(x.db.sql(), "SELECT reference FROM candidate WHERE id = ?");
        q.bind(1, ids[i]);
        REQUIRE(q.executeStep());
        CHECK(q.getColumn(0).getString() == *cells[i][s.index("reference")]);
        CHECK(ids[i] > removed); // never an id used before
    }
    // One of them again: nothing is inserted.
    CHECK_FALSE(table.insert_new({rows[1]}, batch.id, "2026-12-01T00:00:00Z"));
    CHECK(x.db.sql().execAndGet("SELECT count(*) FROM candidate").getInt() == 4);
}
