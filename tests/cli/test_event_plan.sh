#!/bin/sh
# werkstatt event plan: the quarterly rotation of hosts over two years, and calendar.
. "$(dirname "$0")/lib.sh"
run init
# A hand-made pool: four hosts in the north, three in the south, one too small, one that cannot
# host, one archived.
add() { run company add --key "$1" --name "$2" --plz "$3" --member-since "$4" $5; }
add nord-a "Nord A GmbH" 39104 2019-01-01 "--can-host --capacity 40"
add nord-b "Nord B GmbH" 38855 2019-06-01 "--can-host --capacity 30"
add nord-c "Nord C GmbH" 39576 2020-01-01 "--can-host --capacity 25"
add nord-d "Nord D GmbH" 29410 2021-01-01 "--can-host --capacity 25"
add sued-a "Süd A GmbH" 06108 2019-03-01 "--can-host --capacity 50"
add sued-b "Süd B GmbH" 06842 2020-03-01 "--can-host --capacity 30"
add sued-c "Süd C GmbH" 06886 2022-01-01 "--can-host --capacity 20"
add winzig "Winzig GmbH" 39104 2018-01-01 "--can-host --capacity 5"
add gast "Gast GmbH" 06108 2018-01-01 ""
add alt "Alt GmbH" 06108 2018-01-01 "--can-host --capacity 80"
run company archive alt
# sued-a hosted in 2026Q3; nord-c cannot host in 2027Q2.
run event add --date 2026-08-13 --host sued-a
run event hold 1
run event block nord-c 2027Q2 --reason "Betriebsumzug"
expect_status 0

case_ "without --commit the plan is shown and nothing is written"
before=$(db_fingerprint)
run event plan --from 2027Q1 --quarters 8 --format csv
expect_status 0
expect_err_has "nothing written; add --commit"
check; [ "$before" = "$(db_fingerprint)" ] || fail "plan without --commit wrote"
cp "$T/out" "$T/plan1.csv"

case_ "everyone eligible hosts once before anyone twice; blocks, size and archive respected"
check
python3 - "$T/plan1.csv" <<'PY2' || fail "rotation rules broken"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert [r["quarter"] for r in rows] == ["2027Q1", "2027Q2", "2027Q3", "2027Q4", "2028Q1", "2028Q2", "2028Q3", "2028Q4"], rows
hosts = [r["host"] for r in rows]
eligible = {"nord-a", "nord-b", "nord-c", "nord-d", "sued-a", "sued-b", "sued-c"}
assert all(h in eligible for h in hosts), hosts
# sued-a hosted 2026Q3: the six others host first, then sued-a, then the next round starts
assert set(hosts[:6]) == eligible - {"sued-a"}, hosts
assert hosts[6] == "sued-a", hosts
assert hosts[1] != "nord-c", "nord-c is blocked in 2027Q2"
# regions alternate where the pool allows: the last host was in the south
north = {h for h in eligible if h.startswith("nord")}
assert hosts[0] in north and hosts[1] not in north, hosts
# dates: second Thursday of the middle month, off public holidays
assert rows[0]["date"] == "2027-02-11" and rows[1]["date"] == "2027-05-13", rows
for r in rows:
    assert r["topics"].count(",") == 1, r
PY2

case_ "the plan explains each choice"
run event plan --from 2027Q1 --quarters 2
expect_status 0
expect_out_has "2027Q1  2027-02-11  Nord A GmbH (nord-a)"
expect_out_has "never hosted, longest ago among"
expect_out_has "hosted in this round (6 eligible still to host): sued-a 2026Q3"
expect_out_has "excluded: nord-c blocked 2027Q2"
expect_out_has "excluded: winzig seats 5, fewer than 20"
expect_out_lacks "alt"
run --set planner.week=1 event plan --from 2027Q2 --quarters 1
expect_out_has "date moved from 2027-05-06 (Christi Himmelfahrt) to 2027-05-13"

case_ "deterministic: the same database gives the same plan, byte for byte"
run event plan --from 2027Q1 --quarters 8 --format csv
check; cmp -s "$T/out" "$T/plan1.csv" || fail "second plan differs"

