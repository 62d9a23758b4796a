#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The reports of the fixed example database (tests/report/make_db.sh; the esf report: the ESF+
# facts of tests/report/esf_facts.sh) against the golden files in
# tests/report/golden: <kind>.<lang>.md and <kind>.<lang>.json are the output of
# `werkstatt report KIND --lang LANG --format md|json`, a folder <kind>.<lang>.csv/ the CSV files
# of `--format csv --output DIR`. REGENERATE=1 rewrites them (tests/report/README.md).
. "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?set SOURCE_DIR to the source tree}"
GOLDEN="$SOURCE_DIR/tests/report/golden"

# The period each kind's golden covers.
period_of() {
    case "$1" in
    quarterly | exchange) echo 2027Q1 ;;
    *) echo 2027 ;;
    esac
}

case_ "the example database"
if ! report_db example "$DB"; then
    status=1
    fail "the example database (tests/report/make_db.sh) could not be built"
    finish
    exit 1
fi
check
case_ "the ESF+ facts database"
ESF_DB="$T/esf.db"
if ! report_db esf "$ESF_DB"; then
    status=1
    fail "the ESF+ facts database (tests/report/esf_facts.sh) could not be built"
    finish
    exit 1
fi
check

# Write the report KIND in LANG as FORMAT to PATH (a folder for csv).
render() {
    kind=$1 lang=$2 format=$3 path=$4
    rm -rf "$path"
    db=$DB
    [ "$kind" = esf ] && db=$ESF_DB
    if [ "$format" = csv ]; then
        DB=$db run report "$kind" --period "$(period_of "$kind")" --lang "$lang" --date 2028-01-15 \
            --format csv --output "$path"
    else
        DB=$db run report "$kind" --period "$(period_of "$kind")" --lang "$lang" --date 2028-01-15 \
            --format "$format"
        cp "$T/out" "$path"
    fi
}

if [ "${REGENERATE:-}" = 1 ]; then
    mkdir -p "$GOLDEN"
    # The existing goldens, and the default set for FORMATS (md unless given, e.g. "md json csv").
    targets=$(
        ls "$GOLDEN" 2>/dev/null
        for format in ${FORMATS:-md}; do
            for kind in quarterly annual esf rotation exchange members; do
                echo "$kind.de.$format"
            done
            echo "quarterly.en.$format"
        done
    )
    for name in $(printf '%s\n' $targets | sort -u); do
        kind=${name%%.*} rest=${name#*.}
        lang=${rest%%.*} format=${rest#*.}
        case_ "regenerate $name"
        render "$kind" "$lang" "$format" "$GOLDEN/$name"
        expect_status 0
    done
    finish
    exit
fi

compared=0
for golden in "$GOLDEN"/*; do
    [ -e "$golden" ] || continue
    name=$(basename "$golden")
    kind=${name%%.*} rest=${name#*.}
    lang=${rest%%.*} format=${rest#*.}
    case "$format" in md | json | csv) ;; *) continue ;; esac
    case_ "$name"
    render "$kind" "$lang" "$format" "$T/$name"
    expect_status 0
    expect_err_empty
    check
    if ! diff -ru "$golden" "$T/$name" >"$T/diff"; then
        fail "differs from the golden file (REGENERATE=1 rewrites it after review):"
        head -40 "$T/diff" | sed 's/^/  /'
    fi
    compared=$((compared + 1))
done

case_ "every kind has a golden file"
check
[ "$compared" -ge 18 ] || fail "only $compared golden files in $GOLDEN"
for kind in quarterly annual esf rotation exchange members; do
    for ext in md json csv; do
        check
        [ -e "$GOLDEN/$kind.de.$ext" ] || fail "no golden $kind.de.$ext"
    done
done
check
[ -e "$GOLDEN/quarterly.en.md" ] || fail "no golden quarterly.en.md"
finish
