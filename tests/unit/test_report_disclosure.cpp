// SPDX-License-Identifier: GPL-3.0-or-later
// Disclosure control on hand-made tables. The exact proof (no suppressed count can be worked
// out, by linear programming) is tests/check_disclosure.py over the real reports; here every
// table must at least meet its necessary conditions (no published count from 1 to min_cell,
// no equation with exactly one suppressed cell), and small cases must give the pattern worked
// out by hand.
#include "report/disclosure.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using werkstatt::report::Cell;
using werkstatt::report::protect;
using werkstatt::report::Report;
using werkstatt::report::Section;
using werkstatt::report::Suppression;
using werkstatt::report::Table;
using werkstatt::report::Totals;

namespace {

using Matrix = std::vector<std::vector<std::int64_t>>;

// Return a table of the body counts `body` with its total row (and, for Totals::both, its
// total column) added.
Table table_of(const Matrix& body, Totals totals, std::string group = {}) {
    Table t;
    t.id = "t";
    t.totals = totals;
    t.margin_group = std::move(group);
    const auto width = body.at(0).size();
    t.columns.push_back({"label", "Label"});
    for (std::size_t c = 0; c < width; ++c) {
        t.columns.push_back({"c" + std::to_string(c), "C"});
    }
    if (totals == Totals::both) {
        t.columns.push_back({"total", "Total"});
    }
    std::vector<std::int64_t> sums(width + 1, 0);
    auto add_row = [&](const std::vector<std::int64_t>& values, const char* label) {
        std::vector<Cell> row{Cell::of_text(label)};
        std::int64_t total = 0;
        for (auto v : values) {
            row.push_back(Cell::of_count(v));
            total += v;
        }
        if (totals == Totals::both) {
            row.push_back(Cell::of_count(total));
        }
        t.rows.push_back(std::move(row));
    };
    for (const auto& values : body) {
        add_row(values, "row");
        for (std::size_t c = 0; c < width; ++c) {
            sums[c] += values[c];
        }
    }
    sums.pop_back();
    add_row(sums, "Total");
    return t;
}

Report report_of(std::vector<Table> tables) {
    Report report;
    Section section;
    section.tables = std::move(tables);
    report.sections.push_back(std::move(section));
    return report;
}

const Table& only_table(const Report& report, std::size_t i = 0) {
    return report.sections.at(0).tables.at(i);
}

// The suppression of value cell (r, c) (c counts the value columns from 0).
Suppression at(const Table& t, std::size_t r, std::size_t c) {
    return t.rows.at(r).at(t.label_columns + c).suppression;
}

std::size_t value_columns(const Table& t) {
    return t.columns.size() - t.label_columns;
}

// Every count from 1 to min_cell is suppressed (primary, or secondary where "<N" would give it
// away), every primary cell is such a count; no row equation (Totals::both) and no column
// equation has exactly one suppressed cell.
void check_necessary(const Table& t, int min_cell) {
    const auto rows = t.rows.size();
    const auto cols = value_columns(t);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < cols; ++c) {
            const auto& cell = t.rows[r][t.label_columns + c];
            const bool small = cell.count >= 1 && cell.count <= min_cell;
            INFO("cell " << r << "," << c << " = " << cell.count);
            if (small) {
                CHECK(cell.suppression != Suppression::none);
            }
            if (cell.suppression == Suppression::primary) {
                CHECK(small);
            }
        }
    }
    for (std::size_t c = 0; c < cols; ++c) {
        std::size_t hidden = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            hidden += at(t, r, c) != Suppression::none ? 1 : 0;
        }
        INFO("column " << c);
        CHECK(hidden != 1);
    }
    if (t.totals == Totals::both) {
        for (std::size_t r = 0; r < rows; ++r) {
            std::size_t hidden = 0;
            for (std::size_t c = 0; c < cols; ++c) {
                hidden += at(t, r, c) != Suppression::none ? 1 : 0;
            }
            INFO("row " << r);
            CHECK(hidden != 1);
        }
    }
}

std::size_t count_of(const Table& t, Suppression kind) {
    std::size_t n = 0;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        for (std::size_t c = 0; c < value_columns(t); ++c) {
            n += at(t, r, c) == kind ? 1 : 0;
        }
    }
    return n;
}

} // namespace

TEST_CASE("protect: a lone 1 in a row is hidden with the cheapest rectangle of body cells",
          "[report][disclosure]") {
    auto report = report_of({table_of({{1, 5, 0, 0}, {4, 6, 0, 0}}, Totals::both)});
    protect(report, 3);
    const auto& t = only_table(report);
    check_necessary(t, 3);
    CHECK(at(t, 0, 0) == Suppression::primary);
    // The zero columns cannot move the 1 (it cannot go below 1, a zero not below 0): the
    // rectangle takes the 5, 4 and 6.
    CHECK(at(t, 0, 1) == Suppression::secondary);
    CHECK(at(t, 1, 0) == Suppression::secondary);
    CHECK(at(t, 1, 1) == Suppression::secondary);
    CHECK(count_of(t, Suppression::secondary) == 3);
    CHECK(at(t, 2, 0) == Suppression::none); // the totals stay published
    CHECK(at(t, 0, 4) == Suppression::none);
}

