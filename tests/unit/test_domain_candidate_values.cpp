// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/candidate_values.hpp"
#include "domain/reporting_values.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace werkstatt;

namespace {

CefrLevel cefr(const char* text) {
    const auto level = CefrLevel::parse(text);
    REQUIRE(level.has_value());
    return *level;
}

KldbCode kldb(const char* text) {
    const auto code = KldbCode::parse(text);
    REQUIRE(code.has_value());
    return *code;
}

} // namespace

TEST_CASE("CefrLevel reads the six levels in either case", "[candidate]") {
    const char* names[] = {"A1", "A2", "B1", "B2", "C1", "C2"};
    for (int rank = 0; rank < 6; ++rank) {
        INFO("level " << names[rank]);
        CHECK(cefr(names[rank]).rank() == rank);
        CHECK(cefr(names[rank]).str() == names[rank]);
        std::string lower = names[rank];
        lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
        CHECK(cefr(lower.c_str()).rank() == rank);
    }
    CHECK(cefr("  b2\t").str() == "B2");
}

TEST_CASE("CefrLevel keeps a course sub-level and counts its first half as the level below",
          "[candidate]") {
    // B1.1 is the first half of a B1 course: B1 is not reached, it counts as A2.
    CHECK(cefr("B1.1").str() == "B1.1");
    CHECK(cefr("B1.1").counted() == "A2");
    CHECK(cefr("B1.1").rank() == cefr("A2").rank());
    CHECK(cefr("B1.1").course_level());
    CHECK(cefr("B1.1") < cefr("B1"));
    CHECK(cefr("B1.1") > cefr("A2"));
    CHECK(cefr("b2.1").counted() == "B1");
    CHECK(cefr("C1.1").counted() == "B2");
    CHECK(cefr("a2.1").str() == "A2.1");
    CHECK(cefr("a2.1").counted() == "A1");
    // Nothing lies below A1 on the scale.
    CHECK(cefr("A1.1").counted() == "A1");
    CHECK(cefr("A1.1").rank() == 0);
    // The second half counts as the course's level.
    CHECK(cefr("B1.2").str() == "B1.2");
    CHECK(cefr("B1.2").counted() == "B1");
    CHECK(cefr("B1.2").rank() == cefr("B1").rank());
    CHECK(cefr("C1.2").counted() == "C1");
    CHECK(cefr("B1.2") != cefr("B1"));
    CHECK_FALSE(cefr("B1").course_level());
    CHECK(cefr("B1").counted() == "B1");
    CHECK(cefr("native").counted() == "native");
}

TEST_CASE("CefrLevel reads the mother tongue above C2", "[candidate]") {
    for (const char* native : {"Muttersprache", "muttersprache", "MUTTERSPRACHE", "Mutterspr.",
                               "muttersprachlich", "native", "Native", " Muttersprache "}) {
        INFO("input: '" << native << "'");
        CHECK(cefr(native).rank() == 6);
        CHECK(cefr(native).str() == "native");
    }
    CHECK(cefr("native") > cefr("C2"));
}

TEST_CASE("CefrLevel rejects what is not a level", "[candidate]") {
    for (const char* bad : {"",     " ",      "A",      "B",   "A0",     "A3",    "D1",     "B12",
                            "B1.3", "B1.0",   "B1.",    "B1+", "B1/B2",  "A2-B1", "GER B1", "B 1",
                            "1B",   "Mutter", "fluent", "gut", "C2.1.1", "B1,2"}) {
        INFO("input: '" << bad << "'");
        CHECK_FALSE(CefrLevel::parse(bad).has_value());
    }
}

TEST_CASE("CefrLevel orders A1 < A2 < B1 < B2 < C1 < C2 < native", "[candidate]") {
    const std::vector<CefrLevel> order = {cefr("A1"), cefr("A2"), cefr("B1"),    cefr("B2"),
                                          cefr("C1"), cefr("C2"), cefr("native")};
    for (std::size_t i = 0; i < order.size(); ++i) {
        CHECK(order[i].rank() == static_cast<int>(i));
        for (std::size_t j = 0; j < order.size(); ++j) {
            INFO(order[i].str() << " vs " << order[j].str());
            CHECK((order[i] < order[j]) == (i < j));
            CHECK((order[i] == order[j]) == (i == j));
            CHECK((order[i] >= order[j]) == (i >= j));
        }
    }
}

