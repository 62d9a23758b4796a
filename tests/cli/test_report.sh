#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# werkstatt report: relative periods, German names of the kinds, every bad input with its exit
# status and one line, no file left behind, the same bytes twice, and no personal data in the
# exchange report. The database is the fixed example of tests/report/make_db.sh.
. "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?set SOURCE_DIR to the source tree}"

case_ "the example database"
check
report_db example "$DB" || fail "the example database (tests/report/make_db.sh) could not be built"

case_ "last-quarter on 2027-01-15 is 2026Q4, and the report says so"
run report quarterly --period last-quarter --date 2027-01-15
expect_status 0
expect_out_has "01.10.2026–31.12.2026 (2026Q4)"
run report quarterly --period 2026Q4
cp "$T/out" "$T/q4"
run report quarterly --period last-quarter --date 15.01.2027
expect_status 0
check
cmp -s "$T/q4" "$T/out" || fail "last-quarter on 15.01.2027 is not the report of 2026Q4"

case_ "this-year, last-year, this-month, last-month on 2027-03-05"
run report members --period this-year --date 2027-03-05
expect_out_has "01.01.2027–31.12.2027 (2027)"
run report members --period last-year --date 2027-03-05
expect_out_has "01.01.2026–31.12.2026 (2026)"
run report members --period last-month --date 2027-03-05
expect_out_has "01.02.2027–28.02.2027 (2027-02)"
run report members --period this-quarter --date 2027-03-05
expect_out_has "(2027Q1)"

case_ "rotation: who can host and the regions follow the planner's configuration"
run report rotation --period 2027 --date 2027-04-02 --format csv --table never_hosted
expect_status 0
expect_out_has "burgen-garten;15084;south;2026-02-01"
expect_out_has "saalekreis-bau;15088;south;2027-05-01"
# burgen-garten seats 20: too few for a planner that needs 30, so it cannot host.
run --set planner.min_capacity=30 report rotation --period 2027 --date 2027-04-02 \
    --format csv --table never_hosted
expect_status 0
expect_out_lacks "burgen-garten"
expect_out_has "saalekreis-bau;15088;south;2027-05-01"
run --set planner.north_districts=15084 report rotation --period 2027 --date 2027-04-02 \
    --format csv --table never_hosted
expect_status 0
expect_out_has "burgen-garten;15084;north;2026-02-01"

case_ "quarterly: services due for checking follow advisor.verify_after_days"
run report quarterly --period 2027Q1 --date 2027-04-02 --format csv --table advisory_due
expect_status 0
cp "$T/out" "$T/due_default"
run --set advisor.verify_after_days=3650 report quarterly --period 2027Q1 --date 2027-04-02 \
    --format csv --table advisory_due
expect_status 0
check
[ "$(wc -l <"$T/out")" -lt "$(wc -l <"$T/due_default")" ] ||
    fail "a longer verify_after_days did not shorten the list of services due"

