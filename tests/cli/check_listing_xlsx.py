# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare a listing written as .xlsx with the same listing as JSON (tests/cli/test_listing_xlsx.sh).

usage: check_listing_xlsx.py FILE.xlsx FILE.json|FILE.csv [DATE_COLUMN ...]

Checks: one sheet; the header row bold, frozen and equal to the JSON keys (a single record: its
fields that are not lists); as many rows as JSON objects; every cell equal to the JSON value:
numbers numeric, true/false booleans, ISO days as Excel dates, null and "" as an empty cell. Each
DATE_COLUMN must hold at least one date cell and no day as text. With a CSV file (a listing whose JSON is another view)
only the sheet, the header and the number of rows are compared. Prints what differs and exits 1.
"""
import datetime
import json
import re
import sys

import openpyxl

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def main():
    xlsx, json_path, *date_columns = sys.argv[1:]
    if json_path.endswith(".csv"):
        import csv

        with open(json_path, encoding="utf-8-sig", newline="") as f:
            table = list(csv.reader(f))
        data = [dict.fromkeys(table[0])] * (len(table) - 1) if table else []
        check_values = False
    else:
        with open(json_path, encoding="utf-8") as f:
            data = json.load(f)
        check_values = True
    if isinstance(data, dict):  # a single record: its fields as one row, lists left out
        data = [{k: v for k, v in data.items() if not isinstance(v, list)}]
    book = openpyxl.load_workbook(xlsx)
    problems = []
    if len(book.worksheets) != 1:
        problems.append(f"{len(book.worksheets)} sheets, expected one")
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]] if rows else []
    if sheet.freeze_panes != "A2":
        problems.append(f"header not frozen (freeze_panes {sheet.freeze_panes})")
    if rows and not all(c.font.b for c in rows[0]):
        problems.append("header not bold")
    if data and header != list(data[0].keys()):
        problems.append(f"header {header} != JSON keys {list(data[0].keys())}")
    body = rows[1:]
    if len(body) != len(data):
        problems.append(f"{len(body)} rows, JSON has {len(data)}")
    dates_seen = set()
    for r, (cells, obj) in enumerate(zip(body, data) if check_values else [], start=2):
        for c, key in enumerate(header):
            want = obj.get(key)
            cell = cells[c] if c < len(cells) else None
            got = cell.value if cell is not None else None
            where = f"{cell.coordinate if cell is not None else key} ({key})"
            if want is None or want == "":  # Excel has no empty text: an empty cell
                if got not in (None, ""):
                    problems.append(f"{where}: {got!r}, JSON null")
            elif isinstance(want, bool):
                if not isinstance(got, bool) or got != want:
                    problems.append(f"{where}: {got!r}, JSON {want!r} (want a boolean)")
            elif isinstance(want, (int, float)):
                if isinstance(got, bool) or not isinstance(got, (int, float)) or abs(got - want) > 1e-9:
                    problems.append(f"{where}: {got!r}, JSON {want!r} (want a number)")
            elif isinstance(got, datetime.datetime):
                if not ISO_DAY.match(want) or got.date().isoformat() != want:
                    problems.append(f"{where}: date {got!r}, JSON {want!r}")
                elif cell.number_format not in ("dd.mm.yyyy", "yyyy-mm-dd"):
                    problems.append(f"{where}: date shown as {cell.number_format}")
                dates_seen.add(key)
            elif key in date_columns:
                problems.append(f"{where}: {got!r} is text, not an Excel date")
            elif got != want:
                problems.append(f"{where}: {got!r}, JSON {want!r}")
    for column in date_columns:
        if column not in dates_seen:
            problems.append(f"column {column} holds no Excel date")
    for p in problems[:20]:
        print(p)
    sys.exit(1 if problems else 0)


main()
