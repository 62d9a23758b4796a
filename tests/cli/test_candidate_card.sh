#!/bin/sh
# werkstatt candidate card|cards|shared: the pseudonymised profile a member company may see, with
# none of the protected facts; a card given to a company (--for, cards) is refused without the
# person's consent to sharing, else recorded, audited, and the placement moves to introduced;
# `shared` lists where a profile went. The HTML is printed by headless Chromium where it exists.
. "$(dirname "$0")/lib.sh"
DAY="--date 2026-12-01"

H='Referenznummer;Geschlecht;Vorname;Nachname;Geburtsdatum;Staatsangehörigkeit;PLZ;Ort;Zielberuf (KldB);Zielberuf;Deutschkenntnisse;Weitere Sprachen;Aufenthaltsstatus;Anerkennung;Führerschein;Verfügbar ab;Umkreis km;Einwilligung bis;E-Mail;Telefon;Bemerkung'
cat >"$T/candidates.csv" <<EOF
$H
KX-1;w;Zuleika;Quastenberg;05.06.1987;eritreisch;39218;Schönebeck (Elbe);52122;Berufskraftfahrerin;B2;ar:Muttersprache;Niederlassungserlaubnis;nicht erforderlich;B, CE;01.01.2027;50;31.12.2028;zuleika.q@example.org;+49 391 5550147;Geheimnotiz Rueckruf
KX-2;m;Waldemar;Pfefferkorn;11.11.1979;moldauisch;39218;Schönebeck (Elbe);52122;Berufskraftfahrer;B1;ro:Muttersprache;Duldung;nicht erforderlich;B, CE;01.01.2027;60;31.12.2028;w.pfefferkorn@example.org;0170 8887776;Notiz Pfefferkorn
KX-3;w;Xanthippe;Oberwimmer;02.03.1990;griechisch;06108;Halle (Saale);81302;Pflegefachfrau;C1;el:Muttersprache;EU-Bürger;voll;;01.02.2027;40;31.12.2028;x.oberwimmer@example.org;0345 4443332;Notiz Oberwimmer
KX-4;d;Quirin;Vandersloot;08.08.1988;niederländisch;06108;Halle (Saale);81302;Pflegefachkraft;C2;nl:Muttersprache;EU-Bürger;voll;B;01.01.2027;30;31.12.2028;q.vandersloot@example.org;0345 1112223;Notiz Vandersloot
KX-5;m;Yorick;Brammertz;07.07.1992;serbisch;39104;Magdeburg;32122;Maurer;B1;sr:Muttersprache;Aufenthaltserlaubnis § 25 Abs. 2;nicht erforderlich;B;01.01.2027;30;31.12.2028;y.brammertz@example.org;0391 2223334;Notiz Brammertz
EOF
cp "$TESTDATA/match/openings.csv" "$T/openings.csv"
echo 'bau,B-1,Maurer (m/w/d),32122,A2,39104,Magdeburg,1,2027-02-01,2027-04-01,,,false,,open' >>"$T/openings.csv"
for step in "init" \
    "company add --key spedition --name Spedition-Elbe-GmbH --plz 39104 --city Magdeburg" \
    "company add --key pflege --name Saale-Pflege --plz 06108" \
    "company add --key bau --name Bau-Nord --plz 39104" \
    "opening import $T/openings.csv" \
    "candidate import $T/candidates.csv --profile ba --source jc-quelle" \
    "match --assign --commit $DAY"; do
    # shellcheck disable=SC2086
    run $step
    check
    [ "$status" -eq 0 ] || fail "setup step failed: werkstatt $step"
done
opening_of() { sql "SELECT opening_id FROM placement WHERE candidate_id = $1 AND status = 'proposed'"; }
O1=$(opening_of 1)
O2=$(opening_of 2)
O3=$(opening_of 3)
O4=$(opening_of 4)
O5=$(opening_of 5)
check
[ -n "$O1" ] && [ -n "$O2" ] && [ -n "$O3" ] && [ -n "$O4" ] && [ -n "$O5" ] ||
    fail "the match did not propose all five: $(sql "SELECT candidate_id, opening_id, status FROM placement")"

