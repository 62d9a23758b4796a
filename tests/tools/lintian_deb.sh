#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Build the .deb of the build tree BUILD_DIR with cpack and check it with lintian: exit 1 on any
# error (E:), print the warnings and notes. Exit 77 (skipped) where lintian or cpack is missing.
set -u
[ $# -eq 1 ] || { echo "usage: lintian_deb.sh BUILD_DIR" >&2; exit 2; }
for tool in lintian cpack dpkg-shlibdeps; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (apt-get install lintian dpkg-dev)"
        exit 77
    fi
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if ! cpack -G DEB --config "$1/CPackConfig.cmake" -B "$T" >"$T/cpack.log" 2>&1; then
    echo "FAIL: cpack could not build the package:"
    tail -5 "$T/cpack.log"
    exit 1
fi
deb=$(ls "$T"/werkstatt_*.deb | head -1)
lintian --no-tag-display-limit "$deb" >"$T/out" 2>&1
grep -E '^[EWI]: ' "$T/out" | sed 's/^/lintian: /'
if grep -q '^E: ' "$T/out"; then
    echo "FAIL: lintian reports errors"
    exit 1
fi
echo "PASS: lintian reports no errors"
