// SPDX-License-Identifier: GPL-3.0-or-later
// The use cases of `werkstatt match`, one call per action: a ranking for one opening or one
// candidate, every feasible pair with its score, and the optimal global proposal, stored on
// request; each with the summary lines the command shows.
#pragma once

#include "core/i18n.hpp"
#include "match/matching.hpp"
#include "match/placements.hpp"
#include "match/views.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

class WorkRules;

// Return true if every weight of `settings` is 0, so that every score is 0.
bool all_weights_zero(const MatchSettings& settings);

// What to rank: the best candidates for `opening` (an id) or, if it is empty, the best openings
// for `candidate` (an id, or an agency reference from `source`).
struct RankingRequest {
    std::optional<std::int64_t> opening;
    std::string candidate;
    std::optional<std::string> source;
    std::size_t top = 10;
    bool explain = false; // every part with its reason in words
};

// A ranking and the side it lists.
struct RankingRun {
    Ranking ranking;
    RankingSide side = RankingSide::candidates;
};

// Return the ranking `request` asks for over `pool` of `db`. Throw Error(not_found) for an
// unknown opening or candidate, Error(conflict) for one that is not in the pool.
RankingRun rank_pool(Database& db, const MatchPool& pool, const RankingRequest& request,
                     const MatchSettings& settings, const WorkRules& rules);

// Return `run` as a listing; `brief` keeps the columns of a terminal table (permit_warning only
// where a row has one).
Records ranking_listing(const MatchPool& pool, const RankingRun& run, bool explain, bool brief);
// Return "N candidates left out: no matching consent valid on DAY (no-consent A,
// consent-expired B)" for the candidates of `pool` whose matching consent does not hold on
// settings.today, or "" when every candidate has one.
std::string consent_left_out(const MatchPool& pool, const MatchSettings& settings);

// Return "N shown; excluded by hard rules: ..." for `run`.
std::string ranking_summary(const RankingRun& run);

// Call `visit(candidate index, opening index, evaluation)` for every feasible pair of `pool` in
// the order of for_each_feasible(), and return how many there were. Throw Error(not_found) if
// the pool has no opening or no candidate.
std::size_t
score_pool(const MatchPool& pool, const MatchSettings& settings, const WorkRules& rules,
           const std::function<void(std::size_t, std::size_t, const Evaluation&)>& visit);
// Return "N feasible pairs of C candidates and O openings".
std::string scores_summary(const MatchPool& pool, std::size_t pairs);

// Whether a proposal is stored as a match run.
enum class Commit { no, yes };

// The optimal global proposal of a run, how long its phases took, and where it was stored.
struct ProposalRun {
    Proposal proposal;
    std::optional<CommittedRun> committed; // with Commit::yes
    double scoring_seconds = 0;
    double solving_seconds = 0;
};

// Score every feasible pair of `pool`, choose the assignment of maximum total score and, with
// Commit::yes, store it in `db` as a match run with its reasons in `stored_lang` (see
// commit_proposal()). Throw Error(not_found) if the pool has no opening or no candidate.
ProposalRun propose(Database& db, const MatchPool& pool, const MatchSettings& settings,
                    const WorkRules& rules, Commit commit, Language stored_lang);
// Return the lines for -v about `run`: how many pairs were scored, how long each phase took.
std::vector<std::string> proposal_details(const ProposalRun& run);
// Return the line that says where `run` was stored, or "" if it was not.
std::string committed_summary(const ProposalRun& run);
// Return one line for each earlier proposal that `committed` removed, saying which and why, at
// most `limit` of them (0: all) and then one line that says how many more there are.
std::vector<std::string> removed_lines(const CommittedRun& committed, std::size_t limit);
// Return "optimal proposal: ..." for `run` over `pool`, saying whether it was stored.
std::string proposal_summary(const MatchPool& pool, const ProposalRun& run);
// Return one warning for each proposed pair of `proposal` whose residence title ends too soon
// under `settings` (permit_warning()), naming the candidate, the opening and the last day.
std::vector<std::string> permit_warnings(const MatchPool& pool, const Proposal& proposal,
                                         const MatchSettings& settings);
// Return the line that says how many candidates of `pool` the pool's freshness leaves out on
// settings.today (permit-ended, paused), or "" when none.
std::string freshness_left_out(const MatchPool& pool, const MatchSettings& settings);

} // namespace werkstatt
