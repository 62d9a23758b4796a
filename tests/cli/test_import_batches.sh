#!/bin/sh
# werkstatt candidate import batches: re-import is idempotent by (source, reference), changes
# update with an audit that names fields only, `import list` shows each batch, `import undo`.
. "$(dirname "$0")/lib.sh"
H=$(head -1 "$TESTDATA/import/ba_utf8.csv")
run init

# Write a ba file $1 from rows "REF;Vorname;Nachname;PLZ;Bemerkung".
ba_file() {
    file=$1
    shift
    printf '%s\n' "$H" >"$file"
    for r in "$@"; do
        echo "$r" | awk -F';' '{ printf "%s;w;%s;%s;;;%s;;;;;;Duldung;;;;;;;;%s\n", $1, $2, $3, $4, $5 }' >>"$file"
    done
}
candidates() { sql "SELECT * FROM candidate ORDER BY id"; }
batch_row() { sql "SELECT file_name, profile, source, rows_read, inserted, updated, unchanged, rejected FROM import_batch WHERE id = $1"; }

case_ "a first import inserts"
ba_file "$T/b1.csv" "R-1;Anna;Meier;39104;Erstgespräch am Montag" "R-2;Ben;Schulz;06108;"
run candidate import "$T/b1.csv"
expect_status 0
expect_err_has "read 2, inserted 2, updated 0, unchanged 0, rejected 0; batch 1"

case_ "importing the same file again changes no record, and is a batch of its own"
before=$(candidates)
run candidate import "$T/b1.csv"
expect_status 0
expect_err_has "read 2, inserted 0, updated 0, unchanged 2, rejected 0; batch 2"
check; [ "$before" = "$(candidates)" ] || fail "an unchanged row was written (updated_at or values changed)"
run candidate list --all --format csv
cp "$T/out" "$T/list_after_b1.csv"

case_ "a changed row updates, an unchanged one stays, a new one inserts"
ba_file "$T/b2.csv" "R-1;Anna;Meier-Neu;06108;Erstgespräch am Montag" "R-2;Ben;Schulz;06108;" "R-3;Cem;Yilmaz;38855;"
run candidate import "$T/b2.csv"
expect_status 0
expect_err_has "read 3, inserted 1, updated 1, unchanged 1, rejected 0; batch 3"
check; [ "$(sql "SELECT last_name || plz || district_ags FROM candidate WHERE reference='R-1'")" = "Meier-Neu0610815002" ] || fail "not updated"
check; [ "$(sql "SELECT count(*) FROM candidate")" = 3 ] || fail "not three candidates"

case_ "the audit log names the changed fields, never the values"
r1=$(sql "SELECT id FROM candidate WHERE reference='R-1'")
sql "SELECT details || ' ' || command FROM audit_log WHERE action='import-update'" >"$T/audit"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE action='import-update' AND entity='candidate' AND entity_id=$r1")" = 1 ] || fail "no import-update audit row for R-1"
check; grep -q 'last_name' "$T/audit" && grep -q 'plz' "$T/audit" || fail "changed fields not named: $(cat "$T/audit")"
check; ! grep -q 'first_name\|notes' "$T/audit" || fail "unchanged fields named: $(cat "$T/audit")"
check; ! grep -q 'Meier\|Anna\|06108\|39104\|Erstgespräch' "$T/audit" || fail "personal values in the audit log: $(cat "$T/audit")"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE action='import-update' AND (details LIKE '%Meier%' OR details LIKE '%39104%')")" = 0 ] || fail "personal values in the audit log"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE entity='import_batch' AND action='import'")" = 3 ] || fail "not one import audit row per batch"

case_ "import list: each batch with file name, SHA-256, profile and counts"
run import list --format csv
expect_status 0
check; [ "$(grep -c '^[0-9]' "$T/out")" -eq 3 ] || fail "not three batches"
check; [ "$(sed -n 2p "$T/out" | cut -d, -f1)" = 3 ] || fail "not newest first"
sum1=$(sha256sum "$T/b1.csv" | cut -d' ' -f1)
sum2=$(sha256sum "$T/b2.csv" | cut -d' ' -f1)
check; grep -q "^1,candidate,b1.csv,ba,ba,UTF-8,2,2,0,0,0,.*,$sum1" "$T/out" || fail "batch 1: $(grep '^1,' "$T/out")"
check; grep -q "^2,candidate,b1.csv,ba,ba,UTF-8,2,0,0,2,0,.*,$sum1" "$T/out" || fail "batch 2: $(grep '^2,' "$T/out")"
check; grep -q "^3,candidate,b2.csv,ba,ba,UTF-8,3,1,1,1,0,.*,$sum2" "$T/out" || fail "batch 3: $(grep '^3,' "$T/out")"
run import list --format json
expect_out_has "\"sha256\": \"$sum2\""
expect_out_has '"file": "b2.csv"'

case_ "import undo takes back what a batch inserted and changed"
run import undo 3 --dry-run
expect_status 0
check; [ "$(sql "SELECT count(*) FROM candidate")" = 3 ] || fail "--dry-run undid"
run import undo 3
expect_status 0
expect_err_has "batch 3 (b2.csv): deleted 1, restored 1"
run candidate list --all --format csv
check; cmp -s "$T/out" "$T/list_after_b1.csv" || { fail "not as before batch 3:"; diff "$T/list_after_b1.csv" "$T/out" | head -6; }
run import list --format csv
check; grep '^3,' "$T/out" | tr -d '\r' | grep -q ',20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[^,]*,[0-9a-f]\{64\}$' || fail "undone_at not shown: $(grep '^3,' "$T/out")"

