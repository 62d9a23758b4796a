// SPDX-License-Identifier: GPL-3.0-or-later
// The one locator and the one distance: where a PLZ and place lie, how far apart two points are.
#include "reference/geo.hpp"
#include "reference/plz_directory.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace werkstatt;

namespace {

Plz plz(const char* text) {
    const auto p = Plz::parse(text);
    REQUIRE(p.has_value());
    return *p;
}

// The same distance by another route: the chord between the two points as unit vectors, turned
// into the arc on the sphere.
double chord_km(LonLat a, LonLat b) {
    const double rad = std::acos(-1.0) / 180.0;
    const auto unit = [&](LonLat p) {
        return std::array<double, 3>{std::cos(p.lat * rad) * std::cos(p.lon * rad),
                                     std::cos(p.lat * rad) * std::sin(p.lon * rad),
                                     std::sin(p.lat * rad)};
    };
    const auto u = unit(a);
    const auto v = unit(b);
    const double chord = std::sqrt((u[0] - v[0]) * (u[0] - v[0]) + (u[1] - v[1]) * (u[1] - v[1]) +
                                   (u[2] - v[2]) * (u[2] - v[2]));
    return 2 * 6371.0 * std::asin(chord / 2);
}

// Return the point the data gives for `place` of `code`.
LonLat point_of(const char* code, const std::string& place) {
    for (const auto& p : PlzDirectory::shipped().places(plz(code))) {
        if (p.place == place) {
            return LonLat{p.lon, p.lat};
        }
    }
    FAIL("no place " << place << " in " << code);
    return {};
}

void check_at(const std::optional<LonLat>& got, LonLat want) {
    REQUIRE(got);
    CHECK(got->lat == Approx(want.lat).margin(1e-12));
    CHECK(got->lon == Approx(want.lon).margin(1e-12));
}

} // namespace

TEST_CASE("distance_km is the great-circle distance", "[geo]") {
    const LonLat magdeburg{11.6322, 52.1243};
    const LonLat halle{11.972, 51.483};
    // 75.104 km on the WGS84 ellipsoid (Vincenty); the sphere is within 0.5 % of it here.
    CHECK(distance_km(magdeburg, halle) == Approx(75.104).epsilon(0.005));
    CHECK(distance_km(magdeburg, halle) == Approx(chord_km(magdeburg, halle)).epsilon(1e-9));
    CHECK(distance_km(halle, magdeburg) == distance_km(magdeburg, halle));
    CHECK(distance_km(halle, halle) == 0);
    // One degree along a meridian is 6371 * pi / 180 km.
    CHECK(distance_km(LonLat{11, 51}, LonLat{11, 52}) == Approx(111.19493).epsilon(1e-6));
    // Wernigerode to Halberstadt, 19.99 km on the ellipsoid.
    CHECK(distance_km(LonLat{10.7822, 51.8365}, LonLat{11.0562, 51.8956}) ==
          Approx(19.987).epsilon(0.005));

    std::mt19937 random(7);
    std::uniform_real_distribution<double> lon(10.5, 13.2);
    std::uniform_real_distribution<double> lat(50.9, 53.0);
    for (int i = 0; i < 1000; ++i) {
        const LonLat a{lon(random), lat(random)};
        const LonLat b{lon(random), lat(random)};
        INFO(a.lon << ' ' << a.lat << " to " << b.lon << ' ' << b.lat);
        const double d = distance_km(a, b);
        CHECK(d == Approx(chord_km(a, b)).epsilon(1e-9));
        // Two points never lie farther apart in latitude than their distance allows.
        CHECK(std::abs(a.lat - b.lat) <= latitude_span_deg(d) + 1e-12);
        const double max_abs_lat = std::max(std::abs(a.lat), std::abs(b.lat));
        CHECK(longitude_gap_deg(a.lon, b.lon) <= longitude_span_deg(d, max_abs_lat) + 1e-9);
    }
}

TEST_CASE("longitude bounds", "[geo]") {
    CHECK(longitude_gap_deg(11.5, 12.0) == Approx(0.5));
    CHECK(longitude_gap_deg(179.5, -179.5) == Approx(1.0));
    // Along a parallel at 52° N, 30 km is about 0.438° of longitude; the bound is just above.
    const double along =
        2 * std::asin(std::sin(30.0 / (2 * 6371.0)) / std::cos(52.0 * std::acos(-1.0) / 180)) *
        180 / std::acos(-1.0);
    CHECK(distance_km(LonLat{11, 52}, LonLat{11 + along, 52}) == Approx(30.0).epsilon(1e-9));
    CHECK(longitude_span_deg(30.0, 52.0) == Approx(along).epsilon(1e-9));
    CHECK(longitude_span_deg(30.0, 89.9) == 180.0);
    CHECK(longitude_span_deg(30000.0, 0.0) == 180.0);
}

