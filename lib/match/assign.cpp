// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/assign.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <lemon/network_simplex.h>
#include <lemon/static_graph.h>
#include <numeric>
#include <utility>

namespace werkstatt {

Assignment assign_optimally(std::size_t candidate_count, const std::vector<std::int64_t>& positions,
                            const std::vector<ScoredPair>& pairs) {
    // Only pairs that can add to the total take part; number the candidates and openings they
    // name compactly, so that the network holds nothing that cannot carry flow.
    std::vector<std::size_t> used;
    used.reserve(pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const auto& p = pairs[i];
        if (p.candidate >= candidate_count || p.opening >= positions.size()) {
            throw Error(ErrorKind::internal,
                        fmt::format("pair {} names candidate {} or opening {} outside the pool", i,
                                    p.candidate, p.opening));
        }
        if (p.score_milli > 0 && positions[p.opening] > 0) {
            used.push_back(i);
        }
    }
    Assignment result;
    if (used.empty()) {
        return result;
    }
    // The network's arcs must be ordered by their tail, the candidate (pairs from score_pairs
    // come in that order already); a stable sort keeps the result a function of the input.
    const auto by_candidate = [&](std::size_t a, std::size_t b) {
        return pairs[a].candidate < pairs[b].candidate;
    };
    if (!std::is_sorted(used.begin(), used.end(), by_candidate)) {
        std::stable_sort(used.begin(), used.end(), by_candidate);
    }
    constexpr int k_none = -1;
    std::vector<int> candidate_node(candidate_count, k_none);
    std::vector<int> opening_node(positions.size(), k_none);
    int nodes = 1; // node 0 is the source
    for (const auto i : used) {
        if (candidate_node[pairs[i].candidate] == k_none) {
            candidate_node[pairs[i].candidate] = nodes++;
        }
    }
    const int first_opening = nodes;
    std::vector<std::uint32_t> opening_of_node;
    for (const auto i : used) {
        if (opening_node[pairs[i].opening] == k_none) {
            opening_node[pairs[i].opening] = 0; // numbered below, in index order
        }
    }
    for (std::size_t o = 0; o < positions.size(); ++o) {
        if (opening_node[o] == 0) {
            opening_node[o] = nodes++;
            opening_of_node.push_back(static_cast<std::uint32_t>(o));
        }
    }
    const int sink = nodes++;
    const int candidates_used = first_opening - 1;

    // Arcs, by tail: source -> each candidate, source -> sink (leaving people unassigned costs
    // nothing), candidate -> opening per pair, opening -> sink with its positions.
    std::vector<std::pair<int, int>> arcs;
    arcs.reserve(static_cast<std::size_t>(candidates_used) + 1 + used.size() +
                 opening_of_node.size());
    for (int c = 1; c < first_opening; ++c) {
        arcs.emplace_back(0, c);
    }
    arcs.emplace_back(0, sink);
    for (const auto i : used) {
        arcs.emplace_back(candidate_node[pairs[i].candidate], opening_node[pairs[i].opening]);
    }
    for (std::size_t k = 0; k < opening_of_node.size(); ++k) {
        arcs.emplace_back(first_opening + static_cast<int>(k), sink);
    }
    lemon::StaticDigraph graph;
    graph.build(nodes, arcs.begin(), arcs.end());

    using Net = lemon::NetworkSimplex<lemon::StaticDigraph, std::int64_t, std::int64_t>;
    lemon::StaticDigraph::ArcMap<std::int64_t> capacity(graph);
    lemon::StaticDigraph::ArcMap<std::int64_t> cost(graph);
    const std::size_t pair_begin = static_cast<std::size_t>(candidates_used) + 1;
    for (std::size_t a = 0; a < arcs.size(); ++a) {
        const auto arc = graph.arc(static_cast<int>(a));
        if (a < static_cast<std::size_t>(candidates_used)) {
            capacity[arc] = 1;
            cost[arc] = 0;
        } else if (a == static_cast<std::size_t>(candidates_used)) {
            capacity[arc] = candidates_used;
            cost[arc] = 0;
        } else if (a < pair_begin + used.size()) {
            capacity[arc] = 1;
            cost[arc] = -pairs[used[a - pair_begin]].score_milli;
        } else {
            const auto o = opening_of_node[a - pair_begin - used.size()];
            capacity[arc] = std::min<std::int64_t>(positions[o], candidates_used);
            cost[arc] = 0;
        }
    }
    Net net(graph);
    net.upperMap(capacity).costMap(cost).stSupply(graph.node(0), graph.node(sink), candidates_used);
    if (net.run(Net::FIRST_ELIGIBLE) != Net::OPTIMAL) {
        throw Error(ErrorKind::internal, "the assignment problem has no optimal solution");
    }
    for (std::size_t k = 0; k < used.size(); ++k) {
        if (net.flow(graph.arc(static_cast<int>(pair_begin + k))) > 0) {
            result.chosen.push_back(used[k]);
            result.total_milli += pairs[used[k]].score_milli;
        }
    }
    std::sort(result.chosen.begin(), result.chosen.end());
    return result;
}

} // namespace werkstatt
