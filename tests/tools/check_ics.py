#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check an iCalendar file as werkstatt writes it, strictly.

Usage: check_ics.py FILE [--expect-events N] [--expect-cancelled [UID ...]]

Checks the bytes (UTF-8, every line ended by CRLF, no line longer than 75 octets, no fold inside a
UTF-8 character), parses the file with python3-icalendar (Debian package) and checks the calendar:
VERSION 2.0 and PRODID, unique UIDs, every VEVENT with UID, DTSTAMP (UTC), DTSTART and SUMMARY, timed
events in TZID=Europe/Berlin with their offsets taken from the file's own VTIMEZONE (and compared with
the tz database), all-day events as dates, an end after the start, a known STATUS.

--expect-events N: the file must hold exactly N events.
--expect-cancelled UID ...: exactly these events must be STATUS:CANCELLED (no UID: none may be).

Prints one line per event to stdout: UID, start (ISO 8601), status, summary, separated by tabs.
Exits 0 if all is well, 1 with one line per problem on stderr, 2 on a usage error.
"""

import argparse
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from debian_python import import_or_reexec  # noqa: E402

dateutil_rrule, icalendar = import_or_reexec("check_ics", ["dateutil.rrule", "icalendar"],
                                             "python3-icalendar")

MAX_OCTETS = 75
TZID = "Europe/Berlin"
STATUSES = ("TENTATIVE", "CONFIRMED", "CANCELLED")
REQUIRED = ("UID", "DTSTAMP", "DTSTART", "SUMMARY")
SINGLE = REQUIRED + ("DTEND", "DURATION", "SEQUENCE", "STATUS", "LOCATION", "DESCRIPTION")
# The EU rules that the VTIMEZONE states hold from 1996 on; earlier years differ in the tz database.
TZDB_CHECK_FROM_YEAR = 1996


class Problems:
    """Collects what is wrong with the file."""

    def __init__(self):
        self.items = []

    def add(self, message):
        self.items.append(message)


def shorten(text, limit=160):
    """Return `text` on one line, cut to `limit` characters."""
    text = text.replace("\r", "\\r").replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check_bytes(data, problems):
    """Check line ends, line lengths and folds of the raw `data`."""
    if not data:
        problems.add("the file is empty")
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.add(f"not UTF-8 at byte {e.start}")
    if data.startswith(b"\xef\xbb\xbf"):
        problems.add("starts with a UTF-8 byte order mark")
    if not data.endswith(b"\r\n"):
        problems.add("the last line does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if b"\n" in line or b"\r" in line:
            problems.add(f"line {number}: a line break other than CRLF")
        if len(line) > MAX_OCTETS:
            problems.add(f"line {number}: {len(line)} octets, more than {MAX_OCTETS}")
        if not line:
            problems.add(f"line {number}: empty line")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.add(f"line {number}: a fold splits a UTF-8 character (or the line is not UTF-8)")
    if lines and lines[0] != b"BEGIN:VCALENDAR":
        problems.add("line 1: not BEGIN:VCALENDAR")
    if lines and lines[0][:1] in (b" ", b"\t"):
        problems.add("line 1: starts with a fold")


def offset_from_vtimezone(vtimezone, local):
    """Return the UTC offset that `vtimezone`'s rules give the wall-clock time `local`."""
    best = None
    for rule in vtimezone.subcomponents:
        if rule.name not in ("STANDARD", "DAYLIGHT"):
            continue
        start = rule["DTSTART"].dt
        if "RRULE" in rule:
            text = rule["RRULE"].to_ical().decode("utf-8")
            onset = dateutil_rrule.rrulestr(text, dtstart=start).before(local, inc=True)
        else:
            onset = start if start <= local else None
        if onset is not None and (best is None or onset > best[0]):
            best = (onset, rule["TZOFFSETTO"].td)
    if best is None:
        raise ValueError(f"{local.isoformat()} lies before every rule of the VTIMEZONE")
    return best[1]


def check_vtimezones(calendar, problems):
    """Return the VTIMEZONEs of `calendar` by TZID, checking that each is complete and unique."""
    zones = {}
    for zone in calendar.walk("VTIMEZONE"):
        tzid = str(zone.get("TZID", ""))
        if not tzid:
            problems.add("a VTIMEZONE has no TZID")
            continue
        if tzid in zones:
            problems.add(f"VTIMEZONE {tzid} appears more than once")
        rules = [c for c in zone.subcomponents if c.name in ("STANDARD", "DAYLIGHT")]
        if not rules:
            problems.add(f"VTIMEZONE {tzid} has no STANDARD or DAYLIGHT rule")
        for rule in rules:
            for name in ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO"):
                if name not in rule:
                    problems.add(f"VTIMEZONE {tzid}: a {rule.name} rule has no {name}")
        zones[tzid] = zone
    return zones


def event_time(event, name, zones, where, problems):
    """Return property `name` of `event` as a date or an aware datetime with the file's offset."""
    prop = event[name]
    value = getattr(prop, "dt", None)  # None: unparsable, already reported from component.errors
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        tzid = prop.params.get("TZID")
        if tzid != TZID:
            problems.add(f"{where}: {name} is not in TZID={TZID} ({prop.to_ical().decode()})")
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            problems.add(f"{where}: {name} is not timezone-aware")
            return None
        if TZID not in zones:
            problems.add(f"{where}: {name} uses TZID={TZID} but the file has no such VTIMEZONE")
            return None
        local = value.replace(tzinfo=None)
        try:
            offset = offset_from_vtimezone(zones[TZID], local)
        except (ValueError, KeyError) as e:
            problems.add(f"{where}: the VTIMEZONE {TZID} cannot place {name}: {e}")
            return None
        if local.year >= TZDB_CHECK_FROM_YEAR and offset != value.utcoffset():
            problems.add(
                f"{where}: the VTIMEZONE gives {name} {local.isoformat()} the offset {offset}, "
                f"the tz database {value.utcoffset()}"
            )
        return local.replace(tzinfo=datetime.timezone(offset))
    if isinstance(value, datetime.date):
        if prop.params.get("VALUE") != "DATE":
            problems.add(f"{where}: {name} is a date without VALUE=DATE")
        return value
    problems.add(f"{where}: {name} is neither a date nor a date-time")
    return None


