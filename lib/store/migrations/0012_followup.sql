-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 12: after the hire. A hire may name a mentor at the company; follow-ups at
-- set months after the hire ask whether the person is still employed.
ALTER TABLE placement ADD COLUMN mentor_id INTEGER REFERENCES contact (id) ON DELETE SET NULL;
ALTER TABLE placement ADD COLUMN hired_on TEXT;      -- YYYY-MM-DD; set when the status becomes hired
-- The day a placement reached its status (stuck placements are found by it); until now the last
-- change was the best there was.
ALTER TABLE placement ADD COLUMN status_since TEXT;
UPDATE placement SET status_since = substr(updated_at, 1, 10);
