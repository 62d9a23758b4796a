#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Nightly backup of the werkstatt database with SQLite's online backup (safe while werkstatt
# runs). Keeps 30 days. The copies hold personal data: keep the folder private (mode 0700).
# Usage: backup.sh [DATABASE] [BACKUP-FOLDER]
set -eu
db=${1:-${WERKSTATT_DB:-$HOME/.local/share/werkstatt/werkstatt.db}}
dest=${2:-$HOME/werkstatt-backups}
umask 077
mkdir -p "$dest"
sqlite3 "$db" ".backup '$dest/werkstatt-$(date +%Y-%m-%d).db'"
find "$dest" -name 'werkstatt-*.db' -mtime +30 -delete
