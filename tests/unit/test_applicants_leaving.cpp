// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/leaving.hpp"

#include <catch2/catch.hpp>

using namespace werkstatt;

namespace {
Date day(const char* iso) {
    return *Date::parse_iso(iso);
}
} // namespace

TEST_CASE("add_months keeps the day of month, or takes the month's last day", "[leaving]") {
    CHECK(add_months(day("2027-03-31"), 5) == day("2027-08-31"));
    CHECK(add_months(day("2027-03-31"), 6) == day("2027-09-30"));
    CHECK(add_months(day("2027-08-31"), 6) == day("2028-02-29"));
    CHECK(add_months(day("2027-11-15"), 2) == day("2028-01-15"));
    CHECK(add_months(day("2027-01-01"), 0) == day("2027-01-01"));
}
