// SPDX-License-Identifier: GPL-3.0-or-later
// Consent per scope: names, the day it holds, recording and withdrawing it.
#include "applicants/consent.hpp"

#include "applicants/fields.hpp"
#include "core/error.hpp"
#include "store/import_store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

using namespace werkstatt;
using werkstatt::test::day;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;

namespace {

std::int64_t add_candidate(Database& db, const std::string& reference) {
    const auto& s = candidate_schema();
    auto cells = default_cells(RecordKind::candidate);
    cells[s.index("source")] = std::string("ba");
    cells[s.index("reference")] = reference;
    RecordTable table(db, RecordKind::candidate);
    return table.insert(cells, std::nullopt, "2026-11-01T10:00:00Z");
}

ConsentChange given(std::vector<Scope> scopes, const char* on, const char* until = nullptr) {
    ConsentChange c;
    c.scopes = std::move(scopes);
    c.given_on = day(on);
    if (until != nullptr) {
        c.valid_until = day(until);
    }
    return c;
}

int audit_rows(Database& db, const char* action) {
    SQLite::Statement q(db.sql(), "SELECT count(*) FROM audit_log WHERE action = ?");
    q.bind(1, action);
    q.executeStep();
    return q.getColumn(0).getInt();
}

} // namespace

TEST_CASE("consent: scopes by their English and German names", "[applicants][consent]") {
    CHECK(parse_scope("matching") == Scope::matching);
    CHECK(parse_scope("Vermittlung") == Scope::matching);
    CHECK(parse_scope("WEITERGABE") == Scope::sharing);
    CHECK(parse_scope("Berichte") == Scope::reporting);
    CHECK_FALSE(parse_scope("marketing").has_value());
    CHECK(to_string(Scope::sharing) == "sharing");
    CHECK(parse_scope_list("reporting, Vermittlung;matching") ==
          std::vector<Scope>{Scope::matching, Scope::reporting});
    const auto f = failure_of([] { parse_scope_list("matching,werbung"); });
    CHECK(f.kind == ErrorKind::bad_data);
    CHECK_THAT(f.message, Catch::Contains("'werbung'"));
    CHECK(failure_of([] { parse_scope_list(" , "); }).kind == ErrorKind::bad_data);
}

TEST_CASE("consent: valid on a day between given and until, not from the withdrawal on",
          "[applicants][consent]") {
    Consent c;
    CHECK(c.valid_on(day("2026-01-01"))); // nothing said: holds until withdrawn
    c.given_on = day("2026-03-01");
    c.valid_until = day("2026-12-31");
    CHECK_FALSE(c.valid_on(day("2026-02-28")));
    CHECK(c.valid_on(day("2026-03-01")));
    CHECK(c.valid_on(day("2026-12-31")));
    CHECK_FALSE(c.valid_on(day("2027-01-01")));
    c.withdrawn_on = day("2026-06-01");
    CHECK(c.valid_on(day("2026-05-31")));
    CHECK_FALSE(c.valid_on(day("2026-06-01")));
}

TEST_CASE("consent: recorded per scope in one write with one audit row, may_share reads sharing",
          "[applicants][consent]") {
    TestDatabase t;
    auto& db = t.db();
    const auto id = add_candidate(db, "K-1");
    const auto today = day("2026-12-01");
    auto out = record_consent(db, "K-1", std::nullopt,
                              given({Scope::matching, Scope::sharing}, "2026-11-01", "2027-10-31"),
                              today, DryRun::no);
    CHECK(out.candidate_id == id);
    CHECK(out.before.empty());
    REQUIRE(out.after.size() == 2);
    CHECK(audit_rows(db, "consent") == 1);
    CHECK(may_share(db, id, today));
    CHECK_FALSE(may_share(db, id, day("2027-11-01")));
    CHECK_FALSE(consent_valid_on(db, id, Scope::reporting, today));

    SECTION("an extension keeps the day it was given") {
        ConsentChange longer;
        longer.scopes = {Scope::sharing};
        longer.valid_until = day("2028-10-31");
        record_consent(db, "K-1", std::nullopt, longer, today, DryRun::no);
        const auto sharing = find_consent(read_consents(db, id), Scope::sharing);
        REQUIRE(sharing);
        CHECK(sharing->given_on == day("2026-11-01"));
        CHECK(sharing->valid_until == day("2028-10-31"));
    }
    SECTION("a withdrawal ends it from its day on, and only for its scopes") {
        ConsentChange w;
        w.scopes = {Scope::sharing};
        w.withdraw = true;
        w.source = ConsentSource::form; // withdrawn on a form; it was given by hand
        const auto given_as = find_consent(read_consents(db, id), Scope::sharing)->source;
        record_consent(db, "K-1", std::nullopt, w, today, DryRun::no);
        // It keeps how it was given; the audit row says how it was withdrawn.
        CHECK(find_consent(read_consents(db, id), Scope::sharing)->source == given_as);
        CHECK_FALSE(may_share(db, id, today));
        CHECK(may_share(db, id, today + -1));
        CHECK(consent_valid_on(db, id, Scope::matching, today));
        CHECK(audit_rows(db, "consent-withdraw") == 1);
        SECTION("a new consent replaces the withdrawn one") {
            record_consent(db, "K-1", std::nullopt, given({Scope::sharing}, "2026-12-05"), today,
                           DryRun::no);
            const auto c = find_consent(read_consents(db, id), Scope::sharing);
            CHECK_FALSE(c->withdrawn_on.has_value());
            CHECK_FALSE(c->valid_until.has_value()); // not kept from the withdrawn one
            CHECK(may_share(db, id, day("2026-12-05")));
        }
    }
    SECTION("a dry run writes nothing") {
        record_consent(db, "K-1", std::nullopt, given({Scope::reporting}, "2026-11-01"), today,
                       DryRun::yes);
        CHECK_FALSE(find_consent(read_consents(db, id), Scope::reporting));
    }
}

