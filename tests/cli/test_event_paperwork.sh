#!/bin/sh
# werkstatt event invitations|invite|sheet|attend --from: a meeting's paperwork. The .eml files are
# parsed back with Python's email package and their calendars with python3-icalendar
# (tests/tools/check_eml.py), the sheet is printed by headless Chromium.
. "$(dirname "$0")/lib.sh"
CHECK_EML="$SOURCE_DIR/tests/tools/check_eml.py"
CHECK_ICS="$SOURCE_DIR/tests/tools/check_ics.py"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
run init
run company add --key mueller --name "Müller Metallbau GmbH" --plz 39104 --street "Am Hansehafen 3" --city Magdeburg --can-host --capacity 40
run company add --key saale --name "Saale-Pflege gGmbH" --plz 06108 --city "Halle (Saale)"
run company add --key alt --name "Alt & Co <KG>" --plz 39104
run contact add --company mueller --name "Anna Schulz" --role Personalleitung --email anna.schulz@mueller-metall.de --salutation frau
expect_status 0
run contact add --company saale --name "Jonas Weber" --email jonas@saale-pflege.de --salutation herr
run contact add --company saale --name "Kim Öztürk" --role "Ausbildung & Praxis" --email kim@saale-pflege.de
run contact add --company mueller --name "Ohne Adresse" --salutation frau
run contact add --company alt --name "Archiv Person" --email archiv@alt.de
run contact add --company mueller --name "Kein Interesse" --email nein@mueller-metall.de --invited no
expect_status 0
run company archive alt
run event add --date 2027-02-11 --host mueller --title "Werkstatt 1/2027" --topic sprache --topic foerderung
expect_status 0
run event add --date 2027-07-08 --host saale --start 09:00 --end 12:30 --kind site-visit
run event add --date 2027-11-11 --host mueller
run event cancel 3 --reason "Gastgeber verhindert"
EVENT_UID=$(sql "SELECT uid FROM event WHERE id = 1")

case_ "contact add/edit: salutation and invited"
run contact show 1 --format json
expect_out_has '"salutation": "frau"'
expect_out_has '"invited": true'
run contact edit 3 --salutation neutral
expect_status 0
expect_err_has "nothing to change"
run contact edit 3 --salutation divers
expect_error 65 "salutation 'divers' is not frau, herr or neutral"
run contact edit 3 --invited vielleicht
expect_status 2

case_ "invitations as CSV: who, with which greeting, and the event's data"
run event invitations 1 --format csv
expect_status 0
expect_out_has "contact_id,salutation,greeting,name,role,company,company_name,email,event,title,date,date_text,start,end,place,host,topics"
expect_out_has "1,frau,Sehr geehrte Frau Anna Schulz,Anna Schulz,Personalleitung,mueller,Müller Metallbau GmbH,anna.schulz@mueller-metall.de,1,Werkstatt 1/2027,2027-02-11,11.02.2027,14:00,17:00,\"Müller Metallbau GmbH, Am Hansehafen 3, 39104 Magdeburg\",Müller Metallbau GmbH,"
expect_out_has "2,herr,Sehr geehrter Herr Jonas Weber,Jonas Weber,,saale,"
expect_out_has "3,,Guten Tag Kim Öztürk,Kim Öztürk,Ausbildung & Praxis,saale,"
expect_out_lacks "Ohne Adresse"
expect_out_lacks "Archiv Person"
expect_out_lacks "Kein Interesse"
check; [ "$(grep -c . "$T/out")" -eq 4 ] || fail "expected a header and three contacts"
expect_err_has "1 contact of a member company has no e-mail address and is not listed"

case_ "invitations as JSON, in English"
run event invitations 1 --format json --lang en
expect_status 0
expect_out_has '"greeting": "Dear Ms Anna Schulz"'
expect_out_has '"greeting": "Hello Kim Öztürk"'
expect_out_has '"date": "2027-02-11"'
run event invitations 1 --lang fr
expect_error 2 "--lang 'fr' is not a language of the documents"
run event invitations 99
expect_error 66 "no event"
run event invitations 3
expect_error 69 "event 3 is cancelled"