TEST_CASE("KldbCode keeps five digits ending in a requirement level", "[candidate]") {
    const auto baker = kldb("29222");
    CHECK(baker.str() == "29222");
    CHECK(baker.main_group() == 2);
    CHECK(baker.group2() == "29");
    CHECK(baker.group3() == "292");
    CHECK(baker.group4() == "2922");
    CHECK(baker.requirement_level() == RequirementLevel::skilled);
    CHECK(kldb(" 82101 ").str() == "82101");
    CHECK(kldb("82101").requirement_level() == RequirementLevel::helper);
    CHECK(kldb("29393").requirement_level() == RequirementLevel::specialist);
    CHECK(kldb("81404").requirement_level() == RequirementLevel::expert);
    const auto officer = kldb("01104");
    CHECK(officer.str() == "01104");
    CHECK(officer.main_group() == 0);
    CHECK(officer.group2() == "01");
}

TEST_CASE("KldbCode rejects anything but five digits ending in 1 to 4", "[candidate]") {
    for (const char* bad : {"", "2922", "292222", "29220", "29225", "29229", "2922a", "29 222",
                            "29-222", "-2922", "+29222", "2922.2", "abcde", "1104"}) {
        INFO("input: '" << bad << "'");
        CHECK_FALSE(KldbCode::parse(bad).has_value());
    }
}

TEST_CASE("KldbCode::parse_stripped restores the leading zero of the BA file", "[candidate]") {
    REQUIRE(KldbCode::parse_stripped("1104").has_value());
    CHECK(KldbCode::parse_stripped("1104")->str() == "01104");
    CHECK(KldbCode::parse_stripped(" 1104 ")->str() == "01104");
    CHECK(KldbCode::parse_stripped("29222")->str() == "29222");
    CHECK(KldbCode::parse_stripped("01104")->str() == "01104");
    for (const char* bad : {"", "110", "104", "1100", "1105", "292220", "11a4", "29220"}) {
        INFO("input: '" << bad << "'");
        CHECK_FALSE(KldbCode::parse_stripped(bad).has_value());
    }
}

TEST_CASE("KldbCode::shared_prefix counts the leading digits in common", "[candidate]") {
    const auto baker = kldb("29222");
    CHECK(baker.shared_prefix(kldb("29222")) == 5);
    CHECK(baker.shared_prefix(kldb("29221")) == 4);
    CHECK(baker.shared_prefix(kldb("29212")) == 3);
    CHECK(baker.shared_prefix(kldb("29302")) == 2);
    CHECK(baker.shared_prefix(kldb("26301")) == 1);
    CHECK(baker.shared_prefix(kldb("82101")) == 0);
    CHECK(kldb("82101").shared_prefix(baker) == 0);
    CHECK(kldb("29221").shared_prefix(baker) == 4);
}

TEST_CASE("KldbCode compares as its digits", "[candidate]") {
    CHECK(kldb("01104") < kldb("29222"));
    CHECK(kldb("29221") < kldb("29222"));
    CHECK(kldb("29222") == *KldbCode::parse_stripped("29222"));
    CHECK(kldb("01104") == *KldbCode::parse_stripped("1104"));
}

TEST_CASE("RequirementLevel has a name per level", "[candidate]") {
    CHECK(to_string(RequirementLevel::helper) == "helper");
    CHECK(to_string(RequirementLevel::skilled) == "skilled");
    CHECK(to_string(RequirementLevel::specialist) == "specialist");
    CHECK(to_string(RequirementLevel::expert) == "expert");
}

