#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Run by cron every Monday morning:
#  1. store this week's optimal proposal over all open openings (earlier proposals nobody acted
#     upon are replaced; pairs a coordinator moved on are kept);
#  2. print the pairs still waiting to be introduced, with every reason, so that the mail cron
#     sends is what the coordinators review before they contact a company;
#  3. keep every scored pair as CSV next to the proposal, for a check with another tool.
# Nothing is sent to companies: a proposal is a suggestion for people to review (DSGVO Art. 22).
# Usage: weekly-matching.sh [FOLDER]
set -eu
folder=${1:-$HOME/werkstatt/matching}
day=$(date +%F)
mkdir -p "$folder"

# Exit status 66 means nothing to match (no open opening or no active candidate): say so, stop.
status=0
werkstatt --quiet match --assign --commit --format csv >"$folder/proposal-$day.csv" || status=$?
if [ "$status" -eq 66 ]; then
    echo "No matching this week: no open opening with a free position, or no active candidate."
    exit 0
fi
[ "$status" -eq 0 ] || exit "$status"
werkstatt --quiet match --scores --format csv >"$folder/pairs-$day.csv"

echo "Proposals waiting to be introduced ($day):"
werkstatt placement list --status proposed
echo
echo "Why each was proposed:"
werkstatt --quiet placement list --status proposed --format csv |
    tail -n +2 | cut -d, -f5 | sort -un | while read -r opening; do
        werkstatt --quiet match --opening "$opening" --top 3 --explain
        echo
    done
