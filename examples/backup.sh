#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Nightly backup of the werkstatt database: a consistent copy also while werkstatt writes, mode
# 0600, keeping the newest 30 (see werkstatt-db(1)). The copies hold personal data: create the
# folder yourself, private (mkdir -m 700); a missing folder is an error, not created here.
# Usage: backup.sh [DATABASE] [BACKUP-FOLDER]
set -eu
exec werkstatt ${1:+--db "$1"} db backup "${2:-$HOME/werkstatt-backups}/" --keep 30