case_ "--commit writes the events; planning again skips planned quarters"
run event plan --from 2027Q1 --quarters 4 --commit --format csv
expect_status 0
expect_err_has "created 4 planned events"
check; [ "$(sql "SELECT count(*) FROM event WHERE status = 'planned' AND kind = 'werkstatt'")" = 4 ] || fail "events not written"
check; [ "$(sql "SELECT count(*) FROM event_topic")" = 8 ] || fail "topics not written"
run event plan --from 2027Q1 --quarters 5 --format csv
expect_out_has "2027Q1 already has a Werkstatt: skipped"
check
python3 - "$T/out" "$T/plan1.csv" <<'PY2' || fail "plan after commit is inconsistent"
import csv, sys
now = list(csv.DictReader(open(sys.argv[1], newline="")))
before = list(csv.DictReader(open(sys.argv[2], newline="")))
assert all(r["host"] == "" for r in now[:4]), now
assert now[4]["host"] == before[4]["host"], (now[4], before[4])
PY2

case_ "planner settings come from the configuration"
run --set planner.weekday=tuesday --set planner.week=1 event plan --from 2029Q1 --quarters 1 --format csv
expect_out_has "2029Q1,2029-02-13"
expect_out_has "date moved from 2029-02-06 (school holidays 2029-02-05..2029-02-10) to 2029-02-13"
run --set planner.school_holidays=2029-02-01..2029-02-10 event plan --from 2029Q1 --quarters 1 --format csv
expect_out_has "2029Q1,2029-02-15"
run --set planner.min_capacity=1000 event plan --from 2029Q1 --quarters 1
expect_status 0
expect_out_has "(no host)"
expect_err_has "warning: 1 of 1 quarters have no host or date"

case_ "the shipped school holidays of Sachsen-Anhalt keep 2028 and 2029 free of meetings"
run event plan --from 2028Q1 --quarters 8 --format csv
expect_status 0
expect_err_lacks "school holidays are known only"
check
python3 - "$T/out" "$SOURCE_DIR/config/data/school_holidays.toml" <<'PY2' || fail "a meeting in school holidays"
import csv, datetime, sys, tomllib
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
spans = tomllib.load(open(sys.argv[2], "rb"))["holiday"]
assert len(rows) == 8 and all(r["date"] for r in rows), rows
for r in rows:
    d = datetime.date.fromisoformat(r["date"])
    bad = [s for s in spans if s["start"] <= d <= s["end"]]
    assert not bad, (r["quarter"], r["date"], bad)
# The summer meeting of 2028 moved out of the Sommerferien (2028-07-22..2028-09-01).
q3 = [r for r in rows if r["quarter"] == "2028Q3"][0]
assert q3["date"] == "2028-09-07", q3
assert "school holidays 2028-07-22..2028-09-01" in q3["explanation"], q3
PY2

case_ "a plan past the known school holidays warns; configured periods extend them"
run event plan --from 2030Q2 --quarters 3 --format csv
expect_status 0
expect_err_has "warning: school holidays are known only up to 2030-08-23, so 2030Q3, 2030Q4 were planned without them; add the later holidays with planner.school_holidays or planner.school_holidays_file"
run --set planner.school_holidays=2030-10-14..2030-10-26,2030-12-23..2031-01-04 event plan --from 2030Q2 --quarters 3 --format csv
expect_status 0
expect_err_lacks "known only"

case_ "planner.school_holidays_file replaces the shipped school holidays"
printf '%s\n' 'valid_as_of = 2026-12-01' 'valid_until = 2031-12-31' 'sources = ["test"]' '[[holiday]]' \
    'name = "Betriebsferien"' 'start = 2031-11-01' 'end = 2031-11-16' >"$T/ferien.toml"
