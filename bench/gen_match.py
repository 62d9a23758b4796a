#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write member companies and their job openings for the matching benchmark.

    python3 bench/gen_match.py OPENINGS COMPANIES.csv OPENINGS.csv [--positions N] [--seed N]

Companies sit at real PLZ places of Sachsen-Anhalt (cities weighted as in gen_ba.py); each
opening asks for one of the KldB codes gen_ba.py gives candidates (a few hundred), a German level,
a start within the next months and, now and then, a driving licence, a distance limit or full
recognition (regulated care occupations). --positions N: every opening has N positions (default
1); 0 gives 1 to 3. Deterministic for the same arguments.
"""

import argparse
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_ba  # noqa: E402  (the same places and occupation codes as the candidates)

GERMAN = ["", "A2", "B1", "B1", "B2", "B2", "C1"]
LICENCE = ["", "", "", "", "", "", "", "", "B", "C1", "CE"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("openings", type=int)
    ap.add_argument("companies_out")
    ap.add_argument("openings_out")
    ap.add_argument("--positions", type=int, default=1)
    ap.add_argument("--seed", type=int, default=4711)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    places = gen_ba.load_places()
    codes = []
    for code4, title in gen_ba.OCCUPATIONS:
        for level in ("1", "2", "3"):
            codes.append((code4 + level, gen_ba.LEVEL_PREFIX[level] + title))

    company_count = max(1, args.openings // 8)
    companies = []
    with open(args.companies_out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["key", "name", "industry", "street", "plz", "city", "can_host", "capacity",
                    "member_since", "notes"])
        for i in range(company_count):
            plz, place = rng.choice(places)
            key = f"firma-{i:05d}"
            companies.append((key, plz, place))
            w.writerow([key, f"Firma {i} GmbH", "", "", plz, place, "nein", "", "", ""])

    with open(args.openings_out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=",", lineterminator="\n")
        w.writerow(["company", "reference", "title", "kldb", "german", "plz", "city",
                    "positions", "start_date", "latest_start", "licence", "max_distance_km",
                    "needs_recognition", "notes", "status"])
        for i in range(args.openings):
            key, plz, place = rng.choice(companies)
            code, title = rng.choice(codes)
            month = rng.randint(1, 12)
            start = f"2027-{month:02d}-01"
            latest = f"{2027 + (month + 3 > 12):04d}-{(month + 2) % 12 + 1:02d}-28"
            positions = args.positions or rng.choice([1, 1, 1, 2, 3])
            limit = rng.choice(["", "", "", "", "25", "40"])
            regulated = code.startswith("813") and rng.random() < 0.7
            w.writerow([key, f"S-{i:06d}", title, code, rng.choice(GERMAN), plz, place,
                        positions, start, latest, rng.choice(LICENCE), limit,
                        "true" if regulated else "false", "", "open"])


if __name__ == "__main__":
    main()
