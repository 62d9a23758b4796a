#!/bin/sh
# #13, the input side: `candidate edit` records the facts the ESF+ report needs (country of birth,
# second nationality, foreign background, unemployed since, housing) and the special categories
# of Art. 9 GDPR (disability, minority) only where the admin switched them on and the person
# consented; `unknown` or an empty value clears a fact; `candidate show` shows them, `list` not.
. "$(dirname "$0")/lib.sh"
run init
run candidate import "$TESTDATA/match/candidates.csv" --profile ba --source jc-md
expect_status 0
ON="--set privacy.special_categories=true"

# Print column $1 of candidate CP-A, NULL as "NULL".
fact() { sql "SELECT ifnull($1, 'NULL') FROM candidate WHERE reference = 'CP-A'"; }

case_ "edit stores the report facts in their stored form"
run candidate edit CP-A --country-of-birth Syrien --second-nationality "türkisch" \
    --foreign-background yes --unemployed-since 01.03.2025 --housing housing-exclusion
expect_status 0
expect_err_has "changed candidate 1"
check; [ "$(fact country_of_birth)" = SY ] || fail "country_of_birth: $(fact country_of_birth)"
check; [ "$(fact second_nationality)|$(fact second_nationality_code)" = "türkisch|TR" ] || fail "second nationality: $(fact second_nationality)|$(fact second_nationality_code)"
check; [ "$(fact foreign_background)" = 1 ] || fail "foreign_background: $(fact foreign_background)"
check; [ "$(fact unemployed_since)" = 2025-03-01 ] || fail "unemployed_since: $(fact unemployed_since)"
check; [ "$(fact housing)" = housing-exclusion ] || fail "housing: $(fact housing)"
run candidate edit CP-A --country-of-birth de
check; [ "$(fact country_of_birth)" = DE ] || fail "an ISO code in lower case: $(fact country_of_birth)"
run candidate edit CP-A --second-nationality "Phantasien"
expect_status 0
check; [ "$(fact second_nationality)|$(fact second_nationality_code)" = "Phantasien|NULL" ] || fail "an unknown second nationality is kept as written without a code"

case_ "the audit row names the fields, never their values"
run candidate edit CP-A --housing homeless --foreign-background no
run audit list --entity candidate --limit 1 --format csv
expect_out_has "fields=foreign_background,housing"
expect_out_lacks "homeless"
expect_out_has "--housing=…"

case_ "unknown and an empty value clear a fact to NULL"
run candidate edit CP-A --housing unknown --foreign-background unknown --country-of-birth= \
    --unemployed-since unknown --second-nationality unknown
expect_status 0
for c in housing foreign_background country_of_birth unemployed_since second_nationality_code; do
    check; [ "$(fact "$c")" = NULL ] || fail "$c not cleared: $(fact "$c")"
done
check; [ "$(fact second_nationality)" = "" ] || fail "second_nationality not cleared"

case_ "bad values are bad data (65) and change nothing"
before=$(db_fingerprint)
run candidate edit CP-A --housing maybe
expect_error 65 "housing 'maybe': not homeless, housing-exclusion, housed or unknown"
run candidate edit CP-A --country-of-birth Atlantis
expect_error 65 "not a country werkstatt knows"
run candidate edit CP-A --foreign-background vielleicht
expect_error 65 "not yes, no or unknown"
run candidate edit CP-A --unemployed-since 2025-02-30
expect_error 65 "not a day that exists"
run candidate edit CP-A --disability perhaps
expect_error 65 "not yes, no, declined or unknown"
run candidate edit CP-A --sensitive-consent 2026-11-02
expect_error 2 "candidate consent CP-A --scope reporting --given-on DAY"
run candidate consent CP-A --scope reporting --given-on gestern
expect_error 65 "not a date"
run candidate edit CP-Z --housing housed
expect_error 66 "no candidate with id or reference 'CP-Z'"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused edit changed the database"

case_ "disability yes or no is refused while privacy.special_categories is off (78)"
before=$(db_fingerprint)
run candidate edit CP-A --disability yes
expect_error 78 "privacy.special_categories is off"
run candidate edit CP-A --minority no
expect_error 78 "privacy.special_categories is off"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused edit changed the database"

case_ "declined is always allowed: it records a refusal, no health data"
run candidate edit CP-A --disability declined --minority declined
expect_status 0
check; [ "$(fact disability)|$(fact minority)" = "declined|declined" ] || fail "declined not stored"

case_ "switched on, yes or no still needs a reporting consent (69), nothing half-written"
before=$(db_fingerprint)
# shellcheck disable=SC2086
run $ON candidate edit CP-A --disability yes --housing housed
expect_error 69 "candidate consent 1 --scope reporting --given-on DAY"
check; [ "$before" = "$(db_fingerprint)" ] || fail "the refused edit wrote the housing"

case_ "switched on and with a reporting consent recorded before, it is stored"
run candidate consent CP-A --scope Berichte --given-on 02.11.2026
expect_status 0
# shellcheck disable=SC2086
run $ON candidate edit CP-A --disability yes
expect_status 0
# shellcheck disable=SC2086
run $ON candidate edit CP-A --minority no
expect_status 0
check; [ "$(fact disability)|$(fact minority)" = "yes|no" ] || fail "not stored: $(fact disability)|$(fact minority)"

case_ "switching the setting off later deletes nothing, and other edits still work"
run candidate edit CP-A --notes "Rückruf"
expect_status 0
check; [ "$(fact disability)|$(fact minority)" = "yes|no" ] || fail "the special categories changed"
run candidate edit CP-A --disability unknown --minority declined
expect_status 0
check; [ "$(fact disability)|$(fact minority)" = "NULL|declined" ] || fail "unknown or declined refused when off"

case_ "show has every fact (JSON keys are the column names); list and its CSV have none"
run candidate edit CP-A --housing housed --country-of-birth SY
run candidate show CP-A --format json
expect_status 0
check
python3 - "$T/out" <<'PY' || fail "show JSON lacks the facts"
import json, sys
d = json.load(open(sys.argv[1]))
for k in ("country_of_birth", "second_nationality", "second_nationality_code",
          "foreign_background", "unemployed_since", "housing", "disability", "minority",
          "exit_situation", "status_6m", "status_6m_date", "consent_reporting",
          "consent_reporting_given_on"):
    assert k in d, k
assert "sensitive_consent" not in d, d
assert d["housing"] == "housed" and d["country_of_birth"] == "SY", d
assert d["minority"] == "declined" and d["disability"] is None, d
assert d["consent_reporting_given_on"] == "2026-11-02", d
assert d["consent_reporting_source"] == "by-hand", d
PY
run candidate list --all --format csv
expect_status 0
expect_out_lacks "disability"
expect_out_lacks "minority"
expect_out_lacks "declined"
expect_out_lacks "housing"
run candidate list --format json
expect_out_lacks "disability"

case_ "an import profile cannot map the special categories"
cat >"$T/profiles.toml" <<'TOML'
[import.profile.sensibel]
kind = "candidate"
[import.profile.sensibel.columns]
reference = "ref"
disability = "behinderung"
TOML
printf 'ref;behinderung\nCP-A;ja\n' >"$T/sensibel.csv"
before=$(db_fingerprint)
run --config "$T/profiles.toml" candidate import "$T/sensibel.csv" --profile sensibel
expect_error 78 "field 'disability' cannot come from a file"
check; [ "$before" = "$(db_fingerprint)" ] || fail "the refused import wrote"
finish