# Fail for every protected fact of KX-1 found in file $1.
expect_no_protected() {
    for value in Zuleika Quastenberg 05.06.1987 1987-06-05 eritreisch zuleika.q@example.org \
        5550147 39218 Schönebeck KX-1 jc-quelle Geheimnotiz Rueckruf weiblich female \
        Niederlassungserlaubnis niederlassung; do
        check
        ! grep -qF -- "$value" "$1" || fail "the card shows '$value'"
    done
}

case_ "a card in Markdown: the work facts in German, no protected fact, not recorded"
run candidate card KX-1 $DAY
expect_status 0
expect_out_has "# Bewerbung K-"
expect_out_has "| Zielberuf | Berufskraftfahrerin (KldB 52122) |"
expect_out_has "Fachkraft: fachlich ausgerichtete Tätigkeiten"
expect_out_has "| Deutsch | B2 |"
expect_out_has "Arabisch (Muttersprache)"
expect_out_has "| Führerscheine | B, CE |"
expect_out_has "| Verfügbar | ab 01.01.2027 |"
expect_out_has "| Wohnort (Landkreis) | Salzlandkreis |"
expect_out_has "| Fahrbereitschaft | bis 50 km |"
expect_out_has "Darf jede Beschäftigung aufnehmen"
expect_out_has "Kopie"
expect_err_has "not recorded as shared"
expect_no_protected "$T/out"
cp "$T/out" "$T/card1.md"
check; [ "$(sql "SELECT count(*) FROM card_share")" = 0 ] || fail "a card without --for was recorded"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE action = 'share'")" = 0 ] || fail "audited as shared"

case_ "a card in HTML and to a file: the same pseudonym, mode 0600, recorded as a written file"
run candidate card 1 --format html $DAY
expect_status 0
expect_out_has '<html lang="de">'
expect_out_has '<th scope="row">Zielberuf</th><td>Berufskraftfahrerin (KldB 52122)</td>'
expect_no_protected "$T/out"
P1=$(sed -n 's/^# Bewerbung \(K-[0-9]*\)$/\1/p' "$T/card1.md")
check; [ -n "$P1" ] || fail "no pseudonym in the Markdown card"
expect_out_has "<h1>Bewerbung $P1</h1>"
run candidate card KX-1 --output "$T/card1.html" $DAY
expect_status 0
expect_out_empty
expect_err_has "to $T/card1.html (mode 0600)"
check; [ "$(stat -c %a "$T/card1.html")" = 600 ] || fail "mode $(stat -c %a "$T/card1.html"), expected 600"
check; grep -qF "<h1>Bewerbung $P1</h1>" "$T/card1.html" || fail "the file's pseudonym differs"
expect_no_protected "$T/card1.html"
run privacy files --format csv
expect_out_has "$T/card1.html,card,"
run candidate card KX-2 $DAY
P2=$(sed -n 's/^# Bewerbung \(K-[0-9]*\)$/\1/p' "$T/out")
check; [ -n "$P2" ] && [ "$P2" != "$P1" ] || fail "KX-2's pseudonym '$P2' is not its own"
expect_out_has "Braucht für diese Stelle eine Beschäftigungserlaubnis"
expect_out_lacks "Duldung"
run candidate card KX-1 --lang en $DAY
expect_status 0
expect_out_has "# Application $P1"

case_ "errors: unknown candidate, opening, company, bad format or language; nothing written"
before=$(db_fingerprint)
run candidate card KX-99 $DAY
expect_error 66 "no candidate with id or reference 'KX-99'"
run candidate card KX-1 --opening 999 $DAY
expect_error 66 "no opening with id 999"
run candidate card KX-1 --for nobody --opening "$O1" $DAY
expect_error 66 "no company with key 'nobody'"
run candidate card KX-1 --format pdf
expect_error 2 "--format 'pdf' is not a form of the card; use md or html"
run candidate card KX-1 --lang fr
expect_error 2 "--lang 'fr'"
run candidate card KX-1 --for pflege --opening "$O1" $DAY
expect_error 2 "belongs to company spedition, not pflege"
run candidate shared KX-99
expect_error 66 "no candidate"
run candidate cards --company nobody --output "$T/none"
expect_error 66 "no company with key 'nobody'"
run candidate cards --company pflege --run 99 --output "$T/none"
expect_error 66 "no match run 99"
check; [ "$(db_fingerprint)" = "$before" ] || fail "a refused card changed the database"
check; [ ! -e "$T/none" ] || fail "a refused run made the folder"

