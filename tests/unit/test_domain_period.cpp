// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.hpp"
#include "domain/period.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"
#include <string>

using werkstatt::Date;
using werkstatt::Period;
using werkstatt::Quarter;

using werkstatt::test::day;

namespace {

// Return "first..last" of the period `text` parses to, or "invalid".
std::string span_of(const char* text) {
    const auto period = Period::parse(text);
    if (!period) {
        return "invalid";
    }
    return period->first().iso() + ".." + period->last().iso();
}

} // namespace

TEST_CASE("domain::Period parses a year, quarter, month and day", "[period]") {
    CHECK(span_of("2027") == "2027-01-01..2027-12-31");
    CHECK(span_of("2027Q1") == "2027-01-01..2027-03-31");
    CHECK(span_of("2027q2") == "2027-04-01..2027-06-30");
    CHECK(span_of("2027Q3") == "2027-07-01..2027-09-30");
    CHECK(span_of("2027Q4") == "2027-10-01..2027-12-31");
    CHECK(span_of("2027-02") == "2027-02-01..2027-02-28");
    CHECK(span_of("2028-02") == "2028-02-01..2028-02-29");
    CHECK(span_of("2027-04") == "2027-04-01..2027-04-30");
    CHECK(span_of("2027-03-18") == "2027-03-18..2027-03-18");
    CHECK(span_of("2028-02-29") == "2028-02-29..2028-02-29");
    CHECK(span_of("  2027Q1 ") == "2027-01-01..2027-03-31");
}

TEST_CASE("domain::Period parses ranges with both ends included", "[period]") {
    CHECK(span_of("2027Q1..2027-05") == "2027-01-01..2027-05-31");
    CHECK(span_of("2027..2028") == "2027-01-01..2028-12-31");
    CHECK(span_of("2027-03-18..2027Q2") == "2027-03-18..2027-06-30");
    CHECK(span_of("2026-12..2027-01-06") == "2026-12-01..2027-01-06");
    CHECK(span_of("2027-03-18..2027-03-18") == "2027-03-18..2027-03-18");
    CHECK(span_of("2027 .. 2027Q3") == "2027-01-01..2027-09-30");
    // Overlapping ends are fine as long as the range does not end before it starts.
    CHECK(span_of("2027..2027-03") == "2027-01-01..2027-03-31");
    CHECK(span_of("2027-03..2027") == "2027-03-01..2027-12-31");
}

TEST_CASE("domain::Period writes its canonical text", "[period]") {
    CHECK(Period::parse("2027")->str() == "2027");
    CHECK(Period::parse("2027q1")->str() == "2027Q1");
    CHECK(Period::parse("2027-03")->str() == "2027-03");
    CHECK(Period::parse(" 2027-03-18 ")->str() == "2027-03-18");
    CHECK(Period::parse("2027q1 .. 2027-05")->str() == "2027Q1..2027-05");
    CHECK(Period::between(day("2027-01-01"), day("2027-02-15"))->str() == "2027-01-01..2027-02-15");
    CHECK(Period::between(day("2027-01-01"), day("2027-01-01"))->str() == "2027-01-01");
}

TEST_CASE("domain::Period rejects what is not a period", "[period]") {
    for (const char* text : {"2027-02-30",
                             "2027-02-29",
                             "2027Q5",
                             "2027Q0",
                             "2027Q",
                             "2027QQ",
                             "2027-13",
                             "2027-00",
                             "2027-3",
                             "2027-03-1",
                             "27",
                             "02027",
                             "0000",
                             "0000Q1",
                             "0000-01",
                             "2027..",
                             "..2027",
                             "..",
                             "2027...2028",
                             "2027..2028..2029",
                             "2028..2027",
                             "2027-03..2027-02",
                             "2027-03-18..2027-03-17",
                             "2027Q2..2027Q1",
                             "abc",
                             "",
                             "   ",
                             "2027Q1x",
                             "2027/03",
                             "+202",
                             "-2027",
                             "2027-03-18T10:00",
                             "２０２７"}) {
        INFO("text: '" << text << "'");
        CHECK_FALSE(Period::parse(text).has_value());
    }
    CHECK_FALSE(Period::between(day("2027-01-02"), day("2027-01-01")).has_value());
}

TEST_CASE("domain::Period reads a day as DD.MM.YYYY too, written back as ISO", "[period]") {
    const auto p = Period::parse("01.02.2027..2027-02-28");
    REQUIRE(p.has_value());
    CHECK(p->str() == "2027-02-01..2027-02-28");
    CHECK(Period::parse("11.2.2027")->str() == "2027-02-11");
    CHECK_FALSE(Period::parse("30.02.2027").has_value());
}