case_ "German names of the kinds are the same reports"
for pair in quarterly:Quartalsbericht annual:jahresbericht rotation:Gastgeber \
    exchange:bewerberbörse members:MITGLIEDER; do
    kind=${pair%%:*} alias=${pair#*:}
    run report "$kind" --period 2027Q1 --date 2027-04-01
    cp "$T/out" "$T/by_name"
    run report "$alias" --period 2027Q1 --date 2027-04-01
    expect_status 0
    check
    cmp -s "$T/by_name" "$T/out" || fail "report $alias differs from report $kind"
done

case_ "the same database and options give the same bytes; --timestamp adds the time"
run report annual --period 2027
cp "$T/out" "$T/first"
run report annual --period 2027
check
cmp -s "$T/first" "$T/out" || fail "two runs gave different bytes"
run report annual --period 2027 --timestamp
expect_status 0
check
! cmp -s "$T/first" "$T/out" || fail "--timestamp changed nothing"
check
grep -qE '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z' "$T/out" ||
    fail "--timestamp printed no time"

case_ "an unknown kind"
run report weekly --period 2027Q1
expect_error 2 "'weekly' is not a kind of report"

case_ "an unknown format"
run report quarterly --period 2027Q1 --format pdf
expect_error 2 "--format 'pdf' is not a report format"

case_ "a report follows --lang, else report.lang, else documents.lang"
run --set documents.lang=en report quarterly --period 2026Q4
expect_status 0
expect_out_has "2026-10-01–2026-12-31 (2026Q4)"
expect_out_lacks "01.10.2026"
run --set documents.lang=en --set report.lang=de report quarterly --period 2026Q4
expect_out_has "01.10.2026–31.12.2026 (2026Q4)"
run --set documents.lang=en --set report.lang=de report quarterly --period 2026Q4 --lang en
expect_out_has "2026-10-01–2026-12-31 (2026Q4)"
run --set report.lang=en report list
expect_status 0

case_ "an unknown language"
run report quarterly --period 2027Q1 --lang fr
expect_error 2 "--lang 'fr' is not a language of the documents"

case_ "a period that does not parse"
run report quarterly --period 2027Q5
expect_error 2 "2027Q5"
run report quarterly --period next-quarter --date 2027-01-15
expect_error 2 "next-quarter"

case_ "an empty period"
run report quarterly --period ""
expect_error 2
run report quarterly
expect_error 2 "--period"

case_ "a range that ends before it starts"
run report quarterly --period 2027Q2..2027Q1
expect_error 2

case_ "--table that the report does not have"
run report quarterly --period 2027Q1 --format csv --table nonsense
expect_error 2 "no table 'nonsense'"
expect_err_has "candidates_by_district"

case_ "--table of a report that has it"
run report quarterly --period 2027Q1 --format csv --table placement_path
expect_status 0
expect_out_has "step;placements"

case_ "--output into a folder that does not exist: exit 73, nothing written"
mkdir "$T/reports"
run report quarterly --period 2027Q1 --output "$T/reports/missing/q1.md"
expect_error 73
check
[ -z "$(ls -A "$T/reports")" ] || fail "something was written: $(ls -A "$T/reports")"
run report quarterly --period 2027Q1 --format csv --output "$T/reports/missing/deeper"
expect_error 73
check
[ -z "$(ls -A "$T/reports")" ] || fail "something was written: $(ls -A "$T/reports")"

case_ "--output into a read-only folder: exit 73, nothing written"
mkdir "$T/readonly"
chmod 555 "$T/readonly"
if touch "$T/readonly/probe" 2>/dev/null; then
    # Root writes into any folder whose mode forbids it; not into /proc, which is read-only to all.
    rm -f "$T/readonly/probe"
    run report quarterly --period 2027Q1 --output /proc/self/q1.md
    expect_error 73 "/proc/self/q1.md"
    check
    [ ! -e /proc/self/q1.md ] || fail "/proc/self/q1.md exists"
else
    run report quarterly --period 2027Q1 --output "$T/readonly/q1.md"
    expect_error 73
    check
    [ -z "$(ls -A "$T/readonly")" ] || fail "something was written: $(ls -A "$T/readonly")"
fi
chmod 755 "$T/readonly"

case_ "--output writes the same bytes as standard output"
run report quarterly --period 2027Q1
cp "$T/out" "$T/stdout.md"
run report quarterly --period 2027Q1 --output "$T/reports/q1.md"
expect_status 0
expect_out_empty
check
cmp -s "$T/stdout.md" "$T/reports/q1.md" || fail "the file differs from standard output"

case_ "the exchange report names no one"
run report exchange --period 2027
expect_status 0
expect_out_has "B-"
expect_out_has "RB-0"
expect_out_lacks "Vorname"
expect_out_lacks "Nachname"
expect_out_lacks "syrisch"
expect_out_lacks "1965-"
finish
