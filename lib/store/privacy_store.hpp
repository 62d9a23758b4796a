// SPDX-License-Identifier: GPL-3.0-or-later
// The tables of data protection: what `privacy purge` erases (candidates become anonymous
// remnants that only the reports read), the consents as `privacy status` lists them, and the
// files werkstatt wrote with personal data in them (written_file).
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// The limits of one purge, as days YYYY-MM-DD: what ended or was last touched before each is
// erased.
struct PurgeLimits {
    std::string as_of;          // the day the purge runs for
    std::string consent_before; // consents that ended before this day (grace period passed)
    std::string left_before;    // candidates inactive or exited before this day (retention)
    std::string claim_before;   // match pairs, closed placements' notes, import before-images
};

// What a purge erased (or would erase): counts only.
struct PurgeCounts {
    std::int64_t consent_ended = 0;   // candidates whose every consent ended before the limit
    std::int64_t left = 0;            // candidates inactive or exited before the limit (others)
    std::int64_t match_pairs = 0;     // match_assignment rows deleted
    std::int64_t placement_notes = 0; // placement notes blanked
    std::int64_t import_images = 0;   // import_change rows deleted
    std::int64_t merge_images = 0;    // candidate merges whose before-images were erased
    std::int64_t candidates() const { return consent_ended + left; }
};

// Erase what `limits` makes due, inside the caller's transaction on `db`: each such candidate
// becomes an anonymous remnant (purged_on = limits.as_of; names, contacts, free texts blanked,
// the reference a random token, the facts the reports count generalised; their match pairs,
// consents to matching and sharing, placement notes and before-images deleted), then old match
// pairs, old closed placements' notes and old import and merge before-images go. Return the
// counts.
PurgeCounts purge_due(Database& db, const PurgeLimits& limits);

// One consent as `privacy status` lists it.
struct ConsentEnd {
    std::int64_t candidate_id = 0;
    std::string reference;
    std::string scope;
    std::string ends_on; // the day it ended or ends (withdrawn or valid until)
    bool withdrawn = false;
};

// Return the consents of candidates not yet purged that ended or end on or before `until`, by
// day, candidate and scope.
std::vector<ConsentEnd> consents_ending(Database& db, const std::string& until);

// A file werkstatt wrote that holds personal data.
struct WrittenFile {
    std::int64_t id = 0;
    std::string path;       // absolute
    std::string kind;       // rejects, export, card or report
    std::string written_at; // UTC, YYYY-MM-DDTHH:MM:SSZ
    std::int64_t persons = 0;
    int mode = 0;
    std::vector<std::int64_t> candidate_ids; // the candidates it names, where known
};

// Insert `file` (and the candidates it names) into written_file inside the caller's
// transaction; return its id.
std::int64_t insert_written_file(Database& db, const WrittenFile& file);
// Return every recorded file, oldest first (candidate_ids left empty).
std::vector<WrittenFile> list_written_files(Database& db);
// Return the recorded files that may hold candidate `candidate_id`: those that name them, and
// those naming nobody in particular written since the candidate was first stored; oldest first.
std::vector<WrittenFile> files_that_may_hold(Database& db, std::int64_t candidate_id);

// Whether `batch`'s before-images were erased by a purge (its day), or nothing.
std::optional<std::string> batch_images_purged_on(Database& db, std::int64_t batch);

} // namespace werkstatt
