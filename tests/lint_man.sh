#!/bin/sh
# Fail if mandoc -Tlint reports anything at warning level or worse for a page in $1.
set -u
status=0
count=0
for page in "$1"/*.1; do
    count=$((count + 1))
    out=$(mandoc -Tlint -W warning "$page" 2>&1)
    if [ -n "$out" ]; then
        printf '%s\n' "$out"
        status=1
    fi
done
echo "$count man pages checked"
[ "$count" -gt 0 ] || status=1
exit $status
