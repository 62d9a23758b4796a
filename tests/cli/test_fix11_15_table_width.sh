#!/bin/sh
# Issue 11, item 15: tables fit the terminal (WERKSTATT_TABLE_WIDTH forces what a terminal of that
# width gets; test_fix11_15_table_width_terminal.sh uses a real one), pipes get every column whole,
# --wide turns fitting off, --all tables mark archived rows, and match --assign lists an opening's
# pairs best score first. Widths count code points (umlauts, "…"), not bytes.
. "$(dirname "$0")/lib.sh"
M="$TESTDATA/match"
DAY="--date 2026-12-01"
run init
run company add --key spedition --name "Spedition Elbe Güterverkehr und Logistik GmbH & Co. KG" --plz 39104 --city Magdeburg --industry "Transport, Lagerei und Logistikdienstleistungen"
run company add --key pflege --name "Saale-Pflege gemeinnützige Gesellschaft für ambulante Pflege mbH" --plz 06108 --industry "Gesundheits- und Sozialwesen, ambulante Pflege"
run company add --key harzholz --name "Harzholz Möbelwerkstätten Wernigerode GmbH" --plz 38855 --industry "Holzverarbeitung"
run company archive harzholz
# One opening with four places, and the candidates in the reverse order of their scores for it,
# so that the pool's order is not the order of the scores.
head -1 "$M/openings.csv" >"$T/openings.csv"
echo "spedition,S-9,Berufskraftfahrer (m/w/d),52122,A2,39104,Magdeburg,4,2027-02-01,2027-04-01,,,false,,open" >>"$T/openings.csv"
run opening import "$T/openings.csv"
{ head -1 "$M/candidates.csv"; tail -n +2 "$M/candidates.csv" | sort -r; } >"$T/candidates.csv"
run candidate import "$T/candidates.csv" --profile ba --source jobcenter-magdeburg-nord
run candidate import "$TESTDATA/import/ba_utf8.csv" --profile ba --source agentur-halle-sued
run candidate archive CP-B --source jobcenter-magdeburg-nord
run event add --date 2027-02-11 --host spedition --title "Werkstatt im Februar: Ausbildung, Anerkennung und Sprachförderung"
run event block pflege 2027Q2 --reason "Umbau der Räume im Erdgeschoss, danach Einweihung mit allen Mitgliedern"
expect_status 0

# widest FILE: the longest line of FILE in code points (ANSI colour left out).
widest() {
    python3 -c '
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(max((len(re.sub("\x1b\\[[0-9;]*m", "", l)) for l in text.split("\n")), default=0))' "$1"
}

# fits WIDTH ARGS...: the table of ARGS fits WIDTH columns when forced, and is unchanged with
# --wide; what a pipe gets is kept in $T/pipe.
fits() {
    width=$1
    shift
    run "$@"
    cp "$T/out" "$T/pipe"
    WERKSTATT_TABLE_WIDTH=$width run "$@"
    expect_status 0
    check
    w=$(widest "$T/out")
    [ "$w" -le "$width" ] || fail "'$*' is $w wide on a terminal of $width"
    WERKSTATT_TABLE_WIDTH=$width run "$@" --wide
    check; cmp -s "$T/out" "$T/pipe" || fail "'$* --wide' is not the whole table"
}

case_ "every listing fits 80 columns on a terminal"
for listing in "company list" "company list --all" "candidate list" "candidate list --all" \
    "opening list --all" "import list" "audit list" "event list" "event blocks" "advisor list" \
    "funding list" "config show" "topic list" "match --scores $DAY" \
    "match --assign $DAY" "match --opening 1 $DAY"; do
    # shellcheck disable=SC2086
    fits 80 $listing
done

case_ "the tables the coordinator reported were wider than 80 in a pipe and stay so"
for listing in "company list --all" "candidate list" "import list" "audit list"; do
    # shellcheck disable=SC2086
    run $listing
    check
    w=$(widest "$T/out")
    [ "$w" -gt 80 ] || fail "'$listing' in a pipe is only $w wide; the test data no longer shows the problem"
