#!/bin/sh
# Crashes are harmless: werkstatt killed with SIGKILL at random moments while it writes (candidate
# import, match --assign --commit, candidate remove, privacy purge, catalogue update) leaves a
# database that passes integrity_check, holds either everything the command writes or nothing of
# it (counts and audit rows together), no temporary files beside the database or the output,
# and the same command run again completes as it would have.
#
# Each command is first run twice on a copy of its starting database, to measure how long it
# takes and to record the state after one and after two runs ("state": row counts of the
# tables it writes and its audit rows by entity and action). Each trial then copies the
# starting database, starts the command, kills it after a random delay between 0 and 1.2 times
# the measured time, checks, and reruns it. KILL_LOOP_TRIALS (default 50, spread over the five
# commands) and KILL_LOOP_ROWS (default 2000 candidates) are set lower under the sanitizers.
# KILL_LOOP_SEED repeats the delays of a run (as fractions of the measured times). The summary
# line says how many kills landed while the command ran and how many after it had finished.
. "$(dirname "$0")/lib.sh"

TRIALS=${KILL_LOOP_TRIALS:-50}
ROWS=${KILL_LOOP_ROWS:-2000}
SEED=${KILL_LOOP_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
PER=$(((TRIALS + 4) / 5))
echo "kill loop: $TRIALS trials ($PER per command), $ROWS candidates, seed $SEED"

W="$T/w" # the database and the import's rejects file, and nothing else
mkdir -p "$W"
DB="$W/werkstatt.db"

# The agency file, the openings and an admin's advisory services file (catalogue update).
python3 - "$TESTDATA/import/ba_utf8.csv" "$T" "$ROWS" <<'EOF'
import sys
head = open(sys.argv[1], encoding="utf-8").readline()
t, rows = sys.argv[2], int(sys.argv[3])
with open(f"{t}/agency.csv", "w", encoding="utf-8", newline="") as f:
    f.write(head)
    for i in range(rows):
        kldb = ("52122", "81302", "29302")[i % 3]
        until = "31.12.2026" if i % 10 == 0 else "31.12.2099"  # privacy purge erases a tenth
        f.write(f"K-{i:06d};w;Vorname{i};Nachname{i};01.02.1990;syrisch;39104;Magdeburg;{kldb};"
                f"Beruf;B1;ar:C2;Duldung;voll;B;01.03.2027;50;{until};n{i}@example.org;"
                f"0391 {i};Bemerkung {i}\n")
with open(f"{t}/openings.csv", "w", encoding="utf-8", newline="") as f:
    f.write("company,reference,title,kldb,german,plz,city,positions,start_date,latest_start,"
            "licence,max_distance_km,needs_recognition,notes,status\n")
    for i in range(60):
        kldb = ("52122", "81302", "29302")[i % 3]
        f.write(f"spedition,O-{i:03d},Stelle {i},{kldb},A2,39104,Magdeburg,3,2027-04-01,,,,"
                f"false,,open\n")
with open(f"{t}/advisors.csv", "w", encoding="utf-8", newline="") as f:
    f.write("key,organisation,service,topics,districts,plz,city\n")
    for i in range(600):
        f.write(f"kl-{i:05d},Beratung {i},Beratung,work-permit,15003,39104,Magdeburg\n")
EOF

# Keep the current database as snapshot $1. No rollback journal is left after a clean run; in
# WAL mode the log is checkpointed into the file first, so that the copy holds everything.
snapshot() {
    check
    [ ! -e "$DB-journal" ] || fail "a rollback journal is left after a clean run"
    [ ! -e "$DB-wal" ] || sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    cp "$DB" "$T/$1.db"
}
# Start over from snapshot $1.
restore() {
    rm -f "$W"/* "$W"/.[!.]* 2>/dev/null
    cp "$T/$1.db" "$DB"
}

case_ "the starting databases"
run init
expect_status 0
run company add --key spedition --name "Spedition Elbe GmbH" --plz 39104 --city Magdeburg
expect_status 0
run opening import "$T/openings.csv"
expect_status 0
snapshot empty
run candidate import "$T/agency.csv" --profile ba --source jc
expect_status 0
snapshot pool
# Within exchange.pause_days of the import (today), so that nobody is paused from matching.
run match --assign --commit --date 2027-05-01
expect_status 0
snapshot matched
REMOVED=$(sql "SELECT c.reference FROM placement p JOIN candidate c ON c.id = p.candidate_id ORDER BY p.id LIMIT 1")
check; [ -n "$REMOVED" ] || fail "the match proposed no pair: no candidate with a placement to remove"
# From here on, the admin's advisory services file (after init, which would load it).
mkdir -p "$XDG_CONFIG_HOME/werkstatt"
printf '[catalogue]\nadvisor_files = ["%s"]\n' "$T/advisors.csv" >"$XDG_CONFIG_HOME/werkstatt/config.toml"

# The rows a command writes, with its audit rows: "before" and "after" must differ.
state() {
    sqlite3 "$DB" "SELECT
        (SELECT count(*) FROM candidate) || ' candidates, ' ||
        (SELECT count(*) FROM candidate WHERE purged_on IS NOT NULL) || ' purged, ' ||
        (SELECT count(*) FROM consent) || ' consents, ' ||
        (SELECT count(*) FROM import_batch) || ' batches, ' ||
        (SELECT count(*) FROM import_change) || ' before-images, ' ||
        (SELECT count(*) FROM match_run) || ' runs, ' ||
        (SELECT count(*) FROM match_assignment) || ' pairs, ' ||
        (SELECT count(*) FROM placement) || ' placements, ' ||
        (SELECT count(*) FROM advisor) || ' advisors, ' ||
        (SELECT count(*) FROM funding_instrument) || ' instruments; audit: ' ||
        (SELECT group_concat(n, ' ') FROM
            (SELECT entity || '/' || action || '=' || count(*) AS n FROM audit_log
             GROUP BY entity, action ORDER BY entity, action))"
}

# Files in $W other than the database, SQLite's own journal, log and shared memory, and the
# import's rejects file: temporaries left by a killed writer.
strays() {
    ls -A "$W" | grep -vxE 'werkstatt\.db(-journal|-wal|-shm)?|rejects\.csv' | tr '\n' ' '
}

mid=0
after=0
total=0
timings=""

# kill_trials NAME SNAPSHOT COMMAND...: measure, then $PER trials.
kill_trials() {
    name=$1
    snap=$2
    shift 2
    case_ "$name: measured"
    restore "$snap"
    s0=$(state)
    start=$(date +%s%N)
    run "$@"
    ms=$((($(date +%s%N) - start) / 1000000))
    st1=$status s1=$(state)
    check; [ "$st1" -eq 0 ] || fail "the first run failed"
    check; [ "$s1" != "$s0" ] || fail "the command changed nothing: $s0"
    run "$@"
    st2=$status s2=$(state)
    timings="$timings $name=${ms}ms"
    echo "$name: ${ms} ms; before: $s0"
    echo "$name: after: $s1"
    delays=$(awk -v seed="$SEED$name" -v n="$PER" -v ms="$ms" 'BEGIN {
        s = 0; for (i = 1; i <= length(seed); i++) s = (s * 31 + index("0123456789abcdefghijklmnopqrstuvwxyz_-", substr(seed, i, 1))) % 2147483647
        srand(s); for (i = 0; i < n; i++) printf "%.3f ", rand() * 1.2 * ms / 1000 }')
    trial=0
    for delay in $delays; do
        trial=$((trial + 1))
        total=$((total + 1))
        case_ "$name: trial $trial, kill after $delay s"
        restore "$snap"
        "$WERKSTATT" --db "$DB" "$@" >"$T/out" 2>"$T/err" </dev/null &
        pid=$!
        sleep "$delay"
        kill -9 "$pid" 2>/dev/null
        { wait "$pid"; } 2>/dev/null
        status=$?
        if [ "$status" -eq 137 ]; then mid=$((mid + 1)); else after=$((after + 1)); fi
        check; [ -z "$(strays)" ] || fail "left beside the database: $(strays)"
        integrity=$(sqlite3 "$DB" "PRAGMA integrity_check" 2>&1)
        check; [ "$integrity" = ok ] || fail "integrity_check: $integrity"
        fk=$(sqlite3 "$DB" "PRAGMA foreign_key_check" 2>&1)
        check; [ -z "$fk" ] || fail "foreign_key_check: $fk"
        k=$(state)
        if [ "$k" = "$s0" ]; then
            want_status=$st1 want=$s1
        elif [ "$k" = "$s1" ]; then
            want_status=$st2 want=$s2
        else
            check; fail "half done: $k; before: $s0; after: $s1"
            continue
        fi
        run "$@"
        expect_status "$want_status"
        check; [ "$(state)" = "$want" ] || fail "after the rerun: $(state); expected $want"
        check; [ -z "$(strays)" ] || fail "left beside the database after the rerun: $(strays)"
        check; [ ! -s "$DB-journal" ] || fail "a hot journal after the rerun"
    done
}

kill_trials "candidate import" empty candidate import "$T/agency.csv" --profile ba --source jc --rejects "$W/rejects.csv"
kill_trials "match --assign --commit" pool match --assign --commit --date 2027-05-01
kill_trials "candidate remove" matched candidate remove "$REMOVED" --source jc --yes
kill_trials "privacy purge" matched privacy purge --date 2027-06-01
# The shipped catalogue is in the database since init; the admin's file brings 600 entries.
kill_trials "catalogue update" empty catalogue update

case_ "summary"
echo "kill loop: $total kills, $mid while the command ran, $after after it had finished;$timings"
check; [ "$total" -ge "$TRIALS" ] || fail "only $total trials"
finish
