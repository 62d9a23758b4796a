#!/bin/sh
# Issue 11, item 7: `event unblock` lifts only a block whose stored period it names (up to the
# canonical form), as werkstatt-event(1) says, and its message shows the stored form.
. "$(dirname "$0")/lib.sh"
run init
run company add --key harzholz --name "Harzholz GmbH" --plz 38855 --member-since 2020-01-01 --can-host --capacity 30
run event block harzholz 2027Q2 --reason Umbau
expect_status 0

case_ "the same days written as months do not lift a block stored as a quarter"
before=$(db_fingerprint)
run event unblock harzholz 2027-04..2027-06
expect_error 66 "write it as 2027Q2"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused unblock changed the database"
run event blocks --format csv
expect_out_has "2027Q2"

case_ "a period that matches no block is not found"
run event unblock harzholz 2027Q3
expect_error 66 "has no block for '2027Q3'"

case_ "a dry run names the stored form and changes nothing"
run event unblock harzholz " 2027q2 " --dry-run
expect_status 0
expect_err_has "would lift the block of harzholz for 2027Q2"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a dry run changed the database"

case_ "the block written in lower case is lifted; the message shows the stored form"
run event unblock harzholz 2027q2
expect_status 0
expect_err_has "lifted the block of harzholz for 2027Q2"
expect_err_lacks "2027q2"
run event blocks --format csv
expect_csv <<'CSV'
id,company,period,first_day,last_day,reason
CSV
finish
