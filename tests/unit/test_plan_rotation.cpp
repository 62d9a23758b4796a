// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "plan/rotation.hpp"
#include "reference/holidays.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"
#include <algorithm>
#include <random>
#include <string>
#include <vector>

using werkstatt::Date;
using werkstatt::Error;
using werkstatt::ErrorKind;
using werkstatt::HostCandidate;
using werkstatt::meeting_date;
using werkstatt::Period;
using werkstatt::plan_rotation;
using werkstatt::PlannedMeeting;
using werkstatt::Quarter;
using werkstatt::Region;
using werkstatt::RotationInput;
using werkstatt::RotationRules;
using werkstatt::TopicUse;

using werkstatt::test::day;

namespace {

Period period(const char* text) {
    return *Period::parse(text);
}

// A company that can host 30 people, named "<key> GmbH".
HostCandidate company(std::int64_t id, const std::string& key, Region region = Region::unknown) {
    HostCandidate c;
    c.id = id;
    c.key = key;
    c.name = key + " GmbH";
    c.can_host = true;
    c.capacity = 30;
    c.region = region;
    return c;
}

// An input for `quarters` quarters from 2027Q1 over `companies`, without region alternation.
RotationInput input_for(std::vector<HostCandidate> companies, int quarters = 8) {
    RotationInput input;
    input.from = Quarter{2027, 1};
    input.quarters = quarters;
    input.companies = std::move(companies);
    input.rules.alternate_regions = false;
    return input;
}

// Return the host key of each quarter, "-" where none was found, "skip" where skipped.
std::vector<std::string> hosts(const std::vector<PlannedMeeting>& plan) {
    std::vector<std::string> keys;
    for (const auto& m : plan) {
        keys.push_back(m.skipped ? "skip" : m.host_id ? m.host_key : "-");
    }
    return keys;
}

// Return true if one explanation line of `m` is exactly `line`.
bool explains(const PlannedMeeting& m, const std::string& line) {
    return std::find(m.explanation.begin(), m.explanation.end(), line) != m.explanation.end();
}

// Return the whole plan as text, to compare plans field by field.
std::string render(const std::vector<PlannedMeeting>& plan) {
    std::string text;
    for (const auto& m : plan) {
        text += m.quarter.str() + " " + (m.host_id ? std::to_string(*m.host_id) : "-") + " " +
                m.host_key + " " + m.host_name + " " + (m.date ? m.date->iso() : "-") +
                (m.skipped ? " skipped" : "") + "\n";
        for (const auto& t : m.topic_keys) {
            text += "  topic " + t + "\n";
        }
        for (const auto& line : m.explanation) {
            text += "  " + line + "\n";
        }
    }
    return text;
}

using Keys = std::vector<std::string>;

} // namespace

TEST_CASE("plan::rotation lets everyone host once before anyone twice", "[rotation]") {
    auto a = company(1, "a");
    auto b = company(2, "b");
    auto c = company(3, "c");
    a.member_since = day("2015-03-01");
    c.member_since = day("2010-06-01");
    const auto plan = plan_rotation(input_for({a, b, c}));
    REQUIRE(plan.size() == 8);
    CHECK(hosts(plan) == Keys{"c", "a", "b", "c", "a", "b", "c", "a"});
    CHECK(plan[0].host_id == 3);
    CHECK(plan[0].host_name == "c GmbH");
    CHECK(plan[0].date == day("2027-02-11"));
    CHECK(plan[0].explanation.front() ==
          "c GmbH (c): never hosted, longest ago among 3 eligible; tie broken by earlier "
          "membership");
    CHECK(plan[1].explanation.front() ==
          "a GmbH (a): never hosted, longest ago among 2 eligible; tie broken by earlier "
          "membership");
    CHECK(explains(plan[1], "hosted in this round (2 eligible still to host): c 2027Q1"));
    CHECK(plan[3].explanation.front() == "c GmbH (c): last hosted 2027Q1, longest ago among 3 "
                                         "eligible");
}

