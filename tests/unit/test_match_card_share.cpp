// SPDX-License-Identifier: GPL-3.0-or-later
// Cards given to member companies: recorded with the placement they introduce and one audit row,
// or refused with nothing written.
#include "match/card_share.hpp"

#include "applicants/consent.hpp"
#include "applicants/fields.hpp"
#include "store/import_store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;

namespace {

const Date k_day = *Date::parse_iso("2026-12-01");

std::int64_t count(Database& db, const char* sql) {
    SQLite::Statement q(db.sql(), sql);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

// A company "spedition" with opening 1, a company "pflege", and candidate 1 (reference C-1)
// proposed for opening 1; with `consent`, they consented to sharing until the end of 2027.
void prepare(Database& db, bool consent) {
    db.sql().exec("INSERT INTO company (key, name, plz, created_at, updated_at) VALUES "
                  "('spedition', 'Spedition Elbe', '39104', 'x', 'x'), "
                  "('pflege', 'Saale-Pflege', '06108', 'x', 'x')");
    db.sql().exec("INSERT INTO opening (company_id, title, plz, created_at, updated_at) VALUES "
                  "(1, 'Fahrer', '39104', 'x', 'x')");
    const auto& s = candidate_schema();
    auto cells = default_cells(RecordKind::candidate);
    cells[s.index("source")] = std::string("ba");
    cells[s.index("reference")] = std::string("C-1");
    cells[s.index("first_name")] = std::string("Zuleika");
    RecordTable(db, RecordKind::candidate).insert(cells, std::nullopt, "2026-11-01T10:00:00Z");
    db.sql().exec("INSERT INTO placement (candidate_id, opening_id, status, created_at, "
                  "updated_at) VALUES (1, 1, 'proposed', 'x', 'x')");
    if (consent) {
        ConsentChange c;
        c.scopes = {Scope::sharing};
        c.given_on = *Date::parse_iso("2026-11-01");
        c.valid_until = *Date::parse_iso("2027-12-31");
        record_consent(db, "C-1", std::nullopt, c, k_day, DryRun::no);
    }
}

} // namespace

TEST_CASE("card_share: a card for a company is recorded and introduces the placement",
          "[match][card]") {
    TestDatabase t;
    auto& db = t.db();
    prepare(db, true);
    int delivered = 0;
    const auto deliver = [&](const CandidateCard&) { ++delivered; };
    const CardRequest request{"C-1", std::nullopt, 1, "spedition"};

    const auto dry = make_card(db, request, WorkRules::shipped(), k_day, DryRun::yes, deliver);
    CHECK(delivered == 0);
    CHECK(dry.placement.has_value());
    CHECK(count(db, "SELECT count(*) FROM card_share") == 0);
    CHECK(count(db, "SELECT count(*) FROM placement WHERE status = 'proposed'") == 1);

    const auto made = make_card(db, request, WorkRules::shipped(), k_day, DryRun::no, deliver);
    CHECK(delivered == 1);
    CHECK(made.share_id.has_value());
    CHECK(made.card.opening->company_name == "Spedition Elbe");
    CHECK(count(db, "SELECT count(*) FROM card_share WHERE candidate_id = 1 AND company_id = 1 "
                    "AND opening_id = 1") == 1);
    CHECK(count(db, "SELECT count(*) FROM placement WHERE status = 'introduced' AND "
                    "introduced_on = '2026-12-01'") == 1);
    CHECK(count(db, "SELECT count(*) FROM audit_log WHERE entity = 'candidate' AND entity_id = 1 "
                    "AND action = 'share' AND details LIKE '%proposed->introduced'") == 1);
    CHECK(count(db, "SELECT count(*) FROM audit_log WHERE details LIKE '%Zuleika%'") == 0);

    // Given again: recorded again, the placement stays introduced and no placement row is audited.
    const auto again = make_card(db, request, WorkRules::shipped(), k_day, DryRun::no, deliver);
    CHECK_FALSE(again.placement.has_value());
    CHECK(count(db, "SELECT count(*) FROM card_share") == 2);
    CHECK(count(db, "SELECT count(*) FROM audit_log WHERE entity = 'placement'") == 0);
}

TEST_CASE("card_share: refused without consent, for another company's opening, or when the "
          "delivery fails, with nothing written",
          "[match][card]") {
    TestDatabase t;
    auto& db = t.db();
    prepare(db, false);
    const auto audit_rows = count(db, "SELECT count(*) FROM audit_log");
    const auto deliver = [](const CandidateCard&) {};
    const auto refused = failure_of([&] {
        make_card(db, CardRequest{"C-1", std::nullopt, 1, "spedition"}, WorkRules::shipped(), k_day,
                  DryRun::no, deliver);
    });
    CHECK(refused.kind == ErrorKind::conflict);
    CHECK_THAT(refused.message, Catch::Contains("has not consented"));
    const auto other = failure_of([&] {
        make_card(db, CardRequest{"C-1", std::nullopt, 1, "pflege"}, WorkRules::shipped(), k_day,
                  DryRun::no, deliver);
    });
    CHECK(other.kind == ErrorKind::usage);
    const auto unknown = failure_of([&] {
        make_card(db, CardRequest{"C-1", std::nullopt, 1, "nobody"}, WorkRules::shipped(), k_day,
                  DryRun::no, deliver);
    });
    CHECK(unknown.kind == ErrorKind::not_found);
    CHECK(count(db, "SELECT count(*) FROM card_share") == 0);
    CHECK(count(db, "SELECT count(*) FROM placement WHERE status = 'proposed'") == 1);
    CHECK(count(db, "SELECT count(*) FROM audit_log") == audit_rows);

    // A card that cannot be delivered (the file cannot be written) records nothing.
    ConsentChange c;
    c.scopes = {Scope::sharing};
    c.given_on = *Date::parse_iso("2026-11-01");
    record_consent(db, "C-1", std::nullopt, c, k_day, DryRun::no);
    const auto failed = failure_of([&] {
        make_card(db, CardRequest{"C-1", std::nullopt, 1, "spedition"}, WorkRules::shipped(), k_day,
                  DryRun::no, [](const CandidateCard&) {
                      throw Error(ErrorKind::output, "cannot write; check the folder");
                  });
    });
    CHECK(failed.kind == ErrorKind::output);
    CHECK(count(db, "SELECT count(*) FROM card_share") == 0);
    CHECK(count(db, "SELECT count(*) FROM placement WHERE status = 'proposed'") == 1);
}
