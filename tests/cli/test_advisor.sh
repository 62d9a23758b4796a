#!/bin/sh
# werkstatt advisor add|list|show|edit|remove|import|find|topics: the advisory map's register.
. "$(dirname "$0")/lib.sh"
run init

case_ "init loads the starter list and says so"
expect_status 0
expect_err_has "advisory services: 25 new"
expect_err_has "funding instruments: 9 new"
check; [ "$(sql "SELECT count(*) FROM advisor WHERE origin = 'catalogue'")" = 25 ] || fail "starter list not loaded"

case_ "add, show and the audit row"
today=$(date +%F)
run advisor add --key sprachcafe --organisation "Verein Miteinander" --service "Sprachcafé im Betrieb" \
    --topic language --topic social-integration --plz 38855 --city Wernigerode --language de,ar \
    --contact-person "Eva Muster" --phone "03943 123456" --email eva@example.org --verified "$today"
expect_status 0
expect_err_has "added advisory service sprachcafe"
run advisor show sprachcafe --format json
expect_status 0
check
python3 - "$T/out" <<'PY' || fail "show JSON is wrong"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["topics"] == "language, social-integration", d
assert d["serves"] == "Harz" and d["district"] == "Harz", d
assert d["languages"] == "de, ar" and d["origin"] == "local" and d["check"] is None, d
PY
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE entity='advisor' AND command LIKE '%Eva%'")" = 0 ] || fail "personal data in the audit log"

case_ "unknown topic: the known ones are named"
before=$(db_fingerprint)
run advisor add --key x --organisation O --service S --topic visa --plz 39104
expect_error 65 "topic 'visa' is unknown; the known topics are recognition, work-permit, language"
run advisor find --topic visa
expect_error 2 "the known topics are recognition, work-permit"
run advisor list --district Atlantis
expect_error 2 "district 'Atlantis' is unknown; the districts are Dessau-Roßlau"
run advisor find --plz 10115
expect_error 2 "PLZ 10115 is "
run advisor find --plz 12
expect_error 2 "not five digits"
run advisor show nosuch
expect_error 66 "no advisory service with key 'nosuch'"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a failed command changed the database"

case_ "find: services serving the place first, then by distance; unverified ones flagged"
run advisor find --topic work-permit --plz 38855 --format csv
expect_status 0
check; [ "$(sed -n 2p "$T/out" | cut -d, -f2)" = abh-harz ] || fail "Harz's office is not first: $(sed -n 2p "$T/out")"
check; [ "$(sed -n 3p "$T/out" | cut -d, -f2)" = iq-faire-integration ] || fail "the statewide service is not second"
check; [ "$(sed -n 4p "$T/out" | cut -d, -f2)" = abh-mansfeld-suedharz ] || fail "the nearest other office is not third"
expect_out_has "never verified"
expect_err_has "werkstatt: warning: 15 of these services were not verified in the last 365 days"
run advisor find --topic language --district harz --language ar --format csv
expect_status 0
check; [ "$(sed -n 2p "$T/out" | cut -d, -f2)" = sprachcafe ] || fail "language filter"
expect_err_empty

case_ "edit marks a catalogue entry as edited; catalogue update leaves it alone"
run advisor edit abh-harz --phone "03941 5970" --verified "$today" --street "Friedrich-Ebert-Straße 42"
expect_status 0
expect_err_has "changed advisory service abh-harz"
run advisor show abh-harz
expect_out_has "catalogue, edited here"
run catalogue update
expect_status 0
expect_err_has "kept as edited here: abh-harz"
check; [ "$(sql "SELECT phone FROM advisor WHERE key='abh-harz'")" = "03941 5970" ] || fail "the edit was overwritten"

case_ "remove asks without --yes; a removed catalogue entry stays removed"
run advisor remove abh-stendal
expect_error 2 "add --yes"
run advisor remove abh-stendal --yes
expect_status 0
run catalogue update
expect_err_has "not brought back (removed here): abh-stendal"
check; [ "$(sql "SELECT count(*) FROM advisor WHERE key='abh-stendal'")" = 0 ] || fail "removed entry is back"

case_ "import: missing columns, bad rows, then a good file"
printf 'key,organisation,service,plz\na,B,C,39104\n' >"$T/missing.csv"
run advisor import "$T/missing.csv"
expect_error 65 "column 'topics' is missing"
printf 'key,organisation,service,topics,plz\na,O,S,recognition,39104\nb,O,S,visa,39104\n' >"$T/bad.csv"
before=$(db_fingerprint)
run advisor import "$T/bad.csv"
expect_status 65
expect_err_has "bad.csv:3: topic 'visa' is unknown"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a bad import changed the database"
run advisor list --format csv
sed -n '1p' "$T/out" >"$T/export.csv"
grep '^sprachcafe,' "$T/out" | sed 's/Sprachcafé im Betrieb/Sprachcafé/' >>"$T/export.csv"
run advisor import "$T/export.csv"
expect_status 0
expect_err_has "read 1, inserted 0, updated 1, unchanged 0"
run advisor import "$T/nosuch.csv"
expect_error 66 "cannot read"

case_ "topics and list"
run advisor topics --format csv
expect_out_has "work-permit,Aufenthalt und Arbeitserlaubnis"
run advisor list --topic recognition --district Halle --format csv
expect_out_has "iq-anerkennung-sued"
expect_out_lacks "iq-anerkennung-nord"

case_ "a new PLZ moves an area that was just the service's own district; a named area stays"
run advisor add --key umzug --organisation O --service S --topic language --plz 38855 --city Wernigerode
run advisor edit umzug --plz 06108 --city "Halle (Saale)"
expect_status 0
check; [ "$(sql "SELECT districts FROM advisor WHERE key = 'umzug'")" = "15002" ] || fail "area did not move: $(sql "SELECT districts FROM advisor WHERE key = 'umzug'")"
run advisor add --key bleibt --organisation O --service S --topic language --plz 38855 --district Harz --district Börde
run advisor edit bleibt --plz 06108 --city "Halle (Saale)"
check; [ "$(sql "SELECT districts FROM advisor WHERE key = 'bleibt'")" = "15083,15085" ] || fail "named area changed: $(sql "SELECT districts FROM advisor WHERE key = 'bleibt'")"

finish