TEST_CASE("plan::rotation respects history: never hosted first, then longest ago", "[rotation]") {
    auto input = input_for(
        {company(1, "a"), company(2, "b"), company(3, "c"), company(4, "d"), company(5, "e")}, 6);
    input.history = {{1, day("2026-02-12")},
                     {2, day("2025-05-08")},
                     {3, day("2026-08-13")},
                     {99, day("2026-11-12")}}; // a company no longer in the pool
    const auto plan = plan_rotation(input);
    CHECK(hosts(plan) == Keys{"d", "e", "b", "a", "c", "d"});
    CHECK(plan[0].explanation.front() ==
          "d GmbH (d): never hosted, longest ago among 2 eligible; tie broken by key");
    CHECK(explains(plan[0], "hosted in this round (2 eligible still to host): a 2026Q1, b "
                            "2025Q2, c 2026Q3"));
    CHECK(plan[2].explanation.front() ==
          "b GmbH (b): last hosted 2025Q2, longest ago among 5 eligible");
}

TEST_CASE("plan::rotation respects a blocked quarter and a blocked single date", "[rotation]") {
    auto a = company(1, "a");
    auto b = company(2, "b");
    auto c = company(3, "c");
    a.blocked = {period("2027Q1")};
    b.blocked = {period("2027-02-11")};
    c.blocked = {period("2027-02-10"), period("2027-03")}; // not on the meeting day
    const auto plan = plan_rotation(input_for({a, b, c}, 3));
    CHECK(hosts(plan) == Keys{"c", "a", "b"});
    CHECK(explains(plan[0], "excluded: a blocked 2027Q1"));
    CHECK(explains(plan[0], "excluded: b blocked 2027-02-11"));
    CHECK(plan[0].explanation.front() == "c GmbH (c): never hosted, the only one eligible");
}

TEST_CASE("plan::rotation keeps min_quarters_between quarters between hostings", "[rotation]") {
    auto input = input_for({company(1, "a"), company(2, "b"), company(3, "c")});
    input.rules.min_quarters_between = 2;
    input.history = {{1, day("2026-11-12")}, {2, day("2026-08-13")}, {3, day("2020-05-14")}};
    const auto plan = plan_rotation(input);
    CHECK(hosts(plan) == Keys{"c", "b", "a", "c", "b", "a", "c", "b"});
    CHECK(explains(plan[0], "excluded: a hosted 2026Q4, within 2 quarter(s) before"));
    CHECK(explains(plan[0], "excluded: b hosted 2026Q3, within 2 quarter(s) before"));
    CHECK(plan[1].explanation.front() == "b GmbH (b): last hosted 2026Q3, the only one eligible");
}

TEST_CASE("plan::rotation reports a quarter without eligible host and goes on", "[rotation]") {
    auto input = input_for({company(1, "a"), company(2, "b"), company(3, "c")});
    input.rules.min_quarters_between = 3;
    input.topics = {{"recht", 1, std::nullopt}};
    input.rules.topics_per_event = 1;
    const auto plan = plan_rotation(input);
    CHECK(hosts(plan) == Keys{"a", "b", "c", "-", "a", "b", "c", "-"});
    const auto& empty = plan[3];
    CHECK_FALSE(empty.host_id);
    CHECK(empty.host_key.empty());
    CHECK(empty.date == day("2027-11-11"));
    CHECK(empty.topic_keys == Keys{"recht"});
    CHECK(empty.explanation.front() == "no eligible host: 3 companies can host, 3 hosted recently");
    CHECK(explains(empty, "excluded: a hosted 2027Q1, within 3 quarter(s) before"));

    auto nobody = input_for({company(1, "a")}, 2);
    nobody.companies[0].active = false;
    const auto none = plan_rotation(nobody);
    CHECK(hosts(none) == Keys{"-", "-"});
    CHECK(none[1].explanation.front() == "no eligible host: no active company can host");
}

