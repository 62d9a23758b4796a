#!/bin/sh
# werkstatt candidate export: everything stored about one person (Art. 15 DSGVO) in one file,
# JSON for programs and an HTML letter in German for the person; mode 0600, one audit row.
. "$(dirname "$0")/lib.sh"
DAY="--date 2026-12-01"
run init
match_pool
run match --assign --commit $DAY
expect_status 0
run placement set CP-A 2 introduced --note "Gespräch am 12.1."
expect_status 0
# The agency file brought consents to matching and sharing; reporting was given on a form and
# withdrawn.
run candidate consent CP-A --scope reporting --given-on 2026-02-01 --consent-source form
expect_status 0
run candidate consent CP-A --scope reporting --withdraw --on 2026-11-01
expect_status 0
# a second import of the same file changes CP-A's plz, so that an old value is kept for undo
sed 's/^CP-A;w;Amal;Haddad;01.02.1990;syrisch;39104/CP-A;w;Amal;Haddad;01.02.1990;syrisch;39106/' \
    "$TESTDATA/match/candidates.csv" >"$T/second.csv"
run candidate import "$T/second.csv" --profile ba --source jc-md
expect_status 0
run candidate edit CP-A --last-name 'Haddad <b>&"x"' --notes "spricht auch Französisch"
expect_status 0
OUT="$T/export"
mkdir -p "$OUT"

# Check the JSON file $1 with the python expression $2 (d is the document); name the failure $3.
json_check() {
    check
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert ($2), d" "$1" \
        >/dev/null 2>"$T/py" || { fail "$3"; sed 's/^/  /' "$T/py" | tail -3; }
}

