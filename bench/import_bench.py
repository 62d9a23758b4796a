#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Import benchmark: werkstatt `candidate import --profile ba` against sqlite3's `.import`.

    bench/import_bench.sh [ROWS]        (default 1000000)

Environment:
    WERKSTATT   the binary (default: build-bench/cmd/werkstatt, a Release build)
    SQLITE3     the sqlite3 shell (default: sqlite3 on PATH)
    BENCH_DIR   where generated files and scratch databases go (default: $TMPDIR or /tmp,
                /werkstatt-bench); generated files are kept there and reused
    REPEAT      runs of each measurement, the median is reported (default 3)
    BIG_ROWS    rows of the second file for the memory check (default 3 x ROWS; 0 skips it)
    CHANGED     1 (default): also import, once, a file with the same references and other
                values over the first one (every row updated); for information, no target

Measured, each REPEAT times, on the same file with a warm page cache:
  sqlite3     fresh database, CREATE TABLE cand (21 TEXT columns, Referenznummer PRIMARY KEY),
              .mode csv, .separator ";", .import --skip 1 FILE cand
  first       fresh `werkstatt init` database (init not timed), `candidate import`
  reimport    the same import again into that database: every row unchanged
Wall time and peak RSS of the one process (GNU time's %M where /usr/bin/time exists, else the
rusage of that child from wait4). Not a test: it prints PASS/MISS against the targets and exits 0
unless something failed to run or imported the wrong number of rows.
"""

import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in bench/
import gen_ba  # noqa: E402  (the header, for the sqlite table)

TARGET_RATIO = 1.5
TARGET_RSS_MIB = 64.0
GNU_TIME = "/usr/bin/time"
SOURCE = "jc-bench"


def die(message):
    print(f"import_bench: {message}", file=sys.stderr)
    sys.exit(2)


def gnu_time_available():
    if not os.access(GNU_TIME, os.X_OK):
        return False
    try:
        out = subprocess.run([GNU_TIME, "--version"], capture_output=True, text=True)
        return "GNU" in (out.stdout + out.stderr)
    except OSError:
        return False


USE_GNU_TIME = gnu_time_available()


def measure(argv, stdin_text=None):
    """Run argv; return (seconds, peak RSS in KiB, exit status, stdout+stderr)."""
    with tempfile.NamedTemporaryFile("w+", delete=False) as f:
        time_out = f.name
    try:
        cmd = [GNU_TIME, "-f", "%M", "-o", time_out] + argv if USE_GNU_TIME else argv
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin_text is not None else
                             subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
        if stdin_text is not None:
            # Write stdin and read the output without using communicate(), which would reap the
            # child before wait4 can read its rusage.
            p.stdin.write(stdin_text)
            p.stdin.close()
        output = p.stdout.read()
        _, status, rusage = os.wait4(p.pid, 0)
        seconds = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        p.stdout.close()
        if USE_GNU_TIME:
            with open(time_out) as t:
                lines = [x for x in t.read().split() if x.strip()]
            # GNU time prints "Command exited with non-zero status N" before the figure.
            rss_kib = int(lines[-1]) if lines and lines[-1].isdigit() else 0
        else:
            rss_kib = rusage.ru_maxrss  # KiB on Linux
        return seconds, rss_kib, p.returncode, output
    finally:
        os.unlink(time_out)


def file_digest(path):
    with open(path, "rb") as f:
        return hashlib.sha1(f.read()).hexdigest()[:10]


def generated_file(bench_dir, rows, seed=None):
    """Return the cached generated file of `rows` rows, generating it first if needed."""
    key = file_digest(os.path.join(HERE, "gen_ba.py"))
    tag = f"_seed{seed}" if seed is not None else ""
    path = os.path.join(bench_dir, f"ba_{rows}{tag}_{key}.csv")
    if not os.path.exists(path):
        print(f"generating {rows:,} rows into {path} ...", flush=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, os.path.join(HERE, "gen_ba.py"), str(rows), path] +
                       (["--seed", str(seed)] if seed is not None else []), check=True)
        print(f"  generated in {time.perf_counter() - start:.0f} s, "
              f"{os.path.getsize(path) / 2**20:.0f} MiB", flush=True)
    return path


def warm(path):
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def remove_db(path):
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.unlink(path + suffix)
        except FileNotFoundError:
            pass


def sqlite_import(sqlite3, csv_path, db):
    remove_db(db)
    columns = ", ".join(f'"{h}" TEXT' + (" PRIMARY KEY" if i == 0 else "")
                        for i, h in enumerate(gen_ba.HEADER))
    script = (f"CREATE TABLE cand ({columns});\n.mode csv\n.separator \";\"\n"
              f".import --skip 1 {csv_path} cand\n")
    seconds, rss, rc, out = measure([sqlite3, db], script)
    if rc != 0 or out.strip():
        die(f"sqlite3 .import failed (exit {rc}):\n{out[:2000]}")
    return seconds, rss


def count_rows(sqlite3, db, table):
    out = subprocess.run([sqlite3, db, f"SELECT count(*) FROM {table}"], capture_output=True,
                         text=True, check=True)
    return int(out.stdout.strip())


COUNTS = re.compile(r"read (\d+), inserted (\d+), updated (\d+), unchanged (\d+), "
                    r"rejected (\d+)")


def werkstatt_import(werkstatt, csv_path, db):
    seconds, rss, rc, out = measure([werkstatt, "--db", db, "candidate", "import", csv_path,
                                     "--profile", "ba", "--source", SOURCE])
    m = COUNTS.search(out)
    if rc != 0 or not m:
        die(f"werkstatt candidate import failed (exit {rc}):\n{out[:3000]}")
    read, inserted, updated, unchanged, rejected = map(int, m.groups())
    return seconds, rss, dict(read=read, inserted=inserted, updated=updated,
                              unchanged=unchanged, rejected=rejected)


def werkstatt_init(werkstatt, db):
    remove_db(db)
    out = subprocess.run([werkstatt, "--db", db, "init"], capture_output=True, text=True)
    if out.returncode != 0:
        die(f"werkstatt init failed:\n{out.stdout}{out.stderr}")


def expect(counts, rows, what, **wanted):
    bad = {k: (counts[k], v) for k, v in wanted.items() if counts[k] != v}
    if counts["read"] != rows or bad:
        die(f"{what}: unexpected counts {counts} (wanted read={rows} {wanted})")


def mib(kib):
    return kib / 1024.0


def verdict(ok):
    return "PASS" if ok else "MISS"


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    repeat = int(os.environ.get("REPEAT", "3"))
    big_rows = int(os.environ.get("BIG_ROWS", str(3 * rows)))
    changed_run = os.environ.get("CHANGED", "1") != "0"
    werkstatt = os.environ.get("WERKSTATT", os.path.join(ROOT, "build-bench", "cmd",
                                                         "werkstatt"))
    sqlite3 = os.environ.get("SQLITE3") or shutil.which("sqlite3")
    bench_dir = os.environ.get("BENCH_DIR") or os.path.join(tempfile.gettempdir(),
                                                             "werkstatt-bench")
    if not os.access(werkstatt, os.X_OK):
        die(f"no werkstatt binary at {werkstatt}; build one (see bench/README.md) or set "
            f"WERKSTATT")
    if not sqlite3:
        die("no sqlite3 shell on PATH; install it or set SQLITE3")
    os.makedirs(bench_dir, exist_ok=True)
    version = subprocess.run([sqlite3, "--version"], capture_output=True, text=True).stdout
    print(f"werkstatt: {werkstatt}")
    print(f"sqlite3:   {sqlite3} {version.split()[0] if version else '?'}")
    print(f"rss:       {'GNU time %M' if USE_GNU_TIME else 'wait4 rusage ru_maxrss'}")
    print(f"nproc {os.cpu_count()}, rows {rows:,}, repeat {repeat}, big rows {big_rows:,}")

    csv_path = generated_file(bench_dir, rows)
    size_mib = os.path.getsize(csv_path) / 2**20
    scratch = tempfile.mkdtemp(prefix="run-", dir=bench_dir)
    sdb = os.path.join(scratch, "sqlite.db")
    wdb = os.path.join(scratch, "werkstatt.db")
    results = {"sqlite3": [], "first": [], "reimport": []}
    try:
        warm(csv_path)
        for i in range(repeat):
            t, rss = sqlite_import(sqlite3, csv_path, sdb)
            n = count_rows(sqlite3, sdb, "cand")
            if n != rows:
                die(f"sqlite3 imported {n} rows, not {rows}")
            remove_db(sdb)
            results["sqlite3"].append((t, rss))

            werkstatt_init(werkstatt, wdb)
            t, rss, c = werkstatt_import(werkstatt, csv_path, wdb)
            expect(c, rows, "first import", inserted=rows, rejected=0)
            results["first"].append((t, rss))
            t, rss, c = werkstatt_import(werkstatt, csv_path, wdb)
            expect(c, rows, "re-import", unchanged=rows, rejected=0)
            results["reimport"].append((t, rss))
            remove_db(wdb)
            print(f"  run {i + 1}/{repeat}: sqlite3 {results['sqlite3'][-1][0]:.2f} s, "
                  f"first {results['first'][-1][0]:.2f} s, "
                  f"reimport {results['reimport'][-1][0]:.2f} s", flush=True)

        changed = None
        if changed_run:
            changed_path = generated_file(bench_dir, rows, seed=7)
            warm(csv_path)
            warm(changed_path)
            werkstatt_init(werkstatt, wdb)
            werkstatt_import(werkstatt, csv_path, wdb)
            t, rss, c = werkstatt_import(werkstatt, changed_path, wdb)
            expect(c, rows, "changed re-import", updated=rows, rejected=0)
            remove_db(wdb)
            changed = (t, rss)

        big = None
        if big_rows > 0:
            big_path = generated_file(bench_dir, big_rows)
            warm(big_path)
            werkstatt_init(werkstatt, wdb)
            t1, rss1, c = werkstatt_import(werkstatt, big_path, wdb)
            expect(c, big_rows, "big first import", inserted=big_rows, rejected=0)
            t2, rss2, c = werkstatt_import(werkstatt, big_path, wdb)
            expect(c, big_rows, "big re-import", unchanged=big_rows, rejected=0)
            remove_db(wdb)
            big = (os.path.getsize(big_path) / 2**20, t1, rss1, t2, rss2)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    med = {k: statistics.median(t for t, _ in v) for k, v in results.items()}
    peak = {k: max(r for _, r in v) for k, v in results.items()}
    print()
    print(f"{rows:,} rows, {size_mib:.0f} MiB; median of {repeat} (min-max), peak RSS max of "
          f"{repeat}")
    print(f"{'':<22}{'median s':>10}{'min-max s':>16}{'rows/s':>12}{'peak RSS':>12}")
    labels = {"sqlite3": "sqlite3 .import", "first": "werkstatt first",
              "reimport": "werkstatt re-import"}
    for k, v in results.items():
        times = [t for t, _ in v]
        print(f"{labels[k]:<22}{med[k]:>10.2f}{f'{min(times):.2f}-{max(times):.2f}':>16}"
              f"{rows / med[k]:>12,.0f}{f'{mib(peak[k]):.1f} MiB':>12}")
    if changed:
        t, rss = changed
        print(f"{'werkstatt changed':<22}{t:>10.2f}{'(one run)':>16}{rows / t:>12,.0f}"
              f"{f'{mib(rss):.1f} MiB':>12}   every row updated; no target")
    if big:
        size, t1, rss1, t2, rss2 = big
        print(f"{big_rows:,} rows, {size:.0f} MiB, one run each:")
        print(f"{'werkstatt first':<22}{t1:>10.2f}{'':>16}{big_rows / t1:>12,.0f}"
              f"{f'{mib(rss1):.1f} MiB':>12}")
        print(f"{'werkstatt re-import':<22}{t2:>10.2f}{'':>16}{big_rows / t2:>12,.0f}"
              f"{f'{mib(rss2):.1f} MiB':>12}")

    ratio = med["first"] / med["sqlite3"]
    re_ratio = med["reimport"] / med["first"]
    rss_all = [peak["first"], peak["reimport"]] + ([big[2], big[4]] if big else [])
    worst = mib(max(rss_all))
    print()
    print(f"werkstatt first / sqlite3 .import: {ratio:.2f}x  (target <= {TARGET_RATIO}x)  "
          f"{verdict(ratio <= TARGET_RATIO)}")
    print(f"peak RSS of werkstatt, largest:    {worst:.1f} MiB  (target < {TARGET_RSS_MIB:.0f} "
          f"MiB{', at ' + format(big_rows, ',') + ' rows too' if big else ''})  "
          f"{verdict(worst < TARGET_RSS_MIB)}")
    if big:
        growth = mib(big[2]) - mib(peak["first"])
        print(f"peak RSS growth {rows:,} -> {big_rows:,} rows (first import): "
              f"{growth:+.1f} MiB  {verdict(abs(growth) < 4.0)} (flat within 4 MiB)")
    print(f"re-import / first import:          {re_ratio:.2f}x  (target <= 1.00x)  "
          f"{verdict(re_ratio <= 1.0)}")
    if changed:
        print(f"changed re-import / first import:  {changed[0] / med['first']:.2f}x  "
              f"(for information; peak RSS {mib(changed[1]):.1f} MiB)")


if __name__ == "__main__":
    main()
