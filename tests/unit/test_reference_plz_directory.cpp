// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/plz_directory.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using werkstatt::Plz;
using werkstatt::PlzDirectory;

namespace {

Plz plz(const char* text) {
    const auto p = Plz::parse(text);
    REQUIRE(p.has_value());
    return *p;
}

std::string ags_of(const std::optional<werkstatt::District>& d) {
    return d ? d->ags : std::string("(none)");
}

std::vector<std::string> ags_list(const std::vector<werkstatt::District>& districts) {
    std::vector<std::string> out;
    for (const auto& d : districts) {
        out.push_back(d.ags);
    }
    return out;
}

} // namespace

TEST_CASE("geo::PlzDirectory ships the 14 districts of Sachsen-Anhalt", "[geo]") {
    const auto& dir = PlzDirectory::shipped();
    CHECK(&dir == &PlzDirectory::shipped()); // parsed once
    CHECK(ags_list(dir.districts()) ==
          std::vector<std::string>{"15001", "15002", "15003", "15081", "15082", "15083", "15084",
                                   "15085", "15086", "15087", "15088", "15089", "15090", "15091"});
    CHECK(dir.district("15001")->name == "Dessau-Roßlau");
    CHECK(dir.district("15002")->name == "Halle (Saale)");
    CHECK(dir.district("15003")->name == "Magdeburg");
    CHECK(dir.district("15083")->name == "Börde");
    CHECK(dir.district("15087")->name == "Mansfeld-Südharz");
    CHECK(dir.district("15091")->name == "Wittenberg");
    CHECK_FALSE(dir.district("15004").has_value());
    CHECK_FALSE(dir.district("").has_value());
}

TEST_CASE("geo::shipped_district_name names each district as the directory does", "[geo]") {
    const auto& districts = PlzDirectory::shipped().districts();
    REQUIRE(districts.size() == 14);
    for (const auto& d : districts) {
        INFO(d.ags);
        CHECK(werkstatt::shipped_district_name(d.ags) == d.name);
    }
    CHECK(werkstatt::shipped_district_name("15002") == "Halle (Saale)");
    CHECK_FALSE(werkstatt::shipped_district_name("15999").has_value());
    CHECK_FALSE(werkstatt::shipped_district_name("").has_value());
    CHECK_FALSE(werkstatt::shipped_district_name("kind").has_value()); // not the header's column
}

TEST_CASE("geo::PlzDirectory maps postal codes to their district", "[geo]") {
    const auto& dir = PlzDirectory::shipped();
    struct Case {
        const char* plz;
        const char* ags;
    };
    for (const auto& c : {Case{"39104", "15003"}, Case{"06108", "15002"}, Case{"06844", "15001"},
                          Case{"38820", "15085"}}) {
        INFO("PLZ " << c.plz);
        const auto r = dir.resolve(plz(c.plz), "");
        CHECK(ags_of(r.district) == c.ags);
        CHECK(r.candidates.empty());
        CHECK_FALSE(r.chosen_by_place);
    }
    // The city given does not matter where the code lies in one district.
    const auto r = dir.resolve(plz("39104"), "Halle");
    CHECK(ags_of(r.district) == "15003");
    CHECK_FALSE(r.chosen_by_place);

    const auto& places = dir.places(plz("39104"));
    REQUIRE(places.size() == 1);
    CHECK(places[0].place == "Magdeburg");
    CHECK(places[0].district_ags == "15003");
    CHECK(places[0].lat == Approx(52.13).margin(0.1));
    CHECK(places[0].lon == Approx(11.63).margin(0.1));
    CHECK_FALSE(places[0].organisation);

    const auto& org = dir.places(plz("06073"));
    REQUIRE(org.size() == 1);
    CHECK(org[0].organisation);
    CHECK(org[0].district_ags == "15002");
}

TEST_CASE("geo::PlzDirectory resolves a postal code spanning districts", "[geo]") {
    // 06420: Domnitz and Rothenburg lie in the Saalekreis (15088), Könnern and six other places
    // in the Salzlandkreis (15089).
    const auto& dir = PlzDirectory::shipped();
    const auto code = plz("06420");

    SECTION("by place name") {
        const auto r = dir.resolve(code, "Rothenburg");
        CHECK(ags_of(r.district) == "15088");
        CHECK(r.chosen_by_place);
        CHECK(ags_list(r.candidates) == std::vector<std::string>{"15088", "15089"});
    }
    SECTION("by place name, case, blanks and umlauts folded") {
        CHECK(ags_of(dir.resolve(code, "  DOMNITZ ").district) == "15088");
        const auto r = dir.resolve(code, "Koennern");
        CHECK(ags_of(r.district) == "15089");
        CHECK(r.chosen_by_place);
        CHECK(ags_of(dir.resolve(plz("06632"), "Groest").district) == "15088");
        CHECK(ags_of(dir.resolve(plz("06632"), "Gröst").district) == "15088");
    }
    SECTION("by majority when the place does not decide") {
        for (const char* place : {"", "Berlin", "Rothenbu"}) {
            INFO("place '" << place << "'");
            const auto r = dir.resolve(code, place);
            CHECK(ags_of(r.district) == "15089");
            CHECK_FALSE(r.chosen_by_place);
            CHECK(ags_list(r.candidates) == std::vector<std::string>{"15088", "15089"});
            REQUIRE(r.candidates.size() == 2);
            CHECK(r.candidates[0].name == "Saalekreis");
            CHECK(r.candidates[1].name == "Salzlandkreis");
        }
    }
}

