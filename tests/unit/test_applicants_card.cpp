// SPDX-License-Identifier: GPL-3.0-or-later
// The candidate card: its pseudonym, what it shows and never shows, and when it may go.
#include "applicants/card.hpp"

#include "applicants/consent.hpp"
#include "applicants/exchange.hpp"
#include "applicants/fields.hpp"
#include "store/card_store.hpp"
#include "store/import_store.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace werkstatt;
using werkstatt::test::day;
using werkstatt::test::TestDatabase;

namespace {

// A candidate with a distinctive value in every field a card must never show.
std::int64_t add_candidate(Database& db, const char* status = "duldung",
                           const char* reference = "REF-XY-991") {
    const auto& s = candidate_schema();
    auto cells = default_cells(RecordKind::candidate);
    const auto set = [&](const char* column, const char* value) {
        cells[s.index(column)] = std::string(value);
    };
    set("source", "jc-quelle");
    set("reference", reference);
    set("first_name", "Zuleika");
    set("last_name", "Quastenberg");
    set("email", "zuleika@example.org");
    set("phone", "+49 391 5550147");
    set("plz", "39218");
    set("city", "Schönebeck (Elbe)");
    set("kldb", "52122");
    set("occupation", "Berufskraftfahrerin");
    set("german", "B1");
    set("languages", "ar:native;en:B2;de:B1");
    set("residence_status", status);
    set("recognition", "not-required");
    set("licences", "B, CE");
    set("available_from", "2027-01-01");
    set("radius_km", "30");
    set("notes", "Geheimnotiz Rueckruf");
    set("birth_date", "1987-06-05");
    set("nationality", "eritreisch");
    derive_columns(RecordKind::candidate, cells);
    RecordTable table(db, RecordKind::candidate);
    return table.insert(cells, std::nullopt, "2026-11-01T10:00:00Z");
}

void consent(Database& db, std::int64_t id, const char* given, const char* until) {
    ConsentChange c;
    c.scopes = {Scope::matching, Scope::sharing};
    c.given_on = day(given);
    c.valid_until = day(until);
    record_consent(db, std::to_string(id), std::nullopt, c, day("2026-12-01"), DryRun::no);
}

const char* const k_protected[] = {"Zuleika",    "Quastenberg", "zuleika@example.org",
                                   "5550147",    "39218",       "Schönebeck",
                                   "REF-XY-991", "jc-quelle",   "Geheimnotiz",
                                   "1987",       "05.06",       "eritreisch",
                                   "Duldung",    "duldung",     "female"};

} // namespace

TEST_CASE("card_number: a keyed permutation, the same for the same key", "[applicants][card]") {
    const std::uint64_t key = 0x5eed1234abcdULL;
    std::set<std::int64_t> small;
    bool ordered = true;
    std::int64_t previous = -1;
    for (std::int64_t id = 1; id < 10000; ++id) {
        const auto n = card_number(id, key);
        CHECK((n >= 0 && n < 10000));
        small.insert(n);
        if (id <= 20) {
            ordered = ordered && n > previous;
            previous = n;
        }
    }
    CHECK(small.size() == 9999); // no two persons share a number
    CHECK_FALSE(ordered);        // the numbers do not follow the order of the ids
    std::set<std::int64_t> large;
    for (std::int64_t id = 10000; id < 100000; id += 7) {
        const auto n = card_number(id, key);
        CHECK((n >= 10000 && n < 100000));
        large.insert(n);
    }
    CHECK(large.size() == (100000 - 10000 + 6) / 7);
    CHECK(card_number(417, key) == card_number(417, key));
    CHECK(card_number(417, key) != card_number(417, key + 1));
    CHECK(card_number(1234567, key) >= 1000000);
    CHECK(card_pseudonym(3, key).size() == 6);
    CHECK(card_pseudonym(3, key).rfind("K-", 0) == 0);
}

