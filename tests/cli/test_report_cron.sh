#!/bin/sh
# Named reports for cron ([report.NAME], `report run`, `report list`): the same bytes as the
# equivalent `report KIND`, file names from {period} and {date}, silence on success, nothing left
# behind on failure, and a bad named report refused with its line (exit 78).
. "$(dirname "$0")/lib.sh"

run init
expect_status 0
CONF="$XDG_CONFIG_HOME/werkstatt/config.toml"
mkdir -p "$(dirname "$CONF")" "$T/berichte"

case_ "report list without named reports prints the header only"
run report list --format csv
expect_status 0
expect_csv <<'EOF'
name,kind,period,format,output,lang,table
EOF

cat >"$CONF" <<EOF
[report]
lang = "de"

[report.quartal]
kind = "Quartalsbericht"
period = "last-quarter"
output = "$T/berichte/quartal-{period}-{date}.md"

[report.jahr]
kind = "annual"
period = "last-year"
lang = "en"

[report.events]
kind = "quarterly"
period = "this-quarter"
format = "csv"
table = "events"

[report.verloren]
kind = "esf"
period = "2027"
output = "$T/fehlt/esf-{period}.md"
EOF

case_ "report list shows every named report in name order, German kinds in English"
run report list --format csv
expect_status 0
expect_csv <<EOF
name,kind,period,format,output,lang,table
events,quarterly,this-quarter,csv,,de,events
jahr,annual,last-year,md,,en,
quartal,quarterly,last-quarter,md,$T/berichte/quartal-{period}-{date}.md,de,
verloren,esf,2027,md,$T/fehlt/esf-{period}.md,de,
EOF
expect_err_empty

case_ "a later configuration file replaces a named report of the same name"
cat >"$T/more.toml" <<'EOF'
[report.jahr]
kind = "members"
period = "this-year"
EOF
run --config "$T/more.toml" report list --format csv
expect_status 0
expect_out_has "jahr,members,this-year,md,,de,"
expect_out_has "quartal,quarterly,last-quarter"

case_ "an unknown name is a configuration error (78) that says where to look"
run report run nope --date 2027-04-01
expect_error 78 "no named report 'nope' in the configuration; see 'werkstatt report list'"

case_ "report without a kind or subcommand, or with both, is a usage error"
run report
expect_error 2 "needs a kind"
run report quarterly run quartal
expect_error 2 "take no kind and none of the options"
run report run quartal --period 2027Q1
expect_error 2 "take no kind and none of the options"
run report run
expect_error 2 "NAME is required"

case_ "--output with an unknown placeholder is a usage error, and nothing is written"
run report quarterly --period 2027Q1 --output "$T/berichte/q-{quarter}.md"
expect_error 2 "{period} or {date}"

case_ "report KIND on success writes the report to stdout and nothing to stderr"
run report quarterly --period last-quarter --date 2027-04-01
expect_status 0
expect_err_empty
check; [ -s "$T/out" ] || fail "no report on stdout"
cp "$T/out" "$T/direct.md"
check; grep -qE '2027Q1|Q1 2027|1\. Quartal 2027' "$T/out" || fail "the report does not name 2027Q1"

case_ "report run writes the file named by {period} and {date}, says so, prints no data"
run report run quartal --date 2027-04-01
expect_status 0
expect_out_empty
expect_err_has "quartal: wrote the quarterly report to $T/berichte/quartal-2027Q1-2027-04-01.md"
check; [ "$(wc -l <"$T/err")" -eq 1 ] || fail "more than one line on stderr"
check
cmp -s "$T/direct.md" "$T/berichte/quartal-2027Q1-2027-04-01.md" ||
    fail "report run and the equivalent report quarterly differ"
check
[ "$(ls -A "$T/berichte")" = "quartal-2027Q1-2027-04-01.md" ] ||
    fail "unexpected files: $(ls -A "$T/berichte")"

case_ "run twice with the same --date: the same bytes; --quiet: silent"
cp "$T/berichte/quartal-2027Q1-2027-04-01.md" "$T/first.md"
run --quiet report run quartal --date 01.04.2027
expect_status 0
expect_out_empty
expect_err_empty
check
cmp -s "$T/first.md" "$T/berichte/quartal-2027Q1-2027-04-01.md" || fail "second run differs"

