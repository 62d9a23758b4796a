#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The disclosure-control proof: no suppressed count of a report can be worked out.

Usage: check_disclosure.py REPORT.json...   (the output of `werkstatt report K --format json`)

For every table whose totals are not "none", the counts must add up (every column's body rows to
the total row; with "both" every row's value cells to its last one). For EVERY suppressed cell two
linear programmes (scipy.optimize.linprog) find the smallest and the largest value the cell can
take given everything published: published counts fixed, primary cells within 1..min_cell,
secondary cells at 0 or above, every row and column equation, and the equality of the total rows
of tables in the same margin group. The check fails when the two are equal (the cell is
disclosed), when a published count lies in 1..min_cell, when a suppressed cell carries a value,
or when published counts do not add up. Exit 0 when all holds, 1 otherwise, 77 when scipy is
missing (the check cannot run), 2 on bad usage.
"""
import json
import sys

try:
    import numpy as np
    from scipy.optimize import linprog
except ImportError:  # pragma: no cover - depends on the machine
    print("SKIP: python3-scipy is not installed; the disclosure proof cannot run")
    sys.exit(77)

TOLERANCE = 1e-6


class Problem:
    """The cells and equations of the tables of one margin group (or one table)."""

    def __init__(self, min_cell):
        self.min_cell = min_cell
        self.names = []  # variable index -> "table row r column key"
        self.bounds = []
        self.rows = []  # equations: (coefficients {var: coef}, constant) meaning sum + constant = 0

    def variable(self, name, flag):
        self.names.append(name)
        self.bounds.append((1, self.min_cell) if flag == "primary" else (0, None))
        return len(self.names) - 1


def grid_of(table, problem, failures, where):
    """Return the table's value cells as a grid of ("var", index) or ("value", count)."""
    keys = [c["key"] for c in table["columns"][table["label_columns"]:]]
    grid = []
    for r, (row, flags) in enumerate(zip(table["rows"], table["flags"])):
        cells = []
        for key in keys:
            flag = flags.get(key)
            value = row.get(key)
            name = f"{where} row {r} column {key}"
            if flag in ("primary", "secondary"):
                if value is not None:
                    failures.append(f"{name}: suppressed ({flag}) but its value {value} is written")
                cells.append(("var", problem.variable(name, flag)))
            elif isinstance(value, int) and not isinstance(value, bool):
                if 1 <= value <= problem.min_cell:
                    failures.append(f"{name}: the count {value} is published (1..{problem.min_cell})")
                cells.append(("value", value))
            else:
                failures.append(f"{name}: a table with totals holds a cell that is not a count "
                                f"({flag or value!r})")
                cells.append(("value", 0))
        grid.append(cells)
    return grid


def add_equation(problem, parts, failures, name):
    """parts: list of (sign, cell). Record sum(sign * cell) = 0."""
    coefficients = {}
    constant = 0
    for sign, (kind, x) in parts:
        if kind == "var":
            coefficients[x] = coefficients.get(x, 0) + sign
        else:
            constant += sign * x
    if not coefficients:
        if constant != 0:
            failures.append(f"{name}: the published counts do not add up (off by {constant})")
        return
    problem.rows.append((coefficients, constant))


def equations(grid, totals, problem, failures, where):
    body = grid[:-1]
    total_row = grid[-1]
    for c in range(len(total_row)):
        parts = [(1, row[c]) for row in body] + [(-1, total_row[c])]
        add_equation(problem, parts, failures, f"{where} column {c}")
    if totals == "both":
        for r, row in enumerate(grid):
            parts = [(1, cell) for cell in row[:-1]] + [(-1, row[-1])]
            add_equation(problem, parts, failures, f"{where} row {r}")


def solve(problem, failures):
    n = len(problem.names)
    if n == 0:
        return 0
    a_eq = np.zeros((len(problem.rows), n))
    b_eq = np.zeros(len(problem.rows))
    for i, (coefficients, constant) in enumerate(problem.rows):
        for x, coef in coefficients.items():
            a_eq[i, x] = coef
        b_eq[i] = -constant
    a = a_eq if problem.rows else None
    b = b_eq if problem.rows else None
    for x in range(n):
        objective = np.zeros(n)
        objective[x] = 1
        low = linprog(objective, A_eq=a, b_eq=b, bounds=problem.bounds, method="highs")
        high = linprog(-objective, A_eq=a, b_eq=b, bounds=problem.bounds, method="highs")
        if low.status != 0 or high.status not in (0, 3):
            failures.append(f"{problem.names[x]}: the published counts admit no values "
                            f"({low.message})")
            continue
        largest = float("inf") if high.status == 3 else -high.fun
        if largest - low.fun <= TOLERANCE:
            failures.append(f"{problem.names[x]}: disclosed, it can only be {low.fun:g}")
    return n


def check(path):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    min_cell = report["min_cell"]
    failures = []
    groups = {}
    for section in report["sections"]:
        for table in section["tables"]:
            if table["totals"] == "none" or not table["rows"]:
                continue
            key = table["margin_group"] or f"table {table['id']}"
            groups.setdefault(key, []).append(table)
    cells = 0
    for key, tables in groups.items():
        problem = Problem(min_cell)
        shared = None
        for table in tables:
            where = f"{path}: {table['id']}"
            grid = grid_of(table, problem, failures, where)
            equations(grid, table["totals"], problem, failures, where)
            if table["margin_group"]:
                if shared is None:
                    shared = grid[-1]
                elif len(shared) != len(grid[-1]):
                    failures.append(f"{where}: its total row differs from its margin group's")
                else:
                    for c, (a, b) in enumerate(zip(shared, grid[-1])):
                        add_equation(problem, [(1, a), (-1, b)], failures,
                                     f"{where} total row column {c} (margin group {key})")
        cells += solve(problem, failures)
    return failures, len(groups), cells


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    failed = False
    for path in argv[1:]:
        failures, tables, cells = check(path)
        for failure in failures:
            print(f"FAIL {failure}")
        failed = failed or bool(failures)
        print(f"{path}: {tables} table groups, {cells} suppressed cells checked, "
              f"{len(failures)} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
