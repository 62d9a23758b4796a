#!/bin/sh
# Text from files and flags reaches people escaped: a file name from an agency's drop folder, a
# rejected value, a reference, a note. Control characters (ESC, BEL, NUL, CR), bidi overrides and
# zero-width characters show as \xNN or \uNNNN in tables, plain text and messages; long values are
# cut with their length. JSON and CSV keep the exact bytes. See werkstatt(1), OUTPUT.
. "$(dirname "$0")/lib.sh"
H=$(head -1 "$TESTDATA/import/ba_utf8.csv")
ESC=$(printf '\033')
RLO=$(printf '\342\200\256') # U+202E RIGHT-TO-LEFT OVERRIDE
ZWSP=$(printf '\342\200\213') # U+200B ZERO WIDTH SPACE

# Succeed if file $1 holds no control character but line feed and tab, and no bidi override
# (U+202A-U+202E, U+2066-U+2069) or zero-width character (U+200B, U+200E, U+200F, U+2060,
# U+FEFF; the joiners U+200C and U+200D belong to Persian spelling and stay).
clean() {
    python3 - "$1" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
bad = re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8b\x8e\x8f\xaa-\xae]|\xe2\x81[\xa0\xa6-\xa9]|\xef\xbb\xbf", data)
sys.exit(1 if bad else 0)
EOF
}
expect_out_clean() {
    check
    clean "$T/out" || fail "stdout has a raw control, bidi or zero-width character"
}
expect_err_clean() {
    check
    clean "$T/err" || fail "stderr has a raw control, bidi or zero-width character"
}

run init
# A file name an agency chose: an OSC sequence that sets the terminal's title (ESC ] ... BEL),
# one that clears the screen, a bidi override and a zero-width space.
mkdir "$T/drop"
hostile="agency$(printf '\033]0;pwned\007\033[2J')x${RLO}vsc${ZWSP}.csv"
{
    printf '%s\n' "$H"
    printf 'E-1;w;Anna;Meier;;;39104;;;;;;Duldung;;;;;;;;%s\n' "Notiz rot${RLO}links${ZWSP}"
} >"$T/drop/$hostile"

case_ "the import names the hostile file escaped on stderr"
run candidate import "$T/drop/$hostile" --source jc
expect_status 0
expect_err_has 'agency\x1B]0;pwned\x07\x1B[2Jx\u202Evsc\u200B.csv'
expect_err_clean

case_ "import list shows the file name escaped in its table"
run import list
expect_status 0
expect_out_has 'agency\x1B]0;pwned\x07\x1B[2Jx\u202Evsc\u200B.csv'
expect_out_clean

case_ "import list as JSON and CSV keeps the file name exact"
run import list --format json
expect_status 0
check
python3 -c 'import json,sys; rows=json.load(open(sys.argv[1])); sys.exit(0 if rows[0]["file"].endswith(sys.argv[2]) else 1)' \
    "$T/out" "$hostile" || fail "JSON file name is not the exact name"
run import list --format csv
expect_status 0
check; grep -qF "$hostile" "$T/out" || fail "CSV file name is not the exact name"

case_ "audit list shows the import's details escaped"
run audit list --entity import_batch
expect_status 0
expect_out_has 'pwned\x07'
expect_out_clean
run audit list --entity import_batch --format csv
check; grep -qF "$hostile" "$T/out" || fail "CSV audit details are not exact"

case_ "a note with ESC and a bidi override shows escaped in show, exact in JSON"
# werkstatt itself refuses control characters in a note; a database may hold one all the same.
sql "UPDATE candidate SET notes = 'Notiz' || char(27) || '[31mrot' || char(8238) || 'links' WHERE reference = 'E-1'"
run candidate show E-1
expect_status 0
expect_out_has 'Notiz\x1B[31mrot\u202Elinks'
expect_out_clean
run candidate show E-1 --format json
check
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["notes"] == sys.argv[2] else 1)' \
    "$T/out" "Notiz${ESC}[31mrot${RLO}links" || fail "JSON notes are not exact"

case_ "rejected values with ESC and NUL are escaped in the import's warnings"
python3 - "$T/bad.csv" "$H" <<'EOF'
import sys
head = sys.argv[2].encode()
rows = [
    b"B-1;w;Ben;Kurz;;;391\x1b[31m04;;;;;;Duldung;;;;;;;;",
    b"B-2;w;Nul;Byte;05.07.\x001985;;39104;;;;;;Duldung;;;;;;;;",
]
open(sys.argv[1], "wb").write(head + b"\n" + b"\n".join(rows) + b"\n")
EOF
run candidate import "$T/bad.csv" --source jc
expect_status 65
expect_err_has '(value "391\x1B[31m04")'
expect_err_has '(value "05.07.\x001985")'
expect_err_clean

