-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 11: one person reported twice. `candidate merge` keeps one record; the other's
-- source and reference stay known here, so that a later import of it updates the kept record.
CREATE TABLE candidate_reference (
    candidate_id  INTEGER NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
    source        TEXT NOT NULL,
    reference     TEXT NOT NULL,
    merge_id      INTEGER NOT NULL,       -- the merge that brought it
    PRIMARY KEY (source, reference)
) WITHOUT ROWID;

-- One `candidate merge KEEP OTHER` with what its undo needs: the before-images (JSON of every
-- row the merge changed or deleted). They hold personal data: `candidate remove` of either
-- person deletes the merge, `privacy purge` erases the images after privacy.claim_months, and
-- an undo erases them as it puts the rows back.
CREATE TABLE candidate_merge (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    keep_id          INTEGER NOT NULL,        -- the candidate kept
    other_id         INTEGER NOT NULL,        -- the candidate merged into it (deleted)
    other_source     TEXT NOT NULL,
    other_reference  TEXT NOT NULL,
    filled           TEXT NOT NULL DEFAULT '', -- KEEP's columns filled from OTHER, comma-separated
    keep_before      TEXT,                    -- JSON: KEEP's row, and its placements replaced
    keep_after       TEXT,                    -- JSON: KEEP's row just after the merge
    other_image      TEXT,                    -- JSON: OTHER's rows, and which moved to KEEP
    merged_at        TEXT NOT NULL,           -- UTC, YYYY-MM-DDTHH:MM:SSZ
    undone_at        TEXT,
    images_purged_on TEXT                     -- the day `privacy purge` erased the images
);
CREATE INDEX candidate_merge_keep ON candidate_merge (keep_id);
CREATE INDEX candidate_merge_other ON candidate_merge (other_id);
