-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 14: the consent table's checks as comparisons. SQLite 3.40 checks a
-- "scope IN ('matching', 'sharing', 'reporting')" constraint by building a temporary b-tree of
-- the list for every single-row INSERT, and an import writes one or two consent rows per
-- person: that alone made a first import of an agency file three times as slow. The rows and
-- what the table allows stay exactly as they were (schema 7).
CREATE TABLE consent_new (
    candidate_id  INTEGER NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
    scope         TEXT NOT NULL
                  CHECK (scope = 'matching' OR scope = 'sharing' OR scope = 'reporting'),
    given_on      TEXT,                   -- YYYY-MM-DD; NULL: the source did not say
    valid_until   TEXT,                   -- the last day it holds, YYYY-MM-DD; NULL: until withdrawn
    withdrawn_on  TEXT,                   -- YYYY-MM-DD the person withdrew it; NULL: not withdrawn
    source        TEXT NOT NULL
                  CHECK (source = 'agency-file' OR source = 'form' OR source = 'by-hand'),
    batch_id      INTEGER REFERENCES import_batch (id), -- the import that brought it
    recorded_at   TEXT NOT NULL,
    PRIMARY KEY (candidate_id, scope)
) WITHOUT ROWID;
INSERT INTO consent_new (candidate_id, scope, given_on, valid_until, withdrawn_on, source,
                         batch_id, recorded_at)
    SELECT candidate_id, scope, given_on, valid_until, withdrawn_on, source, batch_id,
           recorded_at
    FROM consent;
DROP TABLE consent;
ALTER TABLE consent_new RENAME TO consent;
