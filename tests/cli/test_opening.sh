#!/bin/sh
# werkstatt opening add|list|show|edit|close|import: job openings of member companies.
. "$(dirname "$0")/lib.sh"
run init
run company add --key anhalt-logistik --name "Anhalt Logistik GmbH" --plz 06842 --city "Dessau-Roßlau"
run company add --key elbe-kliniken --name "Elbe-Kliniken" --plz 39576 --city Stendal
run company add --key saale-pflege --name "Saale-Pflege gGmbH" --plz 06108
OH="company,reference,title,kldb,german,plz,city,positions,start_date,latest_start,licence,max_distance_km,needs_recognition,notes,status"

case_ "opening add"
run opening add --company anhalt-logistik --title "Berufskraftfahrer CE (m/w/d)" --kldb 52122 --german B1 --plz 39104 --positions 2
expect_status 0
expect_err_has "added opening 1"
check; [ "$(sql "SELECT title || '|' || kldb || '|' || german || '|' || plz || '|' || district_ags || '|' || positions || '|' || status FROM opening WHERE id=1")" = "Berufskraftfahrer CE (m/w/d)|52122|B1|39104|15003|2|open" ] || fail "stored: $(sql "SELECT * FROM opening WHERE id=1")"
check; [ "$(sql "SELECT city FROM opening WHERE id=1")" != "Dessau-Roßlau" ] || fail "--plz 39104 (Magdeburg) kept the company's city Dessau-Roßlau"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE entity='opening' AND entity_id=1 AND action='add'")" = 1 ] || fail "no audit"

case_ "opening add: without --plz the company's place; bad values refused"
run opening add --company elbe-kliniken --title "Pflegefachkraft (m/w/d)" --kldb 81302 --german B2 --needs-recognition
expect_status 0
check; [ "$(sql "SELECT plz || '|' || city || '|' || district_ags || '|' || needs_recognition FROM opening WHERE id=2")" = "39576|Stendal|15090|1" ] || fail "company place: $(sql "SELECT plz || '|' || city || '|' || district_ags FROM opening WHERE id=2")"
before=$(db_fingerprint)
run opening add --company nope --title "X"
expect_error 66 "nope"
run opening add --company elbe-kliniken
expect_error 2 "--title"
run opening add --company elbe-kliniken --title "X" --kldb 5212
expect_error 65 "kldb"
run opening add --company elbe-kliniken --title "X" --positions 0
expect_error 65 "positions"
run opening add --company elbe-kliniken --title "X" --german B7
expect_error 65 "german"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused add changed the database"

case_ "opening list --format json: records with id and title"
run opening list --format json
expect_status 0
check; python3 -c "
import json, sys
records = json.load(open(sys.argv[1]))
assert [r['id'] for r in records] == [1, 2], records
assert records[0]['title'] == 'Berufskraftfahrer CE (m/w/d)', records[0]
assert records[0]['company'] == 'anhalt-logistik'
assert records[0]['positions'] == 2
" "$T/out" || fail "JSON records lack id/title: $(head -c 300 "$T/out")"
run opening list --company elbe-kliniken --format csv
expect_out_has ",elbe-kliniken,"
expect_out_lacks "anhalt-logistik"

case_ "opening show"
run opening show 1 --format json
expect_status 0
expect_out_has '"title": "Berufskraftfahrer CE (m/w/d)"'
expect_out_has '"id": 1'
run opening show 99
expect_error 66 "no opening with id 99"

case_ "opening edit changes fields and records the audit"
run opening edit 1 --positions 3 --title "Berufskraftfahrer C/CE (m/w/d)"
expect_status 0
expect_err_has "changed opening 1"
check; [ "$(sql "SELECT positions || '|' || title FROM opening WHERE id=1")" = "3|Berufskraftfahrer C/CE (m/w/d)" ] || fail "not edited"
check; [ "$(sql "SELECT details FROM audit_log WHERE entity='opening' AND entity_id=1 AND action='edit'")" = "fields=title,positions" ] || fail "audit: $(sql "SELECT details FROM audit_log WHERE entity='opening' AND entity_id=1")"
before=$(db_fingerprint)
run opening edit 1 --positions 0
expect_error 65 "positions"
run opening edit 1 --plz 391
expect_error 65 "plz"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused edit changed the database"

