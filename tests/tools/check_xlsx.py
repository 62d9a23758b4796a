#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the sample workbooks of tests/unit/test_report_render_xlsx.cpp as a spreadsheet reads
them: sheet names, numbers as numbers, dates as dates, frozen bold header, suppression markers
and their legend, German texts from the catalogue, and a creation time that is the report's
reference day (so the same report gives the same bytes).

Usage: check_xlsx.py SAMPLE_DE.xlsx SAMPLE_EN.xlsx; prints each problem, exits 1 if any."""
import datetime
import sys
import zipfile

import openpyxl

problems = []


def expect(condition, what):
    if not condition:
        problems.append(what)


def check(path, lang):
    de = lang == "de"
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    expected = (["Bericht", "Teilnehmende nach Geschlecht Ei", "Teilnehmende nach Geschlech (2)",
                 "events"] if de else
                ["Report", "Participants by gender entries", "Participants by gender entr (2)",
                 "events"])
    expect(names == expected, f"{lang}: sheets {names}, expected {expected}")
    if len(names) != 4:
        return
    report, gender, again, events = (wb[n] for n in names)

    # The first sheet: head, sections, index, legend.
    texts = [c.value for row in report.iter_rows() for c in row if isinstance(c.value, str)]
    expect(report["A1"].value == ("ESF-Bericht 2027Q1" if de else "ESF report 2027Q1"),
           f"{lang}: report title {report['A1'].value!r}")
    expect(report["A1"].font.b, f"{lang}: the title is not bold")
    for text in (["Netzwerk", "Zeitraum", "Stand", "2027Q1 (01.01.2027 bis 31.03.2027)",
                  "02.04.2027", "Eintritte im Zeitraum."] if de else
                 ["Network", "Period", "As of", "2027Q1 (2027-01-01 to 2027-03-31)",
                  "2027-04-02", "Entries in the period."]):
        expect(text in texts, f"{lang}: the report sheet lacks {text!r}")
    legend = [t for t in texts if t.startswith("<4: ") or t.startswith("x: ")]
    expect(len(legend) == 2, f"{lang}: the report sheet's legend is {legend}")
    expect(names[1] in texts and "events" in texts, f"{lang}: the index lacks the sheet names")

    for sheet in (gender, again, events):
        expect(sheet.freeze_panes == "A2", f"{lang}: {sheet.title}: frozen at {sheet.freeze_panes}")
        expect(all(c.font.b for c in sheet[1]), f"{lang}: {sheet.title}: header not bold")
        width = sheet.column_dimensions["A"].width
        expect(width is not None and width >= 6, f"{lang}: {sheet.title}: column A width {width}")

    header = [c.value for c in gender[1]]
    expect(header == (["Geschlecht", "Eintritte", "Austritte", "Summe"] if de else
                      ["Gender", "Entries", "Exits", "Total"]), f"{lang}: header {header}")
    b2 = gender["B2"]
    expect(b2.data_type == "n" and b2.value == 1234, f"{lang}: B2 {b2.value!r} ({b2.data_type})")
    expect(b2.number_format == "#,##0", f"{lang}: B2 format {b2.number_format!r}")
    expect(gender["D5"].value == 1261 and gender["D5"].data_type == "n", f"{lang}: D5")
    expect(gender["C2"].value == "<4" and gender["C2"].data_type == "s", f"{lang}: C2 {gender['C2'].value!r}")
    expect(gender["D2"].value == "x" and gender["C3"].value == "x", f"{lang}: secondary markers")
    expect(gender["A2"].value == ("weiblich" if de else "female"), f"{lang}: A2 {gender['A2'].value!r}")
    below = [c.value for c in gender["A"][5:] if c.value]
    expect(below and below[0] == ("Gezählt werden Personen." if de else "Persons are counted."),
           f"{lang}: the table's note is {below}")
    count_line = ("4 Werte werden zum Schutz der gezählten Personen nicht veröffentlicht." if de
                  else "4 values are not published to protect the persons counted.")
    expect(count_line in below, f"{lang}: {count_line!r} not under the table: {below}")

    a2 = events["A2"]
    expect(isinstance(a2.value, datetime.datetime) and a2.value.date() == datetime.date(2027, 3, 18),
           f"{lang}: events A2 {a2.value!r}")
    expect(a2.number_format == ("dd.mm.yyyy" if de else "yyyy-mm-dd"),
           f"{lang}: date format {a2.number_format!r}")
    b2 = events["B2"]
    expect(b2.data_type == "n" and abs(b2.value - 12.25) < 1e-9 and b2.number_format == "#,##0.0",
           f"{lang}: events B2 {b2.value!r} {b2.number_format!r}")
    b3 = events["B3"]
    expect(b3.value == -3.5 and b3.number_format == "#,##0.00", f"{lang}: events B3 {b3.value!r}")
    expect(events["C2"].value == ("nicht erhoben" if de else "not collected"), f"{lang}: C2 {events['C2'].value!r}")
    expect(events["C3"].value == ("keine Angabe" if de else "not recorded"), f"{lang}: C3 {events['C3'].value!r}")

    created = wb.properties.created
    expect(created == datetime.datetime(2027, 4, 2, 0, 0), f"{lang}: created {created!r}")
    with zipfile.ZipFile(path) as z:
        stamps = {info.date_time for info in z.infolist()}
    today = datetime.date.today()
    expect(all(datetime.date(*s[:3]) != today for s in stamps),
           f"{lang}: zip entries are stamped today: {stamps}")


check(sys.argv[1], "de")
check(sys.argv[2], "en")
for p in problems:
    print("FAIL:", p)
if problems:
    sys.exit(1)
print("both sample workbooks read back as expected")
