#!/bin/sh
# #13, the input side: `candidate exit` records leaving (day and situation; the candidate leaves
# matching), `--undo` takes it back, and `candidate follow-up` records the situation six months
# later. Conflicts are 69, bad values 2, an unknown candidate 66; a refused command writes nothing.
. "$(dirname "$0")/lib.sh"
run init
run candidate import "$TESTDATA/match/candidates.csv" --profile ba --source jc-md
expect_status 0
run candidate edit CP-A --entry-date 2026-01-15
expect_status 0

# Print column $1 of candidate CP-A, NULL as "NULL".
fact() { sql "SELECT ifnull($1, 'NULL') FROM candidate WHERE reference = 'CP-A'"; }

case_ "exit records the day and the situation and takes the candidate out of matching"
run candidate exit CP-A --date 31.03.2027 --situation employed
expect_status 0
expect_err_has "recorded exit of candidate 1 (exit_date, active, exit_situation)"
check; [ "$(fact exit_date)|$(fact exit_situation)|$(fact active)" = "2027-03-31|employed|0" ] || fail "exit not stored: $(fact exit_date)|$(fact exit_situation)|$(fact active)"
run candidate list --format csv
expect_out_lacks "CP-A"
run audit list --entity candidate --limit 1 --format csv
expect_out_has 'exit,"fields=exit_date,active,exit_situation"'
expect_out_lacks "2027-03-31"
expect_out_lacks "employed"

case_ "archive --undo does not bring someone who left back into matching (69)"
before=$(db_fingerprint)
run candidate archive CP-A --undo
expect_error 69 "candidate 1 left the programme on 2027-03-31; take the exit back"
check; [ "$before" = "$(db_fingerprint)" ] || fail "the refused restore wrote"

case_ "a second exit is a conflict (69) unless --force"
before=$(db_fingerprint)
run candidate exit CP-A --date 2027-04-30 --situation education
expect_error 69 "candidate 1 left on 2027-03-31 already; add --force"
check; [ "$before" = "$(db_fingerprint)" ] || fail "the refused exit wrote"
run candidate exit CP-A --date 2027-04-30 --situation self-employed --force
expect_status 0
check; [ "$(fact exit_date)|$(fact exit_situation)" = "2027-04-30|self-employed" ] || fail "--force did not record the exit again"

case_ "an exit before the entry day is a conflict (69)"
run candidate edit CP-B --entry-date 2027-01-10
before=$(db_fingerprint)
run candidate exit CP-B --date 2027-01-09 --situation other
expect_error 69 "before candidate 2's entry day 2027-01-10"
check; [ "$before" = "$(db_fingerprint)" ] || fail "the refused exit wrote"

case_ "bad values and missing options are usage errors (2); an unknown candidate is 66"
run candidate exit CP-B --date 2027-02-01 --situation retired
expect_error 2 "--situation 'retired' is not a situation on leaving"
run candidate exit CP-B --date 2027-02-01
expect_error 2 "needs --situation"
run candidate exit CP-B --date 2027-02-30 --situation other
expect_error 2 "--date '2027-02-30'"
run candidate exit CP-B --undo --situation other
expect_error 2 "--undo takes back the exit"
run candidate exit CP-Z --situation other
expect_error 66 "no candidate with id or reference 'CP-Z'"

case_ "a follow-up of someone who has not left is a conflict (69)"
run candidate follow-up CP-B --date 2027-08-01 --status employed
expect_error 69 "candidate 2 has not left"

case_ "a follow-up before the exit is a conflict (69)"
run candidate follow-up CP-A --date 2027-04-01 --status employed
expect_error 69 "before candidate 1's exit on 2027-04-30"

case_ "a follow-up six months later is recorded without a warning"
run candidate follow-up CP-A --date 2027-10-30 --status employed
expect_status 0
expect_err_lacks "warning"
check; [ "$(fact status_6m)|$(fact status_6m_date)" = "employed|2027-10-30" ] || fail "follow-up: $(fact status_6m)|$(fact status_6m_date)"
run audit list --entity candidate --limit 1 --format csv
expect_out_has 'follow-up,"fields=status_6m,status_6m_date"'

case_ "a second follow-up is a conflict unless --force; too early or late only warns"
run candidate follow-up CP-A --date 2027-11-30 --status inactive
expect_error 69 "has a follow-up of 2027-10-30 already"
run candidate follow-up CP-A --date 2027-06-15 --status inactive --force
expect_status 0
expect_err_has "warning: the follow-up day 2027-06-15 is not 5 to 8 months after the exit on 2027-04-30"
check; [ "$(fact status_6m)" = inactive ] || fail "the warned follow-up was not recorded"
run candidate follow-up CP-A --date 2028-01-01 --status employed --force
expect_err_has "is not 5 to 8 months"
run candidate follow-up CP-A --date 2027-09-30 --status education --force
expect_err_lacks "warning"
run candidate follow-up CP-A --date 2027-10-01 --status unemployed --force
expect_error 2 "--status 'unemployed' is not a situation six months after leaving"

case_ "--dry-run writes nothing"
before=$(db_fingerprint)
run candidate exit CP-A --undo --dry-run
expect_status 0
expect_err_has "would take back exit of candidate 1"
run candidate follow-up CP-A --date 2027-10-30 --status other --force --dry-run
expect_err_has "would record follow-up of candidate 1"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a dry run wrote"

case_ "--undo clears the exit and its follow-up and brings the candidate back to matching"
run candidate exit CP-A --undo
expect_status 0
for c in exit_date exit_situation status_6m status_6m_date; do
    check; [ "$(fact "$c")" = NULL ] || fail "$c not cleared: $(fact "$c")"
done
check; [ "$(fact active)" = 1 ] || fail "not active again"
run audit list --entity candidate --limit 1 --format csv
expect_out_has "exit-undo"
run candidate exit CP-A --undo
expect_error 69 "candidate 1 has not left"

case_ "a forced second exit clears the follow-up of the first, with a warning"
run candidate exit CP-A --date 2027-03-31 --situation job-searching
run candidate follow-up CP-A --date 2027-09-30 --status employed
run candidate exit CP-A --date 2027-05-31 --situation qualification --force
expect_status 0
expect_err_has "warning: the follow-up recorded for candidate 1's earlier exit was cleared"
check; [ "$(fact status_6m)|$(fact status_6m_date)" = "NULL|NULL" ] || fail "the old follow-up stayed"

case_ "show has the exit facts"
run candidate show CP-A --format json
expect_out_has '"exit_situation": "qualification"'
expect_out_has '"exit_date": "2027-05-31"'
finish