TEST_CASE("plan::rotation filters by capacity, can_host and active", "[rotation]") {
    auto small = company(1, "a");
    small.capacity = 15;
    auto unknown = company(2, "b");
    unknown.capacity = std::nullopt;
    auto guest = company(3, "c");
    guest.can_host = false;
    auto archived = company(4, "d");
    archived.active = false;
    auto exact = company(5, "e");
    exact.capacity = 20;
    auto large = company(6, "f");
    large.capacity = 100;
    auto input = input_for({small, unknown, guest, archived, exact, large}, 4);
    const auto plan = plan_rotation(input);
    CHECK(hosts(plan) == Keys{"e", "f", "e", "f"});
    CHECK(explains(plan[0], "excluded: a seats 15, fewer than 20"));
    CHECK(explains(plan[0], "excluded: b capacity unknown"));
    // Companies that never host are not named in every quarter's explanation.
    CHECK_FALSE(explains(plan[0], "excluded: c cannot host"));
    CHECK_FALSE(explains(plan[0], "excluded: d archived"));

    input.rules.min_capacity = 0;
    CHECK(hosts(plan_rotation(input)) == Keys{"a", "b", "e", "f"});

    input.companies = {small, unknown};
    input.rules.min_capacity = 20;
    CHECK(plan_rotation(input)[0].explanation.front() ==
          "no eligible host: 2 companies can host, 2 too small");
}

TEST_CASE("plan::rotation alternates regions where the pool allows", "[rotation]") {
    auto input = input_for({company(1, "n1", Region::north), company(2, "n2", Region::north),
                            company(3, "s1", Region::south), company(4, "u1")});
    input.history = {{1, day("2026-11-12")}};
    input.rules.alternate_regions = true;
    const auto plan = plan_rotation(input);
    CHECK(hosts(plan) == Keys{"s1", "n2", "u1", "n1", "s1", "n2", "u1", "n1"});
    CHECK(plan[0].explanation.front() == "s1 GmbH (s1): never hosted, the only one "
                                         "eligible in the south (3 in all); region south after "
                                         "north");
    CHECK(plan[1].explanation.front() == "n2 GmbH (n2): never hosted, the only one eligible in the "
                                         "north (2 in all); region north after south");
    CHECK(plan[2].explanation.front() == "u1 GmbH (u1): never hosted, the only one "
                                         "eligible; no eligible host in the south to follow the "
                                         "north");
    CHECK(plan[3].explanation.front() == "n1 GmbH (n1): last hosted 2026Q4, longest ago among 4 "
                                         "eligible");

    input.rules.alternate_regions = false;
    CHECK(hosts(plan_rotation(input)).front() == "n2");
}

TEST_CASE("plan::rotation falls back when one region has nobody", "[rotation]") {
    auto input = input_for({company(1, "n1", Region::north), company(2, "n2", Region::north),
                            company(3, "n3", Region::north)},
                           4);
    input.rules.alternate_regions = true;
    const auto plan = plan_rotation(input);
    CHECK(hosts(plan) == Keys{"n1", "n2", "n3", "n1"});
    CHECK(plan[0].explanation.front() ==
          "n1 GmbH (n1): never hosted, longest ago among 3 eligible; tie broken by key");
    CHECK(plan[1].explanation.front() ==
          "n2 GmbH (n2): never hosted, longest ago among 2 eligible; tie broken by key; no "
          "eligible host in the south to follow the north");
}

TEST_CASE("plan::rotation skips quarters that have a Werkstatt and counts them", "[rotation]") {
    auto input = input_for({company(1, "a"), company(2, "b")}, 4);
    input.quarters_with_werkstatt = {Quarter{2027, 2}};
    input.history = {{2, day("2027-05-13")}}; // the Werkstatt already planned in 2027Q2
    input.topics = {{"recht", 1, std::nullopt}, {"sprache", 2, std::nullopt}};
    input.rules.topics_per_event = 1;
    const auto plan = plan_rotation(input);
    REQUIRE(plan.size() == 4);
    CHECK(hosts(plan) == Keys{"a", "skip", "a", "b"});
    const auto& skipped = plan[1];
    CHECK(skipped.quarter == Quarter{2027, 2});
    CHECK_FALSE(skipped.host_id);
    CHECK_FALSE(skipped.date);
    CHECK(skipped.topic_keys.empty());
    CHECK(skipped.explanation == Keys{"2027Q2 already has a Werkstatt: skipped"});
    CHECK(plan[2].topic_keys == Keys{"sprache"});
    CHECK(plan[3].quarter == Quarter{2027, 4});
}

