#!/bin/sh
# #16, a pool that stays fresh and finding people: the residence permit's end (edit, import,
# matching excludes an ended one and warns about one ending soon, never scoring it), `candidate
# list --permit-expiring`, `candidate confirm` and the import's confirmation with its undo, the
# pause after exchange.pause_days judged on the match day, the filters of `candidate list`,
# `opening list` and `event list` in every format, and their errors.
. "$(dirname "$0")/lib.sh"
DAY="--date 2026-12-01"
run init
match_pool
# Print candidate REF's column COL (empty for NULL).
col() { sql "SELECT ifnull($2, '') FROM candidate WHERE reference = '$1'"; }
# Print the references `candidate list ARGS --format csv` lists, joined by blanks.
refs() {
    run candidate list "$@" --format csv
    tr -d '\r' <"$T/out" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "reference") c = i } NR > 1 { printf "%s%s", sep, $c; sep = " " }'
}
# Print the references `candidate list ARGS --format json` lists, joined by blanks.
json_refs() {
    run candidate list "$@" --format json
    python3 -c 'import json, sys; print(" ".join(r["reference"] for r in json.load(open(sys.argv[1]))))' "$T/out"
}
# Print the references in the table of `candidate list ARGS`, joined by blanks.
table_refs() {
    run candidate list "$@" --format table
    awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "REFERENCE") c = i } NR > 1 { printf "%s%s", sep, $c; sep = " " }' "$T/out"
}
TODAY=$(date +%F)

case_ "candidate edit --permit-until: both date forms, shown and listed; empty clears; a bad day is refused"
run candidate edit CP-A --permit-until 15.11.2026
expect_status 0
expect_err_has "permit_until"
check; [ "$(col CP-A permit_until)" = 2026-11-15 ] || fail "permit_until: $(col CP-A permit_until)"
run candidate show CP-A --format json
expect_status 0
check; python3 - "$T/out" <<'PY' || fail "show JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["permit_until"] == "2026-11-15", d
assert d["confirmation"] == "fresh", d
PY
run candidate list --format csv
expect_out_has ",permit_until,confirmed_on,"
run candidate edit CP-A --permit-until ""
expect_status 0
check; [ "$(col CP-A permit_until)" = "" ] || fail "not cleared: $(col CP-A permit_until)"
before=$(db_fingerprint)
run candidate edit CP-A --permit-until 31.02.2027
expect_error 65 "permit_until"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused edit wrote"

case_ "a permit ending less than match.permit_warn_days after the start warns; the score stays"
run match --opening 1 $DAY --format csv
cp "$T/out" "$T/rank-before"
run candidate edit CP-B --permit-until 2027-03-01
expect_status 0
run match --opening 1 $DAY --format csv
expect_status 0
expect_out_has "permit_warning"
check; tr -d '\r' <"$T/out" | grep -q "^2,CP-B,jc-md,2,98.6,.*,2027-03-01$" || fail "CP-B's row lacks the warning or its score changed"
check; [ "$(tr -d '\r' <"$T/out" | cut -d, -f1-11)" = "$(tr -d '\r' <"$T/rank-before" | cut -d, -f1-11)" ] || fail "scores changed with the permit"
run match --opening 1 $DAY --explain
expect_status 0
expect_out_has "note: warning: residence title valid only until 2027-03-01, less than 60 days after the start 2027-02-01"
run match --opening 1 $DAY
expect_status 0
expect_out_has "PERMIT WARNING"
expect_out_has "2027-03-01"
run --set match.permit_warn_days=20 match --opening 1 $DAY --format csv
expect_status 0
expect_out_lacks "2027-03-01"
run match --scores $DAY --format json
expect_status 0
check; python3 - "$T/out" <<'PY' || fail "scores JSON"
import json, sys
rows = json.load(open(sys.argv[1]))
warned = [(r["candidate"], r["opening"]) for r in rows if r["permit_warning"]]
assert ("CP-B", 1) in warned, rows
assert all(r["candidate"] == "CP-B" for r in rows if r["permit_warning"]), rows
PY
run match --assign $DAY --format json
expect_status 0
expect_err_has "warning: candidate CP-B (id 2) for opening 1: residence title valid only until 2027-03-01"
check; python3 - "$T/out" <<'PY' || fail "assign JSON"
import json, sys
d = json.load(open(sys.argv[1]))
b = [a for a in d["assignments"] if a["candidate"] == "CP-B"]
assert b and b[0]["permit_warning"] == "2027-03-01", d
assert all(a["permit_warning"] is None for a in d["assignments"] if a["candidate"] != "CP-B"), d
PY
run match --assign $DAY
expect_status 0
expect_out_has "PERMIT WARNING"

