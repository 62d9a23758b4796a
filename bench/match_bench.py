#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Matching benchmark: werkstatt's optimal proposal against scipy's linear_sum_assignment.

    /usr/bin/python3 bench/match_bench.py WERKSTATT [--runs N] [--skip-large] [--keep DIR]

Builds synthetic instances with the real commands (company, candidate and opening import of files
from gen_ba.py and gen_match.py: places spread over Sachsen-Anhalt's PLZ areas, a few hundred KldB
codes), then per instance:
  - times `werkstatt match --assign --format json` (the whole command: reading the pool, scoring
    every pair, solving) and reads its own phase times from -v;
  - for the 4,000 x 4,000 instances, writes every feasible pair with `match --scores --format
    csv`, builds the dense score matrix (0 where a pair is infeasible) and times
    scipy.optimize.linear_sum_assignment(maximize=True) on it, checks that both totals are equal
    (in thousandths of a point, exactly) and prints the time ratio;
  - for the state-wide 100,000 x 20,000 instance, checks the targets: under 10 s and 2 GiB.
Needs Debian's python3-scipy (run with /usr/bin/python3). Timings are the best of --runs.
"""

import argparse
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DAY = "2026-12-01"


def run(cmd, env, **kw):
    return subprocess.run(cmd, env=env, check=True, **kw)


def build(werkstatt, folder, candidates, openings, positions, max_radius):
    env = dict(os.environ, HOME=folder, XDG_CONFIG_HOME=os.path.join(folder, "cfg"),
               XDG_DATA_HOME=os.path.join(folder, "data"))
    db = os.path.join(folder, "w.db")
    py = sys.executable
    run([py, os.path.join(HERE, "gen_ba.py"), str(candidates), os.path.join(folder, "c.csv"),
         "--max-radius", str(max_radius)], env)
    run([py, os.path.join(HERE, "gen_match.py"), str(openings), os.path.join(folder, "f.csv"),
         os.path.join(folder, "o.csv"), "--positions", str(positions)], env)
    base = [werkstatt, "--db", db, "-q"]
    run(base + ["init"], env)
    run(base + ["company", "import", os.path.join(folder, "f.csv")], env)
    run(base + ["candidate", "import", os.path.join(folder, "c.csv"), "--profile", "ba"], env)
    run(base + ["opening", "import", os.path.join(folder, "o.csv")], env)
    return env, db


def timed_assign(werkstatt, env, db, extra, runs):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "maxrss_kb=%M", werkstatt, "--db", db, "-v",
                            "match", "--assign", "--format", "json", "--date", DAY] + extra,
                           env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if p.returncode != 0:
            sys.exit(f"werkstatt match --assign failed: {p.stderr}")
        phases = {k: float(v) for k, v in
                  re.findall(r"(read|scored \d+ feasible pairs|solved the assignment) in ([\d.]+) s",
                             p.stderr)}
        rss = int(re.search(r"maxrss_kb=(\d+)", p.stderr).group(1)) * 1024
        doc = json.loads(p.stdout)
        result = (wall, phases, rss, doc)
        if best is None or wall < best[0]:
            best = result
    return best


def phase(phases, prefix):
    return next((v for k, v in phases.items() if k.startswith(prefix)), float("nan"))


def scipy_check(werkstatt, env, db, extra, runs):
    import numpy as np
    from scipy.optimize import linear_sum_assignment
    p = run([werkstatt, "--db", db, "-q", "match", "--scores", "--format", "csv", "--date",
             DAY] + extra, env, capture_output=True, text=True)
    rows = list(csv.DictReader(io.StringIO(p.stdout)))
    cand = sorted({int(r["candidate_id"]) for r in rows})
    opening = sorted({int(r["opening"]) for r in rows})
    # The whole pool, not only ids with a feasible pair: the matrix scipy gets is the dense one.
    ci = {c: i for i, c in enumerate(cand)}
    oi = {o: i for i, o in enumerate(opening)}
    n_c = int(env["BENCH_CANDIDATES"])
    n_o = int(env["BENCH_OPENINGS"])
    matrix = np.zeros((n_c, n_o), dtype=np.int64)
    for r in rows:
        matrix[ci[int(r["candidate_id"])], oi[int(r["opening"])]] = round(float(r["score"]) * 1000)
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        r, c = linear_sum_assignment(matrix, maximize=True)
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    return len(rows), int(matrix[r, c].sum()), best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("werkstatt")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-large", action="store_true")
    ap.add_argument("--keep", help="build the instances in this folder and keep them")
    args = ap.parse_args()
    werkstatt = os.path.abspath(args.werkstatt)
    root = args.keep or tempfile.mkdtemp(prefix="werkstatt-match-bench-")
    os.makedirs(root, exist_ok=True)
    ok = True
    try:
        instances = [
            ("4000x4000 realistic", 4000, 4000, 1, 50, []),
            ("4000x4000 all-feasible", 4000, 4000, 1, 400,
             ["--set", "match.min_kldb_digits=0"]),
        ]
        for name, n_c, n_o, positions, radius, extra in instances:
            folder = os.path.join(root, name.split()[0] + "-" + name.split()[1])
            os.makedirs(folder, exist_ok=True)
            env, db = build(werkstatt, folder, n_c, n_o, positions, radius)
            env["BENCH_CANDIDATES"], env["BENCH_OPENINGS"] = str(n_c), str(n_o)
            wall, phases, rss, doc = timed_assign(werkstatt, env, db, extra, args.runs)
            pairs, scipy_total, scipy_s = scipy_check(werkstatt, env, db, extra, args.runs)
            total = round(doc["total"] * 1000)
            equal = total == scipy_total
            ok = ok and equal
            print(f"{name}: {pairs} feasible pairs ({100.0 * pairs / (n_c * n_o):.1f} % of the "
                  f"dense matrix)")
            print(f"  werkstatt match --assign: {wall:.2f} s whole command (read "
                  f"{phase(phases, 'read'):.2f}, score {phase(phases, 'scored'):.2f}, solve "
                  f"{phase(phases, 'solved'):.2f}), peak RSS {rss / 2**20:.0f} MiB")
            print(f"  scipy linear_sum_assignment on the dense {n_c}x{n_o} matrix: {scipy_s:.2f} s")
            print(f"  totals: werkstatt {total}, scipy {scipy_total} (thousandths): "
                  f"{'EQUAL' if equal else 'DIFFERENT'}")
            ratio = wall / scipy_s
            solve_ratio = phase(phases, "solved") / scipy_s
            print(f"  ratio werkstatt/scipy: {ratio:.2f} whole command, {solve_ratio:.2f} solver "
                  f"alone (target <= 1: {'PASS' if ratio <= 1 else 'MISS'})")
        if not args.skip_large:
            folder = os.path.join(root, "statewide")
            os.makedirs(folder, exist_ok=True)
            env, db = build(werkstatt, folder, 100000, 20000, 0, 50)
            wall, phases, rss, doc = timed_assign(werkstatt, env, db, [], args.runs)
            print(f"100000x20000 state-wide: {doc['feasible_pairs']} feasible pairs "
                  f"({doc['feasible_pairs'] / 100000:.0f} per candidate), {doc['assigned']} "
                  f"assigned, total {doc['total']}")
            print(f"  werkstatt match --assign: {wall:.2f} s whole command (read "
                  f"{phase(phases, 'read'):.2f}, score {phase(phases, 'scored'):.2f}, solve "
                  f"{phase(phases, 'solved'):.2f}), peak RSS {rss / 2**20:.0f} MiB")
            print(f"  targets: under 10 s {'PASS' if wall < 10 else 'MISS'}, under 2 GiB "
                  f"{'PASS' if rss < 2 * 2**30 else 'MISS'}")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
