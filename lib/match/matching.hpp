// SPDX-License-Identifier: GPL-3.0-or-later
// Matching over a whole pool: every feasible pair with its score, the best candidates for one
// opening or openings for one candidate, and the optimal global proposal.
#pragma once

#include "match/assign.hpp"
#include "match/model.hpp"

#include <array>
#include <functional>
#include <vector>

namespace werkstatt {

class WorkRules;

// The candidates and openings a run looks at, each ordered by id. An opening's `positions` are
// the ones still free.
struct MatchPool {
    std::vector<MatchCandidate> candidates;
    std::vector<MatchOpening> openings;
};

// Call `visit(candidate index, opening index, evaluation)` for every feasible pair of `pool`,
// ordered by candidate, then opening. Pairs that within_reach() rejects are skipped without
// being evaluated; the pairs visited are exactly those evaluate() calls feasible.
void for_each_feasible(
    const MatchPool& pool, const MatchSettings& settings, const WorkRules& rules, bool explain,
    const std::function<void(std::size_t, std::size_t, const Evaluation&)>& visit);

// One side of a pair in a ranking, with the pair's evaluation.
struct Ranked {
    std::size_t index = 0; // into the pool's candidates or openings
    Evaluation evaluation;
};

// A ranking and how many pairs each hard rule excluded.
struct Ranking {
    std::vector<Ranked> best;
    std::array<std::size_t, k_rule_count> excluded{};
    // With explain: the reason of the first pair each hard rule excluded (empty otherwise).
    std::array<std::string, k_rule_count> first_reason{};
};

// Return the `top` best candidates for opening `opening` (index), highest score first, ties by
// candidate id.
Ranking rank_candidates(const MatchPool& pool, std::size_t opening, std::size_t top,
                        const MatchSettings& settings, const WorkRules& rules, bool explain);
// Return the `top` best openings for candidate `candidate` (index), ties by opening id.
Ranking rank_openings(const MatchPool& pool, std::size_t candidate, std::size_t top,
                      const MatchSettings& settings, const WorkRules& rules, bool explain);

// The optimal global proposal: the feasible pairs scored, and the chosen ones.
struct Proposal {
    std::vector<ScoredPair> pairs; // every feasible pair, by candidate (see score_pairs)
    Assignment assignment;
};

// Return every feasible pair of `pool` with its score, by candidate (each candidate's pairs in
// an order that depends only on the pool): the pairs for_each_feasible() visits.
std::vector<ScoredPair> score_pairs(const MatchPool& pool, const MatchSettings& settings,
                                    const WorkRules& rules);
// Return the assignment of maximum total score over `pairs` of `pool`.
Assignment assign_pool(const MatchPool& pool, const std::vector<ScoredPair>& pairs);

} // namespace werkstatt
