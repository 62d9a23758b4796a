#!/bin/sh
# #16, one person, two agencies: likely duplicates at import (a warning, the import goes on) and
# in `candidate duplicates` (birth date and name across transliterations, e-mail, phone);
# `candidate merge KEEP OTHER` moves placements and history and keeps OTHER's reference, so that
# a later import of it updates KEEP; `candidate unmerge` puts back exactly what was there; the
# before-images go with `candidate remove` and `privacy purge`. Bad input writes nothing.
. "$(dirname "$0")/lib.sh"
run init
run company add --key spedition --name "Spedition Elbe GmbH" --plz 39104 --city Magdeburg
run company add --key pflege --name "Saale-Pflege gGmbH" --plz 06108
run opening import "$TESTDATA/match/openings.csv"
expect_status 0

HEAD=$(head -1 "$TESTDATA/match/candidates.csv")
# Write a BA file $1 with the rows on standard input.
ba() { { echo "$HEAD"; cat; } >"$T/$1"; }
ba a.csv <<'EOF2'
A-1;m;Mohammad;Haddad;01.02.1990;syrisch;39104;Magdeburg;52122;Fahrer;B1;;Duldung;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
A-2;m;Emre;Öztürk;05.07.1985;türkisch;39104;Magdeburg;52122;Fahrer;B1;;Niederlassungserlaubnis;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
A-3;w;Lea;Schulz;12.12.1992;deutsch;39104;Magdeburg;52122;Fahrerin;C1;;EU-Bürger;nicht erforderlich;B;01.01.2027;30;31.12.2028;lea.schulz@example.org;;
A-4;d;Kim;Nguyen;03.03.1993;vietnamesisch;39104;Magdeburg;52122;Fahrer;B1;;Niederlassungserlaubnis;nicht erforderlich;B;01.01.2027;30;31.12.2028;;0391 555 0101;
A-5;m;Omar;Haddad;01.02.1990;syrisch;39104;Magdeburg;52122;Fahrer;B1;;Duldung;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
EOF2
ba b.csv <<'EOF2'
B-1;m;Muhammad;Haddad;01.02.1990;Syrien;06108;Halle (Saale);52122;Berufskraftfahrer;B1;;Duldung;nicht erforderlich;B;01.01.2027;30;31.12.2028;;+49 345 111 2222;
B-2;m;Emre;Oeztuerk;05.07.1985;Türkei;06108;Halle (Saale);52122;Fahrer;B1;;Niederlassungserlaubnis;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
B-3;w;Leonie;Weber;01.01.1980;deutsch;06108;Halle (Saale);52122;Fahrerin;C1;;EU-Bürger;nicht erforderlich;B;01.01.2027;30;31.12.2028;LEA.Schulz@Example.org;;
B-4;m;Karl;Berg;04.04.1974;deutsch;06108;Halle (Saale);52122;Fahrer;B1;;EU-Bürger;nicht erforderlich;B;01.01.2027;30;31.12.2028;;+49 391 5550101;
B-5;m;Muhammad;Haddad;09.09.1999;Syrien;06108;Halle (Saale);52122;Fahrer;B1;;Duldung;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;
EOF2

case_ "a first import has no one to compare with"
run candidate import "$T/a.csv" --profile ba --source jc-md
expect_status 0
expect_err_lacks "likely the same person"

case_ "an import warns of rows that are likely a person stored already, and goes on"
run candidate import "$T/b.csv" --profile ba --source ab-halle
expect_status 0
expect_err_has "b.csv:2: likely the same person as candidate 1 (birth date and name); the row is imported, see 'werkstatt candidate duplicates'"
expect_err_has "b.csv:3: likely the same person as candidate 2 (birth date and name)"
expect_err_has "b.csv:4: likely the same person as candidate 3 (e-mail)"
expect_err_has "b.csv:5: likely the same person as candidate 4 (phone)"
expect_err_lacks "b.csv:6:"
expect_err_lacks "Haddad"
expect_err_lacks "Schulz"
check; [ "$(sql "SELECT count(*) FROM candidate")" = 10 ] || fail "the import did not take every row"

