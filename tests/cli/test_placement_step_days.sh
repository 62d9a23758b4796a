#!/bin/sh
# #13, the input side: each placement step records its day (introduced_on, interview_on,
# hired_on, closed_on) from `placement set --date` (today without it); a move back clears the
# later steps' days, and a hire that withdraws the candidate's other placements closes them on
# the same day.
. "$(dirname "$0")/lib.sh"
run init
match_pool
run match --assign --commit --date 2026-12-01
expect_status 0

# Print the step days of candidate $1 at opening $2 as introduced|interview|hired|closed.
days() {
    sql "SELECT ifnull(introduced_on, '-') || '|' || ifnull(interview_on, '-') || '|' || ifnull(hired_on, '-') || '|' || ifnull(closed_on, '-') FROM placement WHERE candidate_id = $1 AND opening_id = $2"
}

case_ "a committed proposal has no step day"
check; [ "$(days 2 1)" = "-|-|-|-" ] || fail "proposed: $(days 2 1)"

case_ "each step records the day given with --date"
run placement set CP-B 1 introduced --date 05.01.2027
expect_status 0
check; [ "$(days 2 1)" = "2027-01-05|-|-|-" ] || fail "introduced: $(days 2 1)"
run placement set CP-B 1 interview --date 2027-01-12
check; [ "$(days 2 1)" = "2027-01-05|2027-01-12|-|-" ] || fail "interview: $(days 2 1)"

case_ "--dry-run and a bad --date write nothing"
before=$(db_fingerprint)
run placement set CP-B 1 hired --date 2027-02-01 --dry-run
expect_status 0
run placement set CP-B 1 hired --date 2027-02-30
expect_error 2 "--date '2027-02-30'"
check; [ "$before" = "$(db_fingerprint)" ] || fail "the database changed"

case_ "a move back (with --force) clears the later steps' days"
run placement set CP-B 1 introduced --date 2027-01-20 --force
expect_status 0
check; [ "$(days 2 1)" = "2027-01-20|-|-|-" ] || fail "back to introduced: $(days 2 1)"

case_ "a hire records hired_on; its withdrawals elsewhere get closed_on on the same day"
run placement set CP-A 1 introduced --date 2027-01-06
run placement set CP-A 1 hired --date 2027-02-01 --force
expect_status 0
check; [ "$(days 1 1)" = "2027-01-06|-|2027-02-01|-" ] || fail "hired: $(days 1 1)"
check; [ "$(sql "SELECT status FROM placement WHERE candidate_id = 1 AND opening_id = 2")" = withdrawn ] || fail "the other placement was not withdrawn"
check; [ "$(days 1 2)" = "-|-|-|2027-02-01" ] || fail "withdrawn by the hire: $(days 1 2)"

case_ "declined closes the pair on its day; without --date the day is today"
run placement set CP-B 1 declined
expect_status 0
check; [ "$(days 2 1)" = "2027-01-20|-|-|$(date +%Y-%m-%d)" ] || fail "declined: $(days 2 1)"

case_ "a hire taken back (withdrawn with --force) loses its hired_on"
run placement set CP-A 1 withdrawn --date 2027-03-01 --force
expect_status 0
check; [ "$(days 1 1)" = "2027-01-06|-|-|2027-03-01" ] || fail "withdrawn hire: $(days 1 1)"
finish
