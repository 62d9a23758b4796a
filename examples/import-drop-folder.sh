#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Import every agency file dropped into a folder, then move it to done/ (or failed/).
# Run by cron; the agency's label is the name of the sub-folder, e.g.
#   /srv/werkstatt/drop/jc-magdeburg/2027-02-01.csv  ->  --source jc-magdeburg
# Exit status of werkstatt: 0 all rows imported, 1 some rows rejected (their rows are kept in
# failed/SOURCE-NAME.rejects.csv to fix and drop again), 65 nothing imported, others: see
# werkstatt(1). The rejects file carries the source as the moved file does, so that two agencies
# dropping files of the same name never overwrite or delete each other's rejected rows.
# Usage: import-drop-folder.sh DROP-FOLDER [PROFILE]
set -u
drop=${1:?usage: import-drop-folder.sh DROP-FOLDER [PROFILE]}
profile=${2:-ba}
status=0
for file in "$drop"/*/*.csv; do
    [ -f "$file" ] || continue
    source=$(basename "$(dirname "$file")")
    case $source in done | failed) continue ;; esac # this script's own folders
    base=$(basename "$file")
    rejects="$drop/failed/$source-$base.rejects.csv"
    mkdir -p "$drop/done" "$drop/failed"
    werkstatt --quiet candidate import "$file" --profile "$profile" --source "$source" \
        --rejects "$rejects"
    rc=$?
    case $rc in
        0) mv "$file" "$drop/done/$source-$base"; rm -f "$rejects" ;;
        1) mv "$file" "$drop/done/$source-$base"; status=1 ;;
        *) mv "$file" "$drop/failed/$source-$base"; status=$rc ;;
    esac
done
exit $status
