#!/bin/sh
# Issue 11, item 5: a PLZ outside Sachsen-Anhalt is far or near, not unknown, and a missing fact
# (no German level, no PLZ, no KldB code) ranks below a known fact that meets the opening's need,
# with an explanation that says the fact is missing and where to record it.
. "$(dirname "$0")/lib.sh"
DAY="--date 2026-12-01"

run init
run company add --key elbe --name "Elbe Logistik GmbH" --plz 39104 --city Magdeburg
run company add --key saale --name "Saale Lager GmbH" --plz 06108 --city "Halle (Saale)"
run opening add --company elbe --title "Fahrer (m/w/d)" --kldb 52122 --german B1 --plz 39104 \
    --city Magdeburg --start 2027-02-01 --latest-start 2027-04-01
expect_status 0
run opening add --company saale --title "Lagerhelfer (m/w/d)" --kldb 51312 --plz 06108 \
    --city "Halle (Saale)" --start 2027-02-01 --latest-start 2027-04-01
expect_status 0
cat >"$T/people.csv" <<'CSV'
Referenznummer;Geschlecht;Vorname;Nachname;Geburtsdatum;Staatsangehörigkeit;PLZ;Ort;Zielberuf (KldB);Zielberuf;Deutschkenntnisse;Weitere Sprachen;Aufenthaltsstatus;Anerkennung;Führerschein;Verfügbar ab;Umkreis km;Einwilligung bis;E-Mail;Telefon;Bemerkung
BER;d;Kim;Muster;01.01.1990;;10115;Berlin;52122;Fahrer;B1;;EU-Bürger;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
LOCAL;d;Kim;Muster;01.01.1990;;39104;Magdeburg;52122;Fahrer;A2;;EU-Bürger;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
NO-GERMAN;d;Kim;Muster;01.01.1990;;39104;Magdeburg;52122;Fahrer;;;EU-Bürger;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
GERMAN-A1;d;Kim;Muster;01.01.1990;;39104;Magdeburg;52122;Fahrer;A1;;EU-Bürger;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
GERMAN-B1;d;Kim;Muster;01.01.1990;;39104;Magdeburg;52122;Fahrer;B1;;EU-Bürger;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
NO-PLZ;d;Kim;Muster;01.01.1990;;;;52122;Fahrer;B1;;EU-Bürger;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
NO-KLDB;d;Kim;Muster;01.01.1990;;39104;Magdeburg;;Fahrer;B1;;EU-Bürger;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
NOT-A-PLZ;d;Kim;Muster;01.01.1990;;99999;;52122;Fahrer;B1;;EU-Bürger;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
LEIPZIG;d;Kim;Muster;01.01.1990;;04109;Leipzig;51312;Fahrer;;;EU-Bürger;nicht erforderlich;B;01.01.2027;50;31.12.2028;;;
CSV
run candidate import "$T/people.csv" --profile ba --source test
expect_status 0

case_ "a Berlin PLZ is too far from a Magdeburg opening, not unknown"
run match --opening 1 --explain $DAY --format json
expect_status 0
cp "$T/out" "$T/ranking.json"
check; python3 - "$T/ranking.json" <<'PY' || fail "ranking of opening 1"
import json, sys
rows = json.load(open(sys.argv[1]))
names = [r["candidate"] for r in rows]
assert "BER" not in names, names
score = {r["candidate"]: r["score"] for r in rows}
# A local candidate with a known but lower German level outranks a missing level.
assert score["GERMAN-A1"] > score["NO-GERMAN"], score
assert score["LOCAL"] > score["NO-GERMAN"], score
# A known fact that meets the need ranks above each missing one.
for missing in ("NO-GERMAN", "NO-PLZ", "NO-KLDB", "NOT-A-PLZ"):
    assert score["GERMAN-B1"] > score[missing], (missing, score)
PY
expect_err_has "too-far 1"
run match --candidate BER $DAY --explain
expect_status 0
expect_out_has "too-far"

case_ "a missing fact is named with the command that records it"
run match --opening 1 --explain $DAY
expect_status 0
expect_out_has "german 0 of 25: German level not recorded, opening asks B1: missing, record it with: werkstatt candidate edit NO-GERMAN --german LEVEL"
expect_out_has "distance 0 of 15: candidate has no PLZ: distance missing, record it with: werkstatt candidate edit NO-PLZ --plz PLZ"
expect_out_has "occupation 0 of 40: candidate has no KldB code: missing, record it with: werkstatt candidate edit NO-KLDB --kldb CODE"
expect_out_has "distance 0 of 15: PLZ 99999 is not a German postal code: distance missing"
expect_out_lacks "neutral"

case_ "Leipzig is near Halle: a distance, within a 50 km radius"
run match --opening 2 $DAY --format csv
expect_status 0
check; python3 - "$T/out" <<'PY' || fail "Leipzig for Halle"
import csv, sys
rows = {r["candidate"]: r for r in csv.DictReader(open(sys.argv[1], newline=""))}
assert "LEIPZIG" in rows, rows
km = float(rows["LEIPZIG"]["distance_km"])
assert 30 < km < 40, km
PY

finish
