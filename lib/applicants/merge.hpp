// SPDX-License-Identifier: GPL-3.0-or-later
// `candidate merge KEEP OTHER`: one person reported twice becomes one record, and its undo. The
// kept record takes the other's facts where its own are empty, its placements, consents of
// scopes it lacks, match pairs, card shares and mentions in written files; the other's
// reference stays known (a later import of it updates the kept record). One transaction with
// one audit row; before-images kept in candidate_merge make the undo exact.
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// What a merge did (or, in a dry run, would do).
struct MergeOutcome {
    std::int64_t merge_id = 0; // 0 in a dry run
    std::int64_t keep = 0;
    std::int64_t other = 0;
    std::vector<std::string> filled; // KEEP's columns filled from OTHER
    std::vector<std::string> notes;  // placements of a shared opening: which stayed
};

// Merge candidate `other` into `keep` (each an id or a reference, as require_candidate finds
// them). Throw Error(usage) if both name one record, Error(not_found) for an unknown one;
// nothing is written then.
MergeOutcome merge_candidates(Database& db, const std::string& keep, const std::string& other,
                              DryRun dry_run);

// What undoing a merge did.
struct UnmergeOutcome {
    std::int64_t keep = 0;
    std::int64_t other = 0;
    std::vector<std::string> restored; // KEEP's columns given back their old values
    bool exact = true; // KEEP's row as before the merge; false: later changes of it kept
    Scrubbed scrubbed = Scrubbed::yes;
};

// Take back merge `merge_id`: the other candidate returns with its id and rows, the kept one
// loses what it got. Throw Error(not_found) for an unknown merge; Error(conflict) if it was
// undone already, its images were purged, a later merge involves the kept record, or what the
// merge gave the kept record (a filled field, a consent, a placement) was changed since.
UnmergeOutcome undo_merge(Database& db, std::int64_t merge_id, DryRun dry_run);

} // namespace werkstatt