case_ "opening close hides it from the default list"
run opening close 2
expect_status 0
run opening list --format csv
expect_out_lacks "Pflegefachkraft"
run opening list --all --format csv
expect_out_has "Pflegefachkraft"
check; [ "$(sql "SELECT status FROM opening WHERE id=2")" = closed ] || fail "not closed"

case_ "opening import: inserted, a row of an unknown company rejected (exit 1)"
printf '%s\n' "$OH" \
    "elbe-kliniken,EK-2027-01,Pflegefachkraft (m/w/d),81302,B2,39576,Stendal,3,2027-03-01,2027-06-30,,60,true,Anerkennung wird begleitet,open" \
    "anhalt-logistik,AL-2027-07,Berufskraftfahrer CE (m/w/d),52122,A2,06842,Dessau-Roßlau,2,2027-02-01,2027-04-30,CE,80,false,,open" \
    "saale-pflege,SP-2027-04,\"Altenpflegehelfer (m/w/d), Teilzeit\",82101,B1,06108,Halle (Saale),2,2027-02-15,2027-06-30,,50,false,,open" \
    "unbekannt-gmbh,UG-1,Helfer,22101,A2,38855,Wernigerode,1,,,,,false,,open" \
    "saale-pflege,SP-BAD,Helfer,22101,A2,38855,Wernigerode,0,,,,,false,,open" >"$T/openings.csv"
run opening import "$T/openings.csv"
expect_status 1
expect_err_has "openings.csv:5: column \"company\": no member company with this key (value \"unbekannt-gmbh\")"
expect_err_has "openings.csv:6: column \"positions\":"
expect_err_has "(profile openings, UTF-8, delimiter ,): read 5, inserted 3, updated 0, unchanged 0, rejected 2"
check; [ "$(sql "SELECT count(*) FROM opening")" = 5 ] || fail "not five openings"
check; [ "$(sql "SELECT title || '|' || district_ags || '|' || plz FROM opening WHERE reference='SP-2027-04'")" = "Altenpflegehelfer (m/w/d), Teilzeit|15002|06108" ] || fail "import values"
check; [ "$(sql "SELECT licence || '|' || needs_recognition || '|' || start_date FROM opening WHERE reference='AL-2027-07'")" = "CE|0|2027-02-01" ] || fail "licence/flag/date"

case_ "opening import again: unchanged; a changed row updates"
run opening import "$T/openings.csv"
expect_err_has "read 5, inserted 0, updated 0, unchanged 3, rejected 2"
sed 's/^elbe-kliniken,EK-2027-01,Pflegefachkraft (m\/w\/d),81302,B2,39576,Stendal,3,/elbe-kliniken,EK-2027-01,Pflegefachkraft (m\/w\/d),81302,B2,39576,Stendal,4,/' "$T/openings.csv" >"$T/openings2.csv"
run opening import "$T/openings2.csv"
expect_err_has "read 5, inserted 0, updated 1, unchanged 2, rejected 2"
check; [ "$(sql "SELECT positions FROM opening WHERE reference='EK-2027-01'")" = 4 ] || fail "not updated"
check; sql "SELECT details FROM audit_log WHERE entity='opening' AND action='import-update'" | grep -q 'fields=positions$' || fail "import-update audit: $(sql "SELECT details FROM audit_log WHERE action='import-update'")"

case_ "the export of all openings imports back unchanged (--profile openings)"
run opening list --all --format csv
cp "$T/out" "$T/export.csv"
run opening import "$T/export.csv" --profile openings
expect_status 0
expect_err_has "read 5, inserted 0, updated 0, unchanged 5, rejected 0"

case_ "opening import undo"
batch=$(sql "SELECT max(id) FROM import_batch WHERE inserted > 0 OR updated > 0")
run import undo "$batch"
expect_status 0
expect_err_has "deleted 0, restored 1"
check; [ "$(sql "SELECT positions FROM opening WHERE reference='EK-2027-01'")" = 3 ] || fail "not restored"

finish
