#!/bin/sh
# Issue 11, item 10: every usage error names the option or argument and what it wants, in
# werkstatt's words (not CLI11's "Could not convert", "not in range", "was not expected"), and
# points to the command's --help; the exit status is 2.
. "$(dirname "$0")/lib.sh"
run init

# The error is one line, names `$1`, and shows none of CLI11's own phrases.
expect_usage() {
    expect_error 2 "$1"
    for raw in "Could not convert" "not in range" "was not expected" "not in {" \
        "required TEXT missing" "requires" "Expected exactly" "A subcommand"; do
        expect_err_lacks "$raw"
    done
}

case_ "a value that does not convert names the argument and the form"
run import undo abc
expect_usage "BATCH must be a whole number, not 'abc'"
expect_err_has "see 'werkstatt import undo --help'"
run event edit x --title T
expect_usage "EVENT must be a whole number, not 'x'"
run company edit mueller --capacity viele
expect_usage "--capacity must be a whole number, not 'viele'"

case_ "a value out of range names the option and the range"
run calendar --year abc
expect_usage "--year must be a whole number from 1991 to 2100, not 'abc'"
expect_err_has "see 'werkstatt calendar --help'"
run calendar --year 1800
expect_usage "--year must be a whole number from 1991 to 2100, not '1800'"

case_ "a value not among the choices lists them"
run company list --format xml
expect_usage "--format must be one of table, json, csv, xlsx, not 'xml'"

case_ "an unknown option is named, with the command's help"
run company list --bogus
expect_usage "'werkstatt company list' has no option --bogus"
expect_err_has "see 'werkstatt company list --help'"
run company list --dry-run
expect_usage "has no option --dry-run"
run company list --format
expect_usage "--format needs a value"

case_ "an option that needs another says so"
run match --commit
expect_usage "--commit needs --assign"
expect_err_has "see 'werkstatt match --help'"
run company add --key a --name A --plz 39104 --can-host --no-can-host
expect_usage "--can-host excludes --no-can-host: give only one of them"

case_ "a missing option, argument or value is named"
run company add --name A --plz 39104
expect_usage "--key is required"
run company edit
expect_usage "KEY is required: give it after 'werkstatt company edit'"
run company edit mueller --name
expect_usage "--name needs a value"
run_bare
expect_usage "'werkstatt' needs a subcommand"

case_ "an unknown command or extra argument"
run compnay list
expect_usage "unknown command 'compnay'"
run company lsit
expect_usage "unknown command 'lsit'"
run company list extra
expect_usage "'werkstatt company list' takes no argument 'extra'"

finish