case_ "invite without mail.from is a configuration error and writes nothing"
run event invite 1 --output "$T/mail"
expect_error 78 "mail.from is not set"
check; [ ! -e "$T/mail" ] || fail "the folder was made"

mkdir -p "$T/home/.config/werkstatt"
cat >"$T/home/.config/werkstatt/config.toml" <<EOF
[mail]
from = "IQ Netzwerk <netzwerk@example.org>"
sendmail = "$T/fake-sendmail -t -i"
EOF
cat >"$T/fake-sendmail" <<EOF
#!/bin/sh
n=\$(ls "$T/sent" 2>/dev/null | grep -c args)
n=\$((n + 1))
mkdir -p "$T/sent"
printf '%s\n' "\$@" >"$T/sent/\$n.args"
cat >"$T/sent/\$n.eml"
EOF
chmod 755 "$T/fake-sendmail"

case_ "invite --dry-run writes nothing"
before=$(db_fingerprint)
run event invite 1 --output "$T/mail" --dry-run
expect_status 0
expect_err_has "would write 3 invitations to $T/mail"
check; [ ! -e "$T/mail" ] || fail "--dry-run made the folder"
check; [ "$before" = "$(db_fingerprint)" ] || fail "--dry-run changed the database"

case_ "invite speaks German to a German user"
LC_ALL=de_DE.UTF-8 run event invite 1 --output "$T/mail" --dry-run
expect_status 0
expect_err_has "würde 3 Einladungen nach $T/mail schreiben"
LC_ALL=de_DE.UTF-8 run event attend 1
expect_status 2
expect_err_has "werkstatt: Fehler: es fehlt, wessen Anwesenheit erfasst wird"

case_ "invite writes one .eml per contact, 0600, parsed back by Python's email package"
run event invite 1 --output "$T/mail"
expect_status 0
expect_err_has "wrote 3 invitations to $T/mail"
check; [ "$(ls "$T/mail" | wc -l)" -eq 3 ] || fail "expected three files: $(ls "$T/mail")"
F1="$T/mail/event1-contact1-mueller.eml"
F3="$T/mail/event1-contact3-saale.eml"
check; [ "$(stat -c %a "$F1")" = 600 ] || fail "mode $(stat -c %a "$F1"), expected 600"
"$PY" "$CHECK_EML" "$F1" "$T/one.ics" >"$T/eml1" 2>"$T/eml1.err"
status=$?
check; [ "$status" -eq 0 ] || { cat "$T/eml1.err"; fail "check_eml failed on $F1"; }
check; grep -qx "to: anna.schulz@mueller-metall.de" "$T/eml1" || fail "To: $(cat "$T/eml1")"
check; grep -qx "from: netzwerk@example.org" "$T/eml1" || fail "From"
check; grep -qx "subject: Einladung: Werkstatt 1/2027 am 11.02.2027" "$T/eml1" || fail "Subject: $(grep subject "$T/eml1")"
check; grep -qx "Sehr geehrte Frau Anna Schulz," "$T/eml1" || fail "no greeting in the body"
check; grep -qx "Ort: Müller Metallbau GmbH, Am Hansehafen 3, 39104 Magdeburg" "$T/eml1" || fail "no place in the body"
check; grep -q "^1\. " "$T/eml1" || fail "no topics in the body"
check; grep -qx "Mit freundlichen Grüßen" "$T/eml1" || fail "umlauts of the body"
check; grep -qx "method: REQUEST" "$T/eml1" || fail "METHOD"
check; grep -qx "uid: $EVENT_UID" "$T/eml1" || fail "UID differs from the event's: $(grep uid "$T/eml1")"
check; grep -qx "organizer: mailto:netzwerk@example.org" "$T/eml1" || fail "ORGANIZER"
check; grep -qx "attendee: mailto:anna.schulz@mueller-metall.de" "$T/eml1" || fail "ATTENDEE"
check; grep -qx "rsvp: TRUE" "$T/eml1" || fail "RSVP"
check; grep -qx "dtstart: 2027-02-11T14:00:00+01:00" "$T/eml1" || fail "DTSTART: $(grep dtstart "$T/eml1")"
"$PY" "$CHECK_ICS" "$T/one.ics" --expect-events 1 >"$T/check" 2>&1
status=$?
check; [ "$status" -eq 0 ] || { cat "$T/check"; fail "check_ics failed on the attached calendar"; }
run event ics 1
check; grep -q "^UID:$EVENT_UID" "$T/out" || fail "event ics has another UID"
"$PY" "$CHECK_EML" "$F3" >"$T/eml3" 2>"$T/eml3.err"
status=$?
check; [ "$status" -eq 0 ] || { cat "$T/eml3.err"; fail "check_eml failed on $F3"; }
check; grep -qx "to_name: Kim Öztürk" "$T/eml3" || fail "the RFC 2047 name: $(grep to_name "$T/eml3")"
check; grep -qx "attendee_cn: Kim Öztürk" "$T/eml3" || fail "the attendee's CN"
check; grep -qx "Guten Tag Kim Öztürk," "$T/eml3" || fail "neutral greeting"
check; grep -q "^To: =?UTF-8?B?" "$F3" || fail "the non-ASCII name is not an encoded word"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'event' AND action = 'invite'")" = 1 ] || fail "no audit row"
check; ! sql "SELECT details FROM audit_log WHERE action = 'invite'" | grep -q "Sehr geehrte" || fail "the audit row holds message text"

