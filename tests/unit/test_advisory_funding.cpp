// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/funding.hpp"

#include "advisory/catalogue.hpp"
#include "core/embedded.hpp"
#include "io/toml_reader.hpp"
#include "support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace werkstatt;
using werkstatt::test::failure_of;

namespace {

const std::vector<FundingInstrument>& shipped_catalogue() {
    static const auto catalogue =
        parse_funding_toml(*embedded_file("data/funding.toml"), "funding.toml");
    return catalogue;
}

HiringSituation person(ResidenceStatus status, std::optional<Recognition> recognition,
                       const char* german) {
    HiringSituation s;
    s.status = status;
    s.recognition = recognition;
    s.german = CefrLevel::parse(german);
    return s;
}

OpeningFacts opening(const char* kldb, const char* german, bool regulated) {
    OpeningFacts o;
    o.id = 1;
    o.title = "Stelle";
    o.kldb = KldbCode::parse(kldb);
    o.german = CefrLevel::parse(german);
    o.needs_recognition = regulated;
    return o;
}

std::vector<std::string> suggested(const HiringSituation& s) {
    std::vector<std::string> keys;
    for (const auto& f :
         suggest_funding(shipped_catalogue(), s, WorkRules::shipped(), Language::en)) {
        keys.push_back(f.instrument.key);
    }
    return keys;
}

std::string reason_of(const HiringSituation& s, const std::string& key) {
    for (const auto& f :
         suggest_funding(shipped_catalogue(), s, WorkRules::shipped(), Language::en)) {
        if (f.instrument.key == key) {
            return f.reason;
        }
    }
    return "";
}

} // namespace

TEST_CASE("the shipped catalogue has the starter instruments and the SGB II wage subsidies") {
    std::vector<std::string> keys;
    for (const auto& i : shipped_catalogue()) {
        keys.push_back(i.key);
        CHECK_FALSE(i.conditions.empty());
        CHECK_FALSE(i.source.empty());
    }
    CHECK(keys == std::vector<std::string>{"eingliederungszuschuss", "einstiegsqualifizierung",
                                           "asa-flex", "weiterbildung-beschaeftigter",
                                           "berufssprachkurs", "iq-anerkennungsberatung",
                                           "anerkennungszuschuss", "sgb2-16e", "sgb2-16i"});
}

TEST_CASE("a German gap to the opening suggests the wage subsidy and language courses") {
    auto s = person(ResidenceStatus::eu, Recognition::not_required, "A2");
    s.opening = opening("29302", "B1", false);
    const auto keys = suggested(s);
    CHECK(keys == std::vector<std::string>{"eingliederungszuschuss", "einstiegsqualifizierung",
                                           "berufssprachkurs"});
    CHECK_THAT(reason_of(s, "eingliederungszuschuss"),
               Catch::Contains("German A2, the opening asks B1"));
    // Without the gap neither the subsidy nor the EQ (skilled level) applies.
    s.german = CefrLevel::parse("C2");
    CHECK(suggested(s).empty());
}

TEST_CASE("incomplete recognition suggests counselling, the subsidy and further training") {
    auto s = person(ResidenceStatus::niederlassung, Recognition::compensation_required, "B2");
    s.opening = opening("81302", "B2", true);
    const auto keys = suggested(s);
    CHECK(keys == std::vector<std::string>{"eingliederungszuschuss", "weiterbildung-beschaeftigter",
                                           "berufssprachkurs", "iq-anerkennungsberatung",
                                           "anerkennungszuschuss", "sgb2-16e", "sgb2-16i"});
    CHECK_THAT(reason_of(s, "iq-anerkennungsberatung"),
               Catch::Contains("recognition: compensation-required"));
    // Full recognition for the regulated job: no recognition help.
    s.recognition = Recognition::full;
    CHECK(suggested(s) == std::vector<std::string>{"berufssprachkurs", "sgb2-16e", "sgb2-16i"});
}

