// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.hpp"
#include "reference/holidays.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"
#include <string>
#include <vector>

using werkstatt::Date;
using werkstatt::Holiday;

using werkstatt::test::day;

namespace {

struct Expected {
    const char* date;
    const char* name;
};

struct ExpectedYear {
    int year;
    std::vector<Expected> holidays;
};

// Produced once by hand with Debian's python3-holidays 0.10.1 (bookworm package 0.10.1-3):
//     holidays.Germany(prov="ST", years=Y)
// sorted by date. Only the names are ours: python-holidays says "Erster Mai", "Erster
// Weihnachtstag" and "Zweiter Weihnachtstag" where werkstatt says "Tag der Arbeit",
// "1. Weihnachtstag" and "2. Weihnachtstag". Its dates (Easter from dateutil) are copied unchanged;
// the one place where werkstatt deliberately differs (Heilige Drei Könige before 1993) is
// applied in the test below, not here.
const std::vector<ExpectedYear>& python_holidays_st() {
    static const std::vector<ExpectedYear> table = {
        {1991,
         {{"1991-01-01", "Neujahr"},
          {"1991-01-06", "Heilige Drei Könige"},
          {"1991-03-29", "Karfreitag"},
          {"1991-04-01", "Ostermontag"},
          {"1991-05-01", "Tag der Arbeit"},
          {"1991-05-09", "Christi Himmelfahrt"},
          {"1991-05-20", "Pfingstmontag"},
          {"1991-10-03", "Tag der Deutschen Einheit"},
          {"1991-10-31", "Reformationstag"},
          {"1991-11-20", "Buß- und Bettag"},
          {"1991-12-25", "1. Weihnachtstag"},
          {"1991-12-26", "2. Weihnachtstag"}}},
        {1992,
         {{"1992-01-01", "Neujahr"},
          {"1992-01-06", "Heilige Drei Könige"},
          {"1992-04-17", "Karfreitag"},
          {"1992-04-20", "Ostermontag"},
          {"1992-05-01", "Tag der Arbeit"},
          {"1992-05-28", "Christi Himmelfahrt"},
          {"1992-06-08", "Pfingstmontag"},
          {"1992-10-03", "Tag der Deutschen Einheit"},
          {"1992-10-31", "Reformationstag"},
          {"1992-11-18", "Buß- und Bettag"},
          {"1992-12-25", "1. Weihnachtstag"},
          {"1992-12-26", "2. Weihnachtstag"}}},
        {1993,
         {{"1993-01-01", "Neujahr"},
          {"1993-01-06", "Heilige Drei Könige"},
          {"1993-04-09", "Karfreitag"},
          {"1993-04-12", "Ostermontag"},
          {"1993-05-01", "Tag der Arbeit"},
          {"1993-05-20", "Christi Himmelfahrt"},
          {"1993-05-31", "Pfingstmontag"},
          {"1993-10-03", "Tag der Deutschen Einheit"},
          {"1993-10-31", "Reformationstag"},
          {"1993-11-17", "Buß- und Bettag"},
          {"1993-12-25", "1. Weihnachtstag"},
          {"1993-12-26", "2. Weihnachtstag"}}},
        {1994,
         {{"1994-01-01", "Neujahr"},
          {"1994-01-06", "Heilige Drei Könige"},
          {"1994-04-01", "Karfreitag"},
          {"1994-04-04", "Ostermontag"},
          {"1994-05-01", "Tag der Arbeit"},
          {"1994-05-12", "Christi Himmelfahrt"},
          {"1994-05-23", "Pfingstmontag"},
          {"1994-10-03", "Tag der Deutschen Einheit"},
          {"1994-10-31", "Reformationstag"},
          {"1994-11-16", "Buß- und Bettag"},
          {"1994-12-25", "1. Weihnachtstag"},
          {"1994-12-26", "2. Weihnachtstag"}}},
        {1995,
         {{"1995-01-01", "Neujahr"},
          {"1995-01-06", "Heilige Drei Könige"},
          {"1995-04-14", "Karfreitag"},
          {"1995-04-17", "Ostermontag"},
          {"1995-05-01", "Tag der Arbeit"},
          {"1995-05-25", "Christi Himmelfahrt"},
          {"1995-06-05", "Pfingstmontag"},
          {"1995-10-03", "Tag der Deutschen Einheit"},
          {"1995-10-31", "Reformationstag"},
          {"1995-12-25", "1. Weihnachtstag"},
          {"1995-12-26", "2. Weihnachtstag"}}},
        {2000,
         {{"2000-01-01", "Neujahr"},
          {"2000-01-06", "Heilige Drei Könige"},
          {"2000-04-21", "Karfreitag"},
          {"2000-04-24", "Ostermontag"},
          {"2000-05-01", "Tag der Arbeit"},
          {"2000-06-01", "Christi Himmelfahrt"},
          {"2000-06-12", "Pfingstmontag"},
          {"2000-10-03", "Tag der Deutschen Einheit"},
          {"2000-10-31", "Reformationstag"},
          {"2000-12-25", "1. Weihnachtstag"},
          {"2000-12-26", "2. Weihnachtstag"}}},
        {2017,
         {{"2017-01-01", "Neujahr"},
          {"2017-01-06", "Heilige Drei Könige"},
          {"2017-04-14", "Karfreitag"},
          {"2017-04-17", "Ostermontag"},
          {"2017-05-01", "Tag der Arbeit"},
          {"2017-05-25", "Christi Himmelfahrt"},
          {"2017-06-05", "Pfingstmontag"},
          {"2017-10-03", "Tag der Deutschen Einheit"},
          {"2017-10-31", "Reformationstag"},
          {"2017-12-25", "1. Weihnachtstag"},
          {"2017-12-26", "2. Weihnachtstag"}}},
        {2024,
         {{"2024-01-01", "Neujahr"},
          {"2024-01-06", "Heilige Drei Könige"},
          {"2024-03-29", "Karfreitag"},
          {"2024-04-01", "Ostermontag"},
          {"2024-05-01", "Tag der Arbeit"},
          {"2024-05-09", "Christi Himmelfahrt"},
          {"2024-05-20", "Pfingstmontag"},
          {"2024-10-03", "Tag der Deutschen Einheit"},
          {"2024-10-31", "Reformationstag"},
          {"2024-12-25", "1. Weihnachtstag"},
          {"2024-12-26", "2. Weihnachtstag"}}},
        {2025,
         {{"2025-01-01", "Neujahr"},
          {"2025-01-06", "Heilige Drei Könige"},
          {"2025-04-18", "Karfreitag"},
          {"2025-04-21", "Ostermontag"},
          {"2025-05-01", "Tag der Arbeit"},
          {"2025-05-29", "Christi Himmelfahrt"},
          {"2025-06-09", "Pfingstmontag"},
          {"2025-10-03", "Tag der Deutschen Einheit"},
          {"2025-10-31", "Reformationstag"},
          {"2025-12-25", "1. Weihnachtstag"},
          {"2025-12-26", "2. Weihnachtstag"}}},
        {2026,
         {{"2026-01-01", "Neujahr"},
          {"2026-01-06", "Heilige Drei Könige"},
          {"2026-04-03", "Karfreitag"},
          {"2026-04-06", "Ostermontag"},
          {"2026-05-01", "Tag der Arbeit"},
          {"2026-05-14", "Christi Himmelfahrt"},
          {"2026-05-25", "Pfingstmontag"},
          {"2026-10-03", "Tag der Deutschen Einheit"},
          {"2026-10-31", "Reformationstag"},
          {"2026-12-25", "1. Weihnachtstag"},
          {"2026-12-26", "2. Weihnachtstag"}}},
        {2027,
         {{"2027-01-01", "Neujahr"},
          {"2027-01-06", "Heilige Drei Könige"},
          {"2027-03-26", "Karfreitag"},
          {"2027-03-29", "Ostermontag"},
          {"2027-05-01", "Tag der Arbeit"},
          {"2027-05-06", "Christi Himmelfahrt"},
          {"2027-05-17", "Pfingstmontag"},
          {"2027-10-03", "Tag der Deutschen Einheit"},
          {"2027-10-31", "Reformationstag"},
          {"2027-12-25", "1. Weihnachtstag"},
          {"2027-12-26", "2. Weihnachtstag"}}},
        {2038,
         {{"2038-01-01", "Neujahr"},
          {"2038-01-06", "Heilige Drei Könige"},
          {"2038-04-23", "Karfreitag"},
          {"2038-04-26", "Ostermontag"},
          {"2038-05-01", "Tag der Arbeit"},
          {"2038-06-03", "Christi Himmelfahrt"},
          {"2038-06-14", "Pfingstmontag"},
          {"2038-10-03", "Tag der Deutschen Einheit"},
          {"2038-10-31", "Reformationstag"},
          {"2038-12-25", "1. Weihnachtstag"},
          {"2038-12-26", "2. Weihnachtstag"}}},
        {2100,
         {{"2100-01-01", "Neujahr"},
          {"2100-01-06", "Heilige Drei Könige"},
          {"2100-03-26", "Karfreitag"},
          {"2100-03-29", "Ostermontag"},
          {"2100-05-01", "Tag der Arbeit"},
          {"2100-05-06", "Christi Himmelfahrt"},
          {"2100-05-17", "Pfingstmontag"},
          {"2100-10-03", "Tag der Deutschen Einheit"},
          {"2100-10-31", "Reformationstag"},
          {"2100-12-25", "1. Weihnachtstag"},
          {"2100-12-26", "2. Weihnachtstag"}}},
    };
    return table;
}

// Return `holidays` as "date name" lines, for readable failures.
std::vector<std::string> lines(const std::vector<Holiday>& holidays) {
    std::vector<std::string> out;
    for (const auto& holiday : holidays) {
        out.push_back(holiday.date.iso() + " " + holiday.name);
    }
    return out;
}

std::vector<std::string> lines(int year, const std::vector<Expected>& holidays) {
    std::vector<std::string> out;
    for (const auto& holiday : holidays) {
        // werkstatt counts Heilige Drei Könige from 1993 (see lib/calendar/holidays.cpp);
        // python-holidays lists it from 1991.
        if (year < 1993 && std::string(holiday.name) == "Heilige Drei Könige") {
            continue;
        }
        out.push_back(std::string(holiday.date) + " " + holiday.name);
    }
    return out;
}

} // namespace

