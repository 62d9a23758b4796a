#!/bin/sh
# candidate remove (DSGVO Art. 17) leaves the person in no file beside the database: not in the
# database's free pages, not in a rollback journal, not in a write-ahead log that another program
# keeps open; and the audit rows of the removal hold nothing of the person.
. "$(dirname "$0")/lib.sh"
H=$(head -1 "$TESTDATA/import/ba_utf8.csv")
MARK=Qx7Tz

# Write a ba file $1 with one candidate whose name, e-mail and note carry marker $2.
marked_file() {
    printf '%s\n' "$H" >"$1"
    printf 'REF-%s-1;w;Vor%s;Nach%s;;;39104;;;;;;Duldung;;;;;;%s@example.org;;Notiz %s\n' \
        "$2" "$2" "$2" "$2" "$2" >>"$1"
}

# Report every file in folder $1 whose raw bytes contain $2 (the database, -journal, -wal, -shm
# and anything else there), and fail if there is one.
expect_no_trace() {
    check
    hits=$(grep -rlaF -- "$2" "$1")
    [ -z "$hits" ] || fail "the marker $2 is still in: $hits"
}

# Import the marked candidate (source jc) into $DB, change it by hand and import a changed row,
# so that the old values kept for undo hold the marker too.
fill() {
    marked_file "$T/in.csv" "$1"
    run candidate import "$T/in.csv" --source jc
    expect_status 0
    run candidate edit "REF-$1-1" --notes "Anderes $1" --first-name "Neu$1"
    expect_status 0
    sed "s/Notiz $1/Neue Notiz $1/" "$T/in.csv" >"$T/in2.csv"
    run candidate import "$T/in2.csv" --source jc
    expect_status 0
    check; [ "$(sql "SELECT count(*) FROM import_change")" -ge 1 ] || fail "no undo data to erase"
}

# Let another program (the sqlite3 shell) keep $DB open, so SQLite keeps the log when werkstatt
# closes it; release_hold closes it again.
hold_open() {
    rm -f "$T/fifo" "$T/holder.out"
    mkfifo "$T/fifo"
    sqlite3 "$DB" <"$T/fifo" >"$T/holder.out" 2>&1 &
    holder=$!
    exec 3>"$T/fifo"
    echo "SELECT 'open', count(*) FROM audit_log;" >&3
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        grep -q open "$T/holder.out" && break
        sleep 0.5
    done
    check; grep -q open "$T/holder.out" || fail "the second connection did not open: $(cat "$T/holder.out")"
}
release_hold() {
    exec 3>&-
    wait "$holder"
}

case_ "rollback journal: after remove no file in the database's folder holds the person"
mkdir -m 700 "$T/db1"
DB="$T/db1/werkstatt.db"
run init
fill "${MARK}a"
check; grep -qaF "${MARK}a" "$DB" || fail "the marker is not in the database before removal"
run candidate remove "REF-${MARK}a-1" --yes
expect_status 0
expect_err_has "erased candidate 1"
expect_no_trace "$T/db1" "${MARK}a"

case_ "the audit rows of the removal hold nothing of the person"
check; [ "$(sql "SELECT command || '|' || details FROM audit_log WHERE entity = 'candidate' AND action = 'remove'")" = "werkstatt --db=$DB candidate remove … --yes|erased" ] ||
    fail "audit row: $(sql "SELECT command, details FROM audit_log WHERE action = 'remove'")"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE command || details LIKE '%${MARK}%' OR command || details LIKE '%REF-%'")" = 0 ] ||
    fail "an audit row holds personal data"

case_ "write-ahead log kept open by another program: remove empties it"
mkdir -m 700 "$T/db2"
DB="$T/db2/werkstatt.db"
run init
sql "PRAGMA journal_mode = WAL" >/dev/null
marked_file "$T/first.csv" "${MARK}b"
run candidate import "$T/first.csv" --source jc
expect_status 0
hold_open
run candidate edit "REF-${MARK}b-1" --notes "Noch ${MARK}b"
expect_status 0
check; [ -s "$DB-wal" ] && grep -qaF "${MARK}b" "$DB-wal" || fail "the test's premise: the log holds the person"
run candidate remove "REF-${MARK}b-1" --yes
expect_status 0
expect_err_has "erased candidate 1"
expect_err_lacks "warning"
expect_no_trace "$T/db2" "${MARK}b"
check; [ -e "$DB-wal" ] && [ ! -s "$DB-wal" ] || fail "the log was not kept at 0 bytes while open elsewhere"
release_hold

case_ "a dry run erases nothing"
DB="$T/db1/werkstatt.db"
fill "${MARK}c"
run candidate remove "REF-${MARK}c-1" --dry-run
expect_status 0
expect_err_has "would erase candidate"
check; grep -qaF "${MARK}c" "$DB" || fail "a dry run erased"


case_ "contact remove empties a write-ahead log kept open elsewhere too"
mkdir -m 700 "$T/db4"
DB="$T/db4/werkstatt.db"
run init
sql "PRAGMA journal_mode = WAL" >/dev/null
run company add --key elbe --name "Elbe GmbH" --plz 39104
expect_status 0
hold_open
run contact add --company elbe --name "Kontakt${MARK}d" --email "k${MARK}d@example.org"
expect_status 0
check; grep -qaF "${MARK}d" "$DB-wal" || fail "the test's premise: the log holds the contact"
run contact remove 1 --yes
expect_status 0
expect_err_has "removed contact 1"
expect_err_lacks "warning"
expect_no_trace "$T/db4" "${MARK}d"
release_hold

case_ "import undo takes the batch's candidates back without a trace, also from a kept log"
mkdir -m 700 "$T/db5"
DB="$T/db5/werkstatt.db"
run init
sql "PRAGMA journal_mode = WAL" >/dev/null
hold_open
marked_file "$T/undo.csv" "${MARK}e"
run candidate import "$T/undo.csv" --source jc
expect_status 0
check; grep -qaF "${MARK}e" "$DB-wal" || fail "the test's premise: the log holds the person"
batch=$(sql "SELECT max(id) FROM import_batch")
run import undo "$batch"
expect_status 0
expect_err_has "deleted 1"
expect_err_lacks "warning"
expect_no_trace "$T/db5" "${MARK}e"
release_hold
finish
