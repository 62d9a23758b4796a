#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keep the house as drawn: every #include "..." of lib/ and cmd/ must follow an allowed arrow,
and ARCHITECTURE.md must describe exactly the folders of lib/ that exist.

Usage: check_layout.py SOURCE_DIR
Prints one line per broken rule and exits 1 if there is any, else prints a summary and exits 0.
The allowed arrows are below, and ARCHITECTURE.md shows the same picture: change both together.
"""
import os
import re
import sys

# Which folders of lib/ a folder of lib/ may include (besides itself). Lower layers first.
ALLOWED = {
    "core": set(),
    "io": {"core"},
    "domain": {"core"},
    "reference": {"core", "io", "domain"},
    "store": {"core", "io", "domain"},
    "members": {"core", "io", "domain", "reference", "store"},
    "events": {"core", "io", "domain", "reference", "store", "members"},
    "plan": {"core", "io", "domain", "reference", "store", "members", "events"},
    "applicants": {"core", "io", "domain", "reference", "store", "members"},
    "import": {"core", "io", "domain", "reference", "store", "applicants"},
    "match": {"core", "io", "domain", "reference", "store", "applicants"},
    "advisory": {"core", "io", "domain", "reference", "store", "members", "applicants"},
    "report": {"core", "io", "domain", "reference", "store", "members", "events", "plan",
               "applicants", "match", "advisory"},
    "privacy": {"core", "io", "domain", "reference", "store", "members", "applicants", "match"},
    "config": {"core", "io", "domain"},
}
# lib/config binds keys to the settings the capabilities declare: it may include their
# settings.hpp, and nothing else of theirs.
CONFIG_MAY_INCLUDE = re.compile(r"^(store|io|members|events|plan|advisory|applicants|import|match|report|privacy)/settings\.hpp$")
# Headers no file of lib/ may include: lib/ neither parses flags nor talks to the terminal.
LIB_FORBIDDEN = re.compile(r"^(CLI/|iostream$)")

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def includes(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                yield number, m.group(1), m.group(2)


def source_files(root):
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            if name.endswith((".cpp", ".hpp")):
                yield os.path.join(folder, name)


def check_lib(source_dir, problems, arrows):
    lib = os.path.join(source_dir, "lib")
    for path in source_files(lib):
        rel = os.path.relpath(path, source_dir)
        parts = os.path.relpath(path, lib).split(os.sep)
        if len(parts) != 2:
            problems.append(f"{rel}: lib/ has one level of folders; move it into lib/<folder>/")
            continue
        folder = parts[0]
        if folder not in ALLOWED:
            problems.append(f"{rel}: lib/{folder}/ is not a known layer; add it to "
                            "tests/check_layout.py and ARCHITECTURE.md")
            continue
        for number, kind, target in includes(path):
            if kind == "<":
                if LIB_FORBIDDEN.match(target):
                    problems.append(f"{rel}:{number}: lib/ must not include <{target}>")
                continue
            target_folder = target.split("/")[0]
            if "/" not in target or target_folder == folder:
                continue
            if folder == "config" and CONFIG_MAY_INCLUDE.match(target):
                arrows.add((folder, target_folder + "/settings.hpp"))
                continue
            if target_folder not in ALLOWED[folder]:
                problems.append(f"{rel}:{number}: lib/{folder} must not include \"{target}\" "
                                f"(lib/{folder} may include: "
                                f"{', '.join(sorted(ALLOWED[folder])) or 'nothing'})")
            else:
                arrows.add((folder, target_folder))


def check_cmd(source_dir, problems):
    cmd = os.path.join(source_dir, "cmd")
    for path in source_files(cmd):
        rel = os.path.relpath(path, source_dir)
        if os.path.dirname(path) != cmd:
            problems.append(f"{rel}: cmd/ is flat: one file per command group or part of one")


def check_map(source_dir, problems):
    lib = os.path.join(source_dir, "lib")
    folders = sorted(d for d in os.listdir(lib)
                     if os.path.isdir(os.path.join(lib, d)) and any(source_files(os.path.join(lib, d))))
    with open(os.path.join(source_dir, "ARCHITECTURE.md"), encoding="utf-8") as f:
        text = f.read()
    described = set(re.findall(r"^###\s+`lib/([a-z_]+)/`", text, re.M))
    for folder in folders:
        if folder not in described:
            problems.append(f"ARCHITECTURE.md: no section '### `lib/{folder}/`'")
    for folder in sorted(described - set(folders)):
        problems.append(f"ARCHITECTURE.md describes lib/{folder}/, which does not exist")
    for folder in sorted(set(ALLOWED) - set(folders)):
        problems.append(f"tests/check_layout.py knows lib/{folder}/, which does not exist")


def check_outside_references(source_dir, problems):
    """Nothing in the repository may point to files outside it (the team's notes beside it)."""
    needle = "../" + "shared"
    for top in ["README.md", "ARCHITECTURE.md", "Makefile", "CMakeLists.txt", "cmd", "lib",
                "config", "examples", "man", "tests", "bench", "scripts", "cmake"]:
        path = os.path.join(source_dir, top)
        paths = [path] if os.path.isfile(path) else [
            os.path.join(folder, name) for folder, _, names in os.walk(path) for name in names]
        for p in paths:
            try:
                with open(p, encoding="utf-8") as f:
                    if needle in f.read():
                        problems.append(f"{os.path.relpath(p, source_dir)} refers to {needle}, "
                                        "which a user of the repository does not have")
            except (UnicodeDecodeError, OSError):
                continue


def main():
    source_dir = sys.argv[1] if len(sys.argv) > 1 else "."
    problems = []
    arrows = set()
    check_lib(source_dir, problems, arrows)
    check_cmd(source_dir, problems)
    check_map(source_dir, problems)
    check_outside_references(source_dir, problems)
    for p in problems:
        print(p)
    if problems:
        print(f"layout: {len(problems)} problems")
        return 1
    print(f"layout: {len(arrows)} include arrows between folders, all allowed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
