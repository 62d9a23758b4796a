#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Find text that reached a person without passing the catalogue: with the pseudo-locale every
translated text is ⟦marked⟧, so what is left of a line once the marked parts, the program's own
names (command words, options, metavariables) and the data the test put in are taken away must
hold no words.

Usage: check_marked.py ALLOWED_WORDS_FILE OUTPUT_FILE...
ALLOWED_WORDS_FILE: words a person may see untranslated (command names, metavariables, data).
Option names (--format) and the values an option accepts ({table,json,csv}) are allowed too.
Prints each offending line as FILE:LINE: text and exits 1 if there is one.
"""
import re
import sys

OPEN, CLOSE = "\u27e6", "\u27e7"
MARKED = re.compile(OPEN + "[^" + OPEN + CLOSE + "]*" + CLOSE)
OPTION = re.compile(r"(?<![\w])--?[A-Za-z][\w-]*(=\S*)?")
# The values an option accepts, as --help lists them ({table,json,csv}): codes a person types.
CHOICES = re.compile(r"\{[^{}]*\}")
WORD = re.compile(r"[^\W\d_]{2,}")


def unmarked(line):
    """Return `line` without its marked parts (innermost first, so nesting is taken apart)."""
    previous = None
    while previous != line:
        previous = line
        line = MARKED.sub(" ", line)
    return line


def main():
    allowed = set()
    with open(sys.argv[1], encoding="utf-8") as f:
        for raw in f:
            allowed.update(w.lower() for w in WORD.findall(raw))
    bad = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                rest = CHOICES.sub(" ", OPTION.sub(" ", unmarked(line.rstrip("\n"))))
                words = [w for w in WORD.findall(rest) if w.lower() not in allowed]
                if words:
                    bad += 1
                    print(f"{path}:{number}: {line.rstrip()}  [unmarked: {' '.join(words)}]")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
