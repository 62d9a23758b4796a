#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the candidate import fixtures of tests/cli/test_candidate_*.sh: one small agency list
# (profile ba) in every encoding and quirk an agency's Excel produces (ba_*.csv, ba_utf16le.txt;
# all hold the same records, so they must import to the same stored values), every spelling of
# the ba value maps (ba_values.csv), good and bad rows (ba_bad.csv) and binary garbage.
# Run from anywhere: python3 tests/data/import/make_fixtures.py
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

HEADER = ["Referenznummer", "Geschlecht", "Vorname", "Nachname", "Geburtsdatum",
          "Staatsangehörigkeit", "PLZ", "Ort", "Zielberuf (KldB)", "Zielberuf",
          "Deutschkenntnisse", "Weitere Sprachen", "Aufenthaltsstatus", "Anerkennung",
          "Führerschein", "Verfügbar ab", "Umkreis km", "Einwilligung bis", "E-Mail", "Telefon",
          "Bemerkung"]

ROWS = [
    ["CP-000001-A", "w", "Amina", "Haddad", "12.03.1991", "syrisch", "39104", "Magdeburg",
     "81302", "Gesundheits- und Krankenpflegerin", "B2", "ar:C2;en:B1",
     "Aufenthaltserlaubnis § 25 Abs. 2", "teilweise", "B", "01.02.2027", "30", "31.12.2027",
     "amina.haddad@example.org", "0391 555 0101", "„Anerkennung läuft“ – Gebühr 250 €"],
    ["CP-000002-B", "m", "Jürgen", "Groß", "05.07.1985", "ukrainisch", "06108", "Halle (Saale)",
     "52122", "Berufskraftfahrer", "A2", "uk:C2", "§ 24 AufenthG", "nicht erforderlich",
     "B, C1", "15.01.2027", "50", "30.06.2027", "", "0345 1234567",
     "Sucht Vollzeit; Nachtschicht, auch am Wochenende"],
    ["CP-000003-B", "d", "Samir", "Ahmadi", "20.11.1999", "Syrien", "38855", "Wernigerode",
     "29302", "Koch", "B1", "fa:C2", "Aufenthaltsgestattung", "", "keiner", "01.03.2027", "25",
     "31.03.2028", "samir.ahmadi@example.org", "",
     'Sagt: "Küche ist meine Leidenschaft"\nZweite Zeile: Straße 5'],
    ["CP-000004-C", "m", "Yonas", "Tesfaye", "02.02.1995", "eritreisch", "06842",
     "Dessau-Roßlau", "25102", "Mechatroniker", "Muttersprache", "ti:C2;en:B2",
     "Aufenthaltserlaubnis § 25 Abs. 1", "voll", "C1, B", "01.04.2027", "40", "31.12.2027",
     "y.tesfaye@example.org", "+49 340 987654", ""],
]


def field(text, delimiter):
    if any(c in text for c in (delimiter, '"', "\r", "\n")):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(delimiter, newline):
    lines = [delimiter.join(field(f, delimiter) for f in row) for row in [HEADER] + ROWS]
    return newline.join(lines) + newline


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


write("ba_utf8.csv", csv_text(";", "\n").encode("utf-8"))
write("ba_utf8_crlf.csv", csv_text(";", "\r\n").encode("utf-8"))
write("ba_utf8_bom.csv", b"\xef\xbb\xbf" + csv_text(";", "\r\n").encode("utf-8"))
write("ba_comma.csv", csv_text(",", "\n").encode("utf-8"))
# German Excel, "CSV (Trennzeichen-getrennt)": Windows-1252, semicolons, CRLF.
write("ba_cp1252.csv", csv_text(";", "\r\n").encode("cp1252"))
# Excel "Unicode-Text": UTF-16LE with a byte order mark, tabs, CRLF.
write("ba_utf16le.txt", b"\xff\xfe" + csv_text("\t", "\r\n").encode("utf-16-le"))

