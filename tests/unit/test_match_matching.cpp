// SPDX-License-Identifier: GPL-3.0-or-later
// One reach rule for every path: on random pools, the pairs a ranking calls feasible are exactly
// the pairs the indexed searches (for_each_feasible, score_pairs) list.
#include "match/matching.hpp"
#include "reference/geo.hpp"
#include "reference/plz_directory.hpp"
#include "reference/work_rules.hpp"
#include "support.hpp"

#include <cmath>
#include <fmt/format.h>
#include <map>
#include <random>
#include <set>
#include <utility>

using namespace werkstatt;

namespace {

using Pair = std::pair<std::size_t, std::size_t>;

class RandomPool {
  public:
    explicit RandomPool(unsigned seed) : m_random(seed) {}

    MatchPool make() {
        MatchPool pool;
        const int candidates = between(0, 25);
        const int openings = between(0, 25);
        for (int i = 0; i < openings; ++i) {
            pool.openings.push_back(opening(i + 1));
        }
        for (int i = 0; i < candidates; ++i) {
            pool.candidates.push_back(candidate(i + 1, pool));
        }
        return pool;
    }

    MatchSettings settings() {
        MatchSettings s;
        s.default_radius_km = between(0, 60);
        s.min_kldb_digits = between(-1, 6);
        s.today = *Date::parse_iso("2027-01-01");
        return s;
    }

  private:
    int between(int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(m_random);
    }
    bool chance(int percent) { return between(1, 100) <= percent; }

    // A PLZ and place: mostly from the shipped data (a place of the code, a place with an
    // Ortsteil, or no place), sometimes a code outside it or none.
    std::pair<std::string, std::optional<LonLat>> place() {
        if (chance(10)) {
            return {chance(50) ? "10115" : "", std::nullopt};
        }
        for (;;) {
            const auto code = Plz::parse(fmt::format("{:05}", between(1000, 39999)));
            const auto& places = PlzDirectory::shipped().places(*code);
            if (places.empty()) {
                continue;
            }
            const auto& p = places[static_cast<std::size_t>(between(0, int(places.size()) - 1))];
            const auto city = chance(30)   ? std::string()
                              : chance(20) ? p.place + " OT Mitte"
                                           : p.place;
            return {code->str(), locate(*code, city)};
        }
    }

    std::optional<KldbCode> kldb() {
        if (chance(15)) {
            return std::nullopt;
        }
        // Few main groups, so that codes often share digits.
        return KldbCode::parse(fmt::format("{}{}{}{}{}", between(2, 3), between(1, 3),
                                           between(1, 2), between(0, 1), between(1, 4)));
    }

    MatchOpening opening(std::int64_t id) {
        MatchOpening o;
        o.id = id;
        o.company = "c";
        std::tie(o.plz, o.location) = place();
        o.kldb = kldb();
        o.positions = between(1, 2);
        if (chance(40)) {
            o.max_distance_km = between(0, 120);
        }
        return o;
    }

