#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Import benchmark (not a test): werkstatt `candidate import --profile ba` against sqlite3's
# .import of the same generated file. Usage: bench/import_bench.sh [ROWS]   (default 1000000)
# See bench/README.md and the head of bench/import_bench.py for the environment variables.
exec python3 "$(dirname "$0")/import_bench.py" "$@"
