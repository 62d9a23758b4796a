#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build a large werkstatt database for the report benchmark.

Usage: gen_db.py WERKSTATT DB [--candidates N] [--openings N] [--events N] [--placements N]
                 [--seed N]

`werkstatt init` creates DB first, so the schema is the real one; then one transaction fills it
with member companies, events with topics and registrations, openings, candidates with every
fact the reports read (schema 6 included) and placements along the exchange's path. The facts
follow plausible distributions (most candidates unemployed at entry, German levels around B1,
some exits with a situation, a six-month status for some of those). Dates span 2022 to 2027.
"""
import argparse
import datetime
import os
import random
import sqlite3
import subprocess
import sys

DISTRICTS = ["15001", "15002", "15003"] + [str(15081 + i) for i in range(11)]
# Weights: the cities and the populous districts have more candidates.
DISTRICT_WEIGHTS = [4, 12, 14, 6, 7, 9, 5, 7, 8, 9, 9, 6, 7, 5]
GERMAN = ["A1", "A2", "B1", "B2", "C1", "C2", "native", None]
GERMAN_WEIGHTS = [14, 22, 27, 18, 7, 2, 3, 7]
RESIDENCE = ["eu", "niederlassung", "schutz", "ukraine", "fachkraft", "blaue-karte",
             "gestattung", "duldung", "familie", "humanitaer", "chancenkarte", "unknown"]
RESIDENCE_WEIGHTS = [12, 6, 22, 18, 4, 1, 9, 6, 8, 5, 2, 7]
NATIONALITIES = [("SY", "syrisch"), ("UA", "ukrainisch"), ("AF", "afghanisch"),
                 ("IQ", "irakisch"), ("PL", "polnisch"), ("RO", "rumänisch"),
                 ("TR", "türkisch"), ("ER", "eritreisch"), ("VN", "vietnamesisch"),
                 ("DE", "deutsch"), (None, "")]
NATIONALITY_WEIGHTS = [22, 20, 10, 6, 6, 6, 7, 4, 4, 8, 7]
EMPLOYMENT = ["unemployed", "long-term-unemployed", "inactive", "employed", None]
EMPLOYMENT_WEIGHTS = [45, 18, 20, 9, 8]
GENDERS = ["female", "male", "diverse", "unspecified"]
GENDER_WEIGHTS = [44, 50, 1, 5]
HOUSING = ["housed", "housing-exclusion", "homeless", None]
HOUSING_WEIGHTS = [70, 8, 2, 20]
SENSITIVE = ["no", "yes", "declined", None]
SENSITIVE_WEIGHTS = [40, 6, 10, 44]
EXIT_SITUATIONS = ["job-searching", "education", "qualification", "employed", "self-employed",
                   "other"]
EXIT_WEIGHTS = [30, 14, 10, 34, 3, 9]
STATUS_6M = ["employed", "self-employed", "job-searching", "education", "inactive", "other"]
STATUS_6M_WEIGHTS = [42, 3, 28, 10, 12, 5]
KLDB = ["81302", "52122", "24412", "25102", "29302", "51312", "62102", "71402", "83112",
        "34202", "26112", "11101", "54101", "63302", "82101"]
COMPANY_SIZES = ["micro", "small", "medium", "large", None]
COMPANY_SIZE_WEIGHTS = [15, 35, 30, 12, 8]
FIRST = datetime.date(2022, 1, 1)
LAST = datetime.date(2027, 12, 31)
SPAN = (LAST - FIRST).days


def day(offset):
    return (FIRST + datetime.timedelta(days=offset)).isoformat()


def stamp(iso_day):
    return iso_day + "T09:00:00Z"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("werkstatt")
    parser.add_argument("db")
    parser.add_argument("--candidates", type=int, default=1_000_000)
    parser.add_argument("--openings", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--placements", type=int, default=100_000)
    parser.add_argument("--companies", type=int, default=400)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rnd = random.Random(args.seed)

    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(args.db + suffix):
            os.remove(args.db + suffix)
    subprocess.run([args.werkstatt, "--quiet", "--db", args.db, "init"], check=True)
    db = sqlite3.connect(args.db, isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("BEGIN")

    # Member companies, two contacts each; some left the network.
    companies = []
    for i in range(1, args.companies + 1):
        since = day(rnd.randrange(0, SPAN - 400))
        left = day(rnd.randrange(SPAN - 700, SPAN)) if rnd.random() < 0.08 else None
        companies.append((f"firma-{i:04}", f"Firma {i} GmbH", "Industrie", f"39{i % 1000:03}",
                          "Stadt", rnd.choices(DISTRICTS, DISTRICT_WEIGHTS)[0],
                          1 if rnd.random() < 0.4 else 0, rnd.randrange(15, 80), since,
                          0 if left else 1, rnd.choices(COMPANY_SIZES, COMPANY_SIZE_WEIGHTS)[0],
                          left, stamp(since), stamp(left or since)))
    db.executemany("INSERT INTO company (key, name, industry, plz, city, district_ags, can_host, "
                   "capacity, member_since, active, size, left_on, created_at, updated_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", companies)
    db.executemany("INSERT INTO contact (company_id, name, role, created_at, updated_at) "
                   "VALUES (?,?,?,?,?)",
                   [(c, f"Kontakt {c}-{k}", "Personal", "2022-01-01T09:00:00Z",
                     "2022-01-01T09:00:00Z")
                    for c in range(1, args.companies + 1) for k in (1, 2)])

    # Events: every few days over the span, most of them quarterly Werkstatt meetings.
    topics = [r[0] for r in db.execute("SELECT id FROM topic ORDER BY id")]
    events, event_topics, registrations = [], [], []
    today = datetime.date(2027, 6, 30).isoformat()
    for e in range(1, args.events + 1):
        date = day(int(e * SPAN / (args.events + 1)))
        kind = rnd.choices(["werkstatt", "site-visit", "fireside"], [60, 25, 15])[0]
        status = ("held" if rnd.random() < 0.93 else "cancelled") if date < today else "planned"
        host = rnd.randrange(1, args.companies + 1)
        events.append((f"bench-{e}@werkstatt", kind, date, "14:00", "17:00", host,
                       f"Werkstatt {e}", 40, status, stamp(date), stamp(date)))
        for pos, topic in enumerate(rnd.sample(topics, 2)):
            event_topics.append((e, topic, pos))
        for company in rnd.sample(range(1, args.companies + 1), rnd.randrange(8, 25)):
            contact = 2 * company - 1
            state = "registered" if status == "planned" else rnd.choices(
                ["attended", "excused", "no-show"], [75, 15, 10])[0]
            registrations.append((e, company, contact, state, stamp(date), stamp(date)))
    db.executemany("INSERT INTO event (uid, kind, date, start_time, end_time, host_company_id, "
                   "title, capacity, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   events)
    db.executemany("INSERT INTO event_topic (event_id, topic_id, position) VALUES (?,?,?)",
                   event_topics)
    db.executemany("INSERT INTO registration (event_id, company_id, contact_id, status, "
                   "registered_at, updated_at) VALUES (?,?,?,?,?,?)", registrations)

    # Openings of member companies.
    openings = []
    for o in range(1, args.openings + 1):
        created = day(rnd.randrange(0, SPAN))
        openings.append((rnd.randrange(1, args.companies + 1), f"S-{o}", "Stelle",
                         rnd.choice(KLDB), rnd.choices(GERMAN[:6], [2, 12, 40, 30, 12, 4])[0],
                         "39104", rnd.choices(DISTRICTS, DISTRICT_WEIGHTS)[0],
                         rnd.choices([1, 2, 3, 5], [70, 18, 8, 4])[0], created,
                         "closed" if rnd.random() < 0.55 else "open", stamp(created),
                         stamp(created)))
    db.executemany("INSERT INTO opening (company_id, reference, title, kldb, german, plz, "
                   "district_ags, positions, start_date, status, created_at, updated_at) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", openings)

    # Candidates, in chunks so that the generator's memory stays small.
    sql = ("INSERT INTO candidate (source, reference, plz, city, district_ags, kldb, german, "
           "residence_status, gender, birth_date, nationality, nationality_code, "
           "employment_at_entry, isced, entry_date, exit_date, active, created_at, updated_at, "
           "country_of_birth, second_nationality, second_nationality_code, foreign_background, "
           "unemployed_since, housing, disability, minority, exit_situation, "
           "status_6m, status_6m_date) "
           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
    # The reporting consents (schema 7), by reference, written after the candidates.
    db.execute("CREATE TEMP TABLE bench_consent (reference TEXT PRIMARY KEY, given_on TEXT)")
    consents = []
    chunk = []
    for c in range(1, args.candidates + 1):
        entry_offset = rnd.randrange(0, SPAN)
        entry = day(entry_offset)
        code, nationality = rnd.choices(NATIONALITIES, NATIONALITY_WEIGHTS)[0]
        employment = rnd.choices(EMPLOYMENT, EMPLOYMENT_WEIGHTS)[0]
        unemployed_since = None
        if employment in ("unemployed", "long-term-unemployed"):
            months = rnd.randrange(13, 60) if employment == "long-term-unemployed" \
                else rnd.randrange(0, 12)
            unemployed_since = (FIRST + datetime.timedelta(days=entry_offset - 30 * months)).isoformat()
        exit_day = exit_situation = status_6m = status_6m_date = None
        if rnd.random() < 0.45:
            exit_offset = min(SPAN, entry_offset + rnd.randrange(30, 540))
            exit_day = day(exit_offset)
            exit_situation = rnd.choices(EXIT_SITUATIONS, EXIT_WEIGHTS)[0]
            if exit_offset + 183 <= SPAN and rnd.random() < 0.6:
                status_6m = rnd.choices(STATUS_6M, STATUS_6M_WEIGHTS)[0]
                status_6m_date = day(exit_offset + 183)
        consent = entry if rnd.random() < 0.5 else None
        birth = datetime.date(rnd.randrange(1960, 2009), rnd.randrange(1, 13), rnd.randrange(1, 29))
        second = rnd.random() < 0.06
        chunk.append((
            rnd.choice(["jc-magdeburg", "jc-halle", "aa-dessau", "jc-harz"]), f"R{c:07}",
            "39104", "Magdeburg", rnd.choices(DISTRICTS, DISTRICT_WEIGHTS)[0]
            if rnd.random() < 0.97 else None,
            rnd.choice(KLDB) if rnd.random() < 0.9 else None,
            rnd.choices(GERMAN, GERMAN_WEIGHTS)[0],
            rnd.choices(RESIDENCE, RESIDENCE_WEIGHTS)[0],
            rnd.choices(GENDERS, GENDER_WEIGHTS)[0], birth.isoformat(), nationality, code,
            employment, rnd.choice([0, 1, 2, 3, 3, 4, 5, 6, 7, None]), entry, exit_day,
            0 if exit_day else 1, stamp(entry), stamp(exit_day or entry),
            (code if rnd.random() < 0.8 else None) if code != "DE" else
            rnd.choice(["DE", "DE", "SY", None]),
            "türkisch" if second else "", "TR" if second else None,
            rnd.choice([1, 1, 1, 0, None]) if code != "DE" else rnd.choice([0, 1, None]),
            unemployed_since, rnd.choices(HOUSING, HOUSING_WEIGHTS)[0],
            rnd.choices(SENSITIVE, SENSITIVE_WEIGHTS)[0] if consent else None,
            rnd.choices(SENSITIVE, SENSITIVE_WEIGHTS)[0] if consent else None,
            exit_situation, status_6m, status_6m_date))
        if consent:
            consents.append((f"R{c:07}", consent))
        if len(chunk) == 50_000:
            db.executemany(sql, chunk)
            chunk.clear()
    db.executemany(sql, chunk)
    db.executemany("INSERT INTO bench_consent VALUES (?, ?)", consents)
    db.execute("INSERT INTO consent (candidate_id, scope, given_on, source, recorded_at) "
               "SELECT candidate.id, 'reporting', given_on, 'form', given_on || 'T09:00:00Z' "
               "FROM bench_consent JOIN candidate USING (reference)")

    # Placements: distinct (candidate, opening) pairs along proposed -> introduced -> interview
    # -> hired, or declined / withdrawn on the way.
    pairs = set()
    placements = []
    while len(placements) < args.placements:
        candidate = rnd.randrange(1, args.candidates + 1)
        opening = rnd.randrange(1, args.openings + 1)
        if (candidate, opening) in pairs:
            continue
        pairs.add((candidate, opening))
        start = rnd.randrange(0, SPAN - 120)
        status = rnd.choices(["proposed", "introduced", "interview", "hired", "declined",
                              "withdrawn"], [10, 12, 8, 22, 35, 13])[0]
        introduced = interview = hired = closed = None
        t = start
        if status != "proposed":
            t += rnd.randrange(2, 20)
            introduced = day(t)
        if status in ("interview", "hired") or (status == "declined" and rnd.random() < 0.5):
            t += rnd.randrange(5, 30)
            interview = day(t)
        if status == "hired":
            t += rnd.randrange(3, 45)
            hired = day(t)
        if status in ("declined", "withdrawn"):
            t += rnd.randrange(1, 20)
            closed = day(t)
        placements.append((candidate, opening, status, stamp(day(start)), stamp(day(t)),
                           introduced, interview, hired, closed))
    db.executemany("INSERT INTO placement (candidate_id, opening_id, status, created_at, "
                   "updated_at, introduced_on, interview_on, hired_on, closed_on) "
                   "VALUES (?,?,?,?,?,?,?,?,?)", placements)
    db.execute("COMMIT")
    db.close()
    print(f"{args.db}: {args.companies} companies, {args.events} events, {args.openings} "
          f"openings, {args.candidates} candidates, {args.placements} placements",
          file=sys.stderr)


if __name__ == "__main__":
    main()
