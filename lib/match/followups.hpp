// SPDX-License-Identifier: GPL-3.0-or-later
// After the hire (the network's promise is that the person stays): a hire schedules follow-ups
// at set months after it (exchange.followup_months); a coordinator asks and records whether the
// person is still employed. The 6-month answers give the retention the reports show and, where
// they fall in its window, the ESF+ longer-term result.
#pragma once

#include "core/date.hpp"
#include "io/records.hpp"
#include "store/database.hpp"
#include "store/followup_store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// What a follow-up found.
enum class FollowupOutcome { employed, left, changed_employer, unknown };

// Parse `text` ("employed", "left", "changed-employer", "unknown"), or nothing.
std::optional<FollowupOutcome> parse_followup_outcome(std::string_view text);
// Return the name of `outcome` ("changed-employer").
std::string_view to_string(FollowupOutcome outcome);

// Give placement `placement_id`, hired on `hired_on`, its follow-ups `months` after the hire;
// follow-ups not yet recorded move with a changed hire day. Part of the caller's transaction.
void schedule_followups(Database& db, std::int64_t placement_id, Date hired_on,
                        const std::vector<int>& months);

// Return the follow-ups of standing hires: all, or with `due_by` the open ones due by that day
// (not those after one that found the person left); of one candidate with `candidate_id`.
std::vector<FollowupRow> list_followups(Database& db, std::optional<Date> due_by,
                                        std::optional<std::int64_t> candidate_id = {});
// Return `rows` as a listing.
Records followup_records(const std::vector<FollowupRow>& rows);

// What record_followup did.
struct FollowupRecorded {
    FollowupRow before;
    // The candidate's ESF+ situation six months after leaving that the answer also recorded
    // ("employed"), when the person has left the programme, the day falls 5 to 8 months after
    // leaving and no such situation was recorded yet.
    std::optional<std::string> esf_status;
};

// Record `outcome` (with `reason` and `note`) of follow-up `id`, asked on `day`, in one
// transaction with one audit row. Throw Error(not_found) for an unknown follow-up or one of a hire
// that no longer stands; Error(conflict) for one recorded already (unless `overwrite`), one
// after a follow-up that found the person left, or `day` before the hire; Error(usage) for a
// reason with an outcome other than left, changed-employer or unknown.
FollowupRecorded record_followup(Database& db, std::int64_t id, FollowupOutcome outcome,
                                 const std::string& reason, const std::string& note, Date day,
                                 bool overwrite, DryRun dry_run);

// Return what became, `months` after the hire, of the hires whose follow-up at `months` fell due
// in `period` (hired from `months` before its first day to `months` before its last).
RetentionCounts retention(Database& db, int months, Date first, Date last);

} // namespace werkstatt
