#!/bin/sh
# werkstatt audit list: one row per write, none for reads or failures, no personal values.
. "$(dirname "$0")/lib.sh"
run init

case_ "every write appends exactly one audit row"
n() { sql "SELECT count(*) FROM audit_log"; }
start=$(n)
run company add --key mueller --name "Müller Metallbau GmbH" --plz 39104
check; [ "$(n)" -eq $((start + 1)) ] || fail "add: $(n) rows"
run company edit mueller --industry Metallbau --capacity 30
check; [ "$(n)" -eq $((start + 2)) ] || fail "edit: $(n) rows"
run contact add --company mueller --name "Anna Schulz" --email anna@example.org
check; [ "$(n)" -eq $((start + 3)) ] || fail "contact add: $(n) rows"
printf 'key,name,plz\na,A,39104\nb,B,39104\n' >"$T/c.csv"
run company import "$T/c.csv"
check; [ "$(n)" -eq $((start + 4)) ] || fail "import: $(n) rows"

case_ "reads, dry runs and failures add none"
before=$(n)
run company list
expect_status 0
expect_out_has "mueller"
run company show mueller
expect_status 0
expect_out_has "Müller Metallbau GmbH"
run audit list
expect_status 0
run company add --key x --name X --plz 39104 --dry-run
expect_status 0
check; [ "$(sql "SELECT count(*) FROM company WHERE key = 'x'")" -eq 0 ] || fail "the dry run stored company x"
run company add --key mueller --name X --plz 39104
expect_error 69 "company key 'mueller' is taken"
run company edit mueller --plz 1
expect_error 65 "PLZ '1'"
check; [ "$(n)" -eq "$before" ] || fail "$(n) rows, expected $before"

case_ "audit list: newest first, with user, entity, id, action, details and command"
run audit list --format csv --limit 3
expect_status 0
check
# The user is the operating-system user running werkstatt (getpwuid of the effective uid).
me=$(id -un 2>/dev/null) || me=${USER:-uid $(id -u)}
python3 - "$T/out" "$me" <<'PY2' || fail "audit list is wrong"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert [r["action"] for r in rows] == ["import", "add", "edit"], rows
imp, add, edit = rows
assert imp["entity"] == "company" and imp["entity_id"] == "" and "inserted=2" in imp["details"]
assert add["entity"] == "contact" and add["entity_id"] == "1"
assert edit["details"] == "fields=industry,capacity", edit
assert edit["command"].startswith("werkstatt --db=") and edit["command"].endswith(" company edit mueller --industry=Metallbau --capacity=30"), edit["command"]
assert [r["user"] for r in rows] == [sys.argv[2]] * 3, (rows, sys.argv[2])
assert rows[0]["at"].endswith("Z")
PY2

case_ "audit.user names the user instead of the operating-system user"
run --set audit.user=koordination-nord company edit mueller --capacity 31
expect_status 0
run audit list --format csv --limit 1
expect_status 0
check
python3 - "$T/out" <<'PY2' || fail "audit.user is not recorded"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert [(r["user"], r["details"]) for r in rows] == [("koordination-nord", "fields=capacity")], rows
PY2

case_ "personal values stay out of the audit log"
run audit list --format csv --limit 100
expect_out_lacks "Anna"
expect_out_lacks "anna@example.org"
expect_out_has "--name=…"

case_ "--entity filters"
run audit list --entity contact --format csv
expect_out_has "contact"
expect_out_lacks ",company,"

case_ "bad limit"
run audit list --limit 0
expect_error 2 "limit"

finish
