-- SPDX-License-Identifier: GPL-3.0-or-later
-- werkstatt schema 6: what the reports to members and funders need besides what is stored
-- already. ESF+ facts of a candidate (Regulation (EU) 2021/1057, Annex I; never matching
-- inputs), each member company's size and the day it left, and the day a placement reached each
-- step. NULL always means "not recorded", which the reports count as missing, never as zero.

-- Country of birth, ISO 3166-1 alpha-2 ("SY", "DE").
ALTER TABLE candidate ADD COLUMN country_of_birth TEXT;
-- A second nationality as the agency wrote it, and its ISO code where known.
ALTER TABLE candidate ADD COLUMN second_nationality TEXT NOT NULL DEFAULT '';
ALTER TABLE candidate ADD COLUMN second_nationality_code TEXT;
-- Participant with a foreign background (ausländische Herkunft): 1 yes, 0 no; NULL: derived by
-- the report from the country of birth and the nationalities where it can be.
ALTER TABLE candidate ADD COLUMN foreign_background INTEGER
    CHECK (foreign_background IS NULL OR foreign_background IN (0, 1));
-- Unemployed since (YYYY-MM-DD): long-term unemployment at entry is counted from it.
ALTER TABLE candidate ADD COLUMN unemployed_since TEXT;
-- Homelessness or housing exclusion at entry (Wohnungslosigkeit).
ALTER TABLE candidate ADD COLUMN housing TEXT
    CHECK (housing IS NULL OR housing IN ('homeless', 'housing-exclusion', 'housed'));
-- Special categories (Art. 9 GDPR), stored only when report.sensitive.* is on and the person
-- consented on sensitive_consent (YYYY-MM-DD); 'declined' records that the person refused.
ALTER TABLE candidate ADD COLUMN disability TEXT
    CHECK (disability IS NULL OR disability IN ('yes', 'no', 'declined'));
ALTER TABLE candidate ADD COLUMN minority TEXT
    CHECK (minority IS NULL OR minority IN ('yes', 'no', 'declined'));
ALTER TABLE candidate ADD COLUMN sensitive_consent TEXT;
-- The situation on leaving (within four weeks of exit_date).
ALTER TABLE candidate ADD COLUMN exit_situation TEXT
    CHECK (exit_situation IS NULL OR exit_situation IN ('job-searching', 'education',
           'qualification', 'employed', 'self-employed', 'other'));
-- The situation six months after leaving, where it was followed up, and the day it was asked.
ALTER TABLE candidate ADD COLUMN status_6m TEXT
    CHECK (status_6m IS NULL OR status_6m IN ('employed', 'self-employed', 'job-searching',
           'education', 'inactive', 'other'));
ALTER TABLE candidate ADD COLUMN status_6m_date TEXT;

-- Size of a member company (KMU-Definition, Recommendation 2003/361/EC) for "SMEs supported".
ALTER TABLE company ADD COLUMN size TEXT
    CHECK (size IS NULL OR size IN ('micro', 'small', 'medium', 'large'));
-- The day a member left the network (set by `company archive`, cleared by its --undo).
ALTER TABLE company ADD COLUMN left_on TEXT;
UPDATE company SET left_on = substr(updated_at, 1, 10) WHERE active = 0;

-- The day a placement reached each step (YYYY-MM-DD); closed_on for declined or withdrawn.
ALTER TABLE placement ADD COLUMN introduced_on TEXT;
ALTER TABLE placement ADD COLUMN interview_on TEXT;
ALTER TABLE placement ADD COLUMN hired_on TEXT;
ALTER TABLE placement ADD COLUMN closed_on TEXT;
UPDATE placement SET introduced_on = substr(updated_at, 1, 10) WHERE status = 'introduced';
UPDATE placement SET interview_on = substr(updated_at, 1, 10) WHERE status = 'interview';
UPDATE placement SET hired_on = substr(updated_at, 1, 10) WHERE status = 'hired';
UPDATE placement SET closed_on = substr(updated_at, 1, 10)
    WHERE status IN ('declined', 'withdrawn');

-- What the reports select by.
CREATE INDEX candidate_entry ON candidate (entry_date);
CREATE INDEX candidate_exit ON candidate (exit_date);
CREATE INDEX placement_status ON placement (status, hired_on);
CREATE INDEX registration_company ON registration (company_id);
