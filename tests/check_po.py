#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every text a person reads in a report is translated: extract the tr()/trn() msgids of lib/ and
cmd/ with xgettext (po/update.sh --pot, the same options as the catalogue) and check that each
po/<lang>.po of po/LINGUAS has every one of them translated, not fuzzy, with all plural forms, and
with the same fmt placeholders ({}, {:>3}, ...) as the msgid, since fmt::format throws on a
placeholder it has no argument for.

Usage: check_po.py SOURCE_DIR
Prints one line per problem and exits 1 if there is any; exits 77 (skipped) when the gettext
tools are not installed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def unquote(text):
    """Return the C string literal body `text` (without its quotes) decoded."""
    out = []
    i = 0
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            out.append(escapes.get(text[i + 1], text[i + 1]))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def parse_po(path):
    """Return {(msgctxt, msgid): entry} of the active entries of the PO file at `path`; an entry
    is a dict with msgid, msgid_plural, msgstr (list), fuzzy and line."""
    entries = {}
    entry = None
    field = None

    def close():
        nonlocal entry
        if entry is not None and "msgid" in entry:
            entries[(entry.get("msgctxt"), entry["msgid"])] = entry
        entry = None

    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line:
                close()
                continue
            if line.startswith("#~"):
                continue  # obsolete entry
            if line.startswith("#"):
                if entry is not None and "msgid" in entry:
                    close()
                if entry is None:
                    entry = {"msgstr": [], "fuzzy": False, "line": number}
                if line.startswith("#,") and "fuzzy" in line:
                    entry["fuzzy"] = True
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
            if m:
                keyword = m.group(1)
                if keyword in ("msgctxt", "msgid") and entry is not None and "msgstr_seen" in entry:
                    close()
                if entry is None:
                    entry = {"msgstr": [], "fuzzy": False, "line": number}
                value = unquote(m.group(3))
                if keyword.startswith("msgstr"):
                    entry["msgstr_seen"] = True
                    entry["msgstr"].append(value)
                    field = ("msgstr", len(entry["msgstr"]) - 1)
                else:
                    entry[keyword] = value
                    field = (keyword, None)
                continue
            m = re.match(r'^"(.*)"$', line)
            if m and entry is not None and field is not None:
                name, index = field
                if index is None:
                    entry[name] += unquote(m.group(1))
                else:
                    entry["msgstr"][index] += unquote(m.group(1))
                continue
            raise SystemExit(f"{path}:{number}: cannot read this line: {line}")
    close()
    return entries


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    source = sys.argv[1]
    for tool in ("xgettext", "msgfmt"):
        if shutil.which(tool) is None:
            print(f"SKIP: {tool} is not installed (Debian package gettext)")
            return 77
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "werkstatt.pot")
        subprocess.run(["sh", os.path.join(source, "po", "update.sh"), "--pot", pot], check=True)
        wanted = {key: e for key, e in parse_po(pot).items() if key[1] != ""}
    problems = []
    with open(os.path.join(source, "po", "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f if not line.startswith("#") for w in line.split()]
    for lang in languages:
        po = os.path.join(source, "po", f"{lang}.po")
        if not os.path.exists(po):
            problems.append(f"po/{lang}.po is missing; run po/update.sh")
            continue
        check = subprocess.run(["msgfmt", "--check", "--output-file=/dev/null", po],
                               capture_output=True, text=True)
        if check.returncode != 0:
            problems.append(f"po/{lang}.po: msgfmt --check fails: {check.stderr.strip()}")
        have = parse_po(po)
        for key, source_entry in sorted(wanted.items(), key=lambda kv: kv[0][1]):
            msgid = key[1]
            where = f"po/{lang}.po: msgid {msgid!r}"
            entry = have.get(key)
            if entry is None:
                problems.append(f"{where} is missing; run po/update.sh and translate it")
                continue
            if entry["fuzzy"]:
                problems.append(f"{where} (line {entry['line']}) is fuzzy; check the "
                                "translation and remove the fuzzy flag")
            if source_entry.get("msgid_plural") != entry.get("msgid_plural"):
                problems.append(f"{where} (line {entry['line']}) has another plural form than "
                                "the sources; run po/update.sh")
            if not entry["msgstr"] or any(s == "" for s in entry["msgstr"]):
                problems.append(f"{where} (line {entry['line']}) is not translated")
                continue
            # A plural form may leave the number out as the English singular may ("one").
            allowed = [placeholders(msgid)]
            if entry.get("msgid_plural") is not None:
                allowed.append(placeholders(entry["msgid_plural"]))
            for form in entry["msgstr"]:
                if placeholders(form) not in allowed:
                    problems.append(f"{where} (line {entry['line']}): the translation "
                                    f"{form!r} has the placeholders {placeholders(form)}, the "
                                    f"msgid {' or '.join(str(a) for a in allowed)}")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"{len(wanted)} texts, translated into {', '.join(languages)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
