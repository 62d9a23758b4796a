#!/bin/sh
# Issue 11 item 9b: company and advisor import refuse a header without rows (exit 65, no audit
# entry, as candidate import does) and report every problem of a row, not only the first.
. "$(dirname "$0")/lib.sh"
run init
audit_imports() { sql "SELECT count(*) FROM audit_log WHERE action='import'"; }

case_ "company import: a header without rows is refused and writes no audit entry"
printf 'key;name;plz\n' >"$T/header.csv"
run company import "$T/header.csv"
expect_error 65 "header.csv has a header but no rows; nothing to import"
check; [ "$(audit_imports)" = 0 ] || fail "an import of nothing wrote an audit entry"
printf 'key;name;plz\n\n\n' >"$T/blank.csv"
run company import "$T/blank.csv"
expect_error 65 "has a header but no rows"

case_ "company import: every problem of a row is named"
printf 'key;name;plz;member_since;capacity;can_host\nBad Key;X;3910;2027-02-30;viele;vielleicht\nok;OK GmbH;39104;;;\n' >"$T/bad.csv"
before=$(db_fingerprint)
run company import "$T/bad.csv"
expect_status 65
expect_err_has "bad.csv:2: key 'Bad Key' is not valid"
expect_err_has "bad.csv:2: PLZ '3910' is not five digits"
expect_err_has "bad.csv:2: member-since '2027-02-30' is not a day that exists"
expect_err_has "bad.csv:2: column \"capacity\": 'viele' is not a whole number"
expect_err_has "bad.csv:2: column \"can_host\": 'vielleicht' is not yes or no"
expect_err_has "werkstatt: error: 1 of 2 rows in $T/bad.csv are invalid; nothing was imported"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a bad import changed the database"

case_ "advisor import: a header without rows is refused and writes no audit entry"
printf 'key,organisation,service,topics,plz\n' >"$T/adv-header.csv"
run advisor import "$T/adv-header.csv"
expect_error 65 "adv-header.csv has a header but no rows; nothing to import"
check; [ "$(audit_imports)" = 0 ] || fail "an import of nothing wrote an audit entry"

case_ "advisor import: every problem of a row is named"
printf 'key,organisation,service,topics,plz,email,last_verified\nBad Key,O,S,visa,391,kein-at,30.02.2027\n' >"$T/adv-bad.csv"
run advisor import "$T/adv-bad.csv"
expect_status 65
expect_err_has "adv-bad.csv:2: key 'Bad Key' is not valid"
expect_err_has "adv-bad.csv:2: topic 'visa' is unknown"
expect_err_has "adv-bad.csv:2: PLZ '391' is not five digits"
expect_err_has "adv-bad.csv:2: email 'kein-at' is not an email address"
expect_err_has "adv-bad.csv:2: verified date '30.02.2027' is not a day that exists"
expect_err_has "werkstatt: error: 1 of 1 rows in $T/adv-bad.csv are invalid"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a bad import changed the database"

case_ "a good company file still imports, with one audit entry"
printf 'key;name;plz\nok;OK GmbH;39104\n' >"$T/good.csv"
run company import "$T/good.csv"
expect_status 0
expect_err_has "read 1, inserted 1"
check; [ "$(audit_imports)" = 1 ] || fail "expected one audit entry for the import"

finish
