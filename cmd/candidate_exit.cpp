// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate exit|follow-up: a candidate leaves the programme, and how they are doing
// six months later (the ESF+ result indicators, werkstatt-candidate(1)).
#include "applicants/leaving.hpp"
#include "candidate.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct CandidateExitOptions {
    std::string key;
    std::optional<std::string> source;
    std::optional<std::string> date;
    std::optional<std::string> situation;
    bool undo = false;
    bool force = false;
    bool dry = false;
};

struct CandidateFollowUpOptions {
    std::string key;
    std::optional<std::string> source;
    std::optional<std::string> date;
    std::string status;
    bool force = false;
    bool dry = false;
};

void say(Runtime& rt, const LeavingOutcome& out, bool dry, const char* past, const char* would) {
    for (const auto& w : out.warnings) {
        rt.warn(w);
    }
    if (out.changed.empty()) {
        rt.info(_f("candidate {}: nothing to change", out.id));
        return;
    }
    rt.info(
        _f("{} candidate {} ({})", verb(dry, past, would), out.id, text::join(out.changed, ", ")));
}

ExitSituation situation_of(const std::optional<std::string>& text) {
    if (!text) {
        throw Error(ErrorKind::usage, _("candidate exit needs --situation; give job-searching, "
                                        "education, qualification, employed, self-employed or "
                                        "other, or --undo to take an exit back"));
    }
    const auto s = parse_exit_situation(*text);
    if (!s) {
        throw Error(ErrorKind::usage, _f("--situation '{}' is not a situation on leaving; use "
                                         "job-searching, education, qualification, employed, "
                                         "self-employed or other",
                                         *text));
    }
    return *s;
}

void setup_exit(CLI::App& group, Runtime& rt) {
    static CandidateExitOptions o;
    auto* cmd = group.add_subcommand("exit", _("Record that a candidate left the programme "
                                               "(--undo: take it back)"));
    bind_candidate(cmd, o.key, o.source);
    cmd->add_option("--date", o.date,
                    _("Day they left, YYYY-MM-DD or DD.MM.YYYY (default: today)"));
    cmd->add_option("--situation", o.situation,
                    _("job-searching, education, qualification, employed, self-employed or other"));
    auto* undo = cmd->add_flag("--undo", o.undo, _("Take back the exit (and its follow-up)"));
    cmd->add_flag("--force", o.force, _("Record the exit again for someone who left already"))
        ->excludes(undo);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            if (o.undo) {
                if (o.situation || o.date) {
                    throw Error(ErrorKind::usage,
                                _("--undo takes back the exit; leave out --date and --situation"));
                }
                auto db = rt.open(Access::read_write);
                say(rt, undo_exit(db, o.key, o.source, dry_run(o.dry)), o.dry,
                    N_("took back exit of"), N_("would take back exit of"));
                return;
            }
            const auto situation = situation_of(o.situation);
            const auto day = reference_day(o.date);
            auto db = rt.open(Access::read_write);
            const auto out = record_exit(db, o.key, o.source, day, situation,
                                         o.force ? Overwrite::yes : Overwrite::no, dry_run(o.dry));
            say(rt, out, o.dry, N_("recorded exit of"), N_("would record exit of"));
        };
    });
}

void setup_follow_up(CLI::App& group, Runtime& rt) {
    static CandidateFollowUpOptions o;
    auto* cmd = group.add_subcommand("follow-up", _("Record a candidate's situation six months "
                                                    "after leaving"));
    bind_candidate(cmd, o.key, o.source);
    cmd->add_option("--date", o.date,
                    _("Day it was asked, YYYY-MM-DD or DD.MM.YYYY (default: today)"));
    cmd->add_option("--status", o.status,
                    _("employed, self-employed, job-searching, education, inactive or other"))
        ->required();
    cmd->add_flag("--force", o.force, _("Replace a follow-up recorded already"));
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto status = parse_follow_up_status(o.status);
            if (!status) {
                throw Error(ErrorKind::usage,
                            _f("--status '{}' is not a situation six months after "
                               "leaving; use employed, self-employed, job-searching, "
                               "education, inactive or other",
                               o.status));
            }
            const auto day = reference_day(o.date);
            auto db = rt.open(Access::read_write);
            const auto out =
                record_follow_up(db, o.key, o.source, day, *status,
                                 o.force ? Overwrite::yes : Overwrite::no, dry_run(o.dry));
            say(rt, out, o.dry, N_("recorded follow-up of"), N_("would record follow-up of"));
        };
    });
}

} // namespace

void setup_candidate_exit(CLI::App& group, Runtime& rt) {
    setup_exit(group, rt);
    setup_follow_up(group, rt);
}

} // namespace werkstatt::cli