    MatchCandidate candidate(std::int64_t id, const MatchPool& pool) {
        MatchCandidate c;
        c.id = id;
        std::tie(c.plz, c.location) = place();
        // Some candidates lie just inside or outside an opening's limit, due north, south, east or
        // west, where the index's bounds of latitude and longitude are tightest: the rule compares
        // the distance rounded to 100 m.
        if (!pool.openings.empty() && chance(25)) {
            const auto& o =
                pool.openings[static_cast<std::size_t>(between(0, int(pool.openings.size()) - 1))];
            if (o.location) {
                c.radius_km = between(0, 80);
                const double limit =
                    static_cast<double>(std::max(*c.radius_km, o.max_distance_km.value_or(0)));
                const double off = between(-8, 8) / 100.0;
                const double d = std::max(0.0, limit + off);
                const double sign = chance(50) ? 1.0 : -1.0;
                if (chance(50)) { // due north or south
                    c.location = LonLat{o.location->lon, o.location->lat + sign * d / 111.19493};
                } else { // due east or west, on the same parallel
                    const double rad = std::acos(-1.0) / 180.0;
                    const double dlon =
                        2 *
                        std::asin(std::sin(d / (2 * 6371.0)) / std::cos(o.location->lat * rad)) /
                        rad;
                    c.location = LonLat{o.location->lon + sign * dlon, o.location->lat};
                }
                c.plz = o.plz;
            }
        } else if (chance(70)) {
            c.radius_km = between(0, 80);
        }
        c.kldb = kldb();
        const auto statuses = all_residence_statuses();
        c.residence =
            chance(80) ? ResidenceStatus::schutz
                       : statuses[static_cast<std::size_t>(between(0, int(statuses.size()) - 1))];
        c.consent = Consent{};
        c.consent->scope = Scope::matching;
        if (chance(10)) {
            c.consent->valid_until = Date::parse_iso("2026-06-01");
        }
        for (const auto& o : pool.openings) {
            if (chance(5)) {
                c.closed_openings.push_back(o.id);
            }
        }
        return c;
    }

    std::mt19937 m_random;
};

} // namespace

TEST_CASE("rankings and the indexed searches find the same feasible pairs", "[match]") {
    const auto& rules = WorkRules::shipped();
    std::size_t feasible_seen = 0;
    std::size_t far_seen = 0;
    std::size_t unrelated_seen = 0;
    for (unsigned seed = 1; seed <= 300; ++seed) {
        RandomPool random(seed);
        const auto pool = random.make();
        const auto settings = random.settings();
        INFO("seed " << seed << ", default radius " << settings.default_radius_km
                     << ", min KldB digits " << settings.min_kldb_digits);

        std::set<Pair> ranked;
        for (std::size_t oi = 0; oi < pool.openings.size(); ++oi) {
            const auto r =
                rank_candidates(pool, oi, pool.candidates.size(), settings, rules, false);
            for (const auto& x : r.best) {
                ranked.insert({x.index, oi});
            }
            far_seen += r.excluded[static_cast<std::size_t>(Rule::too_far)];
            unrelated_seen += r.excluded[static_cast<std::size_t>(Rule::occupation_unrelated)];
        }
        std::set<Pair> by_candidate;
        for (std::size_t ci = 0; ci < pool.candidates.size(); ++ci) {
            for (const auto& x :
                 rank_openings(pool, ci, pool.openings.size(), settings, rules, false).best) {
                by_candidate.insert({ci, x.index});
            }
        }
        std::set<Pair> visited;
        std::map<Pair, std::int64_t> visited_score;
        for_each_feasible(pool, settings, rules, false,
                          [&](std::size_t ci, std::size_t oi, const Evaluation& e) {
                              CHECK(e.feasible());
                              visited.insert({ci, oi});
                              visited_score[{ci, oi}] = e.total_milli;
                          });
        std::set<Pair> scored;
        for (const auto& p : score_pairs(pool, settings, rules)) {
            scored.insert({p.candidate, p.opening});
            CHECK(visited_score[{p.candidate, p.opening}] == p.score_milli);
        }
        CHECK(ranked == by_candidate);
        CHECK(ranked == visited);
        CHECK(ranked == scored);
        feasible_seen += ranked.size();

        // within_reach() is the occupation and too-far rules of evaluate(), no more, no less.
        for (const auto& c : pool.candidates) {
            for (const auto& o : pool.openings) {
                const auto e = evaluate(c, o, settings, rules, false);
                const bool reach_rule =
                    e.failed == Rule::occupation_unrelated || e.failed == Rule::too_far;
                if (!e.failed || reach_rule) {
                    CHECK(within_reach(c, o, settings) == !reach_rule);
                }
            }
        }
    }
    // The instances exercise every side of the rules.
    CHECK(feasible_seen > 1000);
    CHECK(far_seen > 1000);
    CHECK(unrelated_seen > 100);
}
