#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Print the words of the data in JSON output files, one per line: what a table of the same
listing may show untranslated (names, places, codes). The marked parts of a value are taken
away, and so are the values of fields that hold the program's own prose (explanations, reasons,
checklist steps): words there must come from the catalogue, so they may not be allowed.

Usage: data_words.py [--db DATABASE] JSON_FILE...
A file named *.log.json is a log (the audit log, the import batches): what it records is data,
prose fields included.
With --db, a value with a blank counts as data only if each of its words is a word of a text the
database holds (a name, an address put together from its fields): a sentence the program makes up
is no data even in a field that is not listed as prose, so its words must come from the
catalogue. Single words (codes, names) count as data anyway.
"""
import json
import re
import sqlite3
import sys

OPEN, CLOSE = "\u27e6", "\u27e7"
MARKED = re.compile(OPEN + "[^" + OPEN + CLOSE + "]*" + CLOSE)
WORD = re.compile(r"[^\W\d_]{2,}")
# Fields whose values the program writes in the UI language.
PROSE = {"explanation", "reason", "reasons", "what", "action", "help", "conditions", "doc",
         "detail", "details", "note", "message", "warning", "permit_warning", "verdict", "why"}


# Fields whose values are data as written even with blanks, though the database does not hold
# them: names (holidays too), configuration values and their origin, rule files' sources.
DATA = {"name", "value", "origin", "source"}


def prose(key):
    return key in PROSE or key.endswith("_reason")


STORED = None  # the words of the database's texts, lowered, when --db is given


def stored_words(path):
    """Return the words of every text value of every table of the database at `path`."""
    db = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    found = set()
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in db.execute(f'SELECT * FROM "{table}"'):
            for v in row:
                if isinstance(v, str):
                    found.update(w.lower() for w in WORD.findall(v))
    return found


def is_data(text):
    """Return whether `text` is data: one word, or words the database holds."""
    if STORED is None or " " not in text.strip():
        return True
    return all(w.lower() in STORED for w in WORD.findall(MARKED.sub(" ", text)))


def words(value, key, out, log):
    if isinstance(value, dict):
        for k, v in value.items():
            words(v, k, out, log)
    elif isinstance(value, list):
        for v in value:
            words(v, key, out, log)
    elif isinstance(value, str) and (log or not prose(key or "")) and (log or key in DATA or is_data(value)):
        text = value
        previous = None
        while previous != text:
            previous = text
            text = MARKED.sub(" ", text)
        out.update(WORD.findall(text))


def main():
    global STORED
    args = sys.argv[1:]
    if args[:1] == ["--db"]:
        STORED = stored_words(args[1])
        args = args[2:]
    out = set()
    for path in args:
        with open(path, encoding="utf-8") as f:
            try:
                words(json.load(f), None, out, path.endswith(".log.json"))
            except json.JSONDecodeError:
                pass  # a command that wrote nothing or an error: no data
    for w in sorted(out):
        print(w)


if __name__ == "__main__":
    main()
