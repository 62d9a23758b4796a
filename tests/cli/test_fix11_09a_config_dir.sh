#!/bin/sh
# Issue 11, item 9a: `--config` naming a folder was silently ignored; it is a configuration
# error (78), as is a folder where the user's configuration file should be.
. "$(dirname "$0")/lib.sh"
run init
mkdir -p "$T/conf.d"

case_ "--config FOLDER is refused with 78"
run --config "$T/conf.d" company list
expect_error 78 "configuration file $T/conf.d is a folder; name a TOML file"
run --config "$T/conf.d" config show
expect_error 78 "is a folder"

case_ "config check FOLDER is refused with 78"
run config check "$T/conf.d"
expect_error 78 "is a folder"

case_ "a folder as the user's configuration file is refused with 78"
mkdir -p "$XDG_CONFIG_HOME/werkstatt/config.toml"
run company list
expect_error 78 "$XDG_CONFIG_HOME/werkstatt/config.toml is a folder"
rmdir "$XDG_CONFIG_HOME/werkstatt/config.toml"

case_ "--config FILE still works, a missing file is still 78"
printf '[output]\nformat = "csv"\n' >"$T/c.toml"
run --config "$T/c.toml" company list
expect_status 0
expect_out_has "key,name"
run --config "$T/missing.toml" company list
expect_error 78 "missing.toml"

finish
