#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Read the XLSX writer's sample workbooks back with openpyxl (Debian python3-openpyxl).
# Usage: check_xlsx.sh UNIT_TESTS_BINARY. Exits 77 (skipped) when openpyxl is not installed.
set -u
unit_tests=$1
here=$(cd "$(dirname "$0")" && pwd)
py=""
for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c 'import openpyxl' 2>/dev/null; then
        py=$candidate
        break
    fi
done
if [ -z "$py" ]; then
    echo "SKIP: python3-openpyxl is not installed"
    exit 77
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/werkstatt-xlsx-XXXXXX")
trap 'rm -rf "$dir"' EXIT
WERKSTATT_XLSX_SAMPLE_DIR=$dir LC_ALL=C "$unit_tests" "[.xlsx_sample]" >"$dir/log" 2>&1 || {
    cat "$dir/log"
    echo "FAIL: the sample workbooks were not written"
    exit 1
}
"$py" "$here/check_xlsx.py" "$dir/sample-de.xlsx" "$dir/sample-en.xlsx"
