#!/bin/sh
# #14, consent with a purpose: `candidate consent` records a consent per scope (matching,
# sharing, reporting) or its withdrawal; matching uses only candidates with a matching consent
# valid on its day and says how many it left out; the ESF+ report counts disability and minority
# only with a reporting consent; the agency file's consent columns and their undo; the errors.
. "$(dirname "$0")/lib.sh"
DAY="--date 2026-12-01"
run init
match_pool
# Print the consents of candidate REF as "scope given until withdrawn source" lines.
consents() {
    sql "SELECT scope || ' ' || ifnull(given_on, '-') || ' ' || ifnull(valid_until, '-') || ' ' || ifnull(withdrawn_on, '-') || ' ' || consent.source FROM consent JOIN candidate ON candidate.id = candidate_id WHERE reference = '$1' ORDER BY scope"
}
audits() { sql "SELECT count(*) FROM audit_log WHERE action LIKE 'consent%'"; }

case_ "the agency's Einwilligung bis became the matching and sharing consent"
check; [ "$(consents CP-A)" = "matching - 2028-12-31 - agency-file
sharing - 2028-12-31 - agency-file" ] || fail "CP-A: $(consents CP-A)"

case_ "a consent by hand: one transaction, one audit row, the scopes named, not the days"
run candidate consent CP-A --scope Berichte --given-on 02.11.2026 --consent-source form
expect_status 0
expect_err_has "recorded for candidate 1: reporting given 2026-11-02 until withdrawn"
check; [ "$(consents CP-A | grep reporting)" = "reporting 2026-11-02 - - form" ] || fail "$(consents CP-A)"
check; [ "$(audits)" = 1 ] || fail "audit rows: $(audits)"
run audit list --entity candidate --limit 1 --format csv
expect_out_has "scopes=reporting source=form"
expect_out_lacks "2026-11-02"

case_ "--dry-run says what it would do and writes nothing"
before=$(db_fingerprint)
run candidate consent CP-B --scope sharing --withdraw --dry-run
expect_status 0
expect_err_has "would record for candidate 2: sharing until 2028-12-31 withdrawn"
check; [ "$before" = "$(db_fingerprint)" ] || fail "the dry run wrote"

case_ "errors: unknown scope and a consent ending before it was given (65), unknown candidate (66)"
before=$(db_fingerprint)
run candidate consent CP-A --scope matching,werbung --until 2027-12-31
expect_error 65 "unknown consent scope 'werbung'"
run candidate consent CP-A --scope matching --given-on 2027-01-10 --until 2027-01-09
expect_error 65 "would end on 2027-01-09, before it was given on 2027-01-10"
run candidate consent CP-A --scope matching --until 31.02.2027
expect_error 65 "--until '31.02.2027'"
run candidate consent CP-Z --scope matching --until 2027-12-31
expect_error 66 "no candidate with id or reference 'CP-Z'"
run candidate consent CP-A --scope matching
expect_error 2 "--given-on DAY or --until DAY"
run candidate consent CP-A --scope matching --withdraw --until 2027-12-31
expect_error 2 "--withdraw takes no --given-on or --until"
run candidate consent CP-A --scope reporting --withdraw --on 2026-11-01
expect_error 65 "cannot come before it"
run candidate consent CP-A --until 2027-12-31
expect_status 2
run candidate edit CP-A --consent-until 2027-12-31
expect_error 2 "candidate consent CP-A --scope matching,sharing --until DAY"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused command wrote"

case_ "show has the consents with stable keys, valid or not today"
run candidate show CP-A --format json
expect_status 0
check
python3 - "$T/out" <<'PY' || fail "show JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["consent_matching_valid_until"] == "2028-12-31", d
assert d["consent_matching_source"] == "agency-file", d
assert d["consent_reporting_given_on"] == "2026-11-02", d
assert d["consent_reporting_source"] == "form", d
assert d["consent_sharing_withdrawn_on"] is None, d
assert d["consent_until"] == "2028-12-31", d
assert "sensitive_consent" not in d, d
PY
run candidate list --format csv
expect_out_has "radius_km,consent_until,"

case_ "matching: a withdrawal from a later day leaves the day before alone"
run candidate consent CP-A --scope matching --withdraw --on 2026-12-05
expect_status 0
run match --opening 1 $DAY --format csv
expect_status 0
expect_out_has "CP-A"
expect_err_has "1 candidate left out: no matching consent valid on 2026-12-01 (no-consent 0, consent-expired 1)"

case_ "matching: a withdrawn matching consent drops the person from the ranking, the pairs and --assign"
run match --opening 1 --date 2026-12-05 --format csv
expect_status 0
expect_out_lacks "CP-A"
expect_out_has "CP-B"
expect_err_has "excluded by hard rules: not-allowed-to-work 1, consent-expired 2, too-far 1"
expect_err_has "2 candidates left out: no matching consent valid on 2026-12-05 (no-consent 0, consent-expired 2)"
run match --scores --date 2026-12-05 --format csv
expect_status 0
expect_out_lacks "CP-A"
expect_err_has "2 candidates left out"
run match --assign --date 2026-12-05 --format csv
expect_status 0
expect_out_lacks "CP-A"
expect_err_has "2 candidates left out"
run match --candidate CP-A --date 2026-12-05 --explain
expect_status 0
expect_out_lacks "score"
run match --candidate CP-A --date 2026-12-05 --format csv
expect_err_has "0 shown; excluded by hard rules: consent-expired 3"
# The same day with a new consent: back in.
run candidate consent CP-A --scope matching --given-on 2026-12-05
expect_status 0
run match --opening 1 --date 2026-12-05 --format csv
expect_out_has "CP-A"

case_ "matching: a candidate without any matching consent is left out as no-consent"
run candidate consent CP-B --scope sharing --withdraw --on 2026-11-20
sql "DELETE FROM consent WHERE scope = 'matching' AND candidate_id = 2"
run match --opening 1 $DAY --format csv
expect_status 0
expect_out_lacks "CP-B"
expect_err_has "no-consent 1"
run match --assign $DAY --commit
expect_status 0
# CP-A's new consent holds from 2026-12-05 only.
expect_err_has "3 candidates left out: no matching consent valid on 2026-12-01 (no-consent 1, consent-expired 2)"
check; [ "$(sql "SELECT count(*) FROM placement WHERE candidate_id = 2")" = 0 ] || fail "CP-B proposed"

case_ "the agency file's consent columns: scopes in German or English, given on, until"
H="Referenznummer;Geschlecht;Vorname;Nachname;Geburtsdatum;Staatsangehörigkeit;PLZ;Ort;Zielberuf (KldB);Zielberuf;Deutschkenntnisse;Weitere Sprachen;Aufenthaltsstatus;Anerkennung;Führerschein;Verfügbar ab;Umkreis km;Einwilligung bis;E-Mail;Telefon;Bemerkung;Einwilligung am;Einwilligung Zwecke"
row() { printf '%s;w;Nora;Test;01.01.1990;syrisch;39104;Magdeburg;52122;Fahrerin;B1;;EU-Bürger;;B;;30;%s;;;;%s;%s\n' "$1" "$2" "$3" "$4"; }
{ echo "$H"; row K-1 31.12.2027 01.11.2026 "Vermittlung, Berichte"; row K-2 "" "" ""; row K-3 31.12.2027 "" ""; } >"$T/k1.csv"
run candidate import "$T/k1.csv" --profile ba --source jc-k
expect_status 0
check; [ "$(consents K-1)" = "matching 2026-11-01 2027-12-31 - agency-file
reporting 2026-11-01 2027-12-31 - agency-file" ] || fail "K-1: $(consents K-1)"
check; [ -z "$(consents K-2)" ] || fail "K-2 said nothing but has $(consents K-2)"
check; [ "$(consents K-3)" = "matching - 2027-12-31 - agency-file
sharing - 2027-12-31 - agency-file" ] || fail "K-3: $(consents K-3)"
check; [ "$(sql "SELECT DISTINCT consent.batch_id FROM consent JOIN candidate ON candidate.id = candidate_id WHERE candidate.source = 'jc-k'")" = "$(sql "SELECT max(id) FROM import_batch")" ] || fail "the consents do not carry the batch"

case_ "bad consent cells reject the row, naming the column"
{ echo "$H"; row K-4 31.12.2027 "" "Werbung"; row K-5 01.01.2027 02.01.2027 ""; row K-6 30.02.2027 "" ""; } >"$T/bad.csv"
before=$(db_fingerprint)
run candidate import "$T/bad.csv" --profile ba --source jc-k
expect_status 65
expect_err_has "column \"Einwilligung Zwecke\": unknown consent scope 'Werbung'"
expect_err_has "the consent ends on 2027-01-01, before it was given on 2027-01-02"
expect_err_has "column \"Einwilligung bis\": not a day that exists"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused import wrote"

case_ "a re-import changes consents, a row that says nothing leaves them alone, undo restores them exactly"
run candidate consent K-3 --scope sharing --withdraw --on 2026-11-30
expect_status 0
saved=$(sql "SELECT * FROM consent ORDER BY candidate_id, scope")
{ echo "$H"; row K-1 31.12.2028 "" ""; row K-2 30.06.2027 15.11.2026 "matching"; row K-3 31.12.2028 "" ""; } >"$T/k2.csv"
run candidate import "$T/k2.csv" --profile ba --source jc-k
expect_status 0
expect_err_has "updated 3, unchanged 0"
expect_err_has "reference \"K-3\" withdrew the sharing consent"
check; [ "$(consents K-1)" = "matching 2026-11-01 2028-12-31 - agency-file
reporting 2026-11-01 2027-12-31 - agency-file
sharing - 2028-12-31 - agency-file" ] || fail "K-1 after re-import: $(consents K-1)"
check; [ "$(consents K-2)" = "matching 2026-11-15 2027-06-30 - agency-file" ] || fail "K-2: $(consents K-2)"
check; [ "$(consents K-3 | grep sharing)" = "sharing - 2027-12-31 2026-11-30 agency-file" ] || fail "the withdrawal was lifted: $(consents K-3)"
batch=$(sql "SELECT max(id) FROM import_batch")
run import undo "$batch"
expect_status 0
expect_err_has "restored 3"
check; [ "$(sql "SELECT * FROM consent ORDER BY candidate_id, scope")" = "$saved" ] || fail "undo did not restore the consents exactly"

case_ "undo refuses while a consent was changed after the batch, and changes nothing"
run candidate import "$T/k2.csv" --profile ba --source jc-k
expect_status 0
batch=$(sql "SELECT max(id) FROM import_batch")
run candidate consent K-2 --scope matching --until 2027-03-31
expect_status 0
before=$(db_fingerprint)
run import undo "$batch"
expect_error 69 "the matching consent of candidate"
check; [ "$before" = "$(db_fingerprint)" ] || fail "the refused undo wrote"

case_ "undo refuses too when a consent of a candidate the batch inserted was changed by hand"
{ echo "$H"; row K-9 31.12.2027 "" ""; } >"$T/k9.csv"
run candidate import "$T/k9.csv" --profile ba --source jc-k
expect_status 0
batch=$(sql "SELECT max(id) FROM import_batch")
run candidate consent K-9 --scope reporting --given-on 2026-11-20
expect_status 0
before=$(db_fingerprint)
run import undo "$batch"
expect_error 69 "the consent of candidate"
check; [ "$before" = "$(db_fingerprint)" ] || fail "the refused undo wrote"

case_ "ESF+: disability counts only with a reporting consent given and not withdrawn"
DB="$T/esf.db"
run init
ON="--set privacy.special_categories=true"
{ echo "$H"; for n in 1 2 3 4 5 6; do row "E-$n" 31.12.2027 "" ""; done; } >"$T/e.csv"
run candidate import "$T/e.csv" --profile ba --source esf
expect_status 0
for n in 1 2 3 4 5 6; do
    run candidate consent "E-$n" --scope reporting --given-on 2026-11-02
    # shellcheck disable=SC2086
    run $ON candidate edit "E-$n" --entry-date 2027-02-01 --disability yes
    expect_status 0
done
run candidate consent E-5 --scope reporting --withdraw
expect_status 0
expect_err_has "erased disability of candidate 5: the reporting consent is withdrawn"
check; [ "$(sql "SELECT ifnull(disability, 'NULL') FROM candidate WHERE reference = 'E-5'")" = NULL ] || fail "disability kept after the withdrawal"
run audit list --entity candidate --limit 1 --format csv
expect_out_has "erased=disability"
# A disability still stored beside a withdrawn consent (written before the erasure existed) is
# not counted either.
run candidate consent E-6 --scope reporting --withdraw
sql "UPDATE candidate SET disability = 'yes' WHERE reference = 'E-6'"
# shellcheck disable=SC2086
run $ON --set report.min_cell=1 report esf --period 2027Q1 --date 2027-04-02 --format json
expect_status 0
check
python3 - "$T/out" <<'PY' || fail "ESF disability counts"
import json, sys
d = json.load(open(sys.argv[1]))
t = [t for s in d["sections"] for t in s["tables"] if t["id"] == "esf_disability"][0]
rows = {r["category"]: r["total"] for r in t["rows"]}
assert rows["yes"] == 4 and rows["missing"] == 2 and rows["total"] == 6, rows
PY
run --set report.min_cell=1 report esf --period 2027Q1 --date 2027-04-02 --format md --lang en
expect_status 0
expect_out_has "privacy.special_categories is switched off"
finish
