// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt placement set|list: where each proposed pair stands, from proposed to hired.
#include "applicants/exchange.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "match/placements.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct PlacementSetOptions {
    std::string candidate;
    std::int64_t opening = 0;
    std::string status;
    std::optional<std::string> source;
    std::string note;
    std::optional<std::string> date;
    std::optional<std::int64_t> mentor;
    bool force = false;
    bool dry = false;
};

struct PlacementListOptions {
    std::optional<std::string> status;
    std::optional<std::string> candidate;
    std::optional<std::int64_t> opening;
    std::optional<std::string> source;
    std::optional<std::string> format;
};

PlacementStatus status_of(const std::string& text) {
    const auto status = parse_placement_status(text);
    if (!status) {
        throw Error(ErrorKind::usage,
                    _f("unknown status '{}'; use proposed, introduced, interview, hired, "
                       "declined or withdrawn",
                       text));
    }
    return *status;
}

// Say what a hire did besides: the candidate's other placements it withdrew, and other
// candidates still open at the opening it filled.
void report_hire(Runtime& rt, const PlacementChange& change, std::int64_t candidate,
                 std::int64_t opening, bool dry) {
    std::vector<std::string> parts;
    for (const auto& p : change.withdrawn) {
        parts.push_back(_f("opening {} (was {})", p.opening_id, p.status));
    }
    if (!parts.empty()) {
        rt.info(_f("{} candidate {}'s other placements: {}; reason: hired for opening "
                   "{}",
                   verb(dry, N_("withdrew"), N_("would withdraw")), candidate,
                   text::join(parts, ", "), opening));
    }
    parts.clear();
    for (const auto& p : change.still_open) {
        parts.push_back(_f("candidate {} ({})", p.candidate_id, p.status));
    }
    if (!parts.empty()) {
        const bool one = parts.size() == 1;
        rt.warn(one ? _f("opening {} is filled, but this placement is still open there: {}; "
                         "set it to declined or withdrawn with 'werkstatt placement set'",
                         opening, text::join(parts, ", "))
                    : _f("opening {} is filled, but these are still open there: {}; set each "
                         "to declined or withdrawn with 'werkstatt placement set'",
                         opening, text::join(parts, ", ")));
    }
}

std::vector<std::string> months_text(const std::vector<int>& months) {
    std::vector<std::string> out;
    for (const auto m : months) {
        out.push_back(std::to_string(m));
    }
    return out;
}

} // namespace

void setup_placement(CLI::App& app, Runtime& rt) {
    auto* group = app.add_subcommand("placement", _("Where proposed pairs stand, up to hired"));
    group->require_subcommand(1);

    static PlacementSetOptions o;
    auto* set = group->add_subcommand("set", _("Move a candidate's placement for an opening"));
    set->add_option("CANDIDATE", o.candidate, _("Candidate id or agency reference"))->required();
    set->add_option("OPENING", o.opening, _("Opening id"))->required();
    set->add_option("STATUS", o.status,
                    _("proposed, introduced, interview, hired, declined or withdrawn"))
        ->required();
    set->add_option("--source", o.source, _("The source of the candidate reference"));
    set->add_option("--note", o.note, _("A note for the coordinators (no personal data)"));
    set->add_option("--date", o.date,
                    _("Day the step was reached, YYYY-MM-DD or DD.MM.YYYY (default: today)"));
    set->add_option("--mentor", o.mentor,
                    _("With hired: the contact id of the colleague at the company who helps the "
                      "new employee settle in"));
    set->add_flag(
        "--force", o.force,
        _("Allow a move backward or out of a final status, or an introduction the rules refuse"));
    add_dry_run_option(set, o.dry);
    set->callback([&rt] {
        rt.action = [&rt] {
            const auto status = status_of(o.status);
            const auto day = reference_day(o.date);
            auto db = rt.open(Access::read_write);
            const auto candidate = require_candidate(db, o.candidate, o.source);
            const HireDetails hire{o.mentor, rt.config().config.exchange.followup_months};
            const auto change = set_placement(db, candidate.id, o.opening, status, o.note, o.force,
                                              day, dry_run(o.dry), hire);
            if (change.mentor_only) {
                rt.info(_f("{} contact {} as the mentor of candidate {} at opening {}",
                           verb(o.dry, N_("named"), N_("would name")), *o.mentor, candidate.id,
                           o.opening));
                return;
            }
            rt.info(_f("{} candidate {} for opening {}: {}{}{}",
                       verb(o.dry, N_("set"), N_("would set")), candidate.id, o.opening,
                       change.from ? fmt::format("{} -> ", to_string(*change.from)) : _("new, "),
                       to_string(change.to),
                       change.opening_filled ? _f("; opening {} has no position left", o.opening)
                                             : ""));
            report_hire(rt, change, candidate.id, o.opening, o.dry);
            if (change.followups > 0) {
                rt.info(fmt::format(
                    fmt::runtime(n_("{} {} follow-up ({} months after {}); 'werkstatt followup "
                                    "list' shows it",
                                    "{} {} follow-ups ({} months after {}); 'werkstatt followup "
                                    "list' shows them",
                                    static_cast<std::uint64_t>(change.followups))),
                    verb(o.dry, N_("scheduled"), N_("would schedule")), change.followups,
                    text::join(months_text(hire.followup_months), ", "), day.iso()));
            }
            if (change.followups_dropped > 0) {
                rt.info(fmt::format(
                    fmt::runtime(n_("{} {} follow-up not yet asked: the hire no longer stands",
                                    "{} {} follow-ups not yet asked: the hire no longer stands",
                                    static_cast<std::uint64_t>(change.followups_dropped))),
                    verb(o.dry, N_("dropped"), N_("would drop")), change.followups_dropped));
            }
        };
    });

    static PlacementListOptions l;
    auto* list = group->add_subcommand("list", _("List placements"));
    list->add_option("--status", l.status, _("Only this status"));
    list->add_option("--candidate", l.candidate, _("Only this candidate (id or reference)"));
    list->add_option("--opening", l.opening, _("Only this opening"));
    list->add_option("--source", l.source, _("The source of the --candidate reference"));
    add_format_option(list, l.format);
    list->callback([&rt] {
        rt.action = [&rt] {
            if (l.status) {
                status_of(*l.status);
            }
            auto db = rt.open(Access::read_only);
            PlacementFilter filter{l.status, {}, l.opening};
            if (l.candidate) {
                filter.candidate_id = require_candidate(db, *l.candidate, l.source).id;
            }
            const auto records = placement_records(list_placements(db, filter));
            if (rt.format(l.format) == Format::table) {
                rt.print(select_columns(records, {"id", "candidate", "opening", "company", "title",
                                                  "status", "score", "updated_at"}),
                         l.format);
            } else {
                rt.print(records, l.format);
            }
        };
    });
}

} // namespace werkstatt::cli
