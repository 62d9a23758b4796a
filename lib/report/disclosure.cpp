// SPDX-License-Identifier: GPL-3.0-or-later
// Disclosure control after tau-ARGUS' hypercube method (GHMITER) in two dimensions.
//
// A table with totals is a grid of R rows (the last one the total row) and C value columns (under
// Totals::both the last one the total column). Its equations: every body row adds up to its cell
// in the total column, and every column's body rows add up to its cell in the total row. A
// suppressed cell cannot be worked out when it lies on a cycle of suppressed cells along which
// the values may move by +d/-d keeping every equation: a rectangle of two rows and two columns
// under Totals::both, two cells of one column under Totals::columns. The signs of a cycle: two
// body rows move in opposite directions, a body row and the total row in the same one (likewise
// for columns). A cycle protects its cells when one direction keeps every cell within what a
// reader knows: a primary cell within 1..min_cell, any other suppressed cell at 0 or above.
//
// For each suppressed cell not yet on such a cycle of suppressed cells, the cheapest cycle is
// suppressed: already suppressed cells cost nothing, a new cell costs one plus its count, a
// total cell much more (body cells before totals).
//
// Tables of one margin group share their total row. It is protected first, as a row of its own
// (one pair of suppressed cells per primary cell, moving in one fixed direction), and the same
// pattern is set in every table of the group; a cycle of a table may then use total-row cells
// only along one of those pairs in its fixed direction, so that every table can move the shared
// cells together and none publishes what another hides.
#include "report/disclosure.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace werkstatt::report {

namespace {

constexpr std::int64_t k_total_cost = 1'000'000; // a new suppressed total: after body cells
constexpr int k_max_passes = 8;

// One cell of a cycle and the sign it moves with.
struct Step {
    std::size_t row;
    std::size_t col;
    int sign;
};

// A move of the shared total row: +1/-1 per value column (0 for cells that stay), always made
// in this orientation.
using RowMove = std::vector<int>;

// A table seen as the grid of its value cells.
class Grid {
  public:
    Grid(Table& table, int min_cell) : m_table(table), m_min_cell(min_cell) {
        for (std::size_t c = table.label_columns; c < table.columns.size(); ++c) {
            m_cols.push_back(c);
        }
    }

    std::size_t rows() const { return m_table.rows.size(); }
    std::size_t cols() const { return m_cols.size(); }
    bool both() const { return m_table.totals == Totals::both; }
    bool total_row(std::size_t r) const { return r + 1 == rows(); }
    bool total_col(std::size_t c) const { return both() && c + 1 == cols(); }
    bool total(std::size_t r, std::size_t c) const { return total_row(r) || total_col(c); }

    Cell* cell(std::size_t r, std::size_t c) {
        auto& row = m_table.rows[r];
        return m_cols[c] < row.size() ? &row[m_cols[c]] : nullptr;
    }
    bool is_count(std::size_t r, std::size_t c) {
        const auto* x = cell(r, c);
        return x && x->kind == Cell::Kind::count;
    }
    bool suppressed(std::size_t r, std::size_t c) {
        const auto* x = cell(r, c);
        return x && x->kind == Cell::Kind::count && x->suppression != Suppression::none;
    }
    void suppress(std::size_t r, std::size_t c) {
        auto* x = cell(r, c);
        if (x->suppression == Suppression::none) {
            x->suppression = Suppression::secondary;
        }
    }

    // Return true if the cell can move in the direction `sign` (within 1..min_cell for a
    // primary cell, at or above 0 for any other once suppressed).
    bool can_move(std::size_t r, std::size_t c, int sign) {
        const auto* x = cell(r, c);
        const bool primary = x->suppression == Suppression::primary;
        if (sign > 0) {
            return !primary || x->count < m_min_cell;
        }
        return x->count > (primary ? 1 : 0);
    }

    // Return what suppressing the cell costs: 0 when it is suppressed already.
    std::int64_t cost(std::size_t r, std::size_t c) {
        if (suppressed(r, c)) {
            return 0;
        }
        return 1 + cell(r, c)->count + (total(r, c) ? k_total_cost : 0);
    }

    // The sign of row `r2` on a cycle through row `r` (which has +1), likewise for columns.
    int row_sign(std::size_t r, std::size_t r2) const {
        return total_row(r) || total_row(r2) ? 1 : -1;
    }
    int col_sign(std::size_t c, std::size_t c2) const {
        return total_col(c) || total_col(c2) ? 1 : -1;
    }

