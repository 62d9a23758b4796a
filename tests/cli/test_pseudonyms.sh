#!/bin/sh
# privacy.pseudonymise: listings, rankings, placements and reports show B-<id> instead of a
# candidate's name, email and phone; --reveal shows names for one run and is audited; without the
# setting nothing changes.
. "$(dirname "$0")/lib.sh"
DAY="--date 2026-12-01"
run init
match_pool
run candidate edit CP-A --email amal@example.org --phone "0391 555"
expect_status 0
run match --assign --commit $DAY
expect_status 0
run placement set CP-A 2 introduced
expect_status 0
P="--set privacy.pseudonymise=true"
NAMES="Amal Haddad Bernd Krüger Rami Saleh Olha Kovalenko Omar Nasser amal@example.org 0391"

# stdout holds none of the candidates' names, emails and phones.
expect_no_names() {
    for n in $NAMES; do
        expect_out_lacks "$n"
    done
}

case_ "without the setting: names, email and phone as before, and no pseudonym"
run candidate list
expect_status 0
expect_out_has "Haddad"
expect_out_lacks "PSEUDONYM"
expect_out_lacks "B-1"
run candidate list --format csv
expect_status 0
check; head -1 "$T/out" | grep -q '^id,source,reference,first_name,last_name,email,phone,' || fail "csv header changed: $(head -1 "$T/out")"
run candidate show CP-A --format json
expect_status 0
expect_out_has '"first_name": "Amal"'
expect_out_has '"email": "amal@example.org"'
audits=$(sql "SELECT count(*) FROM audit_log")
run --reveal candidate list
expect_status 0
expect_out_has "Haddad"
check; [ "$(sql "SELECT count(*) FROM audit_log")" = "$audits" ] || fail "--reveal without the setting wrote an audit row"

case_ "candidate list and show: the pseudonym in every format"
run $P candidate list
expect_status 0
expect_no_names
expect_out_has "PSEUDONYM"
expect_out_has "B-1 "
expect_out_has "CP-A"
run $P candidate list --format csv
expect_status 0
expect_no_names
check; head -1 "$T/out" | grep -q '^id,source,reference,pseudonym,plz,' || fail "csv header: $(head -1 "$T/out")"
expect_out_has ",CP-A,B-1,"
run $P candidate list --all --format json
expect_status 0
expect_no_names
check; python3 -c "
import json,sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 6, rows
for r in rows:
    assert r['pseudonym'] == 'B-%d' % r['id'], r
    assert not set(r) & {'first_name', 'last_name', 'email', 'phone'}, r
" "$T/out" || fail "json rows keep a name field or lack the pseudonym"
run $P candidate show CP-A
expect_status 0
expect_no_names
expect_out_has "B-1"
run $P candidate show 1 --format json
expect_status 0
expect_no_names
check; python3 -c "
import json,sys
d = json.load(open(sys.argv[1]))
assert d['pseudonym'] == 'B-1' and d['reference'] == 'CP-A', d
assert not set(d) & {'first_name', 'last_name', 'email', 'phone'}, d
" "$T/out" || fail "show json"

case_ "rankings, proposals, placements and reports name nobody"
for args in "match --opening 1 $DAY" "match --opening 1 --explain --format json $DAY" \
    "match --candidate CP-C --explain $DAY" "match --scores --format csv $DAY" "match --assign $DAY" \
    "match --assign --format json $DAY" "placement list" "placement list --format json" \
    "report exchange --period 2026 $DAY" "report exchange --period 2026 --format html $DAY" \
    "report quarterly --period 2026Q4 $DAY" "opening show 2" "opening show 2 --format json" \
    "hiring checklist --candidate CP-A --opening 2" "funding suggest --candidate CP-A --format json"; do
    case_ "pseudonymised: $args"
    run $P $args
    expect_status 0
    expect_no_names
done
case_ "the exchange report shows the pseudonym"
run $P report exchange --period 2026 $DAY
expect_out_has "B-1"

case_ "--reveal shows names for this run and writes one audit row"
audits=$(sql "SELECT count(*) FROM audit_log")
run $P --reveal candidate list
expect_status 0
expect_out_has "Haddad"
expect_out_lacks "PSEUDONYM"
check; [ "$(sql "SELECT count(*) FROM audit_log")" = "$((audits + 1))" ] || fail "not one audit row"
check; [ "$(sql "SELECT entity || '|' || ifnull(entity_id, '') || '|' || action || '|' || details FROM audit_log ORDER BY id DESC LIMIT 1")" = "candidate||reveal|command=candidate list" ] ||
    fail "audit row: $(sql "SELECT * FROM audit_log ORDER BY id DESC LIMIT 1")"
run $P candidate show CP-A --reveal --format json
expect_status 0
expect_out_has '"last_name": "Haddad"'
check; [ "$(sql "SELECT details FROM audit_log ORDER BY id DESC LIMIT 1")" = "command=candidate show" ] || fail "show's reveal not audited"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE action = 'reveal' AND (details LIKE '%Haddad%' OR command LIKE '%CP-A%')")" = 0 ] || fail "the reveal row holds personal data"

finish
