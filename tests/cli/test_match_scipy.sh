#!/bin/sh
# werkstatt match --assign against an independent solver: scipy.optimize.linear_sum_assignment
# (Debian's python3-scipy) on the dense score matrix of match --scores, one column per position,
# for generated instances big enough that werkstatt solves them on the likely pairs first and
# proves optimality with the duals. The totals must be equal to the thousandth of a point.
. "$(dirname "$0")/lib.sh"
B="$SOURCE_DIR/bench"
# Debian's python3, which has python3-scipy, even where another python3 comes first in PATH.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

compare() {
    run opening list --format csv
    cp "$T/out" "$T/openings.csv"
    run match --scores --date 2026-12-01 --format csv "$@"
    expect_status 0
    cp "$T/out" "$T/scores.csv"
    run match --assign --date 2026-12-01 --format json "$@"
    expect_status 0
    cp "$T/out" "$T/assign.json"
    check
    "$PY" - "$T/scores.csv" "$T/assign.json" "$T/openings.csv" >"$T/cmp" 2>&1 <<'PY' || fail "scipy disagrees: $(cat "$T/cmp")"
import csv, json, sys
import numpy as np
from scipy.optimize import linear_sum_assignment
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
doc = json.load(open(sys.argv[2]))
positions = {int(r["id"]): int(r["positions"]) for r in csv.DictReader(open(sys.argv[3], newline=""))}
cands = sorted({int(r["candidate_id"]) for r in rows})
ci = {c: i for i, c in enumerate(cands)}
columns = {}  # opening -> its column numbers, one per position
n = 0
for o in sorted({int(r["opening"]) for r in rows}):
    columns[o] = list(range(n, n + positions[o]))
    n += positions[o]
matrix = np.zeros((len(cands), n), dtype=np.int64)
for r in rows:
    for col in columns[int(r["opening"])]:
        matrix[ci[int(r["candidate_id"])], col] = round(float(r["score"]) * 1000)
r, c = linear_sum_assignment(matrix, maximize=True)
scipy_total = int(matrix[r, c].sum())
werkstatt_total = round(doc["total"] * 1000)
# werkstatt's own proposal must be valid and add up to its total.
scores = {(a["candidate_id"], a["opening"]): a["score"] for a in doc["assignments"]}
assert len({a["candidate_id"] for a in doc["assignments"]}) == len(doc["assignments"])
for o in columns:
    assert sum(1 for a in doc["assignments"] if a["opening"] == o) <= positions[o], o
assert round(sum(scores.values()) * 1000) == werkstatt_total
print(len(rows), "pairs; werkstatt", werkstatt_total, "scipy", scipy_total)
assert werkstatt_total == scipy_total, (werkstatt_total, scipy_total)
PY
}

run init
"$PY" "$B/gen_ba.py" 400 "$T/c.csv" --max-radius 300 --seed 11
"$PY" "$B/gen_match.py" 250 "$T/f.csv" "$T/o.csv" --positions 0 --seed 12
run company import "$T/f.csv"
run candidate import "$T/c.csv" --profile ba
run opening import "$T/o.csv"
expect_status 0

case_ "every pair in reach, occupation only scored: the same total as scipy"
compare --set match.min_kldb_digits=0
check; grep -q "pairs; werkstatt" "$T/cmp" || fail "no comparison made"
echo "  $(cat "$T/cmp")"

case_ "the default rules: the same total as scipy"
compare

case_ "a few distinct scores (many ties): the same total as scipy"
compare --set match.min_kldb_digits=0 --set match.weights.german=0 --set match.weights.distance=0 \
    --set match.weights.availability=0 --set match.weights.recognition=0

finish
