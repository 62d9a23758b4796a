#!/bin/sh
# Rechtsstand 2026 (issue 12): the hiring checklist and the permit part of `match --explain` for
# Duldung, Gestattung, Blue Card, § 16b, § 20a and § 16d, word for word against golden files in
# tests/data/golden/. The advisory services under a step ("Help:" lines) depend on the place data
# and are left out; every other line is compared. Regenerate after a reviewed change with
# WERKSTATT_REGENERATE=1 (then check the diff of tests/data/golden/).
. "$(dirname "$0")/lib.sh"
D="$TESTDATA/rechtsstand"
G="$TESTDATA/golden"
run init
run company add --key spedition --name "Spedition Elbe GmbH" --plz 39104 --city Magdeburg
run opening import "$D/openings.csv"
run candidate import "$D/candidates.csv" --profile ba --source jc
expect_status 0
# § 16b and the Chancenkarte were rejected as unknown spellings before.
expect_err_has "read 6, inserted 6, updated 0, unchanged 0, rejected 0"

# Compare $T/out (filtered by $2) with the golden file $1, or rewrite it when regenerating.
golden() {
    check
    grep -v "$2" "$T/out" >"$T/filtered" || true
    if [ -n "${WERKSTATT_REGENERATE:-}" ]; then
        cp "$T/filtered" "$G/$1"
        return
    fi
    if ! cmp -s "$G/$1" "$T/filtered"; then
        fail "differs from golden file $1:"
        diff -u "$G/$1" "$T/filtered" | sed 's/^/  /' | head -60
    fi
}

# The goldens are the English checklists (--lang en); documents.lang (German) is the default.
for ref in RS-DUL RS-GES RS-BLK RS-16B RS-20A RS-16D; do
    case_ "hiring checklist for $ref"
    run hiring checklist --candidate "$ref" --opening 1 --lang en
    expect_status 0
    golden "checklist_$ref.txt" '^   Help: '
done

case_ "hiring checklist for RS-DUL in German (documents.lang), whatever the terminal says"
run hiring checklist --candidate RS-DUL --opening 1
expect_status 0
golden "checklist_RS-DUL.de.txt" '^   Hilfe: '

case_ "match --explain: the permit part of every residence status"
# Per candidate, only the permit reason and the residence notes: the other parts belong to other
# rules and have tests of their own (and the ranking order follows the whole score).
: >"$T/permit"
for ref in RS-DUL RS-GES RS-BLK RS-16B RS-20A RS-16D; do
    run match --candidate "$ref" --explain --date 2026-12-02
    expect_status 0
    { echo "$ref"; grep -E '^ +(permit |note: residence|excluded)' "$T/out"; } >>"$T/permit"
done
cp "$T/permit" "$T/out"
golden "match_permit.txt" '^$'

case_ "a Blue Card costs no permit points; Duldung still does"
run match --candidate RS-BLK --explain --date 2026-12-02
expect_out_has "permit 10 of 10: residence status blaue-karte"
run match --candidate RS-DUL --explain --date 2026-12-02
expect_out_has "permit 2.5 of 10: residence status duldung"
finish
