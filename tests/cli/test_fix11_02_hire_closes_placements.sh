#!/bin/sh
# Issue 11, item 2: a hire closes out the person's other open placements (withdrawn, with the
# reason in their note and the audit row), a hired person is not introduced elsewhere without
# --force, a filled opening takes no new introductions, and a committed run names every earlier
# proposal it removes and why.
. "$(dirname "$0")/lib.sh"
DAY="--date 2026-12-01"
run init
match_pool
# The proposal: CP-B (2) for opening 1, CP-A (1) for opening 2.
run match --assign --commit $DAY
expect_status 0

case_ "a person introduced to two openings is hired for one"
run placement set CP-A 1 introduced
expect_status 0
run placement set CP-A 2 introduced
expect_status 0
before=$(db_fingerprint)
run placement set CP-A 1 hired --dry-run
expect_status 0
expect_err_has "would withdraw candidate 1's other placements: opening 2 (was introduced)"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a dry-run hire changed the database"
audits=$(sql "SELECT count(*) FROM audit_log")
run placement set CP-A 1 hired
expect_status 0
expect_err_has "set candidate 1 for opening 1: introduced -> hired; opening 1 has no position left"
expect_err_has "withdrew candidate 1's other placements: opening 2 (was introduced); reason: hired for opening 1"
expect_err_has "warning: opening 1 is filled, but this placement is still open there: candidate 2 (proposed)"
check; [ "$(sql "SELECT status || '|' || note FROM placement WHERE candidate_id = 1 AND opening_id = 2")" = "withdrawn|withdrawn: hired for opening 1" ] || fail "other placement: $(sql "SELECT * FROM placement WHERE candidate_id = 1")"
check; [ "$(sql "SELECT count(*) FROM audit_log")" = $((audits + 1)) ] || fail "the hire wrote $(( $(sql "SELECT count(*) FROM audit_log") - audits )) audit rows, expected one"
check; [ "$(sql "SELECT details FROM audit_log ORDER BY id DESC LIMIT 1")" = "candidate=1 opening=1 status=introduced->hired withdrew_openings=2 reason=hired" ] || fail "audit: $(sql "SELECT details FROM audit_log ORDER BY id DESC LIMIT 1")"

case_ "the opening the hired person held by an introduction is free again"
run match --opening 2 $DAY
expect_status 0
expect_err_has "shown; excluded by hard rules"

case_ "a hired person is not introduced elsewhere without --force"
before=$(db_fingerprint)
run placement set CP-A 3 introduced
expect_error 69 "candidate 1 is hired for opening 1; add --force"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused introduction changed the database"
run placement set CP-A 3 introduced --force
expect_status 0
check; [ "$(sql "SELECT status FROM placement WHERE candidate_id = 1 AND opening_id = 3")" = "introduced" ] || fail "forced introduction not stored"

case_ "an opening whose positions are all hired takes no new introduction"
before=$(db_fingerprint)
run placement set CP-C 1 introduced
expect_error 69 "opening 1 has all 1 positions filled by hires"
run placement set CP-B 1 introduced
expect_error 69 "opening 1 has all 1 positions filled by hires"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused introduction changed the database"

case_ "a committed run says which earlier proposals it removed and why"
run placement set CP-D 3 proposed
expect_status 0
run match --assign --commit $DAY
expect_status 0
removed=$(sql "SELECT details FROM audit_log WHERE entity = 'match_run' ORDER BY id DESC LIMIT 1" | sed 's/.*stale_removed=//')
check; [ "$removed" -ge 1 ] || fail "no proposal was removed: $removed"
check; [ "$(grep -c '^removed the proposal of candidate ' "$T/err")" = "$removed" ] || fail "$removed proposals removed, named: $(grep -c '^removed the proposal' "$T/err")"
expect_err_has "removed the proposal of candidate 2 for opening 1: opening 1 has no free position"
expect_err_has "removed the proposal of candidate 4 for opening 3: a hard rule excludes the pair now"
check; [ "$(sql "SELECT count(*) FROM placement WHERE status = 'proposed' AND ((candidate_id = 2 AND opening_id = 1) OR (candidate_id = 4 AND opening_id = 3))")" = 0 ] || fail "stale proposals kept"

finish