case_ "a 120 KB rejected value is cut to 80 characters with its length"
python3 - "$T/long.csv" "$H" <<'EOF'
import sys
row = "L-1;w;Lang;Wert;;;" + "9" * (120 * 1024) + ";;;;;;Duldung;;;;;;;;"
open(sys.argv[1], "w").write(sys.argv[2] + "\n" + row + "\n")
EOF
run candidate import "$T/long.csv" --source jc
expect_status 65
expect_err_has "(value \"$(printf '9%.0s' $(seq 80))… (122880 characters)\")"
check; [ "$(wc -c <"$T/err")" -lt 2000 ] || fail "stderr has $(wc -c <"$T/err") bytes for one long value"

case_ "candidate edit: a value with ESC and a bidi override is escaped in the error"
run candidate edit E-1 --plz "391${ESC}[2J${RLO}04"
expect_error 65 "plz '391\x1B[2J\u202E04'"
expect_err_clean

case_ "candidate edit: an unknown reference with an OSC sequence is escaped in the error"
run candidate edit "X${ESC}]0;pwned$(printf '\007')" --plz 39104
expect_error 66 "reference 'X\x1B]0;pwned\x07'"
expect_err_clean

case_ "candidate edit: a 120 KB value is cut in the error"
run candidate edit E-1 --plz "$(python3 -c 'print("8" * 122880)')"
expect_status 65
expect_err_has "… (122880 characters)"
check; [ "$(wc -c <"$T/err")" -lt 2000 ] || fail "stderr has $(wc -c <"$T/err") bytes for one long value"

case_ "a missing file named with escapes is escaped in the error"
run candidate import "$T/drop/gone$(printf '\033[2J').csv"
expect_error 66 'gone\x1B[2J.csv'
expect_err_clean

case_ "German, Arabic and Cyrillic names and the euro sign stay as they are"
{
    printf '%s\n' "$H"
    printf 'U-1;w;Jürgen;Groß-Öztürk;;;39104;;;;;;Duldung;;;;;;;;Gebühr 250 €\n'
    printf 'U-2;w;محمد;الأحمد;;;39104;;;;;;Duldung;;;;;;;;\n'
    printf 'U-3;w;Анна;Кузнецова;;;39104;;;;;;Duldung;;;;;;;;\n'
} >"$T/names.csv"
run candidate import "$T/names.csv" --source jc
expect_status 0
run --wide candidate list
expect_status 0
expect_out_has "Groß-Öztürk"
expect_out_has "الأحمد"
expect_out_has "Кузнецова"
expect_out_clean
run candidate show U-1
expect_out_has "Gebühr 250 €"

case_ "a report written to a terminal shows a bidi override in a name escaped; to a pipe exact"
run company add --key evil --name "Evil${RLO}HbmG" --plz 39104
expect_status 0
# script(1) gives werkstatt a terminal as standard output.
script -qec "'$WERKSTATT' --db '$DB' report members --period 2026 --date 2026-12-01" /dev/null \
    >"$T/tty" 2>"$T/err" </dev/null
status=$?
tr -d '\r' <"$T/tty" >"$T/out" # the terminal itself turns each line feed into CR LF
expect_status 0
expect_out_clean
expect_out_has 'Evil\u202EHbmG'
run report members --period 2026 --date 2026-12-01
expect_status 0
expect_out_has "Evil${RLO}HbmG"


case_ "company fields: a long key, PLZ or district is cut in the error with its length"
long=$(printf 'x%.0s' $(seq 5000))
run company add --key "$long" --name "Lang GmbH" --plz 39104
expect_status 65
expect_err_has "… (5000 characters)"
run company add --key lang --name "Lang GmbH" --plz "$long"
expect_status 65
expect_err_has "… (5000 characters)"
run company add --key lang --name "Lang GmbH" --plz 39104 --district "$long${ESC}"
expect_status 65
expect_err_has "… (5001 characters)"
check; [ "$(wc -c <"$T/err")" -lt 1000 ] || fail "stderr has $(wc -c <"$T/err") bytes for one long value"
finish
