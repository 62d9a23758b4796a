// SPDX-License-Identifier: GPL-3.0-or-later
// The global proposal: optimal (checked by exhaustive search), capacities kept, deterministic,
// and blind to the facts AGG § 1 protects.
#include "match/assign.hpp"
#include "match/matching.hpp"
#include "match/pool.hpp"
#include "reference/work_rules.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <random>

using namespace werkstatt;

namespace {

// Return the best total over `pairs` by trying every choice (small instances only).
std::int64_t brute_force(std::size_t candidates, const std::vector<std::int64_t>& positions,
                         const std::vector<ScoredPair>& pairs) {
    std::int64_t best = 0;
    std::vector<std::int64_t> left = positions;
    std::vector<bool> used(candidates, false);
    const std::function<void(std::size_t, std::int64_t)> go = [&](std::size_t k,
                                                                  std::int64_t total) {
        best = std::max(best, total);
        for (std::size_t i = k; i < pairs.size(); ++i) {
            const auto& p = pairs[i];
            if (used[p.candidate] || left[p.opening] == 0) {
                continue;
            }
            used[p.candidate] = true;
            --left[p.opening];
            go(i + 1, total + p.score_milli);
            used[p.candidate] = false;
            ++left[p.opening];
        }
    };
    go(0, 0);
    return best;
}

void check_valid(std::size_t candidates, const std::vector<std::int64_t>& positions,
                 const std::vector<ScoredPair>& pairs, const Assignment& a) {
    std::vector<int> per_candidate(candidates, 0);
    std::vector<std::int64_t> per_opening(positions.size(), 0);
    std::int64_t total = 0;
    for (const auto k : a.chosen) {
        ++per_candidate[pairs[k].candidate];
        ++per_opening[pairs[k].opening];
        total += pairs[k].score_milli;
    }
    for (const auto n : per_candidate) {
        CHECK(n <= 1);
    }
    for (std::size_t o = 0; o < positions.size(); ++o) {
        CHECK(per_opening[o] <= positions[o]);
    }
    CHECK(total == a.total_milli);
}

} // namespace

TEST_CASE("the assignment is optimal where greedy is not", "[match][assign]") {
    // Greedy takes A-X (10) and leaves B without an opening; the optimum is A-Y + B-X = 18.
    const std::vector<ScoredPair> pairs = {{0, 0, 10}, {0, 1, 9}, {1, 0, 9}};
    const auto a = assign_optimally(2, {1, 1}, pairs);
    CHECK(a.total_milli == 18);
    CHECK(a.chosen == std::vector<std::size_t>{1, 2});
}

TEST_CASE("an opening takes up to its positions, a candidate one opening", "[match][assign]") {
    const std::vector<ScoredPair> pairs = {{0, 0, 5}, {1, 0, 6}, {2, 0, 7}, {2, 1, 1}};
    const auto a = assign_optimally(3, {2, 1}, pairs);
    // Opening 0 takes candidates 1 and 2 (13); moving 2 to opening 1 would give 5 + 6 + 1 = 12.
    CHECK(a.total_milli == 13);
    check_valid(3, {2, 1}, pairs, a);
    const auto none = assign_optimally(3, {0, 0}, pairs);
    CHECK(none.chosen.empty());
    CHECK(assign_optimally(0, {}, {}).total_milli == 0);
}

TEST_CASE("pairs scoring nothing are not proposed", "[match][assign]") {
    const auto a = assign_optimally(2, {2}, {{0, 0, 0}, {1, 0, 3}});
    CHECK(a.chosen == std::vector<std::size_t>{1});
}

TEST_CASE("random instances: the solver's total equals exhaustive search", "[match][assign]") {
    std::mt19937 rng(20261125);
    for (int round = 0; round < 200; ++round) {
        const std::size_t candidates = 1 + rng() % 6;
        const std::size_t openings = 1 + rng() % 4;
        std::vector<std::int64_t> positions;
        for (std::size_t o = 0; o < openings; ++o) {
            positions.push_back(static_cast<std::int64_t>(rng() % 3));
        }
        std::vector<ScoredPair> pairs;
        for (std::uint32_t c = 0; c < candidates; ++c) {
            for (std::uint32_t o = 0; o < openings; ++o) {
                if (rng() % 3 != 0) {
                    pairs.push_back({c, o, static_cast<std::int64_t>(rng() % 100)});
                }
            }
        }
        const auto a = assign_optimally(candidates, positions, pairs);
        INFO("round " << round);
        check_valid(candidates, positions, pairs, a);
        CHECK(a.total_milli == brute_force(candidates, positions, pairs));
    }
}

