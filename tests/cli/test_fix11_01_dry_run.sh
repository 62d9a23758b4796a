#!/bin/sh
# Issue 11, items 1 and 18: an option whose value was left out must not swallow the next option
# (`--name --dry-run` renamed the company to "--dry-run" and wrote), and no --dry-run of any
# command writes a byte: the list of commands comes from `werkstatt help --commands`, so a new
# command with --dry-run cannot be forgotten here.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/every_write.sh"

# Print a fingerprint of the database file and its write-ahead log, byte for byte.
db_bytes() {
    for f in "$DB" "$DB-wal"; do
        if [ -e "$f" ]; then md5sum <"$f"; else echo "no $f"; fi
    done
}

prepare_every_kind
run event add --date 2027-09-16 --host spedition --title Werkstatt --notes Kaffee
event=$(sql "SELECT max(id) FROM event")
run opening edit 1 --notes Vorher
run candidate edit 1 --notes Vorher
before=$(db_bytes)

case_ "an option without its value is a usage error, and nothing is written"
run company edit spedition --name --dry-run
expect_error 2 "--name needs a value"
expect_err_has "--dry-run"
check; [ "$(sql "SELECT name FROM company WHERE key = 'spedition'")" = Spedition ] || fail "the name was changed"
run company edit spedition --name -q
expect_error 2 "--name needs a value"
run company edit spedition --name --db "$DB"
expect_error 2 "--name needs a value"
run company edit spedition --name
expect_error 2 "--name needs a value"
run contact edit 1 --role --dry-run
expect_error 2 "--role needs a value"
run event edit "$event" --title --dry-run
expect_error 2 "--title needs a value"
check; [ "$(db_bytes)" = "$before" ] || fail "the database changed"

case_ "--option= is an explicit empty value: in a dry run it clears nothing"
run candidate edit 1 --notes= --dry-run
expect_status 0
expect_err_has "would change candidate 1"
check; [ "$(sql "SELECT notes FROM candidate WHERE id = 1")" = Vorher ] || fail "notes: $(sql "SELECT notes FROM candidate WHERE id = 1")"
run opening edit 1 --notes= --dry-run
expect_status 0
expect_err_has "would change"
check; [ "$(sql "SELECT notes FROM opening WHERE id = 1")" = Vorher ] || fail "opening notes changed"
run event edit "$event" --notes= --dry-run
expect_status 0
expect_err_has "would change event $event"
run event edit "$event" --title= --dry-run
check; [ "$(sql "SELECT title FROM event WHERE id = $event")" = Werkstatt ] || fail "title: $(sql "SELECT title FROM event WHERE id = $event")"
run company edit spedition --notes= --dry-run
expect_status 0
check; [ "$(db_bytes)" = "$before" ] || fail "a dry run with --option= changed the database"

case_ "--option= without --dry-run clears the field"
run candidate edit 1 --notes=
expect_status 0
check; [ -z "$(sql "SELECT coalesce(notes, '') FROM candidate WHERE id = 1")" ] || fail "notes not cleared"
run candidate edit 1 --notes Vorher
before=$(db_bytes)

case_ "every command with --dry-run is covered, and every write command has --dry-run or --commit"
check_invocations_cover_tree
commands_marked dry-run >"$T/dry"
commands_marked commit >"$T/commit"
check; [ -s "$T/dry" ] || fail "no command is marked dry-run"
check; [ "$(sort "$T/dry" "$T/commit" | uniq -d)" = "" ] || fail "a command has both --dry-run and --commit"

case_ "no --dry-run writes a byte"
while read -r path; do
    case_ "$path --dry-run writes nothing"
    # shellcheck disable=SC2046,SC2086
    run $path $(invocation_args "$path") --dry-run
    expect_status 0
    expect_err_has "would"
    check; [ "$(db_bytes)" = "$before" ] || fail "werkstatt $path --dry-run changed the database"
done <"$T/dry"

case_ "without --commit, commands that write only with it write nothing"
while read -r path; do
    case_ "$path without --commit writes nothing"
    # shellcheck disable=SC2046,SC2086
    run $path $(invocation_args "$path" | sed 's/ --commit//')
    expect_status 0
    check; [ "$(db_bytes)" = "$before" ] || fail "werkstatt $path without --commit changed the database"
done <"$T/commit"

finish
