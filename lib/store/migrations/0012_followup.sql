-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 12: after the hire. A hire may name a mentor at the company (the person who
-- helps the new colleague settle in); follow-ups at set months after the hire ask whether the
-- person is still employed. (The day of the hire is placement.hired_on, schema 6.)
ALTER TABLE placement ADD COLUMN mentor_id INTEGER REFERENCES contact (id) ON DELETE SET NULL;

-- A follow-up of a hire: due `months` after the hire, and once asked, what became of it.
CREATE TABLE followup (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    placement_id  INTEGER NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
    months        INTEGER NOT NULL CHECK (months > 0),
    due_on        TEXT NOT NULL,          -- YYYY-MM-DD
    outcome       TEXT CHECK (outcome IS NULL OR outcome IN ('employed', 'left',
                                                             'changed-employer', 'unknown')),
    reason        TEXT NOT NULL DEFAULT '', -- why the person left or changed, in a few words
    note          TEXT NOT NULL DEFAULT '',
    recorded_on   TEXT,                   -- YYYY-MM-DD the outcome was asked
    UNIQUE (placement_id, months)
);
CREATE INDEX followup_due ON followup (due_on) WHERE outcome IS NULL;

-- Hires made before this version get the follow-ups of the default schedule (1, 3, 6 months).
INSERT INTO followup (placement_id, months, due_on)
    SELECT p.id, m.months, date(p.hired_on, '+' || m.months || ' months')
    FROM placement AS p, (SELECT 1 AS months UNION ALL SELECT 3 UNION ALL SELECT 6) AS m
    WHERE p.status = 'hired' AND p.hired_on IS NOT NULL;
