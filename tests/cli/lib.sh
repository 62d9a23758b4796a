# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by every command test: runs the real werkstatt binary in a private HOME with its own
# database, and checks stdout, stderr and the exit status. A test script calls `finish` last.
set -u
: "${WERKSTATT:?set WERKSTATT to the werkstatt binary}"
: "${TESTDATA:?set TESTDATA to tests/data}"

T=$(mktemp -d "${TMPDIR:-/tmp}/werkstatt-cli-XXXXXX")
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
export WERKSTATT_SYSTEM_CONFIG="$T/etc/config.toml" LC_ALL=C.UTF-8 TZ=Europe/Berlin
unset WERKSTATT_DB WERKSTATT_FORMAT NO_COLOR
mkdir -p "$HOME"
DB="$T/werkstatt.db"
CASE="(setup)"
checks=0
failures=0
skipped=0
status=0

# Start a new named case.
case_() { CASE="$1"; }

# Run werkstatt with the test database and no terminal; capture out, err and status.
run() {
    "$WERKSTATT" --db "$DB" "$@" >"$T/out" 2>"$T/err" </dev/null
    status=$?
}

# Run werkstatt exactly as given (no --db).
run_bare() {
    "$WERKSTATT" "$@" >"$T/out" 2>"$T/err" </dev/null
    status=$?
}

# Count a failure. Each is also noted in $T/failed, so that a failure inside a subshell (the right
# side of a pipe, $(...)) still fails the test at finish.
fail() {
    failures=$((failures + 1))
    echo "$CASE: $*" >>"$T/failed"
    echo "FAIL [$CASE]: $*"
    echo "  status: $status"
    sed 's/^/  stdout: /' "$T/out" | head -20
    sed 's/^/  stderr: /' "$T/err" | head -20
}

check() { checks=$((checks + 1)); }

# Note that the current case cannot run here and why (a tool is missing, no room): the script
# still runs its other cases, and finish then exits 77, which ctest reports as skipped, not passed.
skip() {
    skipped=$((skipped + 1))
    echo "SKIP [$CASE]: $*"
}

expect_status() {
    check
    [ "$status" -eq "$1" ] || fail "exit status $status, expected $1"
}

# stdout equals the text on stdin exactly.
expect_out() {
    check
    cat >"$T/expected"
    if ! cmp -s "$T/expected" "$T/out"; then
        fail "stdout differs from expected:"
        diff -u "$T/expected" "$T/out" | sed 's/^/  /' | head -40
    fi
}

# stdout equals the text on stdin with CRLF line ends (CSV as werkstatt writes it). Not a pipe
# into expect_out: the right side of a pipe runs in a subshell, and its failures would be lost.
expect_csv() {
    sed 's/$/\r/' >"$T/expected_csv"
    expect_out <"$T/expected_csv"
}

expect_out_has() {
    check
    grep -qF -- "$1" "$T/out" || fail "stdout lacks: $1"
}

expect_out_lacks() {
    check
    ! grep -qF -- "$1" "$T/out" || fail "stdout has: $1"
}

expect_err_has() {
    check
    grep -qF -- "$1" "$T/err" || fail "stderr lacks: $1"
}

expect_err_lacks() {
    check
    ! grep -qF -- "$1" "$T/err" || fail "stderr has: $1"
}

expect_out_empty() {
    check
    [ ! -s "$T/out" ] || fail "stdout is not empty"
}

expect_err_empty() {
    check
    [ ! -s "$T/err" ] || fail "stderr is not empty"
}

# A clean failure: the status, one line on stderr "werkstatt: error: ...; ..." containing $2,
# nothing on stdout, and no C++ exception text.
expect_error() {
    expect_status "$1"
    check
    lines=$(wc -l <"$T/err")
    [ "$lines" -eq 1 ] || fail "stderr has $lines lines, expected one error line"
    check
    grep -qE '^werkstatt: error: .+; .+' "$T/err" || fail "stderr is not 'werkstatt: error: what; what to do'"
    check
    ! grep -qE 'std::|what\(\)|terminate|exception|Assertion|SQLite::' "$T/err" || fail "stderr shows C++ internals"
    [ -z "${2:-}" ] || expect_err_has "$2"
    expect_out_empty
}

# Add the two member companies of tests/data/match, import its openings and its candidates (BA
# profile, source jc-md), and check that each step succeeds: the pool of the matching tests.
match_pool() {
    run company add --key spedition --name "Spedition Elbe GmbH" --plz 39104 --city Magdeburg
    expect_status 0
    run company add --key pflege --name "Saale-Pflege gGmbH" --plz 06108
    expect_status 0
    run opening import "$TESTDATA/match/openings.csv"
    expect_status 0
    run candidate import "$TESTDATA/match/candidates.csv" --profile ba --source jc-md
    expect_status 0
}

# Run `sqlite3` on the test database.
# Put the report tests' database NAME (example: tests/report/make_db.sh, esf: esf_facts.sh) at
# PATH. ctest builds each once per run (the "fixture:" tests) and passes it in REPORT_EXAMPLE_DB
# and ESF_FACTS_DB; a script run on its own builds it here. Status 0, or the builder's.
report_db() {
    case $1 in
    example) src=${REPORT_EXAMPLE_DB:-} builder=make_db.sh ;;
    esf) src=${ESF_FACTS_DB:-} builder=esf_facts.sh ;;
    *) echo "report_db: unknown database $1" >&2; return 2 ;;
    esac
    rm -f "$2" "$2-wal" "$2-shm"
    if [ -n "$src" ]; then
        [ -s "$src" ] || { echo "report_db: $src is missing: run the fixture: tests" >&2; return 1; }
        cp "$src" "$2" && chmod 600 "$2"
    else
        : "${SOURCE_DIR:?set SOURCE_DIR to the source tree}"
        WERKSTATT="$WERKSTATT" sh "$SOURCE_DIR/tests/report/$builder" "$2" >"$2.build.log" 2>&1 ||
            { tail -3 "$2.build.log" >&2; return 1; }
    fi
}

sql() { sqlite3 "$DB" "$@"; }

# Return a fingerprint of every table's content, to prove a failed command changed nothing.
db_fingerprint() {
    sqlite3 "$DB" .dump | md5sum
}

finish() {
    noted=0
    [ ! -f "$T/failed" ] || noted=$(wc -l <"$T/failed")
    [ "$noted" -le "$failures" ] || failures=$noted # some were counted in a subshell only
    [ "$checks" -ge "$failures" ] || checks=$failures
    echo "$CASE done: $checks checks, $failures failed"
    echo "$((checks - failures)) passed, $failures failed, $skipped skipped"
    [ "$failures" -eq 0 ] || return 1
    [ "$skipped" -eq 0 ] || return 77
}