case_ "undo is refused for an undone batch (69) and an unknown one (66)"
before=$(db_fingerprint)
run import undo 3
expect_error 69 "batch 3 was undone already"
run import undo 999
expect_error 66 "no import batch 999"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused undo changed the database"

case_ "undo is refused when a later batch changed its records; undone in reverse order it works"
ba_file "$T/j1.csv" "J-1;Jana;Krause;39104;" "J-2;Jan;Lange;39104;"
run candidate import "$T/j1.csv" --source jc
expect_err_has "inserted 2"
jc1=$(sql "SELECT max(id) FROM import_batch")
run candidate list --all --format csv
cp "$T/out" "$T/list_before_jc.csv"
ba_file "$T/j2.csv" "J-1;Jana;Krause;06108;"
run candidate import "$T/j2.csv" --source jc
expect_err_has "updated 1"
jc2=$(sql "SELECT max(id) FROM import_batch")
before=$(db_fingerprint)
run import undo "$jc1"
expect_error 69 "was changed after batch $jc1"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused undo changed the database"
run import undo "$jc2"
expect_status 0
expect_err_has "deleted 0, restored 1"
check; [ "$(sql "SELECT plz FROM candidate WHERE source='jc' AND reference='J-1'")" = 39104 ] || fail "J-1 not restored"
run import undo "$jc1"
expect_status 0
expect_err_has "deleted 2, restored 0"
check; [ "$(sql "SELECT count(*) FROM candidate WHERE source='jc'")" = 0 ] || fail "batch $jc1 not taken back"

case_ "undo is refused when a record was edited by hand"
ba_file "$T/h1.csv" "H-1;Hanna;Berg;39104;"
run candidate import "$T/h1.csv" --source hand
hb=$(sql "SELECT max(id) FROM import_batch")
run candidate edit H-1 --source hand --city "Magdeburg"
expect_status 0
before=$(db_fingerprint)
run import undo "$hb"
expect_error 69 "was changed after batch $hb"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused undo changed the database"
check; [ "$(sql "SELECT city FROM candidate WHERE reference='H-1'")" = Magdeburg ] || fail "the hand edit was lost"

case_ "a duplicate reference in one file: a warning, and the later row wins"
ba_file "$T/dup.csv" "D-1;Dora;Erste;39104;" "D-2;Dirk;Anders;39104;" "D-1;Dora;Zweite;06108;"
run candidate import "$T/dup.csv" --source dup
expect_status 0
expect_err_has "dup.csv:4: reference \"D-1\" appeared earlier in the file; the later row wins"
check; [ "$(sql "SELECT count(*) FROM candidate WHERE source='dup'")" = 2 ] || fail "duplicate stored twice"
check; [ "$(sql "SELECT last_name || plz FROM candidate WHERE source='dup' AND reference='D-1'")" = "Zweite06108" ] || fail "the later row did not win"
db=$(sql "SELECT max(id) FROM import_batch")
run import undo "$db"
expect_status 0
check; [ "$(sql "SELECT count(*) FROM candidate WHERE source='dup'")" = 0 ] || fail "undo left records of the batch"

case_ "many new rows with repeated references: the later row wins, ids without gaps, keys intact"
# More rows than the importer writes at once, so that rows go in as groups and a repeated
# reference meets a group that is not written yet.
rows=""
i=1
while [ $i -le 100 ]; do
    rows="$rows N-$i;Nora;Neu$i;39104;"
    if [ $i -eq 80 ]; then rows="$rows N-50;Nora;Later;06108; N-70;Nora;Neu70;39104;"; fi
    i=$((i + 1))
done
# shellcheck disable=SC2086 # one argument per row, none contains blanks
ba_file "$T/long.csv" $rows
seq_before=$(sql "SELECT seq FROM sqlite_sequence WHERE name='candidate'")
run candidate import "$T/long.csv" --source long
expect_status 0
expect_err_has "read 102, inserted 100, updated 1, unchanged 1, rejected 0"
expect_err_has "long.csv:82: reference \"N-50\" appeared earlier in the file; the later row wins"
expect_err_has "long.csv:83: reference \"N-70\" appeared earlier in the file; the later row wins"
check; [ "$(sql "SELECT last_name || plz FROM candidate WHERE source='long' AND reference='N-50'")" = "Later06108" ] || fail "the later row did not win"
check; [ "$(sql "SELECT (min(id) - $seq_before) || ',' || (max(id) - min(id) + 1) || ',' || count(*) FROM candidate WHERE source='long'")" = "1,100,100" ] || fail "ids not consecutive after the old ones: $(sql "SELECT min(id), max(id), count(*) FROM candidate WHERE source='long'")"
check; [ "$(sql "SELECT seq FROM sqlite_sequence WHERE name='candidate'")" = "$(sql "SELECT max(id) FROM candidate")" ] || fail "AUTOINCREMENT counted ids that no record has"
check; [ "$(sql "SELECT reference FROM candidate WHERE source='long' ORDER BY id LIMIT 1 OFFSET 79")" = "N-80" ] || fail "ids not in the order of the file"
check; [ -z "$(sql "PRAGMA foreign_key_check")" ] || fail "foreign keys broken: $(sql "PRAGMA foreign_key_check")"
lb=$(sql "SELECT max(id) FROM import_batch")
# Again: N-50 goes back to its first row and then to the later one; the rest is unchanged.
run candidate import "$T/long.csv" --source long
expect_err_has "read 102, inserted 0, updated 2, unchanged 100, rejected 0"
run import undo "$((lb + 1))"
expect_status 0
expect_err_has "deleted 0, restored 1"
run import undo "$lb"
expect_status 0
expect_err_has "deleted 100, restored 0"
check; [ -z "$(sql "PRAGMA foreign_key_check")" ] || fail "foreign keys broken after undo: $(sql "PRAGMA foreign_key_check")"

finish
