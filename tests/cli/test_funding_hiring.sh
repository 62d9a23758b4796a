#!/bin/sh
# werkstatt funding list|show|find|suggest and hiring checklist, on the demo's candidates.
. "$(dirname "$0")/lib.sh"
E="$SOURCE_DIR/examples"
run init
run company import "$E/companies.csv"
run candidate import "$E/agency-ba.csv" --profile ba --source jc
run opening import "$E/openings.csv" --profile openings
# Candidates: 1 schutz/partial/B2 (nurse), 3 gestattung/B1 (cook), 6 duldung/A2,
# 7 niederlassung/compensation-required/B1; openings: 1 nurse (regulated, B2), 3 helper (A2).

case_ "funding list, show and find"
run funding list --format csv
expect_status 0
check; [ "$(grep -c . "$T/out")" = 10 ] || fail "not 9 instruments"
run funding show einstiegsqualifizierung
expect_status 0
expect_out_has "§ 54a SGB III"
expect_out_has "suggested when:"
run funding find --tag sprache --format csv
expect_out_has "berufssprachkurs"
expect_out_has "asa-flex"
expect_out_lacks "eingliederungszuschuss"
run funding find Anerkennung --format csv
expect_out_has "anerkennungszuschuss"
# A German word finds the instrument whose German text has it (the database keeps English), in
# either UI language; an English word still finds the English text.
run funding find Praktikumsvergütung --format csv
expect_status 0
expect_out_has "einstiegsqualifizierung"
expect_out_lacks "eingliederungszuschuss"
run funding find "wage subsidy" --format csv
expect_out_has "eingliederungszuschuss"
expect_out_lacks "einstiegsqualifizierung"
run funding find --tag colour
expect_error 2 "tag 'colour' is unknown; the known tags are anerkennung"
run funding find
expect_error 2 "say what to find"
run funding show nosuch
expect_error 66 "no funding instrument with key 'nosuch'"

case_ "funding suggest: the regulated nursing job with partial recognition"
run funding suggest --candidate 1 --opening 1 --format csv
expect_status 0
expect_out_has "eingliederungszuschuss"
expect_out_has "iq-anerkennungsberatung"
expect_out_has "recognition: partial"
expect_out_lacks "einstiegsqualifizierung"

case_ "funding suggest: a helper job for a person with a Gestattung"
run funding suggest --candidate CP-000003-B --opening 3 --format csv
expect_out_has "einstiegsqualifizierung"
expect_out_has "level: helper"

case_ "funding suggest: unknown candidate or opening"
run funding suggest --candidate 999
expect_error 66 "no candidate with id or reference '999'"
run funding suggest --candidate 1 --opening 999
expect_error 66 "no opening with id 999"

case_ "hiring checklist: permit required (Duldung)"
run hiring checklist --candidate 6 --lang en
expect_status 0
expect_out_has "not legal advice"
expect_out_has "Apply for a work permit for this job"
expect_out_has "Rule: hiring_rules.toml [permit]: § 4a Abs. 4 AufenthG; § 32 BeschV; § 36 Abs. 2 BeschV (valid as of 2026-12-02)"
expect_out_has "Check the waiting period and that no work ban applies to the Duldung"
expect_out_has "shall grant the permit after 3 months of Duldung"
expect_out_lacks "can permit"
expect_out_has "Help: Burgenlandkreis – Ausländerbehörde"
expect_out_has "Funding that may apply:"

case_ "hiring checklist: free status and a regulated occupation"
run hiring checklist --candidate 1 --opening 1 --format json --lang en
expect_status 0
check
python3 - "$T/out" <<'PY' || fail "checklist JSON is wrong"
import json, sys
d = json.load(open(sys.argv[1]))
steps = [s["key"] for s in d["steps"]]
assert steps == ["may-work", "regulated-occupation", "keep-document-copy"], steps
assert d["work_permission"] == "free" and "not legal advice" in d["notice"]
assert all(s["valid_as_of"] == "2026-12-02" and s["rule"] for s in d["steps"])
assert any(h["key"] == "iq-anerkennung-nord" for h in d["steps"][1]["help"]), d["steps"][1]
assert "gender" not in json.dumps(d) and "birth" not in json.dumps(d)
PY