case_ "two rows of one file that are likely one person"
ba c.csv <<'EOF2'
C-1;w;Olena;Kovalenko;17.08.1988;ukrainisch;39104;Magdeburg;52122;Fahrerin;B1;;§ 24 AufenthG;nicht erforderlich;B;01.01.2027;30;31.12.2028;olena@example.org;;
C-2;w;Olena;Kowalenko;17.08.1988;ukrainisch;39104;Magdeburg;52122;Fahrerin;B1;;§ 24 AufenthG;nicht erforderlich;B;01.01.2027;30;31.12.2028;olena@example.org;;
EOF2
run candidate import "$T/c.csv" --profile ba --source jc-md --dry-run
expect_status 0
expect_err_has "c.csv:3: likely the same person as the row on line 2 (birth date and name, e-mail)"

case_ "candidate duplicates lists the likely pairs with their evidence"
run candidate duplicates --format csv
expect_status 0
expect_out_has "id_a,source_a,reference_a,id_b,source_b,reference_b,strength,evidence"
expect_out_has "1,jc-md,A-1,6,ab-halle,B-1,2,birth date and name"
expect_out_has "2,jc-md,A-2,7,ab-halle,B-2,2,birth date and name"
expect_out_has "3,jc-md,A-3,8,ab-halle,B-3,2,e-mail"
expect_out_has "4,jc-md,A-4,9,ab-halle,B-4,1,phone"
check; [ "$(wc -l <"$T/out")" -eq 5 ] || fail "expected 4 pairs, no more (other birth date, other first name)"
expect_out_lacks ",10,"
expect_out_lacks "Haddad"
run candidate duplicates --format json
expect_status 0
expect_out_has '"evidence": "birth date and name"'

# The rows of candidates 1 and 6 everywhere a merge touches, to compare states exactly.
snap() {
    for t in candidate consent placement match_assignment card_share written_file_person candidate_reference import_change; do
        case $t in
        candidate) where="id IN (1, 6)" ;;
        import_change) where="record_id IN (1, 6)" ;;
        candidate_reference) where="1" ;;
        *) where="candidate_id IN (1, 6)" ;;
        esac
        sqlite3 "$DB" ".mode insert $t" "SELECT * FROM $t WHERE $where ORDER BY 1, 2"
    done
}

case_ "merge moves placements (the further advanced stays), consents KEEP lacks and history"
run placement set 1 1 proposed
expect_status 0
run placement set 6 1 interview
expect_status 0
run placement set 6 2 introduced
expect_status 0
run candidate consent 6 --scope reporting --given-on 2026-11-02
expect_status 0
run candidate exit 6 --date 2027-03-31 --situation employed
expect_status 0
sql "INSERT INTO written_file (path, kind, written_at, persons, mode) VALUES ('/tmp/x.json', 'export', '2026-12-01T00:00:00Z', 1, 384)"
sql "INSERT INTO written_file_person (file_id, candidate_id) VALUES (1, 6)"
sql "INSERT INTO card_share (candidate_id, company_id, opening_id, shared_at) VALUES (6, 1, 1, '2026-12-01T00:00:00Z')"
before=$(snap)
check; [ "$(echo "$before" | grep -c '^INSERT INTO')" -ge 12 ] || fail "the snapshot is too small: $before"
run candidate merge 1 6 --yes --dry-run
expect_status 0
expect_err_has "would merge candidate 6 into candidate 1"
check; [ "$before" = "$(snap)" ] || fail "a dry run wrote"
run candidate merge 1 6 --yes
expect_status 0
expect_err_has "opening 1: kept candidate 6's placement (interview, further), dropped candidate 1's (proposed)"
expect_err_has "merged candidate 6 into candidate 1 (filled: phone, exit_date, exit_situation, active)"
expect_err_has "merge 1; undo with 'werkstatt candidate unmerge 1'"
check; [ "$(sql "SELECT count(*) FROM candidate WHERE id = 6")" = 0 ] || fail "OTHER is still there"
check; [ "$(sql "SELECT group_concat(opening_id || ':' || status, ' ') FROM (SELECT * FROM placement WHERE candidate_id = 1 ORDER BY opening_id)")" = "1:interview 2:introduced" ] || fail "placements: $(sql "SELECT * FROM placement")"
check; [ "$(sql "SELECT group_concat(scope, ' ') FROM (SELECT scope FROM consent WHERE candidate_id = 1 ORDER BY scope)")" = "matching reporting sharing" ] || fail "consents not moved"
check; [ "$(sql "SELECT exit_date || ' ' || exit_situation || ' ' || phone FROM candidate WHERE id = 1")" = "2027-03-31 employed +49 345 111 2222" ] || fail "history not filled"
check; [ "$(sql "SELECT candidate_id FROM card_share")|$(sql "SELECT candidate_id FROM written_file_person")" = "1|1" ] || fail "card shares or written files not moved"
check; [ "$(sql "SELECT candidate_id || ' ' || source || ' ' || reference || ' ' || merge_id FROM candidate_reference")" = "1 ab-halle B-1 1" ] || fail "OTHER's reference not kept"
run audit list --entity candidate --limit 1 --format csv
expect_out_has 'merge,"merge=1 keep=1 other=6 filled=phone,exit_date,exit_situation,active"'
expect_out_lacks "A-1"
expect_out_lacks "B-1"
run candidate show B-1 --format csv
expect_status 0
expect_out_has "1,jc-md,A-1,"