TEST_CASE("domain::Period::why_not tells a backward range from text that is no period",
          "[period]") {
    CHECK(Period::why_not("2028..2027") ==
          "period '2028..2027' ends before it starts; write the earlier end first, as in "
          "2027..2028");
    CHECK(Period::why_not("28.02.2027..01.02.2027").find("ends before it starts") !=
          std::string::npos);
    CHECK(Period::why_not("2027Q5").starts_with("period '2027Q5' does not parse; write a year"));
    CHECK(Period::why_not("2028..2027Q9").find("does not parse") != std::string::npos);
}

TEST_CASE("domain::Period contains its ends and nothing outside", "[period]") {
    const auto q1 = *Period::parse("2027Q1");
    CHECK(q1.contains(day("2027-01-01")));
    CHECK(q1.contains(day("2027-02-14")));
    CHECK(q1.contains(day("2027-03-31")));
    CHECK_FALSE(q1.contains(day("2026-12-31")));
    CHECK_FALSE(q1.contains(day("2027-04-01")));
    const auto one = *Period::parse("2027-03-18");
    CHECK(one.contains(day("2027-03-18")));
    CHECK_FALSE(one.contains(day("2027-03-19")));
    CHECK_FALSE(one.contains(day("2027-03-17")));
}

TEST_CASE("domain::Period compares by the days it covers", "[period]") {
    CHECK(*Period::parse("2027Q1") == *Period::parse("2027-01..2027-03"));
    CHECK(*Period::parse("2027") == *Period::parse("2027Q1..2027Q4"));
    CHECK_FALSE(*Period::parse("2027Q1") == *Period::parse("2027Q2"));
}

TEST_CASE("domain::quarter_of maps months to quarters", "[period]") {
    const int expected[] = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4};
    for (int month = 1; month <= 12; ++month) {
        INFO("month " << month);
        CHECK(werkstatt::quarter_of(*Date::from_ymd(2027, month, 15)) == expected[month - 1]);
    }
    CHECK(werkstatt::quarter_of(day("2027-03-31")) == 1);
    CHECK(werkstatt::quarter_of(day("2027-04-01")) == 2);
    CHECK(Quarter::containing(day("2027-12-31")) == Quarter{2027, 4});
}

TEST_CASE("domain::Quarter parses, writes and steps", "[period]") {
    REQUIRE(Quarter::parse("2027Q1").has_value());
    CHECK(*Quarter::parse("2027Q1") == Quarter{2027, 1});
    CHECK(*Quarter::parse("2027q4") == Quarter{2027, 4});
    CHECK(Quarter::parse("2027q4")->str() == "2027Q4");
    for (const char* text : {"2027Q5", "2027Q0", "2027", "2027-03", "27Q1", "0000Q1", "Q1", ""}) {
        INFO("text: '" << text << "'");
        CHECK_FALSE(Quarter::parse(text).has_value());
    }
    CHECK(Quarter{2027, 1}.next() == Quarter{2027, 2});
    CHECK(Quarter{2027, 3}.next() == Quarter{2027, 4});
    CHECK(Quarter{2027, 4}.next() == Quarter{2028, 1});
    CHECK(Quarter{2027, 4}.next().str() == "2028Q1");
}

TEST_CASE("domain::Quarter knows its days and middle month", "[period]") {
    CHECK(Quarter{2027, 1}.first_day().iso() == "2027-01-01");
    CHECK(Quarter{2027, 1}.last_day().iso() == "2027-03-31");
    CHECK(Quarter{2027, 2}.first_day().iso() == "2027-04-01");
    CHECK(Quarter{2027, 2}.last_day().iso() == "2027-06-30");
    CHECK(Quarter{2027, 3}.last_day().iso() == "2027-09-30");
    CHECK(Quarter{2027, 4}.first_day().iso() == "2027-10-01");
    CHECK(Quarter{2027, 4}.last_day().iso() == "2027-12-31");
    CHECK(Quarter{2027, 1}.middle_month() == 2);
    CHECK(Quarter{2027, 2}.middle_month() == 5);
    CHECK(Quarter{2027, 3}.middle_month() == 8);
    CHECK(Quarter{2027, 4}.middle_month() == 11);
    const Period period = Quarter{2027, 2}.period();
    CHECK(period.str() == "2027Q2");
    CHECK(period == *Period::parse("2027-04..2027-06"));
    CHECK_THROWS_AS(Quarter({2027, 5}).first_day(), werkstatt::Error);
    CHECK_THROWS_AS(Quarter({9999, 4}).next().last_day(), werkstatt::Error);
}

TEST_CASE("domain::Quarter orders by year, then quarter", "[period]") {
    CHECK(Quarter{2027, 4} < Quarter{2028, 1});
    CHECK(Quarter{2027, 1} < Quarter{2027, 2});
    CHECK_FALSE(Quarter{2028, 1} < Quarter{2027, 4});
    CHECK(Quarter{2027, 2} == Quarter{2027, 2});
    CHECK(Quarter{2027, 2} != Quarter{2027, 3});
}
