#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# werkstatt speaks German with a German locale or ui.lang = "de", English with LANG=C or
# ui.lang = "en"; machine formats and exit statuses are the same in both.
. "$(dirname "$0")/lib.sh"

run init
expect_status 0
run company add --key haus --name "Haus Quelle" --plz 06108
expect_status 0

case_ "a German locale: errors in German, same exit status"
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" company show nope >"$T/out" 2>"$T/err"
status=$?
expect_status 66
expect_err_has "werkstatt: Fehler: "
expect_err_lacks "error"

case_ "a German locale: --help in German"
LC_ALL= LC_MESSAGES= LANG=de_DE.UTF-8 "$WERKSTATT" --db "$DB" company add --help >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "Aufruf: werkstatt company add [OPTIONEN]"
expect_out_has "Diese Hilfe ausgeben und beenden"
expect_out_has "Optionen:"

case_ "a German locale: usage errors in German"
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" company add >"$T/out" 2>"$T/err"
status=$?
expect_status 2
expect_err_has "werkstatt: Fehler: --key ist erforderlich; siehe 'werkstatt company add --help'"

case_ "ui.lang = de under LANG=C"
run --set ui.lang=de company show nope
expect_status 66
expect_err_has "werkstatt: Fehler: "

case_ "ui.lang = en under a German locale"
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" --set ui.lang=en company show nope >"$T/out" 2>"$T/err"
status=$?
expect_status 66
expect_err_has "werkstatt: error: no company with key 'nope'"

case_ "LANG=C is English"
run company show nope
expect_status 66
expect_err_has "werkstatt: error: "

case_ "an unknown language: English with one warning"
run --set ui.lang=fr company list --format json
expect_status 0
expect_err_has "werkstatt: warning: ui.lang = \"fr\" is not a language werkstatt speaks (de, en): using English"
check
[ "$(grep -c warning "$T/err")" -eq 1 ] || fail "expected one warning"

case_ "a German locale: the event plan explains itself in German, dates the German way"
run company add --key nord --name "Nord GmbH" --plz 39104 --member-since 2019-01-01 --can-host --capacity 40
run company add --key sued --name "Süd GmbH" --plz 06842 --member-since 2020-01-01 --can-host --capacity 40
expect_status 0
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" --set planner.weekday=tuesday --set planner.week=1 \
    event plan --from 2029Q1 --quarters 2 >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "Nord GmbH (nord): noch nie Gastgeber, am längsten her unter 2 infrage kommenden Unternehmen; Gleichstand entschieden nach früherer Mitgliedschaft"
expect_out_has "Termin vom 06.02.2029 (Schulferien 05.02.2029 bis 10.02.2029) auf den 13.02.2029 verschoben"
expect_out_has "Süd GmbH (sued): noch nie Gastgeber, das einzige infrage kommende Unternehmen"
expect_out_has "in dieser Runde schon Gastgeber (noch 1 infrage kommendes Unternehmen an der Reihe): nord 2029Q1"
expect_out_lacks "hosted"

case_ "a German locale: due names the advisory entries to check in one German sentence"
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" due --date 2027-01-10 >"$T/out" 2>"$T/err"
status=$?
expect_status 1
expect_out_has "Beratungsangebote zu prüfen ("
expect_out_has "noch nie überprüft, 0 vor mehr als 365 Tagen überprüft), zuerst "
expect_out_lacks "advisory entries"

case_ "JSON keys and CSV columns do not change with the language"
run company list --format json
cp "$T/out" "$T/english.json"
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" company list --format json >"$T/out" 2>"$T/err"
status=$?
expect_status 0
check
cmp -s "$T/out" "$T/english.json" || fail "JSON differs between German and English"
run company list --format csv
cp "$T/out" "$T/english.csv"
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" company list --format csv >"$T/out" 2>"$T/err"
check
cmp -s "$T/out" "$T/english.csv" || fail "CSV differs between German and English"

case_ "German tables: headings, labels, yes and no, decimal commas; English keeps the keys"
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" company list >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "KÜRZEL"
expect_out_has "KANN GASTGEBER SEIN"
expect_out_has "GRÖSSE"
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" company show haus >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "Kürzel "
expect_out_has "Aktiv "
expect_out_has "ja"
expect_out_has "(keine)"
run company list
expect_out_has "KEY"
expect_out_has "CAN HOST"
run company show haus
expect_out_has "active"
expect_out_has "yes"

case_ "German report lines: the verb first, dates the German way"
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" company add --key sam --name "Sam GmbH" --plz 06108 \
    --dry-run >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_err_has "Würde hinzufügen: Unternehmen sam"
run company edit haus --can-host
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" event add --date 2027-03-06 --host haus --dry-run \
    >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_err_has "06.03.2027 ist ein Samstag"
run event add --date 2027-03-06 --host haus --dry-run
expect_err_has "2027-03-06 is a Saturday"

case_ "German field problems: what is wrong with a value, in German"
run candidate import "$TESTDATA/match/candidates.csv" --profile ba --source jc-md
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" candidate edit CP-A --available-from 2027-02-30 \
    >"$T/out" 2>"$T/err"
status=$?
expect_status 65
expect_err_has "kein Tag, den es gibt; schreiben Sie JJJJ-MM-TT oder TT.MM.JJJJ"
run candidate edit CP-A --available-from 2027-02-30
expect_err_has "not a day that exists; write YYYY-MM-DD or DD.MM.YYYY"

finish
