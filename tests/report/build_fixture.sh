#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest's "fixture:" tests: build a report test database with BUILDER (make_db.sh or esf_facts.sh)
# at DBPATH, in a private HOME as tests/cli/lib.sh runs werkstatt, so that no user or system
# configuration leaks in. DBPATH appears only when the whole build succeeded.
#
#   WERKSTATT=build/cmd/werkstatt tests/report/build_fixture.sh make_db.sh /tmp/example.db
set -eu
[ $# -eq 2 ] || { echo "usage: build_fixture.sh BUILDER DBPATH" >&2; exit 2; }
BUILDER=$1
DBPATH=$2
HERE=$(cd "$(dirname "$0")" && pwd)
H=$(mktemp -d "${TMPDIR:-/tmp}/werkstatt-fixture-XXXXXX")
trap 'rm -rf "$H"' EXIT
export HOME="$H/home" XDG_CONFIG_HOME="$H/home/.config" XDG_DATA_HOME="$H/home/.local/share"
export WERKSTATT_SYSTEM_CONFIG="$H/etc/config.toml" LC_ALL=C.UTF-8 TZ=Europe/Berlin
unset WERKSTATT_DB WERKSTATT_FORMAT NO_COLOR
mkdir -p "$HOME"
rm -f "$DBPATH"
sh "$HERE/$BUILDER" "$H/fixture.db"
mv "$H/fixture.db" "$DBPATH"
