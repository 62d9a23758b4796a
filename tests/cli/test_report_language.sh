#!/bin/sh
# werkstatt report: German from the gettext catalogue beside the binary whatever the locale says
# (cron's LANG=C), English with --lang en, a warning and English texts when the catalogue is
# missing; and the XLSX workbook written atomically, the same bytes for the same --date.
. "$(dirname "$0")/lib.sh"

# Print the shared strings of the workbook $1 (the texts of its cells), one per line.
xlsx_texts() {
    python3 - "$1" <<'PY'
import re, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    xml = z.read("xl/sharedStrings.xml").decode("utf-8")
    print("\n".join(re.findall(r"<t[^>]*>([^<]*)</t>", xml)))
    print("sheets:", " ".join(re.findall(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode())))
PY
}

run init
expect_status 0

case_ "LANG=C: the report is German"
(export LC_ALL=C LANG=C; run report quarterly --period 2027Q1 --date 2027-04-02 \
    --format xlsx --output "$T/q.xlsx"; exit $status)
status=$?
expect_status 0
expect_err_lacks "catalogue"
xlsx_texts "$T/q.xlsx" >"$T/texts"
check
grep -qx "Netzwerk" "$T/texts" || fail "no German label: $(cat "$T/texts")"
check
grep -Eq "^sheets: Bericht( |$)" "$T/texts" || fail "the first sheet is not Bericht: $(cat "$T/texts")"
check
grep -qx "02.04.2027" "$T/texts" || fail "the reference day is not German: $(cat "$T/texts")"

case_ "LANG and LC_ALL unset: still German"
(unset LANG LC_ALL LANGUAGE; run report quarterly --period 2027Q1 --date 2027-04-02 \
    --format xlsx --output "$T/q2.xlsx"; exit $status)
status=$?
expect_status 0
check
cmp -s "$T/q.xlsx" "$T/q2.xlsx" || fail "the same report gave other bytes"

case_ "--lang en: English"
(export LC_ALL=C; run report quarterly --period 2027Q1 --date 2027-04-02 --format xlsx \
    --lang en --output "$T/en.xlsx"; exit $status)
status=$?
expect_status 0
xlsx_texts "$T/en.xlsx" >"$T/texts"
check
grep -qx "Network" "$T/texts" || fail "no English label: $(cat "$T/texts")"
check
grep -Eq "^sheets: Report( |$)" "$T/texts" || fail "the first sheet is not Report"

case_ "no catalogue: a warning, English texts, German dates"
(export WERKSTATT_LOCALEDIR="$T/nowhere"; run report quarterly --period 2027Q1 \
    --date 2027-04-02 --format xlsx --output "$T/fallback.xlsx"; exit $status)
status=$?
expect_status 0
expect_err_has "werkstatt: warning: the German catalogue was not found at $T/nowhere/de/LC_MESSAGES/werkstatt.mo"
expect_err_has "English"
xlsx_texts "$T/fallback.xlsx" >"$T/texts"
check
grep -qx "Network" "$T/texts" || fail "no English label: $(cat "$T/texts")"
check
grep -qx "02.04.2027" "$T/texts" || fail "the date is not German: $(cat "$T/texts")"

case_ "no catalogue and --lang en: no warning"
(export WERKSTATT_LOCALEDIR="$T/nowhere"; run report quarterly --period 2027Q1 \
    --date 2027-04-02 --format xlsx --lang en --output "$T/en2.xlsx"; exit $status)
status=$?
expect_status 0
expect_err_lacks "catalogue"

case_ "xlsx into a missing folder: 73, nothing written"
run report quarterly --period 2027Q1 --format xlsx --output "$T/missing/q.xlsx"
expect_error 73 "$T/missing/q.xlsx"
check
[ ! -e "$T/missing" ] || fail "the missing folder was made"

case_ "xlsx over a folder: 73, the folder untouched, no temporary file left"
mkdir "$T/dir.xlsx"
run report quarterly --period 2027Q1 --format xlsx --output "$T/dir.xlsx"
expect_error 73 "dir.xlsx"
check
[ -z "$(ls -A "$T/dir.xlsx")" ] || fail "files in the folder"
check
[ -z "$(ls -A "$T" | grep '^\.dir\.xlsx\.')" ] || fail "a temporary file was left: $(ls -A "$T")"

case_ "xlsx to the terminal: usage"
run report quarterly --period 2027Q1 --format xlsx
expect_error 2 "--output"

finish
