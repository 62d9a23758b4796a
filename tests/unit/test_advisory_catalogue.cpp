// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/catalogue.hpp"

#include "advisory/advisors.hpp"
#include "store/advisory_store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;
using werkstatt::test::write_text;

namespace {

int count(Database& db, const char* sql) {
    return db.sql().execAndGet(sql).getInt();
}

} // namespace

TEST_CASE("the first update loads everything, the second changes nothing and writes no audit") {
    TestDatabase t;
    const auto first = update_catalogue(t.db(), {}, DryRun::no);
    CHECK(first.advisors.inserted == 25);
    CHECK(first.funding.inserted == 9);
    CHECK(count(t.db(), "SELECT count(*) FROM audit_log WHERE entity = 'catalogue'") == 1);
    const auto second = update_catalogue(t.db(), {}, DryRun::no);
    CHECK_FALSE(second.changed());
    CHECK(second.advisors.unchanged == 25);
    CHECK(second.funding.unchanged == 9);
    CHECK(count(t.db(), "SELECT count(*) FROM audit_log WHERE entity = 'catalogue'") == 1);
    CHECK(catalogue_state(require_advisor(t.db(), "abh-harz")) == CatalogueState::shipped);
}

TEST_CASE("an update never overwrites an admin's edit and never brings back a removed entry") {
    TestDatabase t;
    update_catalogue(t.db(), {}, DryRun::no);
    AdvisorFields f;
    f.phone = "03941 5970";
    f.last_verified = "2026-11-01";
    edit_advisor(t.db(), "abh-harz", f, DryRun::no);
    CHECK(catalogue_state(require_advisor(t.db(), "abh-harz")) == CatalogueState::edited);
    remove_advisor(t.db(), "abh-stendal", DryRun::no);
    // Someone changes a funding instrument behind werkstatt's back: that counts as an edit too.
    t.db().sql().exec("UPDATE funding_instrument SET pays = 'more' WHERE key = 'asa-flex'");

    const auto report = update_catalogue(t.db(), {}, DryRun::no);
    CHECK(report.advisors.kept_edited == std::vector<std::string>{"abh-harz"});
    CHECK(report.advisors.kept_removed == std::vector<std::string>{"abh-stendal"});
    CHECK(report.funding.kept_edited == std::vector<std::string>{"asa-flex"});
    CHECK(require_advisor(t.db(), "abh-harz").phone == "03941 5970");
    CHECK_FALSE(find_advisor(t.db(), "abh-stendal"));
    CHECK(find_funding(t.db(), "asa-flex")->pays == "more");
}

TEST_CASE("changed shipped values reach rows nobody edited") {
    TestDatabase t;
    update_catalogue(t.db(), {}, DryRun::no);
    // Pretend the catalogue wrote other values earlier: the row equals what was written then.
    auto row = require_advisor(t.db(), "ihk-magdeburg");
    row.notes = "older text";
    row.catalogue_hash = advisor_fingerprint(row);
    update_advisor(t.db(), row);
    const auto report = update_catalogue(t.db(), {}, DryRun::no);
    CHECK(report.advisors.updated == 1);
    CHECK(require_advisor(t.db(), "ihk-magdeburg").notes != "older text");
}