case_ "invite --send hands each file to mail.sendmail on stdin, no shell"
run event invite 1 --output "$T/mail2" --send
expect_status 0
expect_err_has "sent 3 of 3"
check; [ "$(ls "$T/sent"/*.eml | wc -l)" -eq 3 ] || fail "the stand-in got $(ls "$T/sent" | wc -l) files"
check; [ "$(cat "$T/sent/1.args")" = "$(printf -- '-t\n-i')" ] || fail "argv: $(cat "$T/sent/1.args")"
check; grep -q "^Subject: " "$T/sent/1.eml" || fail "the stand-in did not get a message"
check; cmp -s "$T/sent/1.eml" "$T/mail2/event1-contact1-mueller.eml" || fail "stdin differs from the file"
check; sql "SELECT details FROM audit_log WHERE action = 'invite' ORDER BY id DESC LIMIT 1" | grep -q "sent=3" || fail "the audit row lacks sent=3"

case_ "a failing sendmail leaves the files and names the ones not sent, exit 1"
cat >"$T/fail-sendmail" <<EOF
#!/bin/sh
cat >/dev/null
grep -q . /dev/null
exit 1
EOF
chmod 755 "$T/fail-sendmail"
run --set mail.sendmail="$T/fail-sendmail" event invite 1 --output "$T/mail3" --send
expect_status 1
expect_err_has "not sent: $T/mail3/event1-contact1-mueller.eml"
expect_err_has "not sent: $T/mail3/event1-contact3-saale.eml"
expect_err_has "exited with status 1"
check; [ "$(ls "$T/mail3" | wc -l)" -eq 3 ] || fail "the files are gone"

case_ "mail.sendmail splits like a shell: a quoted argument stays one, an unclosed quote is refused"
rm -rf "$T/sent"
run --set mail.sendmail="$T/fake-sendmail -a 'IQ Büro' -t" event invite 1 --output "$T/mail6" --send
expect_status 0
check; [ "$(cat "$T/sent/1.args")" = "$(printf -- '-a\nIQ Büro\n-t')" ] || fail "argv: $(cat "$T/sent/1.args")"
run --set mail.sendmail="$T/fake-sendmail -a 'IQ Büro -t" event invite 1 --output "$T/mail7" --send
expect_error 78 "unclosed ' quote"
check; [ ! -e "$T/mail7" ] || fail "wrote invitations with a broken mail.sendmail"

case_ "a missing sendmail: the files stay, a configuration error"
run --set mail.sendmail="$T/no-such-program -t" event invite 1 --output "$T/mail4" --send
expect_status 78
expect_err_has "wrote 3 invitations to $T/mail4"
expect_err_has "werkstatt: error: mail.sendmail: the program '$T/no-such-program' is not found or may not be run, so none of the 3 invitations was sent"
check; [ "$(ls "$T/mail4" | wc -l)" -eq 3 ] || fail "the files are gone"