case_ "refused without consent to sharing: the reason, status 69, nothing written"
run candidate consent KX-2 --scope sharing --withdraw --on 2026-11-15
expect_status 0
before=$(db_fingerprint)
run candidate card KX-2 --for spedition --opening "$O2" $DAY
expect_error 69 "withdrew their consent to sharing their profile with member companies on 2026-11-15"
run candidate card KX-3 --for pflege --opening "$O3" --date 2029-01-15
expect_error 69 "consent to sharing their profile with member companies ended on 2028-12-31"
run candidate card KX-3 --for pflege --opening "$O3" --output "$T/refused.md" --date 2029-01-15
expect_error 69 "ended on 2028-12-31"
check; [ ! -e "$T/refused.md" ] || fail "a refused card was written"
run candidate card KX-5 --for bau --opening "$O5" --output "$T/no/such/folder/card.md" $DAY
expect_error 73
check; [ "$(db_fingerprint)" = "$before" ] || fail "a refused card changed the database"
check; [ "$(sql "SELECT status FROM placement WHERE candidate_id = 2")" = proposed ] || fail "the placement moved"

case_ "--for records the card, audits it, and moves the placement to introduced"
run candidate card KX-1 --for spedition --opening "$O1" --dry-run $DAY
expect_status 0
expect_out_empty
expect_err_has "would share card $P1 of candidate 1 with company spedition"
check; [ "$(sql "SELECT count(*) FROM card_share")" = 0 ] || fail "a dry run recorded"
run candidate card KX-1 --for spedition --opening "$O1" $DAY
expect_status 0
expect_out_has "# Bewerbung $P1"
expect_out_has "Für die Stelle „"
expect_out_has "bei Spedition-Elbe-GmbH (Stelle $O1)"
expect_out_has "Passung laut Abgleich:"
expect_err_has "shared card $P1 of candidate 1 with company spedition"
expect_no_protected "$T/out"
check; [ "$(sql "SELECT candidate_id || '|' || company_id || '|' || opening_id FROM card_share")" = "1|1|$O1" ] ||
    fail "card_share: $(sql "SELECT * FROM card_share")"
check; [ "$(sql "SELECT status || '|' || introduced_on FROM placement WHERE candidate_id = 1")" = "introduced|2026-12-01" ] ||
    fail "placement: $(sql "SELECT status, introduced_on FROM placement WHERE candidate_id = 1")"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE entity = 'candidate' AND entity_id = 1 AND action = 'share' AND details LIKE '%company=spedition opening=$O1 placement=% proposed->introduced'")" = 1 ] ||
    fail "audit: $(sql "SELECT details FROM audit_log WHERE action = 'share'")"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE action = 'share' AND (details LIKE '%Zuleika%' OR command LIKE '%Zuleika%')")" = 0 ] ||
    fail "the audit row names the person"
# Given again (a reminder), it is recorded again; the placement stays introduced.
run candidate card KX-1 --for spedition --opening "$O1" $DAY
expect_status 0
check; [ "$(sql "SELECT count(*) FROM card_share WHERE candidate_id = 1")" = 2 ] || fail "the second card was not recorded"

case_ "candidate shared lists where the profile went; the access export has it"
run candidate shared KX-1 --format csv
expect_status 0
expect_out_has "shared_at,company,company_name,opening,title"
expect_out_has ",spedition,Spedition-Elbe-GmbH,$O1,"
run candidate shared KX-1
expect_status 0
expect_out_has "spedition"
run candidate shared KX-2 --format json
expect_status 0
expect_out_has "[]"
run candidate export KX-1 --output "$T/export.json"
expect_status 0
check
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['card_shares']) == 2 and d['card_shares'][0]['company_key'] == 'spedition', d['card_shares']" \
    "$T/export.json" 2>"$T/py" || fail "the export lacks the card shares: $(tail -1 "$T/py")"

case_ "cards --company: one printable file per company, mode 0600; refused cards left out (status 1)"
run candidate cards --company pflege --company bau --company spedition --output "$T/cards" $DAY
expect_status 1
expect_err_has "the card of candidate 2 for opening $O2 was left out: candidate 2 withdrew their consent"
expect_err_has "company spedition: no card to give"
PF="$T/cards/cards-pflege-2026-12-01.html"
BF="$T/cards/cards-bau-2026-12-01.html"
check; [ "$(find "$T/cards" -type f | wc -l)" -eq 2 ] || fail "files: $(ls "$T/cards")"
for f in "$PF" "$BF"; do
    check; [ "$(stat -c %a "$f" 2>/dev/null)" = 600 ] || fail "$f: mode $(stat -c %a "$f" 2>/dev/null), expected 600"
