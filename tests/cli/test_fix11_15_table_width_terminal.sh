#!/bin/sh
# Issue 11, item 15 on a real terminal (a pseudo-terminal made by script(1); skipped without it):
# a table fits COLUMNS, or the terminal's own width, and --wide prints it whole.
. "$(dirname "$0")/lib.sh"
if ! command -v script >/dev/null 2>&1; then
    echo "SKIP: script(1) is not installed; no terminal to test on"
    exit 77
fi
run init
run company add --key spedition --name "Spedition Elbe Güterverkehr und Logistik GmbH & Co. KG" --plz 39104 --city Magdeburg --industry "Transport, Lagerei und Logistikdienstleistungen"
run company add --key pflege --name "Saale-Pflege gemeinnützige Gesellschaft für ambulante Pflege mbH" --plz 06108 --industry "Gesundheits- und Sozialwesen, ambulante Pflege"
expect_status 0

# on_terminal COLUMNS ARGS...: run werkstatt ARGS on a pseudo-terminal with COLUMNS set (empty:
# unset, the terminal's size then counts); its screen goes to $T/out without CR and colour.
on_terminal() {
    cols=$1
    shift
    printf '%s' "$WERKSTATT --db $DB" >"$T/cmd"
    for a in "$@"; do printf " '%s'" "$a" >>"$T/cmd"; done
    if [ -n "$cols" ]; then
        COLUMNS=$cols script -qec "sh $T/cmd" /dev/null </dev/null >"$T/raw" 2>"$T/err"
    else
        script -qec "stty cols 100 2>/dev/null; unset COLUMNS; sh $T/cmd" /dev/null </dev/null >"$T/raw" 2>"$T/err"
    fi
    status=$?
    python3 -c '
import re, sys
t = open(sys.argv[1], encoding="utf-8").read().replace("\r", "")
sys.stdout.write(re.sub("\x1b\\[[0-9;]*m", "", t))' "$T/raw" >"$T/out"
}

widest() {
    python3 -c '
import sys
print(max(len(l) for l in open(sys.argv[1], encoding="utf-8").read().split("\n")))' "$1"
}

case_ "a pipe gets the whole table"
run company list
check; [ "$(widest "$T/out")" -gt 80 ] || fail "the test data fits 80 columns anyway"
cp "$T/out" "$T/pipe"

case_ "COLUMNS=80 on a terminal: the table fits"
on_terminal 80 company list
expect_status 0
check; [ "$(widest "$T/out")" -le 80 ] || fail "the table is $(widest "$T/out") wide on an 80-column terminal"
expect_out_has "spedition"
expect_out_has "…"

case_ "without COLUMNS the terminal's own width counts"
on_terminal "" company list
expect_status 0
check; [ "$(widest "$T/out")" -le 100 ] || fail "the table is $(widest "$T/out") wide on a 100-column terminal"

case_ "--wide on a terminal prints the whole table"
on_terminal 80 company list --wide
expect_status 0
check; cmp -s "$T/out" "$T/pipe" || fail "--wide on a terminal is not the pipe's table"
finish
