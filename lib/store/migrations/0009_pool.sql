-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 9: a pool that stays fresh. The last day a residence title is valid, and the
-- last day the person confirmed that they still want to be placed (by hand or by an import that
-- listed them again). Whether a person is due for confirmation or paused from matching follows
-- from confirmed_on (or, never confirmed, created_at) and the day the question is asked.
ALTER TABLE candidate ADD COLUMN permit_until TEXT;   -- YYYY-MM-DD; NULL: not known or unlimited
ALTER TABLE candidate ADD COLUMN confirmed_on TEXT;   -- YYYY-MM-DD; NULL: never confirmed
