#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up of a simple call, as scripts make one per row: `werkstatt company list --format json`
on the demo database against the sqlite3 shell's equivalent query, timed in the same run.

Usage: run_bench.py WERKSTATT-BINARY [DEMO-DATABASE] [RUNS]
Builds the demo database with examples/demo.sh when none is given. Runs each command RUNS times
(default 200), alternating, and prints the medians of wall time and of CPU time and their ratios;
then hyperfine's comparison when hyperfine is installed. Not a test: the machine's load changes
the wall times (bench/README.md)."""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
# The same rows as `company list --format json` (active companies, by key); the shell cannot
# name districts or format values as werkstatt does, so this is the lower bound of the work.
QUERY = "SELECT * FROM company WHERE active = 1 ORDER BY key"


def timed(cmd, env):
    """Return the wall time and the CPU time (user + system) of one run of `cmd`. The CPU time
    depends less on what else the machine runs; the wall time more."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{cmd} failed: {status}")
    return wall, usage.ru_utime + usage.ru_stime


def keys_of(cmd, env):
    out = subprocess.run(cmd, env=env, capture_output=True, check=True).stdout
    return [c["key"] for c in json.loads(out)]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    werkstatt = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    tmp = tempfile.mkdtemp(prefix="werkstatt-startup-")
    os.chmod(tmp, 0o700)
    try:
        db = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
        if db is None:
            subprocess.run(["sh", os.path.join(SOURCE, "examples", "demo.sh"), werkstatt,
                            os.path.join(tmp, "demo")], stdout=subprocess.DEVNULL, check=True)
            db = os.path.join(tmp, "demo", "werkstatt.db")
        env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=os.path.join(tmp, ".config"),
                   WERKSTATT_SYSTEM_CONFIG=os.path.join(tmp, "none.toml"), LC_ALL="C.UTF-8")
        env.pop("WERKSTATT_DB", None)
        ours = [werkstatt, "--db", db, "company", "list", "--format", "json"]
        shell = ["sqlite3", "-readonly", "-json", db, QUERY]
        keys, shell_keys = keys_of(ours, env), keys_of(shell, env)
        if keys != shell_keys:  # both must list the same companies
            sys.exit(f"werkstatt lists {keys}, the shell {shell_keys}")
        print(f"{len(keys)} companies; {runs} runs each")
        for _ in range(10):  # warm the page cache and the binary
            timed(ours, env)
            timed(shell, env)
        a, b = [], []
        for _ in range(runs):  # alternating, so that a change of load hits both alike
            a.append(timed(ours, env))
            b.append(timed(shell, env))
        for what, i in (("wall time", 0), ("CPU time (user + system)", 1)):
            ours_s = statistics.median(x[i] for x in a)
            shell_s = statistics.median(x[i] for x in b)
            print(f"{what}, median: werkstatt {ours_s * 1000:.2f} ms, "
                  f"sqlite3 {shell_s * 1000:.2f} ms, ratio {ours_s / shell_s:.2f}")
        if shutil.which("hyperfine"):
            subprocess.run(["hyperfine", "-N", "--warmup", "20", "--runs", str(runs),
                            " ".join(ours), " ".join(shell)], env=env, check=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
