#!/bin/sh
# The scripts in examples/ run as documented: the demo end to end, and the weekly matching job.
. "$(dirname "$0")/lib.sh"
EX="$SOURCE_DIR/examples"

case_ "examples/demo.sh shows the whole job and exits 0"
sh "$EX/demo.sh" "$WERKSTATT" "$T/demo" >"$T/out" 2>"$T/err"
status=$?
expect_status 0
for step in "company import" "event plan" "candidate import" "match --assign --commit" "placement set" "rules" "audit list"; do
    expect_out_has "\$ werkstatt $step"
done
expect_err_has "optimal proposal: 9 of 19 candidates to 5 openings"
expect_out_has "school holidays  school_holidays.toml"
check; [ -s "$T/demo/werkstatt-2027.ics" ] && [ -s "$T/demo/paare.csv" ] || fail "demo files missing"

case_ "the demo's meetings of 2027 to 2029 keep out of Sachsen-Anhalt's school holidays"
"$WERKSTATT" --db "$T/demo/werkstatt.db" event plan --from 2027Q1 --quarters 12 --format csv >"$T/out" 2>"$T/err"
status=$?
expect_status 0
sqlite3 "$T/demo/werkstatt.db" "SELECT date FROM event WHERE kind = 'werkstatt' AND status = 'planned'" >"$T/committed"
check
python3 - "$T/out" "$T/committed" "$SOURCE_DIR/config/data/school_holidays.toml" <<'PY2' || fail "a demo meeting in school holidays"
import csv, datetime, sys, tomllib
plan = [r for r in csv.DictReader(open(sys.argv[1], newline="")) if r["date"]]
committed = open(sys.argv[2]).read().split()
spans = tomllib.load(open(sys.argv[3], "rb"))["holiday"]
days = [r["date"] for r in plan] + committed
assert len(committed) == 4 and len(days) == 12, (plan, committed)
for day in days:
    d = datetime.date.fromisoformat(day)
    bad = [s for s in spans if s["start"] <= d <= s["end"]]
    assert not bad, (day, bad)
PY2

case_ "examples/weekly-matching.sh stores a proposal and explains it"
mkdir -p "$T/bin"
ln -s "$WERKSTATT" "$T/bin/werkstatt"
PATH="$T/bin:$PATH" WERKSTATT_DB="$T/demo/werkstatt.db" sh "$EX/weekly-matching.sh" "$T/weekly" >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "Proposals waiting to be introduced"
expect_out_has "Why each was proposed:"
expect_out_has "occupation 40 of 40"
check; [ "$(ls "$T/weekly" | wc -l)" -eq 2 ] || fail "expected the proposal and pairs files: $(ls "$T/weekly")"
check; [ "$(sqlite3 "$T/demo/werkstatt.db" "SELECT count(*) FROM match_run")" = 2 ] || fail "no second run stored"

case_ "examples/weekly-matching.sh with nothing to match says so and exits 0"
PATH="$T/bin:$PATH" "$WERKSTATT" --db "$T/empty.db" init >/dev/null 2>&1
PATH="$T/bin:$PATH" WERKSTATT_DB="$T/empty.db" sh "$EX/weekly-matching.sh" "$T/weekly2" >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "No matching this week"

finish
