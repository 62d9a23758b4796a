// SPDX-License-Identifier: GPL-3.0-or-later
// The fields of candidates and openings: how a raw value becomes the stored one.
#include "applicants/fields.hpp"

#include "applicants/consent.hpp"
#include "core/text.hpp"
#include "import/profile.hpp"
#include "support.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace werkstatt;
using werkstatt::test::failure_of;

namespace {

// The result of normalising one value: the problem, if any, and the row it wrote into.
struct Normalised {
    std::optional<FieldProblem> problem;
    std::vector<Cell> cells;
    // Return the cell of `column` of the kind's schema.
    Cell operator[](const char* column) const { return cells.at(m_schema->index(column)); }
    const RecordSchema* m_schema = nullptr;
};

Normalised normalise(RecordKind kind, const std::string& field, std::string_view raw,
                     DateFormat format = DateFormat::german,
                     const std::map<std::string, std::string>* map = nullptr) {
    Normalised out;
    out.m_schema = &schema_of(kind);
    out.cells = default_cells(kind);
    FieldContext context{format, map};
    out.problem = normalise_field(kind, field, raw, context, out.cells);
    return out;
}

Normalised candidate(const std::string& field, std::string_view raw,
                     DateFormat format = DateFormat::german) {
    return normalise(RecordKind::candidate, field, raw, format);
}

Normalised opening(const std::string& field, std::string_view raw) {
    return normalise(RecordKind::opening, field, raw);
}

// Return the stored value of `field` for `raw`, or "PROBLEM: ..." if it was refused.
std::string stored(const std::string& field, std::string_view raw,
                   DateFormat format = DateFormat::german) {
    const auto n = candidate(field, raw, format);
    if (n.problem) {
        return "PROBLEM: " + n.problem->message;
    }
    const auto cell = n[field.c_str()];
    return cell ? *cell : "NULL";
}

bool refused(const std::string& field, std::string_view raw) {
    return candidate(field, raw).problem.has_value();
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

} // namespace

TEST_CASE("fields: a PLZ is five digits, trimmed; empty stays empty", "[applicants][fields]") {
    CHECK(stored("plz", " 39104 ") == "39104");
    CHECK(stored("plz", "06108") == "06108"); // Halle: the leading zero stays
    CHECK(stored("plz", "") == "");
    CHECK(refused("plz", "3910"));
    CHECK(refused("plz", "391040"));
    CHECK(refused("plz", "39l04"));
    CHECK_THAT(candidate("plz", "3910").problem->message, Catch::Contains("PLZ"));
}

TEST_CASE("fields: German is a CEFR level, the mother tongue included", "[applicants][fields]") {
    CHECK(stored("german", "b1") == "B1");
    CHECK(stored("german", " C2 ") == "C2");
    CHECK(stored("german", "B1.2") == "B1.2"); // a course sub-level is kept as written
    CHECK(stored("german", "b1.1") == "B1.1");
    CHECK(stored("german", "Muttersprache") == "native");
    CHECK(stored("german", "") == "NULL");
    CHECK(refused("german", "D1"));
    CHECK(refused("german", "gut"));
    CHECK_THAT(candidate("german", "gut").problem->message, Catch::Contains("CEFR"));
}

TEST_CASE("fields: a KldB 2010 code has five digits ending in a level 1 to 4",
          "[applicants][fields]") {
    CHECK(stored("kldb", "52122") == "52122"); // Berufskraftfahrer, Fachkraft
    CHECK(stored("kldb", "01104") == "01104"); // the leading zero stays
    CHECK(stored("kldb", "") == "NULL");
    CHECK(refused("kldb", "5212"));
    CHECK(refused("kldb", "52125")); // there is no requirement level 5
    CHECK(refused("kldb", "52120"));
    CHECK_THAT(candidate("kldb", "5212").problem->message, Catch::Contains("KldB"));
}

TEST_CASE("fields: dates are read in German and ISO form and stored as ISO",
          "[applicants][fields]") {
    CHECK(stored("birth_date", "13.05.1990") == "1990-05-13");
    CHECK(stored("birth_date", "1990-05-13") == "1990-05-13");
    CHECK(stored("available_from", "1990-05-13", DateFormat::iso) == "1990-05-13");
    CHECK(stored("available_from", "29.02.2028") == "2028-02-29"); // 2028 is a leap year
    CHECK(stored("available_from", "") == "NULL");
    CHECK(refused("available_from", "29.02.2027")); // 2027 is not
    CHECK(refused("birth_date", "31.04.1990"));     // April has 30 days
    CHECK(refused("birth_date", "morgen"));

    SECTION("the message shows the form the profile expects first, and the other") {
        CHECK(stored("birth_date", "32.01.1990") ==
              "PROBLEM: not a day that exists; write DD.MM.YYYY or YYYY-MM-DD");
        CHECK(stored("birth_date", "1990-13-01", DateFormat::iso) ==
              "PROBLEM: not a day that exists; write YYYY-MM-DD or DD.MM.YYYY");
        CHECK(stored("birth_date", "morgen") ==
              "PROBLEM: not a date; write DD.MM.YYYY or YYYY-MM-DD");
    }
}

TEST_CASE("fields: residence status takes werkstatt's codes, case ignored",
          "[applicants][fields]") {
    CHECK(stored("residence_status", "EU") == "eu");
    CHECK(stored("residence_status", "duldung-60b") == "duldung-60b");
    CHECK(stored("residence_status", "Blaue-Karte") == "blaue-karte");
    CHECK(refused("residence_status", "Aufenthaltserlaubnis"));
    CHECK_THAT(candidate("residence_status", "Aufenthaltserlaubnis").problem->message,
               Catch::Contains("[values.residence_status]"));
}

TEST_CASE("fields: a value map turns an agency's spelling into the code", "[applicants][fields]") {
    std::map<std::string, std::string> ba;
    ba[text::fold_for_match("Aufenthaltserlaubnis § 25 Abs. 2")] = "schutz";
    ba[text::fold_for_match("Duldung")] = "duldung";
    ba[text::fold_for_match("")] = "unknown";

    const auto mapped = [&](std::string_view raw) {
        const auto n =
            normalise(RecordKind::candidate, "residence_status", raw, DateFormat::german, &ba);
        return n.problem ? "PROBLEM" : *n["residence_status"];
    };
    CHECK(mapped("Aufenthaltserlaubnis § 25 Abs. 2") == "schutz");
    CHECK(mapped("  AUFENTHALTSERLAUBNIS  §  25 ABS. 2 ") == "schutz"); // folded and trimmed
    CHECK(mapped("DULDUNG") == "duldung");
    CHECK(mapped("") == "unknown");
    CHECK(mapped("eu") == "eu"); // not in the map: taken as written
    CHECK(mapped("Aufenthaltserlaubnis § 25 Abs. 5") == "PROBLEM");

    SECTION("one normaliser used with two maps follows the map it is given") {
        std::map<std::string, std::string> other;
        other[text::fold_for_match("Duldung")] = "ausbildungsduldung";
        const FieldNormaliser n(RecordKind::candidate, "residence_status");
        const auto column = candidate_schema().index("residence_status");
        auto cells = default_cells(RecordKind::candidate);
        REQUIRE_FALSE(n("Duldung", FieldContext{DateFormat::german, &ba}, cells));
        CHECK(cells[column] == Cell("duldung"));
        REQUIRE_FALSE(n("Duldung", FieldContext{DateFormat::german, &other}, cells));
        CHECK(cells[column] == Cell("ausbildungsduldung"));
        REQUIRE_FALSE(n("Duldung", FieldContext{DateFormat::german, nullptr}, cells));
        CHECK(cells[column] == Cell("duldung"));
    }
}

TEST_CASE("fields: driving licences are a list of known classes", "[applicants][fields]") {
    CHECK(stored("licences", "b, ce") == "B, CE");
    CHECK(stored("licences", "B;BE;C1") == "B, BE, C1");
    CHECK(stored("licences", "keiner") == "");
    CHECK(stored("licences", "") == "");
    CHECK(refused("licences", "B, Q"));
    CHECK_THAT(candidate("licences", "B, Q").problem->message, Catch::Contains("Q"));
    // An opening's field is called licence.
    CHECK(*opening("licence", "ce")["licence"] == "CE");
}

TEST_CASE("fields: the radius is a whole number of km from 0 to 1000", "[applicants][fields]") {
    CHECK(stored("radius_km", "0") == "0");
    CHECK(stored("radius_km", " 25 ") == "25");
    CHECK(stored("radius_km", "1000") == "1000");
    CHECK(stored("radius_km", "") == "NULL");
    CHECK(refused("radius_km", "1001"));
    CHECK(refused("radius_km", "-1"));
    CHECK(refused("radius_km", "25km"));
    CHECK(refused("radius_km", "2.5"));
    CHECK(stored("radius_km", "1001") == "PROBLEM: not a whole number from 0 to 1000");
}

TEST_CASE("fields: free text is trimmed and bounded, control characters are refused",
          "[applicants][fields]") {
    CHECK(stored("first_name", "  Ayşe ") == "Ayşe");
    CHECK(stored("first_name", std::string(200, 'a')) == std::string(200, 'a'));
    CHECK(refused("first_name", std::string(201, 'a')));
    CHECK_THAT(candidate("first_name", std::string(201, 'a')).problem->message,
               Catch::Contains("200"));
    // 100 umlauts are 200 bytes; one more character is too long.
    std::string umlauts;
    for (int i = 0; i < 100; ++i) {
        umlauts += "ü";
    }
    CHECK_FALSE(refused("last_name", umlauts));
    CHECK(refused("last_name", umlauts + "x"));
    CHECK(refused("first_name", "Ann\x01"
                                "a"));
    CHECK(refused("first_name", "M\xFCller")); // Windows-1252, not UTF-8
    CHECK(stored("notes", "Zeile 1\r\nZeile 2\tEnde") == "Zeile 1\nZeile 2\tEnde");
    CHECK(refused("notes", std::string(4001, 'n')));
    CHECK_FALSE(refused("notes", std::string(4000, 'n')));
}

TEST_CASE("fields: the reference is required and e-mail and phone are checked",
          "[applicants][fields]") {
    CHECK(stored("reference", " A-17 ") == "A-17");
    CHECK(stored("reference", "  ") == "PROBLEM: is empty but required");
    CHECK(refused("reference", std::string(65, 'r')));
    CHECK(stored("email", "") == "");
    CHECK(refused("email", "nicht-da"));
    CHECK(refused("phone", "ruf an"));
    CHECK(stored("source", "JC-Magdeburg") == "jc-magdeburg");
    CHECK(refused("source", "JC Magdeburg"));
}

TEST_CASE("fields: a nationality is kept as written and fills its ISO code where known",
          "[applicants][fields]") {
    const auto columns = field_columns(RecordKind::candidate, "nationality");
    REQUIRE(columns.size() == 2);
    CHECK(candidate_schema().columns[columns[0]] == "nationality");
    CHECK(candidate_schema().columns[columns[1]] == "nationality_code");

    const auto known = candidate("nationality", "syrisch");
    REQUIRE_FALSE(known.problem);
    CHECK(known["nationality"] == Cell("syrisch"));
    CHECK(known["nationality_code"] == Cell("SY"));
    const auto unknown = candidate("nationality", "Atlantis");
    REQUIRE_FALSE(unknown.problem); // never a reason to refuse a row
    CHECK(unknown["nationality"] == Cell("Atlantis"));
    CHECK_FALSE(unknown["nationality_code"].has_value());
}

TEST_CASE("fields: yes/no and bounded numbers of openings", "[applicants][fields]") {
    CHECK(*opening("positions", "")["positions"] == "1");
    CHECK(*opening("positions", "3")["positions"] == "3");
    CHECK(opening("positions", "0").problem.has_value());
    CHECK(opening("positions", "10001").problem.has_value());
    CHECK(*opening("needs_recognition", "ja")["needs_recognition"] == "1");
    CHECK(*opening("needs_recognition", "Nein")["needs_recognition"] == "0");
    CHECK(*opening("needs_recognition", "")["needs_recognition"] == "0");
    CHECK(opening("needs_recognition", "vielleicht").problem.has_value());
    // WAHR and FALSCH: what German Excel writes in a CSV file.
    CHECK(*opening("needs_recognition", "WAHR")["needs_recognition"] == "1");
    CHECK(*opening("needs_recognition", "FALSCH")["needs_recognition"] == "0");
    CHECK(*opening("status", "Closed")["status"] == "closed");
    CHECK(opening("status", "").problem.has_value());
    CHECK(opening("status", "paused").problem.has_value());
    CHECK(*opening("company", "mueller")["company_key"] == "mueller");
    CHECK(opening("title", "").problem.has_value());
    // A candidate is active unless the file says otherwise.
    CHECK(stored("active", "") == "1");
    CHECK(stored("active", "nein") == "0");
    CHECK(refused("active", "bald"));
}

TEST_CASE("fields: the district is derived from the PLZ", "[applicants][fields]") {
    const auto& schema = candidate_schema();
    auto cells = default_cells(RecordKind::candidate);
    cells[schema.index("plz")] = "39104"; // Magdeburg, kreisfreie Stadt 15003
    cells[schema.index("city")] = "Magdeburg";
    derive_columns(RecordKind::candidate, cells);
    CHECK(cells[schema.index("district_ags")] == Cell("15003"));

    cells[schema.index("plz")] = "06108"; // Halle (Saale), kreisfreie Stadt 15002
    cells[schema.index("city")] = "Halle (Saale)";
    derive_columns(RecordKind::candidate, cells);
    CHECK(cells[schema.index("district_ags")] == Cell("15002"));

    cells[schema.index("plz")] = "";
    derive_columns(RecordKind::candidate, cells);
    CHECK_FALSE(cells[schema.index("district_ags")].has_value());

    cells[schema.index("plz")] = "10115"; // Berlin: not in Sachsen-Anhalt
    cells[schema.index("city")] = "Berlin";
    derive_columns(RecordKind::candidate, cells);
    CHECK_FALSE(cells[schema.index("district_ags")].has_value());

    const auto& os = opening_schema();
    auto opening_cells = default_cells(RecordKind::opening);
    opening_cells[os.index("plz")] = "39104";
    derive_columns(RecordKind::opening, opening_cells);
    CHECK(opening_cells[os.index("district_ags")] == Cell("15003"));
}

TEST_CASE("fields: a new record starts from the defaults", "[applicants][fields]") {
    const auto& cs = candidate_schema();
    const auto c = default_cells(RecordKind::candidate);
    REQUIRE(c.size() == cs.columns.size());
    CHECK(c[cs.index("residence_status")] == Cell("unknown"));
    CHECK(c[cs.index("gender")] == Cell("unspecified"));
    CHECK(c[cs.index("active")] == Cell("1"));
    CHECK(c[cs.index("first_name")] == Cell(""));
    CHECK_FALSE(c[cs.index("reference")].has_value());
    CHECK_FALSE(c[cs.index("birth_date")].has_value());

    const auto& os = opening_schema();
    const auto o = default_cells(RecordKind::opening);
    REQUIRE(o.size() == os.columns.size());
    CHECK(o[os.index("positions")] == Cell("1"));
    CHECK(o[os.index("status")] == Cell("open"));
    CHECK(o[os.index("needs_recognition")] == Cell("0"));
    CHECK_FALSE(o[os.index("company_key")].has_value());
}

TEST_CASE("fields: import_fields lists what a profile may map, alphabetically",
          "[applicants][fields]") {
    const auto& c = import_fields(RecordKind::candidate);
    const auto& o = import_fields(RecordKind::opening);
    CHECK(std::is_sorted(c.begin(), c.end()));
    CHECK(std::is_sorted(o.begin(), o.end()));
    for (const char* f : {"reference", "source", "plz", "german", "residence_status", "nationality",
                          "radius_km", "active"}) {
        INFO(f);
        CHECK(contains(c, f));
    }
    CHECK_FALSE(contains(c, "company"));
    CHECK_FALSE(contains(c, "nationality_code")); // derived, not mapped
    CHECK_FALSE(contains(c, "district_ags"));
    // The report facts of schema 6 an agency's file may carry ...
    for (const char* f :
         {"country_of_birth", "second_nationality", "unemployed_since", "housing"}) {
        INFO(f);
        CHECK(contains(c, f));
        CHECK_FALSE(hand_only_field(RecordKind::candidate, f));
    }
    // ... and those set by hand only: special categories (Art. 9 GDPR) never come in bulk.
    for (const char* f : {"disability", "minority", "foreign_background", "exit_situation",
                          "status_6m", "status_6m_date"}) {
        INFO(f);
        CHECK_FALSE(contains(c, f));
        CHECK(hand_only_field(RecordKind::candidate, f));
        CHECK_NOTHROW(FieldNormaliser(RecordKind::candidate, f));
    }
    CHECK_FALSE(hand_only_field(RecordKind::candidate, "no_such_field"));
    // The consent columns of an agency file go to the consent table, not to a column.
    for (const char* f : {"consent_until", "consent_given_on", "consent_scopes"}) {
        INFO(f);
        CHECK(contains(c, f));
        CHECK_FALSE(hand_only_field(RecordKind::candidate, f));
    }
    for (const char* f : {"company", "title", "reference", "positions", "licence", "status"}) {
        INFO(f);
        CHECK(contains(o, f));
    }
    CHECK_FALSE(contains(o, "first_name"));
    // Every field but the consent's (the consent table's) can be normalised; an unknown one is
    // a bug.
    for (const auto& f : c) {
        if (!consent_import_field(f)) {
            CHECK_NOTHROW(FieldNormaliser(RecordKind::candidate, f));
        }
    }
    CHECK(failure_of([] { FieldNormaliser(RecordKind::candidate, "company"); }).kind ==
          ErrorKind::internal);
    CHECK(field_columns(RecordKind::opening, "company") ==
          std::vector<std::size_t>{opening_schema().index("company_key")});
}

TEST_CASE("fields: the report facts of schema 6 and how unknown clears them",
          "[applicants][fields]") {
    const auto& s = candidate_schema();
    auto cells = default_cells(RecordKind::candidate);
    REQUIRE(cells[s.index("second_nationality")] == Cell(""));
    const FieldContext context{DateFormat::german, nullptr};
    const auto set = [&](const char* field, const char* value) {
        return normalise_field(RecordKind::candidate, field, value, context, cells);
    };
    CHECK_FALSE(set("country_of_birth", "Syrien"));
    CHECK(cells[s.index("country_of_birth")] == Cell("SY"));
    CHECK_FALSE(set("country_of_birth", "ua"));
    CHECK(cells[s.index("country_of_birth")] == Cell("UA"));
    CHECK(set("country_of_birth", "Atlantis"));
    CHECK_FALSE(set("country_of_birth", "unbekannt"));
    CHECK_FALSE(cells[s.index("country_of_birth")].has_value());
    CHECK_FALSE(set("second_nationality", "irakisch"));
    CHECK(cells[s.index("second_nationality")] == Cell("irakisch"));
    CHECK(cells[s.index("second_nationality_code")] == Cell("IQ"));
    CHECK_FALSE(set("second_nationality", "unknown"));
    CHECK(cells[s.index("second_nationality")] == Cell(""));
    CHECK_FALSE(cells[s.index("second_nationality_code")].has_value());
    CHECK_FALSE(set("unemployed_since", "01.02.2025"));
    CHECK(cells[s.index("unemployed_since")] == Cell("2025-02-01"));
    CHECK(set("unemployed_since", "31.02.2025"));
    CHECK_FALSE(set("unemployed_since", "unknown"));
    CHECK_FALSE(cells[s.index("unemployed_since")].has_value());
    CHECK_FALSE(set("housing", "Wohnungslos"));
    CHECK(cells[s.index("housing")] == Cell("homeless"));
    CHECK(set("housing", "Zelt"));
    CHECK_FALSE(set("foreign_background", "ja"));
    CHECK(cells[s.index("foreign_background")] == Cell("1"));
    CHECK_FALSE(set("foreign_background", "no"));
    CHECK(cells[s.index("foreign_background")] == Cell("0"));
    CHECK_FALSE(set("foreign_background", ""));
    CHECK_FALSE(cells[s.index("foreign_background")].has_value());
    CHECK_FALSE(set("disability", "declined"));
    CHECK(cells[s.index("disability")] == Cell("declined"));
    CHECK(set("disability", "1"));
    CHECK_FALSE(set("exit_situation", "self-employed"));
    CHECK(cells[s.index("exit_situation")] == Cell("self-employed"));
    CHECK_FALSE(set("status_6m", "inactive"));
    CHECK(cells[s.index("status_6m")] == Cell("inactive"));
    CHECK(set("status_6m", "qualification"));
    const auto columns = field_columns(RecordKind::candidate, "second_nationality");
    REQUIRE(columns.size() == 2);
    CHECK(s.columns[columns[1]] == "second_nationality_code");
}
