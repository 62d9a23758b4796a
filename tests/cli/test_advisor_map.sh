#!/bin/sh
# werkstatt advisor map: an SVG (parsed here) and an HTML page of Sachsen-Anhalt's 14 districts.
. "$(dirname "$0")/lib.sh"
run init
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# check_svg FILE MARKERS: 14 named district paths, MARKERS numbered markers, a legend entry each.
check_svg() {
    check
    "$PY" - "$1" "$2" <<'PY' || fail "the SVG is not the expected map"
import sys, xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
want = int(sys.argv[2])
paths = root.findall(".//s:path[@class='district']", ns)
names = {p.get("data-name") for p in paths}
expected = {"Dessau-Roßlau", "Halle (Saale)", "Magdeburg", "Altmarkkreis Salzwedel",
            "Anhalt-Bitterfeld", "Börde", "Burgenlandkreis", "Harz", "Jerichower Land",
            "Mansfeld-Südharz", "Saalekreis", "Salzlandkreis", "Stendal", "Wittenberg"}
assert len(paths) == 14 and names == expected, names
assert all(p.get("d", "").startswith("M") for p in paths)
labels = {t.text for t in root.findall(".//s:text[@class='district-name']", ns)}
assert labels == expected, labels
markers = root.findall(".//s:g[@class='marker']", ns)
assert len(markers) == want, len(markers)
numbers = sorted(int(m.get("data-number")) for m in markers)
assert numbers == list(range(1, want + 1)), numbers
for m in markers:
    assert m.find("s:circle", ns) is not None and m.find("s:text", ns).text == m.get("data-number")
sources = " ".join(t.text for t in root.findall(".//s:text[@class='source']", ns))
assert "dl-de/by-2-0" in sources and "GeoNames" in sources, sources
PY
}

case_ "the whole starter list: 24 markers on the map, one service outside it"
run advisor map --output "$T/map.svg"
expect_status 0
expect_out_empty
expect_err_has "wrote $T/map.svg with 25 advisory services"
check_svg "$T/map.svg" 24
check; grep -q "außerhalb der Karte" "$T/map.svg" || fail "the service outside the state is not listed"

case_ "the same data draws the same bytes"
run advisor map --output "$T/again.svg"
check; cmp -s "$T/map.svg" "$T/again.svg" || fail "output is not deterministic"

case_ "a topic: only its services"
run advisor map --topic recognition --output "$T/recognition.svg"
expect_status 0
check_svg "$T/recognition.svg" 7

case_ "no services: the state is drawn all the same, with a warning"
run advisor remove bamf-berufssprachkurse --yes
run advisor map --topic language --output "$T/empty.svg"
expect_status 0
expect_err_has "werkstatt: warning: no advisory services with topic language; the map shows the districts only"
check_svg "$T/empty.svg" 0
check; grep -q "Keine Beratungsstellen erfasst" "$T/empty.svg" || fail "the empty legend says nothing"

case_ "HTML: a standalone page with the same map and a table, escaped"
run advisor add --key esc --organisation "A & B <GmbH>" --service "S" --topic language --plz 39104
run advisor map --topic language --output "$T/map.html"
expect_status 0
check
"$PY" - "$T/map.html" <<'PY' || fail "the HTML page is wrong"
import sys, html.parser
text = open(sys.argv[1], encoding="utf-8").read()
assert text.startswith("<!DOCTYPE html>")
assert text.count("<svg ") == 1 and text.count('class="district"') == 14
assert "A &amp; B &lt;GmbH&gt;" in text and "<GmbH>" not in text
assert text.count("<tr><td>") == 1
class P(html.parser.HTMLParser):
    pass
P().feed(text)
PY

case_ "bad requests"
run advisor map --output "$T/map.png"
expect_error 2 "name a file ending in .svg or .html"
run advisor map --topic visa --output "$T/x.svg"
expect_error 2 "topic 'visa' is unknown"
run advisor map --output "$T/no/such/folder/map.svg"
expect_status 73

case_ "examples/advisory-map.svg is what a fresh database draws (regenerate it when the catalogue changes)"
run_bare --db "$T/fresh.db" init
run_bare --db "$T/fresh.db" advisor map --output "$T/fresh.svg"
expect_status 0
check; cmp -s "$T/fresh.svg" "$SOURCE_DIR/examples/advisory-map.svg" || fail "examples/advisory-map.svg is out of date: werkstatt --db X init && werkstatt --db X advisor map --output examples/advisory-map.svg"

finish