TEST_CASE("solving the likely pairs first gives the optimum of all pairs", "[match][assign]") {
    std::mt19937 rng(4711);
    for (int round = 0; round < 12; ++round) {
        const std::size_t candidates = 50 + rng() % 150;
        const std::size_t openings = 20 + rng() % 100;
        std::vector<std::int64_t> positions;
        for (std::size_t o = 0; o < openings; ++o) {
            positions.push_back(1 + static_cast<std::int64_t>(rng() % 3));
        }
        std::vector<ScoredPair> pairs;
        for (std::uint32_t c = 0; c < candidates; ++c) {
            for (std::uint32_t o = 0; o < openings; ++o) {
                if (rng() % 4 != 0) {
                    // Few distinct scores: many ties, the hard case for a pruned problem.
                    pairs.push_back(
                        {c, o, static_cast<std::int64_t>(1 + rng() % (round % 2 ? 5 : 100000))});
                }
            }
        }
        INFO("round " << round);
        const auto all = assign_optimally(candidates, positions, pairs, AssignMethod::all_pairs);
        const auto likely =
            assign_optimally(candidates, positions, pairs, AssignMethod::likely_pairs_first);
        const auto automatic = assign_optimally(candidates, positions, pairs);
        check_valid(candidates, positions, pairs, likely);
        CHECK(likely.total_milli == all.total_milli);
        CHECK(automatic.total_milli == all.total_milli);
    }
}

namespace {

void add_company_and_openings(SQLite::Database& sql) {
    sql.exec("INSERT INTO company (key, name, plz, city, created_at, updated_at) VALUES "
             "('spedition', 'Spedition', '39104', 'Magdeburg', 'now', 'now')");
    sql.exec("INSERT INTO opening (company_id, title, kldb, german, plz, city, positions, "
             "created_at, updated_at) VALUES "
             "(1, 'Fahrer', '52122', 'B1', '39104', 'Magdeburg', 1, 'now', 'now'), "
             "(1, 'Lager', '51312', 'A2', '39104', 'Magdeburg', 2, 'now', 'now'), "
             "(1, 'Disponent', '51622', 'B2', '39104', 'Magdeburg', 1, 'now', 'now')");
}

void add_candidate(SQLite::Database& sql, const std::string& ref, const std::string& kldb,
                   const std::string& german, const std::string& plz, const std::string& gender,
                   const std::string& birth, const std::string& nationality,
                   const std::string& name) {
    SQLite::Statement q(sql, "INSERT INTO candidate (source, reference, first_name, last_name, "
                             "plz, kldb, german, residence_status, gender, birth_date, "
                             "nationality, created_at, updated_at) VALUES ('ba', ?, ?, ?, ?, ?, "
                             "?, 'schutz', ?, ?, ?, 'now', 'now')");
    q.bind(1, ref);
    q.bind(2, name);
    q.bind(3, name);
    q.bind(4, plz);
    q.bind(5, kldb);
    q.bind(6, german);
    q.bind(7, gender);
    q.bind(8, birth);
    q.bind(9, nationality);
    q.exec();
    // A matching consent without an end: matching uses only candidates who gave one.
    sql.exec("INSERT INTO consent (candidate_id, scope, source, recorded_at) VALUES "
             "(last_insert_rowid(), 'matching', 'form', 'now')");
}

// Return every feasible pair with its score and the proposal, as text.
std::string outcome(Database& db) {
    const auto pool = load_pool(db);
    MatchSettings s;
    s.today = *Date::parse_iso("2026-12-01");
    std::string out;
    for_each_feasible(pool, s, WorkRules::shipped(), true,
                      [&](std::size_t c, std::size_t o, const Evaluation& e) {
                          out += fmt::format("{}-{}:{}|", c, o, e.total_milli);
                          for (const auto& p : e.parts) {
                              out += p.reason + "|";
                          }
                      });
    Proposal p;
    p.pairs = score_pairs(pool, s, WorkRules::shipped());
    p.assignment = assign_pool(pool, p.pairs);
    for (const auto k : p.assignment.chosen) {
        out += fmt::format("[{}>{}]", p.pairs[k].candidate, p.pairs[k].opening);
    }
    return out;
}

} // namespace

TEST_CASE("gender, birth date, nationality and name change no score and no proposal",
          "[match][fairness]") {
    test::TestDatabase t;
    auto& sql = t.db().sql();
    add_company_and_openings(sql);
    add_candidate(sql, "A", "52122", "B1", "39104", "female", "1990-01-01", "syrisch", "Amal");
    add_candidate(sql, "B", "52122", "B1", "39104", "male", "1970-06-30", "deutsch", "Bernd");
    add_candidate(sql, "C", "51312", "A2", "39112", "diverse", "2001-03-03", "ukrainisch", "Olha");
    const auto before = outcome(t.db());
    REQUIRE(before.find('[') != std::string::npos);
    // Swap every protected fact between A and B, then change all of them for C.
    sql.exec("UPDATE candidate SET gender = CASE reference WHEN 'A' THEN 'male' ELSE 'female' END, "
             "birth_date = CASE reference WHEN 'A' THEN '1970-06-30' ELSE '1990-01-01' END, "
             "nationality = CASE reference WHEN 'A' THEN 'deutsch' ELSE 'syrisch' END, "
             "first_name = CASE reference WHEN 'A' THEN 'Bernd' ELSE 'Amal' END "
             "WHERE reference IN ('A', 'B')");
    sql.exec("UPDATE candidate SET gender = 'unspecified', birth_date = '1950-12-31', "
             "nationality = 'afghanisch', nationality_code = 'AF', first_name = 'X', "
             "last_name = 'Y', employment_at_entry = 'long-term-unemployed', isced = 1 "
             "WHERE reference = 'C'");
    CHECK(outcome(t.db()) == before);
}

