#!/bin/sh
# #13, the input side: an import profile may map the report facts country_of_birth,
# second_nationality, unemployed_since and housing, read row by row with the parsers of
# `candidate edit`; a bad value rejects its row; `import undo` restores the old values. The
# special categories never come from a file (test_candidate_report_facts).
. "$(dirname "$0")/lib.sh"
cat >"$T/profiles.toml" <<'TOML'
[import.profile.esf]
kind = "candidate"
source = "jc-esf"
[import.profile.esf.columns]
reference = "Ref"
last_name = "Name"
country_of_birth = "Geburtsland"
second_nationality = "Zweite Staatsangehoerigkeit"
unemployed_since = "Arbeitslos seit"
housing = "Wohnsituation"
TOML
C="--config $T/profiles.toml"

# Print column $1 of candidate $2, NULL as "NULL".
col() { sql "SELECT ifnull($1, 'NULL') FROM candidate WHERE reference = '$2'"; }

run init
case_ "the facts are imported in their stored form; unknown and empty are NULL"
cat >"$T/a.csv" <<'CSV'
Ref;Name;Geburtsland;Zweite Staatsangehoerigkeit;Arbeitslos seit;Wohnsituation
E-1;Eins;Syrien;türkisch;01.03.2025;wohnungslos
E-2;Zwei;unbekannt;;;unknown
CSV
# shellcheck disable=SC2086
run $C candidate import "$T/a.csv" --profile esf
expect_status 0
check; [ "$(col country_of_birth E-1)|$(col second_nationality_code E-1)|$(col unemployed_since E-1)|$(col housing E-1)" = "SY|TR|2025-03-01|homeless" ] || fail "E-1: $(sql "SELECT country_of_birth, second_nationality_code, unemployed_since, housing FROM candidate WHERE reference = 'E-1'")"
check; [ "$(col country_of_birth E-2)|$(col second_nationality E-2)|$(col unemployed_since E-2)|$(col housing E-2)" = "NULL||NULL|NULL" ] || fail "E-2 not NULL"

case_ "a bad value rejects its row, naming the column; the good rows are taken (exit 1)"
cat >"$T/b.csv" <<'CSV'
Ref;Name;Geburtsland;Zweite Staatsangehoerigkeit;Arbeitslos seit;Wohnsituation
E-3;Drei;Atlantis;;;
E-4;Vier;DE;;30.02.2025;
E-5;Fünf;PL;;;im Zelt
E-6;Sechs;UA;;;housed
CSV
# shellcheck disable=SC2086
run $C candidate import "$T/b.csv" --profile esf
expect_status 1
expect_err_has "column \"Geburtsland\": not a country werkstatt knows"
expect_err_has "column \"Arbeitslos seit\": not a day that exists"
expect_err_has "column \"Wohnsituation\": not homeless, housing-exclusion, housed or unknown"
check; [ "$(sql "SELECT group_concat(reference) FROM candidate WHERE reference IN ('E-3','E-4','E-5','E-6')")" = E-6 ] || fail "rows taken: $(sql "SELECT group_concat(reference) FROM candidate")"

case_ "an update of the facts is undone by import undo"
cat >"$T/c.csv" <<'CSV'
Ref;Name;Geburtsland;Zweite Staatsangehoerigkeit;Arbeitslos seit;Wohnsituation
E-1;Eins;Irak;polnisch;01.06.2025;housed
CSV
# shellcheck disable=SC2086
run $C candidate import "$T/c.csv" --profile esf
expect_status 0
check; [ "$(col country_of_birth E-1)|$(col second_nationality_code E-1)|$(col housing E-1)" = "IQ|PL|housed" ] || fail "update: $(col country_of_birth E-1)|$(col second_nationality_code E-1)|$(col housing E-1)"
batch=$(sql "SELECT max(id) FROM import_batch")
run import undo "$batch"
expect_status 0
check; [ "$(col country_of_birth E-1)|$(col second_nationality E-1)|$(col second_nationality_code E-1)|$(col unemployed_since E-1)|$(col housing E-1)" = "SY|türkisch|TR|2025-03-01|homeless" ] || fail "undo did not restore: $(sql "SELECT country_of_birth, second_nationality, second_nationality_code, unemployed_since, housing FROM candidate WHERE reference = 'E-1'")"

case_ "an import leaves the facts it does not map alone (the hand-recorded exit too)"
run candidate exit E-1 --date 2026-06-30 --situation employed
# shellcheck disable=SC2086
run $C candidate import "$T/c.csv" --profile esf
expect_status 0
check; [ "$(col exit_situation E-1)|$(col exit_date E-1)" = "employed|2026-06-30" ] || fail "the import cleared the exit"
finish
