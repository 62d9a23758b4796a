#!/bin/sh
# werkstatt company add|list|show|edit|archive: the member register.
. "$(dirname "$0")/lib.sh"
run init

case_ "add in the form scripts use"
run company add --key mueller --name "Müller Metallbau GmbH" --plz 39104 --industry Metallbau --can-host --capacity 40 --member-since 2021-03-01
expect_status 0
expect_err_has "added company mueller (id 1)"
expect_out_empty

case_ "show prints every field and the derived district"
run company show mueller
expect_status 0
expect_out <<'OUT'
id            1
key           mueller
name          Müller Metallbau GmbH
industry      Metallbau
street
plz           39104
city
district      Magdeburg
district_ags  15003
can_host      yes
capacity      40
member_since  2021-03-01
active        yes
notes
size
left_on

contacts:
(none)
OUT

case_ "a PLZ spanning two districts: the place decides, else a warning"
run company add --key hettstedt --name "Kupfer AG" --plz 06333 --city Endorf
expect_status 0
expect_err_lacks "warning"
check; [ "$(sql "SELECT district_ags FROM company WHERE key='hettstedt'")" = 15085 ] || fail "Endorf is in Harz"
run company add --key kupfer2 --name "Kupfer Zwei" --plz 06333
expect_status 0
expect_err_has "warning: PLZ 06333 spans Harz and Mansfeld-Südharz; chose Mansfeld-Südharz"

case_ "an explicit district wins"
run company add --key grenz --name "Grenz GmbH" --plz 06120 --district saalekreis
expect_status 0
check; [ "$(sql "SELECT district_ags FROM company WHERE key='grenz'")" = 15088 ] || fail "district flag ignored"

case_ "a PLZ outside Sachsen-Anhalt is accepted with a warning"
run company add --key berlin --name "Berliner Bau" --plz 10115
expect_status 0
expect_err_has "warning: PLZ 10115 is not in Sachsen-Anhalt"
check; [ "$(sql "SELECT district_ags IS NULL FROM company WHERE key='berlin'")" = 1 ] || fail "district set"

case_ "... or refused when the config says reject"
run --set companies.outside_plz=reject company add --key berlin2 --name "Berliner Bau" --plz 10115
expect_error 65 "not in Sachsen-Anhalt"

case_ "list as a table, ordered by key"
run company list
expect_status 0
expect_out <<'OUT'
ID  KEY        NAME                   INDUSTRY   PLZ    CITY    DISTRICT          CAN HOST  CAPACITY  SIZE
 5  berlin     Berliner Bau                      10115                            no
 4  grenz      Grenz GmbH                        06120          Saalekreis        no
 2  hettstedt  Kupfer AG                         06333  Endorf  Harz              no
 3  kupfer2    Kupfer Zwei                       06333          Mansfeld-Südharz  no
 1  mueller    Müller Metallbau GmbH  Metallbau  39104          Magdeburg         yes             40
OUT

case_ "list filters: hosts, district by name or key"
run company list --hosts --format csv
expect_status 0
expect_out_has "mueller"
expect_out_lacks "berlin"
run company list --district harz --format csv
expect_out_has "hettstedt"
expect_out_lacks "kupfer2"
run company list --district 15087 --format csv
expect_out_has "kupfer2"
run company list --district Atlantis
expect_error 2 "district 'Atlantis' is unknown"

case_ "list as JSON: an array of records with id and documented fields"
run company list --format json
expect_status 0
check
python3 - "$T/out" <<'PY2' || fail "JSON is not the documented document"
import json, sys
rows = json.load(open(sys.argv[1]))
assert isinstance(rows, list) and len(rows) == 5, rows
m = [r for r in rows if r["key"] == "mueller"][0]
assert m == {"id": 1, "key": "mueller", "name": "Müller Metallbau GmbH", "industry": "Metallbau",
             "street": "", "plz": "39104", "city": "", "district": "Magdeburg",
             "district_ags": "15003", "can_host": True, "capacity": 40,
             "member_since": "2021-03-01", "active": True, "notes": "", "size": None,
             "left_on": None}, m
b = [r for r in rows if r["key"] == "berlin"][0]
assert b["district"] is None and b["capacity"] is None
PY2

