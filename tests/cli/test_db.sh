#!/bin/sh
# werkstatt db: backup (private, self-contained, audited, rotated, a missing folder refused),
# restore (round trip, .before-restore, refusals that leave the database untouched), check (exit
# statuses a monitoring script reads, a damaged copy), info; and examples/backup.sh.
. "$(dirname "$0")/lib.sh"
mkdir -m 700 "$T/data" "$T/bk"
DB="$T/data/werkstatt.db"

# Let a python3 process hold $DB in an open transaction until $T/release exists; wait until it has.
hold() {
    rm -f "$T/held" "$T/release"
    python3 - "$DB" "$T" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN")
db.execute("SELECT count(*) FROM company").fetchall()
open(os.path.join(sys.argv[2], "held"), "w").close()
while not os.path.exists(os.path.join(sys.argv[2], "release")):
    time.sleep(0.02)
db.execute("COMMIT")
PY
    holder=$!
    i=0
    while [ ! -e "$T/held" ] && [ $i -lt 250 ]; do sleep 0.02; i=$((i + 1)); done
}
release() { touch "$T/release"; wait "$holder"; }

run init
run company add --key elbe --name "Elbe GmbH" --plz 39104
run candidate import "$SOURCE_DIR/examples/agency-ba.csv" --profile ba --source jc
expect_status 0
candidates=$(sql "SELECT count(*) FROM candidate")

case_ "a command that writes put the database in write-ahead-log mode"
check; [ "$(sql "PRAGMA journal_mode")" = wal ] || fail "journal mode $(sql "PRAGMA journal_mode")"

