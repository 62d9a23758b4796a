// SPDX-License-Identifier: GPL-3.0-or-later
// What happens to a proposal: coordinators move each pair along proposed -> introduced ->
// interview -> hired, declined or withdrawn; a committed run stores its proposal as placements.
#pragma once

#include "core/date.hpp"
#include "core/i18n.hpp"
#include "io/records.hpp"
#include "match/matching.hpp"
#include "store/database.hpp"
#include "store/match_store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

class WorkRules;

// Where a pair of candidate and opening stands.
enum class PlacementStatus { proposed, introduced, interview, hired, declined, withdrawn };

// Parse `text` ("proposed", ..., "withdrawn"), or nothing.
std::optional<PlacementStatus> parse_placement_status(std::string_view text);
// Return the name of `status`.
std::string_view to_string(PlacementStatus status);
// Return true if `status` ends the pair (hired, declined, withdrawn).
bool is_final(PlacementStatus status);
// Return true if a pair may move from `from` to `to` without --force: forward along
// proposed -> introduced -> interview -> hired, or to declined or withdrawn from any open status.
bool moves_forward(PlacementStatus from, PlacementStatus to);

// Return the step days of a placement that had `before` and moves to `status` on `day`: the day
// of the step reached is `day`; steps after it lose their days (a move back, or forward again
// after a correction); declined and withdrawn set closed_on and clear hired_on (the hire did not
// stand); proposed clears every day.
PlacementDays step_days(const PlacementDays& before, PlacementStatus status, Date day);

// What `set_placement` did.
struct PlacementChange {
    std::int64_t id = 0;
    std::optional<PlacementStatus> from; // empty when the placement was created
    PlacementStatus to = PlacementStatus::proposed;
    bool opening_filled = false; // the opening has no position left now
    // A hire: the candidate's other open placements (as they were), now withdrawn.
    std::vector<PlacementRow> withdrawn;
    // A hire that filled the opening: other candidates' placements still open there.
    std::vector<PlacementRow> still_open;
    std::size_t followups = 0;             // follow-ups a hire scheduled
    int followups_dropped = 0;             // open follow-ups of a hire that no longer stands
    std::optional<std::int64_t> mentor_id; // the mentor a hire named
    bool mentor_only = false; // a hired placement got (another) mentor, nothing else changed
};

// What a hire records besides its day (ignored for other statuses).
struct HireDetails {
    std::optional<std::int64_t> mentor_id;        // a contact of the opening's company
    std::vector<int> followup_months = {1, 3, 6}; // exchange.followup_months
};

// Return the note a placement withdrawn because its candidate was hired for `opening_id` gets:
// `note` with the reason added.
std::string withdrawn_by_hire_note(const std::string& note, std::int64_t opening_id);

// Set the pair (`candidate_id`, `opening_id`) to `status` with `note` (kept if empty), creating
// the placement if there is none. A hire withdraws the candidate's other open placements
// (proposed, introduced, interview) with the reason in their note, in the same transaction.
// Throw Error(not_found) for an unknown candidate or opening; Error(conflict) for a move backward
// or out of a final status, for an open status (proposed, introduced, interview) of a candidate
// hired elsewhere, or for an open status at an opening that is closed, belongs to an archived
// company or has all positions filled by hires, each unless `force`; and, even with `force`, for
// hiring a candidate hired elsewhere; for hiring into an opening without a free position unless
// `force`. The placement gets `day` as the day of the step it reaches (step_days), and so do
// the placements the hire withdraws (closed_on). A hire schedules the follow-ups of `hire` after
// `day` and names its mentor (Error(not_found) for an unknown contact, Error(conflict) for one of
// another company, Error(usage) with another status); setting a hired placement to hired again
// with a mentor changes only the mentor. A hire that no longer stands loses its follow-ups not
// yet recorded.
PlacementChange set_placement(Database& db, std::int64_t candidate_id, std::int64_t opening_id,
                              PlacementStatus status, const std::string& note, bool force, Date day,
                              DryRun dry_run, const HireDetails& hire = {});
// Do what set_placement does, inside the write transaction the caller holds, without its audit
// row: for a use case that moves a placement as part of a larger write (a card given to a
// company) and writes its own.
PlacementChange move_placement(Database& db, std::int64_t candidate_id, std::int64_t opening_id,
                               PlacementStatus status, const std::string& note, bool force,
                               Date day, const HireDetails& hire = {});
// Return the details of the audit row of `change` of the pair (`candidate_id`, `opening_id`)
// ("candidate=3 opening=2 status=proposed->introduced").
std::string placement_audit_details(const PlacementChange& change, std::int64_t candidate_id,
                                    std::int64_t opening_id, bool force);

// Return `rows` as a listing.
Records placement_records(const std::vector<PlacementRow>& rows);

// An earlier proposal that a committed run removed, and why it was not repeated.
struct RemovedProposal {
    std::int64_t candidate_id = 0;
    std::int64_t opening_id = 0;
    std::string reason; // e.g. "opening 2 is closed"
};

// What `commit_proposal` stored.
struct CommittedRun {
    std::int64_t run_id = 0;
    std::size_t new_placements = 0;
    std::size_t stale_removed = 0;        // earlier proposals not in this one, never acted upon
    std::vector<RemovedProposal> removed; // those proposals, each with its reason
};

// Store `proposal` over `pool` as a match run: its pairs with their reasons, a `proposed`
// placement for each pair that has none, and earlier `proposed` placements not in it removed,
// each returned with the reason it was not repeated (the candidate or the opening left the pool,
// a hard rule excludes the pair now, or other pairs scored higher). The pairs' reasons are
// stored in `stored_lang` (documents.lang: an access export shows them); the removal reasons
// returned are in the UI language.
CommittedRun commit_proposal(Database& db, const MatchPool& pool, const Proposal& proposal,
                             const MatchSettings& settings, const WorkRules& rules,
                             const std::string& settings_text, DryRun dry_run,
                             Language stored_lang);

} // namespace werkstatt
