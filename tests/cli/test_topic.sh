#!/bin/sh
# werkstatt topic list: the seeded catalogue of the Werkstatt's themes.
. "$(dirname "$0")/lib.sh"
run init

case_ "the ten seeded topics in order"
run topic list --format csv
expect_status 0
expect_csv <<'OUT'
id,key,title
1,qualifizierung,Fachliche und aktuelle Inputs aus dem IQ Netzwerk zu Themen der Qualifizierung
2,foerderung,Beratung und Fördermöglichkeiten
3,arbeitsrecht,Arbeitsrechtliche Bedingungen für den Einstellungsprozess
4,sprache,Sprachaspekte und Sprachenförderung in Unternehmen
5,beratungslandkarte,"Beratungslandkarte, Ansprechpartnerinnen und Partner für Unternehmen"
6,bewerberboerse,Aufbau einer Bewerberinnen- und Bewerberbörse
7,best-practice,Vor-Ort-Besuche (Best Practice)
8,kamingespraech,„Kamingespräche“ mit der Politik
9,sensibilisierung,Wege der Sensibilisierung von Mitarbeitenden
10,soziale-integration,Gestaltung der sozialen Integration im Betrieb
OUT

case_ "as JSON, each record carries its id"
run topic list --format json
check
python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); assert len(t)==10 and all("id" in r for r in t) and t[1]["key"]=="foerderung"' "$T/out" || fail "bad JSON"

case_ "colour only when asked, never with NO_COLOR"
run --set output.color=always topic list
expect_out_has "$(printf '\033[1m')"
NO_COLOR=1 run topic list
expect_out_lacks "$(printf '\033[')"

finish