case_ "undo restores exactly what was there, and only once"
run candidate unmerge 1
expect_status 0
expect_err_has "undid merge 1: candidate 6 is back, candidate 1 as before the merge"
echo "$before" >"$T/before.sql"
snap >"$T/after.sql"
check; cmp -s "$T/before.sql" "$T/after.sql" || { fail "unmerge did not restore exactly"; diff -u "$T/before.sql" "$T/after.sql" | head -20; }
check; [ "$(sql "SELECT keep_before IS NULL AND other_image IS NULL AND undone_at IS NOT NULL FROM candidate_merge WHERE id = 1")" = 1 ] || fail "the images of an undone merge are kept"
fp=$(db_fingerprint)
run candidate unmerge 1
expect_error 69 "merge 1 was undone already"
check; [ "$fp" = "$(db_fingerprint)" ] || fail "a refused unmerge wrote"

case_ "a later import of OTHER's reference updates KEEP, without a duplicate warning"
run candidate merge 1 6 --yes
expect_status 0
expect_err_has "merge 2;"
ba again.csv <<'EOF2'
B-1;m;Muhammad;Haddad;01.02.1990;Syrien;06108;Halle (Saale);52122;Berufskraftfahrer;B1;;Duldung;nicht erforderlich;B;01.01.2027;30;31.12.2028;;+49 345 111 2222;Nachtrag
EOF2
run candidate import "$T/again.csv" --profile ba --source ab-halle
expect_status 0
expect_err_has "inserted 0, updated 1"
expect_err_lacks "likely the same person"
check; [ "$(sql "SELECT notes || '|' || reference FROM candidate WHERE id = 1")" = "Nachtrag|A-1" ] || fail "KEEP not updated: $(sql "SELECT notes, reference FROM candidate WHERE id = 1")"
check; [ "$(sql "SELECT count(*) FROM candidate")" = 9 ] || fail "the import made a new record"

case_ "undo keeps later changes of KEEP that the merge did not fill"
run candidate unmerge 2
expect_status 0
expect_err_has "undid merge 2: candidate 6 is back, candidate 1 keeps its later changes (restored: phone, exit_date, exit_situation, active)"
check; [ "$(sql "SELECT notes || '|' || phone || '|' || active FROM candidate WHERE id = 1")" = "Nachtrag||1" ] || fail "KEEP after a partial undo: $(sql "SELECT notes, phone, active FROM candidate WHERE id = 1")"
check; [ "$(sql "SELECT reference || '|' || phone FROM candidate WHERE id = 6")" = "B-1|+49 345 111 2222" ] || fail "OTHER not back"
check; [ "$(sql "SELECT count(*) FROM candidate_reference")" = 0 ] || fail "the merged reference stayed"