case_ "a permit that ended before the match day excludes the person, named in --explain"
run candidate edit CP-A --permit-until 2026-11-30
expect_status 0
run match --opening 1 $DAY --format csv
expect_status 0
expect_out_lacks "CP-A"
expect_err_has "permit-ended 1"
expect_err_has "1 candidate left out on 2026-12-01: permit-ended 1, paused 0"
run match --opening 1 $DAY --explain
expect_status 0
expect_out_has "   permit-ended: residence title ended on 2026-11-30; record a new one with 'werkstatt candidate edit 1 --permit-until DAY'"
run match --candidate CP-A $DAY --explain
expect_status 0
expect_out_has "excluded by hard rules: permit-ended 3"
expect_out_has "   permit-ended: residence title ended on 2026-11-30"
# Its last day still counts.
run match --opening 1 --date 2026-11-30 --format csv
expect_out_has "CP-A"

case_ "candidate list --permit-expiring DAYS: ended ones and those ending within DAYS of today"
run candidate edit CP-C --permit-until "$(date -d "$TODAY + 20 days" +%F)"
run candidate edit CP-D --permit-until "$(date -d "$TODAY + 100 days" +%F)"
check; [ "$(refs --permit-expiring 30)" = "CP-A CP-C" ] || fail "30 days: $(refs --permit-expiring 30)"
check; [ "$(refs --permit-expiring 0)" = "CP-A" ] || fail "0 days: $(refs --permit-expiring 0)"
check; [ "$(json_refs --permit-expiring 100)" = "CP-A CP-B CP-C CP-D" ] || fail "100 days: $(json_refs --permit-expiring 100)"
check; [ "$(table_refs --permit-expiring 30)" = "CP-A CP-C" ] || fail "table: $(table_refs --permit-expiring 30)"
run candidate list --permit-expiring 30
expect_out_has "PERMIT UNTIL"
expect_out_has "2026-11-30"
run candidate list --permit-expiring -1
expect_error 2 "--permit-expiring -1"
run candidate list --permit-expiring soon
expect_status 2
run candidate edit CP-A --permit-until ""
run candidate edit CP-B --permit-until ""
run candidate edit CP-C --permit-until ""
run candidate edit CP-D --permit-until ""

case_ "candidate confirm: confirmed_on with one audit row; --date, --dry-run; errors write nothing"
check; [ "$(col CP-A confirmed_on)" = "$TODAY" ] || fail "the import did not confirm: $(col CP-A confirmed_on)"
run candidate confirm CP-A --date 2026-05-01 --dry-run
expect_status 0
expect_err_has "would confirm candidate 1 on 2026-05-01 (before: $TODAY)"
check; [ "$(col CP-A confirmed_on)" = "$TODAY" ] || fail "the dry run wrote"
audits() { sql "SELECT count(*) FROM audit_log WHERE action = 'confirm'"; }
run candidate confirm CP-A --date 01.05.2026
expect_status 0
expect_err_has "confirmed candidate 1 on 2026-05-01 (before: $TODAY)"
check; [ "$(col CP-A confirmed_on)" = 2026-05-01 ] || fail "confirmed_on: $(col CP-A confirmed_on)"
check; [ "$(audits)" = 1 ] || fail "audit rows: $(audits)"
before=$(db_fingerprint)
run candidate confirm CP-Z
expect_error 66 "no candidate with id or reference 'CP-Z'"
run candidate confirm CP-A --date 2026-02-30
expect_error 2 "2026-02-30"
run candidate confirm
expect_status 2
run candidate archive CP-F
before=$(db_fingerprint)
run candidate confirm CP-F
expect_error 69 "archived"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused confirm wrote"
run candidate archive CP-F --undo