TEST_CASE("protect: a lone primary in a column takes the smallest positive body cell",
          "[report][disclosure]") {
    auto report = report_of({table_of({{2}, {9}, {7}}, Totals::columns)});
    protect(report, 3);
    const auto& t = only_table(report);
    check_necessary(t, 3);
    CHECK(at(t, 0, 0) == Suppression::primary);
    CHECK(at(t, 2, 0) == Suppression::secondary);
    CHECK(at(t, 1, 0) == Suppression::none);
    CHECK(at(t, 3, 0) == Suppression::none);
}

TEST_CASE("protect: a primary total moves with its primary body cell, nothing more",
          "[report][disclosure]") {
    auto report = report_of({table_of({{1}, {0}, {0}}, Totals::columns)});
    protect(report, 3);
    const auto& t = only_table(report);
    check_necessary(t, 3);
    CHECK(at(t, 3, 0) == Suppression::primary);
    CHECK(count_of(t, Suppression::secondary) == 0);
}

TEST_CASE("protect: a primary total in a two-way table", "[report][disclosure]") {
    auto report = report_of({table_of({{1, 0}, {0, 4}, {5, 6}}, Totals::both)});
    protect(report, 3);
    const auto& t = only_table(report);
    check_necessary(t, 3);
    CHECK(at(t, 0, 2) == Suppression::primary); // the row total 1
    CHECK(count_of(t, Suppression::secondary) >= 2);
}

TEST_CASE("protect: all cells small", "[report][disclosure]") {
    auto report = report_of({table_of({{1, 2}, {3, 1}}, Totals::both)});
    protect(report, 3);
    const auto& t = only_table(report);
    check_necessary(t, 3);
    CHECK(at(t, 0, 0) == Suppression::primary);
    CHECK(at(t, 1, 1) == Suppression::primary);
}

TEST_CASE("protect: zero cells are published and used only where they can move",
          "[report][disclosure]") {
    auto report = report_of({table_of({{2, 0, 0}, {0, 7, 0}, {4, 5, 6}}, Totals::both)});
    protect(report, 3);
    const auto& t = only_table(report);
    check_necessary(t, 3);
    CHECK(at(t, 0, 0) == Suppression::primary);
    CHECK(at(t, 0, 2) == Suppression::none); // a zero no rectangle needs stays published
}

TEST_CASE("protect: a 1x1 table", "[report][disclosure]") {
    SECTION("a small count hides the whole table") {
        auto report = report_of({table_of({{2}}, Totals::both)});
        protect(report, 3);
        const auto& t = only_table(report);
        check_necessary(t, 3);
        CHECK(count_of(t, Suppression::primary) == 4);
    }
    SECTION("a large count is published") {
        auto report = report_of({table_of({{5}}, Totals::both)});
        protect(report, 3);
        const auto& t = only_table(report);
        CHECK(count_of(t, Suppression::primary) + count_of(t, Suppression::secondary) == 0);
    }
}

TEST_CASE("protect: min_cell decides what is small", "[report][disclosure]") {
    auto report = report_of({table_of({{4, 9}, {8, 9}}, Totals::both)});
    protect(report, 4);
    const auto& t = only_table(report);
    check_necessary(t, 4);
    CHECK(at(t, 0, 0) == Suppression::primary);
    auto lower = report_of({table_of({{4, 9}, {8, 9}}, Totals::both)});
    protect(lower, 3);
    CHECK(count_of(only_table(lower), Suppression::primary) == 0);
}

TEST_CASE("protect: tables without totals are left alone", "[report][disclosure]") {
    auto report = report_of({table_of({{1, 2}}, Totals::none)});
    protect(report, 3);
    const auto& t = only_table(report);
    CHECK(count_of(t, Suppression::primary) + count_of(t, Suppression::secondary) == 0);
}

TEST_CASE("protect: tables of one margin group hide the same cells of their total row",
          "[report][disclosure]") {
    // Both tables count the same 18 persons by three columns; the third column's total is 1.
    auto report = report_of({table_of({{1, 5, 1}, {5, 6, 0}}, Totals::both, "people"),
                             table_of({{3, 8, 0}, {3, 3, 1}}, Totals::both, "people")});
    protect(report, 3);
    const auto& a = only_table(report, 0);
    const auto& b = only_table(report, 1);
    check_necessary(a, 3);
    check_necessary(b, 3);
    const auto total_row = a.rows.size() - 1;
    CHECK(at(a, total_row, 2) == Suppression::primary);
    for (std::size_t c = 0; c < value_columns(a); ++c) {
        INFO("total row, column " << c);
        CHECK(at(a, total_row, c) == at(b, total_row, c));
    }
    CHECK(count_of(a, Suppression::secondary) > 0);
}

TEST_CASE("protect: small counts that add up to their total are shown as x",
          "[report][disclosure]") {
    // The third column holds three 1s and its total is 3: as "<4" each, a reader would know all
    // four (each at least 1, together at most 3). As "x" (0 or more) they can move.
    auto report = report_of({table_of({{1, 9, 1}, {9, 9, 1}, {8, 9, 1}}, Totals::both)});
    protect(report, 3);
    const auto& t = only_table(report);
    check_necessary(t, 3);
    CHECK(at(t, 0, 2) == Suppression::secondary);
    CHECK(at(t, 3, 2) != Suppression::none);
}