run --set planner.school_holidays_file="$T/ferien.toml" event plan --from 2031Q4 --quarters 1 --format csv
expect_status 0
expect_out_has "2031Q4,2031-11-20"
expect_out_has "date moved from 2031-11-13 (school holidays 2031-11-01..2031-11-16) to 2031-11-20"
expect_err_lacks "known only"
run --set planner.school_holidays_file="$T/ferien.toml" event plan --from 2028Q3 --quarters 1 --format csv
expect_out_has "2028Q3,2028-08-10"
run --set planner.school_holidays_file="$T/missing.toml" event plan --from 2028Q3
expect_error 78 "cannot read the school holidays $T/missing.toml; check planner.school_holidays_file"
printf '%s\n' 'valid_as_of = 2026-12-01' 'valid_until = 2027-12-31' '[[holiday]]' 'name = "X"' \
    'start = 2027-02-01' 'end = 2027-01-01' >"$T/bad.toml"
run --set planner.school_holidays_file="$T/bad.toml" calendar --year 2027
expect_error 78 "before it starts"

case_ "bad input"
run event plan --from 2027-01 --quarters 2
expect_error 2 "--from '2027-01' is not a quarter"
run event plan --from 2027Q1 --quarters 0
expect_error 2 "quarters"
run event plan --from 2101Q1
expect_status 2
expect_err_has "2101"
run --set planner.weekday=sunday event plan --from 2027Q1
expect_error 78 "planner.weekday"
run --set planner.school_holidays=soon event plan --from 2027Q1
expect_error 78 "not a period"
run event block nobody 2027Q1
expect_error 66 "no company with key 'nobody'"
run event block nord-a 2027Q9
expect_error 65 "period '2027Q9' does not parse"
run event block nord-c 2027Q2
expect_error 69 "blocked for 2027Q2 already"
run event unblock nord-c 2028Q1
expect_error 66 "has no block for '2028Q1'"
run event unblock nord-c 2027q2
expect_status 0
run event blocks --format csv
expect_out_lacks "nord-c"

case_ "calendar: holidays and events of a year"
run calendar --year 2027 --format json
expect_status 0
check
python3 - "$T/out" <<'PY2' || fail "calendar JSON"
import json, sys
rows = json.load(open(sys.argv[1]))
holidays = [r for r in rows if r["type"] == "holiday"]
assert len(holidays) == 11, holidays
assert {"date": "2027-10-31", "weekday": "Sun", "time": None, "type": "holiday", "name": "Reformationstag", "event_id": None, "status": None} in rows
events = [r for r in rows if r["type"] == "werkstatt"]
assert len(events) == 4 and events[0]["date"] == "2027-02-11" and events[0]["time"] == "14:00"
assert all(" at " in e["name"] and " bei " not in e["name"] for e in events), events
assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
school = [(r["date"], r["name"]) for r in rows if r["type"] == "school-holidays"]
assert ("2027-01-01", "Weihnachtsferien 2026-12-21..2027-01-02") in school, school
assert ("2027-02-01", "Winterferien 2027-02-01..2027-02-06") in school, school
assert ("2027-07-10", "Sommerferien 2027-07-10..2027-08-20") in school, school
assert ("2027-12-20", "Weihnachtsferien 2027-12-20..2027-12-31") in school, school
assert len(school) == 7, school
PY2
run --set planner.school_holidays=2027-09-01..2027-09-03 calendar --year 2027 --format csv
expect_out_has "2027-09-01,Wed,,school-holidays,planner.school_holidays 2027-09-01..2027-09-03,,"
# In German: the weekday and the event's name; the columns and the type codes stay.
run --set ui.lang=de --set planner.school_holidays=2027-09-01..2027-09-03 calendar --year 2027 --format csv
expect_out_has "date,weekday,time,type,name,event_id,status"
expect_out_has "2027-09-01,Mi,,school-holidays,planner.school_holidays 2027-09-01..2027-09-03,,"
expect_out_has "2027-10-31,So,,holiday,Reformationstag,,"
expect_out_has "2027-02-11,Do,14:00,werkstatt,Werkstatt 2027Q1 bei Nord A GmbH,2,planned"
expect_out_lacks " at "
run calendar --year 2031 --format csv
expect_status 0
expect_out_lacks "school-holidays"
expect_err_has "warning: school holidays are known only up to 2030-08-23; later ones are missing from this calendar"
run calendar --year 1990
expect_error 2 "1990"

finish
