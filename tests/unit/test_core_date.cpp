// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/date.hpp"

#include <catch2/catch.hpp>

using werkstatt::Date;

TEST_CASE("domain::Date parses real ISO days only", "[domain]") {
    REQUIRE(Date::parse_iso("2027-03-18")->iso() == "2027-03-18");
    CHECK(Date::parse_iso("2024-02-29").has_value());
    CHECK_FALSE(Date::parse_iso("2027-02-29").has_value());
    CHECK_FALSE(Date::parse_iso("2027-02-30").has_value());
    CHECK_FALSE(Date::parse_iso("1900-02-29").has_value());
    CHECK(Date::parse_iso("2000-02-29").has_value());
    CHECK_FALSE(Date::parse_iso("2027-13-01").has_value());
    CHECK_FALSE(Date::parse_iso("2027-3-18").has_value());
    CHECK_FALSE(Date::parse_iso("27-03-18xx").has_value());
    CHECK_FALSE(Date::parse_iso("").has_value());
}

TEST_CASE("domain::Date parses the German form", "[domain]") {
    REQUIRE(Date::parse_german("01.02.2027")->iso() == "2027-02-01");
    REQUIRE(Date::parse_german("1.2.2027")->iso() == "2027-02-01");
    CHECK_FALSE(Date::parse_german("31.04.2027").has_value());
    CHECK_FALSE(Date::parse_german("01.02.27").has_value());
    CHECK_FALSE(Date::parse_german("2027-02-01").has_value());
}

TEST_CASE("domain::Date::parse reads both forms a person writes, and says why not", "[domain]") {
    REQUIRE(Date::parse("2027-02-11")->iso() == "2027-02-11");
    REQUIRE(Date::parse("11.02.2027")->iso() == "2027-02-11");
    REQUIRE(Date::parse(" 1.2.2027 ")->iso() == "2027-02-01");
    CHECK_FALSE(Date::parse("30.02.2027").has_value());
    CHECK_FALSE(Date::parse("2027-02-30").has_value());
    CHECK_FALSE(Date::parse("11/02/2027").has_value());
    CHECK_FALSE(Date::parse("").has_value());
    CHECK(Date::why_not("30.02.2027") == "is not a day that exists");
    CHECK(Date::why_not("2027-13-01") == "is not a day that exists");
    CHECK(Date::why_not("morgen") == "is not a date");
    CHECK(Date::why_not("11/02/2027") == "is not a date");
}

TEST_CASE("domain::Date counts days and weekdays", "[domain]") {
    CHECK(Date::parse_iso("1970-01-01")->days() == 0);
    CHECK(Date::parse_iso("2000-03-01")->days() == 11017);
    CHECK(Date::from_days(11017).iso() == "2000-03-01");
    CHECK(Date::parse_iso("2026-11-25")->iso_weekday() == 3); // a Wednesday
    CHECK(Date::parse_iso("2027-01-03")->iso_weekday() == 7);
    CHECK((*Date::parse_iso("2027-12-31") + 1).iso() == "2028-01-01");
    for (long d = -1000; d < 100000; d += 37) {
        REQUIRE(Date::parse_iso(Date::from_days(d).iso())->days() == d);
    }
}
