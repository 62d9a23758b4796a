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
