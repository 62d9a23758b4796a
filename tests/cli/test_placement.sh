#!/bin/sh
# werkstatt match --assign --commit and werkstatt placement set|list: stored proposals that
# coordinators move from proposed to hired, declined or withdrawn; placed people and filled
# openings leave the pool of later runs.
. "$(dirname "$0")/lib.sh"
DAY="--date 2026-12-01"
run init
match_pool

case_ "match --assign --commit stores the run, its reasons and proposed placements"
run match --assign --commit $DAY --format json
expect_status 0
expect_err_has "stored as match run 1: 2 new proposed placements"
check; python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['run'] == 1, d" "$T/out" || fail "JSON lacks the run id"
check; [ "$(sql "SELECT assigned || '|' || total_milli || '|' || reference_day FROM match_run")" = "2|182600|2026-12-01" ] || fail "run: $(sql "SELECT * FROM match_run")"
# The reasons are kept in documents.lang (German by default), whatever the terminal speaks.
check; [ "$(sql "SELECT count(*) FROM match_assignment WHERE explanation LIKE 'Beruf % von 40: KldB%'")" = 2 ] || fail "reasons not kept in German: $(sql "SELECT explanation FROM match_assignment LIMIT 1")"
check; [ "$(sql "SELECT candidate_id || '>' || opening_id || ':' || status FROM placement ORDER BY opening_id" | tr '\n' ' ')" = "2>1:proposed 1>2:proposed " ] || fail "placements: $(sql "SELECT * FROM placement")"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'match_run' AND action = 'commit'")" = 1 ] || fail "no audit row"
run --set documents.lang=en match --assign --commit $DAY
expect_status 0
expect_err_has "stored as match run 2: 0 new proposed placements, 0 earlier proposals not repeated were removed"
check; [ "$(sql "SELECT count(*) FROM match_assignment WHERE run_id = 2 AND explanation LIKE 'occupation % of 40: KldB%'")" = 2 ] || fail "reasons not kept in English with documents.lang = en"

case_ "placement list"
run placement list --format csv
expect_status 0
expect_out_has "id,candidate,source,candidate_id,opening,company,title,status,score,run,note,updated_at"
expect_out_has ",CP-B,jc-md,2,1,spedition,Berufskraftfahrer (m/w/d),proposed,98.6,1,,"
run placement list --status hired
expect_status 0
check; [ "$(wc -l <"$T/out")" -eq 1 ] || fail "hired filter listed rows"
run placement list --status nonsense
expect_error 2 "unknown status 'nonsense'"

case_ "placement set: forward only, unless --force"
run placement set CP-B 1 introduced --note "Termin am 12.1."
expect_status 0
expect_err_has "set candidate 2 for opening 1: proposed -> introduced"
run placement set CP-B 1 interview
expect_status 0
before=$(db_fingerprint)
run placement set CP-B 1 proposed
expect_error 69 "backward"
run placement set CP-B 1 interview
expect_error 69 "already"
run placement set CP-B 1 maybe
expect_error 2 "unknown status 'maybe'"
run placement set CP-B 99 hired
expect_error 66 "no opening 99"
run placement set CP-NOPE 1 hired
expect_error 66 "CP-NOPE"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused placement changed the database"
run placement set 2 1 hired
expect_status 0
expect_err_has "interview -> hired; opening 1 has no position left"
run placement set CP-B 1 declined
expect_error 69 "final status"
check; [ "$(sql "SELECT note FROM placement WHERE candidate_id = 2")" = "Termin am 12.1." ] || fail "note lost"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'placement' AND action = 'set'")" = 3 ] || fail "audit rows"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE details LIKE '%Termin%' OR command LIKE '%Termin%'")" = 0 ] || fail "the note reached the audit log"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE command LIKE '%CP-B%'")" = 0 ] || fail "the agency reference reached the audit log"

case_ "hired people and filled openings leave the pool"
run match --candidate CP-B $DAY
expect_error 69 "placed already"
run match --opening 1 $DAY
expect_error 69 "opening 1 has all 1 positions taken"
run match --assign $DAY --format csv
expect_status 0
expect_out_lacks "CP-B"
expect_out_lacks ",1,spedition,"
run placement set CP-D 1 hired
expect_error 69 "has all 1 positions taken"
run placement set CP-B 2 hired
expect_error 69 "hired for opening 1 already"

case_ "a declined pair is not proposed again; the rest of the old proposal is replaced"
run placement set CP-A 2 declined
expect_status 0
run match --candidate CP-A $DAY --explain
expect_status 0
expect_out_has "excluded by hard rules: occupation-unrelated 1, closed-before 1"
run match --assign --commit $DAY
expect_status 0
check; [ "$(sql "SELECT count(*) FROM placement WHERE status = 'proposed' AND candidate_id = 1")" = 0 ] || fail "declined pair proposed again"

case_ "--force corrects a mistake"
run placement set CP-A 2 interview --force
expect_status 0
expect_err_has "declined -> interview"
check; [ "$(sql "SELECT details FROM audit_log WHERE entity = 'placement' ORDER BY id DESC LIMIT 1")" = "candidate=1 opening=2 status=declined->interview forced" ] || fail "audit: $(sql "SELECT details FROM audit_log ORDER BY id DESC LIMIT 1")"

case_ "an import batch whose records placements use cannot be undone"
before=$(db_fingerprint)
run import undo 1
expect_error 69 "placement"
check; [ "$before" = "$(db_fingerprint)" ] || fail "refused undo changed the database"

case_ "erasing a candidate (DSGVO Art. 17) erases their placements and proposals"
run candidate remove CP-A --yes
expect_status 0
check; [ "$(sql "SELECT count(*) FROM placement WHERE candidate_id = 1") $(sql "SELECT count(*) FROM match_assignment WHERE candidate_id = 1")" = "0 0" ] || fail "placements of an erased candidate remain"

finish
