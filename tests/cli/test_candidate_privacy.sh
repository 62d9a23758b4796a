#!/bin/sh
# Candidates as personal data: archive and restore, erasure, and what the audit log keeps.
. "$(dirname "$0")/lib.sh"
run init
run candidate import "$SOURCE_DIR/examples/agency-ba.csv" --profile ba --source jc-magdeburg
expect_status 0

case_ "archive takes a candidate out of the list, --undo brings them back"
run candidate archive CP-000003-B
expect_status 0
run candidate list --format csv
expect_out_lacks "CP-000003-B"
run candidate archive CP-000003-B --undo
expect_err_has "restored candidate 3"
run candidate list --format csv
expect_out_has "CP-000003-B"

case_ "edit by hand: the audit log names fields, never values or the reference"
run candidate edit CP-000002-B --last-name Kowalenko --birth-date 1985-07-06 --german B1
expect_status 0
run audit list --entity candidate --limit 1 --format csv
expect_out_has "fields=last_name,german,birth_date"
expect_out_lacks "Kowalenko"
expect_out_lacks "1985-07-06"
expect_out_lacks "CP-000002-B"
expect_out_has "candidate edit … --last-name=… --german=… --birth-date=…"

case_ "remove needs confirmation, then erases the record and its undo data"
run candidate import "$SOURCE_DIR/examples/agency-ba.csv" --profile ba --source jc-magdeburg
run candidate remove CP-000002-B
expect_error 2 "--yes"
run candidate remove CP-000002-B --dry-run
expect_err_has "would erase candidate 2"
check; [ "$(sql "SELECT count(*) FROM candidate WHERE reference = 'CP-000002-B'")" = 1 ] || fail "dry run erased"
run candidate remove CP-000002-B --yes
expect_status 0
expect_err_has "erased candidate 2"
check; [ "$(sql "SELECT count(*) FROM candidate WHERE reference = 'CP-000002-B'")" = 0 ] || fail "still stored"
check; [ "$(sql "SELECT count(*) FROM import_change WHERE entity = 'candidate' AND record_id = 2")" = 0 ] || fail "undo data kept"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE command LIKE '%Kovalenko%' OR command LIKE '%Kowalenko%' OR details LIKE '%Kowalenko%' OR command LIKE '%CP-000002-B%'")" = 0 ] || fail "the audit log keeps personal data"
run candidate show CP-000002-B
expect_error 66 "no candidate"
run candidate remove 99 --yes
expect_error 66 "no candidate"

case_ "the rejects file is private"
run candidate import "$TESTDATA/import/ba_bad.csv" --profile ba --source jc --rejects "$T/rejects.csv"
check; [ "$(stat -c %a "$T/rejects.csv")" = 600 ] || fail "rejects file mode $(stat -c %a "$T/rejects.csv")"

finish
