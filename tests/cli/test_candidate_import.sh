#!/bin/sh
# werkstatt candidate import (profile ba): validation and normalisation, bad rows, --rejects,
# --strict, --dry-run, exit statuses, --source, the werkstatt round trip, formula fields, and
# candidate list|show|edit|archive.
. "$(dirname "$0")/lib.sh"
D="$TESTDATA/import"
run init
q() { sql "SELECT $1 FROM candidate WHERE reference='$2'"; }

case_ "every spelling of the ba value maps and every normalisation"
run candidate import "$D/ba_values.csv"
expect_status 0
expect_err_has "read 12, inserted 12, updated 0, unchanged 0, rejected 0"
check; [ "$(sql "SELECT group_concat(residence_status, ' ') FROM (SELECT residence_status FROM candidate ORDER BY reference)")" = "eu niederlassung schutz schutz ukraine gestattung duldung duldung-60b blaue-karte fiktion unknown eu" ] || fail "residence status codes: $(sql "SELECT group_concat(residence_status, ' ') FROM candidate")"
check; [ "$(sql "SELECT group_concat(coalesce(recognition, 'NULL'), ' ') FROM (SELECT recognition FROM candidate WHERE reference <= 'V07' ORDER BY reference)")" = "not-required pending full partial compensation-required rejected NULL" ] || fail "recognition codes: $(sql "SELECT group_concat(coalesce(recognition, 'NULL'), ' ') FROM candidate")"
check; [ "$(q recognition V12)" = full ] || fail "value maps are not case-insensitive"
check; [ "$(q "plz || '|' || district_ags" V01)" = "06108|15002" ] || fail "PLZ with leading zero / district: $(q "plz || '|' || district_ags" V01)"
check; [ "$(q "typeof(plz)" V01)" = text ] || fail "PLZ not stored as text"
check; [ "$(q district_ags V02)" = 15003 ] || fail "district of 39104"
check; [ "$(q "birth_date || ' ' || available_from || ' ' || (SELECT group_concat(scope || '=' || valid_until || '/' || source) FROM consent WHERE candidate_id = candidate.id)" V01)" = "1985-07-05 2027-02-01 matching=2027-12-31/agency-file,sharing=2027-12-31/agency-file" ] || fail "dates not YYYY-MM-DD, or the consent not matching and sharing"
check; [ "$(q german V01)/$(q german V02)/$(q "coalesce(german, 'NULL')" V03)" = "B1/native/NULL" ] || fail "CEFR: $(q german V01)/$(q german V02)/$(q "coalesce(german, 'NULL')" V03)"
check; [ "$(q languages V01)|$(q languages V02)" = "ar:C2;en:B1|ar:native" ] || fail "Weitere Sprachen: $(q languages V01)|$(q languages V02)"
check; [ "[$(q licences V01)][$(q licences V02)][$(q licences V03)]" = "[][B, C1][B, C1]" ] || fail "Führerschein: [$(q licences V01)][$(q licences V02)][$(q licences V03)]"
check; [ "$(q "nationality || '=' || nationality_code" V01) $(q "nationality || '=' || nationality_code" V02) $(q "nationality || '=' || nationality_code" V03)" = "syrisch=SY Syrien=SY ukrainisch=UA" ] || fail "nationality codes"
check; [ "$(q "nationality || '=' || coalesce(nationality_code, 'NULL')" V04)" = "marsianisch=NULL" ] || fail "unknown nationality"
check; [ "$(q "kldb || ' ' || email || ' ' || radius_km" V01)" = "52122 v01@example.org 30" ] || fail "KldB, email, radius"

case_ "bad rows: reported by file, line and column, the others imported, exit 1"
before_count=$(sql "SELECT count(*) FROM candidate")
run candidate import "$D/ba_bad.csv" --rejects "$T/rejects.csv"
expect_status 1
B="$D/ba_bad.csv"
expect_err_has "$B:3: column \"PLZ\": not a PLZ of five digits (value \"3910\")"
expect_err_has "$B:4: column \"Geburtsdatum\":"
expect_err_has "(value \"31.02.1990\")"
expect_err_has "$B:5: column \"Deutschkenntnisse\":"
expect_err_has "$B:6: column \"Aufenthaltsstatus\":"
expect_err_has "(value \"Touristenvisum\")"
expect_err_has "$B:7: column \"Anerkennung\":"
expect_err_has "$B:8: column \"Führerschein\":"
expect_err_has "$B:9: column \"Weitere Sprachen\":"
expect_err_has "$B:10: column \"Zielberuf (KldB)\":"
expect_err_has "$B:11: column \"E-Mail\":"
expect_err_has "$B:12: column \"PLZ\":"
expect_err_has "$B:15: column \"Referenznummer\":"
expect_err_has "read 13, inserted 2, updated 0, unchanged 0, rejected 11"
check; [ "$(grep -c "ba_bad.csv:15:" "$T/err")" -eq 1 ] || fail "the empty reference of line 15 is reported $(grep -c "ba_bad.csv:15:" "$T/err") times"
check; [ "$(sql "SELECT count(*) FROM candidate")" -eq $((before_count + 2)) ] || fail "not exactly the two good rows imported"
check; [ "$(sql "SELECT count(*) FROM candidate WHERE reference LIKE 'BAD-%'")" = 0 ] || fail "a bad row was imported"
check; [ "$(q "coalesce(nationality_code, 'NULL')" GOOD-2)" = NULL ] || fail "unknown nationality rejected the row"