TEST_CASE("calendar::holidays_of_year matches python-holidays for Sachsen-Anhalt", "[holidays]") {
    for (const auto& expected : python_holidays_st()) {
        INFO("year " << expected.year);
        CHECK(lines(werkstatt::holidays_of_year(expected.year)) ==
              lines(expected.year, expected.holidays));
    }
}

TEST_CASE("calendar::holidays_of_year has eleven holidays in order from 1995 on", "[holidays]") {
    for (int year = 1995; year <= werkstatt::k_last_holiday_year; ++year) {
        INFO("year " << year);
        const auto holidays = werkstatt::holidays_of_year(year);
        REQUIRE(holidays.size() == 11);
        CHECK(holidays.front().name == "Neujahr");
        CHECK(holidays[1].name == "Heilige Drei Könige");
        CHECK(holidays.back().name == "2. Weihnachtstag");
        for (std::size_t i = 1; i < holidays.size(); ++i) {
            CHECK(holidays[i - 1].date <= holidays[i].date);
        }
        for (const auto& holiday : holidays) {
            CHECK(holiday.date.year() == year);
            CHECK(holiday.name != "Buß- und Bettag");
        }
    }
}

TEST_CASE("calendar::holidays_of_year follows the law's history before 1995", "[holidays]") {
    // Buß- und Bettag, the Wednesday before 23 November, until 1994.
    const char* repentance[] = {"1991-11-20", "1992-11-18", "1993-11-17", "1994-11-16"};
    for (int year = 1991; year <= 1994; ++year) {
        INFO("year " << year);
        const auto holiday = werkstatt::holiday_on(day(repentance[year - 1991]));
        REQUIRE(holiday.has_value());
        CHECK(holiday->name == "Buß- und Bettag");
        CHECK(holiday->date.iso_weekday() == 3);
    }
    CHECK_FALSE(werkstatt::holiday_on(day("1995-11-22")).has_value());
    // Heilige Drei Könige from 1993.
    CHECK_FALSE(werkstatt::holiday_on(day("1991-01-06")).has_value());
    CHECK_FALSE(werkstatt::holiday_on(day("1992-01-06")).has_value());
    CHECK(werkstatt::holiday_on(day("1993-01-06"))->name == "Heilige Drei Könige");
    CHECK(werkstatt::holidays_of_year(1991).size() == 11);
    CHECK(werkstatt::holidays_of_year(1993).size() == 12);
}

