// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt event list|show: the events of a period, one event with its registrations.
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "event.hpp"
#include "events/events.hpp"
#include "members/members.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct EventListOptions {
    std::optional<std::string> period;
    std::optional<std::string> status;
    std::optional<std::string> host;
    std::optional<std::string> format;
};

struct EventShowOptions {
    std::int64_t id = 0;
    std::optional<std::string> format;
};

void setup_list(CLI::App& group, Runtime& rt) {
    static EventListOptions o;
    auto* cmd = group.add_subcommand("list", _("List events by date"));
    cmd->add_option("--period", o.period, _("Only this period: 2027, 2027Q1, 2027-03, A..B"));
    cmd->add_option("--status", o.status, _("Only events with this status"))
        ->check(CLI::IsMember({"planned", "confirmed", "held", "cancelled"}));
    cmd->add_option("--host", o.host, _("Only events this company hosts (its key)"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            EventFilter filter;
            if (o.period) {
                filter.period = parse_period_flag(*o.period);
            }
            if (o.status) {
                filter.status = parse_event_status(*o.status);
            }
            auto db = rt.open(Access::read_only);
            if (o.host) {
                filter.host_id = require_company(db, *o.host).id;
            }
            rt.print(event_records(list_events(db, filter)), o.format);
        };
    });
}

void setup_show(CLI::App& group, Runtime& rt) {
    static EventShowOptions o;
    auto* cmd = group.add_subcommand("show", _("Show one event with its registrations"));
    cmd->add_option("EVENT", o.id, _("Event id"))->required();
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            rt.print(event_detail(db, o.id), o.format);
        };
    });
}

} // namespace

Period parse_period_flag(const std::string& text) {
    const auto period = Period::parse(text);
    if (!period) {
        throw Error(ErrorKind::usage, Period::why_not(text));
    }
    return *period;
}

void setup_event_list(CLI::App& group, Runtime& rt) {
    setup_list(group, rt);
    setup_show(group, rt);
}

} // namespace werkstatt::cli
