// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/matching.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <thread>

namespace werkstatt {

namespace {

// Openings that share a KldB prefix, those with a place ordered south to north so that a
// candidate's search can stop at the edge of the reachable band of latitude.
struct Bucket {
    std::vector<std::size_t> located; // by latitude
    std::vector<double> lats;
    std::vector<double> lons; // in the same order
    std::vector<std::size_t> unlocated;
    std::optional<std::size_t> widest; // the located opening with the largest max_distance_km
};

// The openings of a pool, indexed for the search of each candidate's reachable openings. The
// index only narrows the search to a superset of the pairs within_reach() accepts, and then asks
// within_reach() about each pair: it knows no limit of its own.
class OpeningIndex {
  public:
    OpeningIndex(const MatchPool& pool, const MatchSettings& settings)
        : m_pool(pool), m_settings(settings),
          m_digits(std::clamp(required_kldb_digits(settings), 0, 2)) {
        for (std::size_t i = 0; i < pool.openings.size(); ++i) {
            const auto& o = pool.openings[i];
            if (m_digits == 0) {
                add(m_buckets[0], i);
            } else if (o.kldb) {
                add(m_buckets[key(*o.kldb)], i);
            } else {
                add(m_wild, i);
            }
        }
        for (auto* b : all_buckets()) {
            std::vector<std::size_t> order(b->located.size());
            for (std::size_t k = 0; k < order.size(); ++k) {
                order[k] = k;
            }
            std::sort(order.begin(), order.end(),
                      [&](std::size_t a, std::size_t c) { return b->lats[a] < b->lats[c]; });
            std::vector<std::size_t> located;
            std::vector<double> lats;
            for (const auto k : order) {
                located.push_back(b->located[k]);
                lats.push_back(b->lats[k]);
                b->lons.push_back(pool.openings[b->located[k]].location->lon);
            }
            b->located = std::move(located);
            b->lats = std::move(lats);
        }
    }

    // Put into `out` the openings `c` may reach (by within_reach()); ascending if `sorted`.
    void reachable(const MatchCandidate& c, bool sorted, std::vector<std::size_t>& out) const {
        out.clear();
        if (c.kldb && m_digits > 0) {
            // Codes that differ in their first m_digits digits share fewer than
            // required_kldb_digits(): only the candidate's own bucket can hold a related opening.
            const auto it = m_buckets.find(key(*c.kldb));
            if (it != m_buckets.end()) {
                collect(it->second, c, out);
            }
        } else {
            for (const auto& [k, b] : m_buckets) {
                collect(b, c, out);
            }
        }
        collect(m_wild, c, out);
        if (sorted) {
            std::sort(out.begin(), out.end());
        }
    }

  private:
    int key(const KldbCode& code) const {
        const auto& s = code.str();
        return m_digits == 0 ? 0 : m_digits == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
    }
    void add(Bucket& b, std::size_t i) {
        const auto& o = m_pool.openings[i];
        if (!o.location) {
            b.unlocated.push_back(i);
            return;
        }
        b.located.push_back(i);
        b.lats.push_back(o.location->lat);
        if (!b.widest || o.max_distance_km.value_or(0) >
                             m_pool.openings[*b.widest].max_distance_km.value_or(0)) {
            b.widest = i;
        }
    }
    std::vector<Bucket*> all_buckets() {
        std::vector<Bucket*> out{&m_wild};
        for (auto& [k, b] : m_buckets) {
            out.push_back(&b);
        }
        return out;
    }
    void take_if_within_reach(const MatchCandidate& c, std::size_t i,
                              std::vector<std::size_t>& out) const {
        if (within_reach(c, m_pool.openings[i], m_settings)) {
            out.push_back(i);
        }
    }
    void collect(const Bucket& b, const MatchCandidate& c, std::vector<std::size_t>& out) const {
        for (const auto i : b.unlocated) {
            take_if_within_reach(c, i, out);
        }
        if (!c.location || !b.widest) {
            for (const auto i : b.located) {
                take_if_within_reach(c, i, out);
            }
            return;
        }
        // No opening of the bucket has a larger limit than its widest; two places farther apart
        // in latitude or longitude than that limit allows are farther apart than it. One more km
        // covers the rounding of the distance to 100 m that the rule compares.
        const auto limit = reach_limit_km(c, m_pool.openings[*b.widest], m_settings);
        const double reach = static_cast<double>(limit) + 1.0;
        const double band = latitude_span_deg(reach);
        const double lat = c.location->lat;
        const double lon_band = longitude_span_deg(reach, std::abs(lat) + band);
        auto k = static_cast<std::size_t>(
            std::lower_bound(b.lats.begin(), b.lats.end(), lat - band) - b.lats.begin());
        for (; k < b.lats.size() && b.lats[k] <= lat + band; ++k) {
            if (longitude_gap_deg(b.lons[k], c.location->lon) <= lon_band) {
                take_if_within_reach(c, b.located[k], out);
            }
        }
    }

