-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 7: consent with a purpose (Art. 6 (1) a, Art. 7, Art. 9 (2) a GDPR). A person
-- consents per scope: matching (their record is used in the network's matching), sharing
-- (profile cards go to member companies) and reporting (the special categories are counted in
-- funder reports; anonymous counts need no consent). One row per candidate and scope, kept up to
-- date; the audit log keeps what it was before.
CREATE TABLE consent (
    candidate_id  INTEGER NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
    scope         TEXT NOT NULL CHECK (scope IN ('matching', 'sharing', 'reporting')),
    given_on      TEXT,                   -- YYYY-MM-DD; NULL: the source did not say
    valid_until   TEXT,                   -- the last day it holds, YYYY-MM-DD; NULL: until withdrawn
    withdrawn_on  TEXT,                   -- YYYY-MM-DD the person withdrew it; NULL: not withdrawn
    source        TEXT NOT NULL CHECK (source IN ('agency-file', 'form', 'by-hand')),
    batch_id      INTEGER REFERENCES import_batch (id), -- the import that brought it
    recorded_at   TEXT NOT NULL,
    PRIMARY KEY (candidate_id, scope)
) WITHOUT ROWID;

-- The agency's "Einwilligung bis" was the consent to be matched and to have the profile shared.
INSERT INTO consent (candidate_id, scope, valid_until, source, batch_id, recorded_at)
    SELECT c.id, s.scope, c.consent_until,
           CASE WHEN c.batch_id IS NULL THEN 'by-hand' ELSE 'agency-file' END, c.batch_id,
           c.updated_at
    FROM candidate AS c, (SELECT 'matching' AS scope UNION ALL SELECT 'sharing') AS s
    WHERE c.consent_until IS NOT NULL;
-- The day a person consented to the special categories was their consent to reporting.
INSERT INTO consent (candidate_id, scope, given_on, source, recorded_at)
    SELECT id, 'reporting', sensitive_consent, 'by-hand', updated_at
    FROM candidate WHERE sensitive_consent IS NOT NULL;

-- The consent table is now the one truth: the columns it was filled from go.
ALTER TABLE candidate DROP COLUMN consent_until;
ALTER TABLE candidate DROP COLUMN sensitive_consent;
