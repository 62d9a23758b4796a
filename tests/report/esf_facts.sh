#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Build a small database of ESF+ facts for the report tests: 64 candidates (imported with the
# BA profile) and 6 member companies, spread so that many cells are small (non-binary and
# unrecorded gender, few long-term unemployed, few homeless, ...), with missing facts of every
# kind. Deterministic: the same run gives the same database.
#
# Usage: WERKSTATT=path/to/werkstatt esf_facts.sh DB
#
# The schema-6 facts (ISCED, entry and exit, unemployed since, country of birth, housing,
# disability, ...) are set with the sqlite3 shell, because `candidate edit` has no flags for
# them yet (the slice of issue #13 that adds them and `candidate exit` lands in parallel);
# switch to those flags when it has.
set -eu
: "${WERKSTATT:?set WERKSTATT to the werkstatt binary}"
DB=${1:?usage: esf_facts.sh DB}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/esf-facts-XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Run werkstatt quietly; on failure show what it said and stop.
w() { "$WERKSTATT" --db "$DB" "$@" >"$TMP/log" 2>&1 || { cat "$TMP/log" >&2; exit 1; }; }

w init
w company add --key elbe --name "Elbe Logistik GmbH" --plz 39104
w company add --key saale --name "Saale-Pflege gGmbH" --plz 06108
w company add --key harz --name "Harzer Metall AG" --plz 38855
w company add --key boerde --name "Börde Bau GmbH" --plz 39340
w company add --key anhalt --name "Anhalt Chemie SE" --plz 06844
w company add --key alt --name "Altmark Holz KG" --plz 29410

csv="$TMP/candidates.csv"
printf '%s\n' 'Referenznummer;Geschlecht;Vorname;Nachname;Geburtsdatum;Staatsangehörigkeit;PLZ;Ort;Zielberuf (KldB);Zielberuf;Deutschkenntnisse;Weitere Sprachen;Aufenthaltsstatus;Anerkennung;Führerschein;Verfügbar ab;Umkreis km;Einwilligung bis;E-Mail;Telefon;Bemerkung' >"$csv"
i=1
while [ "$i" -le 64 ]; do
    case $((i % 9)) in
    0 | 1 | 2 | 3) g=w ;;
    4 | 5 | 6 | 7) g=m ;;
    *) if [ $((i % 2)) -eq 0 ]; then g=d; else g=; fi ;;
    esac
    case $((i % 6)) in
    0) nat=syrisch ;; 1) nat=deutsch ;; 2) nat=ukrainisch ;; 3) nat=polnisch ;;
    4) nat=afghanisch ;; *) nat= ;;
    esac
    [ $((i % 31)) -eq 0 ] && nat=staatenlos
    printf 'ESF-%02d;%s;P%02d;Test;%02d.%02d.%04d;%s;39104;Magdeburg;;;;;unknown;;;;;;;;\n' \
        "$i" "$g" "$i" $((1 + i % 28)) $((1 + i % 12)) $((1955 + (i * 7) % 52)) "$nat" >>"$csv"
    i=$((i + 1))
done
w candidate import "$csv" --profile ba --source esf

# Entry: 52 candidates in 2027Q1 (ids 1..52), the others in 2026Q3; exits spread over both.
sqlite3 "$DB" <<'SQL'
BEGIN;
UPDATE candidate SET
  entry_date = CASE WHEN id <= 52 THEN printf('2027-%02d-%02d', 1 + id % 3, 1 + id % 27)
                    ELSE printf('2026-%02d-10', 7 + id % 3) END,
  birth_date = CASE WHEN id % 17 = 0 THEN NULL ELSE birth_date END,
  employment_at_entry = CASE WHEN id % 13 = 0 THEN NULL
                             WHEN id % 5 IN (0, 1) THEN 'unemployed'
                             WHEN id % 5 = 2 THEN 'long-term-unemployed'
                             WHEN id % 5 = 3 THEN 'inactive' ELSE 'employed' END,
  unemployed_since = CASE WHEN id % 5 = 0 THEN '2024-03-01'
                          WHEN id % 5 = 1 THEN '2026-11-01' ELSE NULL END,
  isced = CASE WHEN id % 11 = 0 THEN NULL ELSE id % 9 END,
  nationality_code = CASE id % 6 WHEN 0 THEN 'SY' WHEN 1 THEN 'DE' WHEN 2 THEN 'UA'
                     WHEN 3 THEN 'PL' WHEN 4 THEN 'AF' ELSE NULL END,
  second_nationality_code = CASE WHEN id % 12 = 0 THEN 'DE' WHEN id % 10 = 4 THEN 'IT'
                                 ELSE NULL END,
  country_of_birth = CASE WHEN id % 4 = 0 THEN NULL WHEN id % 6 = 1 THEN 'DE' ELSE 'SY' END,
  foreign_background = CASE WHEN id % 19 = 0 THEN 0 WHEN id % 23 = 0 THEN 1 ELSE NULL END,
  housing = CASE WHEN id % 16 = 0 THEN 'homeless' WHEN id % 21 = 0 THEN 'housing-exclusion'
                 WHEN id % 7 = 0 THEN NULL ELSE 'housed' END,
  disability = CASE WHEN id % 14 = 0 THEN 'yes' WHEN id % 9 = 0 THEN 'declined'
                    WHEN id % 3 = 0 THEN NULL ELSE 'no' END,
  minority = CASE WHEN id % 15 = 0 THEN 'yes' WHEN id % 9 = 0 THEN 'declined'
                  WHEN id % 4 = 0 THEN NULL ELSE 'no' END,
  sensitive_consent = CASE WHEN id % 9 = 0 OR id % 3 = 0 THEN NULL ELSE '2027-01-02' END,
  exit_date = CASE WHEN id <= 52 AND id % 3 = 0 THEN printf('2027-03-%02d', 1 + id % 28)
                   WHEN id > 52 THEN printf('2026-%02d-20', 7 + id % 3) ELSE NULL END,
  exit_situation = CASE WHEN id % 3 <> 0 AND id <= 52 THEN NULL
                        WHEN id % 8 = 0 THEN NULL
                        WHEN id % 5 = 0 THEN 'job-searching' WHEN id % 5 = 1 THEN 'education'
                        WHEN id % 5 = 2 THEN 'employed' WHEN id % 5 = 3 THEN 'self-employed'
                        ELSE 'qualification' END,
  status_6m = CASE WHEN id > 52 AND id % 4 <> 0 THEN
                   CASE id % 3 WHEN 0 THEN 'employed' WHEN 1 THEN 'job-searching' ELSE 'other' END
                   ELSE NULL END,
  status_6m_date = CASE WHEN id > 52 AND id % 4 <> 0 THEN '2027-02-20' ELSE NULL END;
UPDATE company SET size = CASE key WHEN 'elbe' THEN 'small' WHEN 'saale' THEN 'medium'
  WHEN 'harz' THEN 'large' WHEN 'boerde' THEN 'micro' WHEN 'anhalt' THEN 'large' ELSE NULL END,
  member_since = '2025-01-01';
COMMIT;
SQL