case_ "undo refuses when KEEP's filled fields changed since, and says which"
run candidate merge 1 6 --yes
expect_status 0
expect_err_has "merge 3;"
run candidate edit 1 --phone "0391 999999"
expect_status 0
fp=$(db_fingerprint)
run candidate unmerge 3
expect_error 69 "candidate 1's phone changed after merge 3"
check; [ "$fp" = "$(db_fingerprint)" ] || fail "a refused unmerge wrote"
run candidate consent 1 --scope reporting --withdraw --on 2026-12-02
expect_status 0
fp=$(db_fingerprint)
run candidate unmerge 3
expect_error 69 "the reporting consent of candidate 1 changed after merge 3"
check; [ "$fp" = "$(db_fingerprint)" ] || fail "a refused unmerge wrote"

case_ "bad input: self-merge (2), unknown ids (66); nothing written"
fp=$(db_fingerprint)
run candidate merge 1 1 --yes
expect_error 2 "a record cannot be merged with itself"
run candidate merge A-1 B-1 --yes
expect_error 2 "both candidate 1"
run candidate merge 1 999 --yes
expect_error 66 "no candidate with id or reference '999'"
run candidate merge 999 1 --yes
expect_error 66 "'999'"
run candidate unmerge 99
expect_error 66 "no merge 99"
run candidate merge 2 7
expect_status 2
check; [ "$fp" = "$(db_fingerprint)" ] || fail "a refused merge wrote"

case_ "the person's export names the merged references"
run candidate export 1 --output "$T/export.json"
expect_status 0
check; python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r=d['merged_references']; sys.exit(0 if r[0]['source']=='ab-halle' and r[0]['reference']=='B-1' and r[0]['merge_id']==3 else 1)" "$T/export.json" || fail "merged references missing from the export"

case_ "privacy purge erases merge images older than privacy.claim_months; undo then refuses"
run candidate merge A-2 B-2 --yes
expect_status 0
sql "UPDATE candidate_merge SET merged_at = '2020-01-01T00:00:00Z' WHERE id = 4"
run privacy purge
expect_status 0
expect_out_has "merge before-images"
check; [ "$(sql "SELECT images_purged_on IS NOT NULL AND other_image IS NULL AND keep_before IS NULL FROM candidate_merge WHERE id = 4")" = 1 ] || fail "old merge images kept"
check; [ "$(sql "SELECT other_image IS NOT NULL FROM candidate_merge WHERE id = 3")" = 1 ] || fail "a recent merge's images were erased"
run candidate unmerge 4
expect_error 69 "'privacy purge' erased"

case_ "import undo of the batch that brought KEEP takes its merges with it"
run candidate import "$T/c.csv" --profile ba --source jc-md
expect_status 0
batch=$(sql "SELECT max(id) FROM import_batch")
run candidate merge C-1 C-2 --yes
expect_status 0
expect_err_has "(filled: nothing)"
merge=$(sql "SELECT max(id) FROM candidate_merge")
run import undo "$batch"
expect_status 0
check; [ "$(sql "SELECT count(*) FROM candidate WHERE reference LIKE 'C-%'")|$(sql "SELECT count(*) FROM candidate_merge WHERE id = $merge")|$(sql "SELECT count(*) FROM candidate_reference WHERE reference = 'C-2'")" = "0|0|0" ] || fail "the merge outlived the undone import"

case_ "candidate remove erases the merges of the person with their images"
run candidate remove 1 --yes
expect_status 0
check; [ "$(sql "SELECT count(*) FROM candidate_merge WHERE keep_id = 1 OR other_id = 1")|$(sql "SELECT count(*) FROM candidate_reference WHERE candidate_id = 1")" = "0|0" ] || fail "merge images or references kept after remove"
check; ! sqlite3 "$DB" .dump | grep -q "345 111 2222" || fail "OTHER's phone is still in the database"

finish
