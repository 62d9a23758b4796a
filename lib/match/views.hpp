// SPDX-License-Identifier: GPL-3.0-or-later
// Matching results as listings and text: rankings, every scored pair, the global proposal, and
// the reasons behind each score.
#pragma once

#include "io/records.hpp"
#include "match/matching.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace werkstatt {

// Return the reasons of `e`: one line per part ("german 16.667 of 25: German B1, opening asks
// B2: 1 level below"), then its notes ("note: ...").
std::vector<std::string> explanation_lines(const Evaluation& e);

// Return how many pairs each hard rule excluded, as "too-far 3, consent-expired 1" (or "none").
std::string excluded_summary(const Ranking& ranking);
// Return the name of a hard rule for people: its code in English, translated otherwise.
std::string rule_label(Rule rule);

// Which side a ranking lists.
enum class RankingSide { candidates, openings };

// Return `ranking` as a listing: rank, the other side's identity, score and its parts, the
// distance and permit_warning (the last day of a residence title that ends too soon, see
// permit_warning(), else null); with `explain`, a reason column per part and the notes.
Records ranking_records(const MatchPool& pool, const Ranking& ranking, RankingSide side,
                        bool explain);

// Write `ranking` as text for people, each entry with its parts and reasons, then the pairs each
// hard rule excluded.
void write_ranking_explained(std::ostream& out, const MatchPool& pool, const Ranking& ranking,
                             RankingSide side);

// Return the columns of `match --scores`.
std::vector<std::string> score_columns();
// Return the row of `match --scores` for the pair (`candidate`, `opening`).
std::vector<Value> score_row(const MatchPool& pool, std::size_t candidate, std::size_t opening,
                             const Evaluation& e);

// Return `records` without its column `name` when no row has a value there: a table for people
// shows permit_warning only where a residence title ends too soon.
Records without_empty_column(Records records, const std::string& name);

// Return the chosen pairs of `proposal` as a listing, by opening then candidate, each with
// permit_warning under `settings` (see permit_warning()).
Records assignment_records(const MatchPool& pool, const Proposal& proposal,
                           const MatchSettings& settings);

// Write `proposal` as the JSON object of `match --assign --format json`: total, assignments
// (candidate, source, candidate_id, opening, company, title, score, permit_warning), pool
// sizes and, once committed, the run id.
void write_assignment_json(std::ostream& out, const MatchPool& pool, const Proposal& proposal,
                           const MatchSettings& settings, std::optional<std::int64_t> run_id);

} // namespace werkstatt