TEST_CASE("calendar::holidays_of_year keeps two holidays on one day", "[holidays]") {
    // In 2008 Christi Himmelfahrt fell on 1 May; python-holidays merges the two into one entry
    // "Christi Himmelfahrt, Erster Mai" on 2008-05-01.
    const auto holidays = werkstatt::holidays_of_year(2008);
    REQUIRE(holidays.size() == 11);
    CHECK(holidays[4] == Holiday{day("2008-05-01"), "Tag der Arbeit"});
    CHECK(holidays[5] == Holiday{day("2008-05-01"), "Christi Himmelfahrt"});
    CHECK(holidays[6] == Holiday{day("2008-05-12"), "Pfingstmontag"});
    CHECK(werkstatt::holiday_on(day("2008-05-01"))->name == "Tag der Arbeit");
}

TEST_CASE("calendar::easter_sunday follows the Gregorian computus", "[holidays]") {
    // Checked against dateutil.easter (Western method), which python-holidays uses.
    const char* known[] = {"1583-04-10", "1818-03-22", "1943-04-25", "1954-04-18", "1991-03-31",
                           "2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21", "2024-03-31",
                           "2025-04-20", "2026-04-05", "2027-03-28", "2038-04-25", "2100-03-28",
                           "2285-03-22", "9999-03-28"};
    for (const char* iso : known) {
        const Date expected = day(iso);
        INFO("year " << expected.year());
        CHECK(werkstatt::easter_sunday(expected.year()) == expected);
    }
    for (int year = 1583; year <= 9999; ++year) {
        const Date easter = werkstatt::easter_sunday(year);
        REQUIRE(easter.iso_weekday() == 7);
        REQUIRE(easter >= *Date::from_ymd(year, 3, 22));
        REQUIRE(easter <= *Date::from_ymd(year, 4, 25));
    }
    CHECK_THROWS_AS(werkstatt::easter_sunday(1582), werkstatt::Error);
    CHECK_THROWS_AS(werkstatt::easter_sunday(10000), werkstatt::Error);
}

