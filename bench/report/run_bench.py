#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time `werkstatt report quarterly|annual|esf` on a large database against the sqlite3 shell.

Usage: run_bench.py [--write-floor] [WERKSTATT]   (default build/cmd/werkstatt; `make
bench-report` runs it)

The floor is floor.sql: the statements werkstatt itself runs for each report, with their bound
values as literals, run by the sqlite3 shell. `--write-floor` records them anew: it preloads
trace_sql.c (built with cc) into werkstatt, which logs each statement as SQLite expands it.
When cc and sqlite3.h are there, every run traces werkstatt the same way and warns if floor.sql
no longer matches what werkstatt runs.

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


FLOOR_HEADER = """\
-- SPDX-License-Identifier: GPL-3.0-or-later
-- The floor of the report benchmark, written by `run_bench.py --write-floor`: the statements
-- werkstatt runs for each report of run_bench.py's RUNS, in order, as SQLite expanded them
-- (bound values as literals), traced with trace_sql.c. The sqlite3 shell runs each section on
-- the benchmark database: exactly the work werkstatt asks of SQLite, without werkstatt.
"""


def floor_sql(kind):
    """The statements of `kind` from floor.sql."""
    text = open(os.path.join(HERE, "floor.sql"), encoding="utf-8").read()
    parts = re.split(r"^-- kind: (.*)$", text, flags=re.M)
    return "".join(body for kinds, body in zip(parts[1::2], parts[2::2]) if kind in kinds.split())


def build_tracer():
    """Build trace_sql.c into BENCH_DIR; return the library's path, or None without cc."""
    cc = shutil.which(os.environ.get("CC", "cc"))
    if not cc:
        return None
    lib = os.path.join(BENCH_DIR, "trace_sql.so")
    result = subprocess.run([cc, "-O2", "-shared", "-fPIC", "-o", lib,
                             os.path.join(HERE, "trace_sql.c"), "-ldl"], capture_output=True)
    return lib if result.returncode == 0 else None


def traced_sql(tracer, argv):
    """Run argv once with the tracer preloaded; return the statements it ran."""
    log = os.path.join(BENCH_DIR, "trace.sql")
    if os.path.exists(log):
        os.remove(log)
    env = dict(os.environ, LD_PRELOAD=tracer, TRACE_SQL=log)
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    with open(log, encoding="utf-8") as f:
        return f.read()


def main():
    global BENCH_DIR
    args = sys.argv[1:]
    write_floor = "--write-floor" in args
    args = [a for a in args if a != "--write-floor"]
    werkstatt = os.path.abspath(args[0] if args else "build/cmd/werkstatt")
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
    tracer = build_tracer()
    argv_of = {kind: [werkstatt, "--db", db, "report", kind, "--period", period, "--format", "md"]
               for kind, period, _, _ in RUNS}
    if write_floor:
        if not tracer:
            sys.exit("run_bench.py: --write-floor needs cc and sqlite3.h to build trace_sql.c")
        with open(os.path.join(HERE, "floor.sql"), "w", encoding="utf-8") as out:
            out.write(FLOOR_HEADER)
            for kind, _, _, _ in RUNS:
                out.write(f"\n-- kind: {kind}\n")
                out.write(traced_sql(tracer, argv_of[kind]))
        print("wrote", os.path.join(HERE, "floor.sql"))
        return
    if tracer:
        for kind, _, _, _ in RUNS:
            if traced_sql(tracer, argv_of[kind]).strip() != floor_sql(kind).strip():
                print(f"WARNING: floor.sql is not what werkstatt runs for {kind}; "
                      "run run_bench.py --write-floor")
    else:
        print("note: no cc, so floor.sql is not checked against what werkstatt runs")
    print(f"database: {db}; median of {times} runs; peak RSS from wait4")
    print("wall and CPU (user + system) seconds; the machine may be shared, so CPU is the "
          "steadier figure")
    print("ratio: werkstatt / floor, of CPU seconds (of wall seconds in brackets)")
    print(f"{'report':<10} {'period':<7} {'werkstatt s':>11} {'cpu':>6} {'floor s':>8} "
          f"{'cpu':>6} {'ratio':>12} {'werkstatt MiB':>13} {'floor MiB':>9}  verdict")
    for kind, period, first, last in RUNS:
        w_s, w_kib, w_status, w_err, w_cpu = repeat(argv_of[kind], None, times)
        f_s, f_kib, f_status, f_err, f_cpu = repeat([sqlite3, "-readonly", db], floor_sql(kind),
                                                    times)
        if f_status != 0:
            sys.exit(f"sqlite3 failed on the floor queries of {kind}: {f_err}")
        floor = f"{f_s:8.3f} {f_cpu:6.3f}"
        if w_status != 0:
            print(f"{kind:<10} {period:<7} {'failed':>11} {'-':>6} {floor} {'-':>12} {'-':>13} "
                  f"{f_kib / 1024:9.1f}  werkstatt exit {w_status}: {w_err}")
            continue
        # The target in CPU seconds: on a shared machine wall time measures the neighbours too.
        verdict = "ok" if w_cpu < TARGET_SECONDS and w_kib / 1024 < TARGET_MIB else \
            f"MISSES the target (< {TARGET_SECONDS:g} s CPU, < {TARGET_MIB} MiB)"
        if w_s >= TARGET_SECONDS:
            verdict += f"; wall {w_s:.1f} s"
        ratio = f"{w_cpu / f_cpu:.2f} ({w_s / f_s:.2f})"
        print(f"{kind:<10} {period:<7} {w_s:11.3f} {w_cpu:6.3f} {floor} {ratio:>12} "
              f"{w_kib / 1024:13.1f} {f_kib / 1024:9.1f}  {verdict}")


if __name__ == "__main__":
    main()
