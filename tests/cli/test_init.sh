#!/bin/sh
# werkstatt init: creation, file mode, reruns, locations, migrations and refusals.
. "$(dirname "$0")/lib.sh"
# The schema version is the number of migrations.
V=$(ls "$SOURCE_DIR"/lib/store/migrations/*.sql | wc -l)

case_ "init creates the database with mode 0600 and says where"
run init
expect_status 0
expect_err_has "created database $DB (schema version $V)"
expect_out_empty
check
[ "$(stat -c %a "$DB")" = 600 ] || fail "mode is $(stat -c %a "$DB"), expected 600"

case_ "init again is harmless"
before=$(db_fingerprint)
run init
expect_status 0
expect_err_has "is up to date (schema version $V)"
check
[ "$(sql 'SELECT count(*) FROM topic')" = 10 ] || fail "topics were seeded twice"

case_ "default location is the XDG data folder"
run_bare init
expect_status 0
check
[ -f "$XDG_DATA_HOME/werkstatt/werkstatt.db" ] || fail "no database in XDG_DATA_HOME"

case_ "WERKSTATT_DB overrides the default, --db overrides WERKSTATT_DB"
WERKSTATT_DB="$T/env.db" run_bare init
expect_status 0
check
[ -f "$T/env.db" ] || fail "WERKSTATT_DB was not used"
WERKSTATT_DB="$T/env.db" run_bare --db "$T/flag.db" init
check
[ -f "$T/flag.db" ] || fail "--db did not win over WERKSTATT_DB"

case_ "init creates missing folders"
run_bare --db "$T/a/b/c.db" init
expect_status 0
check
[ -f "$T/a/b/c.db" ] || fail "folder not created"

case_ "an older schema is migrated forward"
rm -f "$T/old.db"
sqlite3 "$T/old.db" "PRAGMA application_id = 1466651508; PRAGMA user_version = 0;"
run_bare --db "$T/old.db" init
expect_status 0
expect_err_has "migrated database $T/old.db from schema version 0 to $V"
check
[ "$(sqlite3 "$T/old.db" "PRAGMA user_version")" = "$V" ] || fail "not migrated"

case_ "a newer schema is refused"
sql "PRAGMA user_version = 99"
before=$(db_fingerprint)
run company list
expect_error 74 "schema version 99"
run init
expect_error 74 "newer werkstatt"
check
[ "$before" = "$(db_fingerprint)" ] || fail "the newer database was changed"
sql "PRAGMA user_version = $V"

case_ "another application's SQLite file is refused"
sqlite3 "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
run_bare --db "$T/other.db" init
expect_error 74 "not a werkstatt database"
run_bare --db "$T/other.db" company list
expect_error 74 "not a werkstatt database"

case_ "a corrupt file is refused"
head -c 8192 /dev/urandom >"$T/garbage.db"
run_bare --db "$T/garbage.db" company list
expect_error 74 "corrupt"
run_bare --db "$T/garbage.db" init
expect_error 74 "corrupt"

case_ "a folder that cannot be created"
printf 'x' >"$T/file"
run_bare --db "$T/file/sub/w.db" init
expect_error 74 "folder"

case_ "a read-only database refuses writes but still reads"
# Root ignores file permissions: as root, run werkstatt as nobody.
if [ "$(id -u)" -ne 0 ]; then
    AS=""
elif command -v setpriv >/dev/null 2>&1; then
    AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
    AS="-"
    skip "running as root and setpriv (util-linux) is missing: cannot drop privileges"
fi
if [ "$AS" != "-" ]; then
    # Read-only for its owner and private: with 0444 others could read it, and a warning line
    # would come before the error.
    mkdir -p "$T/ro" && cp "$DB" "$T/ro/w.db" && chmod 400 "$T/ro/w.db" && chmod 755 "$T/ro"
    [ -z "$AS" ] || chown 65534:65534 "$T/ro/w.db"
    $AS "$WERKSTATT" --db "$T/ro/w.db" company add --key x --name X --plz 39104 >"$T/out" 2>"$T/err" </dev/null
    status=$?
    expect_error 74 "read-only"
    $AS "$WERKSTATT" --db "$T/ro/w.db" topic list >"$T/out" 2>"$T/err" </dev/null
    status=$?
    expect_status 0
    expect_out_has "foerderung"
fi

case_ "a locked database: exit 75 after the busy timeout, nothing half-written"
(echo "BEGIN IMMEDIATE; INSERT INTO topic (key, title, sort_order) VALUES ('lock', 'lock', 99);"; sleep 3; echo "ROLLBACK;") | sqlite3 "$DB" &
locker=$!
sleep 0.5
run --set database.busy_timeout_ms=200 company add --key x --name X --plz 39104
expect_error 75 "locked"
wait $locker
check
[ "$(sql "SELECT count(*) FROM company")" = 0 ] || fail "company written despite the lock"

finish
