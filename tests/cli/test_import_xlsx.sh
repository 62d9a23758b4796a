#!/bin/sh
# Excel in (#17): candidate, company and advisor import read .xlsx workbooks written by openpyxl
# (inline strings) and xlsxwriter (shared strings; inline in constant-memory mode) into the same
# database as the same data from CSV; --sheet; dates in the 1900 and 1904 systems; a PLZ stored
# as a number; damaged workbooks (one line naming the cell, exit 65, nothing written); and the
# CSV German Excel saves (Windows-1252 or UTF-8 with BOM, ';', CRLF, WAHR/FALSCH, TT.MM.JJJJ).
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
MAKE="$SOURCE_DIR/tests/tools/make_xlsx.py"
if ! $PY -c 'import openpyxl, xlsxwriter' 2>/dev/null; then
    skip "python3-openpyxl and python3-xlsxwriter are needed (scripts/setup)"
    finish
fi
MAIN_DB=$DB
run init

# Import into a fresh database $T/$1.db with the remaining arguments; list with $LIST into $T/$1.json.
import_into() {
    name=$1
    shift
    DB="$T/$name.db"
    run init
    run "$@"
    import_status=$status
    cp "$T/err" "$T/$name.err"
    run $LIST --format json
    cp "$T/out" "$T/$name.json"
    status=$import_status
    cp "$T/$name.err" "$T/err"
    DB=$MAIN_DB
}

# Check that the listing after import $2 is the same as after import $1.
same_as() {
    check
    cmp -s "$T/$1.json" "$T/$2.json" || fail "$2: the listing differs from $1's: $(diff "$T/$1.json" "$T/$2.json" | head -5)"
}

cat >"$T/companies.csv" <<'EOF'
key;name;industry;street;plz;city;can_host;capacity;member_since;notes
mueller;Müller Metallbau GmbH;Metallbau;Am Hafen 3;39104;Magdeburg;ja;40;2021-03-01;1900-02-28
dessau;Dessauer Werkstätten;Holz;Kavalierstr. 1;06844;Dessau-Roßlau;nein;;2022-09-15;1900-03-01
saale;"Saale-Pflege gGmbH; Station Nord";Pflege;Lange Str. 12;06108;Halle (Saale);ja;3;2020-01-10;2026-11-25
EOF
XLSX_TYPES="--numbers plz,capacity --dates member_since,notes --bools can_host"

case_ "company import: the same companies from CSV and from .xlsx by openpyxl and xlsxwriter"
LIST="company list --all"
import_into companies company import "$T/companies.csv"
expect_status 0
check; grep -q '"plz": "06844"' "$T/companies.json" || fail "CSV import lost the PLZ"
check; grep -q '"notes": "1900-02-28"' "$T/companies.json" || fail "CSV notes"
for engine in openpyxl xlsxwriter xlsxwriter-inline; do
    $PY "$MAKE" $engine "$T/companies.csv" "$T/$engine.xlsx" $XLSX_TYPES || fail "make_xlsx $engine"
    import_into $engine company import "$T/$engine.xlsx"
    expect_status 0
    expect_err_has "imported $T/$engine.xlsx: read 3, inserted 3"
    expect_err_has "$engine.xlsx, Tabelle1:3: column \"plz\": 6844 lost its leading zero in a spreadsheet; read as 06844"
    expect_err_has "column \"plz\": 6108 lost its leading zero"
    same_as companies $engine
done
# What the workbooks hold: booleans, dates 28.02.1900 (serial 59) and 01.03.1900 (61), strings
# shared by xlsxwriter and inline by openpyxl.
check; unzip -p "$T/xlsxwriter.xlsx" xl/worksheets/sheet1.xml | grep -q '<v>59</v>' || fail "xlsxwriter: no serial 59"
check; unzip -p "$T/xlsxwriter.xlsx" xl/worksheets/sheet1.xml | grep -q '<v>61</v>' || fail "xlsxwriter: no serial 61"
check; unzip -p "$T/xlsxwriter.xlsx" xl/worksheets/sheet1.xml | grep -q 't="b"' || fail "xlsxwriter: no boolean"
check; unzip -l "$T/xlsxwriter.xlsx" | grep -q sharedStrings.xml || fail "xlsxwriter: no shared strings"
check; unzip -p "$T/openpyxl.xlsx" xl/worksheets/sheet1.xml | grep -q 't="inlineStr"' || fail "openpyxl: no inline strings"

