// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/followups.hpp"
#include "match/placements.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

using namespace werkstatt;
using werkstatt::test::day;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;

namespace {

// Two companies with a contact each, two openings of the first, and candidates 1 to `n`.
void seed(Database& db, int n) {
    auto& sql = db.sql();
    sql.exec("INSERT INTO company (key, name, plz, city, created_at, updated_at) VALUES "
             "('spedition', 'Spedition', '39104', 'Magdeburg', 'x', 'x'), "
             "('pflege', 'Pflege', '06108', 'Halle', 'x', 'x')");
    sql.exec("INSERT INTO contact (company_id, name, created_at, updated_at) VALUES "
             "(1, 'Maria', 'x', 'x'), (2, 'Paul', 'x', 'x')");
    sql.exec("INSERT INTO opening (company_id, title, positions, created_at, updated_at) VALUES "
             "(1, 'Fahrer', 5, 'x', 'x'), (1, 'Lager', 5, 'x', 'x')");
    for (int i = 1; i <= n; ++i) {
        SQLite::Statement q(sql, "INSERT INTO candidate (source, reference, created_at, "
                                 "updated_at) VALUES ('jc', ?, 'x', 'x')");
        q.bind(1, "R-" + std::to_string(i));
        q.exec();
    }
}

PlacementChange hire(Database& db, std::int64_t candidate, const char* on,
                     std::vector<int> months = {1, 3, 6}, std::optional<std::int64_t> mentor = {}) {
    return set_placement(db, candidate, 1, PlacementStatus::hired, "", false, day(on), DryRun::no,
                         HireDetails{mentor, std::move(months)});
}

} // namespace

TEST_CASE("followup outcomes parse and print", "[followup]") {
    for (const auto* text : {"employed", "left", "changed-employer", "unknown"}) {
        const auto outcome = parse_followup_outcome(text);
        REQUIRE(outcome);
        CHECK(to_string(*outcome) == text);
    }
    CHECK_FALSE(parse_followup_outcome("changed_employer"));
    CHECK_FALSE(parse_followup_outcome("Employed"));
    CHECK_FALSE(parse_followup_outcome(""));
}

TEST_CASE("a hire schedules its follow-ups, month ends kept", "[followup]") {
    TestDatabase t;
    seed(t.db(), 1);
    const auto change = hire(t.db(), 1, "2027-08-31", {6, 1});
    CHECK(change.followups == 2);
    const auto rows = list_followups(t.db(), std::nullopt);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].months == 1);
    CHECK(rows[0].due_on == "2027-09-30");
    CHECK(rows[1].months == 6);
    CHECK(rows[1].due_on == "2028-02-29");
    CHECK(rows[0].hired_on == "2027-08-31");
    CHECK(rows[0].mentor.empty());
}

TEST_CASE("a mentor is a contact of the hiring company, named with the hire", "[followup]") {
    TestDatabase t;
    seed(t.db(), 2);
    CHECK(failure_of([&] { hire(t.db(), 1, "2027-01-10", {1}, 2); }).kind == ErrorKind::conflict);
    CHECK(failure_of([&] { hire(t.db(), 1, "2027-01-10", {1}, 7); }).kind == ErrorKind::not_found);
    CHECK(failure_of([&] {
              set_placement(t.db(), 1, 1, PlacementStatus::interview, "", false, day("2027-01-10"),
                            DryRun::no, HireDetails{1, {1}});
          }).kind == ErrorKind::usage);
    CHECK(list_followups(t.db(), std::nullopt).empty());
    hire(t.db(), 1, "2027-01-10", {1}, 1);
    const auto rows = list_followups(t.db(), std::nullopt);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].mentor == "Maria");
    // Hired again with a mentor: only the mentor changes, the schedule stays.
    t.db().sql().exec("INSERT INTO contact (company_id, name, created_at, updated_at) VALUES "
                      "(1, 'Mo', 'x', 'x')");
    const auto again = hire(t.db(), 1, "2027-05-05", {1}, 3);
    CHECK(again.mentor_only);
    const auto after = list_followups(t.db(), std::nullopt);
    REQUIRE(after.size() == 1);
    CHECK(after[0].mentor == "Mo");
    CHECK(after[0].due_on == "2027-02-10");
}

TEST_CASE("due follow-ups: open, by the day, none after one that found the person left",
          "[followup]") {
    TestDatabase t;
    seed(t.db(), 2);
    hire(t.db(), 1, "2027-01-15");
    hire(t.db(), 2, "2027-02-01");
    CHECK(list_followups(t.db(), day("2027-02-14")).empty());
    CHECK(list_followups(t.db(), day("2027-02-15")).size() == 1);
    CHECK(list_followups(t.db(), day("2027-03-01")).size() == 2);
    const auto first = list_followups(t.db(), day("2027-03-01"));
    record_followup(t.db(), first[0].id, FollowupOutcome::left, "moved", "", day("2027-02-20"),
                    false, DryRun::no);
    const auto due = list_followups(t.db(), day("2028-01-01"));
    REQUIRE(due.size() == 3); // candidate 2's three; candidate 1's later two are not due
    for (const auto& f : due) {
        CHECK(f.candidate_id == 2);
    }
    const auto all = list_followups(t.db(), std::nullopt, 1);
    REQUIRE(all.size() == 3);
    CHECK_FALSE(all[0].ended);
    CHECK(all[1].ended);
    CHECK(all[2].ended);
    CHECK(failure_of([&] {
              record_followup(t.db(), all[1].id, FollowupOutcome::employed, "", "",
                              day("2027-04-20"), true, DryRun::no);
          }).kind == ErrorKind::conflict);
}

