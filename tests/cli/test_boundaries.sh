#!/bin/sh
# Documented boundaries at the command line: the inclusive ends of a range are accepted, one past
# them is refused (the rules of matching are checked at their boundaries in test_match_model.cpp).
. "$(dirname "$0")/lib.sh"
run init

case_ "candidate import: Umkreis km from 0 to 1000; 1001 and -1 are refused"
F="$T/radius.csv"
head -1 "$TESTDATA/import/ba_utf8.csv" >"$F"
for r in 0 1000 1001 -1; do
    printf 'R%s;w;Vorname;Nachname;01.02.1990;syrisch;39104;Magdeburg;52122;Fahrer;B1;;Duldung;voll;B;01.03.2027;%s;31.12.2027;;;\n' "$r" "$r" >>"$F"
done
run candidate import "$F"
expect_status 1
expect_err_has "read 4, inserted 2, updated 0, unchanged 0, rejected 2"
expect_err_has "$F:4: column \"Umkreis km\": not a whole number from 0 to 1000 (value \"1001\")"
expect_err_has "$F:5: column \"Umkreis km\": not a whole number from 0 to 1000 (value \"-1\")"
check; [ "$(sql "SELECT group_concat(reference || '=' || radius_km, ' ') FROM (SELECT * FROM candidate ORDER BY radius_km)")" = "R0=0 R1000=1000" ] || fail "stored: $(sql "SELECT group_concat(reference || '=' || coalesce(radius_km, 'NULL'), ' ') FROM candidate")"

finish