TEST_CASE("calendar::holiday_on finds holidays and only those", "[holidays]") {
    CHECK(werkstatt::holiday_on(day("2027-10-31"))->name == "Reformationstag");
    CHECK(werkstatt::holiday_on(day("2017-10-31"))->name == "Reformationstag");
    CHECK(werkstatt::holiday_on(day("2027-03-26"))->name == "Karfreitag");
    CHECK(werkstatt::holiday_on(day("2027-05-06"))->name == "Christi Himmelfahrt");
    CHECK(*werkstatt::holiday_on(day("2026-05-25")) == Holiday{day("2026-05-25"), "Pfingstmontag"});
    // Easter and Whit Sunday, Fronleichnam, Allerheiligen, Buß- und Bettag, Heiligabend,
    // Silvester and an ordinary Wednesday are not holidays in Sachsen-Anhalt.
    for (const char* iso : {"2027-03-28", "2027-05-16", "2027-05-27", "2027-11-01", "2027-11-17",
                            "2027-12-24", "2027-12-31", "2027-03-17"}) {
        INFO("day " << iso);
        CHECK_FALSE(werkstatt::holiday_on(day(iso)).has_value());
    }
}

TEST_CASE("calendar::holidays refuses years it does not know", "[holidays]") {
    CHECK_NOTHROW(werkstatt::holidays_of_year(1991));
    CHECK_NOTHROW(werkstatt::holidays_of_year(2100));
    for (int year : {1990, 2101, 0, -5}) {
        INFO("year " << year);
        try {
            werkstatt::holidays_of_year(year);
            FAIL("no error");
        } catch (const werkstatt::Error& e) {
            CHECK(e.kind() == werkstatt::ErrorKind::usage);
            CHECK_THAT(e.what(),
                       Catch::Contains(std::to_string(year)) && Catch::Contains("1991 to 2100"));
        }
    }
    CHECK_THROWS_AS(werkstatt::holiday_on(day("1990-10-03")), werkstatt::Error);
    CHECK_THROWS_AS(werkstatt::holiday_on(day("2101-01-01")), werkstatt::Error);
}
