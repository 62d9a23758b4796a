#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole job of werkstatt on a fresh demo database: `make demo` runs this.
# Usage: examples/demo.sh [WERKSTATT-BINARY] [DEMO-FOLDER]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-werkstatt}
dir=${2:-demo}
rm -rf "$dir"
mkdir -p "$dir"
db="$dir/werkstatt.db"
w() { "$bin" --db "$db" "$@"; }
step() { printf '\n== %s\n$ werkstatt %s\n' "$1" "$2"; }

step "Create the database" "init"
w init

step "Import the member register from a CSV file" "company import examples/companies.csv"
w company import "$here/companies.csv"

step "Add a member by hand, as scripts do" "company add --key mansfeld-kupfer ..."
w company add --key mansfeld-kupfer --name "Mansfelder Kupfer und Messing GmbH" \
    --plz 06333 --city Hettstedt --industry Metall --can-host --capacity 45

step "Contact persons" "contact add --company mueller-metall ..."
w contact add --company mueller-metall --name "Anna Schulz" --role Personalleitung \
    --email a.schulz@mueller-metall.example --phone "0391 555 120" --salutation frau
w contact add --company saale-pflege --name "Jonas Weber" --role Ausbildungsleitung \
    --email j.weber@saale-pflege.example --salutation herr
w contact add --company elbe-kliniken --name "Dr. Leyla Demir" --role Pflegedirektion \
    --email l.demir@elbe-kliniken.example --salutation frau

step "The member register" "company list"
w company list

step "Companies that can host a Werkstatt, as CSV for a spreadsheet" "company list --hosts --format csv"
w company list --hosts --format csv

step "Last quarter's Werkstatt, held at Müller Metallbau" "event add ... ; event hold 1"
w event add --date 2026-08-13 --host mueller-metall --title "Werkstatt 3/2026" \
    --topic sprache --topic foerderung
w event register 1 --contact 1
w event register 1 --contact 2
w event attend 1 --contact 1 --status attended
w event attend 1 --contact 2 --status excused
w event hold 1

step "A company that cannot host in spring" "event block harz-holzbau 2027Q2"
w event block harz-holzbau 2027Q2 --reason "Hallenumbau"

step "The rotation proposed for 2027, with its reasons" "event plan --from 2027Q1 --quarters 4"
w event plan --from 2027Q1 --quarters 4

step "Commit it: four planned events" "event plan --from 2027Q1 --quarters 4 --commit; event list"
w --quiet event plan --from 2027Q1 --quarters 4 --commit >/dev/null
w event list

step "The year's calendar: holidays of Sachsen-Anhalt and events" "calendar --year 2027"
w calendar --year 2027

step "Calendar file for Outlook and Thunderbird" "event ics --period 2027 --output ..."
w event ics --period 2027 --output "$dir/werkstatt-2027.ics"

step "The next meeting's paperwork: whom to invite, and the sign-in sheet to print" "event invitations 2 --format csv; event sheet 2 --output ..."
w event invitations 2 --format csv
w event sheet 2 --output "$dir/teilnehmerliste.html"

step "An agency's candidate list arrives (BA export, semicolons, TT.MM.JJJJ)" "candidate import examples/agency-ba.csv --profile ba --source jc-magdeburg"
w candidate import "$here/agency-ba.csv" --profile ba --source jc-magdeburg

step "The same file again: nothing changes" "candidate import ... (again)"
w candidate import "$here/agency-ba.csv" --profile ba --source jc-magdeburg

step "Candidates of the applicant exchange" "candidate list"
w candidate list

step "Openings of member companies" "opening import examples/openings.csv; opening add ..."
w opening import "$here/openings.csv" --profile openings
w opening add --company mueller-metall --title "Schweißer (m/w/d)" --kldb 24412 --german B1 \
    --plz 39126 --positions 2 --start 2027-03-01
w opening list

step "A Jobcenter's list arrives too" "candidate import examples/agency-jobcenter.csv --profile ba --source jc-halle"
w candidate import "$here/agency-jobcenter.csv" --profile ba --source jc-halle

# Matching judges consent and availability on a day; the demo fixes it so its output stays the same.
day=2026-12-01
step "The best three candidates for the nursing opening, with every reason" "match --opening 1 --top 3 --explain --date $day"
w match --opening 1 --top 3 --explain --date $day

step "The optimal proposal over all openings, stored for the coordinators" "match --assign --commit --date $day"
w match --assign --commit --date $day

step "Every scored pair, for a check with another tool" "match --scores --format csv --date $day > paare.csv"
w match --scores --format csv --date $day >"$dir/paare.csv"
printf '%s pairs written to %s\n' "$(($(wc -l <"$dir/paare.csv") - 1))" "$dir/paare.csv"

