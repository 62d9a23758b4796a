// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt match: the best candidates for an opening, the best openings for a candidate, every
// scored pair, and the optimal global proposal.
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "match/pool.hpp"
#include "match/run.hpp"
#include "reference/work_rules.hpp"

#include <chrono>
#include <fmt/format.h>
#include <sstream>

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

void check_modes(const MatchOptions& o) {
    const int modes =
        int(o.opening.has_value()) + int(o.candidate.has_value()) + int(o.assign) + int(o.scores);
    if (modes != 1) {
        throw Error(ErrorKind::usage, _("say what to match; give exactly one of --opening ID, "
                                        "--candidate ID, --assign or --scores"));
    }
    if (o.commit && !o.assign) {
        throw Error(ErrorKind::usage, _("--commit stores a global proposal; use it with --assign"));
    }
    if (o.top && *o.top < 1) {
        throw Error(ErrorKind::usage, _("--top must be 1 or more; leave it out for match.top"));
    }
}

// Say how many candidates of `pool` matching left out for want of a consent, if any.
void say_consent_left_out(Runtime& rt, const MatchPool& pool, const MatchSettings& settings) {
    if (const auto line = consent_left_out(pool, settings); !line.empty()) {
        rt.info(line);
    }
    if (const auto line = freshness_left_out(pool, settings); !line.empty()) {
        rt.info(line);
    }
}

void rank(Runtime& rt, const MatchOptions& o, Database& db, const MatchPool& pool,
          const MatchSettings& settings) {
    const RankingRequest request{
        o.opening, o.candidate.value_or(""), o.source,
        static_cast<std::size_t>(o.top.value_or(rt.config().config.match.top)), o.explain};
    const auto run = rank_pool(db, pool, request, settings, WorkRules::shipped());
    const bool table = rt.format(o.format) == Format::table;
    if (o.explain && table) {
        std::ostringstream text;
        write_ranking_explained(text, pool, run.ranking, run.side);
        rt.print_text(text.str());
        return;
    }
    rt.print(ranking_listing(pool, run, o.explain, table), o.format);
    rt.info(ranking_summary(run));
    say_consent_left_out(rt, pool, settings);
}

void scores(Runtime& rt, const MatchOptions& o, const MatchPool& pool,
            const MatchSettings& settings) {
    RecordStream stream(rt.out(), score_columns(), rt.listing_format(o.format), rt.table_style());
    const auto pairs = score_pool(pool, settings, WorkRules::shipped(),
                                  [&](std::size_t ci, std::size_t oi, const Evaluation& e) {
                                      stream.row(score_row(pool, ci, oi, e));
                                  });
    stream.finish();
    rt.info(scores_summary(pool, pairs));
    say_consent_left_out(rt, pool, settings);
}

void assign(Runtime& rt, const MatchOptions& o, Database& db, const MatchPool& pool,
            const MatchSettings& settings) {
    const auto run =
        propose(db, pool, settings, WorkRules::shipped(), o.commit ? Commit::yes : Commit::no,
                o.commit ? rt.documents_language(std::nullopt) : ui_language());
    for (const auto& line : proposal_details(run)) {
        rt.detail(line);
    }
    if (run.committed) {
        rt.info(committed_summary(run));
        for (const auto& line : removed_lines(*run.committed, rt.global.verbose > 0 ? 0 : 20)) {
            rt.info(line);
        }
    }
    if (rt.format(o.format) == Format::json) {
        write_assignment_json(rt.out(), pool, run.proposal, settings,
                              run.committed ? std::optional(run.committed->run_id) : std::nullopt);
    } else {
        auto records = assignment_records(pool, run.proposal, settings);
        if (rt.format(o.format) == Format::table) {
            records = without_empty_column(std::move(records), "permit_warning");
        }
        rt.print(records, o.format);
    }
    rt.info(proposal_summary(pool, run));
    for (const auto& line : permit_warnings(pool, run.proposal, settings)) {
        rt.warn(line);
    }
    say_consent_left_out(rt, pool, settings);
}

} // namespace

void setup_match(CLI::App& app, Runtime& rt) {
    static MatchOptions o;
    auto* cmd = app.add_subcommand(
        "match", _("Propose candidates for openings: rankings, every scored pair, the optimal "
                   "global proposal"));
    cmd->add_option("--opening", o.opening, _("The best candidates for this opening (id)"));
    cmd->add_option("--candidate", o.candidate,
                    _("The best openings for this candidate (id or agency reference)"));
    cmd->add_option("--source", o.source, _("The source of the --candidate reference"));
    auto* assign_flag =
        cmd->add_flag("--assign", o.assign,
                      _("The global proposal of maximum total score over all open openings"));
    cmd->add_flag("--scores", o.scores, _("Every feasible pair with its score and parts"));
    cmd->add_flag("--commit", o.commit, _("With --assign: store the proposal as a match run"))
        ->needs(assign_flag);
    cmd->add_flag("--explain", o.explain, _("Show every part of each score and the rules applied"));
    cmd->add_option("--top", o.top, _("How many to show (default match.top)"));
    cmd->add_option(
        "--date", o.date,
        _("Judge availability and consent on this day, YYYY-MM-DD or DD.MM.YYYY (default today)"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            check_modes(o);
            const auto today = reference_day(o.date);
            const auto started = std::chrono::steady_clock::now();
            auto db = rt.open(o.commit ? Access::read_write : Access::read_only);
            auto settings = rt.config().config.match;
            settings.today = today;
            settings.pause_days = rt.config().config.exchange.pause_days;
            if (all_weights_zero(settings)) {
                rt.warn(
                    _("every match.weights.* is 0: all scores are 0 and nothing will be proposed"));
            }
            std::vector<std::string> left_out;
            const auto pool = load_pool(db, left_out);
            for (const auto& line : left_out) {
                rt.info(line);
            }
            const double read_seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            rt.detail(_f("pool: {} candidates, {} openings, read in {} s", pool.candidates.size(),
                         pool.openings.size(), format_number(read_seconds, 2, ui_language())));
            if (o.opening || o.candidate) {
                rank(rt, o, db, pool, settings);
            } else if (o.scores) {
                scores(rt, o, pool, settings);
            } else {
                assign(rt, o, db, pool, settings);
            }
        };
    });
}

} // namespace werkstatt::cli
