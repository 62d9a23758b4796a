// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/leaving.hpp"

#include "support.hpp"
#include <catch2/catch.hpp>

using namespace werkstatt;

using werkstatt::test::day;

TEST_CASE("add_months keeps the day of month, or takes the month's last day", "[leaving]") {
    CHECK(add_months(day("2027-03-31"), 5) == day("2027-08-31"));
    CHECK(add_months(day("2027-03-31"), 6) == day("2027-09-30"));
    CHECK(add_months(day("2027-08-31"), 6) == day("2028-02-29"));
    CHECK(add_months(day("2027-11-15"), 2) == day("2028-01-15"));
    CHECK(add_months(day("2027-01-01"), 0) == day("2027-01-01"));
}
