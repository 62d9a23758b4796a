#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The HTML report in a real browser: headless Chromium parses a hand-made report with every
# chart kind (written by the test program report_html_sample) and the quarterly report of a
# database, and prints them to PDF; pdfinfo checks A4 and that each section has its own page.
# Skipped (77) where chromium or pdfinfo is missing.
. "$(dirname "$0")/lib.sh"

# Run headless Chromium with its own profile and a time limit; its chatter goes to a file.
browser() {
    timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --no-first-run --no-default-browser-check --disable-extensions \
        --user-data-dir="$T/chromium" "$@" 2>>"$T/chromium.err"
}

# Count the lines of $1 that match the fixed string $2 (each element is on a line of its own).
count() { grep -cF -- "$2" "$1"; }

# check_pdf PDF PAGES: the PDF has A4 pages (595 x 842 pts, give or take one) and PAGES pages;
# PAGES "+N" means at least N.
check_pdf() {
    check
    if ! pdfinfo "$1" >"$T/pdfinfo" 2>&1; then
        fail "pdfinfo cannot read $1: $(head -1 "$T/pdfinfo")"
        return
    fi
    size=$(sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p' "$T/pdfinfo")
    pages=$(sed -n 's/^Pages: *//p' "$T/pdfinfo")
    check
    echo "$size" | awk '{ exit !($1 >= 594 && $1 <= 596 && $2 >= 841 && $2 <= 843) }' ||
        fail "page size is '$size' pts, expected A4 (595 x 842)"
    check
    case "$2" in
    +*) [ "${pages:-0}" -ge "${2#+}" ] || fail "the PDF has ${pages:-no} pages, expected at least ${2#+}" ;;
    *) [ "${pages:-0}" -eq "$2" ] || fail "the PDF has ${pages:-no} pages, expected $2 (one per section)" ;;
    esac
}

have_browser=yes
command -v chromium >/dev/null 2>&1 || have_browser=no
command -v pdfinfo >/dev/null 2>&1 || have_browser=no

case_ "the sample report with every chart kind in Chromium"
: "${REPORT_HTML_SAMPLE:?set REPORT_HTML_SAMPLE to the report_html_sample program}"
"$REPORT_HTML_SAMPLE" "$T/sample.html"
status=$?
expect_status 0
if [ "$have_browser" = no ]; then
    skip "chromium or pdfinfo (poppler-utils) is not installed"
else
    browser --dump-dom "file://$T/sample.html" >"$T/sample.dom"
    status=$?
    expect_status 0
    # The parsed document, one element per line as the renderer wrote it.
    check
    [ "$(count "$T/sample.dom" '<section class="report-section"')" -eq 4 ] ||
        fail "the parsed document does not have the 4 sections"
    check
    [ "$(count "$T/sample.dom" '<svg xmlns="http://www.w3.org/2000/svg" class="chart-')" -eq 4 ] ||
        fail "the parsed document does not have the 4 charts"
    for kind in bars funnel map; do
        check
        grep -qF "class=\"chart-$kind\"" "$T/sample.dom" || fail "no $kind chart in the parsed document"
    done
    check
    [ "$(count "$T/sample.dom" '<path class="district ')" -eq 14 ] ||
        fail "the map does not have the 14 district paths"
    check
    [ "$(count "$T/sample.dom" '<title id="chart-')" -eq 4 ] || fail "a chart lacks its <title>"
    check
    [ "$(count "$T/sample.dom" '<desc id="chart-')" -eq 4 ] || fail "a chart lacks its <desc>"
    check
    grep -qF '<desc id="chart-4-desc">Karte Sachsen-Anhalts: Landkreise nach Zahl der Bewerber schattiert.</desc>' \
        "$T/sample.dom" || fail "the map's description is not in the parsed document"
    check
    # The serialised DOM writes text nodes with < and & escaped, quotes as they are.
    grep -qF '<th scope="row">Arbeitsrecht "kompakt" &lt;Workshop&gt;</th>' "$T/sample.dom" ||
        fail "escaped text did not come back as the text it was"
    browser --no-pdf-header-footer --print-to-pdf="$T/sample.pdf" "file://$T/sample.html" \
        >/dev/null
    status=$?
    expect_status 0
    check_pdf "$T/sample.pdf" 4
fi

case_ "the quarterly report as HTML from the binary"
report_db example "$DB"
status=$?
expect_status 0
run report quarterly --period 2027Q1 --date 2027-04-15 --format html --output "$T/q.html"
expect_status 0
expect_out_empty
check
head -2 "$T/q.html" | grep -qF '<html lang="de">' || fail "the quarterly report is not German HTML"
run report quarterly --period 2027Q1 --date 2027-04-15 --format html --lang en
expect_status 0
expect_out_has '<html lang="en">'
expect_out_has '<main>'

check
grep -qF '<svg' "$T/q.html" || fail "the quarterly report draws no charts"
if [ "$have_browser" = no ]; then
    skip "chromium or pdfinfo (poppler-utils) is not installed"
else
    browser --dump-dom "file://$T/q.html" >"$T/q.dom"
    status=$?
    expect_status 0
    # Attendance per event and candidates by German level (bars), the exchange funnel, the map.
    check
    [ "$(count "$T/q.dom" 'class="chart-bars"')" -ge 2 ] || fail "fewer than two bar charts"
    check
    [ "$(count "$T/q.dom" 'class="chart-funnel"')" -ge 1 ] || fail "no funnel"
    maps=$(count "$T/q.dom" 'class="chart-map"')
    check
    [ "$maps" -ge 1 ] || fail "no map"
    check
    [ "$(count "$T/q.dom" '<path class="district ')" -eq $((14 * maps)) ] ||
        fail "a map does not have the 14 district paths"
    charts=$(count "$T/q.dom" '<svg xmlns="http://www.w3.org/2000/svg" class="chart-')
    check
    [ "$(count "$T/q.dom" '<title id="chart-')" -eq "$charts" ] || fail "a chart lacks its <title>"
    check
    [ "$(count "$T/q.dom" '<desc id="chart-')" -eq "$charts" ] || fail "a chart lacks its <desc>"
    sections=$(count "$T/q.dom" '<section class="report-section"')
    browser --no-pdf-header-footer --print-to-pdf="$T/q.pdf" "file://$T/q.html" >/dev/null
    status=$?
    expect_status 0
    check_pdf "$T/q.pdf" "+$sections"
fi

case_ "an HTML report into a missing folder"
run report quarterly --period 2027Q1 --date 2027-04-15 --format html --output "$T/missing/q.html"
expect_error 73 "cannot write"
check
[ ! -e "$T/missing" ] || fail "a folder or file was left behind"

finish