case_ "invite --lang en: the attached calendar entry is in the invitation's language"
run event invite 1 --output "$T/mail-en" --lang en
expect_status 0
"$PY" "$CHECK_EML" "$T/mail-en/event1-contact1-mueller.eml" "$T/en.ics" >"$T/eml-en" 2>"$T/eml-en.err"
status=$?
check; [ "$status" -eq 0 ] || { cat "$T/eml-en.err"; fail "check_eml failed on the English invitation"; }
check; grep -qx "summary: Werkstatt 1/2027 at Müller Metallbau GmbH" "$T/eml-en" ||
    fail "English summary: $(grep summary "$T/eml-en")"
check; grep -qx "uid: $EVENT_UID" "$T/eml-en" || fail "the English entry has another UID"
check; grep -qx "summary: Werkstatt 1/2027 bei Müller Metallbau GmbH" "$T/eml1" ||
    fail "German summary: $(grep summary "$T/eml1")"

case_ "invite: bad input"
run event invite 3 --output "$T/mail5"
expect_error 69 "cancelled"
check; [ ! -e "$T/mail5" ] || fail "made a folder for a cancelled event"
run event invite 1
expect_status 2
run --set 'mail.body=Hallo {vorname}' event invite 1 --output "$T/mail5"
expect_error 78 "unknown placeholder {vorname}"

case_ "the sign-in sheet: the event's data, one row per registration, escaped"
run event register 1 --contact 1
run event register 1 --contact 3
run event register 1 --company saale
run contact add --company saale --name "<b>Bold</b> & Sons" --email bold@saale-pflege.de
run event register 1 --contact 7
expect_status 0
run event sheet 1 --output "$T/sheet.html"
expect_status 0
expect_err_has "wrote the sign-in sheet of event 1 to $T/sheet.html"
check; [ "$(stat -c %a "$T/sheet.html")" = 600 ] || fail "the sheet is not 0600"
check; grep -q "Teilnehmerliste" "$T/sheet.html" || fail "not German"
check; grep -qF "&lt;b&gt;Bold&lt;/b&gt; &amp; Sons" "$T/sheet.html" || fail "the name is not escaped"
check; ! grep -qF "<b>Bold" "$T/sheet.html" || fail "raw HTML from a name"
check; grep -qF "Ausbildung &amp; Praxis" "$T/sheet.html" || fail "the role is not escaped"
run event sheet 1 --lang en
expect_status 0
expect_out_has "Sign-in sheet"
run event sheet 3
expect_error 69 "cancelled"
run event sheet 99
expect_error 66 "no event"

case_ "the sign-in sheet printed by headless Chromium on A4"
if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    skip "chromium or pdftotext (poppler-utils) is not installed"
else
    timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --no-first-run --no-default-browser-check --disable-extensions \
        --user-data-dir="$T/chromium" --no-pdf-header-footer --print-to-pdf="$T/sheet.pdf" \
        "file://$T/sheet.html" >/dev/null 2>>"$T/chromium.err"
    status=$?
    expect_status 0
    pdftotext -layout "$T/sheet.pdf" "$T/sheet.txt"
    for text in "Teilnehmerliste: Werkstatt 1/2027" "11.02.2027" "14:00 – 17:00" "Am Hansehafen 3" \
        "Anna Schulz" "Personalleitung" "Kim Öztürk" "Saale-Pflege gGmbH" "<b>Bold</b> & Sons" \
        "Unterschrift" "Gastgeber"; do
        check; grep -qF -- "$text" "$T/sheet.txt" || fail "the printed sheet lacks '$text'"
    done
    size=$(pdfinfo "$T/sheet.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p')
    check
    echo "$size" | awk '{ exit !($1 >= 594 && $1 <= 596 && $2 >= 841 && $2 <= 843) }' ||
        fail "page size is '$size' pts, expected A4 (595 x 842)"
fi

case_ "attend --from: the sheet's participants as CSV, round trip"
run event participants 1 --format csv
expect_status 0
# company key and name of each named registration, with the status a coordinator typed.
tail -n +2 "$T/out" | tr -d '\r' | awk -F, '$4 != "" { print $2 "," $4 ",anwesend" }' >"$T/rows"
{ echo "company,name,status"; cat "$T/rows"; echo "Müller Metallbau GmbH,Ohne Adresse,x"; echo ",,"; echo "saale,Jonas Weber,"; } >"$T/attend.csv"
before=$(db_fingerprint)
run event attend 1 --from "$T/attend.csv" --dry-run
expect_status 0
expect_err_has "would record the attendance of 4 contacts at event 1"
check; [ "$before" = "$(db_fingerprint)" ] || fail "--dry-run changed the database"
run event attend 1 --from "$T/attend.csv"
expect_status 0
expect_err_has "recorded the attendance of 4 contacts at event 1"
expect_err_has "1 of them was not registered; registered now"
expect_err_has "1 row without a status was left alone"
check; [ "$(sql "SELECT count(*) FROM registration WHERE event_id = 1 AND status = 'attended'")" = 4 ] || fail "not four attended"
check; [ "$(sql "SELECT status FROM registration WHERE event_id = 1 AND contact_id IS NULL")" = registered ] || fail "the seat changed"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE action = 'attend'")" = 1 ] || fail "not one audit row"