TEST_CASE("consent: what cannot be recorded is refused and writes nothing",
          "[applicants][consent]") {
    TestDatabase t;
    auto& db = t.db();
    const auto id = add_candidate(db, "K-1");
    const auto today = day("2026-12-01");
    auto f = failure_of([&] {
        record_consent(db, "K-1", std::nullopt,
                       given({Scope::matching, Scope::sharing}, "2026-11-01", "2026-10-31"), today,
                       DryRun::no);
    });
    CHECK(f.kind == ErrorKind::bad_data);
    CHECK_THAT(f.message, Catch::Contains("before it was given"));
    CHECK(read_consents(db, id).empty());
    f = failure_of([&] {
        record_consent(db, "K-9", std::nullopt, given({Scope::matching}, "2026-11-01"), today,
                       DryRun::no);
    });
    CHECK(f.kind == ErrorKind::not_found);
    ConsentChange nothing;
    nothing.scopes = {Scope::matching};
    CHECK(failure_of([&] {
              record_consent(db, "K-1", std::nullopt, nothing, today, DryRun::no);
          }).kind == ErrorKind::usage);
    record_consent(db, "K-1", std::nullopt, given({Scope::matching}, "2026-11-01"), today,
                   DryRun::no);
    ConsentChange early;
    early.scopes = {Scope::matching};
    early.withdraw = true;
    early.withdrawn_on = day("2026-10-01");
    CHECK(failure_of([&] {
              record_consent(db, "K-1", std::nullopt, early, today, DryRun::no);
          }).kind == ErrorKind::bad_data);
    CHECK_FALSE(find_consent(read_consents(db, id), Scope::matching)->withdrawn_on);
}

TEST_CASE("consent: an agency file's consent never lifts a withdrawal it predates",
          "[applicants][consent]") {
    TestDatabase t;
    auto& db = t.db();
    const auto id = add_candidate(db, "K-1");
    ConsentTable table(db);
    for (int i = 0; i < 4; ++i) { // batches 1 to 4, which the consents below name
        ImportBatch b;
        b.kind = "candidate";
        insert_batch(db, b);
    }
    FileConsent file{{Scope::matching, Scope::sharing}, std::nullopt, day("2027-12-31")};
    auto done = apply_file_consent(table, id, file, 1, "2026-12-01T00:00:00Z");
    CHECK(done.changed);
    CHECK(done.before.empty());
    CHECK(find_consent(read_consents(db, id), Scope::matching)->source ==
          ConsentSource::agency_file);
    // The same again changes nothing.
    CHECK_FALSE(apply_file_consent(table, id, file, 2, "2026-12-02T00:00:00Z").changed);
    ConsentChange w;
    w.scopes = {Scope::matching};
    w.withdraw = true;
    record_consent(db, "K-1", std::nullopt, w, day("2026-12-10"), DryRun::no);
    file.valid_until = day("2028-12-31");
    done = apply_file_consent(table, id, file, 3, "2026-12-11T00:00:00Z");
    CHECK(done.kept_withdrawn == std::vector<Scope>{Scope::matching});
    CHECK(find_consent(read_consents(db, id), Scope::matching)->withdrawn_on);
    // Given after the withdrawal: a new consent.
    file.given_on = day("2026-12-20");
    done = apply_file_consent(table, id, file, 4, "2026-12-21T00:00:00Z");
    CHECK(done.kept_withdrawn.empty());
    CHECK_FALSE(find_consent(read_consents(db, id), Scope::matching)->withdrawn_on);
}

TEST_CASE("consent: an import's new records get their consents many at once",
          "[applicants][consent]") {
    TestDatabase t;
    auto& db = t.db();
    ImportBatch b;
    b.kind = "candidate";
    insert_batch(db, b);
    ConsentTable table(db);
    const FileConsent file{{Scope::matching, Scope::sharing}, day("2026-11-02"), day("2027-11-30")};
    // One record the way of every update: what the many-at-once way must write alike.
    const auto first = add_candidate(db, "K-0");
    REQUIRE(apply_file_consent(table, first, file, 1, "2026-12-01T00:00:00Z").changed);
    // 37 more: two rows each, 74 rows, so two statements of many rows and ten of one.
    std::vector<ConsentRow> rows;
    std::vector<std::int64_t> ids;
    for (int i = 1; i <= 37; ++i) {
        ids.push_back(add_candidate(db, "K-" + std::to_string(i)));
        for (auto& row : new_record_consents(ids.back(), file, 1, "2026-12-01T00:00:00Z")) {
            rows.push_back(std::move(row));
        }
    }
    REQUIRE(rows.size() == 74);
    table.insert(rows);
    const auto expected = consent_rows(db, first);
    REQUIRE(expected.size() == 2);
    for (const auto id : ids) {
        const auto written = consent_rows(db, id);
        REQUIRE(written.size() == 2);
        for (std::size_t k = 0; k < 2; ++k) {
            CHECK(written[k].scope == expected[k].scope);
            CHECK(written[k].given_on == expected[k].given_on);
            CHECK(written[k].valid_until == expected[k].valid_until);
            CHECK(written[k].source == expected[k].source);
            CHECK(written[k].batch_id == expected[k].batch_id);
            CHECK(written[k].recorded_at == expected[k].recorded_at);
        }
    }
    CHECK(all_consent_rows(db).size() == 38);
    // A consent that exists already is not written over: the insert fails.
    CHECK_THROWS(table.insert({rows.front()}));
}
