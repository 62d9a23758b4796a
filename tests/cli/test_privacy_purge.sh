#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# privacy purge (werkstatt-privacy(1)): erases candidates whose consents all ended, who left too
# long ago, old match pairs, closed placements' notes and import before-images; reports of a past
# period give the same bytes afterwards; nothing of the erased persons stays in any file beside
# the database; the erased are found by no command; --dry-run changes nothing.
. "$(dirname "$0")/lib.sh"

DAY=2030-06-01 # the purge day: limits 2030-05-02 (consents), 2028-06-01 (left), 2029-12-01 (claims)

# Run werkstatt on database $1 with the rest, records written on 2028-01-10 (after the periods
# the reports cover, so that the reports written below already see every change).
prep() {
    db=$1
    shift
    SOURCE_DATE_EPOCH=$(date -u -d "2028-01-10 09:00:00" +%s) DB=$db run "$@"
    [ "$status" -eq 0 ] || fail "setup: werkstatt $* -> $status: $(cat "$T/err")"
}

# Write the reports of database $1 to folder $2: KIND:PERIOD pairs in $3, md and json each.
reports() {
    mkdir -p "$2"
    for kp in $3; do
        kind=${kp%%:*} period=${kp#*:}
        for format in md json; do
            DB=$1 run report "$kind" --period "$period" --lang en --date 2028-01-15 --format "$format"
            [ "$status" -eq 0 ] || fail "report $kind $period $format -> $status: $(cat "$T/err")"
            cp "$T/out" "$2/$kind-$period.$format"
        done
    done
}

# Fail unless every report in folder $1 is byte-identical to the one in folder $2.
same_reports() {
    for f in "$1"/*; do
        check
        cmp -s "$f" "$2/${f##*/}" || fail "${f##*/} differs after the purge: $(diff "$f" "$2/${f##*/}" | head -5)"
    done
}

# Fail if a file in folder $1 holds any of the markers (one a line) in file $2.
expect_no_trace() {
    while IFS= read -r marker; do
        [ -n "$marker" ] || continue
        check
        hits=$(grep -rlaF -- "$marker" "$1")
        [ -z "$hits" ] || fail "'$marker' of an erased person is still in: $hits"
    done <"$2"
}

case_ "the report databases"
mkdir -m 700 "$T/ex" "$T/esf"
EX="$T/ex/werkstatt.db"
ESF="$T/esf/werkstatt.db"
if ! report_db example "$EX" || ! report_db esf "$ESF"; then
    fail "the report databases (tests/report/make_db.sh, esf_facts.sh) could not be built"
    finish
    exit 1
fi
mv "$T"/ex/*.log "$T"/esf/*.log "$T" 2>/dev/null # only the database stays in its folder
check

case_ "setup: consents, leavers and marked contact data (example database)"
# A closed placement with a note, and an import that changed a candidate (a before-image).
sql_ex() { sqlite3 "$EX" "$@"; }
declined=$(sql_ex "SELECT candidate_id || ' ' || opening_id FROM placement WHERE status = 'declined' LIMIT 1")
check; [ -n "$declined" ] || fail "the example database has no declined placement"
sql_ex "UPDATE placement SET note = 'Absage zqdeclined' WHERE status = 'declined'" # no command sets a note on a closed placement
{ head -1 "$TESTDATA/report/candidates.csv"; grep '^RB-030;' "$TESTDATA/report/candidates.csv" | sed 's/Vorname30;/Vorname30b;/'; } >"$T/update.csv"
sql_ex "UPDATE candidate SET confirmed_on = '2026-01-01' WHERE reference = 'RB-030'" # confirmed long ago
prep "$EX" --config "$TESTDATA/report/config.toml" candidate import "$T/update.csv" --profile report --source jc-md
update_batch=$(sql_ex "SELECT max(id) FROM import_batch")
check; [ "$(sql_ex "SELECT count(*) FROM import_change WHERE batch_id = $update_batch AND entity = 'candidate'")" = 1 ] || fail "the update left no before-image"
# The import confirmed the person again (#16): the day before is a before-image of its own.
check; [ "$(sql_ex "SELECT count(*) FROM import_change WHERE batch_id = $update_batch AND entity = 'confirmation'")" = 1 ] || fail "no confirmation before-image"
# The agency files' consents run past the purge day here (the test's own choice of facts), so
# that only the consents set below end.
sqlite3 "$EX" "UPDATE consent SET valid_until = '2031-12-31', withdrawn_on = NULL"
# Consents that all ended: withdrawn (3) or valid until 2029-01-31 (1, 2, 4..10).
for id in 1 2 4 5 6 7 8 9 10; do
    prep "$EX" candidate consent "$id" --scope matching,sharing,reporting --until 2029-01-31
done
prep "$EX" candidate consent 3 --scope matching,sharing,reporting --withdraw --on 2028-02-01
# Kept: 11's consent to reporting still holds; 12's consent ended within the grace days.
prep "$EX" candidate consent 11 --scope matching,sharing --until 2029-01-31
prep "$EX" candidate consent 11 --scope reporting --given-on 2026-11-02
prep "$EX" candidate consent 12 --scope matching,sharing,reporting --until 2030-05-20
# Archived on 2028-01-10 (left before the limit) and on 2029-01-10 (kept).
prep "$EX" candidate archive 21
prep "$EX" candidate archive 22
# Contact data that marks each person, so that a trace of them is unambiguous.
for id in 1 3 5 7 11 21 24; do
    prep "$EX" candidate edit "$id" --first-name "Zq${id}Vor" --last-name "Zq${id}Nach" --email "zq${id}mail@example.org" --phone "0391 88${id}7766" --notes "Notiz zq${id}x"
done
SOURCE_DATE_EPOCH=$(date -u -d "2029-01-10 09:00:00" +%s) DB=$EX run candidate archive 24
expect_status 0
case_ "setup: consents of the ESF+ database"
# Leavers of 2027 (erased below) born on the day or the day after the day that puts them into
# another age band at entry: a birth day generalised a day or a year wrong changes the report.
for spec in 3:18:0 6:18:1 9:30:0 12:30:1 15:55:0 18:55:1; do
    id=${spec%%:*} rest=${spec#*:}
    born=$(sqlite3 "$ESF" "SELECT date(entry_date, '-${rest%%:*} years', '+${rest#*:} days') FROM candidate WHERE id = $id")
    prep "$ESF" candidate edit "$id" --birth-date "$born"
done
sqlite3 "$ESF" "UPDATE consent SET valid_until = '2031-12-31', withdrawn_on = NULL WHERE scope <> 'reporting'"
for id in 1 2 4 5; do
    prep "$ESF" candidate consent "$id" --scope matching,sharing,reporting --until 2028-12-31
done

# Who the purge must erase, from the fixtures' facts: the consents above, the archived, and
# everyone whose exit day is before the retention limit.
expected_ex=$(sql_ex "SELECT group_concat(id) FROM (SELECT id FROM candidate WHERE id IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 21, 22) OR exit_date < '2028-06-01' ORDER BY id)")
expected_esf=$(sqlite3 "$ESF" "SELECT group_concat(id) FROM (SELECT id FROM candidate WHERE id IN (1, 2, 4, 5) OR exit_date < '2028-06-01' ORDER BY id)")
n_ex=$(printf '%s\n' "$expected_ex" | tr ',' '\n' | grep -c .)
check; [ "$n_ex" -ge 20 ] || fail "the premise: many candidates to erase, not $n_ex"

# The markers of the persons to erase: reference, name as stored (first and last name side by
# side in the row), e-mail, phone, notes; the first and last names of those marked above and
# of the ESF+ database (P01, ...) one by one.
sql_ex "SELECT reference, first_name || last_name, email, phone, notes FROM candidate WHERE id IN ($expected_ex)" |
    tr '|' '\n' >"$T/markers"
sql_ex "SELECT first_name, last_name FROM candidate WHERE id IN (1, 3, 5, 7)" | tr '|' '\n' >>"$T/markers"
sqlite3 "$ESF" "SELECT reference, first_name FROM candidate WHERE id IN ($expected_esf)" |
    tr '|' '\n' >>"$T/markers"
echo "zqdeclined" >>"$T/markers"
check; grep -qaF "zq1mail@example.org" "$EX" || fail "the premise: the marker is in the database before the purge"
check; grep -qaF "Vorname30" "$EX" || fail "the premise: the before-image holds the old name"
sql_ex "SELECT reference FROM candidate WHERE id IN ($expected_ex)" >"$T/erased_refs"

# What the reports derive from the generalised facts, per candidate: the age at entry, whether
# unemployment at entry was long-term, and which facts are recorded at all. Disclosure control
# may hide a change of one in a report; this may not change at all.
derived() {
    sqlite3 "$1" "SELECT id, CAST(substr(entry_date, 1, 4) AS INTEGER) - CAST(substr(birth_date, 1, 4) AS INTEGER) - (substr(entry_date, 6, 5) < substr(birth_date, 6, 5)), unemployed_since < date(entry_date, '-12 months'), birth_date IS NULL, unemployed_since IS NULL, (SELECT given_on IS NOT NULL AND withdrawn_on IS NULL FROM consent WHERE candidate_id = candidate.id AND scope = 'reporting'), CASE WHEN nationality_code IS NULL THEN nationality END FROM candidate WHERE entry_date IS NOT NULL ORDER BY id"
}
derived "$EX" >"$T/derived-ex"
derived "$ESF" >"$T/derived-esf"

case_ "reports of past periods before the purge"
reports "$EX" "$T/before" "quarterly:2027Q1 quarterly:2027Q2 annual:2027 esf:2027 exchange:2027Q1 exchange:2027Q2"
reports "$ESF" "$T/before-esf" "esf:2027 esf:2027Q1 esf:2026 quarterly:2027Q1 annual:2027"

case_ "--dry-run counts and changes nothing"
before=$(sha256sum "$EX" | cut -d' ' -f1)
DB=$EX run privacy purge --dry-run --date "$DAY" --format csv
expect_status 0
expect_err_has "would purge as of $DAY"
cp "$T/out" "$T/dry.csv"
check; [ "$(sha256sum "$EX" | cut -d' ' -f1)" = "$before" ] || fail "the dry run changed the database"
check; [ "$(sql_ex "SELECT count(*) FROM candidate WHERE purged_on IS NOT NULL")" = 0 ] || fail "the dry run purged"

case_ "errors: a bad --date (2), a locked database (75); nothing changes"
DB=$EX run privacy purge --date 2030-02-30
expect_error 2 "--date '2030-02-30'"
DB=$EX run privacy status --within -3
expect_status 2
(echo "BEGIN IMMEDIATE; UPDATE topic SET sort_order = sort_order;"; sleep 3; echo "ROLLBACK;") | sqlite3 "$EX" &
locker=$!
sleep 0.5
DB=$EX run --set database.busy_timeout_ms=200 privacy purge --date "$DAY"
expect_error 75 "locked"
wait "$locker"
check; [ "$(sha256sum "$EX" | cut -d' ' -f1)" = "$before" ] || fail "a failed purge changed the database"

case_ "purge: counts only, the same as the dry run"
DB=$EX run privacy purge --date "$DAY" --format csv
expect_status 0
expect_err_has "purged as of $DAY: $n_ex candidates"
check; cmp -s "$T/out" "$T/dry.csv" || fail "the purge printed other counts than its dry run: $(diff "$T/dry.csv" "$T/out")"
expect_out_has "candidates,$n_ex"
expect_out_has "candidates: consent ended,10"
expect_out_has "candidates: inactive or exited,$((n_ex - 10))"
expect_out_has "placement notes,1"
# Every pair of both runs (2027) is past the claim period. The update's two before-images: the
# record's and its confirmation day's.
expect_out_has "import before-images,2"
pairs=$(sql_ex "SELECT count(*) FROM match_assignment")
check; [ "$pairs" = 0 ] || fail "$pairs match pairs are left"
check; grep -q "^match pairs,[1-9]" "$T/out" || fail "no match pairs counted: $(cat "$T/out")"
while IFS= read -r ref; do
    check
    ! grep -qF "$ref" "$T/out" "$T/err" || fail "the purge named $ref"
done <"$T/erased_refs"
check; [ "$(sql_ex "SELECT group_concat(id) FROM (SELECT id FROM candidate WHERE purged_on = '$DAY' ORDER BY id)")" = "$expected_ex" ] ||
    fail "erased $(sql_ex "SELECT group_concat(id) FROM candidate WHERE purged_on IS NOT NULL"), expected $expected_ex"
check; [ "$(sql_ex "SELECT count(*) FROM audit_log WHERE entity = 'privacy' AND action = 'purge'")" = 1 ] || fail "not one audit row"
check; sql_ex "SELECT details FROM audit_log WHERE action = 'purge'" | grep -qx "as_of=$DAY,candidates=$n_ex,consent_ended=10,inactive_or_exited=$((n_ex - 10)),match_pairs=[0-9]*,placement_notes=1,import_before_images=2,merge_before_images=0" ||
    fail "audit details: $(sql_ex "SELECT details FROM audit_log WHERE action = 'purge'")"
DB=$ESF run privacy purge --date "$DAY"
expect_status 0

case_ "the facts the reports derive are the same for every candidate"
derived "$EX" >"$T/derived-ex-after"
derived "$ESF" >"$T/derived-esf-after"
check; cmp -s "$T/derived-ex" "$T/derived-ex-after" || fail "example: $(diff "$T/derived-ex" "$T/derived-ex-after" | head -5)"
check; cmp -s "$T/derived-esf" "$T/derived-esf-after" || fail "esf: $(diff "$T/derived-esf" "$T/derived-esf-after" | head -5)"
check; [ "$(sqlite3 "$ESF" "SELECT count(*) FROM candidate WHERE purged_on IS NOT NULL AND birth_date IS NOT NULL AND unemployed_since IS NOT NULL")" -ge 3 ] ||
    fail "the premise: erased candidates with a generalised birth day and start of unemployment"

case_ "reports of past periods are byte-identical after the purge"
reports "$EX" "$T/after" "quarterly:2027Q1 quarterly:2027Q2 annual:2027 esf:2027 exchange:2027Q1 exchange:2027Q2"
reports "$ESF" "$T/after-esf" "esf:2027 esf:2027Q1 esf:2026 quarterly:2027Q1 annual:2027"
check; [ "$(ls "$T/before" | wc -l)" = 12 ] && [ "$(ls "$T/before-esf" | wc -l)" = 10 ] || fail "the premise: 22 reports written"
same_reports "$T/before-esf" "$T/after-esf"
for f in "$T"/before/*; do
    case ${f##*/} in exchange-*) continue ;; esac
    check
    cmp -s "$f" "$T/after/${f##*/}" || fail "${f##*/} differs: $(diff "$f" "$T/after/${f##*/}" | head -5)"
done
# The exchange report names persons by reference: an erased person's open proposal keeps its row
# and pseudonym, and only the reference is empty; nothing else changes.
check; cat "$T"/before/exchange-*.json | grep -qF -f "$T/erased_refs" || fail "the premise: an erased person has an open proposal in the exchange report"
for f in "$T"/before/exchange-*; do
    name=${f##*/}
    cp "$f" "$T/expected"
    while IFS= read -r ref; do
        sed -i -e "s/\"$ref\"/\"\"/" -e "s/| $ref |/|  |/" "$T/expected"
    done <"$T/erased_refs"
    check
    cmp -s "$T/expected" "$T/after/$name" ||
        fail "$name differs beyond the erased references: $(diff "$T/expected" "$T/after/$name" | head -5)"
done

case_ "no file beside the databases holds an erased person"
expect_no_trace "$T/ex" "$T/markers"
expect_no_trace "$T/esf" "$T/markers"
check; grep -qaF "zq11mail@example.org" "$EX" || fail "a kept person's data is gone too"

case_ "the erased are found by no command"
ref1=$(head -1 "$T/erased_refs")
DB=$EX run candidate show "$ref1"
expect_error 66 "no candidate"
DB=$EX run candidate show 1
expect_error 66 "no candidate"
DB=$EX run candidate edit 1 --notes x
expect_error 66 "no candidate"
DB=$EX run candidate remove 1 --yes
expect_error 66 "no candidate"
DB=$EX run candidate list --all --format csv
expect_status 0
listed=$(tail -n +2 "$T/out" | wc -l)
check; [ "$listed" -eq $(($(sql_ex "SELECT count(*) FROM candidate") - n_ex)) ] ||
    fail "candidate list --all shows $listed candidates"
expect_out_lacks "purged-"
DB=$EX run placement list --format csv
expect_status 0
for id in $(printf '%s' "$expected_ex" | tr ',' ' '); do
    check
    ! tr -d '\r' <"$T/out" | awk -F, -v id="$id" 'NR > 1 && $4 == id { found = 1 } END { exit !found }' ||
        fail "placement list shows erased candidate $id"
done
DB=$EX run match --candidate 1 --date 2030-06-01
expect_error 66 "candidate"

case_ "a later agency file with an erased reference adds a new candidate"
{ head -1 "$TESTDATA/report/candidates.csv"; grep "^$ref1;" "$TESTDATA/report/candidates.csv"; } >"$T/again.csv"
DB=$EX run --config "$TESTDATA/report/config.toml" candidate import "$T/again.csv" --profile report --source jc-md
expect_status 0
expect_err_has "inserted 1"
check; [ "$(sql_ex "SELECT count(*) FROM candidate WHERE reference = '$ref1' AND purged_on IS NULL")" = 1 ] || fail "no new candidate"

case_ "an import whose before-images were purged cannot be undone"
DB=$EX run import undo "$update_batch"
expect_error 69 "privacy.claim_months"

case_ "a second purge on the same day erases only the newcomer, whose agency consent has ended"
DB=$EX run privacy purge --date "$DAY" --format csv
expect_status 0
expect_out_has "candidates,1"
expect_out_has "candidates: consent ended,1"
check; [ "$(sql_ex "SELECT count(*) FROM candidate WHERE purged_on IS NULL AND reference = '$ref1'")" = 0 ] || fail "the newcomer was not erased"
DB=$EX run privacy purge --date "$DAY" --format csv
expect_status 0
expect_out_has "candidates,0"

finish
