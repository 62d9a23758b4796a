#!/bin/sh
# Issue 11, item 14: lowering an event's seats below its registrations warns (exit 0); archiving
# the host of a planned event warns, and the planner names the event that lost its host instead
# of skipping the quarter without a word.
. "$(dirname "$0")/lib.sh"
run init
run company add --key saale --name "Saale-Pflege gGmbH" --plz 06108 --can-host --capacity 60
run company add --key nord --name "Nord GmbH" --plz 39104 --can-host --capacity 40
for name in "Anna Schulz" "Jonas Weber" "Eva Braun" "Kai Klein"; do
    run contact add --company nord --name "$name"
done
run event add --date 2027-02-11 --host saale --capacity 10
expect_status 0
for c in 1 2 3 4; do
    run event register 1 --contact $c
done
expect_status 0

case_ "fewer seats than registrations: a warning, and the change is made"
run event edit 1 --capacity 3
expect_status 0
expect_err_has "warning: event 1 has 4 registrations but seats 3 now; 1 more than fit"
expect_err_has "changed event 1"
check; [ "$(sql "SELECT capacity FROM event WHERE id = 1")" = 3 ] || fail "capacity not stored"
run event edit 1 --capacity 4
expect_status 0
expect_err_lacks "registrations"
run event register 1 --company nord
expect_error 69 "full"

case_ "archiving the host of a planned event warns"
run company archive saale
expect_status 0
expect_err_has "warning: company saale hosts planned event 1 on 2027-02-11, which has no active host now"

case_ "the planner names the planned event that lost its host"
run event plan --from 2027Q1 --quarters 2
expect_status 0
expect_out_has "its Werkstatt: event 1 on 2027-02-11 (planned) at saale"
expect_out_has "planned event 1 on 2027-02-11 has lost its host: company saale is archived"
expect_err_has "warning: 2027Q1: planned event 1 on 2027-02-11 has lost its host"
run event plan --from 2027Q1 --quarters 2 --format json
expect_status 0
check; python3 -c "
import json, sys
rows = json.load(open(sys.argv[1]))
q1 = [r for r in rows if r['quarter'] == '2027Q1'][0]
assert 'lost its host' in q1['explanation'], q1
" "$T/out" || fail "JSON plan lacks the reason"

case_ "a new host ends the warning"
run event edit 1 --host nord
expect_status 0
run event plan --from 2027Q1 --quarters 2
expect_status 0
expect_err_lacks "lost its host"
expect_out_has "its Werkstatt: event 1 on 2027-02-11 (planned) at nord"

finish
