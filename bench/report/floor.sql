-- SPDX-License-Identifier: GPL-3.0-or-later
-- The floor of the report benchmark: the central aggregate queries of the reports, run by the
-- sqlite3 shell over the same database. `@FIRST@` and `@LAST@` are the period's first and last
-- day; run_bench.py replaces them. Sections start with "-- kind:" and list the queries of that
-- kind of report (quarterly and annual read the same facts; annual per quarter).
-- These are written for the benchmark until lib/store/report_store.cpp and esf_store.cpp have
-- their final queries; then they should be taken from there.

-- kind: quarterly annual
-- Events of the period with registrations by status and companies represented.
SELECT e.id, e.date, e.kind, e.host_company_id,
       sum(r.status = 'registered'), sum(r.status = 'attended'), sum(r.status = 'excused'),
       sum(r.status = 'no-show'), count(DISTINCT CASE WHEN r.status = 'attended' THEN r.company_id END)
FROM event e LEFT JOIN registration r ON r.event_id = e.id
WHERE e.date BETWEEN '@FIRST@' AND '@LAST@'
GROUP BY e.id ORDER BY e.date, e.id;
-- Candidates new in the period by district, German level, occupation area, residence status.
SELECT coalesce(district_ags, ''), count(*) FROM candidate
WHERE entry_date BETWEEN '@FIRST@' AND '@LAST@' GROUP BY 1 ORDER BY 1;
SELECT coalesce(german, ''), count(*) FROM candidate
WHERE entry_date BETWEEN '@FIRST@' AND '@LAST@' GROUP BY 1 ORDER BY 1;
SELECT coalesce(substr(kldb, 1, 1), ''), count(*) FROM candidate
WHERE entry_date BETWEEN '@FIRST@' AND '@LAST@' GROUP BY 1 ORDER BY 1;
SELECT residence_status, count(*) FROM candidate
WHERE entry_date BETWEEN '@FIRST@' AND '@LAST@' GROUP BY 1 ORDER BY 1;
-- Candidates active in the period (entered by its end, not left before its start), by district.
SELECT coalesce(district_ags, ''), count(*) FROM candidate
WHERE entry_date <= '@LAST@' AND (exit_date IS NULL OR exit_date >= '@FIRST@')
GROUP BY 1 ORDER BY 1;
-- Openings new and open.
SELECT count(*), sum(status = 'open') FROM opening
WHERE substr(created_at, 1, 10) BETWEEN '@FIRST@' AND '@LAST@';
-- The exchange's path: proposals made in the period and how far they came.
SELECT status, count(*) FROM placement
WHERE substr(created_at, 1, 10) BETWEEN '@FIRST@' AND '@LAST@' GROUP BY 1 ORDER BY 1;
-- Hires in the period by company, and the median days from proposal to hire.
SELECT o.company_id, count(*) FROM placement p JOIN opening o ON o.id = p.opening_id
WHERE p.status = 'hired' AND p.hired_on BETWEEN '@FIRST@' AND '@LAST@'
GROUP BY 1 ORDER BY 1;
SELECT julianday(hired_on) - julianday(substr(created_at, 1, 10)) AS d FROM placement
WHERE status = 'hired' AND hired_on BETWEEN '@FIRST@' AND '@LAST@'
ORDER BY d LIMIT 1 OFFSET (SELECT count(*) / 2 FROM placement
    WHERE status = 'hired' AND hired_on BETWEEN '@FIRST@' AND '@LAST@');

-- kind: esf
-- Participants entering in the period: gender by labour-market status at entry, age, education,
-- third-country nationals, foreign background, disability, housing.
SELECT gender, coalesce(employment_at_entry, ''),
       sum(employment_at_entry = 'long-term-unemployed'
           OR (employment_at_entry = 'unemployed' AND unemployed_since IS NOT NULL
               AND julianday(entry_date) - julianday(unemployed_since) > 365)),
       count(*)
FROM candidate WHERE entry_date BETWEEN '@FIRST@' AND '@LAST@' GROUP BY 1, 2 ORDER BY 1, 2;
SELECT gender,
       CASE WHEN birth_date IS NULL THEN 'missing'
            WHEN date(birth_date, '+18 years') > entry_date THEN '<18'
            WHEN date(birth_date, '+30 years') > entry_date THEN '18-29'
            WHEN date(birth_date, '+55 years') <= entry_date THEN '55+'
            ELSE '30-54' END,
       CASE WHEN isced IS NULL THEN 'missing' WHEN isced <= 2 THEN '0-2'
            WHEN isced <= 4 THEN '3-4' ELSE '5-8' END,
       count(*)
FROM candidate WHERE entry_date BETWEEN '@FIRST@' AND '@LAST@' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
SELECT gender,
       CASE WHEN nationality_code IS NULL THEN 'missing'
            WHEN nationality_code IN ('AT','BE','BG','CY','CZ','DE','DK','EE','ES','FI','FR','GR',
                 'HR','HU','IE','IT','LT','LU','LV','MT','NL','PL','PT','RO','SE','SI','SK')
            THEN 'eu' ELSE 'third-country' END,
       coalesce(foreign_background, -1), coalesce(housing, ''),
       CASE WHEN sensitive_consent IS NULL THEN 'no-consent' ELSE coalesce(disability, '') END,
       count(*)
FROM candidate WHERE entry_date BETWEEN '@FIRST@' AND '@LAST@'
GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;
-- Results on leaving in the period, and six months after.
SELECT gender, coalesce(exit_situation, ''), count(*) FROM candidate
WHERE exit_date BETWEEN '@FIRST@' AND '@LAST@' GROUP BY 1, 2 ORDER BY 1, 2;
SELECT gender, coalesce(status_6m, ''), count(*) FROM candidate
WHERE exit_date BETWEEN '@FIRST@' AND '@LAST@' GROUP BY 1, 2 ORDER BY 1, 2;
