#!/bin/sh
# werkstatt match: rankings with reasons, every scored pair, the optimal global proposal, and the
# errors around them. The instance (tests/data/match/) is small enough to check by hand: the best
# single pair (CP-A for opening 1) is not part of the best proposal, so a greedy match would fail.
. "$(dirname "$0")/lib.sh"
D="$TESTDATA/match"
DAY="--date 2026-12-01"

case_ "an empty pool is reported, not silently empty"
run init
run match --assign $DAY
expect_error 66 "nothing to match"
run company add --key spedition --name "Spedition Elbe GmbH" --plz 39104 --city Magdeburg
run company add --key pflege --name "Saale-Pflege gGmbH" --plz 06108
run opening import "$D/openings.csv"
run match --scores $DAY
expect_error 66 "no active candidate"
run candidate import "$D/candidates.csv" --profile ba --source jc-md
expect_status 0

case_ "match --opening: best first, ties by id, hard rules counted"
run match --opening 1 $DAY
expect_status 0
expect_out <<'OUT'
RANK  CANDIDATE  SOURCE   SCORE  OCCUPATION  GERMAN  DISTANCE  PERMIT  RECOGNITION  AVAILABILITY  DISTANCE KM
   1  CP-A       jc-md      100          40      25        15      10            5             5            0
   2  CP-B       jc-md     98.6          40      25      13.6      10            5             5          2.8
   3  CP-D       jc-md   78.544          40  16.667     14.25     2.5          2.5         2.627          1.5
OUT
expect_err_has "3 shown; excluded by hard rules: not-allowed-to-work 1, consent-expired 1, too-far 1"
run match --opening 1 --top 2 $DAY --format csv
expect_status 0
check; [ "$(wc -l <"$T/out")" -eq 3 ] || fail "--top 2 gave $(wc -l <"$T/out") lines"
expect_out_lacks "CP-D"

case_ "match --opening --explain: every part with its reason and the rules that applied"
run match --opening 1 --explain $DAY
expect_status 0
expect_out_has "1. candidate CP-A (jc-md, id 1): score 100 of 100"
expect_out_has "   occupation 40 of 40: KldB 52122 for 52122: the same occupation and level"
expect_out_has "   german 16.667 of 25: German A1, opening asks A2: 1 level below"
expect_out_has "   distance 13.6 of 15: lives 2.8 km away, willing to travel 30 km"
expect_out_has "   permit 2.5 of 10: residence status duldung: employment needs the approval of the Ausländerbehörde"
expect_out_lacks "CP-F"
expect_out_has "excluded by hard rules: not-allowed-to-work 1, consent-expired 1, too-far 1"
run match --opening 1 --explain $DAY --format json
expect_status 0
check; python3 - "$T/out" <<'PY' || fail "explained JSON"
import json, sys
rows = json.load(open(sys.argv[1]))
assert [r["candidate"] for r in rows] == ["CP-A", "CP-B", "CP-D"], rows
d = rows[2]
assert d["german_reason"] == "German A1, opening asks A2: 1 level below", d
assert abs(d["score"] - sum(d[p] for p in ("occupation", "german", "distance", "permit", "recognition", "availability"))) < 1e-9
PY

case_ "match --explain in German: whole translated sentences, decimal commas, German dates"
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" match --opening 1 --explain $DAY >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "1. Bewerber/in CP-A (jc-md, ID 1): 100 von 100 Punkten"
expect_out_has "   Deutsch 16,667 von 25: Deutsch A1, Stellenangebot verlangt A2: 1 Niveaustufe darunter"
expect_out_has "   Entfernung 13,6 von 15: wohnt 2,8 km entfernt, bereit zu 30 km Arbeitsweg"
expect_out_has "   Verfügbarkeit 2,627 von 5: verfügbar ab 01.03.2027, 28 Tage nach dem Beginn 01.02.2027"
expect_out_has "durch harte Regeln ausgeschlossen: keine Arbeitserlaubnis 1, Einwilligung abgelaufen 1, zu weit entfernt 1"
expect_out_lacks " of "
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" match --opening 1 $DAY >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_err_has "3 angezeigt; durch harte Regeln ausgeschlossen: keine Arbeitserlaubnis 1"
# The machine format keeps its keys and codes in any language.
LC_ALL=de_DE.UTF-8 "$WERKSTATT" --db "$DB" match --opening 1 $DAY --format json >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has '"german": 16.667'

