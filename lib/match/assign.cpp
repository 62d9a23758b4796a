// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/assign.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <lemon/network_simplex.h>
#include <lemon/static_graph.h>
#include <utility>

namespace werkstatt {

namespace {

// The flow network of an assignment problem: node 0 is the source, then one node per candidate
// and per opening that has a pair, then the sink. A unit of flow source -> candidate -> opening
// -> sink is a chosen pair; source -> sink carries the candidates left unassigned.
struct Network {
    const std::vector<ScoredPair>& pairs;
    const std::vector<std::int64_t>& positions;
    std::vector<std::size_t> used; // indexes into pairs, grouped by candidate
    std::vector<int> candidate_node;
    std::vector<int> opening_node;
    std::vector<std::uint32_t> opening_of_node; // by node - first_opening
    int first_opening = 0;
    int sink = 0;
    int candidates = 0;

    // The chosen arcs (indexes into `used`) and the node potentials of an optimal solution over
    // the arcs `in` marks.
    struct Solution {
        std::vector<std::size_t> chosen;
        std::vector<std::int64_t> potential;
    };

    Solution solve(const std::vector<char>& in) const {
        std::vector<std::pair<int, int>> arcs;
        std::vector<std::size_t> pair_arcs; // indexes into `used`, in arc order
        arcs.reserve(static_cast<std::size_t>(candidates) + 1 + opening_of_node.size() +
                     used.size());
        for (int c = 1; c < first_opening; ++c) {
            arcs.emplace_back(0, c);
        }
        arcs.emplace_back(0, sink);
        for (std::size_t k = 0; k < used.size(); ++k) {
            if (in[k] != 0) {
                const auto& p = pairs[used[k]];
                arcs.emplace_back(candidate_node[p.candidate], opening_node[p.opening]);
                pair_arcs.push_back(k);
            }
        }
        for (std::size_t k = 0; k < opening_of_node.size(); ++k) {
            arcs.emplace_back(first_opening + static_cast<int>(k), sink);
        }
        lemon::StaticDigraph graph;
        graph.build(sink + 1, arcs.begin(), arcs.end());
        lemon::StaticDigraph::ArcMap<std::int64_t> capacity(graph);
        lemon::StaticDigraph::ArcMap<std::int64_t> cost(graph);
        const auto pair_begin = static_cast<std::size_t>(candidates) + 1;
        for (std::size_t a = 0; a < arcs.size(); ++a) {
            const auto arc = graph.arc(static_cast<int>(a));
            cost[arc] = 0;
            if (a < pair_begin - 1) {
                capacity[arc] = 1;
            } else if (a == pair_begin - 1) {
                capacity[arc] = candidates;
            } else if (a < pair_begin + pair_arcs.size()) {
                capacity[arc] = 1;
                cost[arc] = -pairs[used[pair_arcs[a - pair_begin]]].score_milli;
            } else {
                const auto o = opening_of_node[a - pair_begin - pair_arcs.size()];
                capacity[arc] = std::min<std::int64_t>(positions[o], candidates);
            }
        }
        using Simplex = lemon::NetworkSimplex<lemon::StaticDigraph, std::int64_t, std::int64_t>;
        Simplex simplex(graph);
        simplex.upperMap(capacity).costMap(cost).stSupply(graph.node(0), graph.node(sink),
                                                          candidates);
        if (simplex.run(Simplex::FIRST_ELIGIBLE) != Simplex::OPTIMAL) {
            throw Error(ErrorKind::internal, _("the assignment problem has no optimal solution"));
        }
        Solution s;
        for (std::size_t k = 0; k < pair_arcs.size(); ++k) {
            if (simplex.flow(graph.arc(static_cast<int>(pair_begin + k))) > 0) {
                s.chosen.push_back(pair_arcs[k]);
            }
        }
        s.potential.resize(static_cast<std::size_t>(sink) + 1);
        for (int n = 0; n <= sink; ++n) {
            s.potential[static_cast<std::size_t>(n)] = simplex.potential(graph.node(n));
        }
        return s;
    }