case_ "the rejects file: the original rows and an error column"
check; head -c 3 "$T/rejects.csv" | od -An -tx1 | grep -q 'ef bb bf' || fail "no BOM for Excel"
check; head -1 "$T/rejects.csv" | grep -q ';Bemerkung;error' || fail "header lacks the error column"
check; grep -q '^BAD-PLZ;;;;;;3910;;;;;;;;;;;;;;;"[^"]*ba_bad.csv:3: column ""PLZ""' "$T/rejects.csv" || fail "BAD-PLZ row not kept as it was"
check; [ "$(grep -c '^BAD-\|^;;;Ohne' "$T/rejects.csv")" -eq 11 ] || fail "not 11 rejected rows"
check; ! grep -q '^GOOD' "$T/rejects.csv" || fail "a good row is in the rejects file"

case_ "fix the rejects file, drop the error column, import it again: all inserted"
sed -e 's/;3910;/;39104;/; s/31\.02\.1990/28.02.1990/; s/;B3;/;B2;/; s/Touristenvisum/Duldung/' \
    -e 's/;vielleicht;/;voll;/; s/;Z;/;B;/; s/;arabisch;/;ar:C2;/; s/;5212;/;52122;/' \
    -e 's/kein-at-zeichen/kein@example.org/; s/;391;/;39104;/; s/^;;;Ohne/NEU-15;;;Ohne/' \
    -e 's/;\("\([^"]\|""\)*"\|[^;"]*\)\r\{0,1\}$//' "$T/rejects.csv" >"$T/fixed.csv"
check; ! grep -q 'error\|ba_bad.csv' "$T/fixed.csv" || fail "error column not dropped: $(grep 'error' "$T/fixed.csv" | head -2)"
run candidate import "$T/fixed.csv"
expect_status 0
expect_err_has "read 11, inserted 11, updated 0, unchanged 0, rejected 0"
check; [ "$(q plz BAD-PLZ) $(q birth_date BAD-DATE) $(q residence_status BAD-STATUS) $(q kldb BAD-KLDB)" = "39104 1990-02-28 duldung 52122" ] || fail "fixed rows wrong"
check; [ "$(q notes BAD-ML)" = "$(printf 'erste Zeile\nzweite Zeile')" ] || fail "line break lost on the way through the rejects file"

case_ "--strict: one bad row and nothing is imported, exit 65"
printf '%s\n' "$(head -1 "$D/ba_bad.csv")" 'S-1;;;;;;39104;;;;;;;;;;;;;;' 'S-2;;;;;;3910;;;;;;;;;;;;;;' >"$T/strict.csv"
before=$(db_fingerprint)
run candidate import "$T/strict.csv" --strict --rejects "$T/strict_rejects.csv"
expect_status 65
expect_err_has "strict.csv:3: column \"PLZ\""
expect_err_has "nothing imported"
expect_out_empty
check; [ "$before" = "$(db_fingerprint)" ] || fail "--strict imported something"
check; grep -q '^S-2;' "$T/strict_rejects.csv" 2>/dev/null || fail "--strict wrote no rejects file to fix"
run candidate import "$T/strict.csv" --strict --dry-run
expect_status 65
check; [ "$before" = "$(db_fingerprint)" ] || fail "--strict --dry-run imported something"

case_ "every row bad: nothing imported, exit 65"
printf '%s\n' "$(head -1 "$D/ba_bad.csv")" 'A-1;;;;;;3910;;;;;;;;;;;;;;' 'A-2;;;;;;;;;;B9;;;;;;;;;;' >"$T/allbad.csv"
batches=$(sql "SELECT count(*) FROM import_batch")
run candidate import "$T/allbad.csv"
expect_status 65
expect_err_has "allbad.csv:2: column \"PLZ\""
expect_err_has "allbad.csv:3: column \"Deutschkenntnisse\""
expect_err_has "werkstatt: error: nothing imported"
check; [ "$before" = "$(db_fingerprint)" ] || fail "database changed"
check; [ "$(sql "SELECT count(*) FROM import_batch")" = "$batches" ] || fail "a batch was written"

case_ "--dry-run imports nothing and says what it would do"
run candidate import "$D/ba_utf8.csv" --dry-run
expect_status 0
expect_err_has "would import"
expect_err_has "read 4, inserted 4"
check; [ "$before" = "$(db_fingerprint)" ] || fail "dry run wrote"

