#!/bin/sh
# The scripts in examples/ run as documented: the demo end to end, and the weekly matching job.
. "$(dirname "$0")/lib.sh"
EX="$SOURCE_DIR/examples"

case_ "examples/demo.sh shows the whole job and exits 0"
sh "$EX/demo.sh" "$WERKSTATT" "$T/demo" >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "\$ werkstatt report quarterly --period this-quarter"
y=$(date +%Y) q=$((($(date +%-m) + 2) / 3))
check
tail -n +"$(grep -n '^\$ werkstatt report quarterly' "$T/out" | cut -d: -f1)" "$T/out" |
    grep -qE "${y}Q$q|Q$q $y|$q\. Quartal $y" || fail "the report does not name this quarter"
for step in "company import" "event plan" "event invitations" "candidate import" "match --assign --commit" "candidate card" "placement set" "rules" "audit list" "candidate consent" "candidate export" "privacy status" "privacy files" "privacy record"; do
    expect_out_has "\$ werkstatt $step"
done
expect_err_has "optimal proposal: 9 of 19 candidates to 5 openings"
expect_out_has "school holidays  school_holidays.toml"
check; [ -s "$T/demo/werkstatt-2027.ics" ] && [ -s "$T/demo/paare.csv" ] && [ -s "$T/demo/teilnehmerliste.html" ] || fail "demo files missing"
check; [ "$(stat -c %a "$T/demo/auskunft-CP-000003-B.html")" = 600 ] || fail "the access export is not 0600"
check; grep -q "Verzeichnis von Verarbeitungst" "$T/demo/verarbeitungsverzeichnis.md" || fail "the record of processing is not German"
expect_out_has "auskunft-CP-000003-B.html"
# The German run: an error, the due list and a match explanation in German.
expect_out_has "werkstatt: Fehler: kein Unternehmen mit dem Schlüssel 'gibt-es-nicht'"
expect_out_has "# Fällig am 20.01.2027"
expect_out_has " von 100 Punkten"

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

case_ "examples/crontab's report lines write the named reports of examples/reports.toml"
# Each line as a coordinator installs it, with /srv/werkstatt moved into the test folder and
# --date set to the first day the line fires in 2027.
sed "s|/srv/werkstatt|$T/srv|g" "$EX/reports.toml" >"$T/reports.toml"
mkdir -p "$T/srv/berichte"
grep -E '^[0-9*].* report run ' "$EX/crontab" >"$T/report-lines"
check; [ "$(wc -l <"$T/report-lines")" -eq 2 ] || fail "expected two report lines in examples/crontab"
check; grep -qE '^0 6 1 1,4,7,10 \* .* report run quartalsbericht$' "$T/report-lines" ||
    fail "no quarterly line on the first day of each quarter"
check; grep -qE '^0 6 2 1 \* .* report run sachbericht$' "$T/report-lines" ||
    fail "no annual line in January"
while read -r minute hour dom month dow command; do
    day=$(printf '2027-%02d-%02d' "${month%%,*}" "$dom")
    command=$(printf '%s' "$command" | sed "s|/srv/werkstatt/reports.toml|$T/reports.toml|")
    check
    [ "$minute $hour $dow" = "0 6 *" ] || fail "unexpected schedule: $minute $hour $dom $month $dow"
    # shellcheck disable=SC2086 # the command's words, as cron splits them
    PATH="$T/bin:$PATH" WERKSTATT_DB="$T/demo/werkstatt.db" $command --date "$day" \
        >"$T/out" 2>"$T/err" </dev/null
    status=$?
    expect_status 0
    expect_out_empty
    expect_err_empty
done <"$T/report-lines"
check; [ -s "$T/srv/berichte/quartalsbericht-2026Q4.md" ] || fail "no quartalsbericht-2026Q4.md: $(ls "$T/srv/berichte")"
check; [ -s "$T/srv/berichte/sachbericht-2026.md" ] || fail "no sachbericht-2026.md: $(ls "$T/srv/berichte")"

finish