TEST_CASE("admins' files add entries and replace shipped ones by key") {
    TestDatabase t;
    write_text(t.dir().file("own.csv"),
               "key,organisation,service,topics,plz,city,districts\n"
               "mein-netzwerk,Verein,Sprachcafé,language,06108,Halle (Saale),\n"
               "abh-harz,Landkreis Harz,Ausländerbehörde (eigene Angaben),work-permit,38820,"
               "Halberstadt,Harz\n");
    write_text(t.dir().file("own.toml"), "[[instrument]]\nkey = \"landesprogramm\"\nname = "
                                         "\"Landesprogramm\"\ntags = [\"sprache\"]\n");
    CatalogueFiles files;
    files.advisor_files = {t.dir().file("own.csv")};
    files.funding_files = {t.dir().file("own.toml")};
    const auto report = update_catalogue(t.db(), files, DryRun::no);
    CHECK(report.advisors.inserted == 26);
    CHECK(report.funding.inserted == 10);
    CHECK(require_advisor(t.db(), "abh-harz").service == "Ausländerbehörde (eigene Angaben)");

    files.funding_files = {t.dir().file("missing.toml")};
    const auto f = failure_of([&] { update_catalogue(t.db(), files, DryRun::no); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("missing.toml"));
}

TEST_CASE("an admin's own entry with a catalogue key is kept; dry runs write nothing") {
    TestDatabase t;
    AdvisorFields f;
    f.key = "abh-harz";
    f.organisation = "Meine Behörde";
    f.service = "ABH";
    f.topics = std::vector<std::string>{"work-permit"};
    f.plz = "38820";
    add_advisor(t.db(), f, DryRun::no);
    const auto dry = update_catalogue(t.db(), {}, DryRun::yes);
    CHECK(dry.advisors.kept_local == std::vector<std::string>{"abh-harz"});
    CHECK(count(t.db(), "SELECT count(*) FROM advisor") == 1);
    CHECK(count(t.db(), "SELECT count(*) FROM funding_instrument") == 0);
}

TEST_CASE("every shipped funding instrument has its texts for people in German too") {
    const auto shipped = catalogue_funding({});
    REQUIRE(shipped.size() == 9);
    CHECK(funding_without_german(shipped).empty());
    const auto egz = std::find_if(shipped.begin(), shipped.end(),
                                  [](const auto& i) { return i.key == "eingliederungszuschuss"; });
    REQUIRE(egz != shipped.end());
    CHECK_THAT(egz->pays_de, Catch::StartsWith("Ein Lohnkostenzuschuss"));
    REQUIRE(!egz->conditions.empty());
    CHECK_THAT(egz->conditions.front().reason_de, Catch::Contains("Stellenangebot"));
}

TEST_CASE("German texts of a funding file are read, shown in German and fall back to English") {
    const auto files = parse_funding_toml(
        "[[instrument]]\nkey = \"landesprogramm\"\nname = \"Landesprogramm\"\n"
        "audience = \"Employers\"\naudience_de = \"Unternehmen\"\n"
        "pays = \"A grant\"\n"
        "[[instrument.when]]\nreason = \"German below B1\"\nreason_de = \"Deutsch unter B1\"\n"
        "german_below = \"B1\"\n"
        "[[instrument.when]]\nreason = \"a helper job\"\nlevel = [\"helper\"]\n",
        "own.toml");
    REQUIRE(files.size() == 1);
    CHECK(files[0].audience_de == "Unternehmen");
    CHECK(files[0].pays_de.empty());
    // An admin's own file may give one language: the check names what has no German.
    CHECK(funding_without_german(files) ==
          std::vector<std::string>{"landesprogramm: pays", "landesprogramm: reason"});

    auto stored = files[0]; // as the database keeps it: the English texts
    const auto de = in_language(stored, files, Language::de);
    CHECK(de.audience == "Unternehmen");
    CHECK(de.pays == "A grant"); // no German: English
    REQUIRE(de.conditions.size() == 2);
    CHECK(de.conditions[0].reason == "Deutsch unter B1");
    CHECK(de.conditions[1].reason == "a helper job");
    CHECK(in_language(stored, files, Language::en).audience == "Employers");

    // An admin changed the English in the database: the file's German no longer fits it.
    stored.audience = "Companies in Harz";
    stored.conditions[0].reason = "German below B1 (our wording)";
    const auto edited = in_language(stored, files, Language::de);
    CHECK(edited.audience == "Companies in Harz");
    CHECK(edited.conditions[0].reason == "German below B1 (our wording)");

    // An instrument entered here has no file entry: shown as entered.
    stored.key = "eigenes";
    CHECK(in_language(stored, files, Language::de).audience == "Companies in Harz");

    const auto f = failure_of([] {
        parse_funding_toml("[[instrument]]\nkey = \"x\"\nname = \"X\"\npays_fr = \"?\"\n",
                           "o.toml");
    });
    CHECK(f.kind == ErrorKind::config);
}
