// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importer.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>
#include <string>

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
