#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Refresh the gettext catalogue from the sources: extract every tr(lang, "..."),
# trn(lang, "...", "...", n), _("...") and n_("...", "...", n) of lib/ and cmd/ into po/werkstatt.pot, then merge it into each
# po/<lang>.po of po/LINGUAS (new texts arrive untranslated; translate them, then build).
#   po/update.sh              update po/werkstatt.pot and the translations
#   po/update.sh --pot FILE   only write the template to FILE (the test "po: catalogue complete")
# Entries are sorted by msgid and carry file names without line numbers, so that edits elsewhere in
# a file and parallel branches do not rewrite the catalogue.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
pot="$top/po/werkstatt.pot"
only_pot=no
if [ "${1:-}" = "--pot" ]; then
    [ -n "${2:-}" ] || { echo "usage: po/update.sh [--pot FILE]" >&2; exit 2; }
    pot=$2
    only_pot=yes
fi

list=$(mktemp)
trap 'rm -f "$list"' EXIT
(cd "$top" && find lib cmd -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort) >"$list"
(cd "$top" && xgettext --language=C++ --from-code=UTF-8 --keyword= --keyword=tr:2 \
    --keyword=trn:2,3 --keyword=_ --keyword=_f --keyword=trf:2 --keyword=n_:1,2 --keyword=NC_:1c,2 --keyword=N_ --add-comments=TRANSLATORS: --sort-output \
    --add-location=file \
    --package-name=werkstatt --msgid-bugs-address=werkstatt --files-from="$list" --output=-) |
    sed '/^"POT-Creation-Date: /d' >"$pot.tmp"
mv "$pot.tmp" "$pot"
[ "$only_pot" = yes ] && exit 0

for lang in $(grep -v '^#' "$top/po/LINGUAS"); do
    po="$top/po/$lang.po"
    if [ -f "$po" ]; then
        msgmerge --quiet --update --backup=none --sort-output --add-location=file "$po" "$pot"
    else
        msginit --no-translator --locale="$lang" --input="$pot" --output-file="$po"
    fi
    msgfmt --check --statistics --output-file=/dev/null "$po"
done