    void mark_primary() {
        for (std::size_t r = 0; r < rows(); ++r) {
            for (std::size_t c = 0; c < cols(); ++c) {
                auto* x = cell(r, c);
                if (x && x->kind == Cell::Kind::count && x->suppression == Suppression::none &&
                    x->count >= 1 && x->count <= m_min_cell) {
                    x->suppression = Suppression::primary;
                }
            }
        }
    }

  private:
    Table& m_table;
    int m_min_cell;
    std::vector<std::size_t> m_cols;
};

// The cheapest cycle found for a cell.
struct Found {
    std::int64_t cost = std::numeric_limits<std::int64_t>::max();
    std::vector<Step> steps;
};

// The shared total row of a margin group: its moves, each made in its fixed orientation.
struct Lock {
    std::vector<RowMove> moves;
};

// Return the direction (+1/-1) in which every step can move, preferring +1, or 0 if none.
int direction(Grid& g, const std::vector<Step>& steps, int only = 0) {
    for (int d : {1, -1}) {
        if (only != 0 && d != only) {
            continue;
        }
        if (std::all_of(steps.begin(), steps.end(),
                        [&](const Step& s) { return g.can_move(s.row, s.col, s.sign * d); })) {
            return d;
        }
    }
    return 0;
}

// Consider the cycle `steps` for `found`: every cell a count, total-row cells of a locked table
// only along a move of the lock (which fixes the direction), one direction feasible.
void consider(Grid& g, const std::vector<Step>& steps, const Lock* lock, Found& found) {
    std::int64_t cost = 0;
    RowMove on_total(g.cols(), 0);
    bool uses_total_row = false;
    for (const auto& s : steps) {
        if (!g.is_count(s.row, s.col)) {
            return;
        }
        if (lock && g.total_row(s.row)) {
            if (!g.suppressed(s.row, s.col)) {
                return;
            }
            on_total[s.col] = s.sign;
            uses_total_row = true;
        }
        cost += g.cost(s.row, s.col);
    }
    int only = 0;
    if (uses_total_row) {
        RowMove reversed(on_total.size());
        std::transform(on_total.begin(), on_total.end(), reversed.begin(),
                       [](int v) { return -v; });
        const auto& moves = lock->moves;
        if (std::find(moves.begin(), moves.end(), on_total) != moves.end()) {
            only = 1;
        } else if (std::find(moves.begin(), moves.end(), reversed) != moves.end()) {
            only = -1;
        } else {
            return;
        }
    }
    if (cost < found.cost && direction(g, steps, only) != 0) {
        found.cost = cost;
        found.steps = steps;
    }
}

// Return the cheapest protecting cycle through cell (r, c).
Found cheapest_cycle(Grid& g, std::size_t r, std::size_t c, const Lock* lock) {
    Found found;
    for (std::size_t r2 = 0; r2 < g.rows(); ++r2) {
        if (r2 == r) {
            continue;
        }
        const int rs = g.row_sign(r, r2);
        if (!g.both()) {
            consider(g, {{r, c, 1}, {r2, c, rs}}, lock, found);
            continue;
        }
        for (std::size_t c2 = 0; c2 < g.cols(); ++c2) {
            if (c2 == c) {
                continue;
            }
            const int cs = g.col_sign(c, c2);
            consider(g, {{r, c, 1}, {r, c2, cs}, {r2, c, rs}, {r2, c2, rs * cs}}, lock, found);
        }
    }
    return found;
}

// Return the cheapest cycle of `g` whose total-row part is `move` (made in its orientation).
Found cheapest_for_move(Grid& g, const RowMove& move, const Lock& lock) {
    Found found;
    const auto t = g.rows() - 1;
    std::vector<std::size_t> moved;
    for (std::size_t c = 0; c < move.size(); ++c) {
        if (move[c] != 0) {
            moved.push_back(c);
        }
    }
    for (std::size_t r = 0; r + 1 < g.rows(); ++r) {
        std::vector<Step> steps;
        for (auto c : moved) {
            steps.push_back({t, c, move[c]});
            steps.push_back({r, c, move[c]});
        }
        consider(g, steps, &lock, found);
    }
    return found;
}

void apply(Grid& g, const Found& found) {
    for (const auto& s : found.steps) {
        g.suppress(s.row, s.col);
    }
}

// Suppress every count cell of the body: the last resort when no cycle protects a cell.
void suppress_body(Grid& g) {
    for (std::size_t r = 0; r + 1 < g.rows(); ++r) {
        for (std::size_t c = 0; c < g.cols(); ++c) {
            if (g.is_count(r, c)) {
                g.suppress(r, c);
            }
        }
    }
}

// Show the primary cells of row `r` and column `c` (either may be nothing) as secondary ("x")
// instead of "<N": where the small counts of a line add up to all its total allows (three "<4"
// in a column whose total is "<4" are three 1s), a reader who knows they are 1 or more can work
// them out; one who knows only "0 or more" cannot. The total row of a locked table stays as its
// margin group has it. Return true if a cell changed.
bool relax(Grid& g, std::optional<std::size_t> r, std::optional<std::size_t> c, const Lock* lock) {
    bool changed = false;
    for (std::size_t r2 = 0; r2 < g.rows(); ++r2) {
        for (std::size_t c2 = 0; c2 < g.cols(); ++c2) {
            const bool on_line = c2 == c || r2 == r;
            if (!on_line || (lock && g.total_row(r2)) || !g.is_count(r2, c2)) {
                continue;
            }
            auto* x = g.cell(r2, c2);
            if (x->suppression == Suppression::primary) {
                x->suppression = Suppression::secondary;
                changed = true;
            }
        }
    }
    return changed;
}

// Protect one table: every suppressed cell ends on a protecting cycle of suppressed cells.
void protect_grid(Grid& g, const Lock* lock) {
    if (lock) {
        for (const auto& move : lock->moves) {
            const auto found = cheapest_for_move(g, move, *lock);
            if (found.steps.empty()) {
                suppress_body(g);
            } else {
                apply(g, found);
            }
        }
    }
    bool gave_up = false;
    for (int pass = 0; pass < k_max_passes; ++pass) {
        bool changed = false;
        for (std::size_t r = 0; r < g.rows(); ++r) {
            if (lock && g.total_row(r)) {
                continue; // protected by the moves of the lock above
            }
            for (std::size_t c = 0; c < g.cols(); ++c) {
                if (!g.suppressed(r, c)) {
                    continue;
                }
                auto found = cheapest_cycle(g, r, c, lock);
                if (found.cost == 0) {
                    continue;
                }
                // First the column, then the row (see relax).
                if (found.steps.empty() && relax(g, std::nullopt, c, lock)) {
                    changed = true;
                    found = cheapest_cycle(g, r, c, lock);
                }
                if (found.steps.empty() && g.both() && relax(g, r, std::nullopt, lock)) {
                    changed = true;
                    found = cheapest_cycle(g, r, c, lock);
                }
                if (found.cost == 0) {
                    continue;
                }
                if (found.steps.empty()) {
                    if (!gave_up) {
                        suppress_body(g);
                        gave_up = true;
                        changed = true;
                    }
                    continue;
                }
                apply(g, found);
                changed = true;
            }
        }
        if (!changed) {
            break;
        }
    }
}

// Return the cheapest move of the shared total row that protects its cell `c` and that every
// table of `grids` can make, or nothing.
std::optional<RowMove> best_move(std::vector<Grid*>& grids, std::size_t c) {
    auto& first = *grids.front();
    const auto t = first.rows() - 1;
    std::vector<RowMove> candidates;
    for (int d : {1, -1}) {
        if (!first.both()) {
            RowMove m(first.cols(), 0);
            m[c] = d;
            candidates.push_back(m);
            continue;
        }
        for (std::size_t c2 = 0; c2 < first.cols(); ++c2) {
            if (c2 != c && first.is_count(t, c2)) {
                RowMove m(first.cols(), 0);
                m[c] = d;
                m[c2] = d * first.col_sign(c, c2);
                candidates.push_back(m);
            }
        }
    }
    std::optional<RowMove> best;
    std::int64_t best_cost = std::numeric_limits<std::int64_t>::max();
    for (const auto& m : candidates) {
        // The total row's own cells must be able to move this way.
        bool feasible = true;
        std::int64_t cost = 0;
        for (std::size_t k = 0; k < m.size(); ++k) {
            if (m[k] != 0) {
                feasible = feasible && first.can_move(t, k, m[k]);
                cost += first.cost(t, k);
            }
        }
        if (!feasible) {
            continue;
        }
        // Pretend the move's total-row cells are suppressed while costing the tables.
        Lock trial{{m}};
        std::vector<std::pair<Grid*, std::size_t>> marked;
        for (auto* g : grids) {
            for (std::size_t k = 0; k < m.size(); ++k) {
                if (m[k] != 0 && !g->suppressed(g->rows() - 1, k)) {
                    g->suppress(g->rows() - 1, k);
                    marked.emplace_back(g, k);
                }
            }
        }
        for (auto* g : grids) {
            const auto found = cheapest_for_move(*g, m, trial);
            if (found.steps.empty()) {
                feasible = false;
                break;
            }
            cost += found.cost;
        }
        for (auto [g, k] : marked) {
            g->cell(g->rows() - 1, k)->suppression = Suppression::none;
        }
        if (feasible && cost < best_cost) {
            best_cost = cost;
            best = m;
        }
    }
    return best;
}

// The total row of the tables of one margin group, protected as a row of its own: return the
// moves that protect its suppressed cells, chosen so that every table of the group can make
// them, and mark the pattern in every table.
Lock lock_margin(std::vector<Grid*>& grids) {
    Lock lock;
    auto& first = *grids.front();
    const auto t = first.rows() - 1;
    for (auto* g : grids) {
        g->mark_primary();
        if (g->cols() != first.cols() || g->rows() < 1 || g->both() != first.both()) {
            throw Error(
                ErrorKind::internal,
                _("the tables of a margin group differ in their columns; please report this"));
        }
        for (std::size_t c = 0; c < first.cols(); ++c) {
            const auto* a = g->cell(g->rows() - 1, c);
            const auto* b = first.cell(t, c);
            if (!a || !b || a->kind != b->kind || a->count != b->count) {
                throw Error(ErrorKind::internal, _("the tables of a margin group differ in their "
                                                   "total row; please report this"));
            }
        }
    }
    auto covered = [&](std::size_t c) {
        return std::any_of(lock.moves.begin(), lock.moves.end(),
                           [&](const RowMove& m) { return m[c] != 0; });
    };
    // Candidate moves of the cell c of the total row, each with its cost over all tables.
    for (std::size_t c = 0; c < first.cols(); ++c) {
        if (!first.suppressed(t, c) || covered(c)) {
            continue;
        }
        auto best = best_move(grids, c);
        if (!best) {
            // Show the column's small body counts as "x", so that they may be 0 (see relax).
            for (auto* g : grids) {
                for (std::size_t r = 0; r + 1 < g->rows(); ++r) {
                    auto* x = g->cell(r, c);
                    if (x && x->suppression == Suppression::primary) {
                        x->suppression = Suppression::secondary;
                    }
                }
            }
            best = best_move(grids, c);
        }
        if (!best) {
            continue; // nothing protects it; the disclosure proof reports such a table
        }
        for (auto* g : grids) {
            for (std::size_t k = 0; k < best->size(); ++k) {
                if ((*best)[k] != 0) {
                    g->suppress(g->rows() - 1, k);
                }
            }
        }
        lock.moves.push_back(*best);
    }
    return lock;
}

} // namespace

void protect(Report& report, int min_cell) {
    std::map<std::string, std::vector<Table*>> groups;
    std::vector<Table*> alone;
    for (auto& section : report.sections) {
        for (auto& table : section.tables) {
            if (table.totals == Totals::none || table.rows.empty()) {
                continue;
            }
            if (table.margin_group.empty()) {
                alone.push_back(&table);
            } else {
                groups[table.margin_group].push_back(&table);
            }
        }
    }
    for (auto* table : alone) {
        Grid g(*table, min_cell);
        g.mark_primary();
        protect_grid(g, nullptr);
    }
    for (auto& [name, tables] : groups) {
        std::vector<Grid> grids;
        grids.reserve(tables.size());
        for (auto* table : tables) {
            grids.emplace_back(*table, min_cell);
        }
        std::vector<Grid*> pointers;
        for (auto& g : grids) {
            pointers.push_back(&g);
        }
        const auto lock = lock_margin(pointers);
        for (auto& g : grids) {
            protect_grid(g, &lock);
        }
    }
}

} // namespace werkstatt::report