TEST_CASE("a regulated opening without recognition on record suggests counselling") {
    auto s = person(ResidenceStatus::eu, std::nullopt, "C2");
    s.opening = opening("81302", "B2", true);
    CHECK(suggested(s) == std::vector<std::string>{"iq-anerkennungsberatung"});
    CHECK_THAT(reason_of(s, "iq-anerkennungsberatung"), Catch::Contains("regulated occupation"));
}

TEST_CASE("helper jobs and training titles suggest EQ and AsA flex") {
    auto s = person(ResidenceStatus::duldung, std::nullopt, "B1");
    s.opening = opening("22101", "A2", false); // helper level
    CHECK(suggested(s) == std::vector<std::string>{"einstiegsqualifizierung", "berufssprachkurs"});
    auto trainee = person(ResidenceStatus::ausbildungsduldung, std::nullopt, "C1");
    CHECK(suggested(trainee) == std::vector<std::string>{"asa-flex"});
}

TEST_CASE("the Anerkennungszuschuss: before the application, or for the qualification after it") {
    const auto& catalogue = shipped_catalogue();
    const auto it = std::find_if(catalogue.begin(), catalogue.end(),
                                 [](const auto& i) { return i.key == "anerkennungszuschuss"; });
    REQUIRE(it != catalogue.end());
    CHECK_THAT(it->grantor, Catch::Contains("f-bb"));
    CHECK_THAT(it->grantor, Catch::Contains("BMBF"));
    CHECK_THAT(it->apply_at, Catch::Contains("BEFORE the recognition application"));
    CHECK_THAT(it->apply_at, Catch::Contains("30 June 2027"));
    CHECK_THAT(it->audience, Catch::Contains("26,000 euros"));
    CHECK_THAT(it->pays, Catch::Contains("qualification analysis"));
    const auto has = [](const std::vector<std::string>& keys) {
        return std::find(keys.begin(), keys.end(), "anerkennungszuschuss") != keys.end();
    };
    // Pending: the application is filed, too late for the grant.
    CHECK_FALSE(has(suggested(person(ResidenceStatus::eu, Recognition::pending, "B2"))));
    CHECK(has(suggested(person(ResidenceStatus::eu, Recognition::not_applied, "B2"))));
    CHECK(has(suggested(person(ResidenceStatus::eu, Recognition::counselling, "B2"))));
    for (const auto r : {Recognition::partial, Recognition::compensation_required}) {
        const auto s = person(ResidenceStatus::eu, r, "B2");
        CHECK(has(suggested(s)));
        CHECK_THAT(reason_of(s, "anerkennungszuschuss"), Catch::Contains("qualification"));
    }
    CHECK_FALSE(has(suggested(person(ResidenceStatus::eu, Recognition::full, "B2"))));
}

TEST_CASE("IQ counselling rests on the IQ programme; the Jobcenter subsidies; a dated file") {
    const auto& catalogue = shipped_catalogue();
    for (const auto& i : catalogue) {
        if (i.key == "iq-anerkennungsberatung") {
            CHECK_THAT(i.legal_basis, Catch::Contains("Integration durch Qualifizierung"));
            CHECK_THAT(i.legal_basis, Catch::Contains("2026–2028"));
            CHECK_THAT(i.legal_basis, !Catch::Contains("BQFG"));
        }
        if (i.key == "sgb2-16e" || i.key == "sgb2-16i") {
            CHECK(i.grantor == "Jobcenter");
            CHECK(i.legal_basis == (i.key == "sgb2-16e" ? "§ 16e SGB II" : "§ 16i SGB II"));
        }
        CHECK_THAT(i.name, !Catch::Contains("Job-Turbo"));
    }
    const auto s = person(ResidenceStatus::schutz, std::nullopt, "B2");
    CHECK_THAT(reason_of(s, "sgb2-16e"), Catch::Contains("Bürgergeld"));
    CHECK(reason_of(person(ResidenceStatus::chancenkarte, std::nullopt, "B2"), "sgb2-16e").empty());

    const auto toml = parse_toml(*embedded_file("data/funding.toml"), "funding.toml");
    REQUIRE(toml.get("valid_as_of") != nullptr);
    CHECK(TableReader("funding.toml", toml, "f").date("valid_as_of") == "2026-12-02");
    CHECK_FALSE(TableReader("funding.toml", toml, "f").texts("sources").empty());
    const auto bad = failure_of([] {
        parse_funding_toml("valid_as_of = \"2026\"\n[[instrument]]\nkey = \"a\"\nname = \"A\"\n",
                           "f.toml");
    });
    CHECK(bad.kind == ErrorKind::config);
    CHECK_THAT(bad.message, Catch::StartsWith("f.toml:1: 'valid_as_of' must be a date"));
}

