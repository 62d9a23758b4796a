# SPDX-License-Identifier: GPL-3.0-or-later
# The disclosure-control proof (issue #13): for every table with totals of every kind of report,
# on a database with many small cells, no suppressed count can be worked out from what is
# published (tests/check_disclosure.py: two linear programmes per suppressed cell, scipy), and no
# count from 1 to report.min_cell is published. The checker itself must fail on a table that is
# protected by primary suppression only.
. "$(dirname "$0")/lib.sh"

# Debian's python3 has python3-scipy, even where another python3 comes first in PATH.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
PROOF="$SOURCE_DIR/tests/check_disclosure.py"

# Run the proof on the JSON in $T/out; a missing scipy skips the case, never passes it.
prove() {
    cp "$T/out" "$T/report.json"
    "$PY" "$PROOF" "$T/report.json" >"$T/proof" 2>&1
    rc=$?
    check
    if [ "$rc" -eq 77 ]; then
        skip "python3-scipy is not installed"
    elif [ "$rc" -ne 0 ]; then
        fail "the disclosure proof failed:"
        sed 's/^/  /' "$T/proof" | head -20
    fi
}

case_ "fixture"
report_db esf "$DB"
status=$?
expect_status 0

for kind in quarterly annual esf rotation exchange members; do
    case_ "$kind 2027Q1"
    run report "$kind" --period 2027Q1 --date 2027-04-02 --format json
    expect_status 0
    prove
done

# The example database of the golden files: events, openings, placements and hires too.
case_ "example database"
KD="$T/example.db"
report_db example "$KD"
status=$?
expect_status 0
for spec in quarterly:2027Q1 annual:2027 esf:2027 rotation:2027 exchange:2027Q1 members:2027; do
    case_ "example database: ${spec%%:*} ${spec#*:}"
    run_bare --db "$KD" report "${spec%%:*}" --period "${spec#*:}" --date 2027-04-02 --format json
    expect_status 0
    prove
done
case_ "example database: quarterly and annual have small cells, so the proof is not vacuous"
run_bare --db "$KD" report quarterly --period 2027Q1 --date 2027-04-02 --format json
expect_out_has '"primary"'
expect_out_has '"secondary"'
run_bare --db "$KD" report annual --period 2027 --date 2027-04-02 --format json
expect_out_has '"primary"'
expect_out_has '"secondary"'

case_ "esf has small cells, so the proof is not vacuous"
run report esf --period 2027Q1 --date 2027-04-02 --format json
expect_out_has '"primary"'
expect_out_has '"secondary"'

case_ "esf with the sensitive categories on, a year, min_cell 4"
run --set privacy.special_categories=true \
    --set report.min_cell=4 report esf --period 2027 --date 2027-04-02 --format json
expect_status 0
expect_out_has '"esf_disability"'
expect_out_lacks '"not_collected"'
prove

case_ "esf of the quarter whose leavers are followed up six months later"
run --set privacy.special_categories=true report esf --period 2026Q3 --format json
expect_status 0
prove

# The checker itself: hand-made tables (tests/report/proof_*.json) it must pass and fail.
proof_of() {
    "$PY" "$PROOF" "$1" >"$T/proof" 2>&1
    rc=$?
    check
    if [ "$rc" -eq 77 ]; then
        skip "python3-scipy is not installed"
    elif [ "$rc" -ne "$2" ]; then
        fail "check_disclosure.py $(basename "$1") exited $rc, expected $2"
        sed 's/^/  /' "$T/proof" | head -10
    fi
}
case_ "the proof passes a rectangle around a lone 1"
proof_of "$SOURCE_DIR/tests/report/proof_passes.json" 0
case_ "the proof fails a lone 1 with primary suppression only"
proof_of "$SOURCE_DIR/tests/report/proof_fails_primary_only.json" 1
case_ "the proof fails a hidden total that another table of its margin group publishes"
proof_of "$SOURCE_DIR/tests/report/proof_fails_shared_margin.json" 1
sed 's/"margin_group": "g"/"margin_group": null/' \
    "$SOURCE_DIR/tests/report/proof_fails_shared_margin.json" >"$T/apart.json"
case_ "the same tables pass when they share no margin"
proof_of "$T/apart.json" 0

finish
