#!/bin/sh
# werkstatt due: the coordinator's one list, most urgent first, exit 1 when anything is due; and
# examples/due.sh, which prints it only then (for cron).
. "$(dirname "$0")/lib.sh"
D=2027-01-01
run init
match_pool
# Every candidate confirmed lately, and advisory entries checked: a quiet start.
sql "UPDATE candidate SET confirmed_on = '2026-12-20'; UPDATE advisor SET last_verified = '2026-12-01'; UPDATE consent SET valid_until = '2028-12-31' WHERE valid_until IS NOT NULL"

case_ "nothing due: exit 0, an empty list, one line saying so"
run due --date $D
expect_status 0
expect_err_has "nothing is due"
run due --date $D --format json
expect_status 0
check; [ "$(tr -d ' \n' <"$T/out")" = "[]" ] || fail "JSON of nothing due: $(cat "$T/out")"
run due --date $D --format md
expect_status 0
expect_out_has "Nothing is due."

case_ "each kind of due item, most urgent first"
run candidate consent CP-B --scope matching,sharing --until 2027-01-10
expect_status 0
sql "UPDATE candidate SET permit_until = '2026-12-20' WHERE reference = 'CP-C'"
sql "UPDATE candidate SET permit_until = '2027-01-12' WHERE reference = 'CP-D'"
sql "UPDATE candidate SET confirmed_on = '2026-09-01' WHERE reference = 'CP-B'"
sql "UPDATE candidate SET confirmed_on = '2026-06-01' WHERE reference = 'CP-E'"
run placement set CP-A 1 hired --date 2026-12-01
expect_status 0
run placement set CP-D 2 introduced --date 2026-11-15 --force
expect_status 0
run event add --date 2027-01-12 --host spedition --title "Werkstatt 1/2027"
expect_status 0
sql "UPDATE advisor SET last_verified = '2025-12-20' WHERE id = (SELECT min(id) FROM advisor)"
run due --date $D --format csv
expect_status 1
expect_out_has "due_on,days,kind,entity,id,what,action"
cut -d, -f3 "$T/out" | tail -n +2 | tr '\n' ' ' >"$T/kinds"
check; [ "$(cat "$T/kinds")" = "paused confirmation stuck permit-ended advisor-check followup consent-ending permit-ending event " ] || fail "kinds in order: $(cat "$T/kinds")"
expect_out_has "2026-11-28,-34,paused,candidate,5,"
expect_out_has "2026-12-15,-17,stuck,placement,"
expect_out_has "2026-12-20,-12,permit-ended,candidate,3,residence title ended on 2026-12-20,"
expect_out_has "2027-01-01,0,followup,followup,1,"
expect_out_has "2026-11-30,-32,confirmation,candidate,2,"
expect_out_has "2027-01-10,9,consent-ending,candidate,2,consent to matching and sharing ends on 2027-01-10,"
expect_out_has "2027-01-12,11,permit-ending,candidate,4,"
expect_out_has "2027-01-12,11,event,event,1,Werkstatt 1/2027 at spedition: 0 registered"
# No personal data: names, birth dates and contact data of the pool never appear.
for word in Amal Haddad Bernd Krüger Rami Saleh Olha Kovalenko 1990 1970; do
    expect_out_lacks "$word"
done