case_ "JSON: every section with the exact stored values"
run candidate export CP-A --output "$OUT/a.json"
expect_status 0
expect_out_empty
expect_err_has "wrote everything stored about candidate 1 to $OUT/a.json (mode 0600)"
J="$OUT/a.json"
json_check "$J" "d['schema_version'] == 1 and d['candidate_id'] == 1 and d['pseudonym'] == 'B-1'" "header keys"
json_check "$J" "d['controller'] == 'Betriebliche Werkstatt Arbeits-(Kultur-)Integration'" "controller"
# every column of the candidate table, with its stored value and type
cols=$(sql "SELECT group_concat(name, ',') FROM pragma_table_info('candidate')")
json_check "$J" "sorted(d['candidate']) == sorted('$cols'.split(','))" "candidate columns differ from the table's"
json_check "$J" "d['candidate']['last_name'] == 'Haddad <b>&\"x\"' and d['candidate']['first_name'] == 'Amal'" "name not exact"
json_check "$J" "d['candidate']['birth_date'] == '1990-02-01' and d['candidate']['nationality'] == 'syrisch' and d['candidate']['gender'] == 'female'" "reporting facts"
json_check "$J" "d['candidate']['radius_km'] == 30 and d['candidate']['disability'] is None and d['candidate']['notes'] == 'spricht auch Französisch'" "typed values"
json_check "$J" "d['candidate']['plz'] == '39106'" "the re-import's value"
json_check "$J" "[c['scope'] for c in d['consents']] == ['matching', 'reporting', 'sharing']" "consents"
sharing=$(sql "SELECT given_on, valid_until, withdrawn_on, source, batch_id, recorded_at FROM consent WHERE candidate_id = 1 AND scope = 'sharing'")
json_check "$J" "'|'.join('' if d['consents'][2][k] is None else str(d['consents'][2][k]) for k in ['given_on', 'valid_until', 'withdrawn_on', 'source', 'batch_id', 'recorded_at']) == '$sharing'" "sharing consent not exact"
json_check "$J" "d['consents'][2]['valid_until'] == '2028-12-31' and d['consents'][2]['source'] == 'agency-file' and d['consents'][2]['batch_id'] in (2, 3)" "the agency file's consent"
json_check "$J" "d['consents'][1]['withdrawn_on'] == '2026-11-01' and d['consents'][1]['given_on'] == '2026-02-01' and d['consents'][1]['source'] == 'form'" "withdrawn consent"
json_check "$J" "len(d['placements']) == 1 and d['placements'][0]['status'] == 'introduced' and d['placements'][0]['note'] == 'Gespräch am 12.1.'" "placement"
json_check "$J" "d['placements'][0]['company_key'] == 'spedition' and d['placements'][0]['company_name'] == 'Spedition Elbe GmbH' and d['placements'][0]['opening_id'] == 2 and d['placements'][0]['introduced_on']" "placement's opening and company"
json_check "$J" "len(d['match_pairs']) == 1 and d['match_pairs'][0]['run_id'] == 1 and d['match_pairs'][0]['run_day'] == '2026-12-01'" "match pair and its run's day"
reasons=$(sql "SELECT explanation FROM match_assignment WHERE candidate_id = 1" | head -1)
json_check "$J" "d['match_pairs'][0]['reasons'][0] == '''$reasons''' and d['match_pairs'][0]['score_milli'] == $(sql "SELECT score_milli FROM match_assignment WHERE candidate_id = 1")" "match reasons and score"
json_check "$J" "d['recipients'] == [{'company_key': 'spedition', 'company_name': 'Spedition Elbe GmbH', 'placement_id': d['placements'][0]['id']}]" "recipients"
json_check "$J" "any(a['entity'] == 'candidate' and a['action'] == 'edit' and a['entity_id'] == 1 for a in d['audit'])" "the edit's audit row"
json_check "$J" "any(a['entity'] == 'placement' and a['action'] == 'set' for a in d['audit'])" "the placement's audit row"
json_check "$J" "any(a['entity'] == 'import_batch' and a['action'] == 'import' and a['entity_id'] == 2 for a in d['audit'])" "the import's audit row"
json_check "$J" "any(a['entity'] == 'candidate' and a['action'] == 'import-update' for a in d['audit'])" "the re-import's audit row"
json_check "$J" "not any(a['entity'] == 'import_batch' and a['entity_id'] == 1 for a in d['audit'])" "the openings' import is not theirs"
json_check "$J" "not any(a['entity'] == 'company' for a in d['audit'])" "other entities' audit rows"
json_check "$J" "[b['id'] for b in d['imports']['batches']] == [2, 3] and d['imports']['batches'][0]['file_name'] == 'candidates.csv' and d['imports']['batches'][1]['file_name'] == 'second.csv' and d['imports']['batches'][0]['finished_at']" "import batches"
json_check "$J" "[c['batch_id'] for c in d['imports']['changes']] == [3] and '39104' in d['imports']['changes'][0]['before']" "import before-image"
json_check "$J" "d['written_files'] == [] and d['retention'] == {'grace_days': 30, 'retention_months': 24}" "no written file yet, and retention"
check; [ "$(stat -c %a "$J")" = 600 ] || fail "mode $(stat -c %a "$J"), expected 600"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'candidate' AND entity_id = 1 AND action = 'export' AND details = 'format=json'")" = 1 ] || fail "no audit row for the export"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE action = 'export' AND (details LIKE '%Haddad%' OR command LIKE '%Haddad%' OR command LIKE '%CP-A%')")" = 0 ] || fail "the audit row holds personal data"

case_ "the export is recorded as a file that holds the person: the next export and remove name it"
run privacy files --format csv
expect_status 0
expect_out_has "$OUT/a.json,export,"
run candidate export CP-A --output "$OUT/again.json"
expect_status 0
json_check "$OUT/again.json" "[f['path'] for f in d['written_files']] == ['$OUT/a.json'] and d['written_files'][0]['kind'] == 'export'" "the first export in the second"

case_ "another candidate's export holds only their own rows"
run candidate export 2 --output "$OUT/b.json"
expect_status 0
json_check "$OUT/b.json" "d['candidate']['reference'] == 'CP-B' and [c['scope'] for c in d['consents']] == ['matching', 'sharing'] and d['recipients'] == []" "candidate 2"
json_check "$OUT/b.json" "not any(a['entity'] == 'candidate' and a['entity_id'] == 1 for a in d['audit'])" "candidate 1's audit rows in candidate 2's export"

