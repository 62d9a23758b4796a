// SPDX-License-Identifier: GPL-3.0-or-later
// The pool a match looks at, read from the database: active candidates not yet placed, open
// openings with free positions, their places located by the shipped PLZ data.
#pragma once

#include "match/matching.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// Return the pool of `db`: candidates that are active and neither hired nor in an introduction
// or interview (each with their matching consent, which the model checks on its day), openings that
// are open with positions left (positions minus placements hired, introduced or in interview) of
// companies that are not archived, each by id; the pairs declined or withdrawn before are closed.
MatchPool load_pool(Database& db);
// Return the pool of `db` as load_pool() does, and put into `left_out` one line for each company
// that is archived while openings of it are still open ("company mb is archived: openings 1, 3
// left out"): those openings are never in the pool.
MatchPool load_pool(Database& db, std::vector<std::string>& left_out);

// Return the index of candidate `id` in `pool`. Throw Error(not_found) if there is no such
// candidate, Error(conflict) if it exists but is not in the pool (archived or placed).
std::size_t pool_candidate(Database& db, const MatchPool& pool, std::int64_t id);
// Return the index of opening `id` in `pool`. Throw Error(not_found) if there is no such
// opening, Error(conflict) if it is closed, its company is archived or it has no position left.
std::size_t pool_opening(Database& db, const MatchPool& pool, std::int64_t id);

} // namespace werkstatt
