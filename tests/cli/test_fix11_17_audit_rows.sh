#!/bin/sh
# Issue 11, item 17: every command that writes appends exactly one audit row with the right
# entity and action. The write commands come from `werkstatt help --commands`; one missing from
# the table in every_write.sh fails this test.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/every_write.sh"

prepare_every_kind

case_ "every write command has an invocation"
check_invocations_cover_tree

rows() { sql "SELECT count(*) FROM audit_log"; }
write_invocations >"$T/table"
while IFS='|' read -r path _args entity action; do
    case_ "$path appends one audit row $entity/$action"
    start=$(rows)
    # shellcheck disable=SC2046,SC2086
    run $path $(invocation_args "$path")
    expect_status 0
    check; [ "$(rows)" -eq $((start + 1)) ] || fail "$(($(rows) - start)) audit rows, expected 1"
    got=$(sql "SELECT entity || '/' || action FROM audit_log ORDER BY id DESC LIMIT 1")
    check; [ "$got" = "$entity/$action" ] || fail "last audit row is $got, expected $entity/$action"
done <"$T/table"

finish