TEST_CASE("the pool's freshness facts change no score; only the pause and the permit rules "
          "exclude",
          "[match][fairness]") {
    // #16: the confirmation day, the record's age, card shares and a mentor must not change a
    // score or an exclusion, except that a confirmation exchange.pause_days old pauses the
    // person (a rule of time, not of who the person is). The permit's end excludes once it has
    // passed and otherwise only warns: it never changes a score either.
    test::TestDatabase t;
    auto& sql = t.db().sql();
    add_company_and_openings(sql);
    add_candidate(sql, "A", "52122", "B1", "39104", "female", "1990-01-01", "syrisch", "Amal");
    add_candidate(sql, "B", "52122", "B1", "39104", "male", "1970-06-30", "deutsch", "Bernd");
    add_candidate(sql, "C", "51312", "A2", "39112", "diverse", "2001-03-03", "ukrainisch", "Olha");
    const auto before = outcome(t.db());
    REQUIRE(before.find('[') != std::string::npos);

    SECTION("confirmation days within the pause, the record's age, shares and a mentor") {
        sql.exec("UPDATE candidate SET confirmed_on = CASE reference WHEN 'A' THEN '2026-06-05' "
                 "WHEN 'B' THEN '2026-11-30' ELSE NULL END, created_at = CASE reference WHEN "
                 "'C' THEN '2026-06-05T08:00:00Z' ELSE '2020-01-01T08:00:00Z' END");
        sql.exec("INSERT INTO card_share (candidate_id, company_id, opening_id, shared_at) "
                 "VALUES (1, 1, 1, '2026-11-01T10:00:00Z'), (3, 1, 2, '2026-11-02T10:00:00Z')");
        sql.exec("INSERT INTO contact (company_id, name, created_at, updated_at) VALUES "
                 "(1, 'Mentorin', 'now', 'now')");
        sql.exec("INSERT INTO placement (candidate_id, opening_id, status, mentor_id, "
                 "created_at, updated_at) VALUES (2, 3, 'proposed', 1, 'now', 'now')");
        CHECK(outcome(t.db()) == before);
    }
    SECTION("a permit that ends soon warns but scores and proposes the same") {
        sql.exec("UPDATE candidate SET permit_until = CASE reference WHEN 'A' THEN '2026-12-01' "
                 "WHEN 'B' THEN '2027-01-15' ELSE '2031-01-01' END");
        CHECK(outcome(t.db()) == before);
        const auto pool = load_pool(t.db());
        MatchSettings s;
        s.today = *Date::parse_iso("2026-12-01");
        std::size_t warned = 0;
        for_each_feasible(pool, s, WorkRules::shipped(), true,
                          [&](std::size_t, std::size_t, const Evaluation& e) {
                              warned += e.permit_warning ? 1 : 0;
                          });
        CHECK(warned > 0);
    }
    SECTION("only the pause rule and an ended permit take a person out") {
        sql.exec("UPDATE candidate SET confirmed_on = '2026-06-04' WHERE reference = 'A'");
        sql.exec("UPDATE candidate SET permit_until = '2026-11-30' WHERE reference = 'C'");
        // The scored pairs ("candidate-opening:score") of one candidate index in `text`.
        const auto pairs_of = [](const std::string& text, char who) {
            std::string kept;
            std::size_t at = 0;
            while (at < text.size()) {
                const auto end = text.find('|', at);
                const auto item = text.substr(at, end - at);
                if (item.size() > 2 && item[0] == who && item[1] == '-' &&
                    item.find(':') != std::string::npos) {
                    kept += item + ";";
                }
                at = end == std::string::npos ? text.size() : end + 1;
            }
            return kept;
        };
        const auto after = outcome(t.db());
        CHECK_FALSE(pairs_of(before, '0').empty());
        CHECK(pairs_of(after, '0').empty()); // A: paused
        CHECK_FALSE(pairs_of(before, '2').empty());
        CHECK(pairs_of(after, '2').empty());                  // C: permit ended
        CHECK(pairs_of(after, '1') == pairs_of(before, '1')); // B as before
    }
}

TEST_CASE("the same pool gives the same proposal, ties by stable order", "[match][assign]") {
    test::TestDatabase t;
    auto& sql = t.db().sql();
    add_company_and_openings(sql);
    // Three equal candidates for one position: the same one wins every time.
    for (const char* ref : {"T1", "T2", "T3"}) {
        add_candidate(sql, ref, "51622", "B2", "39104", "unspecified", "", "", "");
    }
    const auto first = outcome(t.db());
    for (int i = 0; i < 5; ++i) {
        CHECK(outcome(t.db()) == first);
    }
}
