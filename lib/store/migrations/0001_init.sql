-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 1: member companies, their contacts, the topic catalogue and the audit log.

-- Themes of the Werkstatt (seeded here; see shared spec "Topic catalogue").
CREATE TABLE topic (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    key         TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    sort_order  INTEGER NOT NULL
);

INSERT INTO topic (key, title, sort_order) VALUES
    ('qualifizierung', 'Fachliche und aktuelle Inputs aus dem IQ Netzwerk zu Themen der Qualifizierung', 1),
    ('foerderung', 'Beratung und Fördermöglichkeiten', 2),
    ('arbeitsrecht', 'Arbeitsrechtliche Bedingungen für den Einstellungsprozess', 3),
    ('sprache', 'Sprachaspekte und Sprachenförderung in Unternehmen', 4),
    ('beratungslandkarte', 'Beratungslandkarte, Ansprechpartnerinnen und Partner für Unternehmen', 5),
    ('bewerberboerse', 'Aufbau einer Bewerberinnen- und Bewerberbörse', 6),
    ('best-practice', 'Vor-Ort-Besuche (Best Practice)', 7),
    ('kamingespraech', '„Kamingespräche“ mit der Politik', 8),
    ('sensibilisierung', 'Wege der Sensibilisierung von Mitarbeitenden', 9),
    ('soziale-integration', 'Gestaltung der sozialen Integration im Betrieb', 10);

-- Member companies (Mitgliedsunternehmen).
CREATE TABLE company (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    key           TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    industry      TEXT NOT NULL DEFAULT '',
    street        TEXT NOT NULL DEFAULT '',
    plz           TEXT NOT NULL CHECK (length(plz) = 5),
    city          TEXT NOT NULL DEFAULT '',
    district_ags  TEXT,                 -- Kreisschlüssel; NULL outside Sachsen-Anhalt
    can_host      INTEGER NOT NULL DEFAULT 0 CHECK (can_host IN (0, 1)),
    capacity      INTEGER CHECK (capacity IS NULL OR capacity > 0),
    member_since  TEXT,                 -- YYYY-MM-DD
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Contact persons of member companies (Ansprechpartnerinnen und -partner).
CREATE TABLE contact (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id  INTEGER NOT NULL REFERENCES company (id),
    name        TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX contact_company ON contact (company_id);

-- One row per write: who did what to which record, from which command line.
-- Details name the fields that changed, never personal values.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,          -- UTC, YYYY-MM-DDTHH:MM:SSZ
    os_user     TEXT NOT NULL,
    command     TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER,
    action      TEXT NOT NULL,
    details     TEXT NOT NULL DEFAULT ''
);
