// SPDX-License-Identifier: GPL-3.0-or-later
// The aggregate queries of the reports (quarterly, annual, rotation, exchange, members): every
// count is made by SQL (GROUP BY over indexed columns), never by loading the candidates. Days are
// YYYY-MM-DD texts; `first`..`last` is a period, both days included.
//
// Counting rules (werkstatt-report(1), "Counting rules"):
// - A candidate's entry day is entry_date, or the day of created_at when it is missing. Their
//   leaving day is exit_date, or for an archived candidate without one the day it last changed.
// - New in a period: the entry day lies in it. Active in a period: entered by its last day and
//   not left before its first day.
// - A placement was proposed on the day of its created_at. The day of each later step is its step
//   day (introduced_on, interview_on, hired_on, closed_on); where a placement is at a step whose
//   day is missing (rows from before schema 6), the day it last changed.
#pragma once

#include "store/database.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// A meeting of the period with its attendance.
struct ReportEventRow {
    std::int64_t id = 0;
    std::string date;
    std::string kind; // werkstatt, site-visit, fireside
    std::string status;
    std::string title;
    std::string host_key;
    std::string host_name;
    std::string topics;          // topic titles in agenda order, "; "-separated
    std::int64_t registered = 0; // every registration, whatever became of it
    std::int64_t attended = 0;
    std::int64_t excused = 0;
    std::int64_t no_show = 0;
    std::int64_t companies = 0; // distinct companies with someone who attended
};

// Return the events from `first` to `last` that were not cancelled, by date and id.
std::vector<ReportEventRow> report_events(Database& db, const std::string& first,
                                          const std::string& last);

// Member companies in a period and how many of them came to a held event.
struct MemberTurnout {
    std::int64_t members = 0; // member on some day of the period (joined by its end, not left
                              // before its start)
    std::int64_t came = 0;    // of them, with someone who attended a held event of the period
};
// Return the member turnout from `first` to `last`.
MemberTurnout member_turnout(Database& db, const std::string& first, const std::string& last);

// What candidates are grouped by.
enum class CandidateGroup {
    district,         // district_ags
    german,           // the German level (CEFR or native)
    occupation_area,  // KldB Berufsbereich: the first digit of kldb
    residence_status, // the stored code; the report groups codes by their work rule
};

// One group of candidates; `key` is empty when the value is not recorded.
struct CandidateCount {
    std::optional<std::string> key;
    std::int64_t new_count = 0;    // entered in the period
    std::int64_t active_count = 0; // in the exchange on some day of the period
    std::int64_t hired = 0;        // hired through the exchange in the period
};
// Return the candidates new, active and hired from `first` to `last` per `group`, by key (not
// recorded first).
std::vector<CandidateCount> count_candidates(Database& db, CandidateGroup group,
                                             const std::string& first, const std::string& last);
// Return count_candidates() of every group at once, indexed by the CandidateGroup's value: one
// pass over the candidates instead of one per group (a report over a million candidates).
std::array<std::vector<CandidateCount>, 4>
count_candidates_by_group(Database& db, const std::string& first, const std::string& last);

// A count in one quarter; `bucket` is year * 4 + quarter - 1 (2027Q1 is 8108).
struct QuarterCount {
    std::optional<std::string> key;
    int bucket = 0;
    std::int64_t count = 0;
};
// Return the candidates that entered from `first` to `last` per `group` and quarter of entry.
std::vector<QuarterCount> new_candidates_by_quarter(Database& db, CandidateGroup group,
                                                    const std::string& first,
                                                    const std::string& last);
// Return new_candidates_by_quarter() of every group at once, indexed by the CandidateGroup's
// value: one pass over the candidates instead of one per group.
std::array<std::vector<QuarterCount>, 4>
new_candidates_by_quarter_by_group(Database& db, const std::string& first, const std::string& last);
// Return the hires from `first` to `last` per quarter of the hire (key empty).
std::vector<QuarterCount> hires_by_quarter(Database& db, const std::string& first,
                                           const std::string& last);

// Openings in a period.
struct OpeningCounts {
    std::int64_t created = 0; // created in the period
    std::int64_t open = 0;    // created by its end and not closed before its start
    std::int64_t filled = 0;  // with at least one hire in the period
};
// Return the opening counts from `first` to `last`.
OpeningCounts count_openings(Database& db, const std::string& first, const std::string& last);

// Return the placements proposed from `first` to `last` per the step each had reached on `last`
// (proposed, introduced, interview, hired, declined, withdrawn), as (step, count) by step name.
std::vector<std::pair<std::string, std::int64_t>>
placement_path(Database& db, const std::string& first, const std::string& last);

// Hires of one company in a period.
struct CompanyHires {
    std::string key;
    std::string name;
    std::int64_t hires = 0;
};
// Return the companies with hires from `first` to `last` and how many, by name and key.
std::vector<CompanyHires> hires_by_company(Database& db, const std::string& first,
                                           const std::string& last);

// Return the median of the days from proposal to hire over the hires from `first` to `last`, or
// nothing when there was none.
std::optional<double> median_days_to_hire(Database& db, const std::string& first,
                                          const std::string& last);

// A member company with what it did in a period.
struct MemberActivity {
    std::int64_t id = 0;
    std::string key;
    std::string name;
    std::optional<std::string> district_ags;
    std::optional<std::string> member_since;
    std::optional<std::string> left_on;
    bool active = true;
    bool can_host = false;
    std::optional<std::int64_t> capacity; // seats at its venue; none when unknown
    std::int64_t contacts = 0;
    std::int64_t events_attended = 0; // held events of the period someone of it attended
    std::int64_t hosted = 0;          // events of the period (not cancelled) it hosted
    std::int64_t hosted_ever = 0;     // Werkstatt meetings (not cancelled) up to the period's end
    std::optional<std::string> last_hosted;    // the last of them
    std::int64_t openings = 0;                 // open in the period (as count_openings counts)
    std::int64_t hires = 0;                    // hires in the period
    std::optional<std::string> first_attended; // first held event of the period it attended
    std::int64_t hires_after_attending = 0;    // hires in the period after first_attended
};
// Which figures member_activity counts: `membership` leaves openings and hires at 0, which saves
// two passes over the placements per company (the rotation needs none of them).
enum class MemberFigures { all, membership };
// Return every company that was a member on some day from `first` to `last`, by name and key.
std::vector<MemberActivity> member_activity(Database& db, const std::string& first,
                                            const std::string& last,
                                            MemberFigures figures = MemberFigures::all);
// Return the number of held events from `first` to `last`.
std::int64_t held_events(Database& db, const std::string& first, const std::string& last);

// Companies that joined or left: (bucket as in QuarterCount, joined, left) by bucket.
struct MemberChange {
    int bucket = 0;
    std::int64_t joined = 0;
    std::int64_t left = 0;
};
// Return the members that joined (member_since) and left (left_on) from `first` to `last`, per
// quarter.
std::vector<MemberChange> member_changes(Database& db, const std::string& first,
                                         const std::string& last);

// A proposal still open (proposed, introduced or interview) on a day.
struct OpenProposal {
    std::string company_key;
    std::string company_name;
    std::int64_t opening_id = 0;
    std::string opening_title;
    std::int64_t candidate_id = 0;
    std::string candidate_reference;
    std::string step;        // proposed, introduced, interview
    std::string proposed_on; // YYYY-MM-DD
};
// Return the placements proposed by `last` that were still open on `last`, by company name,
// opening, step and candidate id. Reads no name, birth date or nationality.
std::vector<OpenProposal> open_proposals(Database& db, const std::string& last);

} // namespace werkstatt
