// SPDX-License-Identifier: GPL-3.0-or-later
// The report queries on a small database written with plain SQL: each counting rule of
// store/report_store.hpp at its edges.
#include "store/report_store.hpp"

#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <string>

using namespace werkstatt;
using werkstatt::test::TestDatabase;

namespace {

void exec(Database& db, const std::string& sql) {
    db.sql().exec(sql);
}

// Companies 1 (Magdeburg, member since 2020) and 2 (Halle, joined 2027-02-01), one opening each.
void seed_companies(Database& db) {
    exec(db, "INSERT INTO company (id, key, name, plz, district_ags, can_host, member_since, "
             "created_at, updated_at) VALUES "
             "(1, 'elbe', 'Elbe GmbH', '39104', '15003', 1, '2020-01-01', '2026-01-01T00:00:00Z', "
             "'2026-01-01T00:00:00Z'), "
             "(2, 'saale', 'Saale gGmbH', '06108', '15002', 1, '2027-02-01', "
             "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    exec(db, "INSERT INTO opening (id, company_id, title, created_at, updated_at) VALUES "
             "(1, 1, 'Fahrer', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'), "
             "(2, 2, 'Pflege', '2027-02-10T00:00:00Z', '2027-02-10T00:00:00Z')");
}

void candidate(Database& db, int id, const std::string& district, const std::string& entry,
               const std::string& exit, const std::string& created = "2026-06-01T00:00:00Z") {
    const auto q = [](const std::string& s) { return s.empty() ? "NULL" : "'" + s + "'"; };
    exec(db, "INSERT INTO candidate (id, source, reference, district_ags, german, kldb, "
             "residence_status, entry_date, exit_date, created_at, updated_at) VALUES (" +
                 std::to_string(id) + ", 'jc', 'R" + std::to_string(id) + "', " + q(district) +
                 ", 'B1', '52122', 'schutz', " + q(entry) + ", " + q(exit) + ", '" + created +
                 "', '" + created + "')");
}

} // namespace

TEST_CASE("count_candidates: new by entry day, active over the period, missing keys apart") {
    TestDatabase t;
    auto& db = t.db();
    seed_companies(db);
    candidate(db, 1, "15003", "2027-01-01", "");           // new and active (first day)
    candidate(db, 2, "15003", "2027-03-31", "");           // new and active (last day)
    candidate(db, 3, "15003", "2026-10-01", "2027-01-01"); // active (left on the first day)
    candidate(db, 4, "15003", "2026-10-01", "2026-12-31"); // left the day before: not active
    candidate(db, 5, "15003", "2027-04-01", "");           // enters the day after: not active
    candidate(db, 6, "", "", "", "2027-02-15T10:00:00Z");  // no entry date: created_at counts
    const auto rows = count_candidates(db, CandidateGroup::district, "2027-01-01", "2027-03-31");
    REQUIRE(rows.size() == 2);
    CHECK_FALSE(rows[0].key.has_value()); // not recorded first
    CHECK(rows[0].new_count == 1);
    CHECK(rows[0].active_count == 1);
    CHECK(rows[1].key == "15003");
    CHECK(rows[1].new_count == 2);
    CHECK(rows[1].active_count == 3);
}

TEST_CASE("count_candidates: an archived candidate without exit day left when it last changed") {
    TestDatabase t;
    auto& db = t.db();
    candidate(db, 1, "15003", "2026-01-01", "");
    exec(db, "UPDATE candidate SET active = 0, updated_at = '2026-12-20T08:00:00Z'");
    CHECK(count_candidates(db, CandidateGroup::district, "2027-01-01", "2027-03-31").empty());
    const auto q4 = count_candidates(db, CandidateGroup::district, "2026-10-01", "2026-12-31");
    REQUIRE(q4.size() == 1);
    CHECK(q4[0].active_count == 1);
}

