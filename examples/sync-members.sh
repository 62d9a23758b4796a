#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Keep the member register in step with the coordinators' shared spreadsheet export.
# The import is all or nothing: a bad row changes nothing and the script fails (exit 65),
# so cron mails the error lines. Usage: sync-members.sh FILE.csv
set -eu
file=${1:?usage: sync-members.sh FILE.csv}
werkstatt --quiet company import "$file" --dry-run
werkstatt company import "$file"