case_ "match --candidate by agency reference: the openings, best first"
run match --candidate CP-A $DAY --format csv
expect_status 0
expect_csv <<'OUT'
rank,opening,company,title,score,occupation,german,distance,permit,recognition,availability,distance_km,permit_warning
1,1,spedition,Berufskraftfahrer (m/w/d),100,40,25,15,10,5,5,0,
2,2,spedition,Berufskraftfahrer CE (m/w/d),84,24,25,15,10,5,5,0,
OUT
run match --candidate 4 --explain $DAY
expect_status 0
expect_out_has "2. opening 2 \"Berufskraftfahrer CE (m/w/d)\" at spedition: score 54.21 of 100"
expect_out_has "excluded by hard rules: occupation-unrelated 1"

case_ "match --scores: every feasible pair, checkable by another tool"
run match --scores $DAY --format csv
expect_status 0
expect_csv <<'OUT'
candidate,source,candidate_id,opening,company,score,occupation,german,distance,permit,recognition,availability,distance_km,permit_warning
CP-A,jc-md,1,1,spedition,100,40,25,15,10,5,5,0,
CP-A,jc-md,1,2,spedition,84,24,25,15,10,5,5,0,
CP-B,jc-md,2,1,spedition,98.6,40,25,13.6,10,5,5,2.8,
CP-D,jc-md,4,1,spedition,78.544,40,16.667,14.25,2.5,2.5,2.627,1.5,
CP-D,jc-md,4,2,spedition,54.21,24,8.333,14.25,2.5,2.5,2.627,1.5,
OUT
expect_err_has "5 feasible pairs of 6 candidates and 3 openings"
cp "$T/out" "$T/scores.csv"
run match --scores $DAY --format json
expect_status 0
check; python3 - "$T/out" "$T/scores.csv" <<'PY' || fail "scores JSON differs from CSV"
import csv, json, sys
rows = json.load(open(sys.argv[1]))
table = list(csv.DictReader(open(sys.argv[2], newline="")))
assert len(rows) == len(table) == 5
for j, c in zip(rows, table):
    assert j["candidate"] == c["candidate"] and j["opening"] == int(c["opening"])
    assert abs(j["score"] - float(c["score"])) < 1e-9
PY

case_ "match --assign: optimal, not greedy; the total is the sum of the chosen pairs"
run match --assign $DAY --format json
expect_status 0
cp "$T/out" "$T/assign.json"
check; python3 - "$T/out" "$T/scores.csv" <<'PY' || fail "assignment is not the optimum"
import csv, itertools, json, sys
doc = json.load(open(sys.argv[1]))
pairs = {(r["candidate"], int(r["opening"])): round(float(r["score"]) * 1000)
         for r in csv.DictReader(open(sys.argv[2], newline=""))}
got = {(a["candidate"], a["opening"]) for a in doc["assignments"]}
assert got == {("CP-B", 1), ("CP-A", 2)}, got
assert doc["run"] is None and doc["assigned"] == 2 and doc["feasible_pairs"] == 5
assert round(doc["total"] * 1000) == sum(pairs[p] for p in got)
# Exhaustive check: no set of pairs (each candidate once, each opening within 1 position) is better.
best = 0
keys = list(pairs)
for n in range(len(keys) + 1):
    for combo in itertools.combinations(keys, n):
        cs = [c for c, _ in combo]
        os_ = [o for _, o in combo]
        if len(set(cs)) == len(cs) and len(set(os_)) == len(os_):
            best = max(best, sum(pairs[p] for p in combo))
assert best == round(doc["total"] * 1000), (best, doc["total"])
PY
expect_err_has "optimal proposal: 2 of 6 candidates to 3 openings, total score 182.6 (5 feasible pairs); nothing stored (add --commit)"
check; [ "$(sql "SELECT count(*) FROM match_run") $(sql "SELECT count(*) FROM placement")" = "0 0" ] || fail "without --commit something was stored"
run match --assign $DAY
expect_status 0
expect_out <<'OUT'
OPENING  COMPANY    TITLE                         CANDIDATE  SOURCE  CANDIDATE ID  SCORE
      1  spedition  Berufskraftfahrer (m/w/d)     CP-B       jc-md              2   98.6
      2  spedition  Berufskraftfahrer CE (m/w/d)  CP-A       jc-md              1     84
OUT

case_ "the same database and config give the same bytes"
for mode in "--scores" "--assign"; do
    run match $mode $DAY --format csv
    cp "$T/out" "$T/first"
    run match $mode $DAY --format csv
    check; cmp -s "$T/first" "$T/out" || fail "$mode differs between two runs"
done