TEST_CASE("ResidenceStatus has the 26 codes of the rule table", "[candidate]") {
    const std::vector<std::string> codes = {"eu",
                                            "niederlassung",
                                            "schutz",
                                            "ukraine",
                                            "bleiberecht",
                                            "fachkraft",
                                            "blaue-karte",
                                            "ausbildung",
                                            "anerkennung",
                                            "beschaeftigung",
                                            "fiktion",
                                            "gestattung",
                                            "duldung",
                                            "duldung-60b",
                                            "ausbildungsduldung",
                                            "studium",
                                            "sprachkurs",
                                            "ausbildungssuche",
                                            "arbeitssuche",
                                            "chancenkarte",
                                            "ausbildung-16g",
                                            "familie",
                                            "humanitaer",
                                            "aufnahme",
                                            "ausland",
                                            "unknown"};
    const auto all = all_residence_statuses();
    REQUIRE(all.size() == codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        INFO("code " << codes[i]);
        const auto status = parse_residence_status(codes[i]);
        REQUIRE(status.has_value());
        CHECK(*status == all[i]);
        CHECK(to_string(*status) == codes[i]);
    }
    CHECK(parse_residence_status("blaue-karte") == ResidenceStatus::blaue_karte);
    CHECK(parse_residence_status("duldung-60b") == ResidenceStatus::duldung_60b);
    for (const char* bad : {"", "EU", "blaue_karte", "duldung_60b", "Duldung", "asyl", " eu"}) {
        INFO("input: '" << bad << "'");
        CHECK_FALSE(parse_residence_status(bad).has_value());
    }
}

TEST_CASE("WorkPermission names round-trip", "[candidate]") {
    const std::pair<const char*, WorkPermission> names[] = {
        {"free", WorkPermission::free},
        {"title-job", WorkPermission::title_job},
        {"limited", WorkPermission::limited},
        {"permit-required", WorkPermission::permit_required},
        {"not-allowed", WorkPermission::not_allowed},
        {"unknown", WorkPermission::unknown}};
    for (const auto& [name, permission] : names) {
        CHECK(to_string(permission) == name);
        CHECK(parse_work_permission(name) == permission);
    }
    for (const char* bad : {"", "Free", "title_job", "allowed", "permit"}) {
        CHECK_FALSE(parse_work_permission(bad).has_value());
    }
}

TEST_CASE("Recognition names round-trip", "[candidate]") {
    const std::pair<const char*, Recognition> names[] = {
        {"not-required", Recognition::not_required},
        {"german-qualification", Recognition::german_qualification},
        {"not-applied", Recognition::not_applied},
        {"counselling", Recognition::counselling},
        {"pending", Recognition::pending},
        {"full", Recognition::full},
        {"partial", Recognition::partial},
        {"compensation-required", Recognition::compensation_required},
        {"rejected", Recognition::rejected}};
    for (const auto& [name, recognition] : names) {
        CHECK(to_string(recognition) == name);
        CHECK(parse_recognition(name) == recognition);
    }
    for (const char* bad : {"", "Full", "not_required", "counseling", "anerkannt"}) {
        CHECK_FALSE(parse_recognition(bad).has_value());
    }
}

TEST_CASE("LicenceSet reads lists of classes in any case and separator", "[candidate]") {
    const std::pair<const char*, const char*> cases[] = {
        {"B", "B"},
        {"b", "B"},
        {"B, C1", "B, C1"},
        {"C1,B", "B, C1"},
        {"B;BE;C", "B, BE, C"},
        {"B / BE", "B, BE"},
        {"B BE C1E", "B, BE, C1E"},
        {"Klasse B", "B"},
        {"Kl. B, C", "B, C"},
        {"B, B", "B"},
        {"t, l, de, d, d1e, d1, ce, c, c1e, c1, be, b, a, a2, a1, am",
         "AM, A1, A2, A, B, BE, C1, C1E, C, CE, D1, D1E, D, DE, L, T"},
        {" B ;; C ", "B, C"}};
    for (const auto& [input, canonical] : cases) {
        INFO("input: '" << input << "'");
        const auto set = LicenceSet::parse(input);
        REQUIRE(set);
        CHECK(set.reason.empty());
        CHECK(set->str() == canonical);
        CHECK_FALSE(set->empty());
    }
    const auto set = LicenceSet::parse("B, C1");
    REQUIRE(set);
    CHECK(set->has(LicenceClass::b));
    CHECK(set->has(LicenceClass::c1));
    CHECK_FALSE(set->has(LicenceClass::c));
    CHECK_FALSE(set->has(LicenceClass::be));
    CHECK(*LicenceSet::parse("C1;B") == *set);
}

