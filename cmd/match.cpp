// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt match: the best candidates for an opening, the best openings for a candidate, every
// scored pair, and the optimal global proposal.
#include "applicants/exchange.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "match/placements.hpp"
#include "match/pool.hpp"
#include "match/views.hpp"
#include "reference/work_rules.hpp"

#include <chrono>
#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct MatchOptions {
    std::optional<std::int64_t> opening;
    std::optional<std::string> candidate;
    std::optional<std::string> source;
    bool assign = false;
    bool scores = false;
    bool commit = false;
    bool explain = false;
    std::optional<std::int64_t> top;
    std::optional<std::string> date;
    std::optional<std::string> format;
};

// Measures the phases of a run for -v.
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

Date reference_day(const MatchOptions& o) {
    if (!o.date) {
        return Date::today();
    }
    const auto d = Date::parse_iso(*o.date);
    if (!d) {
        throw Error(ErrorKind::usage,
                    fmt::format("--date '{}' is not a date; write YYYY-MM-DD", *o.date));
    }
    return *d;
}

void check_modes(const MatchOptions& o) {
    const int modes =
        int(o.opening.has_value()) + int(o.candidate.has_value()) + int(o.assign) + int(o.scores);
    if (modes != 1) {
        throw Error(ErrorKind::usage, "say what to match; give exactly one of --opening ID, "
                                      "--candidate ID, --assign or --scores");
    }
    if (o.commit && !o.assign) {
        throw Error(ErrorKind::usage, "--commit stores a global proposal; use it with --assign");
    }
    if (o.top && *o.top < 1) {
        throw Error(ErrorKind::usage, "--top must be 1 or more; leave it out for match.top");
    }
}

void require_pool(const MatchPool& pool) {
    if (pool.openings.empty()) {
        throw Error(ErrorKind::not_found,
                    "nothing to match: no open opening has a free position; add one with "
                    "'werkstatt opening add' or 'werkstatt opening import'");
    }
    if (pool.candidates.empty()) {
        throw Error(ErrorKind::not_found,
                    "nothing to match: no active candidate who is not placed; import some with "
                    "'werkstatt candidate import'");
    }
}

void warn_zero_weights(Runtime& rt, const MatchSettings& settings) {
    for (const auto part : all_parts()) {
        if (settings.weights[part] > 0) {
            return;
        }
    }
    rt.warn("every match.weights.* is 0: all scores are 0 and nothing will be proposed");
}

void rank(Runtime& rt, const MatchOptions& o, Database& db, const MatchPool& pool,
          const MatchSettings& settings) {
    const auto top = static_cast<std::size_t>(o.top.value_or(rt.config().config.match.top));
    Ranking ranking;
    RankingSide side = RankingSide::candidates;
    if (o.opening) {
        const auto index = pool_opening(db, pool, *o.opening);
        ranking = rank_candidates(pool, index, top, settings, WorkRules::shipped(), o.explain);
    } else {
        const auto record = require_candidate(db, *o.candidate, o.source);
        const auto index = pool_candidate(db, pool, record.id);
        ranking = rank_openings(pool, index, top, settings, WorkRules::shipped(), o.explain);
        side = RankingSide::openings;
    }
    if (o.explain && rt.format(o.format) == Format::table) {
        write_ranking_explained(rt.out(), pool, ranking, side);
        return;
    }
    auto records = ranking_records(pool, ranking, side, o.explain);
    if (rt.format(o.format) == Format::table) {
        records = select_columns(records, {"rank", "candidate", "source", "opening", "company",
                                           "title", "score", "occupation", "german", "distance",
                                           "permit", "recognition", "availability", "distance_km"});
    }
    rt.print(records, o.format);
    rt.info(fmt::format("{} shown; excluded by hard rules: {}", ranking.best.size(),
                        excluded_summary(ranking)));
}

