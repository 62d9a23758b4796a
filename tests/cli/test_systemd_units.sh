#!/bin/sh
# Issue 15: examples/systemd holds the jobs of examples/crontab as service and timer units. Every
# unit passes `systemd-analyze verify`; every crontab line has a timer that fires at the same
# moments (systemd-analyze calendar against the cron schedule, over the first 2,000 firings or
# two years) and a service that runs the same command. Skipped without systemd-analyze.
. "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?set SOURCE_DIR to the source tree}"
EX="$SOURCE_DIR/examples"
UNITS="$EX/systemd"

if ! command -v systemd-analyze >/dev/null 2>&1; then
    case_ "systemd-analyze"
    skip "systemd-analyze is not installed"
    finish
    exit $?
fi

# verify checks that ExecStart= names an executable: point the units at this build's binary and
# the scripts of the source tree, as the package puts them at /usr/bin and /usr/libexec/werkstatt.
mkdir -p "$T/units"
: >"$T/out"
: >"$T/err"
for unit in "$UNITS"/werkstatt-*.service "$UNITS"/werkstatt-*.timer; do
    sed -e "s|/usr/bin/werkstatt|$WERKSTATT|g" \
        -e "s|/usr/libexec/werkstatt|$EX|g" "$unit" >"$T/units/$(basename "$unit")"
done

case_ "every unit passes systemd-analyze verify"
check; [ "$(ls "$T/units" | wc -l)" -ge 20 ] || fail "expected at least 10 services and 10 timers"
# One call for all units (each call costs most of a second).
systemd-analyze verify --man=no "$T"/units/* >"$T/verify" 2>&1
rc=$?
check; [ "$rc" -eq 0 ] || fail "systemd-analyze verify failed ($rc): $(head -5 "$T/verify")"
for unit in "$T"/units/*; do
    check
    ! grep -F "$(basename "$unit")" "$T/verify" >/dev/null ||
        fail "$(basename "$unit") verifies with complaints: $(grep -F "$(basename "$unit")" "$T/verify" | head -3)"
done

case_ "verify does find a broken unit (the check above can fail)"
sed 's/^OnCalendar=.*/OnCalendar=someday/' "$T/units/werkstatt-backup.timer" >"$T/broken.timer"
check; ! systemd-analyze verify --man=no "$T/broken.timer" >/dev/null 2>&1 || [ -n "$(systemd-analyze verify --man=no "$T/broken.timer" 2>&1)" ] ||
    fail "systemd-analyze verify accepts OnCalendar=someday"

case_ "every crontab line has a timer at the same moments and a service with the same command"
cat >"$T/cron_check.py" <<'EOF'
import datetime as dt, re, subprocess, sys

crontab, units = sys.argv[1], sys.argv[2]
# Which unit does the job of a crontab line: a word of its command names it.
JOBS = [("backup.sh", "werkstatt-backup"), ("sync-members.sh", "werkstatt-sync-members"),
        ("quarterly-rotation.sh", "werkstatt-rotation"),
        ("quartalsbericht", "werkstatt-report-quarterly"),
        ("sachbericht", "werkstatt-report-annual"),
        ("import-drop-folder.sh", "werkstatt-import"), ("weekly-matching.sh", "werkstatt-matching"),
        ("catalogue update", "werkstatt-catalogue"), ("privacy purge", "werkstatt-purge"),
        ("due.sh", "werkstatt-due")]
# backup.sh became `werkstatt db backup` (issue 15): the same folder, 30 kept.
SAME = {"werkstatt-backup": "werkstatt --quiet db backup /srv/werkstatt/backup --keep 30"}

def field(text, lo, hi):
    values = set()
    for part in text.split(","):
        step = 1
        if "/" in part:
            part, s = part.split("/")
            step = int(s)
        if part == "*":
            a, b = lo, hi
        elif "-" in part:
            a, b = map(int, part.split("-"))
        else:
            a = b = int(part)
        values.update(range(a, b + 1, step))
    return values

