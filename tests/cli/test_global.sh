#!/bin/sh
# Global behaviour: help, version, usage errors and their exit status.
. "$(dirname "$0")/lib.sh"

case_ "version"
run_bare --version
expect_status 0
expect_out_has "werkstatt 0."
expect_err_empty

case_ "help lists the command groups and exit statuses"
run_bare --help
expect_status 0
for group in init company contact topic config audit; do expect_out_has "$group"; done
expect_out_has "65 bad data"

case_ "every command has help"
for cmd in "init" "company add" "company list" "company show" "company edit" "company archive" \
    "company import" "contact add" "contact list" "contact show" "contact edit" "contact remove" \
    "topic list" "config show" "config check" "audit list"; do
    # shellcheck disable=SC2086
    run_bare $cmd --help
    expect_status 0
    expect_out_has "Usage"
done

case_ "no command is a usage error"
run_bare
expect_error 2 "subcommand"

case_ "a group without its subcommand is a usage error"
run_bare company
expect_error 2 "company"

case_ "unknown command"
run_bare frobnicate
expect_error 2 "frobnicate"

case_ "unknown flag"
run_bare company list --frobnicate
expect_error 2 "--frobnicate"

case_ "missing required option names it"
run_bare company add --key a --name A
expect_error 2 "--plz"

case_ "wrong value type for an option"
run_bare company add --key a --name A --plz 39104 --capacity many
expect_error 2 "capacity"

case_ "bad --format value"
run_bare topic list --format xml
expect_error 2 "xml"

case_ "a command on a missing database says to run init"
run list 2>/dev/null
run company list
expect_error 66 "werkstatt init"

finish
