#!/bin/sh
# werkstatt event add|list|show|edit|confirm|hold|cancel and attendance.
. "$(dirname "$0")/lib.sh"
run init
run company add --key mueller --name "Müller Metallbau GmbH" --plz 39104 --can-host --capacity 3
run company add --key saale --name "Saale-Pflege gGmbH" --plz 06108 --can-host --capacity 60
run company add --key klein --name "Klein GmbH" --plz 39106
run company add --key alt --name "Alt GmbH" --plz 39106 --can-host --capacity 30
run company archive alt
run contact add --company mueller --name "Anna Schulz"
run contact add --company saale --name "Jonas Weber"
run contact add --company saale --name "Eva Braun"
run contact add --company klein --name "Kai Klein"

case_ "add an event with defaults"
run event add --date 2027-02-11 --host mueller --title "Werkstatt 1/2027" --topic sprache --topic foerderung
expect_status 0
expect_err_has "added event 1 on 2027-02-11 at mueller"
expect_err_lacks "warning"
run event show 1 --format json
check
python3 - "$T/out" <<'PY2' || fail "event JSON"
import json, sys
e = json.load(open(sys.argv[1]))
assert e["id"] == 1 and e["date"] == "2027-02-11" and e["start"] == "14:00" and e["end"] == "17:00", e
assert e["kind"] == "werkstatt" and e["host"] == "mueller" and e["status"] == "planned", e
assert e["topics"] == "sprache,foerderung" and e["uid"].endswith("@werkstatt"), e
assert e["registrations"] == []
PY2

case_ "warnings: holiday, weekend, host cannot host, second Werkstatt in a quarter, venue too small"
run event add --date 2027-05-06 --host klein --capacity 10
expect_status 0
expect_err_has "warning: 2027-05-06 is a public holiday in Sachsen-Anhalt (Christi Himmelfahrt)"
expect_err_has "warning: company klein is not marked as able to host"
run event add --date 2027-03-13 --host saale --kind site-visit
expect_err_has "warning: 2027-03-13 is a Saturday"
expect_err_lacks "has a Werkstatt already"
run event add --date 2027-03-18 --host saale
expect_err_has "warning: 2027Q1 has a Werkstatt already (event 1 on 2027-02-11)"
run event add --date 2027-10-31 --host mueller --capacity 50 --kind fireside
expect_err_has "Reformationstag"
expect_err_has "expects 50 participants but the venue of mueller seats 3"

case_ "list by period and status, with every period form"
run event list --period 2027Q1 --format csv
expect_out_has "1,2027-02-11"
expect_out_has "2027-03-18"
expect_out_lacks "2027-05-06"
run event list --period 2027-05 --format csv
expect_out_has "2027-05-06"
run event list --period 2027-03-13 --format csv
expect_out_has "site-visit"
run event list --period 2027-03..2027Q4 --format csv
expect_out_lacks "2027-02-11"
expect_out_has "2027-10-31"
run event list --period 2027 --status planned --format csv
expect_out_has "2027-10-31"
run event list --period 2027Q5
expect_error 2 "period '2027Q5' does not parse"
run event list --period 2028..2027
expect_error 2 "period '2028..2027' ends before it starts"

case_ "edit changes fields and reports them"
run event edit 1 --start 09:30 --end 12:00 --title "Werkstatt I/2027"
expect_status 0
expect_err_has "changed event 1"
check; [ "$(sql "SELECT start_time || end_time || sequence FROM event WHERE id = 1")" = "09:3012:001" ] || fail "edit not stored or sequence not raised"

case_ "bad input: nonexistent dates, end before start, unknown host, archived host, unknown topic"
before=$(db_fingerprint)
run event add --date 2027-02-30 --host mueller
expect_error 65 "date '2027-02-30' is not a day that exists"
run event add --date 2027-02-11 --host mueller --start 15:00 --end 14:00
expect_error 65 "end 14:00 is not after start 15:00"
run event add --date 2027-02-11 --host mueller --start 25:00
expect_error 65 "start '25:00' is not a time"
run event add --date 2027-02-11 --host nobody
expect_error 66 "no company with key 'nobody'"
run event add --date 2027-02-11 --host alt
expect_error 65 "company alt is archived"
run event add --date 2027-02-11 --host mueller --topic zauberei
expect_error 65 "topic 'zauberei' is unknown"
run event add --date 2027-02-11 --host mueller --kind party
expect_error 2 "party"
run event show 99
expect_error 66 "no event with id 99"
run event edit 1 --date 2027-13-01
expect_error 65 "is not a day that exists"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a failed command changed the database"

case_ "registration: capacity enforced, --force overrides, duplicates refused"
run event register 1 --contact 1
expect_status 0
expect_err_has "registered contact 1 for event 1"
run event register 1 --contact 2
run event register 1 --company saale
expect_status 0
run event register 1 --contact 3
expect_error 69 "event 1 is full (3 of 3 seats taken)"
run event register 1 --contact 3 --force
expect_status 0
run event register 1 --contact 1
expect_error 69 "contact 1 is registered for event 1 already"
run event register 1 --contact 99
expect_error 66 "no contact with id 99"
run event register 1
expect_error 2 "--contact ID"
run event register 1 --contact 1 --company saale
expect_error 2 "excludes"

case_ "attendance and participants"
run event attend 1 --contact 1 --status attended
expect_status 0
run event attend 1 --contact 2 --status no-show
run event attend 1 --contact 4 --status attended
expect_status 0
expect_err_has "contact 4 was not registered for event 1; registered now"
run event attend 1 --contact 1 --status maybe
expect_error 2 "maybe"
run event participants 1 --format csv
expect_csv <<'OUT'
id,company,contact_id,name,status
5,klein,4,Kai Klein,attended
1,mueller,1,Anna Schulz,attended
3,saale,,,registered
4,saale,3,Eva Braun,registered
2,saale,2,Jonas Weber,no-show
OUT

case_ "status: confirm, hold, cancel, and transitions that make no sense"
run event confirm 2
expect_status 0
expect_err_has "marked event 2 as confirmed"
run event hold 1
expect_status 0
expect_err_has "still ahead"
run event cancel 1
expect_error 69 "event 1 is held; it cannot become cancelled"
run event cancel 3 --reason "Gastgeber verhindert"
expect_status 0
run event register 3 --contact 1
expect_error 69 "event 3 is cancelled"
run event hold 3
expect_error 69 "cannot become held"
run event cancel 3
expect_status 0
expect_err_has "cancelled already"
check; [ "$(sql "SELECT status || '|' || cancel_reason FROM event WHERE id = 3")" = "cancelled|Gastgeber verhindert" ] || fail "cancel not stored"

case_ "a contact's erasure keeps the seat, anonymised"
run contact remove 2 --yes
expect_status 0
run event participants 1 --format csv
expect_out_lacks "Jonas"
expect_out_has ",saale,,,no-show"

case_ "--dry-run writes nothing"
before=$(db_fingerprint)
run event add --date 2027-08-12 --host saale --dry-run
expect_err_has "would add event"
run event cancel 2 --dry-run
expect_err_has "would mark event 2 as cancelled"
check; [ "$before" = "$(db_fingerprint)" ] || fail "dry run wrote"

finish