case_ "--within narrows what falls due ahead; --format table and md"
run due --date $D --within 0 --format csv
expect_status 1
expect_out_lacks "consent-ending"
expect_out_lacks ",event,"
expect_out_has ",followup,"
run due --date $D
expect_status 1
expect_out_has "permit-ended"
run due --date $D --format md
expect_status 1
expect_out_has "# Due on 2027-01-01"
expect_out_has "- **2026-12-20** (12 days overdue), permit-ended candidate 3: residence title ended on 2026-12-20"
expect_out_has "werkstatt followup record 1 --outcome"
case_ "in German: the list, its actions and the markdown, codes and exit status unchanged"
run --set ui.lang=de due --date $D --format md
expect_status 1
expect_out_has "# Fällig am 01.01.2027"
expect_out_has "- **20.12.2026** (seit 12 Tagen überfällig), permit-ended candidate 3: Aufenthaltstitel endete am 20.12.2026"
expect_out_has "(in 11 Tagen), event event 1: Werkstatt 1/2027 bei spedition: 0 angemeldet  "
expect_out_has "seit 15.11.2026 vorgestellt"
expect_out_has "nachfragen, dann werkstatt followup record 1 --outcome"
expect_out_lacks "overdue"
expect_out_lacks " since "
run --set ui.lang=de due --date $D --format csv
expect_out_has "due_on,days,kind,entity,id,what,action"
expect_out_has ",stuck,placement,"
expect_out_has "beim Unternehmen nachfragen, dann werkstatt placement set"
run due --date $D --format csv
expect_out_has "introduced since 2026-11-15,\"ask the company, then werkstatt placement set"
# The seats, when known, with their own plural.
sql "UPDATE event SET capacity = 1"
run --set ui.lang=de due --date $D --format csv
expect_out_has "\"Werkstatt 1/2027 bei spedition: 0 angemeldet, 1 Platz\","
run due --date $D --format csv
expect_out_has "Werkstatt 1/2027 at spedition: 0 registered of 1 seat,"
sql "UPDATE event SET capacity = NULL"
run due --date $D --format json
expect_status 1
check; python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert [i['kind'] for i in d][0] == 'paused', d[0]
assert set(d[0]) == {'due_on', 'days', 'kind', 'entity', 'id', 'what', 'action'}, d[0]
assert all(isinstance(i['days'], int) for i in d)
" "$T/out" || fail "JSON: $(head -c 300 "$T/out")"

case_ "a recorded follow-up, a confirmation and a renewal take items off the list"
run followup record 1 --outcome employed --date $D
expect_status 0
run candidate consent CP-B --scope matching,sharing --until 2028-12-31
expect_status 0
sql "UPDATE candidate SET confirmed_on = '2026-12-30' WHERE reference IN ('CP-B', 'CP-E')"
run due --date $D --format csv
expect_status 1
expect_out_lacks ",followup,"
expect_out_lacks "consent-ending"
expect_out_lacks ",paused,"
expect_out_lacks ",confirmation,"

case_ "advisory entries to check are one item, however many"
sql "UPDATE advisor SET last_verified = NULL WHERE id IN (1, 2)"
run due --date $D --format csv
expect_status 1
expect_out_has "2 advisory entries to check (2 never verified, 0 verified more than 365 days ago), first "
check; [ "$(grep -c ',advisor-check,' "$T/out")" -eq 1 ] || fail "advisor checks not one item: $(cat "$T/out")"
sql "UPDATE advisor SET last_verified = '2026-12-01'"

case_ "bad input: a clear error, no list"
run due --date 2027-02-30
expect_error 2 "2027-02-30"
run due --format xml
expect_error 2 "unknown format 'xml'; use table, md, json, csv or xlsx"
run due --within -1
expect_status 2
expect_out_empty

case_ "examples/due.sh prints the list only when something is due"
sql "UPDATE candidate SET permit_until = date('now') WHERE reference = 'CP-C'"
PATH="$(dirname "$WERKSTATT"):$PATH" WERKSTATT_DB="$DB" HOME="$T" sh "$SOURCE_DIR/examples/due.sh" 7 >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "# Due on"
sql "DELETE FROM placement; DELETE FROM followup; DELETE FROM event; UPDATE candidate SET permit_until = NULL, confirmed_on = date('now'); UPDATE advisor SET last_verified = date('now'); DELETE FROM consent WHERE valid_until < date('now', '+30 days')"
PATH="$(dirname "$WERKSTATT"):$PATH" WERKSTATT_DB="$DB" HOME="$T" sh "$SOURCE_DIR/examples/due.sh" 7 >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_empty
expect_err_empty
finish
