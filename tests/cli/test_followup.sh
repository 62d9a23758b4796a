#!/bin/sh
# werkstatt placement set ... hired --mentor, followup list|record: a hire schedules follow-ups at
# 1, 3 and 6 months; their answers feed the exchange report's retention and the ESF+ longer-term
# result.
. "$(dirname "$0")/lib.sh"
run init
match_pool
run contact add --company spedition --name "Maria Mentorin" --role Ausbilderin
expect_status 0
run contact add --company pflege --name "Paul Pflege"
expect_status 0

case_ "a hire with a mentor schedules follow-ups at 1, 3 and 6 months"
run placement set CP-A 1 hired --date 2027-01-31 --mentor 1
expect_status 0
expect_err_has "scheduled 3 follow-ups (1, 3, 6 months after 2027-01-31)"
check; [ "$(sql "SELECT group_concat(months || '@' || due_on, ' ') FROM (SELECT * FROM followup ORDER BY months)")" = "1@2027-02-28 3@2027-04-30 6@2027-07-31" ] || fail "schedule: $(sql 'SELECT * FROM followup')"
check; [ "$(sql "SELECT mentor_id FROM placement WHERE candidate_id = 1 AND opening_id = 1")" = 1 ] || fail "mentor not stored"
check; sql "SELECT details FROM audit_log WHERE entity = 'placement'" | grep -q "status=hired mentor=1" || fail "audit row lacks the mentor"
run followup list --format csv
expect_status 0
expect_out_has "id,candidate,source,candidate_id,opening,company,title,hired_on,mentor,months,due_on,outcome,reason,note,recorded_on"
expect_out_has "1,CP-A,jc-md,1,1,spedition,Berufskraftfahrer (m/w/d),2027-01-31,Maria Mentorin,1,2027-02-28,,,,"
check; [ "$(grep -c ',spedition,' "$T/out")" -eq 3 ] || fail "not three follow-ups listed"

case_ "a mentor must work for the hiring company and comes with a hire"
before=$(db_fingerprint)
run placement set CP-C 3 hired --mentor 1
expect_error 69 "contact 1 works for spedition, not for pflege, which hires"
run placement set CP-C 3 hired --mentor 9
expect_error 66 "no contact 9"
run placement set CP-C 3 interview --mentor 1
expect_error 2 "use --mentor with status hired"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused mentor changed the database"
run placement set CP-A 1 hired --mentor 1 --dry-run
expect_status 0
expect_err_has "would name contact 1 as the mentor of candidate 1 at opening 1"

case_ "followup list --due: what is due by a day"
run followup list --due --date 2027-04-30 --format csv
expect_status 0
check; [ "$(tail -n +2 "$T/out" | cut -d, -f10 | tr '\n' ' ')" = "1 3 " ] || fail "due by 2027-04-30: $(cat "$T/out")"
run followup list --due --date 2027-02-27
expect_status 0
check; [ "$(wc -l <"$T/out")" -le 1 ] || fail "something due before the first follow-up"
run followup list --due --date 2027-13-01
expect_error 2 "2027-13-01"

case_ "followup record: outcome, reason, force, and what is refused"
before=$(db_fingerprint)
run followup record 1 --outcome maybe
expect_error 2 "unknown outcome 'maybe'; use employed, left, changed-employer or unknown"
run followup record 99 --outcome employed
expect_error 66 "no follow-up 99"
run followup record 1 --outcome employed --reason "passt"
expect_error 2 "--reason is for left"
run followup record 1 --outcome employed --date 2027-01-01
expect_error 69 "before the hire on 2027-01-31"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused record changed the database"
run followup record 1 --outcome employed --date 2027-03-02 --note "gut angekommen" --dry-run
expect_status 0
expect_err_has "would record follow-up 1"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a dry run changed the database"
run followup record 1 --outcome employed --date 2027-03-02 --note "gut angekommen"
expect_status 0
expect_err_has "recorded follow-up 1 (candidate 1, 1 months after the hire at spedition): employed"
check; [ "$(sql "SELECT outcome || '|' || recorded_on || '|' || note FROM followup WHERE id = 1")" = "employed|2027-03-02|gut angekommen" ] || fail "not stored"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'followup' AND action = 'record' AND details = 'placement=1 months=1 outcome=employed'")" = 1 ] || fail "audit row"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE details LIKE '%angekommen%' OR command LIKE '%angekommen%'")" = 0 ] || fail "the note reached the audit log"
run followup record 1 --outcome left
expect_error 69 "recorded already (employed on 2027-03-02); add --force"
run followup record 2 --outcome left --reason "Umzug" --date 2027-05-02
expect_status 0
expect_err_has "the later follow-ups of this hire are not due any more"
run followup list --due --date 2027-12-31 --format csv
expect_status 0
check; [ "$(wc -l <"$T/out")" -eq 1 ] || fail "a follow-up after 'left' is still due: $(cat "$T/out")"
run followup list --format csv
expect_out_has ",6,2027-07-31,(left earlier),,,"
run followup record 3 --outcome employed
expect_error 69 "found that candidate 1 left"
run followup record 2 --outcome changed-employer --reason "Spedition Nord" --date 2027-05-03 --force
expect_status 0
check; [ "$(sql "SELECT outcome || '|' || reason FROM followup WHERE id = 2")" = "changed-employer|Spedition Nord" ] || fail "force did not replace"
check; sql "SELECT details FROM audit_log WHERE entity = 'followup'" | grep -q "outcome=changed-employer replaced" || fail "replacement not audited"

case_ "the 6-month answer of a person who left the programme is the ESF+ longer-term result"
run candidate exit CP-A --date 2027-01-31 --situation employed
expect_status 0
run followup record 3 --outcome employed --date 2027-08-03
expect_status 0
expect_err_has "recorded candidate 1's situation six months after leaving as employed"
check; [ "$(sql "SELECT status_6m || '|' || status_6m_date FROM candidate WHERE id = 1")" = "employed|2027-08-03" ] || fail "status_6m: $(sql 'SELECT status_6m, status_6m_date FROM candidate WHERE id = 1')"

case_ "a hire that does not stand loses its open follow-ups, keeps the answered ones"
run placement set CP-C 3 hired --date 2027-02-01
expect_status 0
check; [ "$(sql "SELECT count(*) FROM followup WHERE placement_id = (SELECT id FROM placement WHERE candidate_id = 3 AND opening_id = 3)")" = 3 ] || fail "no follow-ups for the second hire"
run followup record 4 --outcome employed --date 2027-03-01
expect_status 0
run placement set CP-C 3 withdrawn --force
expect_status 0
expect_err_has "dropped 2 follow-ups not yet asked"
check; [ "$(sql "SELECT count(*) || '|' || group_concat(outcome) FROM followup WHERE placement_id = (SELECT id FROM placement WHERE candidate_id = 3 AND opening_id = 3)")" = "1|employed" ] || fail "answered follow-up lost or open ones kept"
run followup list --candidate CP-C --format csv
check; [ "$(wc -l <"$T/out")" -eq 1 ] || fail "follow-ups of a withdrawn hire listed"

case_ "the exchange report shows retention six months after the hire"
run report exchange --period 2027Q3 --lang en --format md
expect_status 0
expect_out_has "Six months after the hire"
expect_out_has "still at the company"
expect_out_has "not published: too few persons"
finish
