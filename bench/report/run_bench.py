#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time `werkstatt report quarterly|annual|esf` on a large database against the sqlite3 shell.

Usage: run_bench.py [WERKSTATT]   (default build/cmd/werkstatt; `make bench-report` runs it)

Environment: BENCH_DIR (default build/bench-report), SQLITE3 (default sqlite3), REPEAT (3),
CANDIDATES (1000000), OPENINGS (20000), EVENTS (200), PLACEMENTS (100000).
The database is generated once by gen_db.py and kept, named by its sizes and a hash of the
generator. Each measurement runs REPEAT times after one untimed warm-up; the median wall time
and the largest peak RSS (from wait4, the figure GNU time's %M reports) are printed.
"""
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET_SECONDS = 2.0
TARGET_MIB = 64
RUNS = [("quarterly", "2027Q1", "2027-01-01", "2027-03-31"),
        ("annual", "2026", "2026-01-01", "2026-12-31"),
        ("esf", "2026", "2026-01-01", "2026-12-31")]


def measure_rusage(argv, stdin_text=None):
    """Run argv once, `stdin_text` on its stdin; return (wall seconds, peak RSS in KiB, exit
    status, first stderr line, CPU seconds)."""
    stdin_r = None
    if stdin_text is not None:
        stdin_r, stdin_w = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        if stdin_r is not None:
            os.dup2(stdin_r, 0)
            os.close(stdin_w)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        err = os.open(os.path.join(BENCH_DIR, "stderr.txt"),
                      os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(err, 2)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    if stdin_r is not None:
        os.close(stdin_r)
        with os.fdopen(stdin_w, "w") as w:
            w.write(stdin_text)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    with open(os.path.join(BENCH_DIR, "stderr.txt")) as f:
        first = f.readline().strip()
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status), first, cpu


def repeat(argv, stdin_text, times):
    measure_rusage(argv, stdin_text)  # warm the page cache
    results = [measure_rusage(argv, stdin_text) for _ in range(times)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results),
            results[-1][2], results[-1][3], statistics.median(r[4] for r in results))


def floor_sql(kind, first, last):
    """The queries of `kind` from floor.sql, with the period filled in."""
    text = open(os.path.join(HERE, "floor.sql"), encoding="utf-8").read()
    parts = re.split(r"^-- kind: (.*)$", text, flags=re.M)
    sql = "".join(body for kinds, body in zip(parts[1::2], parts[2::2]) if kind in kinds.split())
    if kind == "annual":  # the annual report has one column per quarter: the queries per quarter
        year = first[:4]
        quarters = [(f"{year}-01-01", f"{year}-03-31"), (f"{year}-04-01", f"{year}-06-30"),
                    (f"{year}-07-01", f"{year}-09-30"), (f"{year}-10-01", f"{year}-12-31"),
                    (first, last)]
        return "".join(sql.replace("@FIRST@", a).replace("@LAST@", b) for a, b in quarters)
    return sql.replace("@FIRST@", first).replace("@LAST@", last)


def main():
    global BENCH_DIR
    werkstatt = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/cmd/werkstatt")
    sqlite3 = os.environ.get("SQLITE3", "sqlite3")
    BENCH_DIR = os.path.abspath(os.environ.get("BENCH_DIR", "build/bench-report"))
    times = int(os.environ.get("REPEAT", "3"))
    sizes = {k: int(os.environ.get(k.upper(), d)) for k, d in
             [("candidates", 1_000_000), ("openings", 20_000), ("events", 200),
              ("placements", 100_000)]}
    if not shutil.which(sqlite3) or not os.access(werkstatt, os.X_OK):
        sys.exit(f"run_bench.py: needs {werkstatt} and {sqlite3}; build first (make build)")
    os.makedirs(BENCH_DIR, exist_ok=True)
    generator = os.path.join(HERE, "gen_db.py")
    digest = hashlib.sha256(open(generator, "rb").read()).hexdigest()[:10]
    db = os.path.join(BENCH_DIR, f"report-{sizes['candidates']}-{digest}.db")
    if not os.path.exists(db):
        start = time.perf_counter()
        subprocess.run([sys.executable, generator, werkstatt, db + ".part"] +
                       [f"--{k}={v}" for k, v in sizes.items()], check=True)
        os.replace(db + ".part", db)
        print(f"generated {db} in {time.perf_counter() - start:.1f} s "
              f"({os.path.getsize(db) / 2**20:.0f} MiB)")
    print(f"database: {db}; median of {times} runs; peak RSS from wait4")
    print("wall and CPU (user + system) seconds; the machine may be shared, so CPU is the "
          "steadier figure")
    print(f"{'report':<10} {'period':<7} {'werkstatt s':>11} {'cpu':>6} {'floor s':>8} "
          f"{'cpu':>6} {'ratio':>6} {'werkstatt MiB':>13} {'floor MiB':>9}  verdict")
    for kind, period, first, last in RUNS:
        w_s, w_kib, w_status, w_err, w_cpu = repeat(
            [werkstatt, "--db", db, "report", kind, "--period", period, "--format", "md"],
            None, times)
        f_s, f_kib, f_status, f_err, f_cpu = repeat([sqlite3, "-readonly", db], floor_sql(kind, first,
                                                                                  last), times)
        if f_status != 0:
            sys.exit(f"sqlite3 failed on the floor queries of {kind}: {f_err}")
        floor = f"{f_s:8.3f} {f_cpu:6.3f}"
        if w_status != 0:
            print(f"{kind:<10} {period:<7} {'failed':>11} {'-':>6} {floor} {'-':>6} {'-':>13} "
                  f"{f_kib / 1024:9.1f}  werkstatt exit {w_status}: {w_err}")
            continue
        verdict = "ok" if w_s < TARGET_SECONDS and w_kib / 1024 < TARGET_MIB else \
            f"MISSES the target (< {TARGET_SECONDS:g} s, < {TARGET_MIB} MiB)"
        print(f"{kind:<10} {period:<7} {w_s:11.3f} {w_cpu:6.3f} {floor} {w_s / f_s:6.1f} "
              f"{w_kib / 1024:13.1f} {f_kib / 1024:9.1f}  {verdict}")


if __name__ == "__main__":
    main()