// Fahrerlaubnis-Verordnung § 6 Abs. 3 (inclusions) and § 9 (Vorbesitz): for a holder of exactly
// one class, every class that holder may drive. Each row is checked against all 16 classes, so a
// class wrongly added or left out fails.
TEST_CASE("LicenceSet entitles by § 6 Abs. 3 and § 9 FeV, row by row", "[candidate]") {
    const std::pair<const char*, const char*> rows[] = {
        {"AM", "AM"},
        {"A1", "A1 AM"},                                  // Nr. 3
        {"A2", "A2 A1 AM"},                               // Nr. 2
        {"A", "A AM A1 A2"},                              // Nr. 1
        {"B", "B AM L"},                                  // Nr. 4
        {"BE", "BE B AM L"},                              // § 9 Abs. 2: B
        {"C1", "C1 B AM L"},                              // § 9 Abs. 1: B
        {"C1E", "C1E C1 BE B AM L"},                      // Nr. 7; § 9: C1
        {"C", "C C1 B AM L"},                             // Nr. 5; § 9: B
        {"CE", "CE C C1 C1E BE T B AM L"},                // Nr. 6; § 9: C
        {"D1", "D1 B AM L"},                              // § 9 Abs. 1: B
        {"D1E", "D1E D1 BE B AM L"},                      // Nr. 9; § 9: D1
        {"D", "D D1 B AM L"},                             // Nr. 8; § 9: B
        {"DE", "DE D D1 D1E BE B AM L"},                  // Nr. 10; § 9: D
        {"L", "L"},                                       //
        {"T", "T AM L"},                                  // Nr. 11
        {"CE, D", "CE C C1 C1E BE T D D1 DE D1E B AM L"}, // Nr. 6: DE where D is held
        {"C1E, D1", "C1E C1 BE D1 D1E B AM L"},           // Nr. 7: D1E where D1 is held
        {"CE, D1", "CE C C1 C1E BE T D1 B AM L"},         // no DE, no D1E without C1E's own right
    };
    const char* all[] = {"AM", "A1", "A2", "A",   "B", "BE", "C1", "C1E",
                         "C",  "CE", "D1", "D1E", "D", "DE", "L",  "T"};
    for (const auto& [held, may_drive] : rows) {
        const auto set = LicenceSet::parse(held);
        REQUIRE(set);
        const std::string expected = std::string(" ") + may_drive + " ";
        for (const char* name : all) {
            INFO("holder of " << held << ", class " << name);
            const bool listed = expected.find(std::string(" ") + name + " ") != std::string::npos;
            CHECK(set->entitles(*parse_licence_class(name)) == listed);
        }
    }
    CHECK_FALSE(LicenceSet::parse("keiner")->entitles(LicenceClass::am));
}

TEST_CASE("LicenceSet reads the ways of saying none", "[candidate]") {
    for (const char* none : {"", "  ", "-", "keiner", "Keiner", "keine", "kein", "ohne", "nein"}) {
        INFO("input: '" << none << "'");
        const auto set = LicenceSet::parse(none);
        REQUIRE(set);
        CHECK(set->empty());
        CHECK(set->str().empty());
        CHECK_FALSE(set->has(LicenceClass::b));
    }
    CHECK(*LicenceSet::parse("") == *LicenceSet::parse("keiner"));
}