case_ "HTML: German by default, plain-language headings, everything escaped"
run candidate export CP-A --output "$OUT/a.html"
expect_status 0
H="$OUT/a.html"
for heading in "Auskunft über Ihre Daten" "Wer Ihre Daten verarbeitet" "Wozu Ihre Daten verarbeitet werden" \
    "Woher Ihre Daten stammen" "Wie lange Ihre Daten gespeichert werden" "Wer Ihre Daten erhalten hat" \
    "Ihre Rechte" "Ihre Daten" "Einwilligungen" "Vermittlungen" "Einträge im Änderungsprotokoll" \
    "Landesbeauftragte für den Datenschutz Sachsen-Anhalt" "Art. 17 DSGVO" "Spedition Elbe GmbH" \
    "Betriebliche Werkstatt Arbeits-(Kultur-)Integration" "30 Tage" "24 Monate" "01.02.1990" \
    "Haddad &lt;b&gt;&amp;&quot;x&quot;" "Gespräch am 12.1." "Sie haben diese Einwilligung am 01.11.2026 widerrufen."; do
    check; grep -qF -- "$heading" "$H" || fail "HTML lacks: $heading"
done
check; ! grep -qF 'Haddad <b>' "$H" || fail "the name is not escaped"
check; grep -qF '<html lang="de">' "$H" || fail "not German"
check; [ "$(stat -c %a "$H")" = 600 ] || fail "mode of the html"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE action = 'export' AND details = 'format=html'")" = 1 ] || fail "html export's audit row"

case_ "--lang en and the retention figures follow the configuration"
run --set privacy.grace_days=14 --set privacy.retention_months=36 candidate export CP-A --output "$OUT/en.html" --lang en
expect_status 0
for text in '<html lang="en">' "Who holds your data" "Your rights" "14 days" "36 months" "1990-02-01"; do
    check; grep -qF -- "$text" "$OUT/en.html" || fail "English HTML lacks: $text"
done
run candidate export CP-A --output "$OUT/x.htm" --format json
expect_status 0
json_check "$OUT/x.htm" "d['schema_version'] == 1" "--format beats the extension"

case_ "an existing file is replaced and becomes 0600"
printf 'old\n' >"$OUT/old.json"
chmod 644 "$OUT/old.json"
run candidate export CP-A --output "$OUT/old.json"
expect_status 0
json_check "$OUT/old.json" "d['candidate_id'] == 1" "not replaced"
check; [ "$(stat -c %a "$OUT/old.json")" = 600 ] || fail "the replaced file kept mode $(stat -c %a "$OUT/old.json")"

case_ "errors: unknown candidate, stdout, folder, bad format or language; nothing audited"
audits=$(sql "SELECT count(*) FROM audit_log")
run candidate export CP-NOPE --output "$OUT/n.json"
expect_error 66 "CP-NOPE"
check; [ ! -e "$OUT/n.json" ] || fail "a file was written for an unknown candidate"
run candidate export 99 --output "$OUT/n.json"
expect_error 66
run candidate export CP-A --output -
expect_error 2 "standard output or a device"
run candidate export CP-A --output "$OUT"
expect_error 73
# a link to standard output (as /dev/stdout is) is refused, not replaced
ln -s /proc/self/fd/1 "$T/stdout-link"
run candidate export CP-A --output "$T/stdout-link"
expect_error 2 "standard output or a device"
check; [ -L "$T/stdout-link" ] || fail "the link was replaced"
run candidate export CP-A --output "$T/no/such/folder/a.json"
expect_error 73
run candidate export CP-A --output "$OUT/f.json" --format pdf
expect_error 2 "--format 'pdf'"
run candidate export CP-A --output "$OUT/f.json" --lang fr
expect_error 2 "--lang 'fr'"
run candidate export CP-A
expect_status 2
check; [ "$(sql "SELECT count(*) FROM audit_log")" = "$audits" ] || fail "a failed export wrote an audit row"
check; [ "$(ls "$OUT" | grep -c -v -E '^(a|again|b|en|old)\.(json|html)$|^x\.htm$')" = 0 ] || fail "left files behind: $(ls "$OUT")"


case_ "candidate remove names the exports that still hold the person"
run candidate remove CP-A --yes
expect_status 0
expect_err_has "$OUT/a.json (export file, written"
expect_err_has "$OUT/again.json (export file, written"
finish