case_ "pause: not confirmed for exchange.pause_days before the match day; --explain names it"
# CP-A confirmed on 2026-05-01: 214 days before 2026-12-01.
run candidate edit CP-A --permit-until ""
run match --opening 1 --date 2026-10-27 --format csv
expect_out_has "CP-A"
run match --opening 1 --date 2026-10-28 --format csv
expect_status 0
expect_out_lacks "CP-A"
expect_err_has "paused 1"
run match --opening 1 $DAY --explain
expect_status 0
expect_out_has "   paused: not confirmed for 214 days (since 2026-05-01, exchange.pause_days = 180); record that the person still wants to be placed with 'werkstatt candidate confirm 1'"
run match --candidate CP-A $DAY --explain
expect_out_has "excluded by hard rules: paused 3"
run match --assign $DAY --format csv
expect_out_lacks "CP-A"
expect_err_has "1 candidate left out on 2026-12-01: permit-ended 0, paused 1"
run --set exchange.pause_days=365 match --opening 1 $DAY --format csv
expect_out_has "CP-A"
run candidate show CP-A --format json
check; python3 - "$T/out" <<'PY' || fail "show JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["last_confirmed"] == "2026-05-01", d
assert d["confirmation"] == "paused", d
PY
check; [ "$(refs --paused)" = "CP-A" ] || fail "--paused: $(refs --paused)"
check; [ "$(refs --due-confirmation)" = "CP-A" ] || fail "--due-confirmation: $(refs --due-confirmation)"
run candidate list --paused
expect_out_has "CONFIRMED ON"
expect_out_has "2026-05-01"

case_ "a never-confirmed candidate counts from the day the record was made"
sql "UPDATE candidate SET confirmed_on = NULL, created_at = '2026-05-15T09:00:00Z' WHERE reference = 'CP-B'"
run match --candidate CP-B $DAY --explain
expect_out_has "   paused: not confirmed for 200 days (since 2026-05-15"
run match --opening 1 $DAY --explain
expect_out_has "exchange.pause_days = 180); record that the person still wants to be placed with 'werkstatt candidate confirm 1' (and 1 more)"
check; [ "$(refs --paused)" = "CP-A CP-B" ] || fail "--paused: $(refs --paused)"

case_ "un-pause: candidate confirm brings the person back on the match day"
run candidate confirm CP-A --date 2026-11-20
expect_status 0
run match --opening 1 $DAY --format csv
expect_out_has "CP-A"
run candidate confirm CP-B --date 2026-11-20
expect_status 0
run match --opening 1 $DAY --format csv
expect_out_has "CP-B"
run candidate confirm CP-A
run candidate confirm CP-B
check; [ "$(refs --due-confirmation)" = "" ] || fail "still due: $(refs --due-confirmation)"

case_ "an import that lists people again confirms them (inserted, updated, unchanged); undo restores"
run candidate confirm CP-A --date 2026-01-10
run candidate confirm CP-B --date 2026-01-11
run candidate import "$TESTDATA/match/candidates.csv" --profile ba --source jc-md
expect_status 0
expect_err_has "unchanged 6"
check; [ "$(col CP-A confirmed_on)" = "$TODAY" ] || fail "unchanged row not confirmed: $(col CP-A confirmed_on)"
batch=$(sql "SELECT max(id) FROM import_batch")
run import undo "$batch"
expect_status 0
check; [ "$(col CP-A confirmed_on) $(col CP-B confirmed_on)" = "2026-01-10 2026-01-11" ] || fail "undo: $(col CP-A confirmed_on) $(col CP-B confirmed_on)"

