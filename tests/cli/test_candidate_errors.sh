#!/bin/sh
# werkstatt candidate import of files that cannot be imported: each fails with one clear error
# line and a documented exit status, leaves the database as it was and writes no batch.
. "$(dirname "$0")/lib.sh"
D="$TESTDATA/import"
H=$(head -1 "$D/ba_utf8.csv")
run init
run candidate import "$D/ba_utf8.csv"

# Remember the database, to show later that a failed command left it as it was.
snapshot() {
    before=$(db_fingerprint)
    batches=$(sql "SELECT count(*) FROM import_batch")
}
snapshot

# The database is as it was and no batch was added.
unchanged() {
    check
    [ "$before" = "$(db_fingerprint)" ] || fail "the database changed"
    check
    [ "$(sql "SELECT count(*) FROM import_batch")" = "$batches" ] || fail "a batch was written"
}

# No control characters but the final line break on stderr (binary input is not echoed raw).
clean_err() {
    check
    ! LC_ALL=C grep -q '[[:cntrl:]]' "$T/err" || fail "stderr has control characters: $(cat -v "$T/err" | head -c 300)"
}

case_ "an empty file"
: >"$T/empty.csv"
run candidate import "$T/empty.csv"
expect_error 65 "$T/empty.csv is empty"
unchanged
printf '\357\273\277' >"$T/bom_only.csv"
run candidate import "$T/bom_only.csv"
expect_error 65 "is empty"
unchanged
printf '\r\n\r\n\r\n' >"$T/blank_lines.csv"
run candidate import "$T/blank_lines.csv"
expect_error 65 "is empty"
unchanged

case_ "a header only"
printf '%s\r\n' "$H" >"$T/header.csv"
run candidate import "$T/header.csv"
expect_error 65 "header.csv has a header but no rows"
unchanged

case_ "a header that matches no profile names what was expected and found"
printf 'Name;Vorname;Postleitzahl\nMeier;Anna;39104\n' >"$T/other.csv"
run candidate import "$T/other.csv"
expect_error 65 "does not match profile 'ba'"
expect_err_has "Referenznummer"
expect_err_has "found Name, Vorname, Postleitzahl"
unchanged
printf '%s\n' "$H" | sed 's/;Telefon//' >"$T/no_phone.csv"
printf 'T-1;;;;;;39104;;;;;;;;;;;;;\n' >>"$T/no_phone.csv"
run candidate import "$T/no_phone.csv"
expect_error 65 "missing Telefon;"
unchanged
run candidate import "$D/ba_utf8.csv" --profile werkstatt
expect_error 65 "does not match profile 'werkstatt'"
unchanged

case_ "binary garbage"
run candidate import "$D/garbage.bin"
expect_error 65
clean_err
unchanged
printf '"\033[2J\033[31mRot\nZeile";B\r\n1;2\r\n' >"$T/escape.csv"
run candidate import "$T/escape.csv"
expect_error 65 "does not match profile"
clean_err
unchanged

case_ "a very long line without a line break fails fast"
python3 -c "import sys; sys.stdout.write('Referenznummer;' + 'x' * 5000000)" >"$T/long.csv"
start=$(date +%s)
status=0
timeout 20 "$WERKSTATT" --db "$DB" candidate import "$T/long.csv" >"$T/out" 2>"$T/err" </dev/null || status=$?
check; [ $(($(date +%s) - start)) -le 10 ] || fail "took $(($(date +%s) - start)) s"
expect_error 65 "long.csv:1: record is longer than"
unchanged

case_ "an unterminated quote"
printf '%s\nU-1;;;"Meier;;;39104;;;;;;;;;;;;;;\nU-2;;;Schulz;;;39104;;;;;;;;;;;;;;\n' "$H" >"$T/quote.csv"
run candidate import "$T/quote.csv"
expect_error 65 "quote.csv:2: a quoted field is never closed"
unchanged

