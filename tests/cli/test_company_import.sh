#!/bin/sh
# werkstatt company import: CSV in, all or nothing, idempotent, and export round trip.
. "$(dirname "$0")/lib.sh"
run init

case_ "import a semicolon file with BOM, CRLF, quotes and a line break inside a field"
run company import "$TESTDATA/companies.csv"
expect_status 0
expect_err_has "imported $TESTDATA/companies.csv: read 3, inserted 3, updated 0, unchanged 0"
check; [ "$(sql "SELECT name FROM company WHERE key='saale-pflege'")" = "Saale-Pflege gGmbH; Station Nord" ] || fail "quoted delimiter"
check; [ "$(sql "SELECT street FROM company WHERE key='harzholz'" | tr '\r\n' '|')" = "Hauptstr. 5|Hinterhaus|" ] || fail "line break inside a field: $(sql "SELECT street FROM company WHERE key='harzholz'")"
check; [ "$(sql "SELECT district_ags || can_host || capacity FROM company WHERE key='harzholz'")" = "15085125" ] || fail "district/flags"

case_ "importing the same file again changes nothing"
before=$(db_fingerprint)
run company import "$TESTDATA/companies.csv"
expect_status 0
expect_err_has "read 3, inserted 0, updated 0, unchanged 3"
check; [ "$(sql "SELECT count(*) FROM company")" = 3 ] || fail "duplicates"

case_ "a changed row updates, a new row inserts"
printf 'key,name,plz,capacity\nmueller,Müller Metallbau GmbH,39104,60\nneu,Neu GmbH,39106,\n' >"$T/update.csv"
run company import "$T/update.csv"
expect_status 0
expect_err_has "read 2, inserted 1, updated 1, unchanged 0"
check; [ "$(sql "SELECT capacity FROM company WHERE key='mueller'")" = 60 ] || fail "not updated"

case_ "export as CSV imports back unchanged, formulas neutralised and restored"
run company add --key formel --name "=HYPERLINK(\"x\")" --plz 39104 --notes "+49 391 123"
run company list --all --format csv
expect_out_has "'=HYPERLINK"
expect_out_has "'+49 391 123"
cp "$T/out" "$T/export.csv"
run company import "$T/export.csv"
expect_status 0
expect_err_has "inserted 0, updated 0, unchanged 5"
check; [ "$(sql "SELECT name FROM company WHERE key='formel'")" = '=HYPERLINK("x")' ] || fail "formula text changed"

case_ "bad rows: each named with file and line, nothing imported, exit 65"
before=$(db_fingerprint)
run company import "$TESTDATA/companies_bad.csv"
expect_status 65
expect_err_has "companies_bad.csv:3: key 'Bad Key' is not valid"
expect_err_has "companies_bad.csv:4: PLZ '3910' is not five digits"
expect_err_has "companies_bad.csv:5: member-since '2027-02-30' is not a day that exists"
expect_err_has "companies_bad.csv:6: column \"capacity\": 'viele' is not a whole number"
expect_err_has "werkstatt: error: 4 of 5 rows in $TESTDATA/companies_bad.csv are invalid; nothing was imported"
check; [ "$before" = "$(db_fingerprint)" ] || fail "partial import"

case_ "header problems"
printf 'key;name;ort\nx;X;Halle\n' >"$T/h1.csv"
run company import "$T/h1.csv"
expect_error 65 "h1.csv:1: unknown column 'ort'"
printf 'key;name\nx;X\n' >"$T/h2.csv"
run company import "$T/h2.csv"
expect_error 65 "column 'plz' is missing"
printf 'key;name;plz;key\n' >"$T/h3.csv"
run company import "$T/h3.csv"
expect_error 65 "appears twice"

case_ "empty file, header only, wrong field count, unterminated quote, binary garbage"
: >"$T/empty.csv"
run company import "$T/empty.csv"
expect_error 65 "is empty"
printf 'key;name;plz\n' >"$T/header.csv"
run company import "$T/header.csv"
expect_error 65 "header.csv has a header but no rows; nothing to import"
before=$(db_fingerprint)
printf 'key;name;plz\nx;X\n' >"$T/short.csv"
run company import "$T/short.csv"
expect_status 65
expect_err_has "short.csv:2: has 2 fields, the header 3"
printf 'key;name;plz\nx;"X GmbH;39104\n' >"$T/quote.csv"
run company import "$T/quote.csv"
expect_error 65 "quote.csv:2: a quoted field is never closed"
head -c 4096 /dev/urandom >"$T/garbage.csv"
run company import "$T/garbage.csv"
expect_status 65
check; ! grep -qE 'std::|terminate' "$T/err" || fail "garbage crashed"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a failed import changed the database"

case_ "a missing file"
run company import "$T/nope.csv"
expect_error 66 "cannot read $T/nope.csv"

case_ "a duplicate key in one file: the later row wins, with a warning"
printf 'key,name,plz\ndup,Erste,39104\ndup,Zweite,39104\n' >"$T/dup.csv"
run company import "$T/dup.csv"
expect_status 0
expect_err_has "dup.csv:3: key 'dup' appeared already on line 2; the later row wins"
check; [ "$(sql "SELECT name FROM company WHERE key='dup'")" = "Zweite" ] || fail "later row did not win"

case_ "--dry-run imports nothing"
before=$(db_fingerprint)
printf 'key,name,plz\ntrocken,Trocken GmbH,39104\n' >"$T/dry.csv"
run company import "$T/dry.csv" --dry-run
expect_status 0
expect_err_has "would import"
check; [ "$before" = "$(db_fingerprint)" ] || fail "dry run wrote"

finish