case_ "the ba profile's optional column Aufenthaltstitel gültig bis; undo restores permit and confirmation"
run candidate confirm CP-A --date 2026-01-10
awk -F';' 'BEGIN { OFS = ";" } NR == 1 { print $0, "Aufenthaltstitel gültig bis"; next } $1 == "CP-A" { $2 = "w"; print $0, "30.06.2027"; next } { print $0, "" }' "$TESTDATA/match/candidates.csv" >"$T/permits.csv"
printf '%s\n' 'CP-N;w;Nadia;Neu;01.01.1992;syrisch;39104;Magdeburg;52122;Fahrerin;B1;;EU-Bürger;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;;31.03.2027' >>"$T/permits.csv"
run candidate import "$T/permits.csv" --profile ba --source jc-md
expect_status 0
expect_err_has "inserted 1"
check; [ "$(col CP-A permit_until) $(col CP-N permit_until) $(col CP-N confirmed_on)" = "2027-06-30 2027-03-31 $TODAY" ] || fail "imported: $(col CP-A permit_until) $(col CP-N permit_until) $(col CP-N confirmed_on)"
check; [ "$(col CP-A confirmed_on)" = "$TODAY" ] || fail "updated row not confirmed: $(col CP-A confirmed_on)"
batch=$(sql "SELECT max(id) FROM import_batch")
run import undo "$batch"
expect_status 0
check; [ "$(col CP-A permit_until)|$(col CP-A confirmed_on)|$(sql "SELECT count(*) FROM candidate WHERE reference = 'CP-N'")" = "|2026-01-10|0" ] || fail "undo: $(col CP-A permit_until)|$(col CP-A confirmed_on)"

case_ "the werkstatt profile reads permit_until: a listing imports back"
run candidate edit CP-D --permit-until 2027-05-05
run candidate list --format csv
cp "$T/out" "$T/export.csv"
sql "UPDATE candidate SET permit_until = NULL WHERE reference = 'CP-D'"
run candidate import "$T/export.csv" --profile werkstatt
expect_status 0
check; [ "$(col CP-D permit_until)" = 2027-05-05 ] || fail "werkstatt profile: $(col CP-D permit_until)"

case_ "candidate list filters, alone and combined, the same in csv, json and table"
# CP-A..E live in Magdeburg (15003), CP-F in Berlin; see tests/data/match/candidates.csv.
same() { # same EXPECTED ARGS...: csv, json and table list EXPECTED
    want=$1
    shift
    got=$(refs "$@")
    check; [ "$got" = "$want" ] || fail "csv $*: $got"
    got=$(json_refs "$@")
    check; [ "$got" = "$want" ] || fail "json $*: $got"
    got=$(table_refs "$@")
    check; [ "$got" = "$want" ] || fail "table $*: $got"
}
same "CP-A CP-B CP-C CP-D CP-E" --district Magdeburg
same "CP-A CP-B CP-C CP-D CP-E" --district 15003
same "" --district Harz
same "CP-A CP-B CP-C CP-D CP-E" --kldb 521
same "" --kldb 8
same "CP-A CP-C CP-E CP-F" --german-min B1
same "CP-A" --german-min b2
same "CP-B CP-F" --residence eu
same "CP-A CP-B CP-C CP-E CP-F" --available-by 2027-01-01
same "CP-A CP-B CP-C CP-D CP-E CP-F" --available-by 01.03.2027
same "CP-A CP-B CP-C CP-D CP-F" --consent-valid
same "CP-B" --text krueger
same "CP-B" --text "KRÜGER bernd"
same "CP-A CP-D" --text fahrerin
same "" --text "fahrerin bernd"
same "CP-F" --residence eu --german-min B1
same "CP-A CP-C CP-E" --district Magdeburg --kldb 52 --german-min B1
same "CP-A CP-C" --district Magdeburg --kldb 52 --german-min B1 --consent-valid
same "CP-C" --district Magdeburg --german-min B1 --consent-valid --residence duldung-60b --available-by 2027-01-01
run candidate edit CP-E --notes "spricht auch Französisch"
same "CP-E" --text franzoesisch
same "CP-A CP-B CP-C CP-D CP-E" --source jc-md --district Magdeburg

