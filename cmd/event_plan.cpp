// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt event plan: propose the quarterly rotation of hosts, dates and topics.
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "event.hpp"
#include "plan/planning.hpp"

#include <fmt/format.h>
#include <sstream>

namespace werkstatt::cli {

namespace {

struct PlanOptions {
    std::string from;
    int quarters = 4;
    bool commit = false;
    std::optional<std::string> format;
};

PlanRequest request_from(Runtime& rt, const PlanOptions& o) {
    const auto& c = rt.config().config;
    PlanRequest r;
    const auto from = Quarter::parse(o.from);
    if (!from) {
        throw Error(ErrorKind::usage,
                    _f("--from '{}' is not a quarter; write it like 2027Q1", o.from));
    }
    r.from = *from;
    r.quarters = o.quarters;
    r.planner = c.planner;
    r.defaults = c.events;
    return r;
}

void print_plan(Runtime& rt, const PlanResult& result, const PlanOptions& o) {
    if (rt.format(o.format) != Format::table) {
        rt.print(plan_records(result), o.format);
        return;
    }
    std::ostringstream out;
    for (const auto& m : result.meetings) {
        out << m.quarter.str() << "  " << (m.date ? m.date->iso() : "(no date)") << "  "
            << (m.host_id ? m.host_name + " (" + m.host_key + ")" : "(no host)") << '\n';
        for (const auto& line : m.explanation) {
            out << "    " << line << '\n';
        }
    }
    rt.print_text(out.str());
}

} // namespace

void setup_event_plan(CLI::App& group, Runtime& rt) {
    static PlanOptions o;
    auto* cmd = group.add_subcommand("plan", _("Propose hosts, dates and topics for the next "
                                               "quarters (writes only with --commit)"));
    cmd->add_option("--from", o.from, _("First quarter, e.g. 2027Q1"))->required();
    cmd->add_option("--quarters", o.quarters, _("How many quarters (default 4)"))
        ->check(CLI::Range(1, 40));
    cmd->add_flag("--commit", o.commit, _("Write the proposal as planned events"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto request = request_from(rt, o);
            auto db = rt.open(o.commit ? Access::read_write : Access::read_only);
            const auto result = plan_werkstatt(db, request, o.commit ? DryRun::no : DryRun::yes);
            print_plan(rt, result, o);
            for (const auto& w : result.warnings) {
                rt.warn(w);
            }
            std::size_t unplanned = 0;
            for (const auto& m : result.meetings) {
                unplanned += !m.skipped && (!m.host_id || !m.date);
            }
            if (unplanned > 0) {
                rt.warn(_f("{} of {} quarters have no host or date; see the "
                           "explanation",
                           unplanned, result.meetings.size()));
            }
            if (o.commit) {
                rt.info(_f("created {} planned events", result.event_ids.size()));
            } else {
                rt.info(_("nothing written; add --commit to create these events"));
            }
        };
    });
}

} // namespace werkstatt::cli
