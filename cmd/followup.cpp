// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt followup list|record: after the hire, whether the person stays.
#include "applicants/exchange.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "match/followups.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct FollowupListOptions {
    bool due = false;
    std::optional<std::string> date;
    std::optional<std::string> candidate;
    std::optional<std::string> source;
    std::optional<std::string> format;
};

struct FollowupRecordOptions {
    std::int64_t id = 0;
    std::string outcome;
    std::string reason;
    std::string note;
    std::optional<std::string> date;
    bool force = false;
    bool dry = false;
};

FollowupOutcome outcome_of(const std::string& text) {
    const auto outcome = parse_followup_outcome(text);
    if (!outcome) {
        throw Error(ErrorKind::usage,
                    _f("unknown outcome '{}'; use employed, left, changed-employer or "
                       "unknown",
                       text));
    }
    return *outcome;
}

void setup_list(CLI::App& group, Runtime& rt) {
    static FollowupListOptions o;
    auto* list = group.add_subcommand("list", _("List the follow-ups of hires"));
    list->add_flag("--due", o.due, _("Only those due and not yet asked"));
    list->add_option("--date", o.date,
                     _("With --due: the day they are due by, YYYY-MM-DD or DD.MM.YYYY (default: "
                       "today)"));
    list->add_option("--candidate", o.candidate, _("Only this candidate (id or reference)"));
    list->add_option("--source", o.source, _("The source of the --candidate reference"));
    add_format_option(list, o.format);
    list->callback([&rt] {
        rt.action = [&rt] {
            const auto day = reference_day(o.date);
            auto db = rt.open(Access::read_only);
            std::optional<std::int64_t> candidate;
            if (o.candidate) {
                candidate = require_candidate(db, *o.candidate, o.source).id;
            }
            const auto records = followup_records(
                list_followups(db, o.due ? std::optional<Date>(day) : std::nullopt, candidate));
            if (rt.format(o.format) == Format::table) {
                rt.print(select_columns(records,
                                        {"id", "candidate", "company", "title", "hired_on",
                                         "mentor", "months", "due_on", "outcome", "recorded_on"}),
                         o.format);
            } else {
                rt.print(records, o.format);
            }
        };
    });
}

void setup_record(CLI::App& group, Runtime& rt) {
    static FollowupRecordOptions o;
    auto* record = group.add_subcommand("record", _("Record what a follow-up found"));
    record->add_option("FOLLOWUP", o.id, _("The follow-up's id ('followup list' shows it)"))
        ->required();
    record->add_option("--outcome", o.outcome, _("employed, left, changed-employer or unknown"))
        ->required();
    record->add_option("--reason", o.reason,
                       _("Why the person left or changed employer, in a few words (no health or "
                         "other sensitive details)"));
    record->add_option("--note", o.note, _("A note for the coordinators"));
    record->add_option("--date", o.date,
                       _("Day the person was asked, YYYY-MM-DD or DD.MM.YYYY (default: today)"));
    record->add_flag("--force", o.force, _("Replace an outcome recorded already"));
    add_dry_run_option(record, o.dry);
    record->callback([&rt] {
        rt.action = [&rt] {
            const auto outcome = outcome_of(o.outcome);
            const auto day = reference_day(o.date);
            auto db = rt.open(Access::read_write);
            const auto out =
                record_followup(db, o.id, outcome, o.reason, o.note, day, o.force, dry_run(o.dry));
            rt.info(fmt::format(
                fmt::runtime(
                    n_("{} follow-up {} (candidate {}, {} month after the hire at {}): {}",
                       "{} follow-up {} (candidate {}, {} months after the hire at {}): {}",
                       static_cast<std::uint64_t>(out.before.months))),
                verb(o.dry, N_("recorded"), N_("would record")), o.id, out.before.candidate_id,
                out.before.months, out.before.company, to_string(outcome)));
            if (out.esf_status) {
                rt.info(_f("{} candidate {}'s situation six months after leaving as {} "
                           "(ESF+ longer-term result)",
                           verb(o.dry, N_("recorded"), N_("would record")), out.before.candidate_id,
                           *out.esf_status));
            }
            if (outcome == FollowupOutcome::left) {
                rt.info(_("the later follow-ups of this hire are not due any more"));
            }
        };
    });
}

} // namespace

void setup_followup(CLI::App& app, Runtime& rt) {
    auto* group = app.add_subcommand("followup", _("Follow-ups of hires: does the person stay?"));
    group->require_subcommand(1);
    setup_list(*group, rt);
    setup_record(*group, rt);
}

} // namespace werkstatt::cli
