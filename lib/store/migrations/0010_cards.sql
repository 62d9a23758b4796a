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
