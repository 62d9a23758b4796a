#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Completeness of the German catalogue, tested rather than hoped for: the pseudo-locale (every
# translation is the English text ⟦marked⟧, tests/pseudo/make_pseudo_po.py) is built now and
# installed as this test's German catalogue; then commands run in German, and any word of what
# they say that is not marked, not a command or option name and not data bypassed the catalogue.
# Covered: every command's --help, usage errors, errors of the library, warnings, and every
# listing and record view of the demo database as a table (headings, yes/no, explanations,
# checklists). Machine formats (JSON, CSV) are not checked: they never change with the language.
. "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?set SOURCE_DIR to the source tree}"

case_ "build the pseudo-locale"
if ! command -v msgfmt >/dev/null 2>&1; then
    skip "msgfmt (gettext) is not installed"
    finish
fi
mkdir -p "$T/locale/de/LC_MESSAGES"
python3 "$SOURCE_DIR/tests/pseudo/make_pseudo_po.py" "$SOURCE_DIR" "$T/pseudo.po" &&
    msgfmt --check -o "$T/locale/de/LC_MESSAGES/werkstatt.mo" "$T/pseudo.po"
check
[ -s "$T/locale/de/LC_MESSAGES/werkstatt.mo" ] || fail "the pseudo catalogue was not built"

run init
expect_status 0
run company add --key haus --name "Haus Quelle" --plz 06108
expect_status 0

# What a person may see unmarked: the program's and its commands' names, and the test's data.
"$WERKSTATT" help --commands | cut -f1 | tr ' ' '\n' | sort -u >"$T/allowed"
printf '%s\n' werkstatt haus Haus Quelle yaml nope xyz mueller >>"$T/allowed"

mkdir -p "$T/said"
n=0
# Run werkstatt in German (a German locale, ui.lang = auto) with the pseudo catalogue; keep what
# it says for the check. The locale decides also when the configuration itself is wrong.
say() {
    n=$((n + 1))
    WERKSTATT_LOCALEDIR="$T/locale" LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" "$@" \
        >"$T/said/$n.out" 2>"$T/said/$n.err" </dev/null
    echo "$*" >"$T/said/$n.cmd"
}

case_ "ui.lang = de under LANG=C: the pseudo-locale is what German reads"
WERKSTATT_LOCALEDIR="$T/locale" "$WERKSTATT" --db "$DB" --set ui.lang=de company show nope \
    >"$T/out" 2>"$T/err" </dev/null
status=$?
expect_status 66
check
grep -q "^$(printf '\342\237\246')werkstatt: error: " "$T/err" ||
    fail "the error line is not marked: $(cat "$T/err")"

case_ "every command's --help is marked"
say --help
"$WERKSTATT" help --commands | cut -f1 >"$T/commands"
while read -r path; do
    # shellcheck disable=SC2086 # the path's words are the command's words
    say $path --help
done <"$T/commands"
check
[ "$n" -gt 100 ] || fail "only $n help texts were checked"

case_ "usage errors and the library's errors are marked"
say
say company
say company list --format yaml
say company add
say company add --key haus --name X --plz 06108
say company add --key xyz --name X --plz 99
say company show nope
say candidate show 999
say event show 999
say opening show 999
say placement set 999 999 hired
say report quarterly --period xyz
say match --date 2027-02-30
say followup record 1 --outcome xyz
say db restore "$T/nope.db"
say config get nope.key
say --set output.format=xyz company list
say --set nope.key=1 company list

case_ "listings and records as tables: headings, yes and no, explanations are marked"
# The demo database holds every kind of record. Each listing runs twice in German: as JSON, whose
# data (names, places, codes; not the program's prose) a table may show as it is, and as the
# table that is checked. A line "log ..." is a log, whose records are all data.
"$SOURCE_DIR/examples/demo.sh" "$WERKSTATT" "$T/demo" >"$T/demo.out" 2>&1 ||
    fail "the demo did not run: $(tail -3 "$T/demo.out")"
check
demo_key() { # demo_key COMMAND...: the key of the first row of a listing of the demo
    "$WERKSTATT" --db "$T/demo/werkstatt.db" "$@" --format json |
        python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["key"])'
}
advisor=$(demo_key advisor list)
funding=$(demo_key funding list)
company=$(demo_key company list)
cat >"$T/listings" <<EOL
company list
company show $company
contact list
topic list
event list
event show 1
event plan --from 2028Q1 --quarters 2
calendar --year 2027
candidate list
candidate show 1
candidate duplicates
opening list
opening show 1
log import list
placement list
followup list
match --opening 1 --top 3 --explain --date 2026-12-01
match --candidate 1 --date 2026-12-01
due --date 2027-01-10
advisor list
advisor show $advisor
funding list
funding show $funding
hiring checklist --candidate 1
config show
log audit list
rules
report list
privacy status
EOL
while read -r listing; do
    n=$((n + 1))
    json="$T/said/$n.json"
    case $listing in log\ *) listing=${listing#log } json="$T/said/$n.log.json" ;; esac
    # shellcheck disable=SC2086 # the line's words are the command's words
    WERKSTATT_LOCALEDIR="$T/locale" LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$T/demo/werkstatt.db" \
        $listing --format json >"$json" 2>/dev/null </dev/null
    # shellcheck disable=SC2086
    WERKSTATT_LOCALEDIR="$T/locale" LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$T/demo/werkstatt.db" \
        $listing --format table >"$T/said/$n.out" 2>"$T/said/$n.err" </dev/null
    [ -s "$T/said/$n.out" ] || fail "'$listing' showed nothing: $(head -2 "$T/said/$n.err")"
done <"$T/listings"
python3 "$SOURCE_DIR/tests/pseudo/data_words.py" --db "$T/demo/werkstatt.db" "$T"/said/*.json >>"$T/allowed"
# The rule files' German texts (the *_de values of funding.toml, hiring_rules.toml and
# work_rules.toml, whose labels are German only) are data the program shows in German as
# written, not catalogue text.
sed -n 's/^\(label\|[a-z_]*_de\) = "\(.*\)"$/\2/p' "$SOURCE_DIR/config/data/funding.toml" \
    "$SOURCE_DIR/config/data/hiring_rules.toml" "$SOURCE_DIR/config/data/work_rules.toml" |
    python3 -c 'import re, sys; print("\n".join(re.findall(r"[^\W\d_]{2,}", sys.stdin.read())))' >>"$T/allowed"
grep -q "$(printf '\342\237\246')ID$(printf '\342\237\247')" "$T"/said/*.out ||
    fail "no table heading was marked"

case_ "nothing unmarked"
# The metavariables of the usage lines (ID, PERIOD) are names of the command line, like options.
grep -h "$(printf '\342\237\246')Usage" "$T"/said/*.out >>"$T/allowed"
check
if ! python3 "$SOURCE_DIR/tests/pseudo/check_marked.py" "$T/allowed" "$T"/said/*.out \
    "$T"/said/*.err >"$T/unmarked"; then
    fail "text that bypasses the catalogue ($(wc -l <"$T/unmarked") lines):"
    head -60 "$T/unmarked" | sed 's/^/  /'
fi

case_ "the check finds English that is not marked"
check
LC_ALL=C.UTF-8 "$WERKSTATT" --db "$DB" company --help >"$T/english.out" 2>&1
python3 "$SOURCE_DIR/tests/pseudo/check_marked.py" "$T/allowed" "$T/english.out" >/dev/null &&
    fail "English help passed the check"

finish
