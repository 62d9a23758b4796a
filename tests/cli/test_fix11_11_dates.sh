#!/bin/sh
# Issue 11 item 11: every option and CSV column that takes a date reads YYYY-MM-DD and DD.MM.YYYY
# (one parser); ISO stays the form shown. A period that runs backwards says so.
. "$(dirname "$0")/lib.sh"
run init

case_ "company add --member-since 11.02.2027 is stored as 2027-02-11"
run company add --key mueller --name "Müller Metallbau GmbH" --plz 39104 --can-host --capacity 30 --member-since 11.02.2027
expect_status 0
check; [ "$(sql "SELECT member_since FROM company WHERE key='mueller'")" = 2027-02-11 ] || fail "member_since: $(sql "SELECT member_since FROM company WHERE key='mueller'")"
run company edit mueller --member-since 1.3.2026
expect_status 0
check; [ "$(sql "SELECT member_since FROM company WHERE key='mueller'")" = 2026-03-01 ] || fail "one-digit day and month"
run company edit mueller --member-since 30.02.2027
expect_error 65 "member-since '30.02.2027' is not a day that exists; write YYYY-MM-DD or DD.MM.YYYY"
run company edit mueller --member-since morgen
expect_error 65 "member-since 'morgen' is not a date; write YYYY-MM-DD or DD.MM.YYYY"

case_ "company import: a member_since of 11.02.2027"
printf 'key;name;plz;member_since\nsaale;Saale-Pflege gGmbH;06108;11.02.2027\n' >"$T/companies.csv"
run company import "$T/companies.csv"
expect_status 0
check; [ "$(sql "SELECT member_since FROM company WHERE key='saale'")" = 2027-02-11 ] || fail "import member_since"

case_ "event add --date 11.02.2027"
run event add --date 11.02.2027 --host mueller --title "Werkstatt 1/2027"
expect_status 0
run event list --format csv
expect_out_has "2027-02-11"
run event edit 1 --date 30.02.2027
expect_error 65 "date '30.02.2027' is not a day that exists; write YYYY-MM-DD or DD.MM.YYYY"
run event edit 1 --date 2027-13-01
expect_error 65 "is not a day that exists"

case_ "periods: a day as DD.MM.YYYY, and a range that ends before it starts"
run event list --period 01.02.2027..28.02.2027 --format csv
expect_status 0
expect_out_has "2027-02-11"
run event list --period 2028..2027
expect_error 2 "period '2028..2027' ends before it starts; write the earlier end first, as in 2027..2028"
run event list --period 2027Q5
expect_error 2 "period '2027Q5' does not parse"
run event block mueller 12.03.2027..2027-03-20 --reason Umbau
expect_status 0
check; [ "$(sql "SELECT period FROM host_block")" = 2027-03-12..2027-03-20 ] || fail "block period: $(sql "SELECT period FROM host_block")"

case_ "advisor --verified 12.01.2027"
run advisor add --key abh --organisation "Ausländerbehörde" --service Beratung --topic work-permit --plz 39104 --verified 12.01.2027
expect_status 0
check; [ "$(sql "SELECT last_verified FROM advisor WHERE key='abh'")" = 2027-01-12 ] || fail "verified"

case_ "match --date 01.12.2026 is the same day as 2026-12-01"
match_pool
run match --scores --date 2026-12-01 --format csv
expect_status 0
cp "$T/out" "$T/iso.csv"
run match --scores --date 01.12.2026 --format csv
expect_status 0
check; cmp -s "$T/iso.csv" "$T/out" || fail "match --date 01.12.2026 differs from 2026-12-01"
run match --scores --date 31.11.2026
expect_error 2 "--date '31.11.2026' is not a day that exists; write YYYY-MM-DD or DD.MM.YYYY"

case_ "rules --date reads DD.MM.YYYY as match --date does"
run rules --date 2028-01-15 --format csv
cp "$T/out" "$T/iso.csv"
run rules --date 15.01.2028 --format csv
expect_status 0
check; cmp -s "$T/iso.csv" "$T/out" || fail "rules --date 15.01.2028 differs from 2028-01-15"
expect_out_has "due"
run rules --date 30.02.2028
expect_error 2 "--date '30.02.2028' is not a day that exists; write YYYY-MM-DD or DD.MM.YYYY"

finish
