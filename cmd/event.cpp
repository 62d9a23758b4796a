// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt event add|edit|confirm|hold|cancel, and the group with its parts in event_*.cpp:
// meetings of the Werkstatt and their status.
#include "event.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "events/events.hpp"

#include <fmt/format.h>
#include <memory>

namespace werkstatt::cli {

namespace {

// `event add` and `event edit`: the event's fields and its agenda.
struct EventFieldOptions {
    EventFields fields;
    std::vector<std::string> topics;
    bool dry = false;
};

struct EventEditOptions : EventFieldOptions {
    std::int64_t id = 0;
};

struct EventStatusOptions {
    std::int64_t id = 0;
    std::string reason;
    bool dry = false;
};

void bind_fields(CLI::App* cmd, EventFieldOptions& o, bool creating) {
    auto& f = o.fields;
    auto* date = cmd->add_option("--date", f.date, _("Day of the event, YYYY-MM-DD or DD.MM.YYYY"));
    auto* host = cmd->add_option("--host", f.host, _("Key of the host company"));
    if (creating) {
        date->required();
        host->required();
    }
    cmd->add_option("--kind", f.kind, _("werkstatt (default), site-visit or fireside"))
        ->check(CLI::IsMember({"werkstatt", "site-visit", "fireside"}));
    cmd->add_option("--start", f.start, _("Start time HH:MM (default: events.default_start)"));
    cmd->add_option("--end", f.end, _("End time HH:MM (default: events.default_end)"));
    cmd->add_option("--title", f.title, _("Title, e.g. \"Werkstatt 1/2027\""));
    cmd->add_option("--topic", o.topics, _("Topic key of the agenda (repeat, in order)"));
    cmd->add_option("--capacity", f.capacity, _("Participants at most (0 clears)"));
    cmd->add_option("--notes", f.notes, _("Free notes"));
    add_dry_run_option(cmd, o.dry);
}

void report(Runtime& rt, const EventOutcome& out, bool dry, const char* past, const char* would) {
    for (const auto& w : out.warnings) {
        rt.warn(w);
    }
    if (out.changed.empty()) {
        rt.info(_f("event {}: nothing to change", out.event.id));
        return;
    }
    rt.info(_f("{} event {} on {} at {}", verb(dry, past, would), out.event.id,
               human_date(out.event.date), out.event.host_key));
}

EventDefaults defaults(Runtime& rt) {
    return rt.config().config.events;
}

// Return the fields with the agenda where --topic was given.
EventFields with_topics(const EventFieldOptions& o) {
    auto fields = o.fields;
    if (!o.topics.empty()) {
        fields.topics = o.topics;
    }
    return fields;
}

void setup_event_add(CLI::App& group, Runtime& rt) {
    static EventFieldOptions o;
    auto* cmd = group.add_subcommand("add", _("Add an event"));
    bind_fields(cmd, o, true);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            report(rt, add_event(db, with_topics(o), defaults(rt), dry_run(o.dry)), o.dry,
                   N_("added"), N_("would add"));
        };
    });
}

void setup_event_edit(CLI::App& group, Runtime& rt) {
    static EventEditOptions o;
    auto* cmd = group.add_subcommand("edit", _("Change an event"));
    cmd->add_option("EVENT", o.id, _("Event id"))->required();
    bind_fields(cmd, o, false);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            report(rt, edit_event(db, o.id, with_topics(o), dry_run(o.dry)), o.dry, N_("changed"),
                   N_("would change"));
        };
    });
}

void setup_status(CLI::App& group, Runtime& rt, const char* name, EventStatus status,
                  const std::string& help) {
    auto o = std::make_shared<EventStatusOptions>();
    auto* cmd = group.add_subcommand(name, help);
    cmd->add_option("EVENT", o->id, _("Event id"))->required();
    if (status == EventStatus::cancelled) {
        cmd->add_option("--reason", o->reason, _("Why it is cancelled"));
    }
    add_dry_run_option(cmd, o->dry);
    cmd->callback([&rt, o, status] {
        rt.action = [&rt, o, status] {
            auto db = rt.open(Access::read_write);
            const auto out = set_event_status(db, o->id, status, o->reason, dry_run(o->dry));
            for (const auto& w : out.warnings) {
                rt.warn(w);
            }
            if (!out.changed.empty()) {
                rt.info(_f("{} event {} as {}", verb(o->dry, N_("marked"), N_("would mark")), o->id,
                           to_string(status)));
            }
        };
    });
}

} // namespace

void setup_event(CLI::App& app, Runtime& rt) {
    auto* group = app.add_subcommand("event", _("Meetings: the quarterly Werkstatt, site visits, "
                                                "fireside talks"));
    group->require_subcommand(1);
    setup_event_add(*group, rt);
    setup_event_edit(*group, rt);
    setup_event_list(*group, rt);
    setup_status(*group, rt, "confirm", EventStatus::confirmed,
                 _("Mark an event as confirmed by its host"));
    setup_status(*group, rt, "hold", EventStatus::held, _("Mark an event as held"));
    setup_status(*group, rt, "cancel", EventStatus::cancelled, _("Cancel an event"));
    setup_event_attendance(*group, rt);
    setup_event_blocks(*group, rt);
    setup_event_plan(*group, rt);
    setup_event_ics(*group, rt);
    setup_event_paperwork(*group, rt);
}

} // namespace werkstatt::cli