TEST_CASE("locate: one rule for which of a postal code's places a city names", "[geo]") {
    // 38855 serves Danstedt, Heudeber, Reddeber, Schmatzfeld and Wernigerode.
    const auto& places = PlzDirectory::shipped().places(plz("38855"));
    REQUIRE(places.size() == 5);
    LonLat mean;
    for (const auto& p : places) {
        mean.lon += p.lon / 5;
        mean.lat += p.lat / 5;
    }
    const auto wernigerode = point_of("38855", "Wernigerode");

    SECTION("the place of that name, case, blanks and umlauts folded") {
        check_at(locate(plz("38855"), "Wernigerode"), wernigerode);
        check_at(locate(plz("38855"), "  WERNIGERODE "), wernigerode);
        check_at(locate(plz("06184"), "Schkopau Döllnitz"), point_of("06184", "Schkopau Döllnitz"));
        check_at(locate(plz("06184"), "schkopau doellnitz"),
                 point_of("06184", "Schkopau Döllnitz"));
    }
    SECTION("a part in brackets does not count") {
        check_at(locate(plz("06108"), "Halle (Saale)"), point_of("06108", "Halle"));
        check_at(locate(plz("06917"), "Jessen"), point_of("06917", "Jessen (Elster)"));
        check_at(locate(plz("06917"), "Jessen (Elster) Arnsdorf"),
                 point_of("06917", "Jessen (Elster) Arnsdorf"));
        check_at(locate(plz("06917"), "Jessen Arnsdorf"),
                 point_of("06917", "Jessen (Elster) Arnsdorf"));
    }
    SECTION("else the longest place the city continues after a word boundary") {
        check_at(locate(plz("38855"), "Wernigerode OT Minsleben"), wernigerode);
        check_at(locate(plz("38855"), "Wernigerode-Hasserode"), wernigerode);
        check_at(locate(plz("06184"), "Schkopau Döllnitz, Siedlung"),
                 point_of("06184", "Schkopau Döllnitz"));
        check_at(locate(plz("06184"), "Schkopau OT Lochau"), point_of("06184", "Schkopau"));
    }
    SECTION("else the mean of the code's places") {
        for (const char* city :
             {"", "   ", "Berlin", "Wernig", "Wernigeroder Str", "OT Wernigerode"}) {
            INFO("city '" << city << "'");
            check_at(locate(plz("38855"), city), mean);
        }
    }
    SECTION("a code elsewhere in Germany lies at its centre; a number no PLZ has, nowhere") {
        const auto nuremberg = german_plz(plz("90461"));
        REQUIRE(nuremberg);
        check_at(locate(plz("90461"), ""), LonLat{nuremberg->lon, nuremberg->lat});
        check_at(locate(plz("10115"), "Berlin"), LonLat{13.3846, 52.5323});
        CHECK_FALSE(locate(plz("99999"), ""));
        CHECK_FALSE(locate(plz("00000"), "Berlin"));
    }
}

TEST_CASE("german_plz: every German postal code, Sachsen-Anhalt's too", "[geo]") {
    const auto berlin = german_plz(plz("10115"));
    REQUIRE(berlin);
    CHECK(berlin->land == "Berlin");
    CHECK(berlin->district_ags == "11000");
    const auto leipzig = german_plz(plz("04109"));
    REQUIRE(leipzig);
    CHECK(leipzig->land == "Sachsen");
    CHECK(german_plz(plz("39104"))->land == "Sachsen-Anhalt");
    CHECK(german_plz(plz("01053")).has_value()); // the first and the last code of the list
    CHECK(german_plz(plz("99998")).has_value());
    for (const char* code : {"99999", "00000", "01000", "62999"}) {
        INFO("PLZ " << code);
        CHECK_FALSE(german_plz(plz(code)));
        CHECK_FALSE(is_german_plz(plz(code)));
    }
    for (const char* code : {"10115", "04109", "39104", "06108", "87491"}) {
        INFO("PLZ " << code);
        CHECK(is_german_plz(plz(code)));
    }
}

TEST_CASE("distances across the border of Sachsen-Anhalt", "[geo]") {
    // Leipzig is near Halle; Berlin is far from Magdeburg.
    const auto halle = locate(plz("06108"), "Halle (Saale)");
    const auto leipzig = locate(plz("04109"), "Leipzig");
    const auto magdeburg = locate(plz("39104"), "Magdeburg");
    const auto berlin = locate(plz("10115"), "Berlin");
    REQUIRE(halle);
    REQUIRE(leipzig);
    REQUIRE(magdeburg);
    REQUIRE(berlin);
    CHECK(distance_km(*halle, *leipzig) > 30.0);
    CHECK(distance_km(*halle, *leipzig) < 40.0);
    CHECK(distance_km(*magdeburg, *berlin) > 120.0);
    CHECK(distance_km(*magdeburg, *berlin) < 140.0);
}

TEST_CASE("the district of a PLZ and its point come from the same place", "[geo]") {
    // 06420 spans two districts; whatever place a city names, the point lies at that place and
    // the district is that place's.
    const auto& dir = PlzDirectory::shipped();
    for (const auto& p : dir.places(plz("06420"))) {
        for (const auto& city : {p.place, p.place + " OT Nord"}) {
            INFO("city '" << city << "'");
            const auto r = dir.resolve(plz("06420"), city);
            REQUIRE(r.district);
            CHECK(r.district->ags == p.district_ags);
            CHECK(r.chosen_by_place);
            check_at(locate(plz("06420"), city), LonLat{p.lon, p.lat});
        }
    }
}
