#!/bin/sh
# werkstatt candidate import: one agency list in every encoding and quirk an agency's Excel
# writes (tests/data/import/make_fixtures.py) imports to the same stored values; --encoding.
. "$(dirname "$0")/lib.sh"
D="$TESTDATA/import"

# Import fixture $1 into a fresh database of its own; leave the listing in $T/list_$1.
import_fresh() {
    DB="$T/enc_$1.db"
    run init
    fixture=$1
    shift
    run candidate import "$D/$fixture" "$@"
    cp "$T/out" "$T/import_out"
    cp "$T/err" "$T/import_err"
    import_status=$status
    run candidate list --all --format csv
    cp "$T/out" "$T/list_$fixture"
    # Restore the import's output for the expect_* checks that follow.
    cp "$T/import_out" "$T/out"
    cp "$T/import_err" "$T/err"
    status=$import_status
}

case_ "UTF-8 without BOM, semicolons, LF: the reference values"
import_fresh ba_utf8.csv
expect_status 0
expect_err_has "(profile ba, UTF-8, delimiter ;): read 4, inserted 4, updated 0, unchanged 0, rejected 0"
check; [ "$(sql "SELECT first_name || ' ' || last_name FROM candidate WHERE reference='CP-000002-B'")" = "Jürgen Groß" ] || fail "umlauts"
check; [ "$(sql "SELECT notes FROM candidate WHERE reference='CP-000001-A'")" = "„Anerkennung läuft“ – Gebühr 250 €" ] || fail "„“ – € in notes: $(sql "SELECT notes FROM candidate WHERE reference='CP-000001-A'")"
check; [ "$(sql "SELECT notes FROM candidate WHERE reference='CP-000002-B'")" = "Sucht Vollzeit; Nachtschicht, auch am Wochenende" ] || fail "quoted delimiters"
expected_notes=$(printf 'Sagt: "Küche ist meine Leidenschaft"\nZweite Zeile: Straße 5')
check; [ "$(sql "SELECT notes FROM candidate WHERE reference='CP-000003-B'")" = "$expected_notes" ] || fail "doubled quotes or line break inside a field"
check; [ "$(sql "SELECT count(*) FROM candidate WHERE notes LIKE '%'||char(13)||'%' OR city LIKE '%'||char(13)||'%' OR last_name LIKE '%'||char(13)||'%'")" = 0 ] || fail "a CR was stored"
check; [ "$(sql "SELECT count(*) FROM candidate")" = 4 ] || fail "not four candidates"
check; [ "$(wc -l <"$T/list_ba_utf8.csv")" -eq 6 ] || fail "listing has not 1 header + 4 rows (+1 line break in a field)"

for fixture in ba_utf8_crlf.csv ba_utf8_bom.csv ba_comma.csv ba_cp1252.csv ba_utf16le.txt; do
    case_ "$fixture imports to the same stored values as ba_utf8.csv"
    import_fresh "$fixture"
    expect_status 0
    expect_err_has "read 4, inserted 4, updated 0, unchanged 0, rejected 0"
    check
    if ! cmp -s "$T/list_ba_utf8.csv" "$T/list_$fixture"; then
        fail "stored values differ from ba_utf8.csv:"
        diff "$T/list_ba_utf8.csv" "$T/list_$fixture" | head -10 | sed 's/^/  /'
    fi
done

case_ "the summary and the batch name the encoding and delimiter found"
DB="$T/enc_ba_cp1252.csv.db"
run import list --format csv
expect_out_has ",Windows-1252,"
DB="$T/enc_ba_utf16le.txt.db"
run import list --format csv
expect_out_has ",UTF-16LE,"
import_fresh ba_utf16le.txt
expect_err_has "UTF-16LE, delimiter tab)"
import_fresh ba_comma.csv
expect_err_has "UTF-8, delimiter ,)"
import_fresh ba_cp1252.csv
expect_err_has "Windows-1252, delimiter ;)"

case_ "--encoding names the encoding: the same values when it is right"
import_fresh ba_cp1252.csv --encoding windows-1252
expect_status 0
check; cmp -s "$T/list_ba_utf8.csv" "$T/list_ba_cp1252.csv" || fail "--encoding windows-1252 changed values"
import_fresh ba_utf16le.txt --encoding utf-16le
expect_status 0
check; cmp -s "$T/list_ba_utf8.csv" "$T/list_ba_utf16le.txt" || fail "--encoding utf-16le changed values"

case_ "--encoding overrides detection: UTF-8 read as Windows-1252 shows in the header found"
DB="$T/override.db"
run init
before=$(db_fingerprint)
run candidate import "$D/ba_utf8.csv" --encoding windows-1252
expect_error 65 "found Referenznummer, Geschlecht, Vorname, Nachname, Geburtsdatum, StaatsangehÃ¶rigkeit"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused import changed the database"
run candidate import "$D/ba_utf8.csv" --encoding cp1252
expect_error 65 "StaatsangehÃ¶rigkeit"

case_ "Windows-1252 whose first umlaut comes after the first 64 KiB (profile werkstatt)"
DB="$T/late.db"
run init
python3 - "$T/late.csv" <<'EOF'
import sys
cols = ("source,reference,first_name,last_name,gender,birth_date,nationality,plz,city,kldb,"
        "occupation,german,languages,residence_status,recognition,licences,available_from,"
        "radius_km,consent_until,email,phone,notes,employment_at_entry,isced,entry_date,"
        "exit_date,active").split(",")
def row(ref, first, last):
    v = dict.fromkeys(cols, "")
    v.update(source="ba", reference=ref, first_name=first, last_name=last, plz="39104",
             gender="unspecified", residence_status="unknown", active="true")
    return ",".join(v[c] for c in cols) + "\r\n"
data = ",".join(cols) + "\r\n" + "".join(row(f"L-{i:05d}", "Anna", "Meier") for i in range(2000))
assert len(data) > 70000
data += row("L-99999", "Jürgen", "Groß")
open(sys.argv[1], "wb").write(data.encode("cp1252"))
EOF
run candidate import "$T/late.csv" --profile werkstatt
expect_status 0
expect_err_has "Windows-1252"
expect_err_has "read 2001, inserted 2001"
check; [ "$(sql "SELECT first_name || ' ' || last_name FROM candidate WHERE reference='L-99999'")" = "Jürgen Groß" ] || fail "late umlaut: $(sql "SELECT first_name || ' ' || last_name FROM candidate WHERE reference='L-99999'")"

case_ "UTF-8 with a two-byte letter cut by the 64 KiB boundary"
DB="$T/cut.db"
run init
python3 - "$D/ba_utf8.csv" "$T/cut.csv" <<'EOF'
import sys
head = open(sys.argv[1], encoding="utf-8").readline()
def row(ref, last):
    return f"{ref};;;{last};;;39104" + ";" * 14 + "\n"
data = head
i = 0
while len((data + row("C-00000", "Meier")).encode()) < 65536 - 60:
    data += row(f"C-{i:05d}", "Meier")
    i += 1
pad = 65535 - len((data + "C-99999;;;").encode())  # "ü" takes bytes 65535 and 65536
data += row("C-99999", "x" * pad + "ü")
assert data.encode()[65535:65537] == "ü".encode()
open(sys.argv[2], "wb").write(data.encode())
EOF
run candidate import "$T/cut.csv"
expect_status 0
expect_err_has "UTF-8, delimiter ;"
check; sql "SELECT last_name FROM candidate WHERE reference='C-99999'" | grep -q 'xü$' || fail "cut character: $(sql "SELECT last_name FROM candidate WHERE reference='C-99999'")"

finish