def firings(spec, start, end):
    minute, hour, dom, month, dow = spec.split()
    m, h = field(minute, 0, 59), field(hour, 0, 23)
    d, mo = field(dom, 1, 31), field(month, 1, 12)
    w = {x % 7 for x in field(dow, 0, 7)}
    out = []
    day = start
    while day < end:
        wd = day.isoweekday() % 7
        if dom != "*" and dow != "*":
            ok = day.day in d or wd in w  # cron: either restricted field
        else:
            ok = day.day in d and wd in w
        if ok and day.month in mo:
            out += [dt.datetime(day.year, day.month, day.day, hh, mm) for hh in sorted(h) for mm in sorted(m)]
        day += dt.timedelta(days=1)
    return out

def unit_value(path, key):
    return [l.split("=", 1)[1].strip() for l in open(path) if l.startswith(key + "=")]

def normal(command):
    command = re.sub(r"\S*/examples/(\S+\.sh)", r"\1", command)
    return command.replace("/usr/bin/werkstatt", "werkstatt")

failed = 0
seen = set()
for line in open(crontab):
    line = line.strip()
    if not line or line.startswith("#") or re.match(r"^[A-Z_]+=", line):
        continue
    parts = line.split()
    spec, command = " ".join(parts[:5]), " ".join(parts[5:])
    names = [unit for word, unit in JOBS if word in command]
    if len(names) != 1:
        print(f"no single unit for the crontab line: {line}")
        failed += 1
        continue
    unit = names[0]
    seen.add(unit)
    calendars = unit_value(f"{units}/{unit}.timer", "OnCalendar")
    if len(calendars) != 1:
        print(f"{unit}.timer: expected one OnCalendar=, found {calendars}")
        failed += 1
        continue
    base = dt.datetime(2027, 1, 1)
    want = firings(spec, base.date(), dt.date(2029, 1, 1))[:2000]
    run = subprocess.run(["systemd-analyze", "calendar", f"--iterations={len(want)}",
                          "--base-time=2026-12-31 23:59:59", calendars[0]],
                         capture_output=True, text=True)
    got = [dt.datetime.strptime(" ".join(m.split()[1:3]), "%Y-%m-%d %H:%M:%S")
           for m in re.findall(r"(?:Next elapse|Iter\. #\d+): (.*) UTC", run.stdout)]
    if run.returncode != 0 or got != want:
        diff = next((f"{a} != {b}" for a, b in zip(got, want) if a != b), f"{len(got)} firings, cron {len(want)}")
        print(f"{unit}.timer OnCalendar={calendars[0]} differs from cron '{spec}': {diff} {run.stderr.strip()}")
        failed += 1
    execs = [normal(e) for e in unit_value(f"{units}/{unit}.service", "ExecStart")]
    if execs != [SAME.get(unit, normal(command))]:
        print(f"{unit}.service runs {execs}, the crontab line runs '{command}'")
        failed += 1
    print(f"ok {unit}: {len(want)} firings from '{spec}' = OnCalendar={calendars[0]}")
for word, unit in JOBS:
    if unit not in seen:
        print(f"{unit}: no crontab line names '{word}' any more")
        failed += 1
sys.exit(1 if failed else 0)
EOF
TZ=UTC python3 "$T/cron_check.py" "$EX/crontab" "$UNITS" >"$T/cron-check" 2>&1
rc=$?
check; [ "$rc" -eq 0 ] || fail "crontab and timers differ: $(grep -v '^ok ' "$T/cron-check" | head -5)"
check; [ "$(grep -c '^ok ' "$T/cron-check")" -eq 10 ] || fail "expected 10 matching jobs: $(cat "$T/cron-check")"

case_ "the check above sees a timer that fires at another time, or a job without a timer"
sed 's/^30 2 \* \* \*/30 3 * * */' "$EX/crontab" >"$T/crontab-moved"
check
TZ=UTC python3 "$T/cron_check.py" "$T/crontab-moved" "$UNITS" >"$T/cron-check" 2>&1 &&
    fail "a backup moved to 03:30 in the crontab still matches its timer"
check; grep -q "werkstatt-backup.timer OnCalendar=.* differs" "$T/cron-check" ||
    fail "no message about the backup timer: $(head -3 "$T/cron-check")"
printf '0 4 * * *  werkstatt rules\n' | cat "$EX/crontab" - >"$T/crontab-more"
check
TZ=UTC python3 "$T/cron_check.py" "$T/crontab-more" "$UNITS" >"$T/cron-check" 2>&1 &&
    fail "a crontab line without a timer passes"

finish