TEST_CASE("geo::PlzDirectory knows no district for codes outside the state", "[geo]") {
    const auto& dir = PlzDirectory::shipped();
    for (const char* code : {"10115", "00000", "99999", "04109"}) {
        INFO("PLZ " << code);
        const auto r = dir.resolve(plz(code), "Berlin");
        CHECK_FALSE(r.district.has_value());
        CHECK(r.candidates.empty());
        CHECK_FALSE(r.chosen_by_place);
        CHECK(dir.places(plz(code)).empty());
    }
}

TEST_CASE("geo::PlzDirectory::find_district by key, name, folded name and prefix", "[geo]") {
    const auto& dir = PlzDirectory::shipped();
    struct Case {
        const char* text;
        const char* ags;
    };
    for (const auto& c : {
             Case{"15003", "15003"},
             Case{"15081", "15081"},
             Case{"Magdeburg", "15003"},
             Case{"magdeburg", "15003"},
             Case{"  MAGDEBURG\t", "15003"},
             Case{"Halle (Saale)", "15002"},
             Case{"halle (saale)", "15002"},
             Case{"Halle", "15002"}, // unique start
             Case{"Börde", "15083"},
             Case{"boerde", "15083"},
             Case{"BÖRDE", "15083"},
             Case{"Dessau-Roßlau", "15001"},
             Case{"dessau-rosslau", "15001"},
             Case{"dessau", "15001"},
             Case{"Mansfeld-Südharz", "15087"},
             Case{"mansfeld-suedharz", "15087"},
             Case{"mans", "15087"},
             Case{"Harz", "15085"}, // exact name
             Case{"Anhalt", "15082"},
             Case{"Jerichower Land", "15086"},
             Case{"st", "15090"},
             Case{"salz", "15089"},
             Case{"saale", "15088"},
         }) {
        INFO("text '" << c.text << "'");
        CHECK(ags_of(dir.find_district(c.text)) == c.ags);
    }
}

TEST_CASE("geo::PlzDirectory::find_district returns nothing if ambiguous or unknown", "[geo]") {
    const auto& dir = PlzDirectory::shipped();
    for (const char* text : {"sa", "s", "a", "", "   ", "15", "1500", "150031", "Berlin",
                             "Magdeburgerland", "Saale-Kreis"}) {
        INFO("text '" << text << "'");
        CHECK_FALSE(dir.find_district(text).has_value());
    }
}

TEST_CASE("geo::PlzDirectory::from_csv builds a directory from text", "[geo]") {
    const auto dir = PlzDirectory::from_csv("plz,place,district,lat,lon,district_ags,kind\n"
                                            "11111,Alpha,Nord,52.5,11.5,90001,place\n"
                                            "22222,Beta,Nord,52.0,11.0,90001,place\n"
                                            "22222,Gamma,Süd,51.0,12.0,90002,place\n"
                                            "22222,Delta,Süd,51.1,12.1,90002,org\n"
                                            "33333,Eins,Nord,0,0,90001,place\n"
                                            "33333,Zwei,Süd,0,0,90002,place\n");
    CHECK(ags_list(dir.districts()) == std::vector<std::string>{"90001", "90002"});
    CHECK(dir.district("90002")->name == "Süd");
    CHECK(dir.places(plz("22222")).size() == 3);
    CHECK(dir.places(plz("22222"))[2].organisation);
    CHECK(ags_of(dir.resolve(plz("11111"), "").district) == "90001");
    CHECK(ags_of(dir.resolve(plz("22222"), "").district) == "90002");
    CHECK(ags_of(dir.resolve(plz("22222"), "beta").district) == "90001");
    // A tie without a place: one of the two, both named as candidates.
    const auto tie = dir.resolve(plz("33333"), "");
    REQUIRE(tie.district.has_value());
    CHECK((tie.district->ags == "90001" || tie.district->ags == "90002"));
    CHECK(tie.candidates.size() == 2);
    CHECK(ags_of(dir.resolve(plz("33333"), "Zwei").district) == "90002");
    CHECK(ags_of(dir.find_district("süd")) == "90002");
    CHECK(ags_of(dir.find_district("sued")) == "90002");

    const auto f = werkstatt::test::failure_of(
        [] { PlzDirectory::from_csv("plz,place,district,lat,lon,district_ags,kind\n1,2,3\n"); });
    CHECK(f.kind == werkstatt::ErrorKind::internal);
}

TEST_CASE("geo::PlzDirectory puts Sanne-Kerkuhn in the Altmarkkreis Salzwedel under 39619",
          "[geo]") {
    // Sanne-Kerkuhn has belonged to the Altmarkkreis Salzwedel (Arendsee) since 1994; the
    // GeoNames data listed it under 39606 in Stendal.
    const auto& dir = PlzDirectory::shipped();
    const auto* place = dir.place_named(plz("39619"), "Sanne-Kerkuhn");
    REQUIRE(place != nullptr);
    CHECK(place->district_ags == "15081");
    CHECK(ags_of(dir.resolve(plz("39619"), "Sanne-Kerkuhn").district) == "15081");
    CHECK(dir.place_named(plz("39606"), "Sanne-Kerkuhn") == nullptr);
}