case_ "--source labels the records; (source, reference) is the identity"
run candidate import "$D/ba_utf8.csv" --source jc-magdeburg
expect_status 0
expect_err_has "inserted 4"
run candidate import "$D/ba_utf8.csv" --source jc-halle
expect_err_has "inserted 4"
check; [ "$(sql "SELECT count(*) FROM candidate WHERE reference='CP-000003-B'")" = 2 ] || fail "one record per source expected"
run candidate list --source jc-halle --format csv
check; [ "$(grep -c ',jc-halle,' "$T/out")" -eq 4 ] && ! grep -q 'jc-magdeburg' "$T/out" || fail "list --source"
run candidate show CP-000003-B
expect_error 2 "--source"
run candidate show CP-000003-B --source jc-halle --format json
expect_out_has '"source": "jc-halle"'

case_ "formula text is stored as text, exported with an apostrophe, restored on import"
H=$(head -1 "$D/ba_utf8.csv")
printf '%s\n' "$H" 'F-1;;;;;;39104;;;;;;;;;;;;;;"=HYPERLINK(""http://x"")"' 'F-2;;;;;;39104;;;;;;;;;;;;;+49 391 2;+49 391 1' >"$T/formula.csv"
run candidate import "$T/formula.csv" --source formel
expect_status 0
check; [ "$(sql "SELECT notes FROM candidate WHERE reference='F-1'")" = '=HYPERLINK("http://x")' ] || fail "formula not stored as written"
check; [ "$(sql "SELECT notes || '|' || phone FROM candidate WHERE reference='F-2'")" = '+49 391 1|+49 391 2' ] || fail "+49 not stored as written"
run candidate list --all --format csv
expect_out_has "\"'=HYPERLINK(\"\"http://x\"\")\""
expect_out_has ",'+49 391 1,"
expect_out_has ",'+49 391 2,"
cp "$T/out" "$T/export.csv"

case_ "profile werkstatt: the export imports back as all unchanged"
total=$(sql "SELECT count(*) FROM candidate")
run candidate import "$T/export.csv" --profile werkstatt
expect_status 0
expect_err_has "read $total, inserted 0, updated 0, unchanged $total, rejected 0"
check; [ "$(sql "SELECT notes FROM candidate WHERE reference='F-1'")" = '=HYPERLINK("http://x")' ] || fail "formula text changed"
DB="$T/copy.db"
run init
run candidate import "$T/export.csv" --profile werkstatt
expect_status 0
run candidate list --all --format csv
check; cmp -s "$T/out" "$T/export.csv" || { fail "a fresh import of the export differs:"; diff "$T/export.csv" "$T/out" | head -6; }
DB="$T/werkstatt.db"

case_ "candidate show: by id and by agency reference"
id=$(sql "SELECT id FROM candidate WHERE reference='V03'")
run candidate show "$id" --format json
cp "$T/out" "$T/by_id.json"
expect_out_has '"reference": "V03"'
run candidate show V03 --format json
check; cmp -s "$T/out" "$T/by_id.json" || fail "show by reference differs from show by id"
run candidate show NOPE-1
expect_error 66 "NOPE-1"

case_ "candidate edit changes fields, derives the district, records the audit"
run candidate edit V03 --plz 06108 --city "Halle (Saale)" --residence-status duldung
expect_status 0
check; [ "$(q "plz || district_ags || residence_status" V03)" = "0610815002duldung" ] || fail "edit: $(q "plz || district_ags || residence_status" V03)"
check; [ "$(sql "SELECT details FROM audit_log WHERE entity='candidate' AND entity_id=$id AND action='edit'")" = "fields=plz,city,district_ags,residence_status" ] || fail "audit: $(sql "SELECT details FROM audit_log WHERE entity='candidate' AND entity_id=$id")"
before=$(db_fingerprint)
run candidate edit V03 --plz 123
expect_error 65 "plz '123'"
run candidate edit V03 --kldb 5212
expect_error 65 "kldb"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused edit changed the database"

case_ "candidate archive hides from the default list; --all shows it"
run candidate archive V04
expect_status 0
run candidate list --format csv
expect_out_lacks ",V04,"
expect_out_has ",V03,"
run candidate list --all --format csv
expect_out_has ",V04,"
check; [ "$(q active V04)" = 0 ] || fail "not archived"

case_ "--source must be a valid source label, as the source column of an import must"
before=$(db_fingerprint)
run candidate import "$D/ba_utf8.csv" --source 'Bad Label'
check; [ "$status" -eq 2 ] || [ "$status" -eq 65 ] || fail "exit status $status, expected 2 or 65"
check; [ "$(sql "SELECT count(*) FROM candidate WHERE source='Bad Label'")" = 0 ] || fail "records stored with source 'Bad Label', which the werkstatt profile cannot import back"
check; [ "$before" = "$(db_fingerprint)" ] || fail "database changed"

finish