done

case_ "long text is shortened with an ellipsis counted as one column; names stay"
WERKSTATT_TABLE_WIDTH=80 run company list --all
expect_out_has "…"
expect_out_has "spedition"
expect_out_has "harzholz"
expect_out_has "ID"
expect_out_has "KEY"
expect_out_has "NAME"
check; [ "$(wc -l <"$T/out")" -eq 4 ] || fail "the fitted company list lost rows"

case_ "low-value columns go before text is shortened: import list drops the hash"
run import list
expect_out_has "SHA256"
WERKSTATT_TABLE_WIDTH=80 run import list
expect_out_lacks "SHA256"
expect_out_has "FILE"
expect_out_has "READ"

case_ "a wider terminal keeps more; a narrow one never loses the id or key"
WERKSTATT_TABLE_WIDTH=200 run company list --all
check; cmp -s "$T/out" "$T/pipe" 2>/dev/null || true
run company list --all
cp "$T/out" "$T/whole"
WERKSTATT_TABLE_WIDTH=200 run company list --all
check; cmp -s "$T/out" "$T/whole" || fail "a table that fits 200 columns was changed"
WERKSTATT_TABLE_WIDTH=30 run company list --all
expect_status 0
expect_out_has "spedition"
expect_out_has "ARCHIVED"

case_ "JSON and CSV are never fitted"
run candidate list --format csv
cp "$T/out" "$T/csv"
WERKSTATT_TABLE_WIDTH=80 run candidate list --format csv
check; cmp -s "$T/out" "$T/csv" || fail "CSV changed with a terminal width"
run audit list --format json
cp "$T/out" "$T/json"
WERKSTATT_TABLE_WIDTH=80 run audit list --format json
check; cmp -s "$T/out" "$T/json" || fail "JSON changed with a terminal width"

case_ "--all tables mark archived rows"
run company list --all
expect_out_has "ARCHIVED"
check
python3 - "$T/out" <<'PY' || fail "company list --all does not mark harzholz alone as archived"
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert lines[0].rstrip().endswith("ARCHIVED"), lines[0]
marks = {l.split()[1]: l.split()[-1] for l in lines[1:]}
assert marks == {"spedition": "no", "pflege": "no", "harzholz": "yes"}, marks
PY
run company list
expect_out_lacks "ARCHIVED"
expect_out_lacks "harzholz"
run candidate list --all
expect_out_has "ARCHIVED"
check
python3 - "$T/out" <<'PY' || fail "candidate list --all does not mark CP-B alone as archived"
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
marks = {l.split()[2]: l.split()[-1] for l in lines[1:]}
assert marks.pop("CP-B") == "yes", marks
assert marks and set(marks.values()) == {"no"}, marks
PY
run candidate list
expect_out_lacks "ARCHIVED"
expect_out_lacks "CP-B "

case_ "match --assign lists an opening's pairs best score first"
for format in table csv json; do
    run match --assign $DAY --format $format
    expect_status 0
    check
    python3 - "$T/out" "$format" <<'PY' || fail "--assign ($format) is not ordered by opening, then score"
import csv, io, json, sys
text = open(sys.argv[1], encoding="utf-8").read()
fmt = sys.argv[2]
if fmt == "json":
    data = json.loads(text)
    rows = [(a["opening"], float(a["score"])) for a in data["assignments"]]
elif fmt == "csv":
    rows = [(int(r["opening"]), float(r["score"])) for r in csv.DictReader(io.StringIO(text))]
else:
    lines = text.splitlines()
    head = lines[0].split()
    rows = [(int(l.split()[0]), float(l.split()[-1])) for l in lines[1:]]
assert rows == sorted(rows, key=lambda r: (r[0], -r[1])), rows
assert len({o for o, _ in rows}) < len(rows), "no opening with two pairs: " + repr(rows)
PY
done
finish
