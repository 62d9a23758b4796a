#!/bin/sh
# werkstatt config show|check and the layers of configuration.
. "$(dirname "$0")/lib.sh"

case_ "defaults and their origin"
run_bare config show --format csv
expect_status 0
expect_out_has "database.path,$XDG_DATA_HOME/werkstatt/werkstatt.db,default"
expect_out_has "database.busy_timeout_ms,60000,default"
expect_out_has "output.format,table,default"

case_ "each layer overrides the one before, and show says where from"
mkdir -p "$T/etc" "$XDG_CONFIG_HOME/werkstatt"
printf '[database]\nbusy_timeout_ms = 1000\n[output]\nformat = "csv"\ncolor = "never"\n' >"$T/etc/config.toml"
printf '[database]\nbusy_timeout_ms = 2000\n' >"$XDG_CONFIG_HOME/werkstatt/config.toml"
printf '# explicit\n\n[database]\nbusy_timeout_ms = 3000\npath = "/from/file.db"\n' >"$T/extra.toml"
WERKSTATT_DB=/from/env.db run_bare --config "$T/extra.toml" config show --format csv
expect_status 0
expect_out_has "database.busy_timeout_ms,3000,$T/extra.toml:4"
expect_out_has "database.path,/from/env.db,environment WERKSTATT_DB"
expect_out_has "output.color,never,$T/etc/config.toml:5"
WERKSTATT_DB=/from/env.db run_bare --config "$T/extra.toml" --set database.busy_timeout_ms=4000 --db /from/flag.db config show --format csv
expect_out_has "database.busy_timeout_ms,4000,option --set"
expect_out_has "database.path,/from/flag.db,option --db"
rm "$T/extra.toml"

case_ "the system file's format applies (csv), the user file's timeout wins over it"
run_bare config show
expect_status 0
expect_out_has "database.busy_timeout_ms,2000,$XDG_CONFIG_HOME/werkstatt/config.toml:2"
rm "$T/etc/config.toml" "$XDG_CONFIG_HOME/werkstatt/config.toml"

case_ "config show as JSON"
run_bare config show --format json
expect_out_has '"key": "companies.outside_plz"'
expect_out_has '"origin": "default"'

case_ "config check: the shipped file is valid and documents every key"
run_bare config check "$SOURCE_DIR/config/werkstatt.toml"
expect_status 0
expect_err_has "valid"
run_bare config show --format csv
for key in $(tail -n +2 "$T/out" | cut -d, -f1); do
    section=${key%.*}
    name=${key##*.}
    check
    grep -q "^\[$section\]" "$SOURCE_DIR/config/werkstatt.toml" && grep -q "^$name = " "$SOURCE_DIR/config/werkstatt.toml" || fail "config/werkstatt.toml lacks $key"
done

case_ "config check names the unknown key and the wrong type with their lines"
printf '[database]\npath = "x.db"\nbusy_timeout = 5\n\n[output]\nformat = 3\ncolor = "pink"\n' >"$T/bad.toml"
run_bare config check "$T/bad.toml"
expect_status 78
expect_err_has "bad.toml:3: unknown key 'database.busy_timeout'"
expect_err_has "warning: $T/bad.toml:6: key 'output.format' must be a string, not an integer"
expect_err_has "werkstatt: error: $T/bad.toml:7: key 'output.color' must be one of auto, always, never; change the value"

case_ "config check on broken TOML and a missing file"
printf '[database\npath = 1\n' >"$T/syntax.toml"
run_bare config check "$T/syntax.toml"
expect_error 78 "syntax.toml:1"
run_bare config check "$T/missing.toml"
expect_error 78 "cannot read configuration file"

case_ "a broken user config stops every command with exit 78"
mkdir -p "$XDG_CONFIG_HOME/werkstatt"
printf '[output]\nformat = "xml"\n' >"$XDG_CONFIG_HOME/werkstatt/config.toml"
run_bare topic list
expect_error 78 "config.toml:2: key 'output.format' must be one of table, json, csv"
rm "$XDG_CONFIG_HOME/werkstatt/config.toml"

case_ "--config to a missing file, --set errors"
run_bare --config "$T/none.toml" config show
expect_error 78 "cannot read configuration file"
run_bare --set output.format config show
expect_error 2 "--set 'output.format' has no '='"
run_bare --set no.such=1 config show
expect_error 78 "unknown key 'no.such'"
run_bare --set database.busy_timeout_ms=soon config show
expect_error 78 "must be an integer"
run_bare --set database.busy_timeout_ms=-1 config show
expect_error 78 "between 0 and 600000"

case_ "audit.user names the actor in the audit log"
run --set audit.user=koordination init
run --set audit.user=koordination company add --key a --name A --plz 39104
check; [ "$(sql "SELECT os_user FROM audit_log WHERE entity = 'company'")" = koordination ] || fail "audit.user ignored"

case_ "config keys lists the keys of config show with type, default and doc"
run_bare config keys --format csv
expect_status 0
check; [ "$(head -n 1 "$T/out" | tr -d "\r")" = "key,type,default,doc" ] || fail "config keys header: $(head -n 1 "$T/out")"
expect_out_has "match.top,integer,10,"
expect_out_has "match.weights.german,number,25,"
expect_out_has "planner.alternate_regions,boolean,true,"
tail -n +2 "$T/out" | cut -d, -f1 >"$T/keys_listed"
run_bare config show --format csv
tail -n +2 "$T/out" | cut -d, -f1 >"$T/keys_shown"
check; cmp -s "$T/keys_listed" "$T/keys_shown" || fail "config keys and config show list different keys"
run_bare config keys --format json
expect_out_has '"doc": "How many candidates or openings a ranking shows without --top"'

finish
