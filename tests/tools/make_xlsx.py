#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the Excel workbooks of the xlsx import tests (tests/cli/test_import_xlsx.sh) at test time.

  make_xlsx.py ENGINE IN.csv OUT.xlsx [options]
      the rows of a CSV file (';' or ',', UTF-8) as a sheet written by ENGINE: openpyxl (inline
      strings), xlsxwriter (shared strings) or xlsxwriter-inline (constant memory: inline
      strings); columns named by --numbers as numbers, --dates as real dates (DD.MM.YYYY or
      YYYY-MM-DD in the CSV), --bools as TRUE/FALSE (ja/nein/x/true/false in the CSV).
      --date1904 counts days from 1904; --sheet NAME names the sheet (default Tabelle1), with an
      empty sheet "Leer" before it when --second is given.
  make_xlsx.py damage KIND OUT.xlsx
      a damaged workbook: no-zip, truncated, no-workbook, formula, date-range, shared-index,
      error-value.
"""
import csv
import datetime
import io
import re
import sys
import zipfile


def parse_date(text):
    for form in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, form).date()
        except ValueError:
            pass
    raise SystemExit(f"make_xlsx: not a date: {text!r}")


def parse_bool(text):
    return text.strip().lower() in ("ja", "x", "true", "1", "yes", "wahr")


def typed_rows(path, numbers, dates, bools):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    delimiter = ";" if text.split("\n", 1)[0].count(";") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header = rows[0]
    out = [header]
    for row in rows[1:]:
        typed = []
        for name, value in zip(header, row):
            if value == "":
                typed.append(None)
            elif name in numbers:
                typed.append(float(value) if "." in value else int(value))
            elif name in dates:
                typed.append(parse_date(value))
            elif name in bools:
                typed.append(parse_bool(value))
            else:
                typed.append(value)
        out.append(typed)
    return out


def write_openpyxl(rows, out, sheet, date1904, second):
    import openpyxl

    wb = openpyxl.Workbook()
    if date1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    if second:
        ws.title = "Leer"
        ws = wb.create_sheet(sheet)
    else:
        ws.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "DD.MM.YYYY"
    wb.save(out)


def write_xlsxwriter(rows, out, sheet, date1904, second, inline):
    import xlsxwriter

    wb = xlsxwriter.Workbook(out, {"date_1904": date1904, "constant_memory": inline,
                                   "strings_to_numbers": False})
    day = wb.add_format({"num_format": "dd.mm.yyyy"})
    if second:
        wb.add_worksheet("Leer")
    ws = wb.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, bool):
                ws.write_boolean(r, c, value)
            elif isinstance(value, datetime.date):
                ws.write_datetime(r, c, datetime.datetime.combine(value, datetime.time()), day)
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value)
            else:
                ws.write_string(r, c, value)
    wb.close()


def rewrite_part(path, part, change):
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts[part] = change(parts[part].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def damage(kind, out):
    import openpyxl

    if kind == "no-zip":
        with open(out, "w", encoding="utf-8") as f:
            f.write("key;name;plz\nx;X;39104\n")
        return
    if kind == "no-workbook":
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("word/document.xml", "<document/>")
        return
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tabelle1"
    ws.append(["key", "name", "plz", "member_since"])
    ws.append(["a", "A GmbH", "39104", datetime.date(2021, 3, 1)])
    ws["D2"].number_format = "DD.MM.YYYY"
    for r in range(3, 17):
        ws.append([f"k{r}", f"K{r} GmbH", "39104", None])
    ws.append(["q", "Q GmbH", "39104", datetime.date(2022, 1, 1)])
    ws["D17"].number_format = "DD.MM.YYYY"
    if kind == "formula":
        ws["D17"] = "=TODAY()"  # openpyxl saves no result for a formula
    elif kind == "date-range":
        ws["D17"] = 3000000
        ws["D17"].number_format = "DD.MM.YYYY"
    wb.save(out)
    if kind == "truncated":
        with open(out, "rb") as f:
            data = f.read()
        with open(out, "wb") as f:
            f.write(data[: len(data) // 2])
    elif kind == "shared-index":
        # A shared string index past the end: the cell B17 turned into a reference to text 99.
        rewrite_part(out, "xl/worksheets/sheet1.xml",
                     lambda x: re.sub(r'<c r="B17"[^>]*>.*?</c>',
                                      '<c r="B17" t="s"><v>99</v></c>', x))
    elif kind == "error-value":
        rewrite_part(out, "xl/worksheets/sheet1.xml",
                     lambda x: re.sub(r'<c r="B17"[^>]*>.*?</c>',
                                      '<c r="B17" t="e"><v>#NV</v></c>', x))


def main(argv):
    if len(argv) >= 4 and argv[1] == "damage":
        damage(argv[2], argv[3])
        return
    engine, source, out = argv[1:4]
    options = argv[4:]

    def names(flag):
        return set(options[options.index(flag) + 1].split(",")) if flag in options else set()

    sheet = options[options.index("--sheet") + 1] if "--sheet" in options else "Tabelle1"
    rows = typed_rows(source, names("--numbers"), names("--dates"), names("--bools"))
    date1904 = "--date1904" in options
    second = "--second" in options
    if engine == "openpyxl":
        write_openpyxl(rows, out, sheet, date1904, second)
    elif engine in ("xlsxwriter", "xlsxwriter-inline"):
        write_xlsxwriter(rows, out, sheet, date1904, second, engine == "xlsxwriter-inline")
    else:
        raise SystemExit(f"make_xlsx: unknown engine {engine}")


if __name__ == "__main__":
    main(sys.argv)