case_ "dates in the 1904 system (which has no day before 1904: the notes stay text)"
for engine in openpyxl xlsxwriter; do
    $PY "$MAKE" $engine "$T/companies.csv" "$T/$engine-1904.xlsx" --numbers plz,capacity \
        --dates member_since --bools can_host --date1904 || fail "make_xlsx 1904"
    check; unzip -p "$T/$engine-1904.xlsx" xl/workbook.xml | grep -q 'date1904="1"' || fail "$engine: not the 1904 system"
    import_into $engine-1904 company import "$T/$engine-1904.xlsx"
    expect_status 0
    same_as companies $engine-1904
done
$PY "$MAKE" openpyxl "$T/companies.csv" "$T/early-1904.xlsx" $XLSX_TYPES --date1904 || fail "make_xlsx 1904"
before=$(db_fingerprint)
run company import "$T/early-1904.xlsx"
expect_error 65 "$T/early-1904.xlsx: Tabelle1!J2: the date is out of range (Excel day -1402)"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused import changed the database"

case_ "a workbook is known by its content, also under another name and from standard input"
cp "$T/xlsxwriter.xlsx" "$T/firmen.dat"
import_into renamed company import "$T/firmen.dat"
expect_status 0
same_as companies renamed
DB="$T/stdin.db"
run init
"$WERKSTATT" --db "$DB" company import - <"$T/openpyxl.xlsx" >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_err_has "imported standard input: read 3, inserted 3"
DB=$MAIN_DB

case_ "--sheet chooses the sheet; without it the first is read"
$PY "$MAKE" xlsxwriter "$T/companies.csv" "$T/two.xlsx" $XLSX_TYPES --sheet Firmen --second || fail "make_xlsx two sheets"
before=$(db_fingerprint)
run company import "$T/two.xlsx"
expect_error 65 "$T/two.xlsx, Leer is empty"
run company import "$T/two.xlsx" --sheet Nirgends
expect_error 65 "$T/two.xlsx has no sheet named 'Nirgends'; its sheets are 'Leer', 'Firmen': name one with --sheet"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused import changed the database"
import_into sheet company import "$T/two.xlsx" --sheet Firmen
expect_status 0
same_as companies sheet
run company import "$T/companies.csv" --sheet Firmen
expect_error 2 "--sheet names a sheet of an Excel workbook, but $T/companies.csv is a text (CSV) file"

case_ "damaged workbooks: one line with the cell and what to do, exit 65, nothing written"
for kind in no-zip truncated no-workbook formula date-range shared-index error-value; do
    $PY "$MAKE" damage $kind "$T/$kind.xlsx" || fail "make_xlsx damage $kind"
done
before=$(db_fingerprint)
run company import "$T/no-zip.xlsx"
expect_error 65 "$T/no-zip.xlsx is named like an Excel workbook but is none (it is no zip file)"
run company import "$T/truncated.xlsx"
expect_error 65 "$T/truncated.xlsx starts like an Excel workbook (.xlsx) but is no zip file that can be read"
run company import "$T/no-workbook.xlsx"
expect_error 65 "$T/no-workbook.xlsx is a zip file but no Excel workbook (it has no xl/workbook.xml)"
run company import "$T/formula.xlsx"
expect_error 65 "$T/formula.xlsx: Tabelle1!D17: the formula has no saved result; open the file in Excel or LibreOffice"
run company import "$T/date-range.xlsx"
expect_error 65 "$T/date-range.xlsx: Tabelle1!D17: the date is out of range (Excel day 3000000)"
run company import "$T/shared-index.xlsx"
expect_error 65 "$T/shared-index.xlsx: Tabelle1!B17: the cell refers to shared text '99', but the workbook has 0"
run company import "$T/error-value.xlsx"
expect_error 65 "$T/error-value.xlsx: Tabelle1!B17: the cell holds the error #NV"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a damaged workbook changed the database"

case_ "in German"
LANG=de_DE.UTF-8 LC_ALL= "$WERKSTATT" --db "$DB" company import "$T/formula.xlsx" >"$T/out" 2>"$T/err" </dev/null
status=$?
expect_status 65
expect_err_has "Tabelle1!D17: die Formel hat kein gespeichertes Ergebnis"
LANG=de_DE.UTF-8 LC_ALL= "$WERKSTATT" --db "$DB" company import "$T/two.xlsx" --sheet X >"$T/out" 2>"$T/err" </dev/null
expect_err_has "hat kein Tabellenblatt namens 'X'; die Tabellenblätter sind 'Leer', 'Firmen'"

