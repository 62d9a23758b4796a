#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Run by cron on the first day of each quarter:
#  1. make sure the NEXT quarter has its Werkstatt planned (host, date, topics); a quarter that
#     has one already is skipped, so running this twice is harmless;
#  2. print the proposal for the four quarters after it (cron mails it to the coordinators);
#  3. publish all events of this and next year as a calendar file for Outlook/Thunderbird.
# Usage: quarterly-rotation.sh [CALENDAR-FILE]
set -eu
ics=${1:-$HOME/werkstatt/werkstatt.ics}

year=$(date +%Y)
month=$(date +%m)
quarter=$(( (${month#0} - 1) / 3 + 1 ))
next_q=$((quarter % 4 + 1))
next_y=$year
[ "$next_q" -eq 1 ] && next_y=$((year + 1))

echo "Werkstatt ${next_y}Q${next_q}:"
werkstatt event plan --from "${next_y}Q${next_q}" --quarters 1 --commit

echo
echo "Proposal for the year after (nothing written yet):"
after_q=$((next_q % 4 + 1))
after_y=$next_y
[ "$after_q" -eq 1 ] && after_y=$((next_y + 1))
werkstatt --quiet event plan --from "${after_y}Q${after_q}" --quarters 4

mkdir -p "$(dirname "$ics")"
werkstatt --quiet event ics --period "${year}..$((year + 1))" --output "$ics"
