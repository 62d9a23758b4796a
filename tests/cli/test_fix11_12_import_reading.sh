#!/bin/sh
# Issue 11 item 12: every import (candidate, opening, company, advisor) reads its input the same
# way: missing columns in the profile's order, UTF-16 without a byte order mark named, a stray
# quote rejects its row (naming the column) not the file, standard input and pipes, and
# Windows-1252 detected for companies too.
. "$(dirname "$0")/lib.sh"
run init
BA="$SOURCE_DIR/examples/agency-ba.csv"
head -4 "$BA" >"$T/liste.csv"

case_ "a wrong header lists the missing columns in the profile's order"
printf 'Referenznummer;Vorname;PLZ\nX-1;Amina;39104\n' >"$T/wrong.csv"
run candidate import "$T/wrong.csv"
expect_error 65 "missing Geschlecht, Nachname, Geburtsdatum, Staatsangehörigkeit, Ort, Zielberuf (KldB), Zielberuf, Deutschkenntnisse"

case_ "UTF-16LE without a byte order mark is named, and --encoding utf-16le reads it"
iconv -f UTF-8 -t UTF-16LE "$T/liste.csv" >"$T/utf16.csv"
run candidate import "$T/utf16.csv"
expect_error 65 "utf16.csv looks like UTF-16LE without a byte order mark; try --encoding utf-16le"
expect_err_lacks '\x00'
run candidate import "$T/utf16.csv" --encoding utf-16le --dry-run
expect_status 0
expect_err_has "read 3, inserted 3"

case_ "a stray quote in one cell rejects that row, naming the column; the others are imported"
sed '3s/;Kovalenko;/;Kova"lenko;/' "$T/liste.csv" >"$T/quote.csv"
run candidate import "$T/quote.csv" --dry-run
expect_status 1
expect_err_has "quote.csv:3: column \"Nachname\": stray quote"
expect_err_has "read 3, inserted 2, updated 0, unchanged 0, rejected 1"
expect_err_lacks "field 4"

case_ "a pipe into '-' imports; the batch records '-' and the hash of the bytes"
cat "$T/liste.csv" | "$WERKSTATT" --db "$DB" candidate import - >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_err_has "imported standard input"
expect_err_has "read 3, inserted 3"
check; [ "$(sql "SELECT file_name FROM import_batch ORDER BY id DESC LIMIT 1")" = "-" ] || fail "batch file: $(sql "SELECT file_name FROM import_batch")"
check; [ "$(sql "SELECT sha256 FROM import_batch ORDER BY id DESC LIMIT 1")" = "$(sha256sum <"$T/liste.csv" | cut -c1-64)" ] || fail "the batch's sha256 is not the input's"

case_ "a pipe into /dev/stdin imports as well"
cat "$T/liste.csv" | "$WERKSTATT" --db "$DB" candidate import /dev/stdin >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_err_has "read 3, inserted 0, updated 0, unchanged 3"
expect_err_lacks "is empty"

case_ "empty standard input is a clean error"
before=$(db_fingerprint)
"$WERKSTATT" --db "$DB" candidate import - </dev/null >"$T/out" 2>"$T/err"
status=$?
expect_error 65 "standard input is empty; nothing to import"
printf '' | "$WERKSTATT" --db "$DB" company import - >"$T/out" 2>"$T/err"
status=$?
expect_error 65 "standard input is empty"
check; [ "$before" = "$(db_fingerprint)" ] || fail "an empty import changed the database"

case_ "company import detects Windows-1252 and reads standard input"
printf 'key;name;plz;city\nmueller;M\374ller Metallbau GmbH;39104;Magdeburg\n' >"$T/cp1252.csv"
run company import "$T/cp1252.csv"
expect_status 0
check; [ "$(sql "SELECT name FROM company WHERE key='mueller'")" = "Müller Metallbau GmbH" ] || fail "cp1252 name: $(sql "SELECT name FROM company WHERE key='mueller'")"
printf 'key;name;plz\nsaale;Saale-Pflege gGmbH;06108\n' | "$WERKSTATT" --db "$DB" company import - >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_err_has "imported standard input: read 1, inserted 1"

case_ "company import: UTF-16LE without a byte order mark is named too"
printf 'key;name;plz\nklein;Klein GmbH;39106\n' | iconv -f UTF-8 -t UTF-16LE >"$T/c16.csv"
run company import "$T/c16.csv"
expect_error 65 "looks like UTF-16LE without a byte order mark; try --encoding utf-16le"
run company import "$T/c16.csv" --encoding utf-16le
expect_status 0
check; [ "$(sql "SELECT name FROM company WHERE key='klein'")" = "Klein GmbH" ] || fail "utf-16le company"

case_ "company import: a stray quote rejects the row, naming the column"
printf 'key;name;plz\nfalsch;Falsch "GmbH;39106\n' >"$T/cquote.csv"
run company import "$T/cquote.csv"
expect_status 65
expect_err_has "cquote.csv:2: column \"name\": stray quote"

case_ "advisor import reads standard input"
printf 'key,organisation,service,topics,plz\nabh,ABH,Beratung,work-permit,39104\n' | "$WERKSTATT" --db "$DB" advisor import - >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_err_has "read 1, inserted 1"

finish
