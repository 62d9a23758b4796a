#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every listing as an Excel workbook (--format xlsx --output FILE), read back with openpyxl and
# compared with the same listing as JSON; the German-Excel CSV dialect; the errors of both.
# The listings are found in `werkstatt help --commands` (every command with --format), so that
# a new listing cannot be forgotten: it needs a line in args_of or in the list of non-listings.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
CHECK="$(dirname "$0")/check_listing_xlsx.py"
if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
    case_ "openpyxl"
    skip "python3-openpyxl is not installed (scripts/setup installs it)"
    finish
    exit $?
fi

case_ "the demo-like database"
report_db example "$DB" || fail "cannot build the example database"

# Print field $2 of the first object of the JSON listing of `werkstatt $1`.
first() {
    # shellcheck disable=SC2086 # $1 is a command and its words
    "$WERKSTATT" --db "$DB" $1 --format json </dev/null |
        "$PY" -c "import json,sys; print(json.load(sys.stdin)[0]['$2'])"
}
COMPANY=$(first "company list" key)
CONTACT=$(first "contact list" id)
EVENT=$(first "event list" id)
UPCOMING=$(first "event list --status planned" id)
# The example's contacts have no e-mail: give one, so that the invitations have a row.
"$WERKSTATT" --db "$DB" contact edit "$CONTACT" --email anna@example.org >/dev/null 2>&1 </dev/null
CANDIDATE=$(first "candidate list" id)
OPENING=$(first "opening list" id)
ADVISOR=$(first "advisor list" key)
FUNDING=$(first "funding list" key)
for v in "$COMPANY" "$CONTACT" "$EVENT" "$UPCOMING" "$CANDIDATE" "$OPENING" "$ADVISOR" "$FUNDING"; do
    check
    [ -n "$v" ] || fail "the example database lacks a record every listing needs"
done

# Commands with --format that print no listing: their formats are their own.
NOT_LISTINGS="report report list candidate export candidate card"
# Listings whose JSON is another view than their rows (compared with their CSV instead), or
# whose values change from run to run (the files of the database in `db check`).
CSV_VIEWS="hiring checklist privacy status db check"

# Print the arguments that listing $1 needs, and the columns that must hold dates; "?" if the
# command is not known here (a new listing: add it).
args_of() {
    case $1 in
    "company list") echo "|member_since" ;;
    "company show") echo "$COMPANY|member_since" ;;
    "contact list" | "topic list" | "event blocks" | "candidate duplicates" | "import list" | \
        "placement list" | "advisor list" | "advisor find" | "advisor topics" | "funding list" | \
        "config show" | "config keys" | "audit list" | "privacy files" | "db check" | \
        "db info") echo "|" ;;
    "contact show") echo "$CONTACT|" ;;
    "event list") echo "|date" ;;
    "event show") echo "$EVENT|date" ;;
    "event participants") echo "$EVENT|" ;;
    "event invitations") echo "$UPCOMING|date" ;;
    "event plan") echo "--from 2028Q1 --quarters 2|date" ;;
    "calendar") echo "--year 2027|date" ;;
    "candidate list") echo "|available_from" ;;
    "candidate show") echo "$CANDIDATE|" ;;
    "candidate shared") echo "$CANDIDATE|" ;;
    "opening list") echo "|" ;;
    "opening show") echo "$OPENING|" ;;
    "match") echo "--scores --date 2027-03-01|" ;;
    "privacy purge") echo "--dry-run --date 2027-06-01|" ;;
    "followup list") echo "|hired_on" ;;
    "due") echo "--date 2027-06-01|due_on" ;;
    "advisor show") echo "$ADVISOR|" ;;
    "rules") echo "|valid_as_of" ;;
    "funding show") echo "$FUNDING|" ;;
    "funding find") echo "--tag sprache|" ;;
    "funding suggest" | "hiring checklist") echo "--candidate $CANDIDATE|" ;;
    "privacy status") echo "--date 2027-06-01 --within 3650|" ;;
    *) echo "?" ;;
    esac
}

