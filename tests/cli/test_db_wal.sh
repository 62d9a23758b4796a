#!/bin/sh
# Readers never wait for writers (write-ahead log): listings and reports run while a long import
# writes; a second writer waits for it and then succeeds, silently without a terminal and with
# one line on a terminal; a backup taken meanwhile is whole (the count before or after, never
# in between); -wal and -shm get the database's mode 0600.
. "$(dirname "$0")/lib.sh"
mkdir -m 700 "$T/data"
DB="$T/data/werkstatt.db"
ROWS=${DB_WAL_ROWS:-100000}
python3 - "$TESTDATA/import/ba_utf8.csv" "$T/big.csv" "$ROWS" <<'EOF'
import sys
head = open(sys.argv[1], encoding="utf-8").readline()
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    f.write(head)
    for i in range(int(sys.argv[3])):
        f.write(f"WAL-{i:06d};w;Vorname{i};Nachname{i};01.02.1990;syrisch;39104;Magdeburg;52122;"
                f"Fahrer;B1;ar:C2;Duldung;voll;B;01.03.2027;30;31.12.2027;n{i}@example.org;"
                f"0391 {i};Bemerkung {i}\n")
EOF
run init
run company add --key elbe --name "Elbe GmbH" --plz 39104
expect_status 0
before=$(sql "SELECT count(*) FROM candidate")

# Start the import in the background and wait until it writes pages to the log.
"$WERKSTATT" --db "$DB" candidate import "$T/big.csv" --source jc >"$T/import.out" 2>"$T/import.err" </dev/null &
importer=$!
i=0
# (-journal too: without a write-ahead log the test must fail, not wait for the import's end.)
size() { stat -c %s "$1" 2>/dev/null || echo 0; }
while [ "$(size "$DB-wal")" -eq 0 ] && [ "$(size "$DB-journal")" -eq 0 ] && kill -0 "$importer" 2>/dev/null && [ $i -lt 1500 ]; do
    sleep 0.01
    i=$((i + 1))
done

case_ "-wal and -shm have the database's mode 0600"
check; [ "$(stat -c %a "$DB-wal" 2>/dev/null)" = 600 ] && [ "$(stat -c %a "$DB-shm" 2>/dev/null)" = 600 ] ||
    fail "modes: $(stat -c '%n %a' "$DB"* 2>&1)"

case_ "readers succeed while the import writes, and see the database as before it"
writing=no
! kill -0 "$importer" 2>/dev/null || writing=yes
run db info --format json
expect_status 0
if kill -0 "$importer" 2>/dev/null; then
    # Still writing after the reader answered: the reader did not wait for it.
    expect_out_has "\"candidates\": $before,"
elif [ "$writing" = yes ] && ! grep -qF "\"candidates\": $before," "$T/out"; then
    check
    fail "the reader started while the import wrote, and answered only after it had committed"
else
    skip "the import of $ROWS rows ended before the reader started; set DB_WAL_ROWS higher"
fi
run company list --format csv
expect_status 0
expect_out_has "elbe"
run candidate list --format csv
expect_status 0

case_ "a second writer and a backup wait for the import, then succeed without a word of waiting"
"$WERKSTATT" --db "$DB" company add --key zwei --name "Zwei GmbH" --plz 39104 >"$T/writer.out" 2>"$T/writer.err" </dev/null &
writer=$!
"$WERKSTATT" --db "$DB" db backup "$T/during.db" >"$T/backup.out" 2>"$T/backup.err" </dev/null
backup_status=$?
wait "$writer"
writer_status=$?
wait "$importer"
import_status=$?
check; [ "$writer_status" -eq 0 ] || fail "the second writer failed ($writer_status): $(cat "$T/writer.err")"
check; [ "$(cat "$T/writer.err")" = "added company zwei (id 2)" ] || fail "second writer said: $(cat "$T/writer.err")"
check; [ "$import_status" -eq 0 ] || fail "the import failed ($import_status): $(cat "$T/import.err")"
check; [ "$backup_status" -eq 0 ] || fail "backup during the import: $backup_status $(cat "$T/backup.err")"
after=$(sql "SELECT count(*) FROM candidate")
check; [ "$after" -eq $((before + ROWS)) ] || fail "candidates after the import: $after"
copied=$(sqlite3 "$T/during.db" "SELECT count(*) FROM candidate")
check; [ "$copied" = "$before" ] || [ "$copied" = "$after" ] || fail "the backup holds $copied candidates, neither $before nor $after"
check; [ "$(sqlite3 "$T/during.db" "PRAGMA integrity_check")" = ok ] || fail "the backup is damaged"
check; ! grep -q waiting "$T/backup.err" || fail "waited aloud without a terminal: $(cat "$T/backup.err")"
run company list --format csv
expect_out_has "zwei"

case_ "a dry run of a write succeeds beside another writer"
python3 - "$DB" "$T/hold.flag" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(1.5)
db.execute("COMMIT")
PY
holder=$!
i=0
while [ ! -e "$T/hold.flag" ] && [ $i -lt 250 ]; do sleep 0.02; i=$((i + 1)); done
run company add --key drei --name "Drei GmbH" --plz 39104 --dry-run
expect_status 0
expect_err_has "would"
expect_err_lacks "waiting"
wait "$holder"

case_ "on a terminal a waiting writer says so once"
if command -v script >/dev/null 2>&1; then
    rm -f "$T/hold.flag"
    python3 - "$DB" "$T/hold.flag" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(1.6)
db.execute("COMMIT")
PY
    holder=$!
    i=0
    while [ ! -e "$T/hold.flag" ] && [ $i -lt 250 ]; do sleep 0.02; i=$((i + 1)); done
    script -qec "'$WERKSTATT' --db '$DB' company add --key vier --name Vier --plz 39104" /dev/null >"$T/out" 2>&1 </dev/null
    status=$?
    wait "$holder"
    expect_status 0
    check; [ "$(grep -c "werkstatt: waiting for another werkstatt process that is using $DB (up to 60 s) ..." "$T/out")" = 1 ] ||
        fail "no single waiting line on the terminal"
    expect_out_has "added company"
else
    skip "no script(1) to give werkstatt a terminal"
fi
finish
