#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the pseudo-locale: a catalogue whose every translation is the English text wrapped in
markers, ⟦like this⟧ (each line of a text on its own), so that a command run with it shows which
text reached the person without passing the catalogue. It is built from po/de.po's entries and
installed as the German catalogue of a test's own WERKSTATT_LOCALEDIR, so the German code path
is what runs.

Usage: make_pseudo_po.py SOURCE_DIR OUT.po
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from check_po import parse_po  # noqa: E402

OPEN, CLOSE = "\u27e6", "\u27e7"


def mark(text):
    """Return `text` with each of its lines wrapped in the markers (empty lines stay empty)."""
    return "\n".join(OPEN + line + CLOSE if line else line for line in text.split("\n"))


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace(
        "\t", "\\t") + '"'


def main():
    source, out = sys.argv[1], sys.argv[2]
    entries = parse_po(os.path.join(source, "po", "de.po"))
    lines = ['msgid ""', 'msgstr ""', '"Project-Id-Version: werkstatt pseudo-locale\\n"',
             '"PO-Revision-Date: 2026-01-01 00:00+0000\\n"', '"Last-Translator: none\\n"',
             '"Language-Team: none\\n"', '"Language: de\\n"', '"MIME-Version: 1.0\\n"',
             '"Content-Transfer-Encoding: 8bit\\n"',
             '"Content-Type: text/plain; charset=UTF-8\\n"',
             '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', ""]
    for (ctx, msgid), entry in sorted(entries.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        if msgid == "":
            continue
        if ctx is not None:
            lines.append("msgctxt " + quote(ctx))
        lines.append("msgid " + quote(msgid))
        plural = entry.get("msgid_plural")
        if plural is not None:
            lines.append("msgid_plural " + quote(plural))
            lines.append("msgstr[0] " + quote(mark(msgid)))
            lines.append("msgstr[1] " + quote(mark(plural)))
        else:
            lines.append("msgstr " + quote(mark(msgid)))
        lines.append("")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
