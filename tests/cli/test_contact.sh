#!/bin/sh
# werkstatt contact add|list|show|edit|remove.
. "$(dirname "$0")/lib.sh"
run init
run company add --key mueller --name "Müller Metallbau GmbH" --plz 39104
run company add --key saale --name "Saale-Pflege gGmbH" --plz 06108

case_ "add contacts"
run contact add --company mueller --name "Anna Schulz" --role Personalleitung --email anna.schulz@mueller-metall.de --phone "+49 391 555-0"
expect_status 0
expect_err_has "added contact 1 at mueller"
run contact add --company saale --name "Jonas Weber"
expect_status 0

case_ "list and show"
run contact list
expect_status 0
expect_out <<'OUT'
ID  COMPANY  NAME         ROLE             EMAIL                          PHONE          SALUTATION  INVITED
 1  mueller  Anna Schulz  Personalleitung  anna.schulz@mueller-metall.de  +49 391 555-0              yes
 2  saale    Jonas Weber                                                                             yes
OUT
run contact list --company saale --format csv
expect_csv <<'OUT'
id,company,name,role,email,phone,salutation,invited
2,saale,Jonas Weber,,,,,true
OUT
run contact show 1 --format json
expect_out_has '"email": "anna.schulz@mueller-metall.de"'
run company show mueller
expect_out_has "Anna Schulz"

case_ "edit"
run contact edit 2 --email jonas@saale-pflege.de --company mueller
expect_status 0
expect_err_has "changed contact 2"
check; [ "$(sql "SELECT c.key FROM contact JOIN company c ON c.id = company_id WHERE contact.id = 2")" = mueller ] || fail "not moved"
run contact edit 2 --email jonas@saale-pflege.de
expect_err_has "nothing to change"

case_ "bad input"
before=$(db_fingerprint)
run contact add --company mueller --name X --email "kein-at-zeichen"
expect_error 65 "email 'kein-at-zeichen' is not an address"
run contact add --company mueller --name X --phone "call me"
expect_error 65 "phone 'call me' is not a telephone number"
run contact add --company nobody --name X
expect_error 66 "no company with key 'nobody'"
run contact show 99
expect_error 66 "no contact with id 99"
run contact edit 99 --role X
expect_error 66 "no contact with id 99"
run contact show abc
expect_error 2 "ID"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a failed command changed the database"

case_ "remove needs --yes without a terminal"
run contact remove 1
expect_error 2 "--yes"
check; [ "$(sql "SELECT count(*) FROM contact")" = 2 ] || fail "removed without confirmation"
run contact remove 1 --dry-run
expect_status 0
expect_err_has "would remove contact 1"
run contact remove 1 --yes
expect_status 0
expect_err_has "removed contact 1"
check; [ "$(sql "SELECT count(*) FROM contact WHERE name = 'Anna Schulz'")" = 0 ] || fail "not erased"
run contact remove 1 --yes
expect_error 66 "no contact with id 1"

case_ "erased personal data leaves no trace in the audit log"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE command LIKE '%Anna%' OR details LIKE '%Anna%' OR command LIKE '%anna.schulz%'")" = 0 ] || fail "personal data in the audit log"

finish
