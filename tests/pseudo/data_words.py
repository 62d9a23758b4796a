#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Print the words of the data in JSON output files, one per line: what a table of the same
listing may show untranslated (names, places, codes). The marked parts of a value are taken
away, and so are the values of fields that hold the program's own prose (explanations, reasons,
checklist steps): words there must come from the catalogue, so they may not be allowed.

Usage: data_words.py JSON_FILE...
A file named *.log.json is a log (the audit log, the import batches): what it records is data,
prose fields included.
"""
import json
import re
import sys

OPEN, CLOSE = "\u27e6", "\u27e7"
MARKED = re.compile(OPEN + "[^" + OPEN + CLOSE + "]*" + CLOSE)
WORD = re.compile(r"[^\W\d_]{2,}")
# Fields whose values the program writes in the UI language.
PROSE = {"explanation", "reason", "reasons", "what", "action", "help", "conditions", "doc",
         "detail", "details", "note", "message", "warning", "permit_warning", "verdict", "why"}


def prose(key):
    return key in PROSE or key.endswith("_reason")


def words(value, key, out, log):
    if isinstance(value, dict):
        for k, v in value.items():
            words(v, k, out, log)
    elif isinstance(value, list):
        for v in value:
            words(v, key, out, log)
    elif isinstance(value, str) and (log or not prose(key or "")):
        text = value
        previous = None
        while previous != text:
            previous = text
            text = MARKED.sub(" ", text)
        out.update(WORD.findall(text))


def main():
    out = set()
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            try:
                words(json.load(f), None, out, path.endswith(".log.json"))
            except json.JSONDecodeError:
                pass  # a command that wrote nothing or an error: no data
    for w in sorted(out):
        print(w)


if __name__ == "__main__":
    main()
