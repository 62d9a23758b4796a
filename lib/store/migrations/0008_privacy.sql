-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 8: retention that runs itself (`privacy purge`) and the files werkstatt wrote
-- with personal data in them (`privacy files`).

-- The day `privacy purge` erased the person (Art. 17 GDPR, storage limitation Art. 5 (1) e).
-- The row stays as an anonymous remnant so that reports of past periods keep their figures: its
-- names, contacts and free texts are blanked, its reference is a random token and the facts the
-- reports count are generalised as far as they allow. Nothing but the reports reads it.
ALTER TABLE candidate ADD COLUMN purged_on TEXT;

-- The day `privacy purge` erased the before-images of an import batch (`import undo` then
-- refuses the batch).
ALTER TABLE import_batch ADD COLUMN images_purged_on TEXT;

-- A file werkstatt wrote that holds personal data: a rejects file of an import, an export of a
-- person's data, a profile card, a report naming persons.
CREATE TABLE written_file (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    path        TEXT NOT NULL,          -- absolute, as it was written
    kind        TEXT NOT NULL CHECK (kind IN ('rejects', 'export', 'card', 'report')),
    written_at  TEXT NOT NULL,          -- UTC, YYYY-MM-DDTHH:MM:SSZ
    persons     INTEGER NOT NULL,       -- how many persons' data it holds (rows, records)
    mode        INTEGER NOT NULL        -- the file's permission bits, e.g. 384 for 0600
);
-- The candidates a written file names, where werkstatt knows them (an export, a card). Kept
-- after `candidate remove`: the file may still hold the person.
CREATE TABLE written_file_person (
    file_id      INTEGER NOT NULL REFERENCES written_file (id) ON DELETE CASCADE,
    candidate_id INTEGER NOT NULL,
    PRIMARY KEY (file_id, candidate_id)
) WITHOUT ROWID;
CREATE INDEX written_file_person_candidate ON written_file_person (candidate_id);