step "Her profile card for the nursing home: no name, no address, the permission to work in plain words" "candidate card JC-H-1001 --opening 4 --for saale-pflege --date $day"
w candidate card JC-H-1001 --opening 4 --for saale-pflege --date $day
w candidate shared JC-H-1001

step "The nursing home meets its candidate, and hires her with a mentor" "placement set JC-H-1001 4 interview|hired --mentor 2"
w placement set JC-H-1001 4 interview --note "Gespräch mit Frau Weber" --date 2026-12-09
w placement set JC-H-1001 4 hired --date 2026-12-15 --mentor 2
w placement list

step "After the hire: follow-ups at 1, 3 and 6 months" "followup list"
w followup list

step "Who helps a company in Wernigerode with a work permit? Those serving Harz first, then by distance" "advisor find --topic work-permit --plz 38855"
w advisor find --topic work-permit --plz 38855

step "A coordinator checked an entry: record it (catalogue updates keep the edit)" "advisor edit abh-harz --verified ..."
w advisor edit abh-harz --street "Friedrich-Ebert-Straße 42" --verified "$(date +%F)"

step "Funding that fits the cook with a Gestattung for the helper opening, with reasons" "funding suggest --candidate CP-000003-B --opening 3"
w funding suggest --candidate CP-000003-B --opening 3

step "The labour-law checklist of that hire" "hiring checklist --candidate CP-000003-B --opening 3"
w hiring checklist --candidate CP-000003-B --opening 3

step "The rule data behind checklists, funding and planning: when each was checked, when it is due" "rules"
w rules

step "The advisory map of Sachsen-Anhalt, as SVG and as a printable page" "advisor map --output ..."
w advisor map --output "$dir/beratungslandkarte.svg"
w advisor map --topic recognition --output "$dir/anerkennung.html"

step "Import batches" "import list"
w import list

step "One member with its contacts" "company show mueller-metall"
w company show mueller-metall

step "The topics of the Werkstatt" "topic list"
w topic list

step "Who changed what" "audit list --limit 5"
w audit list --limit 5

step "The quarterly report to the members, as cron writes it each quarter (examples/crontab)" "report quarterly --period this-quarter"
w report quarterly --period this-quarter

step "A person consents on the network's form to being counted in the ESF+ report" "candidate consent JC-H-1001 --scope reporting --given-on ..."
w candidate consent JC-H-1001 --scope reporting --given-on 2026-11-20 --consent-source form

step "Another withdraws the consent to share their profile: from today no card goes out" "candidate consent CP-000002-B --scope sharing --withdraw"
w candidate consent CP-000002-B --scope sharing --withdraw

step "A person asks what is stored about them (Art. 15): a German letter, mode 0600" "candidate export CP-000003-B --output auskunft.html"
w candidate export CP-000003-B --output "$dir/auskunft-CP-000003-B.html"

step "Consents ending within 90 days, and what the nightly purge would erase" "privacy status --within 90 --date $day"
w privacy status --within 90 --date $day

step "The coordinators' morning list on 10 January: what is due in the next fortnight (exit 1: something is)" "due --date 2027-01-10"
w due --date 2027-01-10 || [ $? -eq 1 ]

step "The first follow-up is answered: still employed" "followup record 1 --outcome employed"
w followup record 1 --outcome employed --date 2027-01-18 --note "gut angekommen, Mentor zufrieden"

step "Files with personal data that werkstatt wrote" "privacy files"
w privacy files

step "The entry for the record of processing activities (Art. 30), for the data protection officer" "privacy record > verarbeitungsverzeichnis.md"
w privacy record >"$dir/verarbeitungsverzeichnis.md"
printf '%s lines written to %s\n' "$(wc -l <"$dir/verarbeitungsverzeichnis.md")" "$dir/verarbeitungsverzeichnis.md"

step "The member list as an Excel workbook (bold frozen header, dates as dates)" "company list --output mitglieder.xlsx"
w company list --output "$dir/mitglieder.xlsx"
printf 'wrote %s\n' "$dir/mitglieder.xlsx"

step "Auf Deutsch: with a German locale (or ui.lang = \"de\") werkstatt speaks German" "company show gibt-es-nicht; event --help; due; match --opening 1 --explain --top 1   (LANG=de_DE.UTF-8)"
LC_ALL= LC_MESSAGES= LANG=de_DE.UTF-8 w company show gibt-es-nicht 2>&1 || true
LC_ALL= LC_MESSAGES= LANG=de_DE.UTF-8 w event --help | head -4
LC_ALL= LC_MESSAGES= LANG=de_DE.UTF-8 w due --date 2027-01-20 --format md || true
LC_ALL= LC_MESSAGES= LANG=de_DE.UTF-8 w match --opening 1 --explain --top 1 --date 2027-01-20

printf '\nDemo database: %s (try: %s --db %s company list --format json)\n' "$db" "$bin" "$db"
