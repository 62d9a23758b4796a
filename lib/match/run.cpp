// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/run.hpp"
#include "core/i18n.hpp"

#include "applicants/exchange.hpp"
#include "core/error.hpp"
#include "match/pool.hpp"

#include <chrono>
#include <fmt/format.h>

namespace werkstatt {

namespace {

// Measures the phases of a run.
class Stopwatch {
  public:
    double lap() {
        const auto now = std::chrono::steady_clock::now();
        const double seconds = std::chrono::duration<double>(now - m_last).count();
        m_last = now;
        return seconds;
    }

  private:
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

void require_pool(const MatchPool& pool) {
    if (pool.openings.empty()) {
        throw Error(ErrorKind::not_found,
                    _("nothing to match: no open opening has a free position; add one with "
                      "'werkstatt opening add' or 'werkstatt opening import'"));
    }
    if (pool.candidates.empty()) {
        throw Error(ErrorKind::not_found,
                    _("nothing to match: no active candidate who is not placed; import some with "
                      "'werkstatt candidate import'"));
    }
}

} // namespace

bool all_weights_zero(const MatchSettings& settings) {
    for (const auto part : all_parts()) {
        if (settings.weights[part] > 0) {
            return false;
        }
    }
    return true;
}

RankingRun rank_pool(Database& db, const MatchPool& pool, const RankingRequest& request,
                     const MatchSettings& settings, const WorkRules& rules) {
    RankingRun run;
    if (request.opening) {
        const auto index = pool_opening(db, pool, *request.opening);
        run.ranking = rank_candidates(pool, index, request.top, settings, rules, request.explain);
        return run;
    }
    const auto record = require_candidate(db, request.candidate, request.source);
    const auto index = pool_candidate(db, pool, record.id);
    run.ranking = rank_openings(pool, index, request.top, settings, rules, request.explain);
    run.side = RankingSide::openings;
    return run;
}

Records ranking_listing(const MatchPool& pool, const RankingRun& run, bool explain, bool brief) {
    auto records = ranking_records(pool, run.ranking, run.side, explain);
    if (!brief) {
        return records;
    }
    return without_empty_column(
        select_columns(records, {"rank", "candidate", "source", "opening", "company", "title",
                                 "score", "occupation", "german", "distance", "permit",
                                 "recognition", "availability", "distance_km", "permit_warning"}),
        "permit_warning");
}

std::string consent_left_out(const MatchPool& pool, const MatchSettings& settings) {
    std::size_t none = 0;
    std::size_t expired = 0;
    for (const auto& c : pool.candidates) {
        const auto rule = consent_rule(c, settings);
        none += rule == Rule::no_consent ? 1 : 0;
        expired += rule == Rule::consent_expired ? 1 : 0;
    }
    if (none + expired == 0) {
        return "";
    }
    return fmt::format(
        fmt::runtime(n_("{} candidate left out: no matching consent valid on {} ({} {}, {} {})",
                        "{} candidates left out: no matching consent valid on {} ({} {}, {} {})",
                        none + expired)),
        none + expired, format_date(settings.today, ui_language()), rule_label(Rule::no_consent),
        none, rule_label(Rule::consent_expired), expired);
}

std::string freshness_left_out(const MatchPool& pool, const MatchSettings& settings) {
    std::size_t ended = 0;
    std::size_t paused = 0;
    for (const auto& c : pool.candidates) {
        if (consent_rule(c, settings)) {
            continue; // counted by consent_left_out()
        }
        const auto rule = freshness_rule(c, settings);
        ended += rule == Rule::permit_ended ? 1 : 0;
        paused += rule == Rule::paused ? 1 : 0;
    }
    if (ended + paused == 0) {
        return "";
    }
    return fmt::format(fmt::runtime(n_("{} candidate left out on {}: {} {}, {} {} ('werkstatt "
                                       "candidate confirm' ends a pause)",
                                       "{} candidates left out on {}: {} {}, {} {} ('werkstatt "
                                       "candidate confirm' ends a pause)",
                                       ended + paused)),
                       ended + paused, format_date(settings.today, ui_language()),
                       rule_label(Rule::permit_ended), ended, rule_label(Rule::paused), paused);
}

std::vector<std::string> permit_warnings(const MatchPool& pool, const Proposal& proposal,
                                         const MatchSettings& settings) {
    std::vector<std::string> lines;
    for (const auto k : proposal.assignment.chosen) {
        const auto& pair = proposal.pairs[k];
        const auto& c = pool.candidates[pair.candidate];
        const auto& o = pool.openings[pair.opening];
        if (const auto until = permit_warning(c, o, settings)) {
            lines.push_back(_f("candidate {} (id {}) for opening {}: residence title "
                               "valid only until {}, less than {} days after the start; "
                               "check its extension before proposing",
                               c.reference, c.id, o.id, format_date(*until, ui_language()),
                               settings.permit_warn_days));
        }
    }
    return lines;
}

std::string ranking_summary(const RankingRun& run) {
    return _f("{} shown; excluded by hard rules: {}", run.ranking.best.size(),
              excluded_summary(run.ranking));
}

std::size_t
score_pool(const MatchPool& pool, const MatchSettings& settings, const WorkRules& rules,
           const std::function<void(std::size_t, std::size_t, const Evaluation&)>& visit) {
    require_pool(pool);
    std::size_t pairs = 0;
    for_each_feasible(pool, settings, rules, false,
                      [&](std::size_t ci, std::size_t oi, const Evaluation& e) {
                          visit(ci, oi, e);
                          ++pairs;
                      });
    return pairs;
}

std::string scores_summary(const MatchPool& pool, std::size_t pairs) {
    return _f("{} feasible pairs of {} candidates and {} openings", pairs, pool.candidates.size(),
              pool.openings.size());
}

ProposalRun propose(Database& db, const MatchPool& pool, const MatchSettings& settings,
                    const WorkRules& rules, Commit commit, Language stored_lang) {
    require_pool(pool);
    Stopwatch watch;
    ProposalRun run;
    run.proposal.pairs = score_pairs(pool, settings, rules);
    run.scoring_seconds = watch.lap();
    run.proposal.assignment = assign_pool(pool, run.proposal.pairs);
    run.solving_seconds = watch.lap();
    if (commit == Commit::yes) {
        run.committed = commit_proposal(db, pool, run.proposal, settings, rules,
                                        describe_settings(settings), DryRun::no, stored_lang);
    }
    return run;
}

std::vector<std::string> proposal_details(const ProposalRun& run) {
    return {
        _f("scored {} feasible pairs in {} s", run.proposal.pairs.size(),
           format_number(run.scoring_seconds, 2, ui_language())),
        _f("solved the assignment in {} s", format_number(run.solving_seconds, 2, ui_language()))};
}

std::string committed_summary(const ProposalRun& run) {
    if (!run.committed) {
        return "";
    }
    const auto& c = *run.committed;
    // Two counts, two plural rules: each clause is whole and has its own msgid.
    return fmt::format(fmt::runtime(n_("stored as match run {}: {} new proposed placement",
                                       "stored as match run {}: {} new proposed placements",
                                       c.new_placements)),
                       c.run_id, c.new_placements) +
           ", " +
           fmt::format(
               fmt::runtime(n_("{} earlier proposal not repeated was removed",
                               "{} earlier proposals not repeated were removed", c.stale_removed)),
               c.stale_removed);
}

std::vector<std::string> removed_lines(const CommittedRun& committed, std::size_t limit) {
    std::vector<std::string> lines;
    for (const auto& r : committed.removed) {
        if (limit > 0 && lines.size() == limit) {
            lines.push_back(_f("... and {} more removed proposals; -v lists them all",
                               committed.removed.size() - limit));
            break;
        }
        lines.push_back(_f("removed the proposal of candidate {} for opening {}: {}",
                           r.candidate_id, r.opening_id, r.reason));
    }
    return lines;
}

std::string proposal_summary(const MatchPool& pool, const ProposalRun& run) {
    const auto& a = run.proposal.assignment;
    const auto total = format_points(a.total_milli, ui_language());
    if (run.committed) {
        return _f("optimal proposal: {} of {} candidates to {} openings, total score {} ({} "
                  "feasible pairs)",
                  a.chosen.size(), pool.candidates.size(), pool.openings.size(), total,
                  run.proposal.pairs.size());
    }
    return _f("optimal proposal: {} of {} candidates to {} openings, total score {} ({} "
              "feasible pairs); nothing stored (add --commit)",
              a.chosen.size(), pool.candidates.size(), pool.openings.size(), total,
              run.proposal.pairs.size());
}

} // namespace werkstatt