TEST_CASE("count_candidates groups by the first KldB digit and counts hires once per person") {
    TestDatabase t;
    auto& db = t.db();
    seed_companies(db);
    candidate(db, 1, "15003", "2027-01-10", "");
    candidate(db, 2, "15002", "2027-01-10", "");
    exec(db, "UPDATE candidate SET kldb = '82102' WHERE id = 2");
    exec(db, "INSERT INTO placement (candidate_id, opening_id, status, hired_on, created_at, "
             "updated_at) VALUES "
             "(1, 1, 'hired', '2027-02-01', '2027-01-15T00:00:00Z', '2027-02-01T00:00:00Z'), "
             "(1, 2, 'hired', '2027-03-01', '2027-01-15T00:00:00Z', '2027-03-01T00:00:00Z')");
    const auto areas =
        count_candidates(db, CandidateGroup::occupation_area, "2027-01-01", "2027-03-31");
    REQUIRE(areas.size() == 2);
    CHECK(areas[0].key == "5");
    CHECK(areas[0].hired == 1);
    CHECK(areas[1].key == "8");
    CHECK(areas[1].hired == 0);
}

TEST_CASE("placement_path: the step reached at the period's end, from the step days") {
    TestDatabase t;
    auto& db = t.db();
    seed_companies(db);
    for (int id = 1; id <= 5; ++id) {
        candidate(db, id, "15003", "2027-01-01", "");
    }
    exec(db, "INSERT INTO placement (candidate_id, opening_id, status, introduced_on, "
             "interview_on, hired_on, closed_on, created_at, updated_at) VALUES "
             // hired in the period
             "(1, 1, 'hired', '2027-01-20', '2027-02-01', '2027-03-31', NULL, "
             "'2027-01-10T00:00:00Z', '2027-03-31T00:00:00Z'), "
             // hired after the period: at its end it was in an interview
             "(2, 1, 'hired', '2027-01-20', '2027-02-01', '2027-04-01', NULL, "
             "'2027-01-10T00:00:00Z', '2027-04-01T00:00:00Z'), "
             // declined in the period
             "(3, 1, 'declined', '2027-01-20', NULL, NULL, '2027-02-10', "
             "'2027-01-10T00:00:00Z', '2027-02-10T00:00:00Z'), "
             // before schema 6: introduced without its day, counted on its last change
             "(4, 1, 'introduced', NULL, NULL, NULL, NULL, "
             "'2027-01-10T00:00:00Z', '2027-03-01T00:00:00Z'), "
             // proposed before the period: not in its path
             "(5, 1, 'proposed', NULL, NULL, NULL, NULL, "
             "'2026-12-30T00:00:00Z', '2026-12-30T00:00:00Z')");
    const auto path = placement_path(db, "2027-01-01", "2027-03-31");
    const std::vector<std::pair<std::string, std::int64_t>> expected = {
        {"declined", 1}, {"hired", 1}, {"interview", 1}, {"introduced", 1}};
    CHECK(path == expected);

    const auto median = median_days_to_hire(db, "2027-01-01", "2027-03-31");
    REQUIRE(median.has_value());
    CHECK(*median == Approx(80.0)); // 10 January to 31 March
    CHECK_FALSE(median_days_to_hire(db, "2026-01-01", "2026-12-31").has_value());

    const auto open = open_proposals(db, "2027-03-31");
    REQUIRE(open.size() == 3); // R5, proposed before the period, is still open at its end
    CHECK(open[0].candidate_reference == "R2");
    CHECK(open[0].step == "interview");
    CHECK(open[1].candidate_reference == "R4");
    CHECK(open[1].step == "introduced");
    CHECK(open[2].candidate_reference == "R5");
    CHECK(open[2].step == "proposed");

    const auto hires = hires_by_company(db, "2027-01-01", "2027-12-31");
    REQUIRE(hires.size() == 1);
    CHECK(hires[0].key == "elbe");
    CHECK(hires[0].hires == 2);
    const auto quarters = hires_by_quarter(db, "2027-01-01", "2027-12-31");
    REQUIRE(quarters.size() == 2);
    CHECK(quarters[0].bucket == 2027 * 4);
    CHECK(quarters[1].bucket == 2027 * 4 + 1);
}

