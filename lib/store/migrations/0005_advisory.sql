-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema: the advisory map (Beratungslandkarte) and the funding catalogue
-- (Fördermöglichkeiten). Depends only on schema 1 (audit_log); nothing here refers to other tables.

-- An advisory service that helps companies and candidates (Beratungsstelle).
CREATE TABLE advisor (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    key             TEXT NOT NULL UNIQUE,
    organisation    TEXT NOT NULL,
    service         TEXT NOT NULL,
    topics          TEXT NOT NULL,            -- topic keys, comma-separated, in catalogue order
    statewide       INTEGER NOT NULL DEFAULT 0 CHECK (statewide IN (0, 1)),
    districts       TEXT NOT NULL DEFAULT '', -- district keys (AGS) served, comma-separated
    street          TEXT NOT NULL DEFAULT '',
    plz             TEXT NOT NULL CHECK (length(plz) = 5),
    city            TEXT NOT NULL DEFAULT '',
    district_ags    TEXT,                     -- where it sits; NULL outside Sachsen-Anhalt
    contact_person  TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    web             TEXT NOT NULL DEFAULT '',
    languages       TEXT NOT NULL DEFAULT '', -- ISO 639-1 codes, comma-separated
    opening_hours   TEXT NOT NULL DEFAULT '',
    last_verified   TEXT,                     -- YYYY-MM-DD
    notes           TEXT NOT NULL DEFAULT '',
    origin          TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'catalogue')),
    catalogue_hash  TEXT,                     -- hash of the values the catalogue last wrote
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- A funding instrument employers can apply for (Förderinstrument).
CREATE TABLE funding_instrument (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    key             TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    grantor         TEXT NOT NULL DEFAULT '',
    audience        TEXT NOT NULL DEFAULT '',
    pays            TEXT NOT NULL DEFAULT '',
    apply_at        TEXT NOT NULL DEFAULT '',
    legal_basis     TEXT NOT NULL DEFAULT '',
    source          TEXT NOT NULL DEFAULT '',
    tags            TEXT NOT NULL DEFAULT '', -- comma-separated
    description     TEXT NOT NULL DEFAULT '',
    conditions      TEXT NOT NULL DEFAULT '[]', -- JSON: the situations in which it may fit
    origin          TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'catalogue')),
    catalogue_hash  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- Catalogue entries an admin removed: `catalogue update` does not bring them back.
CREATE TABLE catalogue_removed (
    kind        TEXT NOT NULL CHECK (kind IN ('advisor', 'funding')),
    key         TEXT NOT NULL,
    removed_at  TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
