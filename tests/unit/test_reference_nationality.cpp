// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/nationality.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

using namespace werkstatt;

TEST_CASE("nationality_code reads adjectives and country names", "[nationality]") {
    const std::pair<const char*, const char*> cases[] = {
        {"syrisch", "SY"},       {"Syrien", "SY"},          {"ukrainisch", "UA"},
        {"Ukraine", "UA"},       {"afghanisch", "AF"},      {"Afghanistan", "AF"},
        {"eritreisch", "ER"},    {"irakisch", "IQ"},        {"iranisch", "IR"},
        {"türkisch", "TR"},      {"russisch", "RU"},        {"somalisch", "SO"},
        {"nigerianisch", "NG"},  {"vietnamesisch", "VN"},   {"polnisch", "PL"},
        {"rumänisch", "RO"},     {"bulgarisch", "BG"},      {"indisch", "IN"},
        {"deutsch", "DE"},       {"Deutschland", "DE"},     {"Türkei", "TR"},
        {"Ägypten", "EG"},       {"ägyptisch", "EG"},       {"Österreich", "AT"},
        {"kosovarisch", "XK"},   {"Kosovo", "XK"},          {"Nordmazedonien", "MK"},
        {"mazedonisch", "MK"},   {"Weißrussland", "BY"},    {"moldawisch", "MD"},
        {"Côte d'Ivoire", "CI"}, {"Elfenbeinküste", "CI"},  {"DR Kongo", "CD"},
        {"Schweizer", "CH"},     {"US-amerikanisch", "US"}, {"Großbritannien", "GB"},
        {"nigrisch", "NE"},      {"Niger", "NE"},           {"Nigeria", "NG"},
        {"Guinea", "GN"},        {"palästinensisch", "PS"}, {"Syria", "SY"}};
    for (const auto& [input, code] : cases) {
        INFO("input: '" << input << "'");
        CHECK(nationality_code(input) == std::optional<std::string>(code));
    }
}

TEST_CASE("nationality_code reads every form agencies use", "[nationality]") {
    for (const char* form :
         {"syrisch", "syrische", "syrischer", "syrisches", "syrischen", "Syrisch", "SYRISCH",
          "  syrische  ", "Syrische Staatsangehörigkeit", "syrische staatsangehoerigkeit",
          "Arabische Republik Syrien", "arabische  republik   syrien", "SY"}) {
        INFO("input: '" << form << "'");
        CHECK(nationality_code(form) == std::optional<std::string>("SY"));
    }
    CHECK(nationality_code("tuerkisch") == std::optional<std::string>("TR"));
    CHECK(nationality_code("TÜRKISCH") == std::optional<std::string>("TR"));
    CHECK(nationality_code("Maennlich").has_value() == false);
    CHECK(nationality_code("weissrussisch") == std::optional<std::string>("BY"));
    CHECK(nationality_code("Staatsangehörigkeit").has_value() == false);
}

TEST_CASE("nationality_code returns nothing for unknown, ambiguous or stateless", "[nationality]") {
    for (const char* bad :
         {"", "  ", "kurdisch", "arabisch", "kongolesisch", "Kongo", "afrikanisch", "staatenlos",
          "ungeklärt", "unbekannt", "sy", "no", "ZZ", "Syrienn", "syrischee"}) {
        INFO("input: '" << bad << "'");
        CHECK_FALSE(nationality_code(bad).has_value());
    }
}

TEST_CASE("the shipped table covers the common origins of refugees and migrants", "[nationality]") {
    int known = 0;
    for (const char* country : {"Türkei",
                                "Ukraine",
                                "Syrien",
                                "Rumänien",
                                "Polen",
                                "Italien",
                                "Afghanistan",
                                "Kroatien",
                                "Bulgarien",
                                "Griechenland",
                                "Irak",
                                "Russland",
                                "Kosovo",
                                "Serbien",
                                "Indien",
                                "Ungarn",
                                "Bosnien und Herzegowina",
                                "Spanien",
                                "Österreich",
                                "Vietnam",
                                "Iran",
                                "Nordmazedonien",
                                "Eritrea",
                                "Albanien",
                                "Frankreich",
                                "Niederlande",
                                "Portugal",
                                "China",
                                "Nigeria",
                                "Pakistan",
                                "Somalia",
                                "Tunesien",
                                "Marokko",
                                "Georgien",
                                "Moldau",
                                "Ägypten",
                                "Libanon",
                                "Algerien",
                                "Ghana",
                                "Kamerun",
                                "Äthiopien",
                                "Gambia",
                                "Guinea",
                                "Belarus",
                                "Armenien",
                                "Aserbaidschan",
                                "Kasachstan",
                                "Brasilien",
                                "Kolumbien",
                                "Venezuela"}) {
        INFO("country " << country);
        CHECK(nationality_code(country).has_value());
        known += nationality_code(country).has_value() ? 1 : 0;
    }
    CHECK(known >= 40);
}

TEST_CASE("is_stateless_or_undetermined reads the German phrases", "[nationality]") {
    for (const char* text : {"staatenlos", "Staatenlos", "staatenlose", "stateless", "ungeklärt",
                             "ungeklaert", "Ungeklärte Staatsangehörigkeit",
                             "Staatsangehörigkeit ungeklärt", "ohne Staatsangehörigkeit"}) {
        INFO("input: '" << text << "'");
        CHECK(is_stateless_or_undetermined(text));
    }
    for (const char* text : {"", "syrisch", "unbekannt", "keine Angabe", "staaten"}) {
        INFO("input: '" << text << "'");
        CHECK_FALSE(is_stateless_or_undetermined(text));
    }
}

TEST_CASE("country_name gives the German name of a code", "[nationality]") {
    CHECK(country_name("SY") == std::optional<std::string>("Syrien"));
    CHECK(country_name("de") == std::optional<std::string>("Deutschland"));
    CHECK(country_name("XK") == std::optional<std::string>("Kosovo"));
    CHECK_FALSE(country_name("ZZ").has_value());
    CHECK_FALSE(country_name("").has_value());
    CHECK_FALSE(country_name("SYR").has_value());
}

TEST_CASE("is_eu, is_eu_eea_ch and is_third_country follow the EU, EEA and ESF+ rules",
          "[nationality]") {
    const char* eu[] = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES",
                        "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
                        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"};
    for (const char* code : eu) {
        INFO("code " << code);
        CHECK(is_eu(code));
        CHECK(is_eu_eea_ch(code));
        CHECK_FALSE(is_third_country(code));
    }
    for (const char* code : {"IS", "LI", "NO", "CH"}) {
        INFO("code " << code);
        CHECK_FALSE(is_eu(code));
        CHECK(is_eu_eea_ch(code));
        CHECK(is_third_country(code)); // ESF+: not a citizen of the Union
    }
    for (const char* code : {"SY", "UA", "AF", "TR", "GB", "XK", "US", "FJ"}) {
        INFO("code " << code);
        CHECK_FALSE(is_eu(code));
        CHECK_FALSE(is_eu_eea_ch(code));
        CHECK(is_third_country(code));
    }
    CHECK(is_eu("de"));
    for (const char* bad : {"", "D", "DEU", "1A", "ZZZ"}) {
        INFO("code '" << bad << "'");
        CHECK_FALSE(is_eu(bad));
        CHECK_FALSE(is_eu_eea_ch(bad));
        CHECK_FALSE(is_third_country(bad));
    }
}
