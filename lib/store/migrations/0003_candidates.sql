-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 3: the applicant exchange (Bewerberbörse): candidates from job agencies,
-- job openings of member companies, and the import batches that brought them.

-- One run of `candidate import` or `opening import`.
CREATE TABLE import_batch (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL CHECK (kind IN ('candidate', 'opening')),
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    profile      TEXT NOT NULL,
    source       TEXT NOT NULL,
    encoding     TEXT NOT NULL,
    rows_read    INTEGER NOT NULL DEFAULT 0,
    inserted     INTEGER NOT NULL DEFAULT 0,
    updated      INTEGER NOT NULL DEFAULT 0,
    unchanged    INTEGER NOT NULL DEFAULT 0,
    rejected     INTEGER NOT NULL DEFAULT 0,
    started_at   TEXT NOT NULL,
    finished_at  TEXT NOT NULL,
    undone_at    TEXT
);

-- A job seeker as an agency reported them. Matching uses only the fields of the first block;
-- the reporting facts (second block) feed the reports to funders and are never matching inputs.
CREATE TABLE candidate (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    source            TEXT NOT NULL,          -- the agency's label, e.g. "jc-magdeburg"
    reference         TEXT NOT NULL,          -- the agency's reference (Referenznummer)
    first_name        TEXT NOT NULL DEFAULT '',
    last_name         TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    plz               TEXT NOT NULL DEFAULT '',
    city              TEXT NOT NULL DEFAULT '',
    district_ags      TEXT,
    kldb              TEXT,                   -- target occupation, KldB 2010, 5 digits
    occupation        TEXT NOT NULL DEFAULT '',
    german            TEXT,                   -- CEFR level or 'native'
    languages         TEXT NOT NULL DEFAULT '', -- "ar:C2;en:B1"
    residence_status  TEXT NOT NULL DEFAULT 'unknown',
    recognition       TEXT,
    licences          TEXT NOT NULL DEFAULT '',
    available_from    TEXT,
    radius_km         INTEGER,
    consent_until     TEXT,                   -- consent to share the profile with members
    notes             TEXT NOT NULL DEFAULT '',
    -- reporting facts (ESF+), never matching inputs
    gender            TEXT NOT NULL DEFAULT 'unspecified',
    birth_date        TEXT,
    nationality       TEXT NOT NULL DEFAULT '', -- as the agency wrote it
    nationality_code  TEXT,                     -- ISO 3166-1 alpha-2 where known
    employment_at_entry TEXT,
    isced             INTEGER,
    entry_date        TEXT,
    exit_date         TEXT,
    active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_batch     INTEGER REFERENCES import_batch (id),
    batch_id          INTEGER REFERENCES import_batch (id), -- last import that wrote it; NULL after a hand edit
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (source, reference)
);

-- A job opening of a member company (Stellenangebot).
CREATE TABLE opening (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id        INTEGER NOT NULL REFERENCES company (id),
    reference         TEXT,                   -- the company's own reference, for re-imports
    title             TEXT NOT NULL,
    kldb              TEXT,
    german            TEXT,                   -- required level
    plz               TEXT NOT NULL DEFAULT '',
    city              TEXT NOT NULL DEFAULT '',
    district_ags      TEXT,
    positions         INTEGER NOT NULL DEFAULT 1 CHECK (positions > 0),
    start_date        TEXT,
    latest_start      TEXT,
    licence           TEXT NOT NULL DEFAULT '', -- driving licence classes needed
    max_distance_km   INTEGER,
    needs_recognition INTEGER NOT NULL DEFAULT 0 CHECK (needs_recognition IN (0, 1)),
    notes             TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_batch     INTEGER REFERENCES import_batch (id),
    batch_id          INTEGER REFERENCES import_batch (id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (company_id, reference)
);

-- The state before a batch changed a record, so that `import undo` can restore it.
CREATE TABLE import_change (
    batch_id   INTEGER NOT NULL REFERENCES import_batch (id),
    entity     TEXT NOT NULL,
    record_id  INTEGER NOT NULL,
    before     TEXT NOT NULL,                -- JSON of the changed columns' old values
    PRIMARY KEY (batch_id, entity, record_id)
);
