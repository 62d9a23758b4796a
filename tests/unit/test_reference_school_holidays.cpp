// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/school_holidays.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace werkstatt;
using werkstatt::test::failure_of;

namespace {

const SchoolHoliday* find(const SchoolHolidays& h, const std::string& year,
                          const std::string& name) {
    for (const auto& s : h.holidays()) {
        if (s.school_year == year && s.name == name) {
            return &s;
        }
    }
    return nullptr;
}

const std::string k_head = "valid_as_of = 2026-12-02\nvalid_until = 2027-12-31\n";

} // namespace

TEST_CASE("SchoolHolidays::shipped covers Sachsen-Anhalt's decided school years to 2029/30",
          "[school_holidays]") {
    const auto& h = SchoolHolidays::shipped();
    CHECK(h.origin() == "school_holidays.toml");
    CHECK_FALSE(h.sources().empty());
    REQUIRE(Date::parse_iso(h.valid_as_of()).has_value());
    CHECK(h.valid_until() == *Date::parse_iso("2030-08-23"));
    // The check values of the sources: Sachsen-Anhalt 2027, not the old werkstatt.toml example.
    const auto* winter = find(h, "2026/27", "Winterferien");
    REQUIRE(winter != nullptr);
    CHECK(winter->period == *Period::parse("2027-02-01..2027-02-06"));
    const auto* summer = find(h, "2026/27", "Sommerferien");
    REQUIRE(summer != nullptr);
    CHECK(summer->period == *Period::parse("2027-07-10..2027-08-20"));
    // Every school year from 2024/25 to 2029/30 has its summer holidays.
    for (const char* year : {"2024/25", "2025/26", "2026/27", "2027/28", "2028/29", "2029/30"}) {
        INFO(year);
        CHECK(find(h, year, "Sommerferien") != nullptr);
    }
    Date previous = h.holidays().front().period.first();
    for (const auto& s : h.holidays()) {
        INFO(s.school_year << " " << s.name);
        CHECK(previous <= s.period.first()); // in order
        CHECK(s.period.last() <= h.valid_until());
        previous = s.period.last();
    }
}

TEST_CASE("SchoolHolidays::from_toml reads spans and refuses bad ones", "[school_holidays]") {
    const auto h = SchoolHolidays::from_toml(
        k_head + "sources = [\"test\"]\n[[holiday]]\nschool_year = \"2026/27\"\nname = "
                 "\"Sommerferien\"\nstart = 2027-07-10\nend = 2027-08-20\nnote = \"n\"\n",
        "mine.toml");
    REQUIRE(h.holidays().size() == 1);
    CHECK(h.holidays()[0].period.str() == "2027-07-10..2027-08-20");
    CHECK(h.holidays()[0].note == "n");
    CHECK(h.sources() == std::vector<std::string>{"test"});
    CHECK(h.origin() == "mine.toml");

    const auto bad = [](const std::string& text) {
        return failure_of([&] { SchoolHolidays::from_toml(text, "mine.toml"); });
    };
    const auto span = [](const char* start, const char* end) {
        return std::string("[[holiday]]\nname = \"X\"\nstart = ") + start + "\nend = " + end + "\n";
    };
    auto f = bad(k_head + span("2027-08-20", "2027-07-10"));
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("mine.toml:") && Catch::Contains("before it starts"));
    f = bad(k_head + span("2027-12-30", "2028-01-02"));
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("after valid_until 2027-12-31"));
    f = bad("valid_as_of = 2026-12-02\n" + span("2027-01-01", "2027-01-02"));
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("'valid_until' is missing"));
    f = bad(k_head + "[[holiday]]\nname = \"X\"\nstart = 2027-01-01\n");
    CHECK_THAT(f.message, Catch::Contains("'end' is missing"));
    f = bad(k_head + "[[holiday]]\nname = \"X\"\nstart = \"2027-01-01\"\nend = 2027-01-02\n");
    CHECK_THAT(f.message, Catch::Contains("'start' must be a date"));
    f = bad(k_head + "colour = 1\n");
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("colour"));
    f = failure_of([] { SchoolHolidays::load("/nonexistent/holidays.toml"); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("planner.school_holidays_file"));
    CHECK(SchoolHolidays::load("").holidays().size() ==
          SchoolHolidays::shipped().holidays().size());
}