done
check; grep -qF '<title>Bewerbungen für Saale-Pflege</title>' "$PF" || fail "the pflege file's title"
for value in Xanthippe Oberwimmer x.oberwimmer 4443332 KX-3 02.03.1990 griechisch \
    Quirin Vandersloot 1112223 KX-4 niederländisch; do
    check; ! grep -qF "$value" "$PF" || fail "the company file shows '$value'"
done
check; [ "$(sql "SELECT group_concat(status) FROM placement WHERE candidate_id IN (3, 4, 5) ORDER BY candidate_id")" = "introduced,introduced,introduced" ] ||
    fail "placements: $(sql "SELECT candidate_id, status FROM placement")"
check; [ "$(sql "SELECT status FROM placement WHERE candidate_id = 2")" = proposed ] || fail "the refused placement moved"
check; [ "$(sql "SELECT count(*) FROM audit_log WHERE action = 'share' AND entity_id IN (3, 4, 5)")" = 3 ] || fail "one audit row per card"
run privacy files --format csv
expect_out_has "$PF,card,"
run candidate cards --company pflege --output "$T/cards2" $DAY
expect_status 0
expect_err_has "no card to give from match run 1"
check; [ ! -e "$T/cards2/cards-pflege-2026-12-01.html" ] || fail "a file without cards"

case_ "a closed placement refuses the card; a card for no opening is recorded without one"
run placement set KX-5 "$O5" declined
expect_status 0
before=$(db_fingerprint)
run candidate card KX-5 --for bau --opening "$O5" $DAY
expect_error 69 "candidate 5 for opening $O5 is declined"
check; [ "$(db_fingerprint)" = "$before" ] || fail "a refused card changed the database"
run candidate card KX-5 --for spedition $DAY
expect_status 0
expect_err_has "shared card"
expect_err_lacks "placement"
run candidate shared KX-5 --format csv
expect_out_has ",spedition,Spedition-Elbe-GmbH,,"
check; [ "$(sql "SELECT status FROM placement WHERE candidate_id = 5")" = declined ] || fail "the placement changed"

case_ "the printed card in headless Chromium"
if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    skip "chromium or pdftotext (poppler-utils) is not installed"
else
    timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --no-first-run --no-default-browser-check --disable-extensions \
        --user-data-dir="$T/chromium" --no-pdf-header-footer --print-to-pdf="$T/cards.pdf" \
        "file://$PF" >/dev/null 2>>"$T/chromium.err"
    status=$?
    expect_status 0
    pdftotext "$T/cards.pdf" "$T/cards.txt"
    run candidate card KX-3 $DAY
    P3=$(sed -n 's/^# Bewerbung \(K-[0-9]*\)$/\1/p' "$T/out")
    check; grep -qF "Bewerbung $P3" "$T/cards.txt" || fail "the printed page lacks 'Bewerbung $P3'"
    check; grep -qF "Arbeitserlaubnis" "$T/cards.txt" || fail "the printed page lacks the permission"
    check; ! grep -qF "Oberwimmer" "$T/cards.txt" || fail "the printed page names the person"
    run candidate card KX-4 $DAY
    P4=$(sed -n 's/^# Bewerbung \(K-[0-9]*\)$/\1/p' "$T/out")
    check; grep -qF "Bewerbung $P4" "$T/cards.txt" || fail "the printed pages lack 'Bewerbung $P4'"
    check; ! grep -qF "Vandersloot" "$T/cards.txt" || fail "the printed pages name the person"
    check; [ "$(pdfinfo "$T/cards.pdf" | sed -n 's/^Pages: *//p')" = 2 ] || fail "two cards, not two pages"
    size=$(pdfinfo "$T/cards.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p')
    check
    echo "$size" | awk '{ exit !($1 >= 594 && $1 <= 596 && $2 >= 841 && $2 <= 843) }' ||
        fail "page size is '$size' pts, expected A4 (595 x 842)"
fi

finish