void scores(Runtime& rt, const MatchOptions& o, const MatchPool& pool,
            const MatchSettings& settings) {
    RecordStream stream(rt.out(), score_columns(), rt.format(o.format), rt.color());
    std::size_t pairs = 0;
    for_each_feasible(pool, settings, WorkRules::shipped(), false,
                      [&](std::size_t ci, std::size_t oi, const Evaluation& e) {
                          stream.row(score_row(pool, ci, oi, e));
                          ++pairs;
                      });
    stream.finish();
    rt.info(fmt::format("{} feasible pairs of {} candidates and {} openings", pairs,
                        pool.candidates.size(), pool.openings.size()));
}

void assign(Runtime& rt, const MatchOptions& o, Database& db, const MatchPool& pool,
            const MatchSettings& settings, Stopwatch& watch) {
    Proposal proposal;
    proposal.pairs = score_pairs(pool, settings, WorkRules::shipped());
    rt.detail(
        fmt::format("scored {} feasible pairs in {:.2f} s", proposal.pairs.size(), watch.lap()));
    proposal.assignment = assign_pool(pool, proposal.pairs);
    rt.detail(fmt::format("solved the assignment in {:.2f} s", watch.lap()));
    std::optional<std::int64_t> run_id;
    if (o.commit) {
        const auto committed = commit_proposal(db, pool, proposal, settings, WorkRules::shipped(),
                                               describe_settings(settings), DryRun::no);
        run_id = committed.run_id;
        rt.info(fmt::format("stored as match run {}: {} new proposed placements, {} earlier "
                            "proposals not repeated were removed",
                            committed.run_id, committed.new_placements, committed.stale_removed));
    }
    if (rt.format(o.format) == Format::json) {
        write_assignment_json(rt.out(), pool, proposal, run_id);
    } else {
        rt.print(assignment_records(pool, proposal), o.format);
    }
    rt.info(fmt::format("optimal proposal: {} of {} candidates to {} openings, total score {} "
                        "({} feasible pairs){}",
                        proposal.assignment.chosen.size(), pool.candidates.size(),
                        pool.openings.size(), format_points(proposal.assignment.total_milli),
                        proposal.pairs.size(), o.commit ? "" : "; nothing stored (add --commit)"));
}

} // namespace

void setup_match(CLI::App& app, Runtime& rt) {
    static MatchOptions o;
    auto* cmd = app.add_subcommand(
        "match", "Propose candidates for openings: rankings, every scored pair, the optimal "
                 "global proposal");
    cmd->add_option("--opening", o.opening, "The best candidates for this opening (id)");
    cmd->add_option("--candidate", o.candidate,
                    "The best openings for this candidate (id or agency reference)");
    cmd->add_option("--source", o.source, "The source of the --candidate reference");
    cmd->add_flag("--assign", o.assign,
                  "The global proposal of maximum total score over all open openings");
    cmd->add_flag("--scores", o.scores, "Every feasible pair with its score and parts");
    cmd->add_flag("--commit", o.commit, "With --assign: store the proposal as a match run");
    cmd->add_flag("--explain", o.explain, "Show every part of each score and the rules applied");
    cmd->add_option("--top", o.top, "How many to show (default match.top)");
    cmd->add_option("--date", o.date,
                    "Judge availability and consent on this day, YYYY-MM-DD (default today)");
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            check_modes(o);
            const auto today = reference_day(o);
            Stopwatch watch;
            auto db = rt.open(o.commit ? Access::read_write : Access::read_only);
            auto settings = rt.config().config.match;
            settings.today = today;
            warn_zero_weights(rt, settings);
            const auto pool = load_pool(db);
            rt.detail(fmt::format("pool: {} candidates, {} openings, read in {:.2f} s",
                                  pool.candidates.size(), pool.openings.size(), watch.lap()));
            if (o.opening || o.candidate) {
                rank(rt, o, db, pool, settings);
                return;
            }
            require_pool(pool);
            if (o.scores) {
                scores(rt, o, pool, settings);
            } else {
                assign(rt, o, db, pool, settings, watch);
            }
        };
    });
}

} // namespace werkstatt::cli
