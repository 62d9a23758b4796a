#!/bin/sh
# werkstatt event ics: RFC 5545 output, parsed back by an independent parser (python3-icalendar).
. "$(dirname "$0")/lib.sh"
CHECK="$SOURCE_DIR/tests/tools/check_ics.py"
run init
run company add --key mueller --name "Müller Metallbau GmbH" --plz 39104 --street "Am Hansehafen 3" --city Magdeburg --can-host --capacity 40
run company add --key saale --name "Saale-Pflege gGmbH" --plz 06108 --city "Halle (Saale)" --can-host --capacity 60
run event add --date 2027-02-11 --host mueller --title "Werkstatt 1/2027" --topic sprache --topic foerderung --topic arbeitsrecht --notes "Anfahrt: Tor 2; Parkplätze am Hafen, bitte Ausweis mitbringen"
run event add --date 2027-07-08 --host saale --start 09:00 --end 12:30 --kind site-visit
run event add --date 2027-11-11 --host mueller
run event cancel 3 --reason "Gastgeber verhindert"

case_ "one event to stdout parses back with its fields, times in Europe/Berlin"
run event ics 1
expect_status 0
cp "$T/out" "$T/one.ics"
python3 "$CHECK" "$T/one.ics" --expect-events 1 >"$T/check" 2>&1
status=$?
check; [ "$status" -eq 0 ] || { cat "$T/check"; fail "check_ics failed"; }
check; grep -q "2027-02-11T14:00:00+01:00" "$T/check" || fail "wrong start: $(cat "$T/check")"
expect_out_has "LOCATION:Müller Metallbau GmbH\\, Am Hansehafen 3\\, 39104 Magdeburg"
expect_out_has "SUMMARY:Werkstatt 1/2027 bei Müller Metallbau GmbH"
check; [ "$(grep -c "$(printf '\r')\$" "$T/one.ics")" -eq "$(wc -l <"$T/one.ics")" ] || fail "not every line ends in CRLF"
check; awk '{ if (length($0) > 76) bad = 1 } END { exit bad }' "$T/one.ics" || fail "a line is longer than 75 octets"

case_ "a period to a file: summer time, the cancelled event keeps its UID"
uid3=$(sql "SELECT uid FROM event WHERE id = 3")
run event ics --period 2027 --output "$T/year.ics"
expect_status 0
expect_err_has "wrote 3 events to $T/year.ics"
expect_out_empty
python3 "$CHECK" "$T/year.ics" --expect-events 3 --expect-cancelled "$uid3" >"$T/check" 2>&1
status=$?
check; [ "$status" -eq 0 ] || { cat "$T/check"; fail "check_ics failed"; }
check; grep -q "2027-07-08T09:00:00+02:00" "$T/check" || fail "summer time wrong: $(cat "$T/check")"
check; grep -q "SEQUENCE:1" "$T/year.ics" || fail "cancelled event has no raised SEQUENCE"

case_ "an edit raises SEQUENCE and keeps the UID, so calendars update"
uid1=$(sql "SELECT uid FROM event WHERE id = 1")
run event edit 1 --start 10:00 --end 13:00
run event ics 1
expect_out_has "UID:$uid1"
expect_out_has "SEQUENCE:1"
expect_out_has "DTSTART;TZID=Europe/Berlin:20270211T100000"

case_ "errors: unknown event, bad period, unwritable output"
run event ics 99
expect_error 66 "no event with id 99"
run event ics --period 2027Q7
expect_error 2 "does not parse"
run event ics 1 --period 2027
expect_error 2 "excludes"
run event ics --output "$T/no/such/dir/x.ics"
expect_error 73 "cannot write $T/no/such/dir/x.ics"
check; [ -z "$(ls "$T" | grep '^\.x\.ics')" ] || fail "temporary file left behind"

# Calendar entries are documents handed to others: they follow documents.lang (German by default)
# or --lang, not the terminal's language, which governs the messages only.
case_ "German by default: LANG=C and no configuration write German entries"
run event ics --period 2027
expect_status 0
expect_out_has "SUMMARY:Werkstatt 1/2027 bei Müller Metallbau GmbH"
expect_out_has "SUMMARY:Vor-Ort-Besuch bei Saale-Pflege gGmbH"
expect_out_has "SUMMARY:Betriebliche Werkstatt bei Müller Metallbau GmbH"
expect_out_has 'DESCRIPTION:Themen:\n1. '
expect_out_has "DESCRIPTION:Abgesagt: Gastgeber verhindert"
grep '^UID:' "$T/out" >"$T/uids.de"

# check_english_ics FILE: the entries' words are English, the data as recorded.
check_english_ics() {
    for text in "SUMMARY:Werkstatt 1/2027 at Müller Metallbau GmbH" \
        "SUMMARY:Site visit at Saale-Pflege gGmbH" \
        "SUMMARY:Company Werkstatt at Müller Metallbau GmbH" 'DESCRIPTION:Topics:\n1. ' \
        "DESCRIPTION:Cancelled: Gastgeber verhindert"; do
        check; grep -qF -- "$text" "$1" || fail "the English calendar lacks '$text'"
    done
    for text in " bei " "Themen:" "Abgesagt:" "Vor-Ort-Besuch" "Betriebliche Werkstatt"; do
        check; ! grep -qF -- "$text" "$1" || fail "the English calendar says '$text'"
    done
}

case_ "--lang en: English words, the same UIDs, times and states"
run event ics --period 2027 --lang en
expect_status 0
cp "$T/out" "$T/en.ics"
check_english_ics "$T/en.ics"
grep '^UID:' "$T/en.ics" >"$T/uids.en"
check; cmp -s "$T/uids.de" "$T/uids.en" || fail "the UIDs differ between the languages"
python3 "$CHECK" "$T/en.ics" --expect-events 3 --expect-cancelled "$uid3" >"$T/check" 2>&1
status=$?
check; [ "$status" -eq 0 ] || { cat "$T/check"; fail "check_ics failed on the English calendar"; }
check; grep -q "2027-07-08T09:00:00+02:00" "$T/check" || fail "times differ: $(cat "$T/check")"

case_ "documents.lang = \"en\" in the configuration: English without --lang; --lang de wins"
mkdir -p "$XDG_CONFIG_HOME/werkstatt"
printf '[documents]\nlang = "en"\n' >"$XDG_CONFIG_HOME/werkstatt/config.toml"
run event ics --period 2027
expect_status 0
check; cmp -s "$T/out" "$T/en.ics" || fail "documents.lang = en writes other entries than --lang en"
run event ics --period 2027 --lang de
expect_status 0
expect_out_has "SUMMARY:Vor-Ort-Besuch bei Saale-Pflege gGmbH"
rm "$XDG_CONFIG_HOME/werkstatt/config.toml"

case_ "a German terminal with documents.lang = en: English entries, German messages"
LC_ALL=de_DE.UTF-8 run --set documents.lang=en event ics --period 2027 --output "$T/de-terminal.ics"
expect_status 0
expect_err_has "3 Veranstaltungen nach $T/de-terminal.ics geschrieben"
check_english_ics "$T/de-terminal.ics"
check; cmp -s "$T/de-terminal.ics" "$T/en.ics" || fail "the terminal's language changed the calendar"

case_ "--lang: only de or en"
run event ics 1 --lang fr
expect_error 2 "--lang 'fr' is not a language of the documents"
expect_out_empty

finish