"$WERKSTATT" help --commands >"$T/commands" 2>/dev/null
listings=0
while IFS="$(printf '\t')" read -r command marks; do
    case " $marks " in *" group "*) continue ;; esac
    # shellcheck disable=SC2086
    "$WERKSTATT" $command --help >"$T/help" 2>&1 </dev/null
    grep -q -- '--format' "$T/help" || continue
    case " $NOT_LISTINGS " in *" $command "*) continue ;; esac
    case_ "$command"
    spec=$(args_of "$command")
    check
    if [ "$spec" = "?" ]; then
        fail "'$command' has --format but this test does not know it: add it to args_of or NOT_LISTINGS"
        continue
    fi
    listings=$((listings + 1))
    args=${spec%%|*}
    dates=${spec#*|}
    reference=json
    case " $CSV_VIEWS " in *" $command "*) reference=csv ;; esac
    # shellcheck disable=SC2086
    run $command $args --format $reference
    json_status=$status
    cp "$T/out" "$T/listing.$reference"
    # shellcheck disable=SC2086
    run $command $args --format xlsx --output "$T/listing.xlsx"
    check
    [ "$status" -eq "$json_status" ] || fail "status $status with xlsx, $json_status with JSON"
    expect_out_empty
    check
    [ -s "$T/listing.xlsx" ] || { fail "no workbook written"; continue; }
    check
    [ "$(stat -c %a "$T/listing.xlsx")" = 600 ] || fail "the workbook's mode is not 0600"
    # The file stays for `privacy files`, which lists whether each recorded file exists.
    cp -p "$T/listing.xlsx" "$T/listing-$listings.xlsx"
    check
    # shellcheck disable=SC2086
    "$PY" "$CHECK" "$T/listing.xlsx" "$T/listing.$reference" $dates >"$T/diff" 2>&1 ||
        fail "the workbook differs from the JSON: $(head -5 "$T/diff" | tr '\n' ' ')"
done <"$T/commands"
case_ "the listings found"
check
[ "$listings" -ge 30 ] || fail "only $listings listings found in 'werkstatt help --commands'"

case_ "the format follows the extension of --output; a pipe may take a workbook"
run event list --output "$T/by-extension.xlsx"
expect_status 0
check
"$PY" -c "import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])" "$T/by-extension.xlsx" ||
    fail "--output x.xlsx did not write a workbook"
run event list --output "$T/by-extension.csv"
expect_status 0
check
head -1 "$T/by-extension.csv" | grep -q '^id,date,' || fail "--output x.csv did not write CSV"
run event list --format xlsx
expect_status 0
check
head -c 2 "$T/out" | grep -q PK || fail "xlsx to a pipe is not a workbook"

case_ "a file with candidates is recorded in the privacy files registry"
run candidate list --output "$T/candidates.xlsx"
expect_status 0
run company list --output "$T/companies.xlsx"
expect_status 0
run privacy files --format csv
check
grep -q "candidates.xlsx,export," "$T/out" || fail "candidates.xlsx is not in privacy files"
check
! grep -q "companies.xlsx" "$T/out" || fail "companies.xlsx (no candidates) is in privacy files"

case_ "a command that prints nothing writes no file"
run company edit "$COMPANY" --notes "x" --dry-run --output "$T/nothing.txt"
check
[ ! -e "$T/nothing.txt" ] || fail "a file was written for a command without a listing"

case_ "--output in a folder that does not exist: 73, nothing left behind"
before=$(db_fingerprint)
run event list --format xlsx --output "$T/missing/events.xlsx"
expect_error 73 "missing"
check
[ ! -e "$T/missing" ] || fail "the folder was made"
check
[ "$(db_fingerprint)" = "$before" ] || fail "the database changed"
run candidate list --output "$T/missing/c.csv"
expect_error 73

