-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 4: matching. A committed `match --assign` run with the pairs it proposed,
-- and the placements that coordinators move from proposed to hired, declined or withdrawn.

-- One committed global proposal, with the settings it was computed with.
CREATE TABLE match_run (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    reference_day TEXT NOT NULL,          -- YYYY-MM-DD the availability rules were checked for
    settings      TEXT NOT NULL,          -- weights and limits, as "key=value; ..."
    candidates    INTEGER NOT NULL,       -- size of the pool
    openings      INTEGER NOT NULL,
    pairs         INTEGER NOT NULL,       -- feasible pairs
    assigned      INTEGER NOT NULL,
    total_milli   INTEGER NOT NULL,       -- the maximised total score, in thousandths of a point
    created_at    TEXT NOT NULL
);

-- A pair of the run's proposal, with its score parts and reasons (AGG § 22: proposals keep them).
CREATE TABLE match_assignment (
    run_id        INTEGER NOT NULL REFERENCES match_run (id),
    candidate_id  INTEGER NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
    opening_id    INTEGER NOT NULL REFERENCES opening (id),
    score_milli   INTEGER NOT NULL,
    explanation   TEXT NOT NULL,          -- one reason per line
    PRIMARY KEY (run_id, candidate_id)
);

-- Where a pair stands: proposed -> introduced -> interview -> hired | declined | withdrawn.
CREATE TABLE placement (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    candidate_id  INTEGER NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
    opening_id    INTEGER NOT NULL REFERENCES opening (id),
    status        TEXT NOT NULL CHECK (status IN ('proposed', 'introduced', 'interview', 'hired',
                                                  'declined', 'withdrawn')),
    run_id        INTEGER REFERENCES match_run (id), -- the run that proposed it; NULL if by hand
    score_milli   INTEGER,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (candidate_id, opening_id)
);
CREATE INDEX placement_opening ON placement (opening_id);
