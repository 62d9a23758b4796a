-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 10: candidate cards. Each card written for a member company is recorded, so
-- that the person can learn where their profile went (Art. 15 GDPR).
CREATE TABLE card_share (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    candidate_id  INTEGER NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
    company_id    INTEGER NOT NULL REFERENCES company (id),
    opening_id    INTEGER REFERENCES opening (id),
    shared_at     TEXT NOT NULL           -- UTC, YYYY-MM-DDTHH:MM:SSZ
);
CREATE INDEX card_share_candidate ON card_share (candidate_id);

-- The key of the card pseudonyms ("Bewerbung K-0417"): the number on a card is the candidate's
-- id permuted with this key (applicants/card.hpp), so that it stays the same on every card of
-- the person for as long as they are stored, is never shared by two persons, and does not show
-- in which order persons were stored. Drawn once, when the database gets this schema.
CREATE TABLE card_key (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    secret        INTEGER NOT NULL
);
INSERT INTO card_key (id, secret) VALUES (1, random());
