#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check an invitation e-mail as `werkstatt event invite` writes it, strictly.

Usage: check_eml.py FILE.eml [ICS_OUT]

Checks the bytes (ASCII only, every line ended by CRLF, no line longer than 998 octets, no header
line longer than 78), parses the
message with Python's `email` package (policy.default, so that RFC 2047 headers are decoded) and
checks: Date, From, To, Subject, Message-ID and MIME-Version present; multipart/mixed whose first
part is a multipart/alternative of a text/plain part (UTF-8, quoted-printable or base64) and an
inline text/calendar part with method=REQUEST (iMIP, RFC 6047: where Outlook and other calendars
find a meeting request), followed by the same calendar as an .ics file attachment;
the calendar parsed with python3-icalendar: METHOD:REQUEST, one VEVENT with UID, ORGANIZER =
the From address, one ATTENDEE = the To address with RSVP=TRUE, DTSTART in Europe/Berlin.

Prints the decoded facts, one "name: value" per line (from, to, to_name, subject, date,
message_id, organizer, attendee, rsvp, uid, dtstart, method, summary, location), then "body:" and
the decoded text. With ICS_OUT the calendar part is written there. Exits 0 if all is well, 1 with
one line per problem on stderr.
"""

import email
import email.policy
import email.utils
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from debian_python import import_or_reexec  # noqa: E402

(icalendar,) = import_or_reexec("check_eml", ["icalendar"], "python3-icalendar")


def main():
    path = sys.argv[1]
    ics_out = sys.argv[2] if len(sys.argv) > 2 else None
    problems = []
    raw = open(path, "rb").read()
    try:
        raw.decode("ascii")
    except UnicodeDecodeError:
        problems.append("the message holds non-ASCII bytes (headers and parts must be encoded)")
    lines = raw.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines = lines[:-1]
    if any(b"\n" in line or b"\r" in line for line in lines):
        problems.append("a line does not end in CRLF")
    if any(len(line) > 998 for line in lines):
        problems.append("a line is longer than 998 octets")
    header_lines = lines[: lines.index(b"")] if b"" in lines else lines
    if any(len(line) > 78 for line in header_lines):
        problems.append("a header line is longer than 78 characters (RFC 5322 2.1.1)")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for header in ("Date", "From", "To", "Subject", "Message-ID", "MIME-Version"):
        if msg[header] is None:
            problems.append(f"header {header} is missing")
    facts = {}
    if msg["From"] is not None:
        facts["from"] = msg["From"].addresses[0].addr_spec
    if msg["To"] is not None:
        facts["to"] = msg["To"].addresses[0].addr_spec
        facts["to_name"] = msg["To"].addresses[0].display_name
    facts["subject"] = str(msg["Subject"])
    if msg["Date"] is not None and email.utils.parsedate_to_datetime(str(msg["Date"])) is None:
        problems.append("the Date header does not parse")
    facts["date"] = str(msg["Date"])
    facts["message_id"] = str(msg["Message-ID"])
    if msg.get_content_type() != "multipart/mixed":
        problems.append(f"the message is {msg.get_content_type()}, not multipart/mixed")
    body = None
    calendar = None
    parts = list(msg.iter_parts()) if msg.is_multipart() else []
    if not parts or parts[0].get_content_type() != "multipart/alternative":
        problems.append("the first part is not multipart/alternative (text and invitation)")
        alternatives = []
    else:
        alternatives = [p.get_content_type() for p in parts[0].iter_parts()]
        if alternatives != ["text/plain", "text/calendar"]:
            problems.append(f"the alternatives are {alternatives}, not text/plain, text/calendar")
    files = [p for p in parts[1:] if p.get_content_disposition() == "attachment"]
    if not any(p.get_filename() and p.get_filename().endswith(".ics") for p in files):
        problems.append("the invitation is not attached as an .ics file too")
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "text/plain":
            if part.get_content_charset() != "utf-8":
                problems.append("the text is not UTF-8")
            if part["Content-Transfer-Encoding"] not in ("quoted-printable", "base64"):
                problems.append("the text is neither quoted-printable nor base64")
            body = part.get_content().replace("\r\n", "\n")
        elif ctype == "text/calendar":
            if part.get_content_disposition() == "attachment":
                problems.append("the text/calendar alternative is marked as an attachment")
            if part.get_param("method") != "REQUEST":
                problems.append("the calendar part lacks method=REQUEST")
            calendar = part.get_payload(decode=True)
        elif ctype == "application/ics" and calendar is not None:
            if part.get_payload(decode=True) != calendar:
                problems.append("the attached .ics differs from the invitation")
    if body is None:
        problems.append("no text/plain part")
    if calendar is None:
        problems.append("no text/calendar part")
    else:
        if ics_out:
            open(ics_out, "wb").write(calendar)
        cal = icalendar.Calendar.from_ical(calendar)
        facts["method"] = str(cal.get("METHOD"))
        if facts["method"] != "REQUEST":
            problems.append(f"METHOD is {facts['method']}, not REQUEST")
        events = cal.walk("VEVENT")
        if len(events) != 1:
            problems.append(f"{len(events)} events, not one")
        else:
            ev = events[0]
            facts["uid"] = str(ev.get("UID"))
            organizer = str(ev.get("ORGANIZER"))
            facts["organizer"] = organizer
            if organizer.lower() != "mailto:" + facts.get("from", "").lower():
                problems.append(f"ORGANIZER {organizer} is not the sender")
            attendees = ev.get("ATTENDEE")
            attendees = attendees if isinstance(attendees, list) else [attendees]
            if len(attendees) != 1 or attendees[0] is None:
                problems.append("not exactly one ATTENDEE")
            else:
                att = attendees[0]
                facts["attendee"] = str(att)
                facts["attendee_cn"] = str(att.params.get("CN", ""))
                facts["rsvp"] = str(att.params.get("RSVP", ""))
                if str(att).lower() != "mailto:" + facts.get("to", "").lower():
                    problems.append(f"ATTENDEE {att} is not the recipient")
                if facts["rsvp"] != "TRUE":
                    problems.append("the ATTENDEE lacks RSVP=TRUE")
            start = ev.decoded("DTSTART")
            facts["dtstart"] = start.isoformat()
            tzid = ev["DTSTART"].params.get("TZID")
            if tzid != "Europe/Berlin":
                problems.append(f"DTSTART is in {tzid}, not Europe/Berlin")
            facts["summary"] = str(ev.get("SUMMARY"))
            facts["location"] = str(ev.get("LOCATION"))
    for key, value in facts.items():
        print(f"{key}: {value}")
    print("body:")
    print(body or "")
    for p in problems:
        print(f"check_eml: {path}: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