case_ "hiring checklist: a compensation measure for the own occupation does not make a helper job regulated"
run hiring checklist --candidate 7 --opening 4 --format json
expect_status 0
check
python3 - "$T/out" <<'PY' || fail "the non-regulated helper opening was called regulated"
import json, sys
steps = [s["key"] for s in json.load(open(sys.argv[1]))["steps"]]
assert "regulated-occupation" not in steps, steps
PY
run hiring checklist --candidate 7 --format json
expect_status 0
check
python3 - "$T/out" <<'PY' || fail "without an opening, the compensation measure should flag the regulated target occupation"
import json, sys
steps = [s["key"] for s in json.load(open(sys.argv[1]))["steps"]]
assert "regulated-occupation" in steps, steps
PY

case_ "hiring checklist: not allowed (Duldung § 60b)"
run candidate edit 6 --residence-status duldung-60b
run hiring checklist --candidate 6 --format csv
expect_status 0
expect_out_has "not-allowed"
expect_out_lacks "keep-document-copy"
run hiring checklist --candidate 6 --lang en
expect_out_has "none while the person may not work"
run funding suggest --candidate 6
expect_status 0
expect_err_has "no funding while the person may not work"

case_ "hiring checklist: in documents.lang (German) by default, --lang en even in a German locale"
run candidate edit 6 --residence-status duldung
run hiring checklist --candidate 6
expect_status 0
expect_out_has "Checkliste zur Einstellung"
expect_out_has "keine Rechtsberatung"
expect_out_has "Beschäftigungserlaubnis für diese Stelle beantragen"
expect_out_has "Wer: Ausländerbehörde, mit Zustimmung der Bundesagentur für Arbeit"
expect_out_has "(Stand 02.12.2026)"
expect_out_has "(Erwerbstätigkeit: permit-required; Deutsch "
expect_out_lacks "Apply for a work permit"
expect_out_lacks "work: permit-required"
run --set documents.lang=en hiring checklist --candidate 6
expect_out_has "Apply for a work permit for this job"
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" hiring checklist --candidate 6 --lang en \
    >"$T/out" 2>"$T/err" </dev/null
status=$?
expect_status 0
expect_out_has "Apply for a work permit for this job"
expect_out_has "(valid as of 2026-12-02)"
expect_out_has "(work: permit-required; German "
expect_out_lacks "Beschäftigungserlaubnis für diese Stelle"
run hiring checklist --candidate 6 --format json
expect_status 0
check
python3 - "$T/out" <<'PY' || fail "the German checklist JSON is wrong"
import json, sys
d = json.load(open(sys.argv[1]))
assert "keine Rechtsberatung" in d["notice"], d["notice"]
assert d["work_permission"] == "permit-required" and d["residence_status"] == "duldung"
permit = next(s for s in d["steps"] if s["key"] == "permit")
assert permit["title"] == "Beschäftigungserlaubnis für diese Stelle beantragen", permit
assert permit["valid_as_of"] == "2026-12-02", permit
PY
run hiring checklist --candidate 6 --lang fr
expect_error 2 "--lang 'fr' is not a language of the documents; use de or en"

case_ "funding: the Anerkennungszuschuss is not suggested once recognition is pending"
run candidate edit 1 --recognition pending
run funding suggest --candidate 1 --format csv
expect_status 0
expect_out_has "iq-anerkennungsberatung"
expect_out_lacks "anerkennungszuschuss"
run candidate edit 1 --recognition not-applied
run funding suggest --candidate 1 --format csv
expect_out_has "anerkennungszuschuss"
expect_out_has "the grant must be applied for before it"
run funding show anerkennungszuschuss
expect_out_has "Forschungsinstitut Betriebliche Bildung (f-bb), with funds of the BMBF"
run funding show iq-anerkennungsberatung
expect_out_has "funding round 2026–2028"
expect_out_lacks "BQFG"
run funding show sgb2-16i
expect_status 0
expect_out_has "§ 16i SGB II"

case_ "hiring checklist: errors"
run hiring checklist --candidate nosuch
expect_error 66 "no candidate with id or reference 'nosuch'"
run hiring checklist
expect_error 2 "--candidate is required"
printf 'valid_as_of = 2025-01-01\n[[step]]\nkey = "a"\n' >"$T/rules.toml"
run --set hiring.rules_file="$T/rules.toml" hiring checklist --candidate 1
expect_error 78 "rules.toml"
finish
