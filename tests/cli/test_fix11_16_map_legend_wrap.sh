#!/bin/sh
# Issue 11, item 16: the map legend wraps long entries between words instead of cutting them
# ("Ausbildungsber…"); nothing is left out, lines do not overlap, the sources stay below.
. "$(dirname "$0")/lib.sh"
run init
ORG="Ausbildungsberatung und Anerkennungsberatung der Handwerkskammer Magdeburg für zugewanderte Fachkräfte"
run advisor add --key hwk-lang --organisation "$ORG" --service "Erstberatung zur Anerkennung ausländischer Berufsabschlüsse" --topic recognition --plz 39104 --city Magdeburg
expect_status 0
run advisor map --output "$T/map.svg"
expect_status 0

case_ "every legend entry is whole, wrapped at blanks, within the line length, without overlap"
check
python3 - "$T/map.svg" "$ORG" <<'PY' || fail "the legend is cut or overlaps"
import sys, xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
org = sys.argv[2]
entries = root.findall(".//s:text[@class='legend-entry']", ns)
assert len(entries) == 26, len(entries)
found = False
columns = {}
for e in entries:
    number = e.find("s:tspan", ns)
    assert number.text == e.get("data-number"), number.text
    lines = [number.tail.lstrip(" ")] + [t.text for t in e.findall("s:tspan[@class='legend-more']", ns)]
    for line in lines:
        assert line and "…" not in line, (e.get("data-number"), lines)
        assert len(line) <= 58, (len(line), line)
    full = " ".join(lines)
    if full.startswith(org):
        found = True
        assert full == org + " – Erstberatung zur Anerkennung ausländischer Berufsabschlüsse, Magdeburg", full
        assert len(lines) >= 2, lines
    columns.setdefault(float(e.get("x")), []).append((float(e.get("y")), len(lines)))
assert found, "the long entry is missing"
assert len(columns) == 2, columns
last = 0
for x, col in columns.items():
    col.sort()
    for (y, n), (y2, _) in zip(col, col[1:]):
        assert y2 >= y + 15 * n, ("overlap", x, y, n, y2)
    last = max(last, col[-1][0] + 15 * (col[-1][1] - 1))
sources = [float(t.get("y")) for t in root.findall(".//s:text[@class='source']", ns)]
assert min(sources) > last, (sources, last)
assert float(root.get("height")) > max(sources), root.get("height")
PY
check; ! grep -q "…" "$T/map.svg" || fail "the map still shortens text"

case_ "the HTML page carries the same legend"
run advisor map --output "$T/map.html"
expect_status 0
expect_out_empty
check; grep -q 'class="legend-more"' "$T/map.html" || fail "the HTML map does not wrap"
finish
