#!/bin/sh
# Issue 11 item 4: examples/import-drop-folder.sh keeps each agency's rejected rows apart, so that
# a clean file of the same name from another agency does not delete them.
. "$(dirname "$0")/lib.sh"
EX="$SOURCE_DIR/examples"
mkdir -p "$T/bin" "$T/drop/jc-halle" "$T/drop/jc-magdeburg"
ln -s "$WERKSTATT" "$T/bin/werkstatt"
run init
head -3 "$EX/agency-ba.csv" >"$T/drop/jc-magdeburg/liste.csv"
{
    head -1 "$EX/agency-ba.csv"
    sed -n 4p "$EX/agency-ba.csv"
    # PLZ 1234 is not a postcode: this row is rejected.
    sed -n 5p "$EX/agency-ba.csv" | sed 's/;06842;/;1234;/'
} >"$T/drop/jc-halle/liste.csv"

case_ "a bad row of jc-halle and a clean file of the same name from jc-magdeburg"
PATH="$T/bin:$PATH" WERKSTATT_DB="$DB" sh "$EX/import-drop-folder.sh" "$T/drop" ba >"$T/out" 2>"$T/err"
status=$?
expect_status 1
check
[ -f "$T/drop/done/jc-halle-liste.csv" ] && [ -f "$T/drop/done/jc-magdeburg-liste.csv" ] ||
    fail "both files belong in done/: $(ls "$T/drop/done" 2>&1)"
check
grep -q 'CP-000004-C' "$T/drop/failed/jc-halle-liste.csv.rejects.csv" 2>/dev/null ||
    fail "the rejected row of jc-halle is gone: $(ls "$T/drop/failed" 2>&1)"
check
[ ! -e "$T/drop/failed/jc-magdeburg-liste.csv.rejects.csv" ] ||
    fail "a clean import left a rejects file behind"
check
[ "$(sql "SELECT count(*) FROM candidate")" = 3 ] || fail "expected 3 candidates imported"

case_ "jc-halle drops the fixed file: its rejects go, nothing else"
mkdir -p "$T/drop/jc-halle"
head -1 "$EX/agency-ba.csv" >"$T/drop/jc-halle/liste.csv"
sed -n 5p "$EX/agency-ba.csv" >>"$T/drop/jc-halle/liste.csv"
PATH="$T/bin:$PATH" WERKSTATT_DB="$DB" sh "$EX/import-drop-folder.sh" "$T/drop" ba >"$T/out" 2>"$T/err"
status=$?
expect_status 0
check
[ ! -e "$T/drop/failed/jc-halle-liste.csv.rejects.csv" ] || fail "the fixed rows' rejects stay"
check
[ "$(sql "SELECT count(*) FROM candidate WHERE source IN ('done', 'failed')")" = 0 ] ||
    fail "files in done/ or failed/ were imported again as sources of their own"

finish
