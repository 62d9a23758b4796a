// SPDX-License-Identifier: GPL-3.0-or-later
// The follow-ups of hires as stored (schema 12): one row per hire and month after it, with the
// outcome once it was asked.
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// A follow-up with what a listing shows of its hire.
struct FollowupRow {
    std::int64_t id = 0;
    std::int64_t placement_id = 0;
    std::int64_t candidate_id = 0;
    std::string candidate_reference;
    std::string candidate_source;
    std::int64_t opening_id = 0;
    std::string opening_title;
    std::string company;  // the company's key
    std::string hired_on; // YYYY-MM-DD
    std::string mentor;   // the mentor's name, "" when none was named
    int months = 0;
    std::string due_on;                 // YYYY-MM-DD
    std::optional<std::string> outcome; // employed, left, changed-employer, unknown
    std::string reason;
    std::string note;
    std::optional<std::string> recorded_on;
    bool ended = false; // an earlier follow-up of the hire found that the person left
};

// Which follow-ups a listing shows.
struct FollowupQuery {
    std::optional<std::string> due_by;        // open ones due on or before this day only
    std::optional<std::int64_t> candidate_id; // this candidate's only
    std::optional<std::int64_t> id;           // this follow-up only
};

// Return the follow-ups of hires that stand (placement status hired, person not purged) passing
// `query`, by due day and id. A follow-up after one that recorded `left` is `ended`; `due_by`
// leaves those out.
std::vector<FollowupRow> load_followups(Database& db, const FollowupQuery& query);

// Give placement `placement_id` a follow-up `months` after the hire due on `due_on`, or move the
// due day of one not yet recorded; a recorded one keeps its day.
void upsert_followup(Database& db, std::int64_t placement_id, int months,
                     const std::string& due_on);
// Delete the follow-ups of placement `placement_id` not yet recorded (the hire did not stand);
// return how many went.
int delete_open_followups(Database& db, std::int64_t placement_id);
// Store the outcome of follow-up `id`.
void store_followup_outcome(Database& db, std::int64_t id, const std::string& outcome,
                            const std::string& reason, const std::string& note,
                            const std::string& recorded_on);

// Set the mentor of placement `placement_id` (a contact id; nothing: none).
void set_placement_mentor(Database& db, std::int64_t placement_id,
                          std::optional<std::int64_t> mentor_id);
// Return the key of the company of contact `contact_id`, or nothing when there is no such contact.
std::optional<std::string> company_of_contact(Database& db, std::int64_t contact_id);

// A candidate's exit day and recorded situation six months after leaving (ESF+), as stored.
struct ExitFacts {
    std::optional<std::string> exit_date;
    std::optional<std::string> status_6m;
};
// Return the exit facts of candidate `candidate_id` (both empty when there is no such candidate).
ExitFacts load_exit_facts(Database& db, std::int64_t candidate_id);
// Record `status` as candidate `candidate_id`'s situation six months after leaving, asked on `day`.
void store_status_6m(Database& db, std::int64_t candidate_id, const std::string& status,
                     const std::string& day);

// What became of hires at one follow-up: persons counted once each.
struct RetentionCounts {
    int employed = 0;         // still at the company
    int changed_employer = 0; // employed elsewhere
    int left = 0;             // left, at this follow-up or found at an earlier one
};
// Return what became, `months` after the hire, of the hires made from `from` to `to`
// (YYYY-MM-DD, both included) that stand; hires whose follow-up then is not recorded, or found
// nothing (unknown), are not counted.
RetentionCounts count_retention(Database& db, int months, const std::string& from,
                                const std::string& to);

} // namespace werkstatt
