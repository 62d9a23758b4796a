#!/bin/sh
# werkstatt candidate import of large files: one transaction that survives kill -9, progress
# only on a terminal, and a 2 GB file that fails in reasonable time.
. "$(dirname "$0")/lib.sh"
run init
# 200,000 rows; the sanitizer build, several times slower, sets IMPORT_LARGE_ROWS lower: its
# import still runs long enough to be killed midway and to show progress on a terminal.
ROWS=${IMPORT_LARGE_ROWS:-200000}
python3 - "$TESTDATA/import/ba_utf8.csv" "$T/big.csv" "$ROWS" <<'EOF'
import sys
head = open(sys.argv[1], encoding="utf-8").readline()
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    f.write(head)
    for i in range(int(sys.argv[3])):
        f.write(f"BIG-{i:06d};w;Vorname{i};Nachname{i};01.02.1990;syrisch;39104;Magdeburg;52122;"
                f"Fahrer;B1;ar:C2;Duldung;voll;B;01.03.2027;30;31.12.2027;n{i}@example.org;"
                f"0391 {i};Bemerkung {i}\n")
EOF
counts() { echo "$(sql "SELECT count(*) FROM candidate") $(sql "SELECT count(*) FROM import_batch")"; }

case_ "kill -9 in the middle of an import: all or nothing, and a rerun completes it"
"$WERKSTATT" --db "$DB" candidate import "$T/big.csv" >"$T/out" 2>"$T/err" </dev/null &
pid=$!
# Wait until the import is writing (its rollback journal or WAL exists), then a bit longer.
i=0
while [ ! -e "$DB-journal" ] && [ ! -e "$DB-wal" ] && [ $i -lt 200 ]; do
    sleep 0.02
    i=$((i + 1))
done
sleep 0.4
kill -9 "$pid" 2>/dev/null
{ wait "$pid"; } 2>/dev/null
killed=$?
check; [ "$killed" -eq 137 ] || fail "the import was not killed while it ran (status $killed); make the file larger"
after=$(counts)
check; [ "$after" = "0 0" ] || [ "$after" = "$ROWS 1" ] || fail "partial import after kill -9: candidates and batches $after"
check; [ "$(sql "PRAGMA integrity_check")" = ok ] || fail "integrity_check: $(sql "PRAGMA integrity_check")"
run candidate import "$T/big.csv"
expect_status 0
expect_err_has "read $ROWS,"
check; [ "$(counts)" = "$ROWS 1" ] || fail "after the rerun: candidates and batches $(counts), expected $ROWS 1"

case_ "no progress output when stderr is not a terminal"
check; ! grep -q "$(printf '\r')" "$T/err" || fail "stderr has a carriage return"
expect_err_lacks "rows/s"
check; [ "$(wc -l <"$T/err")" -eq 1 ] || fail "more than the summary on stderr"

case_ "a progress line on a terminal; none with --quiet"
if ! command -v script >/dev/null 2>&1; then
    skip "script (util-linux) is missing: no terminal to run the import on"
else
    cmd="'$WERKSTATT' --db '$DB' candidate import '$T/big.csv' --dry-run"
    script -qec "$cmd" /dev/null >"$T/tty" 2>&1 </dev/null
    check; grep -q 'rows/s' "$T/tty" || fail "no progress line on a terminal: $(head -c 300 "$T/tty" | cat -v)"
    check; grep -q "would import $T/big.csv" "$T/tty" || fail "no summary on a terminal: $(head -c 300 "$T/tty" | cat -v)"
    script -qec "$cmd --quiet" /dev/null >"$T/tty" 2>&1 </dev/null
    check; ! grep -q 'rows/s' "$T/tty" || fail "progress despite --quiet"
    check; ! grep -q "would import" "$T/tty" || fail "summary despite --quiet"
fi

case_ "a 2 GB file without a line break fails in reasonable time with a clear message"
before=$(db_fingerprint)
if ! command -v truncate >/dev/null 2>&1; then
    skip "truncate (coreutils) is missing: cannot make the sparse 2 GB file"
elif ! truncate -s 2G "$T/huge.csv" 2>/dev/null; then
    skip "no room for a sparse 2 GB file in $T"
else
    start=$(date +%s)
    status=0
    timeout 60 "$WERKSTATT" --db "$DB" candidate import "$T/huge.csv" >"$T/out" 2>"$T/err" </dev/null || status=$?
    took=$(($(date +%s) - start))
    rm -f "$T/huge.csv"
    check; [ "$status" -ne 124 ] || fail "no answer within 60 s"
    check; [ "$took" -le 60 ] || fail "took $took s to reject a file whose first line is already too long"
    expect_error 65 "huge.csv:1: record is longer than"
    check; [ "$before" = "$(db_fingerprint)" ] || fail "the database changed"
fi

finish
