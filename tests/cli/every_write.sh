# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced (after lib.sh) by the tests that must cover every command that writes
# (fix11_01_dry_run, fix11_17_audit_rows): a database with records of every kind, and one
# invocation of each write command with the audit row it must leave. The list of write commands
# comes from the program itself (`werkstatt help --commands`), so a new one that is missing here
# makes both tests fail.

# One line per write command: path|arguments|audit entity|audit action. Run in this order, each
# succeeds on the database prepare_every_kind leaves (and on the changes of the lines above it).
# Arguments are split at spaces; no argument contains one.
write_invocations() {
    cat <<'EOF'
db restore|@T@/backup.db|database|restore
company add|--key neu --name Neu --plz 39104|company|add
company edit|spedition --industry Logistik|company|edit
company archive|alt|company|archive
company import|@T@/companies.csv|company|import
contact add|--company spedition --name Carla|contact|add
contact edit|1 --role Personalleitung|contact|edit
contact remove|2 --yes|contact|remove
event add|--date 2027-09-16 --host spedition|event|add
event edit|1 --title Werkstatt|event|edit
event confirm|1|event|confirmed
event hold|3|event|held
event cancel|2 --reason Umbau|event|cancelled
event register|1 --company pflege|event|register
event attend|3 --contact 1 --status attended|event|attend
event invite|1 --output @T@/invites --set mail.from=netzwerk@example.org|event|invite
event block|spedition 2028Q1|company|block
event unblock|pflege 2027Q4|company|unblock
event plan|--from 2028Q2 --quarters 1 --commit|event|plan
candidate import|@T@/candidates.csv --profile ba --source jc-hal|import_batch|import
candidate edit|1 --notes Rueckruf|candidate|edit
candidate consent|1 --scope matching,sharing --given-on 2026-11-02 --until 2028-12-31|candidate|consent
candidate confirm|1 --date 2026-12-01|candidate|confirm
candidate archive|4|candidate|edit
candidate exit|3 --date 2027-03-31 --situation employed --force|candidate|exit
candidate follow-up|3 --date 2027-09-30 --status employed --force|candidate|follow-up
candidate merge|1 2 --yes|candidate|merge
candidate unmerge|1|candidate|unmerge
candidate remove|5 --yes|candidate|remove
opening add|--company spedition --title Lager|opening|add
opening edit|1 --notes dringend|opening|edit
opening close|3|opening|edit
opening import|@T@/openings.csv|import_batch|import
import undo|@BATCH@|import_batch|undo
match|--assign --commit --date 2026-12-01|match_run|commit
placement set|CP-B 1 introduced|placement|set
candidate card|1 --for spedition --opening 2 --date 2026-12-01|candidate|share
followup record|1 --outcome employed --date 2027-02-20|followup|record
advisor add|--key neu --organisation Traeger --service Beratung --topic language --plz 39104|advisor|add
advisor edit|alt --hours Mo-Fr|advisor|edit
advisor remove|alt --yes|advisor|remove
advisor import|@T@/advisors.csv|advisor|import
catalogue update||catalogue|update
privacy purge|--date 2040-01-01|privacy|purge
EOF
}

# Print the arguments of `path` from write_invocations, with the test's folder and batch filled in.
invocation_args() {
    write_invocations | awk -F'|' -v p="$1" '$1 == p { print $2 }' |
        sed "s|@T@|$T|g; s|@BATCH@|$EXTRA_BATCH|g"
}

# Print the command paths the program marks with `$1` (writes, dry-run, commit).
commands_marked() {
    "$WERKSTATT" help --commands | awk -F'\t' -v m="$1" '{ n = split($2, a, " "); for (i = 1; i <= n; i++) if (a[i] == m) print $1 }'
}

# Fail the case unless every write command of the program has a line in write_invocations, and
# every line names a write command of the program.
check_invocations_cover_tree() {
    commands_marked writes >"$T/tree_writes"
    check
    [ -s "$T/tree_writes" ] || fail "werkstatt help --commands lists no command that writes"
    write_invocations | cut -d'|' -f1 >"$T/table_writes"
    while read -r path; do
        check
        grep -qxF "$path" "$T/table_writes" || fail "write command '$path' has no invocation in tests/cli/every_write.sh"
    done <"$T/tree_writes"
    while read -r path; do
        check
        grep -qxF "$path" "$T/tree_writes" || fail "'$path' in tests/cli/every_write.sh is not a write command of werkstatt"
    done <"$T/table_writes"
}

# Fill the test database with records of every kind the write commands act on; set EXTRA_BATCH
# to an import batch that can be undone.
prepare_every_kind() {
    case_ "prepare a database with every kind of record"
    printf 'key,name,plz\nimp,Import GmbH,39104\n' >"$T/companies.csv"
    printf 'key,organisation,service,topics,plz\nimp-1,Traeger,Beratung,language,39104\n' >"$T/advisors.csv"
    head -1 "$TESTDATA/match/openings.csv" >"$T/openings.csv"
    echo 'pflege,P-9,Pflegehilfskraft (m/w/d),81301,B1,06108,Halle (Saale),1,2027-02-01,2027-04-01,,,false,,open' >>"$T/openings.csv"
    head -1 "$TESTDATA/match/candidates.csv" >"$T/candidates.csv"
    echo 'HA-1;w;Dana;Neu;01.02.1991;syrisch;06108;Halle (Saale);81301;Pflegehelferin;B1;;Niederlassungserlaubnis;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;' >>"$T/candidates.csv"
    head -1 "$TESTDATA/match/candidates.csv" >"$T/extra.csv"
    echo 'EX-1;m;Emil;Extra;01.02.1992;syrisch;39104;Magdeburg;71402;Buerokaufmann;B1;;Niederlassungserlaubnis;nicht erforderlich;B;01.01.2027;30;31.12.2028;;;' >>"$T/extra.csv"
    for step in \
        "init" \
        "company add --key spedition --name Spedition --plz 39104 --city Magdeburg --can-host --capacity 20" \
        "company add --key pflege --name Pflege --plz 06108 --can-host" \
        "company add --key alt --name Alt --plz 39104" \
        "contact add --company spedition --name Anna" \
        "contact add --company pflege --name Ben" \
        "event add --date 2027-03-18 --host spedition" \
        "event add --date 2027-06-17 --host pflege" \
        "event add --date 2020-03-12 --host spedition" \
        "event register 3 --contact 1" \
        "event block pflege 2027Q4" \
        "opening import $TESTDATA/match/openings.csv" \
        "candidate import $TESTDATA/match/candidates.csv --profile ba --source jc-md" \
        "candidate import $T/extra.csv --profile ba --source jc-extra" \
        "match --assign --commit --date 2026-12-01" \
        "placement set CP-F 3 hired --date 2027-01-15" \
        "candidate exit 3 --date 2027-03-01 --situation job-searching" \
        "candidate merge 6 7 --yes" \
        "advisor add --key alt --organisation Alt --service Alt --topic language --plz 39104"; do
        # shellcheck disable=SC2086
        run $step
        check
        [ "$status" -eq 0 ] || fail "setup step failed: werkstatt $step"
    done
    EXTRA_BATCH=$(sql "SELECT max(id) FROM import_batch")
    # A shipped funding instrument missing from the database, for `catalogue update` to bring back.
    sql "DELETE FROM funding_instrument WHERE id = (SELECT max(id) FROM funding_instrument)"
    # A backup of this state, for `db restore` (first in write_invocations: it brings back
    # exactly this database, with the backup's own audit row).
    run db backup "$T/backup.db"
    check
    [ "$status" -eq 0 ] || fail "setup step failed: werkstatt db backup"

}
