#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The round trip a coordinator makes: a listing written as a workbook, one cell edited in a
# spreadsheet (openpyxl stands in for it), the workbook imported again: exactly the edited cell
# changes, for companies, openings and candidates (--profile werkstatt).
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
if ! "$PY" -c "import openpyxl" 2>/dev/null; then
    case_ "openpyxl"
    skip "python3-openpyxl is not installed"
    finish
fi

case_ "the example database"
report_db example "$DB" || fail "cannot build the example database"

# round_trip LIST_COMMAND IMPORT_COMMAND COLUMN VALUE: write `werkstatt LIST --output x.xlsx`,
# set COLUMN of the first data row to VALUE, import it with IMPORT, and check that the JSON
# listing differs from before in that one field of that one row and nowhere else.
round_trip() {
    list=$1 import=$2 column=$3 value=$4
    # shellcheck disable=SC2086 # the commands' words
    run $list --output "$T/list.xlsx"
    expect_status 0
    # shellcheck disable=SC2086
    run $list --format json
    cp "$T/out" "$T/before.json"
    "$PY" - "$T/list.xlsx" "$T/edited.xlsx" "$column" "$value" >"$T/row_id" <<'PY'
import sys, openpyxl
src, dst, column, value = sys.argv[1:5]
wb = openpyxl.load_workbook(src)
ws = wb.active
header = [c.value for c in ws[1]]
col = header.index(column) + 1
ws.cell(row=2, column=col).value = int(value) if value.isdigit() else value
wb.save(dst)
print(ws.cell(row=2, column=1).value)
PY
    # shellcheck disable=SC2086
    run $import "$T/edited.xlsx"
    expect_status 0
    expect_err_has "updated 1, unchanged"
    # shellcheck disable=SC2086
    run $list --format json
    check
    "$PY" - "$T/before.json" "$T/out" "$column" "$value" "$(cat "$T/row_id")" >"$T/diff" <<'PY' ||
import json, sys
before, after = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
column, value, row_id = sys.argv[3], sys.argv[4], int(sys.argv[5])
assert len(before) == len(after), f"{len(before)} rows before, {len(after)} after"
changes = [(a["id"], k, b.get(k), a.get(k)) for b, a in zip(before, after) for k in a
           if b.get(k) != a.get(k)]
want = (row_id, column)
assert [(i, k) for i, k, _, _ in changes] == [want], f"changed: {changes}"
assert str(changes[0][3]) == value, f"{column} is {changes[0][3]!r}, not {value!r}"
PY
        fail "$list -> xlsx -> $import: $(cat "$T/diff")"
}

case_ "companies: company list -> xlsx -> company import"
round_trip "company list" "company import" industry "Metallbau und Schweißen"

case_ "openings: opening list -> xlsx -> opening import"
round_trip "opening list" "opening import" max_distance_km 75

case_ "candidates: candidate list -> xlsx -> candidate import --profile werkstatt"
round_trip "candidate list" "candidate import --profile werkstatt" occupation "Pflegefachfrau"

finish