case_ "candidate import (profile ba): the agency's file as .xlsx gives the same candidates"
LIST="candidate list"
$PY "$MAKE" xlsxwriter "$TESTDATA/import/ba_utf8.csv" "$T/ba.xlsx" --numbers "PLZ,Umkreis km,Zielberuf (KldB)" \
    --dates "Geburtsdatum,Verfügbar ab,Einwilligung bis" || fail "make_xlsx ba"
$PY "$MAKE" openpyxl "$TESTDATA/import/ba_utf8.csv" "$T/ba-openpyxl.xlsx" --numbers "PLZ,Umkreis km" \
    --dates "Geburtsdatum,Verfügbar ab,Einwilligung bis" || fail "make_xlsx ba openpyxl"
import_into csv candidate import "$TESTDATA/import/ba_utf8.csv"
expect_status 0
import_into ba candidate import "$T/ba.xlsx"
expect_status 0
expect_err_has "imported $T/ba.xlsx (profile ba, sheet Tabelle1): read 4, inserted 4"
expect_err_has "ba.xlsx, Tabelle1:3: column \"PLZ\": 6108 lost its leading zero in a spreadsheet; read as 06108"
same_as csv ba
import_into ba-openpyxl candidate import "$T/ba-openpyxl.xlsx"
expect_status 0
same_as csv ba-openpyxl
DB="$T/ba.db"
run import list --format json
check; grep -q "\"sha256\": \"$(sha256sum "$T/ba.xlsx" | cut -d' ' -f1)\"" "$T/out" || fail "the batch's hash is not the file's"
check; grep -q '"encoding": "xlsx"' "$T/out" || fail "batch encoding"
DB=$MAIN_DB
before=$(db_fingerprint)
run candidate import "$T/formula.xlsx"
expect_error 65 "Tabelle1!D17: the formula has no saved result"
run candidate import "$T/ba.xlsx" --sheet Daten
expect_error 65 "has no sheet named 'Daten'; its sheets are 'Tabelle1'"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a damaged workbook changed the database"

case_ "advisor import: the same services from CSV and .xlsx"
LIST="advisor list"
cat >"$T/advisors.csv" <<'EOF'
key,organisation,service,topics,plz,city
dessau-beratung,Beratung Dessau e.V.,Anerkennungsberatung,recognition,06844,Dessau-Roßlau
md-beratung,Beratung Magdeburg,Anerkennungsberatung,recognition,39104,Magdeburg
EOF
$PY "$MAKE" openpyxl "$T/advisors.csv" "$T/advisors.xlsx" --numbers plz || fail "make_xlsx advisors"
import_into csv advisor import "$T/advisors.csv"
expect_status 0
import_into advisors advisor import "$T/advisors.xlsx"
expect_status 0
expect_err_has "advisors.xlsx, Tabelle1:2: column \"plz\": 6844 lost its leading zero in a spreadsheet; read as 06844"
same_as csv advisors
before=$(db_fingerprint)
run advisor import "$T/shared-index.xlsx"
expect_error 65 "Tabelle1!B17: the cell refers to shared text '99'"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a damaged workbook changed the database"

case_ "what German Excel saves as CSV: Windows-1252 or UTF-8 with BOM, ';', CRLF, WAHR/FALSCH, TT.MM.JJJJ"
LIST="company list --all"
cat >"$T/excel-de.txt" <<'EOF'
key;name;industry;street;plz;city;can_host;capacity;member_since;notes
mueller;Müller Metallbau GmbH;Metallbau;Am Hafen 3;39104;Magdeburg;WAHR;40;01.03.2021;1900-02-28
dessau;Dessauer Werkstätten;Holz;Kavalierstr. 1;06844;Dessau-Roßlau;FALSCH;;15.09.2022;1900-03-01
saale;"Saale-Pflege gGmbH; Station Nord";Pflege;Lange Str. 12;06108;Halle (Saale);wahr;3;10.01.2020;2026-11-25
EOF
sed 's/$/\r/' "$T/excel-de.txt" | iconv -f UTF-8 -t CP1252 >"$T/excel-de-cp1252.csv"
{ printf '\357\273\277'; sed 's/$/\r/' "$T/excel-de.txt"; } >"$T/excel-de-bom.csv"
import_into cp1252 company import "$T/excel-de-cp1252.csv"
expect_status 0
expect_err_has "read 3, inserted 3"
same_as companies cp1252
import_into bom company import "$T/excel-de-bom.csv"
expect_status 0
same_as companies bom

finish
