-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 2: events of the Werkstatt, their topics, registrations and attendance,
-- and the periods in which a member company cannot host.

-- A meeting: the quarterly Werkstatt, an on-site visit (Vor-Ort-Besuch) or a fireside talk
-- (Kamingespräch).
CREATE TABLE event (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    uid              TEXT NOT NULL UNIQUE,   -- iCalendar UID, stable across exports
    kind             TEXT NOT NULL CHECK (kind IN ('werkstatt', 'site-visit', 'fireside')),
    date             TEXT NOT NULL,          -- YYYY-MM-DD
    start_time       TEXT,                   -- HH:MM, Europe/Berlin
    end_time         TEXT,
    host_company_id  INTEGER NOT NULL REFERENCES company (id),
    title            TEXT NOT NULL DEFAULT '',
    capacity         INTEGER CHECK (capacity IS NULL OR capacity > 0),
    status           TEXT NOT NULL DEFAULT 'planned'
                     CHECK (status IN ('planned', 'confirmed', 'held', 'cancelled')),
    cancel_reason    TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    sequence         INTEGER NOT NULL DEFAULT 0, -- revision, for calendar updates
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX event_date ON event (date);

-- The agenda: topics of the catalogue an event covers, in order.
CREATE TABLE event_topic (
    event_id  INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    topic_id  INTEGER NOT NULL REFERENCES topic (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (event_id, topic_id)
);

-- Who registered for an event and whether they came. A registration of a company without a
-- named person has no contact; erasing a contact keeps the seat, anonymised.
CREATE TABLE registration (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id       INTEGER NOT NULL REFERENCES event (id),
    company_id     INTEGER NOT NULL REFERENCES company (id),
    contact_id     INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    status         TEXT NOT NULL DEFAULT 'registered'
                   CHECK (status IN ('registered', 'attended', 'no-show', 'excused')),
    registered_at  TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX registration_contact ON registration (event_id, contact_id)
    WHERE contact_id IS NOT NULL;
CREATE INDEX registration_event ON registration (event_id);

-- Periods in which a member company cannot host (the planner keeps off them).
CREATE TABLE host_block (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    company_id  INTEGER NOT NULL REFERENCES company (id),
    period      TEXT NOT NULL,               -- as written: 2027Q2, 2027-05, 2027-05-12, A..B
    first_day   TEXT NOT NULL,
    last_day    TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    UNIQUE (company_id, period)
);
