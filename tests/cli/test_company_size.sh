#!/bin/sh
# #13, the input side: a member company's size (KMU definition, Recommendation 2003/361/EC) by
# `company add/edit --size` and the `size` column of `company import`; `company archive` records
# the day the company left (left_on), `--undo` clears it.
. "$(dirname "$0")/lib.sh"
run init

# Print column $1 of company $2, NULL as "NULL".
col() { sql "SELECT ifnull($1, 'NULL') FROM company WHERE key = '$2'"; }

case_ "add and edit take --size; unknown or empty clears it"
run company add --key klein --name "Klein GmbH" --plz 39104 --size small
expect_status 0
check; [ "$(col size klein)" = small ] || fail "size: $(col size klein)"
run company edit klein --size Mittel
expect_status 0
check; [ "$(col size klein)" = medium ] || fail "German spelling: $(col size klein)"
run audit list --entity company --limit 1 --format csv
expect_out_has "fields=size"
run company edit klein --size unknown
check; [ "$(col size klein)" = NULL ] || fail "unknown did not clear"
run company edit klein --size micro
run company edit klein --size=
check; [ "$(col size klein)" = NULL ] || fail "an empty value did not clear"

case_ "a size that is none is bad data (65) and changes nothing"
run company edit klein --size large
before=$(db_fingerprint)
run company edit klein --size huge
expect_error 65 "size 'huge' is not a company size; use micro, small, medium, large or unknown"
run company add --key riesig --name Riesig --plz 39104 --size gigantic
expect_error 65 "is not a company size"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused write changed the database"

case_ "show and list show the size"
run company show klein --format json
expect_out_has '"size": "large"'
expect_out_has '"left_on": null'
run company list
expect_out_has "SIZE"
expect_out_has "large"
run company list --format csv
expect_out_has "size,left_on"

case_ "company import reads an optional size column; a bad one rejects the file"
printf 'key,name,plz,size\nimp,Import GmbH,39104,micro\nklein,Klein GmbH,39104,medium\n' >"$T/c.csv"
run company import "$T/c.csv"
expect_status 0
check; [ "$(col size imp)|$(col size klein)" = "micro|medium" ] || fail "import sizes: $(col size imp)|$(col size klein)"
printf 'key,name,plz,size\nimp2,Zwei GmbH,39104,winzig\n' >"$T/bad.csv"
before=$(db_fingerprint)
run company import "$T/bad.csv"
expect_status 65
expect_err_has "size 'winzig' is not a company size"
check; [ "$before" = "$(db_fingerprint)" ] || fail "the bad file was imported in part"

case_ "archive records the day the company left; --undo clears it"
run company archive klein --date 15.02.2027
expect_status 0
check; [ "$(col left_on klein)|$(col active klein)" = "2027-02-15|0" ] || fail "left_on: $(col left_on klein)"
run company list --all --format csv
expect_out_has "2027-02-15"
run company archive klein --undo
expect_status 0
check; [ "$(col left_on klein)|$(col active klein)" = "NULL|1" ] || fail "undo left left_on: $(col left_on klein)"
run company archive imp
check; [ "$(col left_on imp)" = "$(date +%Y-%m-%d)" ] || fail "archive without --date: $(col left_on imp)"
run company archive imp --undo --date 2027-01-01
expect_error 2 "excludes"
run company archive klein --date 2027-02-30
expect_error 2 "--date '2027-02-30'"

case_ "an export with size and left_on imports back unchanged"
run company list --all --format csv
cp "$T/out" "$T/export.csv"
run company import "$T/export.csv"
expect_status 0
expect_err_has "updated 0"
finish
