// SPDX-License-Identifier: GPL-3.0-or-later
// The global proposal as an optimisation problem: choose pairs so that each candidate takes at
// most one opening, each opening at most its open positions, and the total score is as high as
// possible. Solved exactly as a minimum-cost flow with LEMON's network simplex.
#pragma once

#include <cstdint>
#include <vector>

namespace werkstatt {

// A feasible pair by index into the candidate and opening lists, with its score.
struct ScoredPair {
    std::uint32_t candidate = 0;
    std::uint32_t opening = 0;
    std::int64_t score_milli = 0;
};

// The chosen pairs (indexes into the `pairs` given) and their total score.
struct Assignment {
    std::vector<std::size_t> chosen; // ascending
    std::int64_t total_milli = 0;
};

// How to solve: with every pair at once, or first with the likely pairs, adding pairs the dual
// solution shows could improve it until none can (the same total, faster on large problems).
enum class AssignMethod { automatic, all_pairs, likely_pairs_first };

// Return an assignment of maximum total score over `pairs`, where opening i takes at most
// `positions[i]` candidates and every candidate at most one opening. Pairs scoring 0 or less are
// never chosen (they add nothing). The result depends only on the input, in its order.
// Throw Error(bad_data) if a pair names an opening outside `positions`.
Assignment assign_optimally(std::size_t candidate_count, const std::vector<std::int64_t>& positions,
                            const std::vector<ScoredPair>& pairs,
                            AssignMethod method = AssignMethod::automatic);

} // namespace werkstatt
