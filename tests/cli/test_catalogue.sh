#!/bin/sh
# werkstatt catalogue update: shipped and admins' catalogue files, never overwriting edits.
. "$(dirname "$0")/lib.sh"
run init

case_ "a second update changes nothing and writes no audit row"
n=$(sql "SELECT count(*) FROM audit_log")
run catalogue update
expect_status 0
expect_err_has "updated advisory services: 0 new, 0 updated, 25 unchanged"
expect_err_has "updated funding instruments: 0 new, 0 updated, 9 unchanged"
check; [ "$(sql "SELECT count(*) FROM audit_log")" = "$n" ] || fail "an empty update wrote an audit row"

case_ "an admin's funding file adds instruments; a dry run writes nothing"
cat >"$T/own.toml" <<'TOML'
[[instrument]]
key = "landesprogramm"
name = "Landesprogramm Sprache im Betrieb"
tags = ["sprache"]
[[instrument.when]]
reason = "German below B1"
german_below = "B1"
TOML
before=$(db_fingerprint)
run --set catalogue.funding_files="$T/own.toml" catalogue update --dry-run
expect_status 0
expect_err_has "would update funding instruments: 1 new"
check; [ "$before" = "$(db_fingerprint)" ] || fail "the dry run changed the database"
printf '[catalogue]\nfunding_files = ["%s"]\n' "$T/own.toml" >"$T/config.toml"
run --config "$T/config.toml" catalogue update
expect_status 0
check; [ "$(sql "SELECT origin FROM funding_instrument WHERE key='landesprogramm'")" = catalogue ] || fail "not loaded"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE entity='catalogue' AND action='update'")" = 2 ] || fail "not one audit row per update"

case_ "a bad catalogue file is a configuration error naming file and line"
printf '[[instrument]]\nkey = "x"\nname = "X"\n[[instrument.when]]\nreason = "r"\nnationality = ["sy"]\n' >"$T/bad.toml"
before=$(db_fingerprint)
run --set catalogue.funding_files="$T/bad.toml" catalogue update
expect_error 78 "bad.toml:6: unknown condition 'nationality'"
run --set catalogue.advisor_files="$T/nosuch.csv" catalogue update
expect_error 78 "cannot read catalogue file $T/nosuch.csv"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a failed update changed the database"

case_ "recording a check is not an edit: later catalogue corrections still arrive, the date stays"
run advisor edit iq-anerkennung-nord --verified 2026-11-20
expect_status 0
run catalogue update
expect_status 0
expect_err_lacks "iq-anerkennung-nord"
# A corrected catalogue (an admin's file overrides the shipped entry with the same key).
python3 - "$SOURCE_DIR/config/data/advisors.csv" "$T/fix.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
out = csv.DictWriter(open(sys.argv[2], "w", newline="", encoding="utf-8"), fieldnames=rows[0].keys())
out.writeheader()
for r in rows:
    if r["key"] == "iq-anerkennung-nord":
        r["phone"] = "0391 555 0000"
        out.writerow(r)
PY
run --set catalogue.advisor_files="$T/fix.csv" catalogue update
expect_status 0
expect_err_has "0 new, 1 updated"
check; [ "$(sql "SELECT phone || '|' || last_verified FROM advisor WHERE key = 'iq-anerkennung-nord'")" = "0391 555 0000|2026-11-20" ] || fail "correction or date lost: $(sql "SELECT phone, last_verified FROM advisor WHERE key = 'iq-anerkennung-nord'")"

case_ "a renamed catalogue entry does not come back under its old key"
run advisor edit abh-harz --new-key abh-landkreis-harz
expect_status 0
run catalogue update
expect_status 0
check; [ "$(sql "SELECT count(*) FROM advisor WHERE key IN ('abh-harz', 'abh-landkreis-harz')")" = 1 ] || fail "renamed entry duplicated: $(sql "SELECT key FROM advisor WHERE key LIKE 'abh-%harz'")"

case_ "a tag that would change when stored is refused; damaged stored conditions are a storage error"
printf '[[instrument]]\nkey = "y"\nname = "Y"\ntags = ["sprache", "lohn, kosten"]\n' >"$T/tags.toml"
before=$(db_fingerprint)
run --set catalogue.funding_files="$T/tags.toml" catalogue update
expect_error 78 "tag 'lohn, kosten' is not a plain lower-case word"
printf '[[instrument]]\nkey = "y"\nname = "Y"\ntags = ["Sprache"]\n' >"$T/tags.toml"
run --set catalogue.funding_files="$T/tags.toml" catalogue update
expect_error 78 "tag 'Sprache'"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused update changed the database"
sql "UPDATE funding_instrument SET conditions = '[{\"reason\": \"r\", \"german_below\": \"Q7\"}]' WHERE key = (SELECT min(key) FROM funding_instrument)"
run funding list
expect_error 74 "stored conditions are damaged (german_below)"
sql "UPDATE funding_instrument SET conditions = '[{\"reason\": \"r\", \"regulated\": \"yes\"}]' WHERE key = (SELECT min(key) FROM funding_instrument)"
run funding list
expect_error 74 "damaged (regulated)"

finish
