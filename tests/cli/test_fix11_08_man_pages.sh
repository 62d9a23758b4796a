#!/bin/sh
# Issue 11, item 8: the manual pages name every command and every configuration key. The lists
# come from the program itself (`werkstatt help --commands`, `werkstatt config keys`), so a new
# command or key without documentation fails this test.
. "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?set SOURCE_DIR to the source tree}"
MAN="$SOURCE_DIR/man"

# Print the words after ".It Cm <group>" in werkstatt(1)'s COMMANDS (subcommands, one a line).
commands_in_werkstatt1() {
    awk -v g="$1" '/^\.Sh COMMANDS/ { f = 1; next } /^\.Sh/ { f = 0 }
        f && $1 == ".It" && $2 == "Cm" && $3 == g { print "(group)"; for (i = 4; i <= NF; i++) if ($i != "Cm" && $i != "|") print $i }' \
        "$MAN/werkstatt.1"
}

# Print the words after ".Cm <group>" in the SYNOPSIS of the group's page.
commands_in_page() {
    awk -v g="$1" '/^\.Sh SYNOPSIS/ { f = 1; next } /^\.Sh/ { f = 0 }
        f && $1 == ".Cm" && $2 == g { print "(group)"; for (i = 3; i <= NF; i++) if ($i != "|") print $i }' \
        "$MAN/werkstatt-$1.1"
}

case_ "the program lists its commands"
run help --commands
expect_status 0
cp "$T/out" "$T/tree"
check; [ "$(wc -l <"$T/tree")" -gt 40 ] || fail "help --commands lists only $(wc -l <"$T/tree") commands"
expect_out_has "company add	writes dry-run"
expect_out_has "candidate remove	writes dry-run"
expect_out_has "match	writes commit"
expect_out_has "company	group"

case_ "every command is in werkstatt(1) and in its group's page"
cut -f1 "$T/tree" >"$T/paths" # not a pipe into the loop: its failures must count
while read -r group sub; do
    want=${sub:-"(group)"}
    check
    commands_in_werkstatt1 "$group" | grep -qxF "$want" ||
        fail "werkstatt(1) COMMANDS lacks '$group${sub:+ $sub}' (.It Cm $group Cm ... | $want)"
    [ "$group" = help ] && continue # documented in werkstatt(1) only
    check
    if [ ! -f "$MAN/werkstatt-$group.1" ]; then
        fail "no page man/werkstatt-$group.1"
        continue
    fi
    check
    commands_in_page "$group" | grep -qxF "$want" ||
        fail "werkstatt-$group(1) SYNOPSIS lacks .Cm $group${sub:+ $sub}"
done <"$T/paths"

case_ "every configuration key is in werkstatt(1) and werkstatt-config(1)"
run config keys --format csv
expect_status 0
tail -n +2 "$T/out" | cut -d, -f1 | tr -d '\r' >"$T/keys"
check; [ "$(wc -l <"$T/keys")" -gt 20 ] || fail "config keys lists only $(wc -l <"$T/keys") keys"
while read -r key; do
    pattern="^\.(It )?Cm $(printf '%s' "$key" | sed 's/\./\\./g')( |\$)"
    for page in werkstatt.1 werkstatt-config.1; do
        check
        grep -qE "$pattern" "$MAN/$page" || fail "$page lacks the key $key (.Cm $key)"
    done
done <"$T/keys"

case_ "werkstatt-audit(1) does not claim the audit log keeps values it leaves out"
sed -n '/^Only the values of these options are kept:/,/^they name records/p' "$MAN/werkstatt-audit.1" >"$T/kept"
check; [ -s "$T/kept" ] || fail "werkstatt-audit(1) has no list of the options whose values are kept"
sed -n '/^\.It Qq command/,/^\.El/p' "$MAN/werkstatt-audit.1" >"$T/command_item"
for option in -last-name -birth-date -nationality -german -role -city; do
    check
    ! grep -qE "^\.Fl $option( |\$)" "$T/kept" || fail "werkstatt-audit(1) says the value of -$option is kept"
    check
    grep -qE "^\.Fl $option( |\$)" "$T/command_item" || fail "werkstatt-audit(1) does not name -$option among the values left out"
done

finish