case_ "attend --from: a list saved by German Excel (Windows-1252, semicolons)"
printf 'Firma;Name;Anwesenheit\r\nM\374ller Metallbau GmbH;Kim \326zt\374rk;entschuldigt\r\n' >"$T/excel.csv"
run event attend 1 --from "$T/excel.csv" --dry-run
expect_status 65
expect_err_has "excel.csv:2: 'Kim Öztürk' is no contact of mueller"
printf 'Firma;Name;Anwesenheit\r\nSaale-Pflege gGmbH;Kim \326zt\374rk;entschuldigt\r\n' >"$T/excel.csv"
run event attend 1 --from "$T/excel.csv" --encoding windows-1252
expect_status 0
expect_err_has "recorded the attendance of 1 contact at event 1"
check; [ "$(sql "SELECT status FROM registration WHERE event_id = 1 AND contact_id = 3")" = excused ] || fail "Kim is not excused"
run event attend 1 --contact 1 --status attended --encoding utf-8
expect_status 2

case_ "attend --from: the list as an Excel workbook (written by openpyxl)"
if /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then
    /usr/bin/python3 - "$T/attend.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Tabelle1"
ws.append(["Firma", "Name", "Anwesenheit"])
ws.append(["Saale-Pflege gGmbH", "Kim Öztürk", "anwesend"])
wb.save(sys.argv[1])
PY
    run event attend 1 --from "$T/attend.xlsx"
    expect_status 0
    expect_err_has "recorded the attendance of 1 contact at event 1"
    check; [ "$(sql "SELECT status FROM registration WHERE event_id = 1 AND contact_id = 3")" = attended ] || fail "Kim is not attended"
    printf 'not a zip' >"$T/broken.xlsx"
    run event attend 1 --from "$T/broken.xlsx"
    expect_status 65
else
    skip "python3-openpyxl is not installed"
fi

case_ "attend --from: unknown rows are rejected, nothing is recorded"
printf 'Firma;Name;Anwesenheit\nmueller;Anna Schulz;entschuldigt\nmueller;Niemand Da;x\nnirgendwo;Anna Schulz;x\nsaale;Jonas Weber;vielleicht\n' >"$T/bad.csv"
before=$(db_fingerprint)
run event attend 1 --from "$T/bad.csv"
expect_status 65
expect_err_has "$T/bad.csv:3: 'Niemand Da' is no contact of mueller"
expect_err_has "$T/bad.csv:4: no member company 'nirgendwo'"
expect_err_has "$T/bad.csv:5: status 'vielleicht' is not attended, no-show or excused"
expect_err_has "3 rows of $T/bad.csv name nobody to record; nothing was recorded"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a rejected list changed the database"
printf 'wer,was\nx,y\n' >"$T/nocols.csv"
run event attend 1 --from "$T/nocols.csv"
expect_error 65 "needs the columns company, name and status"
run event attend 1 --from "$T/none.csv"
expect_error 66 "none.csv"
run event attend 1 --from "$T/attend.csv" --contact 1
expect_status 2
run event attend 1
expect_error 2 "--contact ID --status STATUS, or --from FILE"
run event attend 3 --from "$T/attend.csv"
expect_error 69 "cancelled"

finish
