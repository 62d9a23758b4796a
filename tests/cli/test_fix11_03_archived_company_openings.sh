#!/bin/sh
# Issue 11, item 3: archiving a company closes its open openings (the audit row names them), so
# matching leaves them out; an open opening of an archived company (an older database, a later
# import) is left out of matching by name; restoring reopens what archiving closed.
. "$(dirname "$0")/lib.sh"
DAY="--date 2026-12-01"
run init
match_pool
run placement set CP-B 1 introduced
expect_status 0

case_ "archiving closes the company's openings and says so"
before=$(db_fingerprint)
run company archive spedition --dry-run
expect_status 0
expect_err_has "would have closed its open openings 1, 2"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a dry run changed the database"
run company archive spedition
expect_status 0
expect_err_has "archived company spedition"
expect_err_has "closed its open openings 1, 2: matching leaves them out; 'werkstatt company archive spedition --undo' reopens them"
expect_err_has "warning: opening 1 has 1 candidate introduced or in interview"
check; [ "$(sql "SELECT group_concat(id || ':' || status, ' ') FROM opening ORDER BY id")" = "1:closed 2:closed 3:open" ] || fail "openings: $(sql "SELECT id, status FROM opening")"
check; [ "$(sql "SELECT details FROM audit_log WHERE entity = 'company' AND action = 'archive'")" = "closed_openings=1,2" ] || fail "audit: $(sql "SELECT * FROM audit_log WHERE action = 'archive'")"
run opening list --format csv
expect_status 0
expect_out_lacks ",spedition,"
run opening list --all --format csv
expect_out_has ",spedition,"

case_ "matching leaves the archived company's openings out"
run match --assign $DAY --format csv
expect_status 0
expect_out_lacks ",spedition,"
run match --opening 1 $DAY
expect_error 69 "opening 1 belongs to company spedition, which is archived"
run match --candidate CP-A $DAY --format csv
expect_status 0
expect_out_lacks ",spedition,"
before=$(db_fingerprint)
run placement set CP-A 2 introduced
expect_error 69 "archived"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused introduction changed the database"

case_ "an opening of an archived company still open is left out by name"
sql "UPDATE opening SET status = 'open' WHERE id = 1"
run match --assign $DAY --format csv
expect_status 0
expect_out_lacks ",spedition,"
expect_err_has "company spedition is archived: opening 1 left out"
run match --scores $DAY --format csv
expect_status 0
expect_out_lacks ",spedition,"
expect_err_has "company spedition is archived: opening 1 left out"

case_ "restoring reopens the openings archiving closed"
run company archive spedition --undo
expect_status 0
expect_err_has "restored company spedition"
expect_err_has "reopened opening 2, closed when it was archived"
check; [ "$(sql "SELECT group_concat(id || ':' || status, ' ') FROM opening ORDER BY id")" = "1:open 2:open 3:open" ] || fail "openings: $(sql "SELECT id, status FROM opening")"
check; [ "$(sql "SELECT details FROM audit_log WHERE entity = 'company' AND action = 'restore'")" = "reopened_openings=2" ] || fail "audit: $(sql "SELECT * FROM audit_log WHERE action = 'restore'")"
run match --assign $DAY --format csv
expect_status 0
expect_err_lacks "archived"
expect_out_has ",spedition,"

finish
