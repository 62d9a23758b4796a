#!/bin/sh
# Issue 15: the zsh and fish completion scripts of `werkstatt completion` parse in their shell
# and complete a subcommand, an option value and company keys from the database. Each shell
# that is not installed is reported as skipped (neither is among the packages scripts/setup
# installs); the bash script is tested by test_completion.sh.
. "$(dirname "$0")/lib.sh"
: >"$T/out"
: >"$T/err"
run init
expect_status 0
run company add --key harz-holz --name "Harz Holz GmbH" --plz 38855
expect_status 0
run company add --key halle-bau --name "Halle Bau GmbH" --plz 06108
expect_status 0
bindir="$T/bin"
mkdir -p "$bindir"
ln -s "$WERKSTATT" "$bindir/werkstatt" # the scripts call `werkstatt` by name, as installed

case_ "zsh: the script parses and completes through bashcompinit"
if command -v zsh >/dev/null 2>&1; then
    "$WERKSTATT" completion zsh >"$T/_werkstatt"
    zsh -n "$T/_werkstatt" >"$T/out" 2>"$T/err"
    status=$?
    expect_status 0
    expect_err_empty
    # As zsh's bashcompinit calls the function: from compgen, under `emulate -L sh`.
    zcomplete() {
        PATH="$bindir:$PATH" zsh -f -c 'autoload -U compinit && compinit -u -d "$3/zcompdump"
            source "$2" || exit 3
            f() { emulate -L sh; setopt kshglob noshglob braceexpand
                eval "COMP_WORDS=($1)"; COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
                _werkstatt; print -l -- "${COMPREPLY[@]}"; }
            f "$1"' _ "$1" "$T/_werkstatt" "$T" >"$T/out" 2>"$T/err"
        status=$?
    }
    zcomplete "werkstatt company li"
    expect_status 0
    expect_out_has "list"   # zsh itself filters by the word typed
    expect_out_lacks "init" # but not another group's commands
    zcomplete "werkstatt company list --format ''"
    expect_out_has "json"
    zcomplete "werkstatt --db '$DB' company show h"
    expect_out_has "harz-holz"
    expect_out_has "halle-bau"
else
    skip "zsh is not installed"
fi

case_ "fish: the script parses and completes"
if command -v fish >/dev/null 2>&1; then
    "$WERKSTATT" completion fish >"$T/werkstatt.fish"
    fish -n "$T/werkstatt.fish" >"$T/out" 2>"$T/err"
    status=$?
    expect_status 0
    expect_err_empty
    fcomplete() {
        PATH="$bindir:$PATH" fish --no-config -c 'source $argv[1]; complete -C $argv[2]' \
            "$T/werkstatt.fish" "$1" >"$T/out" 2>"$T/err"
        status=$?
    }
    fcomplete "werkstatt company li"
    expect_status 0
    expect_err_empty
    expect_out_has "list	List member companies"
    fcomplete "werkstatt company list --format "
    expect_out_has "json"
    expect_out_has "csv"
    fcomplete "werkstatt --db $DB company show h"
    expect_out_has "harz-holz"
    expect_out_has "halle-bau"
    fcomplete "werkstatt company list --q"
    expect_out_has "--quiet"
else
    skip "fish is not installed"
fi

finish