case_ "another --date resolves last-quarter and {date} anew"
run --quiet report run quartal --date 2027-10-01
expect_status 0
check
[ -s "$T/berichte/quartal-2027Q3-2027-10-01.md" ] || fail "no 2027Q3 report: $(ls "$T/berichte")"
expect_err_empty

case_ "a named report without output goes to stdout, in its language, unannounced"
run report run jahr --date 2028-01-02
expect_status 0
expect_err_empty
cp "$T/out" "$T/named.md"
run report annual --period 2027 --lang en --date 2028-01-02
check; cmp -s "$T/out" "$T/named.md" || fail "report run jahr differs from report annual"

case_ "--output of report KIND takes the placeholders too"
run report quarterly --period last-quarter --date 2027-04-01 --output "$T/berichte/direkt-{period}.md"
expect_status 0
expect_err_empty
check; cmp -s "$T/direct.md" "$T/berichte/direkt-2027Q1.md" || fail "direkt-2027Q1.md differs"

case_ "an output folder that does not exist: exit 73, and nothing left behind"
run report run verloren --date 2027-04-01
expect_error 73 "$T/fehlt"
check; [ ! -e "$T/fehlt" ] || fail "the missing folder was made"
check; [ -z "$(find "$T" -name '.*.md.*')" ] || fail "a temporary file is left: $(find "$T" -name '.*.md.*')"

case_ "config check names the line of each bad named report; every command refuses it (78)"
cat >"$T/bad.toml" <<'EOF'
[report.gut]
kind = "quarterly"
period = "last-quarter"

[report.art]
kind = "wochenbericht"
period = "last-quarter"

[report.format]
kind = "esf"
period = "last-year"
format = "pdf"

[report.tippfehler]
kind = "esf"
period = "last-year"
ouput = "x.md"

[report.ohne]
kind = "esf"

[report.sensitive]
kind = "esf"
period = "2027"

[report.platzhalter]
kind = "esf"
period = "2027"
output = "esf-{jahr}.md"

[report.zeitraum]
kind = "esf"
period = "vorletztes-quartal"

[report.tabelle]
kind = "members"
period = "2027"
table = "members"

[report.zahl]
kind = "members"
period = 2027
EOF
run config check "$T/bad.toml"
expect_status 78
expect_err_has "bad.toml:6: [report.art] kind: 'wochenbericht' is not a kind of report"
expect_err_has "bad.toml:12: [report.format] format: 'pdf' is not a report format"
expect_err_has "bad.toml:17: [report.tippfehler] unknown key 'ouput'; the keys of a named report are kind, period, format, output, lang, table"
expect_err_has "bad.toml:19: [report.ohne] has no period"
expect_err_has "bad.toml:23: unknown key 'report.sensitive.kind'; 'sensitive' cannot name a report"
expect_err_has "bad.toml:24: unknown key 'report.sensitive.period'"
expect_err_has "bad.toml:29: [report.platzhalter] output: 'esf-{jahr}.md' has a brace"
expect_err_has "bad.toml:33: [report.zeitraum] period: period 'vorletztes-quartal' does not parse"
expect_err_has "bad.toml:35: [report.tabelle] has a table but is not csv"
expect_err_has "bad.toml:42: [report.zahl] period must be a string, not an integer"
expect_err_lacks "[report.gut]"
check; [ "$(wc -l <"$T/err")" -eq 10 ] || fail "expected ten problems, one a line"
run --config "$T/bad.toml" report list
expect_error 78 "bad.toml:6: [report.art] kind: 'wochenbericht' is not a kind of report"
run --config "$T/bad.toml" report run gut --date 2027-04-01
expect_error 78 "bad.toml:6:"

case_ "[report.csv] and a report name with a blank are refused"
printf '[report.csv]\nkind = "esf"\n\n["report"."mein bericht"]\nkind = "esf"\nperiod = "2027"\n' >"$T/names.toml"
run config check "$T/names.toml"
expect_status 78
expect_err_has "names.toml:2: unknown key 'report.csv.kind'; 'csv' cannot name a report"
expect_err_has "names.toml:4: 'mein bericht' cannot name a report: use ASCII letters, digits, - and _"

case_ "the shipped config/werkstatt.toml and a valid named report pass config check"
run config check "$SOURCE_DIR/config/werkstatt.toml"
expect_status 0
run config check "$CONF"
expect_status 0
expect_err_has "valid"

finish