case_ "invalid UTF-8 in a file declared UTF-8 names the byte offset"
offset=$(python3 -c "import sys; d = open(sys.argv[1], 'rb').read(); print(next(i for i, b in enumerate(d) if b >= 0x80))" "$D/ba_cp1252.csv")
run candidate import "$D/ba_cp1252.csv" --encoding utf-8
expect_error 65 "ba_cp1252.csv: byte $offset: invalid UTF-8 (0xF6"
unchanged
{ cat "$D/ba_utf8.csv"; printf 'X-1;;;M\374ller;;;39104;;;;;;;;;;;;;;\n'; } >"$T/late_bad.csv"
offset=$(($(wc -c <"$D/ba_utf8.csv") + 7)) # after "X-1;;;M"
run candidate import "$T/late_bad.csv" --encoding utf-8
expect_error 65 "late_bad.csv: byte $offset: invalid UTF-8"
unchanged

case_ "UTF-8 with one stray Windows-1252 byte is not silently read as Windows-1252"
run candidate list --all --format csv
cp "$T/out" "$T/export.csv"
printf '9,ba,X-1,,M\374ller,,,39104,,,,,,,unknown,,,,,,,unspecified,,,,,,,,true,\r\n' >>"$T/export.csv"
run candidate import "$T/export.csv" --profile werkstatt
check; [ "$status" -ne 0 ] || fail "imported with exit 0: $(tail -1 "$T/err")"
check; [ "$(sql "SELECT count(*) FROM candidate WHERE first_name LIKE '%Ã%' OR last_name LIKE '%Ã%'")" = 0 ] || fail "UTF-8 names stored as mojibake: $(sql "SELECT first_name || ' ' || last_name FROM candidate WHERE first_name LIKE '%Ã%'")"
snapshot

case_ "a UTF-16 file cut off in a character"
head -c 2401 "$D/ba_utf16le.txt" >"$T/odd.txt"
run candidate import "$T/odd.txt"
expect_error 65 "odd.txt: byte 2400: invalid UTF-16LE"
unchanged

case_ "a file that does not exist, a folder"
run candidate import "$T/nope.csv"
expect_error 66 "nope.csv"
unchanged
mkdir "$T/folder.csv"
run candidate import "$T/folder.csv"
expect_error 65 "folder.csv is a folder"
unchanged

case_ "an unknown --profile lists the profiles; an unknown --encoding lists the encodings"
run candidate import "$D/ba_utf8.csv" --profile agentur
expect_error 2 "no import profile 'agentur'; the profiles are ba, openings, werkstatt"
run candidate import "$D/ba_utf8.csv" --encoding ebcdic
expect_error 2 "encoding 'ebcdic' is unknown; use utf-8, windows-1252 or utf-16le"
unchanged

case_ "a profile of the other kind is refused"
run company add --key elbe-kliniken --name "Elbe-Kliniken" --plz 39576
snapshot
printf 'company,reference,title,kldb,german,plz,city,positions,start_date,latest_start,licence,max_distance_km,needs_recognition,notes,status\n' >"$T/openings.csv"
printf 'elbe-kliniken,EK-1,Pflegefachkraft,81302,B2,39576,Stendal,1,,,,,false,,open\n' >>"$T/openings.csv"
run candidate import "$T/openings.csv" --profile openings
expect_error 2 "openings"
check; [ "$(sql "SELECT count(*) FROM opening")" = 0 ] || fail "'candidate import' imported openings"
run opening import "$D/ba_utf8.csv" --profile ba
expect_error 2 "ba"
check; [ "$before" = "$(db_fingerprint)" ] || fail "'opening import --profile ba' changed the database"

case_ "--rejects into a folder that does not exist: nothing imported"
snapshot
run candidate import "$D/ba_bad.csv" --rejects "$T/no/such/folder/rejects.csv"
expect_status 73
expect_err_has "cannot write $T/no/such/folder/rejects.csv"
unchanged

finish
