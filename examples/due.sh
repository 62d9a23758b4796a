#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The coordinators' morning list (werkstatt-due(1)): print what is due as Markdown only when
# something is, so that cron mails it then and stays silent otherwise. Errors go to stderr with
# werkstatt's exit status (cron mails those too).
# Usage: due.sh [DAYS-AHEAD]
set -u
out=$(werkstatt --quiet due --format md --within "${1:-7}")
status=$?
if [ "$status" -eq 1 ]; then
    printf '%s\n' "$out"
    exit 0
fi
exit "$status"