TEST_CASE("median_days_to_hire of an even number of hires is the mean of the middle two") {
    TestDatabase t;
    auto& db = t.db();
    seed_companies(db);
    for (int id = 1; id <= 4; ++id) {
        candidate(db, id, "15003", "2027-01-01", "");
    }
    exec(db, "INSERT INTO placement (candidate_id, opening_id, status, hired_on, created_at, "
             "updated_at) VALUES "
             "(1, 1, 'hired', '2027-01-11', '2027-01-01T00:00:00Z', '2027-01-11T00:00:00Z'), "
             "(2, 1, 'hired', '2027-01-21', '2027-01-01T00:00:00Z', '2027-01-21T00:00:00Z'), "
             "(3, 1, 'hired', '2027-01-31', '2027-01-01T00:00:00Z', '2027-01-31T00:00:00Z'), "
             "(4, 1, 'hired', '2027-03-31', '2027-01-01T00:00:00Z', '2027-03-31T00:00:00Z')");
    const auto median = median_days_to_hire(db, "2027-01-01", "2027-03-31");
    REQUIRE(median.has_value());
    CHECK(*median == Approx(25.0)); // 20 and 30 days
}

TEST_CASE("count_openings and member_activity over a quarter") {
    TestDatabase t;
    auto& db = t.db();
    seed_companies(db);
    candidate(db, 1, "15003", "2027-01-01", "");
    // Opening 3 closed before the quarter: not open in it.
    exec(db, "INSERT INTO opening (id, company_id, title, status, created_at, updated_at) VALUES "
             "(3, 1, 'Alt', 'closed', '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z')");
    exec(db, "INSERT INTO placement (candidate_id, opening_id, status, hired_on, created_at, "
             "updated_at) VALUES (1, 2, 'hired', '2027-03-01', '2027-02-11T00:00:00Z', "
             "'2027-03-01T00:00:00Z')");
    const auto o = count_openings(db, "2027-01-01", "2027-03-31");
    CHECK(o.created == 1);
    CHECK(o.open == 2);
    CHECK(o.filled == 1);

    exec(db, "INSERT INTO contact (company_id, name, created_at, updated_at) VALUES "
             "(2, 'A', '2027-02-01T00:00:00Z', '2027-02-01T00:00:00Z')");
    exec(db, "INSERT INTO event (id, uid, kind, date, host_company_id, status, created_at, "
             "updated_at) VALUES (1, 'e1', 'werkstatt', '2027-02-11', 1, 'held', "
             "'2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), (2, 'e2', 'werkstatt', "
             "'2027-03-20', 1, 'cancelled', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')");
    exec(db, "INSERT INTO registration (event_id, company_id, contact_id, status, registered_at, "
             "updated_at) VALUES (1, 2, 1, 'attended', '2027-01-01T00:00:00Z', "
             "'2027-01-01T00:00:00Z')");
    CHECK(held_events(db, "2027-01-01", "2027-03-31") == 1);
    const auto turnout = member_turnout(db, "2027-01-01", "2027-03-31");
    CHECK(turnout.members == 2);
    CHECK(turnout.came == 1);
    const auto members = member_activity(db, "2027-01-01", "2027-03-31");
    REQUIRE(members.size() == 2);
    CHECK(members[0].key == "elbe");
    CHECK(members[0].hosted == 1);
    CHECK(members[0].hosted_ever == 1);
    CHECK(members[1].key == "saale");
    CHECK(members[1].contacts == 1);
    CHECK(members[1].events_attended == 1);
    CHECK(members[1].first_attended == "2027-02-11");
    CHECK(members[1].hires == 1);
    CHECK(members[1].hires_after_attending == 1);
    CHECK(members[1].openings == 1);
    // The rotation's light query: the same members and hostings, no openings or hires counted.
    const auto light = member_activity(db, "2027-01-01", "2027-03-31", MemberFigures::membership);
    REQUIRE(light.size() == 2);
    CHECK(light[0].hosted_ever == 1);
    CHECK(light[1].events_attended == 1);
    CHECK(light[1].openings == 0);
    CHECK(light[1].hires == 0);
    CHECK(light[1].hires_after_attending == 0);
    // Saale joined on 2027-02-01: not a member in 2026.
    CHECK(member_activity(db, "2026-01-01", "2026-12-31").size() == 1);
    const auto events = report_events(db, "2027-01-01", "2027-03-31");
    REQUIRE(events.size() == 1); // the cancelled one is left out
    CHECK(events[0].attended == 1);
    CHECK(events[0].companies == 1);
}
