#!/bin/sh
# A database others may change is refused (exit 78) with the chmod that fixes it, for reading
# commands too; one others may read is used with one warning; the folder counts as well. The rule
# reads the mode bits only, so it is the same for root and for anyone else (checked as nobody).
. "$(dirname "$0")/lib.sh"
mkdir -m 700 "$T/private"
DB="$T/private/werkstatt.db"
run init
expect_status 0
check; [ "$(stat -c %a "$DB")" = 600 ] || fail "init made mode $(stat -c %a "$DB")"
run company add --key elbe --name "Elbe GmbH" --plz 39104
expect_status 0

for mode in 666 660 620 602; do
    case_ "mode $mode: refused with the chmod that fixes it, nothing changed"
    chmod "$mode" "$DB"
    before=$(db_fingerprint)
    run company add --key saale --name "Saale AG" --plz 06108
    expect_error 78 "database $DB can be changed by others (mode 0$mode); run 'chmod 600 $DB'"
    check; [ "$before" = "$(db_fingerprint)" ] || fail "the database changed"
    run company list
    expect_error 78 "chmod 600 $DB"
    run init
    expect_error 78 "chmod 600 $DB"
done

for mode in 644 640 604; do
    case_ "mode $mode: used, with one warning that others can read it"
    chmod "$mode" "$DB"
    run company list --format csv
    expect_status 0
    expect_out_has "elbe"
    check; [ "$(grep -c 'werkstatt: warning: database .* can be read by others' "$T/err")" = 1 ] ||
        fail "not one warning"
    expect_err_has "(mode 0$mode); run 'chmod 600 $DB'"
    # A command that opens the database more than once still warns once.
    run candidate import "$SOURCE_DIR/examples/agency-ba.csv" --profile ba --source jc --dry-run
    check; [ "$(grep -c 'can be read by others' "$T/err")" -le 1 ] || fail "warned more than once"
done

case_ "mode 600: no warning"
chmod 600 "$DB"
run company list --format csv
expect_status 0
expect_err_empty

case_ "a folder others can write: refused; its owner is told the chmod"
chmod 770 "$T/private"
run company list
expect_error 78 "lies in a folder others can write (mode 0770)"
expect_err_has "run 'chmod go-w $T/private'"
chmod 777 "$T/private"
run company list
expect_error 78 "(mode 0777)"

case_ "a shared folder like /tmp (sticky, world-writable): move the database"
chmod 1777 "$T/private"
run company list
expect_error 78 "move it into a folder only you can write"
mkdir -m 1777 "$T/shared"
DB="$T/shared/new.db"
run init
expect_error 78 "move it into a folder only you can write"
check; [ ! -e "$DB" ] || fail "init created a database in a shared folder"
DB="$T/private/werkstatt.db"
chmod 700 "$T/private"
run company list
expect_status 0

case_ "a folder of another user (not root): refused, that user could replace the database"
if [ "$(id -u)" -ne 0 ]; then
    skip "not root: cannot give a folder to another user"
else
    mkdir -m 755 "$T/theirs"
    cp "$DB" "$T/theirs/w.db"
    chown 65534 "$T/theirs"
    run_bare --db "$T/theirs/w.db" company list
    expect_error 78 "lies in a folder that belongs to another user (uid 65534)"
    run_bare --db "$T/theirs/new.db" init
    expect_error 78 "belongs to another user"
    check; [ ! -e "$T/theirs/new.db" ] || fail "init created a database in another user's folder"
    # The same file and folder, both theirs: it is their database, read as they allow.
    chown 65534 "$T/theirs/w.db"
    run_bare --db "$T/theirs/w.db" company list --format csv
    expect_status 0
    expect_out_has "elbe"
fi

case_ "the same rule as an unprivileged user (nobody)"
if [ "$(id -u)" -ne 0 ]; then
    skip "not root: cannot run as nobody"
elif ! command -v setpriv >/dev/null 2>&1 || ! setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    skip "setpriv cannot switch to nobody"
elif ! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$WERKSTATT"; then
    skip "nobody cannot run $WERKSTATT (a folder on its path is closed to others)"
else
    mkdir -m 700 "$T/nobody"
    chown 65534:65534 "$T/nobody"
    cp "$DB" "$T/nobody/w.db"
    chown 65534:65534 "$T/nobody/w.db"
    as_nobody() {
        setpriv --reuid=65534 --regid=65534 --clear-groups "$WERKSTATT" --db "$T/nobody/w.db" "$@" \
            >"$T/out" 2>"$T/err" </dev/null
        status=$?
    }
    chmod 666 "$T/nobody/w.db"
    as_nobody company list
    expect_error 78 "chmod 600 $T/nobody/w.db"
    chmod 644 "$T/nobody/w.db"
    as_nobody company list --format csv
    expect_status 0
    expect_err_has "can be read by others"
    chmod 600 "$T/nobody/w.db"
    as_nobody company list --format csv
    expect_status 0
    expect_err_empty
    expect_out_has "elbe"
fi

finish
