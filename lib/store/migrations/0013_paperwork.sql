-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 13: a meeting's paperwork. A contact's salutation (Anrede) for the letters
-- and e-mails of invitations: 'frau' (Sehr geehrte Frau ...), 'herr' (Sehr geehrter Herr ...)
-- or '' when not known (a neutral "Guten Tag ..."); never guessed from the name. And whether the
-- contact receives the invitations to meetings (1, the default) or asked not to (0).
ALTER TABLE contact ADD COLUMN salutation TEXT NOT NULL DEFAULT ''
    CHECK (salutation IN ('', 'frau', 'herr'));
ALTER TABLE contact ADD COLUMN invited INTEGER NOT NULL DEFAULT 1 CHECK (invited IN (0, 1));