case_ "xlsx on a terminal without --output: 2"
if command -v script >/dev/null 2>&1; then
    printf '"%s" --db "%s" event list --format xlsx\necho "status $?"\n' "$WERKSTATT" "$DB" >"$T/cmd"
    script -qec "sh $T/cmd" /dev/null </dev/null >"$T/raw" 2>&1
    check
    grep -q 'status 2' "$T/raw" || fail "not exit 2 on a terminal: $(tr -d '\r' <"$T/raw" | head -3)"
    check
    grep -q 'add --output' "$T/raw" || fail "the error does not say to add --output"
    check
    ! grep -q 'PK' "$T/raw" || fail "a workbook reached the terminal"
else
    skip "script(1) is not installed; no terminal to test on"
fi

case_ "excel-de CSV: BOM, ';', CRLF, decimal comma, read back by Python's csv"
run placement list --format json
cp "$T/out" "$T/match.json"
run placement list --format csv --csv-dialect excel-de
expect_status 0
cp "$T/out" "$T/match-de.csv"
check
[ "$(head -c 3 "$T/match-de.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no byte order mark"
check
tail -c +4 "$T/match-de.csv" | head -1 | grep -q '^id;candidate;' || fail "the header is not ';' separated"
check
[ "$(tr -cd '\n' <"$T/match-de.csv" | wc -c)" = "$(tr -cd '\r' <"$T/match-de.csv" | wc -c)" ] ||
    fail "not every line ends in CRLF"
check
"$PY" - "$T/match-de.csv" "$T/match.json" <<'EOF' || fail "the excel-de CSV does not read back as the JSON"
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f, delimiter=";"))
data = json.load(open(sys.argv[2], encoding="utf-8"))
assert len(rows) == len(data) and rows, (len(rows), len(data))
decimals = 0
for row, obj in zip(rows, data):
    assert list(row.keys()) == list(obj.keys()), (list(row.keys()), list(obj.keys()))
    for key, want in obj.items():
        got = row[key]
        if isinstance(want, bool):
            assert got == ("true" if want else "false"), (key, got, want)
        elif isinstance(want, float) and want != int(want):
            assert "," in got and "." not in got, (key, got)
            assert abs(float(got.replace(",", ".")) - want) < 1e-9, (key, got, want)
            decimals += 1
        elif isinstance(want, (int, float)):
            assert float(got.replace(",", ".")) == want, (key, got, want)
        elif want is None:
            assert got == "", (key, got)
assert decimals > 0, "no number with a decimal comma"
EOF
run event list --format csv --set csv.dialect=excel-de
check
[ "$(head -c 3 "$T/out" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "csv.dialect = excel-de gives no BOM"
run event list --format csv --set csv.dialect=excel-de --csv-dialect rfc4180
check
head -1 "$T/out" | grep -q '^id,date,' || fail "--csv-dialect rfc4180 does not win over csv.dialect"
check
grep -q '2026-11-12' "$T/out" || fail "days in CSV are not ISO"

case_ "unknown --csv-dialect: 2; bad csv.dialect in the configuration: 78"
run event list --format csv --csv-dialect excel-fr
expect_error 2 "csv-dialect"
mkdir -p "$HOME/.config/werkstatt"
printf '[csv]\ndialect = "excel-fr"\n' >"$HOME/.config/werkstatt/config.toml"
run event list --format csv
expect_error 78 "csv.dialect"
rm -f "$HOME/.config/werkstatt/config.toml"

case_ "a table shows days the UI language's way, JSON keeps ISO"
LC_ALL=de_DE.UTF-8 run event list
expect_status 0
expect_out_has "12.11.2026"
LC_ALL=de_DE.UTF-8 run event list --format json
expect_out_has '"2026-11-12"'
LC_ALL=de_DE.UTF-8 run event list --format csv
expect_out_has ',2026-11-12,'
run event list
expect_out_has "2026-11-12"

finish