TEST_CASE("card: shows the work facts and none of the protected ones", "[applicants][card]") {
    TestDatabase t;
    const auto id = add_candidate(t.db());
    const auto record = require_candidate(t.db(), std::to_string(id), std::nullopt);
    const auto card = load_card(t.db(), record, std::nullopt, WorkRules::shipped());
    CHECK(card.pseudonym == card_pseudonym(id, card_key(t.db())));
    CHECK(card.district == "Salzlandkreis"); // the district, not the town
    CHECK(card.languages.size() == 2);       // German has its own line
    CHECK(card.work_rule.permission == WorkPermission::permit_required);
    const CardContext context{Language::en, day("2026-12-01"), "Werkstatt"};
    for (const auto format : {CardFormat::markdown, CardFormat::html}) {
        const auto text = render_cards({card}, format, context);
        INFO(text);
        CHECK_THAT(text, Catch::Contains("Application " + card.pseudonym));
        CHECK_THAT(text, Catch::Contains("Berufskraftfahrerin (KldB 52122)"));
        CHECK_THAT(text, Catch::Contains("Skilled worker"));
        CHECK_THAT(text, Catch::Contains("Arabic (native language), English (B2)"));
        CHECK_THAT(text, Catch::Contains("B, CE"));
        CHECK_THAT(text, Catch::Contains("up to 30 km"));
        CHECK_THAT(text, Catch::Contains("from 2027-01-01"));
        CHECK_THAT(text, Catch::Contains("Beschäftigungserlaubnis"));
        for (const char* value : k_protected) {
            CHECK_THAT(text, !Catch::Contains(value));
        }
        CHECK_THAT(text, !Catch::Contains(std::to_string(id) + ")"));
    }
}

TEST_CASE("card: HTML escapes, a title for the company, one page per card", "[applicants][card]") {
    TestDatabase t;
    const auto a = add_candidate(t.db(), "eu");
    const auto b = add_candidate(t.db(), "unknown", "REF-2");
    const auto card_a =
        load_card(t.db(), require_candidate_id(t.db(), a), std::nullopt, WorkRules::shipped());
    auto card_b =
        load_card(t.db(), require_candidate_id(t.db(), b), std::nullopt, WorkRules::shipped());
    card_b.occupation = "Fahrer <b>&\"x\"";
    const CardContext context{Language::en, day("2027-02-01"), "Werkstatt"};
    const auto html = cards_html({card_a, card_b}, context, "Spedition <Elbe>");
    CHECK_THAT(html, Catch::Contains("<title>Applications for Spedition &lt;Elbe&gt;</title>"));
    CHECK_THAT(html, Catch::Contains("Fahrer &lt;b&gt;&amp;&quot;x&quot;"));
    CHECK_THAT(html, Catch::Contains(".card + .card { break-before: page; }"));
    CHECK_THAT(html, Catch::Contains("@page { size: A4;"));
    CHECK_THAT(html, Catch::Contains("<td>now</td>"));
    CHECK_THAT(html, Catch::Contains("May take up any employment"));
    CHECK_THAT(html, Catch::Contains("Not clarified yet"));
    const auto md = card_markdown(card_b, context);
    CHECK_THAT(md, Catch::Contains("Fahrer \\<b\\>&\"x\""));
}

TEST_CASE("card: may go only with a consent to sharing that holds, while in the exchange",
          "[applicants][card]") {
    TestDatabase t;
    auto& db = t.db();
    const auto id = add_candidate(db);
    const auto why = [&](const char* on) {
        return why_not_shareable(db, require_candidate_id(db, id), day(on)).value_or("");
    };
    CHECK_THAT(why("2026-12-01"), Catch::Contains("has not consented"));
    consent(db, id, "2026-11-01", "2027-06-30");
    CHECK(why("2026-12-01").empty());
    CHECK_THAT(why("2026-10-01"), Catch::Contains("holds only from 2026-11-01"));
    CHECK_THAT(why("2027-07-01"), Catch::Contains("ended on 2027-06-30"));
    ConsentChange withdraw;
    withdraw.scopes = {Scope::sharing};
    withdraw.withdraw = true;
    withdraw.withdrawn_on = day("2027-01-15");
    record_consent(db, std::to_string(id), std::nullopt, withdraw, day("2027-01-15"), DryRun::no);
    CHECK(why("2027-01-14").empty());
    CHECK_THAT(why("2027-01-15"), Catch::Contains("withdrew their consent"));
    edit_exchange(db, RecordKind::candidate, id, {{"active", "false"}}, DryRun::no);
    CHECK_THAT(why("2027-01-01"), Catch::Contains("is archived"));
}

TEST_CASE("card: formats by name", "[applicants][card]") {
    CHECK(parse_card_format("md") == CardFormat::markdown);
    CHECK(parse_card_format("markdown") == CardFormat::markdown);
    CHECK(parse_card_format("html") == CardFormat::html);
    CHECK_FALSE(parse_card_format("pdf").has_value());
}
