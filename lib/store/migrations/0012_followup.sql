-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 12: after the hire. A hire may name a mentor at the company (the person who
-- helps the new colleague settle in); follow-ups at set months after the hire ask whether the
-- person is still employed. (The day of the hire is placement.hired_on, schema 6.)
ALTER TABLE placement ADD COLUMN mentor_id INTEGER REFERENCES contact (id) ON DELETE SET NULL;