case_ "gender, birth date, nationality and name change no score and no proposal (AGG § 1)"
run match --scores $DAY --format csv
cp "$T/out" "$T/scores-before"
run match --assign $DAY --format json
cp "$T/out" "$T/assign-before"
sql "UPDATE candidate SET gender = CASE gender WHEN 'female' THEN 'male' ELSE 'female' END,
     birth_date = '1950-01-01', nationality = 'afghanisch', nationality_code = 'AF',
     first_name = 'Max', last_name = 'Mustermann', employment_at_entry = 'inactive', isced = 2"
check; [ "$(sql "SELECT count(DISTINCT gender) FROM candidate")" -ge 1 ] || fail "update did nothing"
run match --scores $DAY --format csv
check; cmp -s "$T/scores-before" "$T/out" || fail "scores changed with protected facts"
run match --assign $DAY --format json
check; cmp -s "$T/assign-before" "$T/out" || fail "proposal changed with protected facts"
# #16: the pool's freshness facts neither: a confirmation day within exchange.pause_days, the
# record's age, a permit that ends well after the start, a card shared with a member.
sql "UPDATE candidate SET confirmed_on = '2026-06-05', created_at = '2020-01-01T00:00:00Z',
     permit_until = '2030-01-01';
     INSERT INTO card_share (candidate_id, company_id, opening_id, shared_at)
     SELECT id, 1, 1, '2026-11-01T10:00:00Z' FROM candidate"
run match --scores $DAY --format csv
check; cmp -s "$T/scores-before" "$T/out" || fail "scores changed with confirmation or permit facts"
run match --assign $DAY --format json
check; cmp -s "$T/assign-before" "$T/out" || fail "proposal changed with confirmation or permit facts"
# One day more and the pause rule (time, not a person's trait) takes them all out.
sql "UPDATE candidate SET confirmed_on = '2026-06-04'"
run match --scores $DAY --format csv
check; [ "$(tr -d '\r' <"$T/out" | wc -l)" = 1 ] || fail "not paused after 180 days"
expect_err_has "paused 5"
sql "UPDATE candidate SET confirmed_on = NULL, created_at = '2026-11-01T00:00:00Z', permit_until = NULL; DELETE FROM card_share"

case_ "weights from [match.weights] change the scores; bad weights are refused"
run --set match.weights.occupation=0 --set match.weights.german=50 match --candidate CP-A $DAY --format csv
expect_status 0
expect_out_has "1,1,spedition,Berufskraftfahrer (m/w/d),85,0,50,15,10,5,5,0"
before=$(db_fingerprint)
run --set match.weights.german=-1 match --assign $DAY
expect_error 78 "match.weights.german"
run --set match.weights.german=viel match --assign $DAY
expect_error 78 "must be a number"
mkdir -p "$HOME/.config/werkstatt"
printf '[match.weights]\ndistance = "weit"\n' >"$HOME/.config/werkstatt/config.toml"
run match --assign $DAY
expect_error 78 "config.toml:2: key 'match.weights.distance' must be a number, not a string; change the value"
printf '[match.weights]\ndistance = 12.5\npermit = 0\n' >"$HOME/.config/werkstatt/config.toml"
run match --opening 1 --top 1 $DAY --format csv
expect_status 0
expect_out_has "1,CP-A,jc-md,1,87.5,40,25,12.5,0,5,5,0"
rm "$HOME/.config/werkstatt/config.toml"
run --set match.weights.occupation=0 --set match.weights.german=0 --set match.weights.distance=0 \
    --set match.weights.permit=0 --set match.weights.recognition=0 --set match.weights.availability=0 \
    match --assign $DAY
expect_status 0
expect_err_has "every match.weights.* is 0"
expect_err_has "optimal proposal: 0 of 6"
check; [ "$before" = "$(db_fingerprint)" ] || fail "a refused match changed the database"

case_ "unknown ids and wrong use get one clear line"
run match --opening 99 $DAY
expect_error 66 "no opening 99"
run match --candidate CP-NOPE $DAY
expect_error 66 "CP-NOPE"
run match --candidate CP-C $DAY
expect_status 0
expect_err_has "excluded by hard rules: not-allowed-to-work 3"
run match $DAY
expect_error 2 "exactly one of --opening ID, --candidate ID, --assign or --scores"
run match --assign --scores $DAY
expect_error 2 "exactly one of"
run match --scores --commit $DAY
expect_error 2 "--commit"
run match --assign --date 2026-13-01
expect_error 2 "--date"
run match --opening 1 --top 0 $DAY
expect_error 2 "--top"
run match --opening abc
expect_status 2
run opening close 3
run match --opening 3 $DAY
expect_error 69 "opening 3 is closed"
run candidate archive CP-F
run match --candidate CP-F $DAY
expect_error 69 "archived"

finish
