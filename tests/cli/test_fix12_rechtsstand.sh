#!/bin/sh
# Issue 12 ("Rechtsstand 2026") through the real binary: a German vocational qualification needs
# no recognition, B1.1 counts as A2, the KldB level has a direction, and a driving licence class
# counts as held by § 6 Abs. 3 FeV (T includes AM; CE needs C, it does not include it).
. "$(dirname "$0")/lib.sh"
DAY="--date 2026-12-01"

run init
run company add --key pflege --name "Saale-Pflege gGmbH" --plz 06108 --city "Halle (Saale)"
run opening add --company pflege --title "Pflegefachkraft (m/w/d)" --kldb 81302 --german B1 \
    --plz 06108 --city "Halle (Saale)" --start 2027-02-01 --latest-start 2027-06-30 --needs-recognition
expect_status 0
run opening add --company pflege --title "Pflegeexperte (m/w/d)" --kldb 81304 --plz 06108 \
    --city "Halle (Saale)" --start 2027-02-01 --latest-start 2027-06-30
expect_status 0
run opening add --company pflege --title "Fahrdienst (m/w/d)" --kldb 81301 --plz 06108 \
    --city "Halle (Saale)" --start 2027-02-01 --latest-start 2027-06-30 --licence AM
expect_status 0
cat >"$T/ba.csv" <<'CSV'
Referenznummer;Geschlecht;Vorname;Nachname;Geburtsdatum;Staatsangehörigkeit;PLZ;Ort;Zielberuf (KldB);Zielberuf;Deutschkenntnisse;Weitere Sprachen;Aufenthaltsstatus;Anerkennung;Führerschein;Verfügbar ab;Umkreis km;Einwilligung bis;E-Mail;Telefon;Bemerkung
DE-1;w;Anna;Schulz;01.02.1990;deutsch;06108;Halle;81302;Pflegefachfrau;Muttersprache;;EU-Bürger;deutscher Berufsabschluss;T;01.01.2027;30;31.12.2028;;;
KURS-1;m;Ali;Karimi;01.02.1990;afghanisch;06108;Halle;81302;Pflegefachmann;B1.1;;Niederlassungserlaubnis;voll;B, CE;01.01.2027;30;31.12.2028;;;
HELFER-1;w;Mira;Haddad;01.02.1990;syrisch;06108;Halle;81301;Pflegehelferin;B2;;Niederlassungserlaubnis;nicht beantragt;keiner;01.01.2027;30;31.12.2028;;;
CSV
run candidate import "$T/ba.csv" --profile ba --source jc
expect_status 0

case_ "import: 'deutscher Berufsabschluss' is german-qualification, B1.1 is kept as written"
check; [ "$(sql "SELECT recognition FROM candidate WHERE reference = 'DE-1'")" = german-qualification ] ||
    fail "recognition of DE-1 is $(sql "SELECT recognition FROM candidate WHERE reference = 'DE-1'")"
check; [ "$(sql "SELECT german FROM candidate WHERE reference = 'KURS-1'")" = B1.1 ] ||
    fail "German of KURS-1 is $(sql "SELECT german FROM candidate WHERE reference = 'KURS-1'")"

case_ "a German qualification is not excluded from a regulated opening"
run match --opening 1 --explain $DAY
expect_status 0
expect_out_has "candidate DE-1 (jc, id 1)"
expect_out_has "recognition 5 of 5: recognition: German vocational qualification (german-qualification)"
run --set ui.lang=de match --opening 1 --explain $DAY
expect_status 0
expect_out_has "Anerkennung 5 von 5: Anerkennung: deutscher Berufsabschluss (german-qualification)"
run match --opening 1 --explain $DAY

case_ "B1.1 is a course level, counted as A2"
expect_out_has "german 16.667 of 25: German B1.1: course level, counted as A2; opening asks B1: 1 level below"

case_ "candidate edit accepts german-qualification; a bad value is refused"
run candidate edit HELFER-1 --recognition german-qualification
expect_status 0
check; [ "$(sql "SELECT recognition FROM candidate WHERE reference = 'HELFER-1'")" = german-qualification ] ||
    fail "edit did not store german-qualification"
run candidate edit HELFER-1 --recognition deutsch
expect_error 65 "unknown recognition status"

case_ "KldB: a Helfer against an Experte opening earns no occupation points and is flagged"
run match --opening 2 --explain $DAY
expect_status 0
expect_out_has "occupation 0 of 40: KldB 81301 for 81304: the same occupation (4 digits); helper (Helfer), opening asks expert (Experte): 3 levels below"
expect_out_has "note: the candidate's target level is below the opening's (helper (Helfer) for expert (Experte)): check the qualification before proposing"
expect_out_has "occupation 10 of 40: KldB 81302 for 81304: the same occupation (4 digits); skilled worker (Fachkraft), opening asks expert (Experte): 2 levels below"

case_ "driving licences: T includes AM; none and B with CE do not"
run match --opening 3 --explain $DAY
expect_status 0
expect_out_has "candidate DE-1 (jc, id 1)"
expect_out_has "candidate KURS-1 (jc, id 2)"
expect_out_has "licence-missing 1"

finish
