// SPDX-License-Identifier: GPL-3.0-or-later
// The tables of the candidate cards: the key of their pseudonyms (card_key) and the record of
// each card given to a member company (card_share), and the proposals of a match run that a
// company's cards are made from.
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace werkstatt {

// Return the key of the card pseudonyms, drawn once by the schema (table card_key).
std::uint64_t card_key(Database& db);

// One card given to a member company, with the names that make it readable.
struct CardShareRow {
    std::int64_t id = 0;
    std::int64_t candidate_id = 0;
    std::string company_key;
    std::string company_name;
    std::optional<std::int64_t> opening_id;
    std::optional<std::string> opening_title;
    std::string shared_at; // UTC, YYYY-MM-DDTHH:MM:SSZ
};

// Record that candidate `candidate_id`'s card went to company `company_id` at `now`, for opening
// `opening_id` if it names one; return the new row's id. Call it inside a write transaction.
std::int64_t insert_card_share(Database& db, std::int64_t candidate_id, std::int64_t company_id,
                               std::optional<std::int64_t> opening_id, const std::string& now);

// Return every card of candidate `candidate_id` given to a company, oldest first.
std::vector<CardShareRow> card_shares_of(Database& db, std::int64_t candidate_id);

// Return the id of the last committed match run, or nothing if none was committed.
std::optional<std::int64_t> latest_match_run(Database& db);
// Return true if match run `run_id` exists.
bool match_run_exists(Database& db, std::int64_t run_id);

// Return the pairs (candidate id, opening id) that run `run_id` proposed for the openings of
// company `company_id` and whose placement is still `proposed`, by opening and candidate; erased
// candidates (purged) are left out.
std::vector<std::pair<std::int64_t, std::int64_t>>
proposals_for_company(Database& db, std::int64_t company_id, std::int64_t run_id);

// Return the score (thousandths of a point) the last run that proposed the pair gave it, or
// nothing if no run proposed it.
std::optional<std::int64_t> pair_score(Database& db, std::int64_t candidate_id,
                                       std::int64_t opening_id);

} // namespace werkstatt
