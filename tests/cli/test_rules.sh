#!/bin/sh
# werkstatt rules: the rule files in effect, their dates, sources and overrides; and the warning
# every run gives when one is due for review (rules.max_age_months).
. "$(dirname "$0")/lib.sh"

case_ "rules lists the shipped rule files with their dates and sources"
run rules --date 2026-12-02 --format csv
expect_status 0
expect_out_has "rules,file,valid_as_of,valid_until,review_due,state,overridden,source"
expect_out_has "school holidays,school_holidays.toml,"
expect_out_has ",2030-08-23,"
check
python3 - "$T/out" <<'PY2' || fail "rules listing"
import csv, datetime, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert [r["file"] for r in rows] == ["work_rules.toml", "hiring_rules.toml", "funding.toml", "school_holidays.toml"], rows
assert "Ferienregelung 2024 bis 2030" in rows[3]["source"], rows[3]
for r in rows:
    assert r["overridden"] == "no", r
    if r["valid_as_of"]:
        d = datetime.date.fromisoformat(r["valid_as_of"])
        due = datetime.date.fromisoformat(r["review_due"])
        assert (due.year - d.year) * 12 + due.month - d.month == 12, r
        assert r["state"] == ("due" if due < datetime.date(2026, 12, 2) else "current"), r
    else:
        assert r["state"] == "undated" and r["review_due"] == "", r
PY2

case_ "--date and rules.max_age_months decide what is due"
run rules --date 2099-01-01 --format json
expect_status 0
check
python3 - "$T/out" <<'PY2' || fail "all due in 2099"
import json, sys
rows = json.load(open(sys.argv[1]))
assert all(r["state"] in ("due", "undated") for r in rows), rows
PY2
run --set rules.max_age_months=1200 rules --date 2099-01-01 --format json
check
python3 - "$T/out" <<'PY2' || fail "none due with 100 years"
import json, sys
rows = json.load(open(sys.argv[1]))
assert all(r["state"] in ("current", "undated") for r in rows), rows
PY2

case_ "an admin's hiring rules replace the shipped ones; an old one warns once per run"
printf '%s\n' 'valid_as_of = 2020-01-01' '[[step]]' 'key = "a"' \
    'title = "Ask the Ausländerbehörde?"' 'text = "Ask."' 'source = "§ 4a AufenthG"' >"$T/hiring.toml"
run --set hiring.rules_file="$T/hiring.toml" rules --format csv
expect_status 0
expect_out_has "hiring rules,$T/hiring.toml,2020-01-01,,2021-01-01,due,replaced (hiring.rules_file),"
expect_err_has "werkstatt: warning: rule data not checked in the last 12 months (rules.max_age_months): "
expect_err_has "$T/hiring.toml (valid as of 2020-01-01)"
check; [ "$(grep -c 'warning: rule data' "$T/err")" -eq 1 ] || fail "the warning is not given exactly once"
# In German: the list's words and the warning; file names, dates in CSV and codes stay.
run --set ui.lang=de --set hiring.rules_file="$T/hiring.toml" rules --format csv
expect_status 0
expect_out_has "Einstellungsregeln,$T/hiring.toml,2020-01-01,,2021-01-01,due,ersetzt (hiring.rules_file),"
expect_out_has "Arbeitsregeln,work_rules.toml,"
expect_err_has "werkstatt: Warnung: Regeldaten seit 12 Monaten nicht geprüft (rules.max_age_months): $T/hiring.toml (Stand 2020-01-01)"
# Any command that reads the configuration warns, once, and goes on.
run --set hiring.rules_file="$T/hiring.toml" config show --format csv
expect_status 0
expect_out_has "hiring.rules_file"
check; [ "$(grep -c "warning: rule data.*$T/hiring.toml (valid as of 2020-01-01)" "$T/err")" -eq 1 ] || fail "config show did not warn once"
run --set hiring.rules_file="$T/hiring.toml" init
expect_status 0
check; [ "$(grep -c 'warning: rule data' "$T/err")" -eq 1 ] || fail "init did not warn once"
# A longer allowed age clears the warning about this file.
run --set hiring.rules_file="$T/hiring.toml" --set rules.max_age_months=1200 config show --format csv
expect_err_lacks "$T/hiring.toml (valid as of"

case_ "an admin's funding files and school holidays are listed as such"
printf '%s\n' 'valid_as_of = 2026-11-01' 'sources = ["Landesprogramm", "Richtlinie 2026"]' '[[instrument]]' 'key = "land-x"' \
    'name = "X"' 'grantor = "Land"' 'audience = "all"' 'pays = "a lot"' 'apply_at = "Land"' \
    'legal_basis = "Richtlinie"' 'source = "https://example.org"' 'tags = ["x"]' 'description = "X."' >"$T/funding.toml"
run --set catalogue.funding_files="$T/funding.toml" --set planner.school_holidays=2031-01-01..2031-01-02 rules --date 2026-12-02 --format csv
expect_status 0
expect_out_has "funding,funding.toml,"
expect_out_has "extended (catalogue.funding_files)"
expect_out_has "funding,$T/funding.toml,2026-11-01,,2027-11-01,current,admin's (catalogue.funding_files),Landesprogramm; Richtlinie 2026"
expect_out_has "extended (planner.school_holidays: 1 period)"

case_ "errors"
run --set hiring.rules_file="$T/missing.toml" rules
expect_error 78 "cannot read $T/missing.toml; check hiring.rules_file"
printf 'valid_as_of = "yesterday"\n' >"$T/bad.toml"
run --set catalogue.funding_files="$T/bad.toml" rules
expect_error 78 "'valid_as_of' must be a date"
# Other commands are not stopped by an admin's broken rule file they do not use.
run --set catalogue.funding_files="$T/bad.toml" config show --format csv
expect_status 0
expect_err_lacks "bad.toml"
run rules --date 2026-13-01
expect_error 2 "--date '2026-13-01' is not a day that exists"
run --set rules.max_age_months=0 rules
expect_error 78 "rules.max_age_months"

finish