TEST_CASE("plan::meeting_date takes the Nth weekday of the middle month", "[rotation]") {
    RotationRules rules; // Thursday, second week
    CHECK(meeting_date(Quarter{2027, 1}, rules) == day("2027-02-11"));
    CHECK(meeting_date(Quarter{2027, 3}, rules) == day("2027-08-12"));
    rules.week = 1;
    CHECK(meeting_date(Quarter{2027, 4}, rules) == day("2027-11-04"));
    rules.week = 4;
    CHECK(meeting_date(Quarter{2028, 3}, rules) == day("2028-08-24"));
    rules.week = -1;
    CHECK(meeting_date(Quarter{2028, 3}, rules) == day("2028-08-31"));
    rules.week = 5;
    CHECK(meeting_date(Quarter{2028, 3}, rules) == day("2028-08-31"));
    CHECK(meeting_date(Quarter{2027, 1}, rules) == day("2027-02-25"));
    rules.weekday = 1;
    rules.week = -1;
    CHECK(meeting_date(Quarter{2027, 1}, rules) == day("2027-02-22"));
}

TEST_CASE("plan::meeting_date moves off public holidays", "[rotation]") {
    REQUIRE(werkstatt::holiday_on(day("2027-05-06"))->name == "Christi Himmelfahrt");
    REQUIRE(werkstatt::holiday_on(day("2028-05-25"))->name == "Christi Himmelfahrt");
    REQUIRE(werkstatt::holiday_on(day("2028-05-01"))->name == "Tag der Arbeit");
    RotationRules rules;
    rules.week = 1;
    CHECK(meeting_date(Quarter{2027, 2}, rules) == day("2027-05-13"));
    rules.week = -1;
    CHECK(meeting_date(Quarter{2028, 2}, rules) == day("2028-06-01"));
    rules.weekday = 1;
    rules.week = 1;
    CHECK(meeting_date(Quarter{2028, 2}, rules) == day("2028-05-08"));

    auto input = input_for({company(1, "a")}, 2);
    input.rules.week = 1;
    const auto plan = plan_rotation(input);
    CHECK(plan[1].date == day("2027-05-13"));
    CHECK(explains(plan[1], "date moved from 2027-05-06 (Christi Himmelfahrt) to 2027-05-13"));
}

TEST_CASE("plan::meeting_date moves off school holidays, later first, then earlier", "[rotation]") {
    RotationRules rules;
    rules.school_holidays = {period("2027-07-22..2027-08-18")};
    REQUIRE_FALSE(werkstatt::holiday_on(day("2027-08-26")));
    CHECK(meeting_date(Quarter{2027, 3}, rules) == day("2027-08-19"));
    rules.school_holidays = {period("2027-08-01..2027-09-30")};
    CHECK(meeting_date(Quarter{2027, 3}, rules) == day("2027-07-29"));
    rules.school_holidays = {period("2027Q3")};
    CHECK_FALSE(meeting_date(Quarter{2027, 3}, rules));

    auto input = input_for({company(1, "a"), company(2, "b")}, 3);
    input.rules.school_holidays = {period("2027Q3")};
    input.companies[0].blocked = {period("2027-09-30")};
    const auto plan = plan_rotation(input);
    CHECK(hosts(plan) == Keys{"a", "b", "b"});
    CHECK_FALSE(plan[2].date);
    CHECK(explains(plan[2], "excluded: a blocked 2027-09-30")); // no date: any day of the quarter
    CHECK(explains(plan[2], "no meeting date: every Thursday of 2027Q3 is a public holiday or in "
                            "school holidays"));
    input.rules.school_holidays = {period("2027-08-01..2027-08-31")};
    CHECK(explains(plan_rotation(input)[2], "date moved from 2027-08-12 (school holidays "
                                            "2027-08-01..2027-08-31) to 2027-09-02"));
}