def check_event(event, index, zones, problems):
    """Check one VEVENT and return its summary line, or None if it cannot be summarised."""
    uid = str(event.get("UID", ""))
    where = f"event {index} ({uid or 'no UID'})"
    for name in SINGLE:
        if isinstance(event.get(name), list):
            problems.add(f"{where}: {name} appears more than once")
            return None
    missing = [name for name in REQUIRED if name not in event]
    if missing:
        problems.add(f"{where}: no {', '.join(missing)}")
        return None
    if not uid.strip():
        problems.add(f"{where}: UID is empty")
    stamp = getattr(event["DTSTAMP"], "dt", None)
    if not isinstance(stamp, datetime.datetime) or stamp.utcoffset() != datetime.timedelta(0):
        problems.add(f"{where}: DTSTAMP is not a UTC date-time")
    sequence = event.get("SEQUENCE")
    if isinstance(sequence, int) and sequence < 0:
        problems.add(f"{where}: SEQUENCE is negative")
    status = str(event.get("STATUS", "")).upper()
    if status and status not in STATUSES:
        problems.add(f"{where}: STATUS {status} is not one of {', '.join(STATUSES)}")
    start = event_time(event, "DTSTART", zones, where, problems)
    end = event_time(event, "DTEND", zones, where, problems) if "DTEND" in event else None
    if "DTEND" in event and "DURATION" in event:
        problems.add(f"{where}: both DTEND and DURATION")
    if start is not None and end is not None:
        if isinstance(start, datetime.datetime) != isinstance(end, datetime.datetime):
            problems.add(f"{where}: DTSTART and DTEND are not both dates or both date-times")
        elif end <= start:
            problems.add(f"{where}: DTEND {end.isoformat()} is not after DTSTART {start.isoformat()}")
    summary = str(event["SUMMARY"]).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    start_text = start.isoformat() if start is not None else "?"
    return uid, f"{uid}\t{start_text}\t{status or '-'}\t{summary}", status


def check_calendar(data, problems, args):
    """Parse `data` with python3-icalendar and check the calendar; return the summary lines."""
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as e:  # the parser raises bare ValueError, IndexError and more
        problems.add(f"python3-icalendar cannot parse it: {shorten(str(e))}")
        return []
    if calendar.name != "VCALENDAR":
        problems.add(f"the top component is {calendar.name}, not VCALENDAR")
    for component in calendar.walk():
        for prop, error in component.errors:
            problems.add(f"{component.name} {prop or ''}: {error}".replace("  ", " "))
    if str(calendar.get("VERSION", "")) != "2.0":
        problems.add("VERSION is not 2.0")
    if not str(calendar.get("PRODID", "")):
        problems.add("no PRODID")
    zones = check_vtimezones(calendar, problems)
    events = calendar.walk("VEVENT")
    lines = []
    seen = {}
    cancelled = set()
    for index, event in enumerate(events, start=1):
        try:
            result = check_event(event, index, zones, problems)
        except Exception as e:  # a value python3-icalendar could not parse: report, don't crash
            problems.add(f"event {index}: cannot check it: {shorten(repr(e))}")
            continue
        if result is None:
            continue
        uid, line, status = result
        if uid in seen:
            problems.add(f"event {index}: UID {uid} is also event {seen[uid]}")
        seen.setdefault(uid, index)
        if status == "CANCELLED":
            cancelled.add(uid)
        lines.append(line)
    if args.expect_events is not None and len(events) != args.expect_events:
        problems.add(f"{len(events)} events, expected {args.expect_events}")
    if args.expect_cancelled is not None:
        expected = set(args.expect_cancelled)
        for uid in sorted(expected - set(seen)):
            problems.add(f"expected cancelled event {uid} is not in the file")
        for uid in sorted((expected & set(seen)) - cancelled):
            problems.add(f"event {uid} is not STATUS:CANCELLED")
        for uid in sorted(cancelled - expected):
            problems.add(f"event {uid} is STATUS:CANCELLED but was not expected to be")
    return lines


def main():
    parser = argparse.ArgumentParser(
        prog="check_ics.py", description="Check an iCalendar file strictly."
    )
    parser.add_argument("file", help="the .ics file")
    parser.add_argument("--expect-events", type=int, metavar="N", help="exactly N events")
    parser.add_argument(
        "--expect-cancelled",
        nargs="*",
        metavar="UID",
        help="exactly these events are cancelled (none if no UID follows)",
    )
    args = parser.parse_args()
    try:
        with open(args.file, "rb") as f:
            data = f.read()
    except OSError as e:
        print(f"check_ics: error: {args.file}: {e.strerror}", file=sys.stderr)
        return 1
    problems = Problems()
    check_bytes(data, problems)
    lines = check_calendar(data, problems, args)
    for line in lines:
        print(line)
    for problem in problems.items:
        print(f"check_ics: {args.file}: {problem}", file=sys.stderr)
    if problems.items:
        print(
            f"check_ics: error: {len(problems.items)} problem(s) in {args.file}; see above",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