    const MatchPool& m_pool;
    const MatchSettings& m_settings;
    int m_digits;
    std::map<int, Bucket> m_buckets;
    Bucket m_wild; // openings without a KldB code: any candidate may fit
};

Ranking top_of(std::vector<Ranked> all, std::size_t top,
               const std::function<std::int64_t(const Ranked&)>& id_of) {
    std::sort(all.begin(), all.end(), [&](const Ranked& a, const Ranked& b) {
        if (a.evaluation.total_milli != b.evaluation.total_milli) {
            return a.evaluation.total_milli > b.evaluation.total_milli;
        }
        return id_of(a) < id_of(b);
    });
    if (all.size() > top) {
        all.resize(top);
    }
    Ranking r;
    r.best = std::move(all);
    return r;
}

// Visit the feasible pairs of candidates [`begin`, `end`) in order of candidates; with `sorted`,
// each candidate's pairs in order of openings too.
template <typename Visit>
void scan(const MatchPool& pool, const OpeningIndex& index, std::size_t begin, std::size_t end,
          const MatchSettings& settings, const WorkRules& rules, bool explain, bool sorted,
          Visit&& visit) {
    std::vector<std::size_t> reachable;
    for (std::size_t ci = begin; ci < end; ++ci) {
        const auto& c = pool.candidates[ci];
        if (candidate_excluded(c, settings, rules)) {
            continue;
        }
        index.reachable(c, sorted, reachable);
        for (const auto oi : reachable) {
            const auto e = evaluate(c, pool.openings[oi], settings, rules, explain);
            if (e.feasible()) {
                visit(ci, oi, e);
            }
        }
    }
}

} // namespace

void for_each_feasible(
    const MatchPool& pool, const MatchSettings& settings, const WorkRules& rules, bool explain,
    const std::function<void(std::size_t, std::size_t, const Evaluation&)>& visit) {
    const OpeningIndex index(pool, settings);
    scan(pool, index, 0, pool.candidates.size(), settings, rules, explain, true, visit);
}

namespace {

// Rank the `count` others of one side: `pair_with(i)` evaluates the pair with other number i,
// `id_of(i)` gives its id for ties.
template <typename Evaluate, typename Id>
Ranking rank_others(std::size_t count, std::size_t top, Evaluate&& pair_with, Id&& id_of) {
    std::vector<Ranked> all;
    std::array<std::size_t, k_rule_count> excluded{};
    std::array<std::string, k_rule_count> first_reason{};
    for (std::size_t i = 0; i < count; ++i) {
        auto e = pair_with(i);
        if (e.failed) {
            const auto rule = static_cast<std::size_t>(*e.failed);
            if (excluded[rule]++ == 0) {
                first_reason[rule] = std::move(e.failure);
            }
        } else {
            all.push_back(Ranked{i, std::move(e)});
        }
    }
    auto r = top_of(std::move(all), top, [&](const Ranked& x) { return id_of(x.index); });
    r.excluded = excluded;
    r.first_reason = std::move(first_reason);
    return r;
}

} // namespace

Ranking rank_candidates(const MatchPool& pool, std::size_t opening, std::size_t top,
                        const MatchSettings& settings, const WorkRules& rules, bool explain) {
    return rank_others(
        pool.candidates.size(), top,
        [&](std::size_t ci) {
            return evaluate(pool.candidates[ci], pool.openings[opening], settings, rules, explain);
        },
        [&](std::size_t ci) { return pool.candidates[ci].id; });
}

Ranking rank_openings(const MatchPool& pool, std::size_t candidate, std::size_t top,
                      const MatchSettings& settings, const WorkRules& rules, bool explain) {
    return rank_others(
        pool.openings.size(), top,
        [&](std::size_t oi) {
            return evaluate(pool.candidates[candidate], pool.openings[oi], settings, rules,
                            explain);
        },
        [&](std::size_t oi) { return pool.openings[oi].id; });
}

std::vector<ScoredPair> score_pairs(const MatchPool& pool, const MatchSettings& settings,
                                    const WorkRules& rules) {
    const OpeningIndex index(pool, settings);
    // Candidates split into contiguous slices scored in parallel; joined in order, the result
    // is the same as from one thread.
    const std::size_t n = pool.candidates.size();
    const std::size_t threads =
        std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4) * (n >= 1000 ? 1 : 0);
    const std::size_t slices = std::max<std::size_t>(threads, 1);
    std::vector<std::vector<ScoredPair>> parts(slices);
    std::vector<std::exception_ptr> failures(slices);
    const auto work = [&](std::size_t k) {
        try {
            scan(pool, index, n * k / slices, n * (k + 1) / slices, settings, rules, false, false,
                 [&](std::size_t ci, std::size_t oi, const Evaluation& e) {
                     parts[k].push_back(ScoredPair{static_cast<std::uint32_t>(ci),
                                                   static_cast<std::uint32_t>(oi), e.total_milli});
                 });
        } catch (...) {
            failures[k] = std::current_exception(); // out of memory, most likely
        }
    };
    std::vector<std::thread> workers;
    for (std::size_t k = 1; k < slices; ++k) {
        workers.emplace_back(work, k);
    }
    work(0);
    for (auto& w : workers) {
        w.join();
    }
    for (const auto& f : failures) {
        if (f) {
            std::rethrow_exception(f);
        }
    }
    std::size_t total = 0;
    for (const auto& p : parts) {
        total += p.size();
    }
    std::vector<ScoredPair> pairs;
    pairs.reserve(total);
    for (auto& p : parts) {
        pairs.insert(pairs.end(), p.begin(), p.end());
        std::vector<ScoredPair>().swap(p);
    }
    return pairs;
}

Assignment assign_pool(const MatchPool& pool, const std::vector<ScoredPair>& pairs) {
    std::vector<std::int64_t> positions;
    positions.reserve(pool.openings.size());
    for (const auto& o : pool.openings) {
        positions.push_back(o.positions);
    }
    return assign_optimally(pool.candidates.size(), positions, pairs);
}

} // namespace werkstatt
