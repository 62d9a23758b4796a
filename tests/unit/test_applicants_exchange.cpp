// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/exchange.hpp"

#include "import/importer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <string>

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
