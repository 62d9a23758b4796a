// SPDX-License-Identifier: GPL-3.0-or-later
// One person reported twice: the facts that find such pairs, and the tables of a merge
// (candidate_merge with its before-images, candidate_reference with the merged references).
// A merge keeps images of every row it changes or deletes, as JSON objects of the rows' columns,
// so that its undo puts back exactly what was there.
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace werkstatt {

// What says who a stored candidate is: their identity and the facts a duplicate shares.
struct CandidateIdentity {
    std::int64_t id = 0;
    std::string source;
    std::string reference;
    std::string first_name;
    std::string last_name;
    std::string birth_date; // YYYY-MM-DD or ""
    std::string email;
    std::string phone;
};

// Return the identity of every candidate not purged (active or archived), by id.
std::vector<CandidateIdentity> candidate_identities(Database& db);

// Call `f` with the identity of every candidate not purged, by id, one at a time (an import
// reads a large database this way without holding it).
void for_each_candidate_identity(Database& db,
                                 const std::function<void(const CandidateIdentity&)>& f);

// A (source, reference) pair.
using SourceReference = std::pair<std::string, std::string>;
// Return every merged reference with the (source, reference) of the candidate that now holds it.
std::map<SourceReference, SourceReference> merged_reference_targets(Database& db);
// Return the merged references of candidate `id` (source, reference, merge id), by merge.
std::vector<std::pair<SourceReference, std::int64_t>> merged_references_of(Database& db,
                                                                           std::int64_t id);

// One merge as recorded.
struct MergeRecord {
    std::int64_t id = 0;
    std::int64_t keep_id = 0;
    std::int64_t other_id = 0;
    std::string other_source;
    std::string other_reference;
    std::string filled;                     // KEEP's columns filled from OTHER, comma-separated
    std::optional<std::string> keep_before; // JSON; empty once erased
    std::optional<std::string> keep_after;
    std::optional<std::string> other_image;
    std::string merged_at;
    std::optional<std::string> undone_at;
    std::optional<std::string> images_purged_on;
};

// Insert `m` (its id is ignored) and return its id.
std::int64_t insert_merge(Database& db, const MergeRecord& m);
// Write the images of merge `m.id`.
void update_merge_images(Database& db, const MergeRecord& m);
// Return merge `id`, or nothing.
std::optional<MergeRecord> find_merge(Database& db, std::int64_t id);
// Return the merges after `id` not undone that kept or removed candidate `candidate`.
std::vector<std::int64_t> later_merges_of(Database& db, std::int64_t id, std::int64_t candidate);
// Mark merge `id` undone at `now` and erase its images (they are not needed any more).
void mark_merge_undone(Database& db, std::int64_t id, const std::string& now);
// Delete every merge of candidate `id` (kept or removed) with its images, and the merged
// references they hold; return how many merges.
std::int64_t delete_merges_of(Database& db, std::int64_t id);
// Erase the images of merges made before `day` (YYYY-MM-DD) and mark them purged on `as_of`;
// return how many.
std::int64_t purge_merge_images(Database& db, const std::string& day, const std::string& as_of);

// Return candidate `id`'s row as a JSON object of all its columns.
std::string candidate_row_image(Database& db, std::int64_t id);
// Return every row that a merge takes from candidate `id`, as JSON: its candidate row, consents,
// placements, match pairs, card shares, written-file mentions, merged references and import
// before-images.
std::string candidate_rows_image(Database& db, std::int64_t id);

// What moving a candidate's rows did.
struct MovedRows {
    std::string moved;              // JSON: the keys of the rows now KEEP's
    std::string dropped_keep;       // JSON: KEEP's placements replaced by OTHER's
    std::vector<std::string> notes; // for people: which placement of a shared opening was kept
};
// Give candidate `keep` the rows of candidate `other`: placements (where both have one for an
// opening, the further advanced stays: hired, interview, introduced, proposed, declined,
// withdrawn), the consents of scopes `keep` lacks, match pairs of runs `keep` was not in, card
// shares, written-file mentions and merged references; record `other`'s own reference as merged
// into `keep` by `merge_id`. What is not moved stays with `other`.
MovedRows move_candidate_rows(Database& db, std::int64_t keep, std::int64_t other,
                              const std::string& other_source, const std::string& other_reference,
                              std::int64_t merge_id);

// Return the descriptions of rows moved to `keep` by a merge (`moved`, `other_image`) that have
// changed since ("the sharing consent", "placement 4"); empty if none.
std::vector<std::string> moved_rows_changed(Database& db, std::int64_t keep,
                                            const std::string& moved,
                                            const std::string& other_image);
// Put back candidate `other` and its rows from `other_image` and `moved`, take back what `keep`
// got, and put back `keep`'s placements in `dropped_keep`; `merge_id` names the merged reference
// to delete.
void restore_candidate_rows(Database& db, std::int64_t keep, std::int64_t other,
                            const std::string& other_image, const std::string& moved,
                            const std::string& dropped_keep, std::int64_t merge_id);
// Write the columns `columns` (all if empty) of the JSON row `image` over candidate `id`.
void write_candidate_row(Database& db, std::int64_t id, const std::string& image,
                         const std::vector<std::string>& columns);

} // namespace werkstatt
