// SPDX-License-Identifier: GPL-3.0-or-later
// The relative periods of `report --period` on the days where the calendar begins and ends.
#include "report/report.hpp"

#include "core/error.hpp"

#include <catch2/catch.hpp>

using namespace werkstatt;
using werkstatt::report::resolve_period;

TEST_CASE("resolve_period: relative periods name the period before the day's") {
    const auto day = *Date::from_ymd(2027, 1, 15);
    CHECK(resolve_period("last-quarter", day)->str() == "2026Q4");
    CHECK(resolve_period("last-month", day)->str() == "2026-12");
    CHECK(resolve_period("last-year", day)->str() == "2026");
    CHECK(resolve_period("this-quarter", day)->str() == "2027Q1");
    CHECK_FALSE(resolve_period("next-year", day));
}

// Found by tests/fuzz/fuzz_period.cpp: on a day of the year 1 the period before it does not
// exist, and the empty optional was dereferenced (undefined behaviour) or an invalid quarter
// built (an internal error, exit 70).
TEST_CASE("resolve_period: no period before the year 1, a usage error instead") {
    const auto first = *Date::from_ymd(1, 1, 1);
    for (const char* name : {"last-year", "last-quarter", "last-month"}) {
        INFO(name);
        try {
            resolve_period(name, first);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::usage);
            CHECK(std::string(e.what()).find("before the year 1") != std::string::npos);
        }
    }
    CHECK(resolve_period("last-month", *Date::from_ymd(1, 2, 1))->str() == "0001-01");
    CHECK(resolve_period("last-quarter", *Date::from_ymd(1, 4, 1))->str() == "0001Q1");
    CHECK(resolve_period("this-year", first)->str() == "0001");
    CHECK(resolve_period("this-year", *Date::from_ymd(9999, 12, 31))->str() == "9999");
}