    // Return the reduced cost of pair arc `k` under `potential`; below 0, the arc would improve
    // the solution (network simplex: cost + pi(tail) - pi(head) for an arc without flow).
    std::int64_t reduced_cost(std::size_t k, const std::vector<std::int64_t>& potential) const {
        const auto& p = pairs[used[k]];
        return -p.score_milli + potential[static_cast<std::size_t>(candidate_node[p.candidate])] -
               potential[static_cast<std::size_t>(opening_node[p.opening])];
    }
};

// Mark in `in` each candidate's `k` best pairs and each opening's positions + `k` best pairs:
// the pairs an optimal assignment most likely uses.
void mark_likely(const Network& net, std::size_t k, std::vector<char>& in) {
    const auto& pairs = net.pairs;
    // (minus the score, arc): ascending is best first, ties by arc.
    using Key = std::pair<std::int64_t, std::size_t>;
    const auto mark_best = [&](Key* first, Key* last, std::size_t count) {
        if (static_cast<std::size_t>(last - first) > count) {
            std::nth_element(first, first + count, last);
            last = first + count;
        }
        for (; first != last; ++first) {
            in[first->second] = 1;
        }
    };
    std::vector<Key> group;
    for (std::size_t a = 0; a < net.used.size();) {
        group.clear();
        const auto candidate = pairs[net.used[a]].candidate;
        for (; a < net.used.size() && pairs[net.used[a]].candidate == candidate; ++a) {
            group.emplace_back(-pairs[net.used[a]].score_milli, a);
        }
        mark_best(group.data(), group.data() + group.size(), k);
    }
    // By opening: keep each opening's best in a small heap whose top is the worst kept.
    const auto openings = net.opening_of_node.size();
    std::vector<std::vector<Key>> best(openings);
    for (std::size_t a = 0; a < net.used.size(); ++a) {
        const auto& p = pairs[net.used[a]];
        const auto o = static_cast<std::size_t>(net.opening_node[p.opening] - net.first_opening);
        const auto keep = static_cast<std::size_t>(
                              std::max<std::int64_t>(net.positions[net.opening_of_node[o]], 0)) +
                          k;
        auto& heap = best[o];
        const Key key(-p.score_milli, a);
        if (heap.size() < keep) {
            heap.push_back(key);
            std::push_heap(heap.begin(), heap.end());
        } else if (key < heap.front()) {
            std::pop_heap(heap.begin(), heap.end());
            heap.back() = key;
            std::push_heap(heap.begin(), heap.end());
        }
    }
    for (const auto& heap : best) {
        for (const auto& key : heap) {
            in[key.second] = 1;
        }
    }
}

} // namespace

Assignment assign_optimally(std::size_t candidate_count, const std::vector<std::int64_t>& positions,
                            const std::vector<ScoredPair>& pairs, AssignMethod method) {
    Network net{pairs, positions, {}, {}, {}, {}, 0, 0, 0};
    // Only pairs that can add to the total take part; number the candidates and openings they
    // name compactly, so that the network holds nothing that cannot carry flow.
    net.used.reserve(pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const auto& p = pairs[i];
        if (p.candidate >= candidate_count || p.opening >= positions.size()) {
            throw Error(ErrorKind::internal,
                        _f("pair {} names candidate {} or opening {} outside the pool", i,
                           p.candidate, p.opening));
        }
        if (p.score_milli > 0 && positions[p.opening] > 0) {
            net.used.push_back(i);
        }
    }
    Assignment result;
    if (net.used.empty()) {
        return result;
    }
    // The network's arcs must be ordered by their tail, the candidate (pairs from score_pairs
    // come in that order already); a stable sort keeps the result a function of the input.
    const auto by_candidate = [&](std::size_t a, std::size_t b) {
        return pairs[a].candidate < pairs[b].candidate;
    };
    if (!std::is_sorted(net.used.begin(), net.used.end(), by_candidate)) {
        std::stable_sort(net.used.begin(), net.used.end(), by_candidate);
    }
    constexpr int k_none = -1;
    net.candidate_node.assign(candidate_count, k_none);
    net.opening_node.assign(positions.size(), k_none);
    int nodes = 1;
    for (const auto i : net.used) {
        if (net.candidate_node[pairs[i].candidate] == k_none) {
            net.candidate_node[pairs[i].candidate] = nodes++;
        }
    }
    net.first_opening = nodes;
    net.candidates = nodes - 1;
    for (const auto i : net.used) {
        net.opening_node[pairs[i].opening] = 0; // numbered below, in index order
    }
    for (std::size_t o = 0; o < positions.size(); ++o) {
        if (net.opening_node[o] == 0) {
            net.opening_node[o] = nodes++;
            net.opening_of_node.push_back(static_cast<std::uint32_t>(o));
        }
    }
    net.sink = nodes;

    // Large problems are solved on the pairs an optimum most likely uses, then checked against
    // every pair with the dual solution (the node potentials): a pair left out whose reduced cost
    // is negative would improve the total, so it is added and the problem solved again. When no
    // pair left out can improve it, the solution is optimal for all pairs (linear programming
    // duality), so the result is the same as solving with every pair at once, only faster.
    std::vector<char> in(net.used.size(), 1);
    constexpr std::size_t k_per_node = 5;
    const auto nodes_total = static_cast<std::size_t>(nodes);
    const bool sparse =
        method == AssignMethod::likely_pairs_first ||
        (method == AssignMethod::automatic && net.used.size() > 4 * k_per_node * nodes_total);
    if (sparse) {
        std::fill(in.begin(), in.end(), 0);
        mark_likely(net, k_per_node, in);
    }
    Network::Solution solution;
    // The first check also takes pairs that come within 2 points of improving the total: the
    // next solution's potentials would likely show them, and each round is a whole solve.
    std::int64_t slack = 2000;
    for (;;) {
        solution = net.solve(in);
        if (!sparse) {
            break;
        }
        std::size_t added = 0;
        for (std::size_t k = 0; k < net.used.size(); ++k) {
            if (in[k] == 0 && net.reduced_cost(k, solution.potential) < slack) {
                in[k] = 1;
                ++added;
            }
        }
        if (added == 0 && slack == 0) {
            break;
        }
        slack = 0;
    }
    for (const auto k : solution.chosen) {
        result.chosen.push_back(net.used[k]);
        result.total_milli += pairs[net.used[k]].score_milli;
    }
    std::sort(result.chosen.begin(), result.chosen.end());
    return result;
}

} // namespace werkstatt