case_ "backup to a file: 0600, rollback journal, whole, and in the audit log of both"
run db backup "$T/bk/one.db"
expect_status 0
expect_err_has "backed up the database to $T/bk/one.db"
check; [ "$(stat -c %a "$T/bk/one.db")" = 600 ] || fail "mode $(stat -c %a "$T/bk/one.db")"
check; [ "$(sqlite3 "$T/bk/one.db" "PRAGMA journal_mode; PRAGMA integrity_check; SELECT count(*) FROM candidate")" = "delete
ok
$candidates" ] || fail "copy: $(sqlite3 "$T/bk/one.db" "PRAGMA journal_mode; SELECT count(*) FROM candidate")"
check; [ "$(sql "SELECT details FROM audit_log WHERE action = 'backup'")" = "copy written to $T/bk/one.db" ] ||
    fail "audit: $(sql "SELECT entity, action, details FROM audit_log ORDER BY id DESC LIMIT 1")"
check; [ "$(sqlite3 "$T/bk/one.db" "SELECT count(*) FROM audit_log WHERE action = 'backup'")" = 1 ] ||
    fail "the copy lacks the row that names it"
check; [ -z "$(find "$T/bk" -name '.*')" ] || fail "a temporary was left: $(ls -a "$T/bk")"

case_ "backup to a missing folder: one line, exit 73, nothing created"
run db backup "$T/nowhere/copy.db"
expect_error 73 "backup folder $T/nowhere does not exist"
run db backup "$T/nowhere/" --keep 3
expect_error 73 "backup folder $T/nowhere does not exist"
check; [ ! -e "$T/nowhere" ] || fail "the folder was created"
run db backup "$T/bk/one.db" --keep 2
expect_error 2 "--keep needs a folder"

case_ "backup to a folder: a dated name, --keep removes only its own oldest ones"
mkdir -m 700 "$T/rot"
for d in 01 02 03 04; do : >"$T/rot/werkstatt-2020-01-${d}T000000.db"; done
: >"$T/rot/werkstatt-notes.db"
: >"$T/rot/other.db"
run db backup "$T/rot" --keep 2
expect_status 0
expect_err_has "removed 3 older backups"
ls "$T/rot" >"$T/rot.list"
check; [ "$(grep -c '^werkstatt-[0-9-]*T[0-9]*\.db$' "$T/rot.list")" = 2 ] || fail "kept: $(cat "$T/rot.list")"
check; grep -qx 'werkstatt-2020-01-04T000000.db' "$T/rot.list" || fail "the newest old one went"
check; grep -qx "werkstatt-$(date -u +%Y-%m-%d)T[0-9]\{6\}.db" "$T/rot.list" || fail "no new dated backup: $(cat "$T/rot.list")"
check; grep -qx 'werkstatt-notes.db' "$T/rot.list" && grep -qx 'other.db' "$T/rot.list" || fail "a foreign file was removed"

case_ "examples/backup.sh is a one-liner around db backup --keep 30"
mkdir -p "$T/bin" && ln -s "$WERKSTATT" "$T/bin/werkstatt"
PATH="$T/bin:$PATH" sh "$SOURCE_DIR/examples/backup.sh" "$DB" "$T/rot" >"$T/out" 2>"$T/err"
status=$?
expect_status 0
check; [ "$(ls "$T/rot" | grep -c '^werkstatt-.*T.*\.db$')" -ge 2 ] || fail "no backup from backup.sh"
PATH="$T/bin:$PATH" sh "$SOURCE_DIR/examples/backup.sh" "$DB" "$T/missing" >"$T/out" 2>"$T/err"
status=$?
expect_error 73 "does not exist"

case_ "restore round trip: the change is gone, the previous database kept private"
run company add --key saale --name "Saale AG" --plz 06108
expect_status 0
run db restore "$T/bk/one.db" --dry-run
expect_status 0
expect_err_has "would restore the database from $T/bk/one.db"
check; [ "$(sql "SELECT count(*) FROM company WHERE key = 'saale'")" = 1 ] || fail "a dry run restored"
check; [ ! -e "$DB.before-restore" ] || fail "a dry run kept a copy"
run db restore "$T/bk/one.db"
expect_status 0
expect_err_has "is kept as $DB.before-restore"
check; [ "$(sql "SELECT count(*) FROM company WHERE key = 'saale'")" = 0 ] || fail "the change is still there"
check; [ "$(stat -c %a "$DB.before-restore")" = 600 ] || fail "before-restore mode $(stat -c %a "$DB.before-restore")"
check; [ "$(sqlite3 "$DB.before-restore" "SELECT count(*) FROM company WHERE key = 'saale'")" = 1 ] ||
    fail "the previous database was not kept"
check; [ "$(sql "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")" = restore ] || fail "no audit row"
check; [ "$(sql "PRAGMA journal_mode")" = wal ] || fail "restored database is not in WAL mode"
check; [ "$(stat -c %a "$DB")" = 600 ] || fail "restored mode $(stat -c %a "$DB")"

# Every refusal below must leave the database as it was.
before=$(db_fingerprint)
case_ "restore refuses a file that is not a werkstatt backup (65)"
echo "keine Datenbank" >"$T/bk/text.db"
run db restore "$T/bk/text.db"
expect_error 65 "$T/bk/text.db is not a werkstatt backup"
sqlite3 "$T/bk/plain.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
run db restore "$T/bk/plain.db"
expect_error 65 "is not a werkstatt backup"
run db restore "$T/bk/absent.db"
expect_error 66 "no backup file at $T/bk/absent.db"

case_ "restore refuses a backup newer than this werkstatt (65, upgrade)"
cp "$T/bk/one.db" "$T/bk/newer.db"
sqlite3 "$T/bk/newer.db" "PRAGMA user_version = 999"
run db restore "$T/bk/newer.db"
expect_error 65 "has schema version 999, newer than this werkstatt understands"
expect_err_has "upgrade werkstatt"

case_ "restore refuses while another process has the database open (75)"
hold
check; [ -e "$T/held" ] || fail "the holder did not start"
run db restore "$T/bk/one.db" --dry-run
expect_error 75 "database $DB is open in another process"
run db restore "$T/bk/one.db"
expect_error 75 "database $DB is open in another process"
release
check; [ "$(db_fingerprint)" = "$before" ] || fail "a refused restore changed the database"
check; [ "$(sqlite3 "$DB.before-restore" "SELECT count(*) FROM company WHERE key = 'saale'")" = 1 ] ||
    fail "a refused restore replaced .before-restore"

case_ "check: a sound database is ok (0), as JSON too"
run db check --format json
expect_status 0
expect_out_has '"check": "integrity"'
expect_out_has '"check": "foreign keys"'
check; ! grep -q '"status": "failed"' "$T/out" || fail "a check failed"

case_ "check: a database others may read is a warning (1)"
chmod 640 "$DB"
run db check --quick
expect_status 1
expect_out_has "quick check"
chmod 600 "$DB"

case_ "check: a damaged copy is reported as damaged (74), one clear line"
# Fill the file so that its middle is data, then overwrite pages there.
sqlite3 "$DB" "CREATE TABLE IF NOT EXISTS pad (x); INSERT INTO pad SELECT randomblob(900) FROM generate_series(1, 400);" 2>/dev/null ||
    sqlite3 "$DB" "CREATE TABLE IF NOT EXISTS pad (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO pad SELECT randomblob(900) FROM n;"
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$DB" "$T/data/damaged.db"
pages=$(($(stat -c %s "$T/data/damaged.db") / 4096))
dd if=/dev/urandom of="$T/data/damaged.db" bs=4096 seek=$((pages / 3)) count=$((pages / 3)) conv=notrunc 2>/dev/null
"$WERKSTATT" --db "$T/data/damaged.db" db check >"$T/out" 2>"$T/err" </dev/null
status=$?
expect_status 74
check; [ "$(wc -l <"$T/err")" -eq 1 ] || fail "stderr has $(wc -l <"$T/err") lines"
expect_err_has "werkstatt: error: database $T/data/damaged.db is damaged"
expect_err_lacks "exception"
expect_out_has "failed"
echo "garbage" >"$T/data/garbage.db"
"$WERKSTATT" --db "$T/data/garbage.db" db check >"$T/out" 2>"$T/err" </dev/null
status=$?
expect_status 74
expect_err_has "is damaged (integrity: SQLite cannot read it as a database"

case_ "info: what the database holds and its last backup"
run db info --format json
expect_status 0
expect_out_has '"journal_mode": "wal"'
expect_out_has "\"candidates\": $candidates"
expect_out_has "\"path\": \"$DB\""
expect_out_has "copy written to $T/bk/one.db"
finish