TEST_CASE("record_followup refuses and writes nothing on bad input", "[followup]") {
    TestDatabase t;
    seed(t.db(), 1);
    hire(t.db(), 1, "2027-01-15", {1});
    const auto id = list_followups(t.db(), std::nullopt)[0].id;
    CHECK(failure_of([&] {
              record_followup(t.db(), id + 5, FollowupOutcome::employed, "", "", day("2027-02-20"),
                              false, DryRun::no);
          }).kind == ErrorKind::not_found);
    CHECK(failure_of([&] {
              record_followup(t.db(), id, FollowupOutcome::employed, "why", "", day("2027-02-20"),
                              false, DryRun::no);
          }).kind == ErrorKind::usage);
    CHECK(failure_of([&] {
              record_followup(t.db(), id, FollowupOutcome::employed, "", "", day("2027-01-14"),
                              false, DryRun::no);
          }).kind == ErrorKind::conflict);
    record_followup(t.db(), id, FollowupOutcome::unknown, "", "", day("2027-02-20"), false,
                    DryRun::yes);
    CHECK_FALSE(list_followups(t.db(), std::nullopt)[0].outcome);
    record_followup(t.db(), id, FollowupOutcome::unknown, "not reached", "", day("2027-02-20"),
                    false, DryRun::no);
    CHECK(list_followups(t.db(), std::nullopt)[0].outcome == "unknown");
    CHECK(failure_of([&] {
              record_followup(t.db(), id, FollowupOutcome::employed, "", "", day("2027-03-01"),
                              false, DryRun::no);
          }).kind == ErrorKind::conflict);
    record_followup(t.db(), id, FollowupOutcome::employed, "", "", day("2027-03-01"), true,
                    DryRun::no);
    CHECK(list_followups(t.db(), std::nullopt)[0].outcome == "employed");
}

TEST_CASE("a hire that no longer stands drops its open follow-ups", "[followup]") {
    TestDatabase t;
    seed(t.db(), 1);
    hire(t.db(), 1, "2027-01-15");
    const auto id = list_followups(t.db(), std::nullopt)[0].id;
    record_followup(t.db(), id, FollowupOutcome::employed, "", "", day("2027-02-15"), false,
                    DryRun::no);
    const auto change = set_placement(t.db(), 1, 1, PlacementStatus::withdrawn, "", true,
                                      day("2027-03-01"), DryRun::no);
    CHECK(change.followups_dropped == 2);
    CHECK(list_followups(t.db(), std::nullopt).empty()); // the hire does not stand
    SQLite::Statement q(t.db().sql(), "SELECT count(*) FROM followup WHERE outcome IS NOT NULL");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt() == 1);
}

TEST_CASE("retention counts persons once by their outcome at the month", "[followup]") {
    TestDatabase t;
    seed(t.db(), 5);
    for (int c = 1; c <= 5; ++c) {
        hire(t.db(), c, "2027-01-10");
    }
    auto at = [&](std::int64_t candidate, int months) {
        for (const auto& f : list_followups(t.db(), std::nullopt, candidate)) {
            if (f.months == months) {
                return f.id;
            }
        }
        FAIL("no follow-up");
        return std::int64_t{0};
    };
    const auto asked = day("2027-07-12");
    record_followup(t.db(), at(1, 6), FollowupOutcome::employed, "", "", asked, false, DryRun::no);
    record_followup(t.db(), at(2, 6), FollowupOutcome::changed_employer, "", "", asked, false,
                    DryRun::no);
    record_followup(t.db(), at(3, 3), FollowupOutcome::left, "", "", day("2027-04-12"), false,
                    DryRun::no);
    record_followup(t.db(), at(4, 6), FollowupOutcome::unknown, "", "", asked, false, DryRun::no);
    // candidate 5: not asked
    const auto r = retention(t.db(), 6, day("2027-07-01"), day("2027-09-30"));
    CHECK(r.employed == 1);
    CHECK(r.changed_employer == 1);
    CHECK(r.left == 1);
    const auto none = retention(t.db(), 6, day("2027-10-01"), day("2027-12-31"));
    CHECK(none.employed + none.changed_employer + none.left == 0);
}

TEST_CASE("a match run's settings record the pause, which decides the pool", "[followup]") {
    MatchSettings s;
    CHECK(describe_settings(s).find("; exchange.pause_days=180") != std::string::npos);
    s.pause_days = 30;
    const auto text = describe_settings(s);
    CHECK(text.find("exchange.pause_days=30") != std::string::npos);
    CHECK(text.find("permit_warn_days") == std::string::npos); // warns, decides nothing
    CHECK(text.find("top=") == std::string::npos);
}