TEST_CASE("LicenceSet rejects unknown classes and names the first", "[candidate]") {
    const std::pair<const char*, const char*> cases[] = {
        {"X", "'X'"},     {"B, 3", "'3'"},        {"B, C1 E", "'E'"},       {"ja", "'ja'"},
        {"B+E", "'B+E'"}, {"Klasse", "'Klasse'"}, {"B, keiner", "'keiner'"}};
    for (const auto& [input, named] : cases) {
        INFO("input: '" << input << "'");
        const auto set = LicenceSet::parse(input);
        CHECK_FALSE(set);
        CHECK_FALSE(set.value.has_value());
        CHECK_THAT(set.reason, Catch::Contains(named));
    }
    CHECK_THAT(LicenceSet::parse("X").reason, Catch::Contains("C1E"));
}

TEST_CASE("LicenceClass names round-trip", "[candidate]") {
    for (const char* name : {"AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E",
                             "D", "DE", "L", "T"}) {
        const auto licence = parse_licence_class(name);
        REQUIRE(licence.has_value());
        CHECK(to_string(*licence) == name);
    }
    CHECK(parse_licence_class("c1e") == LicenceClass::c1e);
    CHECK_FALSE(parse_licence_class("E").has_value());
    CHECK_FALSE(parse_licence_class("").has_value());
}

TEST_CASE("parse_languages reads code:level lists", "[candidate]") {
    const auto two = parse_languages("ar:C2;en:B1");
    REQUIRE(two);
    REQUIRE(two->size() == 2);
    CHECK((*two)[0].code == "ar");
    CHECK((*two)[0].level == cefr("C2"));
    CHECK((*two)[1].code == "en");
    CHECK((*two)[1].level == cefr("B1"));

    const auto mixed = parse_languages(" ar : Muttersprache , de:B1.2; EN:a2 ;");
    REQUIRE(mixed);
    REQUIRE(mixed->size() == 3);
    CHECK((*mixed)[0] == LanguageSkill{"ar", cefr("native")});
    CHECK((*mixed)[1] == LanguageSkill{"de", cefr("B1.2")});
    CHECK((*mixed)[1].level.counted() == "B1");
    CHECK((*mixed)[2] == LanguageSkill{"en", cefr("A2")});

    for (const char* input : {"ti:native", "fa:C1", "ku:Mutterspr.", "uk:B2", "ps:A1", "so:C2"}) {
        INFO("input: '" << input << "'");
        CHECK(parse_languages(input));
    }
    for (const char* none : {"", "  ", ";", " ; , "}) {
        const auto empty = parse_languages(none);
        REQUIRE(empty);
        CHECK(empty->empty());
    }
}

TEST_CASE("parse_languages rejects bad items and says why", "[candidate]") {
    const std::pair<const char*, const char*> cases[] = {
        {"arabisch", "'arabisch' is not language:level"},
        {"ar C2", "'ar C2' is not language:level"},
        {"ua:B1", "'ua' is not an ISO 639-1"},
        {"ara:C2", "'ara' is not an ISO 639-1"},
        {"a:C2", "'a' is not an ISO 639-1"},
        {":C2", "'' is not an ISO 639-1"},
        {"xx:B1", "'xx' is not an ISO 639-1"},
        {"ar:C3", "'C3' is not a language level"},
        {"ar:", "'' is not a language level"},
        {"ar:gut", "'gut' is not a language level"},
        {"en:B1;EN:B2", "language 'en' is given twice"},
        {"de:B1, xx:A1", "'xx'"}};
    for (const auto& [input, reason] : cases) {
        INFO("input: '" << input << "'");
        const auto parsed = parse_languages(input);
        CHECK_FALSE(parsed);
        CHECK_THAT(parsed.reason, Catch::Contains(reason));
    }
}