TEST_CASE("plan::rotation refuses impossible rules", "[rotation]") {
    RotationRules rules;
    rules.weekday = 8;
    CHECK_THROWS_AS(meeting_date(Quarter{2027, 1}, rules), Error);
    rules.weekday = 4;
    rules.week = 0;
    CHECK_THROWS_AS(meeting_date(Quarter{2027, 1}, rules), Error);
    rules.week = 6;
    CHECK_THROWS_AS(meeting_date(Quarter{2027, 1}, rules), Error);
    auto input = input_for({company(1, "a")});
    input.quarters = -1;
    try {
        plan_rotation(input);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
    }
    input.quarters = 0;
    CHECK(plan_rotation(input).empty());
}

TEST_CASE("plan::rotation proposes the topics covered least recently", "[rotation]") {
    auto input = input_for({company(1, "a")}, 4);
    input.topics = {{"t_e", 5, day("2026-05-14")},
                    {"t_d", 4, day("2025-11-13")},
                    {"t_c", 3, std::nullopt},
                    {"t_b", 2, day("2026-05-14")},
                    {"t_a", 1, std::nullopt}};
    const auto plan = plan_rotation(input);
    CHECK(plan[0].topic_keys == Keys{"t_a", "t_c"});
    CHECK(plan[1].topic_keys == Keys{"t_d", "t_b"});
    CHECK(plan[2].topic_keys == Keys{"t_e", "t_a"});
    CHECK(plan[3].topic_keys == Keys{"t_c", "t_b"}); // t_b and t_d tie: by order
    CHECK(
        explains(plan[1], "topics: t_d (last covered 2025-11-13), t_b (last covered 2026-05-14)"));

    input.rules.topics_per_event = 0;
    CHECK(plan_rotation(input)[0].topic_keys.empty());
    input.rules.topics_per_event = 9;
    CHECK(plan_rotation(input)[0].topic_keys == Keys{"t_a", "t_c", "t_d", "t_b", "t_e"});
}

TEST_CASE("plan::rotation is deterministic whatever the order of companies", "[rotation]") {
    std::vector<HostCandidate> pool;
    const Region regions[] = {Region::north, Region::south, Region::unknown};
    for (int i = 0; i < 9; ++i) {
        auto c = company(10 + i, "firma" + std::to_string(i), regions[i % 3]);
        if (i % 2 == 0) {
            c.member_since = day("2018-01-01");
        }
        pool.push_back(c);
    }
    pool[4].blocked = {period("2027Q2..2027Q4")};
    pool[7].capacity = 10;
    auto input = input_for(pool);
    input.rules.alternate_regions = true;
    input.history = {{12, day("2026-11-12")}, {13, day("2026-11-12")}, {15, day("2026-05-14")}};
    input.topics = {
        {"recht", 1, std::nullopt}, {"sprache", 2, day("2026-05-14")}, {"wohnen", 3, std::nullopt}};
    const auto first = render(plan_rotation(input));
    CHECK(render(plan_rotation(input)) == first);
    std::mt19937 random(20270211);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(input.companies.begin(), input.companies.end(), random);
        std::shuffle(input.history.begin(), input.history.end(), random);
        CHECK(render(plan_rotation(input)) == first);
    }
    CHECK(first.find("firma7 seats 10, fewer than 20") != std::string::npos);
}

TEST_CASE("plan::rotation explains in the UI language, dates the German way", "[rotation][i18n]") {
    const auto before = werkstatt::ui_language();
    werkstatt::set_ui_language(werkstatt::Language::de);
    auto input = input_for({company(1, "a"), company(2, "b")}, 3);
    input.rules.school_holidays = {period("2027Q3")};
    const auto no_date = plan_rotation(input);
    input.rules.school_holidays = {period("2027-08-01..2027-08-31")};
    const auto moved = plan_rotation(input);
    werkstatt::set_ui_language(before);
    CHECK(explains(no_date[2], "kein Termin: jeder Donnerstag in 2027Q3 ist ein Feiertag oder "
                               "liegt in den Schulferien"));
    CHECK(explains(moved[2], "Termin vom 12.08.2027 (Schulferien 01.08.2027 bis 31.08.2027) auf "
                             "den 02.09.2027 verschoben"));
    CHECK(moved[0].explanation.front() == "a GmbH (a): noch nie Gastgeber, am längsten her unter 2 "
                                          "infrage kommenden Unternehmen; Gleichstand entschieden "
                                          "nach Schlüssel");
}