TEST_CASE("a person who may not work gets no suggestion, whatever else holds") {
    auto s = person(ResidenceStatus::duldung_60b, Recognition::not_applied, "A2");
    s.opening = opening("22101", "B2", false);
    CHECK(suggested(s).empty());
}

TEST_CASE("the funding file is checked: unknown keys, conditions and values name the line") {
    auto f = failure_of([] {
        parse_funding_toml("[[instrument]]\nkey = \"a\"\nname = \"A\"\ncolour = \"red\"\n", "f");
    });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("f:4: unknown key 'colour'"));
    f = failure_of([] {
        parse_funding_toml("[[instrument]]\nkey = \"a\"\nname = \"A\"\n[[instrument.when]]\n"
                           "reason = \"r\"\nage = 55\n",
                           "f");
    });
    CHECK_THAT(f.message, Catch::Contains("unknown condition 'age'"));
    f = failure_of([] {
        parse_funding_toml("[[instrument]]\nkey = \"a\"\nname = \"A\"\n[[instrument.when]]\n"
                           "reason = \"r\"\npermission = [\"sometimes\"]\n",
                           "f");
    });
    CHECK_THAT(f.message, Catch::Contains("'sometimes' in permission is unknown"));
    f = failure_of([] {
        parse_funding_toml("[[instrument]]\nkey = \"a\"\nname = \"A\"\n[[instrument]]\n"
                           "key = \"a\"\nname = \"B\"\n",
                           "f");
    });
    CHECK_THAT(f.message, Catch::Contains("a second instrument 'a'"));
}

TEST_CASE("the facts of a reason are whole phrases in the language asked; codes stay codes") {
    const auto facts = [](const HiringSituation& s, const std::string& key, Language lang) {
        for (const auto& f : suggest_funding(shipped_catalogue(), s, WorkRules::shipped(), lang)) {
            if (f.instrument.key == key) {
                return f.reason;
            }
        }
        return std::string();
    };
    auto s = person(ResidenceStatus::eu, Recognition::not_required, "A2");
    s.opening = opening("29302", "B1", false);
    CHECK_THAT(facts(s, "eingliederungszuschuss", Language::de),
               Catch::Contains("Deutsch A2, das Stellenangebot verlangt B1"));
    CHECK_THAT(facts(s, "eingliederungszuschuss", Language::en),
               Catch::Contains("German A2, the opening asks B1"));
    CHECK_THAT(facts(s, "einstiegsqualifizierung", Language::de),
               Catch::Contains("Anforderungsniveau: "));

    auto regulated = person(ResidenceStatus::eu, std::nullopt, "C2");
    regulated.opening = opening("81302", "B2", true);
    const auto de = facts(regulated, "iq-anerkennungsberatung", Language::de);
    CHECK_THAT(de, Catch::Contains("reglementierter Beruf"));
    CHECK_THAT(de, !Catch::Contains("regulated occupation"));

    auto duldung = person(ResidenceStatus::duldung, std::nullopt, "B1");
    CHECK_THAT(facts(duldung, "berufssprachkurs", Language::de),
               Catch::EndsWith("(Erwerbstätigkeit: permit-required; Deutsch B1)"));
}
