#!/bin/sh
# Files werkstatt writes and reads, as an attacker would try them (issue 14, defects 1, 3, 6): a
# link planted where the rejects file goes, a full disk, and TOML nested or sized to crash the
# parser.
. "$(dirname "$0")/lib.sh"
SMALL="$T/small"
trap 'umount "$SMALL" 2>/dev/null; rm -rf "$T"' EXIT
run init
expect_status 0

# The names in folder $1, one a line: what a write left behind.
names() { ls -A "$1" | sort; }

case_ "a planted link at the old temporary name and at the target: the victim is untouched"
mkdir "$T/drop"
printf 'keep me\n' >"$T/victim.txt"
chmod 644 "$T/victim.txt"
ln -s "$T/victim.txt" "$T/drop/rej.csv.part"
ln -s "$T/victim.txt" "$T/drop/rej.csv"
run candidate import "$TESTDATA/import/ba_bad.csv" --profile ba --source jc --rejects "$T/drop/rej.csv"
expect_status 1
check; [ "$(cat "$T/victim.txt")" = "keep me" ] || fail "the victim file was written: $(head -c 200 "$T/victim.txt")"
check; [ "$(stat -c %a "$T/victim.txt")" = 644 ] || fail "the victim's mode changed"
check; [ ! -L "$T/drop/rej.csv" ] && [ -f "$T/drop/rej.csv" ] || fail "rej.csv is not a fresh regular file"
check; [ "$(stat -c %a "$T/drop/rej.csv")" = 600 ] || fail "rejects file mode $(stat -c %a "$T/drop/rej.csv")"
check; grep -q "BAD-PLZ" "$T/drop/rej.csv" || fail "the rejected rows are not in rej.csv"
check; [ "$(names "$T/drop")" = "$(printf 'rej.csv\nrej.csv.part')" ] || fail "left behind: $(names "$T/drop")"

case_ "the rejects file replaces a file of another mode with a 0600 one, no temporary left"
printf 'old\n' >"$T/drop/old.csv"
chmod 666 "$T/drop/old.csv"
run candidate import "$TESTDATA/import/ba_bad.csv" --profile ba --source jc --rejects "$T/drop/old.csv"
expect_status 1
check; [ "$(stat -c %a "$T/drop/old.csv")" = 600 ] || fail "mode $(stat -c %a "$T/drop/old.csv")"
check; grep -q "BAD-DATE" "$T/drop/old.csv" || fail "old.csv was not replaced"
check; [ "$(names "$T/drop")" = "$(printf 'old.csv\nrej.csv\nrej.csv.part')" ] || fail "left behind: $(names "$T/drop")"

case_ "a device as the rejects file is refused before anything is imported"
before=$(db_fingerprint)
run candidate import "$TESTDATA/import/ba_bad.csv" --profile ba --source jc --rejects /dev/null
expect_error 73 "cannot write /dev/null: it is not a regular file"
check; [ -c /dev/null ] || fail "/dev/null is no longer a device"
check; [ "$(db_fingerprint)" = "$before" ] || fail "the database changed"

case_ "the rejects file on a full disk: the old one stays, the reason is named, exit 73"
if [ "$(id -u)" -ne 0 ]; then
    skip "a small tmpfs needs root to mount"
elif ! { mkdir -p "$SMALL" && mount -t tmpfs -o size=64k tmpfs "$SMALL" 2>/dev/null; }; then
    skip "mount -t tmpfs is not allowed here"
else
    run candidate import "$TESTDATA/import/ba_bad.csv" --profile ba --source jc --rejects "$SMALL/rej.csv"
    expect_status 1
    old=$(md5sum <"$SMALL/rej.csv")
    # Fill the rest of the disk, then import 200 bad rows (about 30 KB of rejects) and 10
    # good ones, which must not be written when the rejects cannot be.
    dd if=/dev/zero of="$SMALL/fill" bs=1024 count=100 2>/dev/null
    {
        head -1 "$TESTDATA/import/ba_bad.csv"
        seq 1 200 | awk '{ printf "BAD-%06d;;Vorname;Nachname mit langem Namen;;;3910;;;;;;;;;;;;;;\n", $1 }'
        seq 1 10 | awk '{ printf "GOOD-%02d;;;Gut;;;39104;;;;;;;;;;;;;;\n", $1 }'
    } >"$T/many_bad.csv"
    before=$(db_fingerprint)
    run candidate import "$T/many_bad.csv" --profile ba --source jc --rejects "$SMALL/rej.csv"
    expect_error 73 "cannot write $SMALL/rej.csv (No space left on device)"
    expect_err_lacks "Success"
    check; [ "$(md5sum <"$SMALL/rej.csv")" = "$old" ] || fail "the old rejects file changed"
    check; [ "$(names "$SMALL")" = "$(printf 'fill\nrej.csv')" ] || fail "left behind: $(names "$SMALL")"
    check; [ "$(db_fingerprint)" = "$before" ] || fail "the import was written although its rejects were not"
    rm "$SMALL/fill"
    run candidate import "$T/many_bad.csv" --profile ba --source jc --rejects "$SMALL/rej.csv"
    expect_status 1
    check; [ "$(grep -c '^BAD-' "$SMALL/rej.csv")" = 200 ] || fail "with room again, the rejects file is not whole"
