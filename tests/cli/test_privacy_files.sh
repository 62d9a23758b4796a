#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# privacy status and privacy files (werkstatt-privacy(1)): consents ending or ended and what the
# next purge would erase; the files werkstatt wrote with personal data, and `candidate remove`
# naming those that may still hold the person.
. "$(dirname "$0")/lib.sh"
D="$TESTDATA/import"

# stdout equals the CSV text on stdin (CRLF line ends); unlike lib.sh's expect_csv, whose
# expect_out runs in a pipeline's subshell and so cannot count a failure, not in a pipeline.
expect_crlf() {
    sed 's/$/\r/' >"$T/expected_crlf"
    expect_out <"$T/expected_crlf"
}

case_ "setup: candidates with consents"
run init
expect_status 0
run candidate import "$D/ba_utf8.csv" --source jc
expect_status 0
sql "SELECT id FROM candidate ORDER BY id" >"$T/ids"
check; [ "$(wc -l <"$T/ids")" -ge 4 ] || fail "the premise: at least four candidates"
# Only the consents below count: the agency file's are set aside (the test's own facts).
sql "DELETE FROM consent"
for c in "1 --scope matching --until 2027-03-10" "1 --scope sharing --until 2027-05-01" \
    "2 --scope matching --until 2027-04-20" "3 --scope reporting --given-on 2026-11-01" \
    "4 --scope matching --given-on 2026-06-01" "4 --scope matching --withdraw --on 2027-02-01"; do
    # shellcheck disable=SC2086 # the words of $c are the arguments
    run candidate consent $c
    expect_status 0
done
ref1=$(sql "SELECT reference FROM candidate WHERE id = 1")

case_ "status: consents ended or ending within 30 days, by day"
run privacy status --date 2027-04-01 --format csv
expect_status 0
expect_crlf <<EOF
candidate_id,pseudonym,reference,scope,day,state
4,B-4,$(sql "SELECT reference FROM candidate WHERE id = 4"),matching,2027-02-01,withdrawn
1,B-1,$ref1,matching,2027-03-10,ended
2,B-2,$(sql "SELECT reference FROM candidate WHERE id = 2"),matching,2027-04-20,ending
1,B-1,$ref1,sharing,2027-05-01,ending
EOF

case_ "status --within 29 stops earlier; json has the consents and the next purge"
run privacy status --date 2027-04-01 --within 29 --format json
expect_status 0
expect_out_lacks '"scope": "sharing"'
expect_out_has '"next_purge"'
expect_out_has '"as_of": "2027-04-01"'
# 4's only consent was withdrawn more than 30 days before: the next purge erases them.
check; tr -d ' \n' <"$T/out" | grep -q '"erased":"candidates","count":1' || fail "next purge: $(cat "$T/out")"

case_ "status in a table: both parts, nothing changed"
before=$(db_fingerprint)
run privacy status --date 2027-04-01
expect_status 0
expect_out_has "Consents ended or ending by 2027-05-01:"
expect_out_has "The next purge (as of 2027-04-01) would erase:"
check; [ "$(db_fingerprint)" = "$before" ] || fail "status changed the database"

case_ "status: a bad --within or --date is a usage error"
run privacy status --within -1
expect_error 2 "--within must be a whole number from 0 to 36500"
run privacy status --date morgen
expect_error 2 "--date 'morgen'"

case_ "files: nothing recorded yet"
run privacy files --format csv
expect_status 0
expect_crlf <<EOF
id,path,kind,written_at,age_days,persons,mode,exists
EOF

case_ "an import's rejects file is recorded (not in a dry run)"
run candidate import "$D/ba_bad.csv" --source jc --rejects "$T/rej-dry.csv" --dry-run
run privacy files --format csv
check; [ "$(tail -n +2 "$T/out" | wc -l)" = 0 ] || fail "a dry run recorded its rejects file"
SOURCE_DATE_EPOCH=$(date -u -d "2027-04-01 09:00:00" +%s) run candidate import "$D/ba_bad.csv" --source jc --rejects "$T/rej.csv"
expect_status 1
rejected=$(sql "SELECT rejected FROM import_batch ORDER BY id DESC LIMIT 1")
run privacy files --date 2027-04-11 --format csv
expect_status 0
expect_crlf <<EOF
id,path,kind,written_at,age_days,persons,mode,exists
1,$T/rej.csv,rejects,2027-04-01T09:00:00Z,10,$rejected,0600,true
EOF
check; [ "$(sql "SELECT details FROM audit_log WHERE entity = 'written_file'")" = "kind=rejects,persons=$rejected" ] ||
    fail "audit: $(sql "SELECT details FROM audit_log WHERE entity = 'written_file'")"

case_ "candidate remove names the files that may still hold the person"
run candidate remove 1 --yes
expect_status 0
expect_err_has "erased candidate 1"
expect_err_has "$T/rej.csv (rejects file, written 2027-04-01) may still hold candidate 1"

case_ "a file that is gone is not named, and privacy files says so"
rm "$T/rej.csv"
run candidate remove 2 --yes
expect_status 0
expect_err_lacks "rej.csv"
run privacy files --date 2027-04-11 --format csv
expect_out_has ",rejects,2027-04-01T09:00:00Z,10,$rejected,0600,false"

case_ "a person stored after the file was written is not named"
SOURCE_DATE_EPOCH=$(date -u -d "2027-05-01 09:00:00" +%s) run candidate import "$D/ba_bad.csv" --source jc --rejects "$T/rej2.csv"
printf '%s\n' "$(head -1 "$D/ba_utf8.csv")" 'NEU-1;w;Neu;Person;;;39104;;;;;;Duldung;;;;;;;;' >"$T/new.csv"
SOURCE_DATE_EPOCH=$(date -u -d "2027-06-01 09:00:00" +%s) run candidate import "$T/new.csv" --source jc
expect_status 0
run candidate remove NEU-1 --yes
expect_status 0
expect_err_lacks "rej2.csv"
run candidate remove 3 --yes
expect_status 0
expect_err_has "rej2.csv (rejects file, written 2027-05-01) may still hold candidate 3"

finish