case_ "WERKSTATT_FORMAT and output.format choose the default format"
WERKSTATT_FORMAT=csv run company list
expect_out_has "id,key,name,industry,street,plz"
run --set output.format=json company show mueller
expect_out_has '"key": "mueller"'

case_ "edit changes only what is given and re-derives the district"
run company edit mueller --plz 06108 --city "Halle (Saale)" --street "Große Ulrichstraße 1"
expect_status 0
expect_err_has "changed company mueller"
check; [ "$(sql "SELECT district_ags || '|' || name || '|' || capacity FROM company WHERE key='mueller'")" = "15002|Müller Metallbau GmbH|40" ] || fail "edit went wrong"
run company edit mueller --no-can-host
check; [ "$(sql "SELECT can_host FROM company WHERE key='mueller'")" = 0 ] || fail "--no-can-host ignored"
run company edit mueller --plz 06108
expect_status 0
expect_err_has "nothing to change"

case_ "edit leaves the hosting flag alone unless given"
run company add --key gastgeber --name "Gast GmbH" --plz 39104 --can-host --capacity 30
run company edit gastgeber --street "Hauptstraße 1"
expect_status 0
check; [ "$(sql "SELECT can_host FROM company WHERE key='gastgeber'")" = 1 ] || fail "edit switched hosting off"
check; [ "$(sql "SELECT details FROM audit_log ORDER BY id DESC LIMIT 1")" = "fields=street" ] || fail "audit names more than the street"
run company edit gastgeber --can-host --no-can-host
expect_error 2 "excludes"

case_ "edit --new-key renames; a taken key is a conflict"
run company edit kupfer2 --new-key kupfer-zwei
expect_status 0
before=$(db_fingerprint)
run company edit kupfer-zwei --new-key mueller
expect_error 69 "company key 'mueller' is taken"
check; [ "$before" = "$(db_fingerprint)" ] || fail "failed edit changed the database"

case_ "archive hides a company from the default list; --undo brings it back"
run company archive berlin
expect_status 0
expect_err_has "archived company berlin"
run company list --format csv
expect_out_lacks "berlin"
run company list --all --format csv
expect_out_has "berlin"
run company archive berlin
expect_status 0
expect_err_has "archived already"
run company archive berlin --undo
expect_err_has "restored company berlin"
run company list --format csv
expect_out_has "berlin"

case_ "--dry-run says what it would do and writes nothing"
before=$(db_fingerprint)
run company add --key neu --name "Neu GmbH" --plz 39104 --dry-run
expect_status 0
expect_err_has "would add company neu"
run company edit mueller --name "Anders" --dry-run
expect_err_has "would change company mueller"
run company archive mueller --dry-run
expect_err_has "would archive company mueller"
check; [ "$before" = "$(db_fingerprint)" ] || fail "dry run changed the database"

case_ "bad input: clear errors, documented statuses, nothing written"
before=$(db_fingerprint)
run company add --key mueller --name "Doppelt" --plz 39104
expect_error 69 "company key 'mueller' is taken"
run company add --key "Bad Key" --name X --plz 39104
expect_error 65 "key 'Bad Key' is not valid"
run company add --key x --name X --plz 3910
expect_error 65 "PLZ '3910' is not five digits"
run company add --key x --name X --plz 3910a
expect_error 65 "PLZ '3910a'"
run company add --key x --name "  " --plz 39104
expect_error 65 "name is empty"
run company add --key x --name X --plz 39104 --member-since 2027-02-30
expect_error 65 "member-since '2027-02-30' is not a day that exists"
run company add --key x --name X --plz 39104 --capacity -5
expect_error 65 "capacity -5 is out of range"
run company add --key x --name "$(printf 'A\001B')" --plz 39104
expect_error 65 "control character"
run company add --key x --name "$(printf 'M\374ller')" --plz 39104
expect_error 65 "not valid UTF-8"
run company show nobody
expect_error 66 "no company with key 'nobody'"
run company edit nobody --name X
expect_error 66 "no company with key 'nobody'"
run company archive nobody
expect_error 66 "no company with key 'nobody'"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a failed command changed the database"

case_ "can host without capacity warns"
run company add --key saal --name "Saal GmbH" --plz 39104 --can-host
expect_status 0
expect_err_has "can host but has no capacity"

case_ "quiet mode says nothing on success"
run -q company add --key still --name "Still GmbH" --plz 39104
expect_status 0
expect_err_empty
expect_out_empty

finish