fi

# A TOML text nested $1 levels deep as one dotted key: a.a.a...=1.
deep_dotted() { awk -v n="$1" 'BEGIN { s = "a"; for (i = 1; i < n; i++) s = s ".a"; print s " = 1" }'; }
# A TOML text of inline tables nested $1 levels deep: x={a={a=...1}}.
deep_inline() { awk -v n="$1" 'BEGIN { s = "x = "; for (i = 1; i < n; i++) s = s "{a = "; s = s "1"; for (i = 1; i < n; i++) s = s "}"; print s }'; }

case_ "a user config nested 40,000 levels deep is refused with exit 78, every command still answers"
mkdir -p "$XDG_CONFIG_HOME/werkstatt"
deep_dotted 40000 >"$XDG_CONFIG_HOME/werkstatt/config.toml"
run company list
expect_error 78 "$XDG_CONFIG_HOME/werkstatt/config.toml:1: nested more than 64 levels deep"
run config show
expect_error 78 "nested more than 64 levels deep"
deep_inline 40000 >"$XDG_CONFIG_HOME/werkstatt/config.toml"
run company list
expect_error 78 "config.toml:1: nested more than 64 levels deep"
rm "$XDG_CONFIG_HOME/werkstatt/config.toml"

case_ "--config with lists or a table header 40,000 levels deep is refused with exit 78"
awk 'BEGIN { s = "x = "; for (i = 0; i < 40000; i++) s = s "["; print s }' >"$T/lists.toml"
run --config "$T/lists.toml" company list
expect_error 78 "$T/lists.toml:1: nested more than 64 levels deep"
deep_dotted 40000 | sed 's/^\(.*\) = 1$/[\1]/' >"$T/header.toml"
run --config "$T/header.toml" company list
expect_error 78 "$T/header.toml:1: nested more than 64 levels deep"
run config check "$T/header.toml"
expect_status 78
expect_err_has "nested more than 64 levels deep"

case_ "rule files named in the configuration are held to the same limits"
deep_dotted 40000 >"$T/deep_rules.toml"
run --set hiring.rules_file="$T/deep_rules.toml" rules
expect_error 78 "$T/deep_rules.toml:1: nested more than 64 levels deep"
run --set planner.school_holidays_file="$T/deep_rules.toml" rules
expect_error 78 "$T/deep_rules.toml:1: nested more than 64 levels deep"
head -c 2000000 /dev/zero | tr '\0' '#' >"$T/big_rules.toml"
run --set catalogue.funding_files="$T/big_rules.toml" rules
expect_error 78 "$T/big_rules.toml is larger than 1 MiB"

case_ "64 levels are read: the limit refuses only what no configuration needs"
deep_dotted 64 >"$T/sixty_four.toml"
run config check "$T/sixty_four.toml"
expect_err_lacks "nested more than"
deep_dotted 65 >"$T/sixty_five.toml"
run config check "$T/sixty_five.toml"
expect_status 78
expect_err_has "nested more than 64 levels deep"

case_ "a config file over 1 MiB is refused with exit 78 before it is parsed"
{
    printf '[output]\nformat = "csv"\n'
    head -c 1100000 /dev/zero | tr '\0' '#'
    printf '\n'
} >"$T/big.toml"
run --config "$T/big.toml" company list
expect_error 78 "$T/big.toml is larger than 1 MiB"
head -c 1000000 "$T/big.toml" >"$T/below.toml"
printf '\n' >>"$T/below.toml"
run --config "$T/below.toml" company list
expect_status 0

finish
