#!/bin/sh
# One place, one distance: `advisor find --plz P --city C`, the hiring checklist of a candidate
# living at P C and `match --explain` for that candidate and an opening at the service's place
# give the same km, the great-circle distance between the two places of the shipped PLZ data.
. "$(dirname "$0")/lib.sh"
E="$SOURCE_DIR/examples"
DAY="--date 2027-01-01"
run init
run candidate import "$E/agency-ba.csv" --profile ba --source jc
# Candidate 3 (CP-000003-B) lives in 38855 Wernigerode, has a Gestattung (a work permit is needed)
# and looks for work as a cook (KldB 29302) within 25 km. The Ausländerbehörde Harz (abh-harz,
# from the starter list) is in 38820 Halberstadt; so is the kitchen below.
run company add --key harzkueche --name "Harzküche GmbH" --plz 38820 --city Halberstadt
cat >"$T/openings.csv" <<'CSV'
company,reference,title,kldb,german,plz,city,positions,start_date,latest_start,licence,max_distance_km,needs_recognition,notes,status
harzkueche,HK-1,Koch (m/w/d),29302,A2,38820,Halberstadt,1,2027-03-01,2027-06-30,,,false,,open
CSV
run opening import "$T/openings.csv" --profile openings
expect_status 0

# The distance by an independent route: haversine over the shipped coordinates.
expected=$(python3 - "$SOURCE_DIR/config/data/plz_sachsen_anhalt.csv" <<'PY'
import csv, math, sys
at = {(r["plz"], r["place"]): (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(open(sys.argv[1]))}
(a, b), (c, d) = at[("38855", "Wernigerode")], at[("38820", "Halberstadt")]
a, b, c, d = map(math.radians, (a, b, c, d))
h = math.sin((c - a) / 2) ** 2 + math.cos(a) * math.cos(c) * math.sin((d - b) / 2) ** 2
print(f"{2 * 6371.0 * math.asin(math.sqrt(h)):.1f}")
PY
)

case_ "the independent figure"
check; [ "$expected" = "19.9" ] || fail "Wernigerode to Halberstadt is $expected km by haversine"

case_ "advisor find --plz --city: from the candidate's own place"
run advisor find --topic work-permit --plz 38855 --city Wernigerode --format csv
expect_status 0
check; [ "$(sed -n 2p "$T/out" | cut -d, -f2)" = abh-harz ] || fail "Harz's office is not first"
find_km=$(python3 -c 'import csv,sys; print(next(r["distance_km"] for r in csv.DictReader(open(sys.argv[1])) if r["key"] == "abh-harz"))' "$T/out")
check; [ "$find_km" = "$expected" ] || fail "advisor find says $find_km km, expected $expected"

case_ "hiring checklist for the candidate living there"
run hiring checklist --candidate 3 --format json
expect_status 0
checklist_km=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(next(h["distance_km"] for s in d["steps"] for h in s["help"] if h["key"] == "abh-harz"))' "$T/out")
check; [ "$checklist_km" = "$expected" ] || fail "the checklist says $checklist_km km, expected $expected"
run hiring checklist --candidate 3
expect_out_has "Landkreis Harz – Ausländerbehörde (Halberstadt, 20 km)"

case_ "match --explain for the candidate and an opening at the service's place"
run match --candidate 3 --explain $DAY
expect_status 0
expect_out_has "opening 1 \"Koch (m/w/d)\" at harzkueche"
expect_out_has "lives $expected km away, willing to travel 25 km"
run match --scores $DAY --format csv
expect_status 0
expect_out_has "CP-000003-B,jc,3,1,harzkueche,"
check; [ "$(grep CP-000003-B "$T/out" | tr -d '\r' | cut -d, -f13)" = "$expected" ] || fail "match --scores gives another distance"

case_ "the city decides among a PLZ's places; without it, their middle"
run advisor find --topic work-permit --plz 38855 --format csv
expect_status 0
mean_km=$(python3 -c 'import csv,sys; print(next(r["distance_km"] for r in csv.DictReader(open(sys.argv[1])) if r["key"] == "abh-harz"))' "$T/out")
check; [ "$mean_km" != "$expected" ] || fail "without --city the middle of 38855's five places should lie elsewhere"
run advisor find --topic work-permit --plz 38855 --city "Wernigerode OT Minsleben" --format csv
expect_status 0
expect_out_has ",abh-harz,"
check; [ "$(python3 -c 'import csv,sys; print(next(r["distance_km"] for r in csv.DictReader(open(sys.argv[1])) if r["key"] == "abh-harz"))' "$T/out")" = "$expected" ] || fail "an Ortsteil after the place name should name Wernigerode"

case_ "--city needs --plz"
run advisor find --topic work-permit --city Wernigerode
expect_error 2 "--city says which place of a postal code is meant; give --plz too"
run advisor find --district harz --city Wernigerode
expect_error 2 "give --plz too"
finish
