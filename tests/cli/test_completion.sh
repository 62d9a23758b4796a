#!/bin/sh
# Issue 15: `werkstatt completion bash` is written from the program's own command tree: the
# script loads in bash, and a completion simulated as bash runs it (COMP_WORDS, COMP_CWORD, the
# function) offers subcommands, options, option values and company keys and candidates from the
# database. `completion --list` prints nothing, with status 0, when there is no database.
. "$(dirname "$0")/lib.sh"

# Complete the words given (the last one is being typed) as bash would; print COMPREPLY sorted.
complete_words() {
    bash --norc -c '
        source <("$1" completion bash) || exit 3
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _werkstatt
        [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$WERKSTATT" "$WERKSTATT" "$@" >"$T/out" 2>"$T/err"
    status=$?
}

case_ "the script loads in bash and registers the function"
bash --norc -c 'source <("$1" completion bash); complete -p werkstatt' _ "$WERKSTATT" >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "complete -F _werkstatt werkstatt"
expect_err_empty

case_ "subcommands: the top level and a group"
complete_words com
expect_status 0
expect_out <<'OUT'
company
completion
OUT
complete_words candidate ex
expect_out <<'OUT'
exit
export
OUT
complete_words --db "$DB" -q event p
expect_out <<'OUT'
participants
plan
OUT

case_ "options of a command and the global options above it"
complete_words company list --
expect_out_has "--hosts"
expect_out_has "--format"
expect_out_has "--quiet"
expect_out_has "--db"
expect_out_lacks "--key"
complete_words company add --ca
expect_out <<'OUT'
--can-host
--capacity
OUT

case_ "option values from the command's own checks"
complete_words company list --format ''
expect_out <<'OUT'
csv
json
table
xlsx
OUT
complete_words event list --status c
expect_out <<'OUT'
cancelled
confirmed
OUT
complete_words completion ''
expect_out <<'OUT'
bash
fish
zsh
OUT

case_ "without a database, no keys and no error"
complete_words --db "$DB" company show ''
expect_status 0
expect_out_empty
expect_err_empty
run completion --list companies
expect_status 0
expect_out_empty
expect_err_empty

case_ "company keys and candidates from the database named with --db"
run init
expect_status 0
run company add --key harz-holz --name "Harz Holz GmbH" --plz 38855
expect_status 0
run company add --key halle-bau --name "Halle Bau GmbH" --plz 06108
expect_status 0
run company add --key magdeburg-metall --name "Metall GmbH" --plz 39104
expect_status 0
run candidate import "$SOURCE_DIR/examples/agency-ba.csv" --profile ba --source jc-md
expect_status 0
complete_words --db "$DB" company show ha
expect_out <<'OUT'
halle-bau
harz-holz
OUT
complete_words --db "$DB" event block ''
expect_out <<'OUT'
halle-bau
harz-holz
magdeburg-metall
OUT
complete_words --db "$DB" opening list --company m
expect_out <<'OUT'
magdeburg-metall
OUT
complete_words --db "$DB" candidate show CP-000001
expect_out <<'OUT'
CP-000001-A
OUT
run completion --list candidates
expect_status 0
expect_out_has "CP-000002-B"
check; [ "$(grep -c '^[0-9][0-9]*$' "$T/out")" -eq "$(sql 'SELECT count(*) FROM candidate')" ] ||
    fail "completion --list candidates does not list every candidate's id"
check; ! grep -qi "$(sql 'SELECT last_name FROM candidate LIMIT 1')" "$T/out" ||
    fail "completion --list candidates prints a name"

case_ "a file that is not a database: nothing, status 0"
echo "not a database" >"$T/other.db"
"$WERKSTATT" --db "$T/other.db" completion --list companies >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_empty
expect_err_empty

case_ "a shell werkstatt does not know, or none"
run completion csh
expect_error 2 "bash, zsh, fish"
run completion
expect_error 2 "bash, zsh or fish"

finish
