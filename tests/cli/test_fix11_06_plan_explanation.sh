#!/bin/sh
# Issue 11, item 6: `event plan --format json|csv` joins a meeting's explanation lines with "; "
# (werkstatt-event(1)), so that a CSV cell holds one line, not line breaks.
. "$(dirname "$0")/lib.sh"
run init
run company add --key nord-a --name "Nord A GmbH" --plz 39104 --member-since 2019-01-01 --can-host --capacity 40
run company add --key sued-a --name "Süd A GmbH" --plz 06108 --member-since 2019-03-01 --can-host --capacity 50
run event add --date 2026-08-13 --host sued-a
run event hold 1
expect_status 0

case_ "the table shows each explanation line on its own"
run event plan --from 2027Q1 --quarters 2
expect_status 0
check
lines=$(grep -c '^    ' "$T/out")
[ "$lines" -ge 4 ] || fail "expected at least two explanation lines per quarter, found $lines"
grep '^    ' "$T/out" | sed 's/^    //' >"$T/table-lines"

case_ "JSON joins the same lines with '; ' and holds no line break"
run event plan --from 2027Q1 --quarters 2 --format json
expect_status 0
check
python3 - "$T/out" "$T/table-lines" <<'PY' || fail "JSON explanation is not the table's lines joined by '; '"
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
lines = [l.rstrip("\n") for l in open(sys.argv[2], encoding="utf-8")]
assert len(rows) == 2, rows
joined = [r["explanation"] for r in rows]
for e in joined:
    assert "\n" not in e and "\r" not in e, repr(e)
assert "; ".join(joined) == "; ".join(lines), (joined, lines)
PY

case_ "CSV has one physical line per quarter"
run event plan --from 2027Q1 --quarters 2 --format csv
expect_status 0
check
n=$(wc -l <"$T/out")
[ "$n" -eq 3 ] || fail "CSV has $n lines, expected a header and two rows"
expect_out_has "; "
finish