TEST_CASE("parse_gender reads German agency spellings", "[candidate]") {
    const std::pair<const char*, Gender> cases[] = {{"w", Gender::female},
                                                    {"W", Gender::female},
                                                    {"weiblich", Gender::female},
                                                    {"Weiblich", Gender::female},
                                                    {"f", Gender::female},
                                                    {"female", Gender::female},
                                                    {"m", Gender::male},
                                                    {"M", Gender::male},
                                                    {"männlich", Gender::male},
                                                    {"Männlich", Gender::male},
                                                    {"maennlich", Gender::male},
                                                    {"male", Gender::male},
                                                    {"d", Gender::diverse},
                                                    {"divers", Gender::diverse},
                                                    {"x", Gender::diverse},
                                                    {"X", Gender::diverse},
                                                    {"nicht-binär", Gender::diverse},
                                                    {"diverse", Gender::diverse},
                                                    {"", Gender::unspecified},
                                                    {"  ", Gender::unspecified},
                                                    {"keine Angabe", Gender::unspecified},
                                                    {"k. A.", Gender::unspecified},
                                                    {"-", Gender::unspecified},
                                                    {"unspecified", Gender::unspecified}};
    for (const auto& [input, gender] : cases) {
        INFO("input: '" << input << "'");
        CHECK(parse_gender(input) == gender);
    }
    for (const char* bad : {"mw", "weiblich?", "frau/mann", "1", "o"}) {
        INFO("input: '" << bad << "'");
        CHECK_FALSE(parse_gender(bad).has_value());
    }
    for (const auto gender : {Gender::female, Gender::male, Gender::diverse, Gender::unspecified}) {
        CHECK(parse_gender(to_string(gender)) == gender);
    }
    CHECK(to_string(Gender::diverse) == "diverse");
}

TEST_CASE("parse_employment_at_entry reads the ESF+ statuses", "[candidate]") {
    const std::pair<const char*, EmploymentAtEntry> cases[] = {
        {"unemployed", EmploymentAtEntry::unemployed},
        {"arbeitslos", EmploymentAtEntry::unemployed},
        {"long-term-unemployed", EmploymentAtEntry::long_term_unemployed},
        {"Langzeitarbeitslos", EmploymentAtEntry::long_term_unemployed},
        {"inactive", EmploymentAtEntry::inactive},
        {"nicht erwerbstätig", EmploymentAtEntry::inactive},
        {"employed", EmploymentAtEntry::employed},
        {"erwerbstätig", EmploymentAtEntry::employed},
        {"selbstständig", EmploymentAtEntry::employed},
        {"beschäftigt", EmploymentAtEntry::employed}};
    for (const auto& [input, status] : cases) {
        INFO("input: '" << input << "'");
        CHECK(parse_employment_at_entry(input) == status);
    }
    for (const auto status :
         {EmploymentAtEntry::unemployed, EmploymentAtEntry::long_term_unemployed,
          EmploymentAtEntry::inactive, EmploymentAtEntry::employed}) {
        CHECK(parse_employment_at_entry(to_string(status)) == status);
    }
    CHECK(to_string(EmploymentAtEntry::long_term_unemployed) == "long-term-unemployed");
    for (const char* bad : {"", "student", "long_term_unemployed", "arbeitssuchend"}) {
        CHECK_FALSE(parse_employment_at_entry(bad).has_value());
    }
}

TEST_CASE("IscedLevel reads 0 to 8 and gives the ESF+ band", "[candidate]") {
    const char* bands[] = {"0-2", "0-2", "0-2", "3-4", "3-4", "5-8", "5-8", "5-8", "5-8"};
    for (int level = 0; level <= 8; ++level) {
        const auto text = std::to_string(level);
        INFO("level " << level);
        const auto isced = IscedLevel::parse(text);
        REQUIRE(isced.has_value());
        CHECK(isced->value() == level);
        CHECK(isced->str() == text);
        CHECK(isced->esf_band() == bands[level]);
    }
    CHECK(IscedLevel::parse("ISCED 3")->value() == 3);
    CHECK(IscedLevel::parse("isced-5")->value() == 5);
    CHECK(IscedLevel::parse("ISCED4")->value() == 4);
    CHECK(IscedLevel::parse(" 2 ")->value() == 2);
    CHECK(*IscedLevel::parse("2") < *IscedLevel::parse("3"));
    CHECK(*IscedLevel::parse("ISCED 3") == *IscedLevel::parse("3"));
    for (const char* bad :
         {"", "9", "-1", "10", "03", "3a", "ISCED", "ISCED 9", "ISCED  3", "level 3", "drei"}) {
        INFO("input: '" << bad << "'");
        CHECK_FALSE(IscedLevel::parse(bad).has_value());
    }
}