case_ "--text leaves the names out where they are pseudonymised"
cat >"$T/pseudo.toml" <<'TOML'
[privacy]
pseudonymise = true
TOML
run --config "$T/pseudo.toml" candidate list --text krueger --format csv
expect_status 0
check; [ "$(tr -d '\r' <"$T/out" | wc -l)" = 1 ] || fail "a hidden name was searched"
run --config "$T/pseudo.toml" candidate list --text fahrerin --format csv
check; [ "$(tr -d '\r' <"$T/out" | wc -l)" = 3 ] || fail "occupation not searched"

case_ "bad filters: one line, exit status 2, nothing listed"
run candidate list --district Atlantis
expect_error 2 "Atlantis"
run candidate list --kldb 52x
expect_error 2 "--kldb '52x' is not a KldB prefix"
run candidate list --kldb 521223
expect_error 2 "1 to 5 leading digits"
run candidate list --german-min D1
expect_error 2 "--german-min 'D1' is not a German level"
run candidate list --residence martian
expect_error 2 "--residence 'martian' is not a residence status; give one of"
run candidate list --available-by 2027-13-01
expect_error 2 "--available-by '2027-13-01' is not a day"
run candidate list --text "  "
expect_error 2 "--text has no words"

case_ "opening list --district, --company, --kldb: combined, every format"
orefs() {
    run opening list "$@" --format csv
    tr -d '\r' <"$T/out" | awk -F, 'NR > 1 { printf "%s%s", sep, $1; sep = " " }'
}
check; [ "$(orefs --district Magdeburg)" = "1 2" ] || fail "district: $(orefs --district Magdeburg)"
check; [ "$(orefs --district "Halle (Saale)")" = "3" ] || fail "Halle: $(orefs --district "Halle (Saale)")"
check; [ "$(orefs --kldb 521)" = "1 2" ] || fail "kldb: $(orefs --kldb 521)"
check; [ "$(orefs --kldb 52123)" = "2" ] || fail "kldb 5: $(orefs --kldb 52123)"
check; [ "$(orefs --company pflege --kldb 8)" = "3" ] || fail "company+kldb: $(orefs --company pflege --kldb 8)"
check; [ "$(orefs --company pflege --district Magdeburg)" = "" ] || fail "company+district"
run opening list --district Magdeburg --kldb 52123 --format json
expect_status 0
check; python3 -c 'import json, sys; assert [o["id"] for o in json.load(open(sys.argv[1]))] == [2]' "$T/out" || fail "json"
run opening list --district Magdeburg --kldb 521
expect_out_has "Berufskraftfahrer CE"
expect_out_lacks "Pflege"
run opening list --district Nirgendwo
expect_error 2 "Nirgendwo"
run opening list --kldb abc
expect_error 2 "--kldb 'abc' is not a KldB prefix"

case_ "event list --host: combined with --status, every format; an unknown company is 66"
run event add --date 2027-09-16 --host spedition
expect_status 0
run event add --date 2027-10-14 --host pflege
expect_status 0
run event list --host pflege --format csv
expect_status 0
check; [ "$(tr -d '\r' <"$T/out" | awk -F, 'NR > 1' | wc -l)" = 1 ] || fail "host pflege"
expect_out_has "2027-10-14"
expect_out_lacks "2027-09-16"
run event list --host spedition --format json
check; python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert [e["date"] for e in d] == ["2027-09-16"], d' "$T/out" || fail "json"
run event list --host spedition --status cancelled
expect_status 0
expect_out_lacks "2027-09-16"
run event list --host spedition
expect_out_has "2027-09-16"
run event list --host niemand
expect_error 66 "niemand"

finish
