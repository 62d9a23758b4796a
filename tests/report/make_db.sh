#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Build the fixed example database of the report tests at DBPATH, with werkstatt commands only:
# member companies across Sachsen-Anhalt's districts, contacts, advisory services, the events of
# 2026 and 2027 with registrations and attendance, about 60 candidates from an agency file,
# openings, two committed `match --assign` runs and placements moved along the path to hired.
#
#   WERKSTATT=build/werkstatt tests/report/make_db.sh build/report.db
#
# Every record's timestamps come from SOURCE_DATE_EPOCH, set per step to a fixed day, and every
# command that judges against today gets --date: the same script gives the same database on any
# day. Output of the commands goes to DBPATH.log; the script stops at the first failure.
set -eu
: "${WERKSTATT:?set WERKSTATT to the werkstatt binary}"
[ $# -eq 1 ] || { echo "usage: make_db.sh DBPATH" >&2; exit 2; }
DBPATH=$1
HERE=$(cd "$(dirname "$0")" && pwd)
DATA="$HERE/../data/report"
LOG="$DBPATH.log"
rm -f "$DBPATH" "$DBPATH-wal" "$DBPATH-shm"
: >"$LOG"

# Run werkstatt on the database with the fixture's configuration; stop with its log on failure.
w() {
    if ! "$WERKSTATT" --db "$DBPATH" --config "$DATA/config.toml" "$@" >>"$LOG" 2>&1 </dev/null; then
        echo "make_db.sh: failed: werkstatt $*" >&2
        tail -5 "$LOG" >&2
        exit 1
    fi
}

# Make the following commands write their records on DAY (YYYY-MM-DD), 09:00 UTC.
at() {
    SOURCE_DATE_EPOCH=$(date -u -d "$1 09:00:00" +%s)
    export SOURCE_DATE_EPOCH
    DAY=$1
}

# `placement set` takes --date once the placement step days are recorded from it.
if "$WERKSTATT" placement set --help 2>/dev/null | grep -q -- '--date'; then
    PLACEMENT_DATE=yes
else
    PLACEMENT_DATE=no
fi

# Move placement CANDIDATE OPENING to STATUS on the current day.
move() {
    if [ "$PLACEMENT_DATE" = yes ]; then
        w placement set "$1" "$2" "$3" --date "$DAY"
    else
        w placement set "$1" "$2" "$3"
    fi
}

# Print "candidate_id opening_id" of the placements with STATUS, by placement id, at most N.
pairs() {
    "$WERKSTATT" --db "$DBPATH" placement list --status "$1" --format csv </dev/null |
        tr -d '\r' | awk -F, 'NR > 1 { print $4, $5 }' | head -n "$2"
}

at 2026-06-01
w init
w company add --key elbe-logistik --name "Elbe Logistik GmbH" --plz 39104 --city Magdeburg \
    --can-host --capacity 40 --member-since 2024-03-01 --industry Logistik
w company add --key saale-pflege --name "Saale-Pflege gGmbH" --plz 06108 --city "Halle (Saale)" \
    --can-host --capacity 30 --member-since 2024-05-15 --industry Pflege
w company add --key harz-hotel --name "Harz Hotel & Gasthof KG" --plz 38855 --city Wernigerode \
    --can-host --capacity 60 --member-since 2025-01-10 --industry Gastgewerbe
w company add --key altmark-it --name "Altmark IT | Service GmbH" --plz 39576 --city Stendal \
    --member-since 2025-09-01 --industry IT
w company add --key burgen-garten --name "Burgenland Gartenbau" --plz 06618 \
    --city "Naumburg (Saale)" --can-host --capacity 20 --member-since 2026-02-01
w company add --key salz-chemie --name "Salzland Chemie AG" --plz 06406 --city "Bernburg (Saale)" \
    --member-since 2023-01-01 --industry Chemie
w company add --key anhalt-metall --name "Anhalt Metallbau GmbH" --plz 06844 \
    --city Dessau-Roßlau --can-host --capacity 25 --member-since 2027-02-01 --industry Metall
w company add --key saalekreis-bau --name "Saalekreis Bau GmbH" --plz 06217 --city Merseburg \
    --can-host --capacity 35 --member-since 2027-05-01 --industry Bau

# Contacts 1..12, in this order (the registrations below use their ids).
w contact add --company elbe-logistik --name "Anna Berger" --role Personalleitung
w contact add --company elbe-logistik --name "Tom Richter" --role Disposition
w contact add --company saale-pflege --name "Mira Hoffmann" --role Pflegedienstleitung
w contact add --company saale-pflege --name "Jens Vogel" --role Geschäftsführung
w contact add --company harz-hotel --name "Lena Schulz" --role Inhaberin
w contact add --company altmark-it --name "Omar Aziz" --role Teamleitung
w contact add --company burgen-garten --name "Petra Lang" --role Inhaberin
w contact add --company salz-chemie --name "Uwe Krause" --role Personal
w contact add --company anhalt-metall --name "Sven Otto" --role Geschäftsführung
w contact add --company anhalt-metall --name "Ines Wolf" --role Ausbildung
w contact add --company saalekreis-bau --name "Karl Brandt" --role Bauleitung
w contact add --company harz-hotel --name "Eva Frank" --role Küche

w advisor add --key fx-anerkennung --organisation "IQ Netzwerk Sachsen-Anhalt" \
    --service "Anerkennungsberatung" --topic recognition --statewide --plz 39104 \
    --city Magdeburg --verified 2026-09-01
w advisor add --key fx-abh-halle --organisation "Stadt Halle (Saale)" \
    --service "Ausländerbehörde, Arbeitsmarktzulassung" --topic work-permit --plz 06108 \
    --city "Halle (Saale)" --verified 2025-06-30
w advisor add --key fx-sprache-harz --organisation "VHS Harz" --service "Berufssprachkurse" \
    --topic language --plz 38855 --city Wernigerode

# Events 1..8.
at 2026-10-01
w event add --date 2026-11-12 --host elbe-logistik --title "Werkstatt 4/2026" \
    --topic qualifizierung --topic foerderung
w event add --date 2027-02-11 --host saale-pflege --title "Werkstatt 1/2027" \
    --topic sprache --topic arbeitsrecht
w event add --date 2027-03-18 --host harz-hotel --kind site-visit --title "Küche und Service" \
    --topic best-practice
w event add --date 2027-05-13 --host harz-hotel --title "Werkstatt 2/2027" \
    --topic foerderung --topic bewerberboerse
w event add --date 2027-06-24 --host anhalt-metall --kind fireside --title "Kamingespräch" \
    --topic kamingespraech
w event add --date 2027-08-12 --host anhalt-metall --title "Werkstatt 3/2027" \
    --topic sensibilisierung --topic soziale-integration
w event add --date 2027-11-11 --host elbe-logistik --title "Werkstatt 4/2027" \
    --topic beratungslandkarte --topic qualifizierung
w event add --date 2028-02-10 --host saale-pflege --title "Werkstatt 1/2028" \
    --topic sprache --topic foerderung

# Register CONTACT... for EVENT and record STATUS for each: attend EVENT STATUS CONTACT...
attend() {
    event=$1 status=$2
    shift 2
    for contact in "$@"; do
        w event register "$event" --contact "$contact"
        w event attend "$event" --contact "$contact" --status "$status"
    done
}

at 2026-11-13
attend 1 attended 1 3 5 8
attend 1 no-show 6
w event hold 1
at 2027-02-12
attend 2 attended 1 2 3 4 7 9
attend 2 excused 5
attend 2 no-show 8
w event hold 2
at 2027-03-19
attend 3 attended 1 5 12 9
w event hold 3
at 2027-05-14
attend 4 attended 3 5 6 9 10 11
attend 4 excused 7
w event hold 4
at 2027-06-01
w event cancel 5 --reason "Referent erkrankt"
at 2027-08-13
attend 6 attended 1 3 9 11
attend 6 no-show 2
w event hold 6
at 2027-09-01
w event register 7 --contact 1
w event register 7 --contact 3
w event register 7 --company burgen-garten

at 2026-11-20
w opening import "$DATA/openings_2026.csv"
at 2026-12-01
w candidate import "$DATA/candidates.csv" --profile report --source jc-md

at 2027-01-20
w match --assign --commit --date 2027-01-20
at 2027-02-01
pairs proposed 9 >"$DBPATH.pairs"
while read -r c o; do move "$c" "$o" introduced; done <"$DBPATH.pairs"
at 2027-02-15
head -n 7 "$DBPATH.pairs" | while read -r c o; do move "$c" "$o" interview; done
at 2027-03-01
head -n 4 "$DBPATH.pairs" | while read -r c o; do move "$c" "$o" hired; done
at 2027-03-05
sed -n 5p "$DBPATH.pairs" | while read -r c o; do move "$c" "$o" declined; done
at 2027-03-10
sed -n 8p "$DBPATH.pairs" | while read -r c o; do move "$c" "$o" withdrawn; done

at 2027-02-20
w opening import "$DATA/openings_2027.csv"
at 2027-05-03
w match --assign --commit --date 2027-05-03
at 2027-05-20
pairs proposed 8 >"$DBPATH.pairs"
while read -r c o; do move "$c" "$o" introduced; done <"$DBPATH.pairs"
at 2027-06-10
head -n 5 "$DBPATH.pairs" | while read -r c o; do move "$c" "$o" interview; done
at 2027-06-28
head -n 3 "$DBPATH.pairs" | while read -r c o; do move "$c" "$o" hired; done
at 2027-08-02
sed -n 4p "$DBPATH.pairs" | while read -r c o; do move "$c" "$o" hired; done
at 2027-08-15
w company archive salz-chemie
rm -f "$DBPATH.pairs"
