// SPDX-License-Identifier: GPL-3.0-or-later
// A pool that stays fresh: permits that end, confirmations due, pause, confirm.
#include "applicants/pool.hpp"

#include "applicants/fields.hpp"
#include "store/import_store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

using namespace werkstatt;
using werkstatt::test::day;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;

namespace {

struct Pool {
    TestDatabase t;
    Database& db = t.db();

    // Insert a candidate with `reference` made at `created` (UTC timestamp); return its id.
    std::int64_t candidate(const std::string& reference, const std::string& created,
                           bool active = true) {
        const auto& s = candidate_schema();
        auto cells = default_cells(RecordKind::candidate);
        cells[s.index("source")] = "jc";
        cells[s.index("reference")] = reference;
        cells[s.index("active")] = active ? "1" : "0";
        RecordTable table(db, RecordKind::candidate);
        return table.insert(cells, std::nullopt, created);
    }
    void set(std::int64_t id, const std::string& column, const std::string& value) {
        SQLite::Statement q(db.sql(), "UPDATE candidate SET " + column + " = ? WHERE id = ?");
        q.bind(1, value);
        q.bind(2, id);
        q.exec();
    }
};

} // namespace

TEST_CASE("permits_ending lists ended and ending permits by day, leaving out the rest",
          "[applicants][pool]") {
    Pool p;
    const auto later = p.candidate("A", "2026-01-01T10:00:00Z");
    const auto ended = p.candidate("B", "2026-01-01T10:00:00Z");
    const auto far = p.candidate("C", "2026-01-01T10:00:00Z");
    const auto none = p.candidate("D", "2026-01-01T10:00:00Z");
    const auto archived = p.candidate("E", "2026-01-01T10:00:00Z", false);
    const auto purged = p.candidate("F", "2026-01-01T10:00:00Z");
    p.set(later, "permit_until", "2027-01-30");
    p.set(ended, "permit_until", "2026-11-01");
    p.set(far, "permit_until", "2027-01-31");
    p.set(archived, "permit_until", "2026-12-01");
    p.set(purged, "permit_until", "2026-12-01");
    p.set(purged, "purged_on", "2026-12-02");
    (void)none;
    const auto got = permits_ending(p.db, day("2026-12-01"), 60); // up to 2027-01-30
    REQUIRE(got.size() == 2);
    CHECK(got[0].candidate_id == ended);
    CHECK(got[0].until == day("2026-11-01"));
    CHECK(got[1].candidate_id == later);
    CHECK(got[1].until == day("2027-01-30"));
    CHECK(permits_ending(p.db, day("2026-12-01"), 0).size() == 1);
}

TEST_CASE("freshness: due from reconfirm_days, paused from pause_days", "[applicants][pool]") {
    const ExchangeSettings s; // 90 and 180
    const auto today = day("2026-12-01");
    CHECK(freshness(today, today, s) == Freshness::fresh);
    CHECK(freshness(today + -89, today, s) == Freshness::fresh);
    CHECK(freshness(today + -90, today, s) == Freshness::due);
    CHECK(freshness(today + -179, today, s) == Freshness::due);
    CHECK(freshness(today + -180, today, s) == Freshness::paused);
    CHECK(std::string(freshness_name(Freshness::paused)) == "paused");
    CHECK(std::string(freshness_name(Freshness::due)) == "due");
    CHECK(std::string(freshness_name(Freshness::fresh)) == "fresh");
}

TEST_CASE("confirmations_due uses confirmed_on, else the creation day, oldest first",
          "[applicants][pool]") {
    Pool p;
    const ExchangeSettings s;
    const auto today = day("2026-12-01");
    const auto fresh = p.candidate("A", "2026-11-20T10:00:00Z");
    const auto old_confirmed = p.candidate("B", "2025-01-01T10:00:00Z");
    p.set(old_confirmed, "confirmed_on", "2026-11-30");
    const auto due = p.candidate("C", "2026-09-02T10:00:00Z");    // 90 days
    const auto paused = p.candidate("D", "2025-01-01T10:00:00Z"); // confirmed 180 days ago
    p.set(paused, "confirmed_on", "2026-06-04");
    const auto archived = p.candidate("E", "2020-01-01T10:00:00Z", false);
    (void)fresh;
    (void)archived;
    const auto got = confirmations_due(p.db, today, s);
    REQUIRE(got.size() == 2);
    CHECK(got[0].candidate_id == paused);
    CHECK(got[0].last == day("2026-06-04"));
    CHECK(got[0].state == Freshness::paused);
    CHECK(got[1].candidate_id == due);
    CHECK(got[1].last == day("2026-09-02"));
    CHECK(got[1].state == Freshness::due);
}

TEST_CASE("confirm_candidate sets confirmed_on with an audit row; dry run and archived write "
          "nothing",
          "[applicants][pool]") {
    Pool p;
    const auto id = p.candidate("REF-1", "2025-01-01T10:00:00Z");
    const auto audits = [&] {
        return p.db.sql()
            .execAndGet("SELECT count(*) FROM audit_log WHERE action = 'confirm'")
            .getInt();
    };
    const auto stored = [&] {
        return p.db.sql()
            .execAndGet("SELECT COALESCE(confirmed_on, '') FROM candidate WHERE id = " +
                        std::to_string(id))
            .getString();
    };
    auto c = confirm_candidate(p.db, "REF-1", std::nullopt, day("2026-12-01"), DryRun::yes);
    CHECK(c.id == id);
    CHECK(c.before.empty());
    CHECK(stored().empty());
    CHECK(audits() == 0);
    c = confirm_candidate(p.db, std::to_string(id), std::nullopt, day("2026-12-01"), DryRun::no);
    CHECK(stored() == "2026-12-01");
    CHECK(audits() == 1);
    c = confirm_candidate(p.db, "REF-1", std::nullopt, day("2026-12-02"), DryRun::no);
    CHECK(c.before == "2026-12-01");
    CHECK(confirmations_due(p.db, day("2026-12-03"), ExchangeSettings{}).empty());

    const auto archived = p.candidate("REF-2", "2025-01-01T10:00:00Z", false);
    const auto f = failure_of(
        [&] { confirm_candidate(p.db, "REF-2", std::nullopt, day("2026-12-01"), DryRun::no); });
    CHECK(f.kind == ErrorKind::conflict);
    CHECK(audits() == 2);
    (void)archived;
    CHECK(failure_of([&] {
              confirm_candidate(p.db, "nobody", std::nullopt, day("2026-12-01"), DryRun::no);
          }).kind == ErrorKind::not_found);
}
