#!/bin/sh
# Run a command as an unprivileged user, for checks that root would pass whatever the code does
# (root ignores file permissions). As root, drop to nobody (65534) with setpriv; exit 77, which
# ctest reports as skipped, when that cannot be done.
set -u
if [ "$(id -u)" -ne 0 ]; then
    exec "$@"
fi
skip() {
    echo "SKIP: running as root and $1"
    exit 77
}
command -v setpriv >/dev/null 2>&1 || skip "setpriv (util-linux) is missing: cannot drop privileges"
AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
$AS true 2>/dev/null || skip "setpriv cannot switch to user 65534"
$AS test -x "$1" || skip "user 65534 cannot run $1 (a folder on its path is closed to others)"
[ "$($AS id -u)" = 65534 ] || skip "setpriv did not drop privileges"
exec $AS "$@"
