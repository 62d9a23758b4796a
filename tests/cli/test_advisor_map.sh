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

# The map is a document handed to others: it follows documents.lang (German by default) or --lang,
# not the terminal's language, which governs the messages only.
case_ "German by default: LANG=C and no configuration draw the German map and page"
run_bare --db "$T/fresh.db" advisor map --topic recognition --output "$T/de.html"
expect_status 0
expect_err_has "wrote $T/de.html with 7 advisory services"
for text in '<html lang="de">' '<h1>Beratungslandkarte Sachsen-Anhalt</h1>' \
    '<p>Thema: Anerkennung ausländischer Berufsqualifikationen</p>' '<h2>Beratungsstellen</h2>' \
    '<th>Zuständig für</th>' '<th>Zuletzt geprüft</th>' '7 Beratungsstellen, 7 auf der Karte' \
    'Kreisgrenzen: © GeoBasis-DE' 'PLZ-Koordinaten: © GeoNames'; do
    check; grep -qF -- "$text" "$T/de.html" || fail "the German page lacks '$text'"
done

# check_english FILE: the words of the map are English, the data as recorded.
check_english() {
    for text in 'Advisory map of Sachsen-Anhalt' 'advisory services, ' ' on the map' \
        '>Advisory services<' 'District boundaries: © GeoBasis-DE' 'dl-de/by-2-0' \
        'Postal code coordinates: © GeoNames' 'data-name="Dessau-Roßlau"'; do
        check; grep -qF -- "$text" "$1" || fail "the English map $1 lacks '$text'"
    done
    for text in Beratungsstellen Beratungslandkarte 'auf der Karte' außerhalb Kreisgrenzen \
        PLZ-Koordinaten Thema; do
        check; ! grep -qF -- "$text" "$1" || fail "the English map $1 says '$text'"
    done
}

case_ "--lang en: the whole map in English, the same drawing"
run_bare --db "$T/fresh.db" advisor map --lang en --output "$T/en.svg"
expect_status 0
expect_err_has "wrote $T/en.svg with 25 advisory services"
check_svg "$T/en.svg" 24
check_english "$T/en.svg"
check; grep -qF "(outside the map)" "$T/en.svg" || fail "the service outside the state is not listed"
check; grep -qF ">25 advisory services, 24 on the map<" "$T/en.svg" || fail "the counts"
check; [ "$(grep -o 'class="marker"' "$T/en.svg" | wc -l)" -eq "$(grep -o 'class="marker"' "$T/fresh.svg" | wc -l)" ] ||
    fail "the English map has other markers than the German one"
run_bare --db "$T/fresh.db" advisor map --lang en --topic recognition --output "$T/en.html"
expect_status 0
check_english "$T/en.html"
for text in '<html lang="en">' '<p>Topic: Recognition of foreign professional qualifications</p>' \
    '<th>No.</th><th>Organisation</th><th>Service</th><th>Topics</th><th>Responsible for</th>' \
    '<th>Last checked</th>'; do
    check; grep -qF -- "$text" "$T/en.html" || fail "the English page lacks '$text'"
done
check; ! grep -qF '<th>Zuständig' "$T/en.html" || fail "German headings in the English page"

case_ "documents.lang = \"en\" in the configuration: English without --lang; --lang de wins"
mkdir -p "$XDG_CONFIG_HOME/werkstatt"
printf '[documents]\nlang = "en"\n' >"$XDG_CONFIG_HOME/werkstatt/config.toml"
run_bare --db "$T/fresh.db" advisor map --output "$T/config-en.svg"
expect_status 0
check_english "$T/config-en.svg"
check; cmp -s "$T/config-en.svg" "$T/en.svg" || fail "documents.lang = en draws another map than --lang en"
run_bare --db "$T/fresh.db" advisor map --lang de --output "$T/config-de.svg"
expect_status 0
check; cmp -s "$T/config-de.svg" "$T/fresh.svg" || fail "--lang de does not draw the German map"
rm "$XDG_CONFIG_HOME/werkstatt/config.toml"

case_ "a German terminal with documents.lang = en: an English map, German messages"
LC_ALL=de_DE.UTF-8 run_bare --db "$T/fresh.db" --set documents.lang=en advisor map \
    --output "$T/de-terminal.svg"
expect_status 0
expect_err_has "$T/de-terminal.svg mit 25 Beratungsangeboten geschrieben"
expect_err_lacks "wrote"
check; cmp -s "$T/de-terminal.svg" "$T/en.svg" || fail "the terminal's language changed the map"

case_ "--lang: only de or en, and nothing is written otherwise"
run_bare --db "$T/fresh.db" advisor map --lang fr --output "$T/fr.svg"
expect_error 2 "--lang 'fr' is not a language of the documents"
check; [ ! -e "$T/fr.svg" ] || fail "a map was written for --lang fr"

finish
