#!/bin/sh
# werkstatt privacy record: the entry for the record of processing activities (Art. 30 DSGVO),
# built from the configuration and the candidate schema, in German by default.
. "$(dirname "$0")/lib.sh"
run init

case_ "German by default, every heading, the configured network and retention"
run privacy record
expect_status 0
for text in "# Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)" "## Verantwortlicher" \
    "Betriebliche Werkstatt Arbeits-(Kultur-)Integration" "## Zwecke der Verarbeitung" "\`matching\`" "\`sharing\`" \
    "\`reporting\`" "## Kategorien betroffener Personen" "Ansprechpersonen der Mitgliedsunternehmen" \
    "## Kategorien personenbezogener Daten" "\`first_name\`" "\`residence_status\`" "\`birth_date\`" \
    "## Empfänger" "## Übermittlungen in Drittländer" "Keine." "## Fristen für die Löschung" \
    "30 Tage nach Ende oder Widerruf" "24 Monate nach dem Austritt" "6 Monate für Vorschläge" \
    "## Technische und organisatorische Maßnahmen (Art. 32 DSGVO)" "0600" "secure_delete" \
    "werden nicht erhoben (privacy.special_categories = false)"; do
    expect_out_has "$text"
done
expect_out_lacks "\`disability\`"
expect_err_empty

case_ "every candidate column is in some category"
cols=$(sqlite3 "$DB" "SELECT name FROM pragma_table_info('candidate') WHERE name NOT IN ('id', 'created_batch', 'batch_id', 'created_at', 'updated_at', 'purged_on', 'disability', 'minority')")
for c in $cols; do
    expect_out_has "\`$c\`"
done

case_ "the figures follow the configuration"
run --set privacy.retention_months=36 --set privacy.grace_days=1 --set privacy.special_categories=true \
    --set privacy.pseudonymise=true --set "report.network=Netzwerk <Test>" privacy record
expect_status 0
expect_out_has "36 Monate nach dem Austritt"
expect_out_has "1 Tag nach Ende oder Widerruf"
expect_out_has "Netzwerk <Test>"
expect_out_has "\`disability\`, \`minority\`"
expect_out_lacks "nicht erhoben"
expect_out_has "Listen und Ranglisten zeigen Pseudonyme statt Namen"

case_ "documents.lang = en: the record in English without --lang"
run --set documents.lang=en privacy record
expect_status 0
expect_out_has "# Record of processing activities (Art. 30 GDPR)"

case_ "--lang en"
run privacy record --lang en
expect_status 0
expect_out_has "# Record of processing activities (Art. 30 GDPR)"
expect_out_has "30 days after a job seeker's consent ended"
expect_out_has "## Transfers to third countries"

case_ "errors"
run privacy record --lang fr
expect_error 2 "--lang 'fr'"
run privacy
expect_status 2
run --set privacy.retention_months=0 privacy record
expect_status 78

finish