# Binary garbage (fixed seed), without the bytes Windows-1252 leaves undefined, so that the
# reader gets past decoding and has to cope with what it finds.
rng = random.Random(1)
undefined = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
write("garbage.bin", bytes(b for b in (rng.randrange(256) for _ in range(4000))
                           if b not in undefined))


def ba_row(**values):
    """A row of the ba header: keyword arguments by the header's position names below."""
    names = ["ref", "gender", "first", "last", "birth", "nat", "plz", "city", "kldb", "occ",
             "german", "langs", "status", "recog", "licence", "avail", "radius", "consent",
             "email", "phone", "notes"]
    unknown = set(values) - set(names)
    assert not unknown, unknown
    return [values.get(n, "") for n in names]


def semicolon_file(rows):
    return "".join(";".join(field(f, ";") for f in r) + "\n" for r in [HEADER] + rows).encode()


# Every spelling of the ba value maps and every normalisation (all rows valid).
VALUES = [
    ba_row(ref="V01", status="EU-Bürger", recog="nicht erforderlich", plz="06108",
           birth="05.07.1985", nat="syrisch", german="b1", langs="ar:C2;en:B1", licence="keiner",
           kldb="52122", email="v01@example.org", avail="01.02.2027", consent="31.12.2027",
           radius="30"),
    ba_row(ref="V02", status="Niederlassungserlaubnis", recog="beantragt", plz="39104",
           nat="Syrien", german="Muttersprache", langs="ar:Muttersprache", licence="B, C1"),
    ba_row(ref="V03", status="Aufenthaltserlaubnis § 25 Abs. 1", recog="voll", plz="38855",
           nat="ukrainisch", german="keine", licence="C1,B"),
    ba_row(ref="V04", status="Aufenthaltserlaubnis § 25 Abs. 2", recog="teilweise",
           nat="marsianisch"),
    ba_row(ref="V05", status="§ 24 AufenthG", recog="Ausgleichsmaßnahme"),
    ba_row(ref="V06", status="Aufenthaltsgestattung", recog="abgelehnt"),
    ba_row(ref="V07", status="Duldung"),
    ba_row(ref="V08", status="Duldung § 60b"),
    ba_row(ref="V09", status="Blaue Karte EU"),
    ba_row(ref="V10", status="Fiktionsbescheinigung"),
    ba_row(ref="V11", status=""),
    ba_row(ref="V12", status="eu-bürger", recog="VOLL"),
]
write("ba_values.csv", semicolon_file(VALUES))

# Good and bad rows: each bad row has exactly one bad value (line numbers in the comments).
BAD = [
    ba_row(ref="GOOD-1", plz="39104", last="Gut"),                           # line 2
    ba_row(ref="BAD-PLZ", plz="3910"),                                       # line 3
    ba_row(ref="BAD-DATE", birth="31.02.1990"),                              # line 4
    ba_row(ref="BAD-CEFR", german="B3"),                                     # line 5
    ba_row(ref="BAD-STATUS", status="Touristenvisum"),                       # line 6
    ba_row(ref="BAD-RECOG", recog="vielleicht"),                             # line 7
    ba_row(ref="BAD-LICENCE", licence="Z"),                                  # line 8
    ba_row(ref="BAD-LANG", langs="arabisch"),                                # line 9
    ba_row(ref="BAD-KLDB", kldb="5212"),                                     # line 10
    ba_row(ref="BAD-MAIL", email="kein-at-zeichen"),                         # line 11
    ba_row(ref="BAD-ML", plz="391", notes="erste Zeile\nzweite Zeile"),     # lines 12-13
    ba_row(ref="GOOD-2", nat="marsianisch", last="Auch Gut"),               # line 14
    ba_row(ref="", last="Ohne Referenz"),                                    # line 15
]
write("ba_bad.csv", semicolon_file(BAD))
