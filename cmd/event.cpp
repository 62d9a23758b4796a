// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt event ...: meetings of the Werkstatt, their status, attendance and host blocks.
#include "event.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "events/events.hpp"
#include "members/members.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct EventOptions {
    EventFields fields;
    std::vector<std::string> topics;
    std::int64_t id = 0;
    std::optional<std::string> format;
    std::optional<std::string> period;
    std::optional<std::string> status;
    std::optional<std::int64_t> contact;
    std::optional<std::string> company;
    std::string company_key;
    std::string reason;
    std::string attendance;
    bool force = false;
    bool dry = false;
};

void bind_fields(CLI::App* cmd, EventOptions& o, bool creating) {
    auto& f = o.fields;
    auto* date = cmd->add_option("--date", f.date, "Day of the event, YYYY-MM-DD");
    auto* host = cmd->add_option("--host", f.host, "Key of the host company");
    if (creating) {
        date->required();
        host->required();
    }
    cmd->add_option("--kind", f.kind, "werkstatt (default), site-visit or fireside")
        ->check(CLI::IsMember({"werkstatt", "site-visit", "fireside"}));
    cmd->add_option("--start", f.start, "Start time HH:MM (default: events.default_start)");
    cmd->add_option("--end", f.end, "End time HH:MM (default: events.default_end)");
    cmd->add_option("--title", f.title, "Title, e.g. \"Werkstatt 1/2027\"");
    cmd->add_option("--topic", o.topics, "Topic key of the agenda (repeat, in order)");
    cmd->add_option("--capacity", f.capacity, "Participants at most (0 clears)");
    cmd->add_option("--notes", f.notes, "Free notes");
}

void report(Runtime& rt, const EventOutcome& out, bool dry, const char* past, const char* base) {
    for (const auto& w : out.warnings) {
        rt.warn(w);
    }
    if (out.changed.empty()) {
        rt.info(fmt::format("event {}: nothing to change", out.event.id));
        return;
    }
    rt.info(fmt::format("{} event {} on {} at {}", verb(dry, past, base), out.event.id,
                        out.event.date.iso(), out.event.host_key));
}

EventDefaults defaults(Runtime& rt) {
    return rt.config().config.events;
}

void with_topics(EventOptions& o) {
    if (!o.topics.empty()) {
        o.fields.topics = o.topics;
    }
}

void setup_add_edit(CLI::App& group, Runtime& rt, EventOptions& o) {
    auto* add = group.add_subcommand("add", "Add an event");
    bind_fields(add, o, true);
    add_dry_run_option(add, o.dry);
    add->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            with_topics(o);
            auto db = rt.open(Access::read_write);
            report(rt, add_event(db, o.fields, defaults(rt), dry_run(o.dry)), o.dry, "added",
                   "add");
        };
    });
    auto* edit = group.add_subcommand("edit", "Change an event");
    edit->add_option("EVENT", o.id, "Event id")->required();
    bind_fields(edit, o, false);
    add_dry_run_option(edit, o.dry);
    edit->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            with_topics(o);
            auto db = rt.open(Access::read_write);
            report(rt, edit_event(db, o.id, o.fields, dry_run(o.dry)), o.dry, "changed", "change");
        };
    });
}

void setup_list_show(CLI::App& group, Runtime& rt, EventOptions& o) {
    auto* list = group.add_subcommand("list", "List events by date");
    list->add_option("--period", o.period, "Only this period: 2027, 2027Q1, 2027-03, A..B");
    list->add_option("--status", o.status, "Only events with this status")
        ->check(CLI::IsMember({"planned", "confirmed", "held", "cancelled"}));
    add_format_option(list, o.format);
    list->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            EventFilter filter;
            if (o.period) {
                filter.period = parse_period_flag(*o.period);
            }
            if (o.status) {
                filter.status = parse_event_status(*o.status);
            }
            auto db = rt.open(Access::read_only);
            rt.print(event_records(list_events(db, filter)), o.format);
        };
    });
    auto* show = group.add_subcommand("show", "Show one event with its registrations");
    show->add_option("EVENT", o.id, "Event id")->required();
    add_format_option(show, o.format);
    show->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_only);
            rt.print(event_detail(db, require_event(db, o.id)), o.format);
        };
    });
}

void setup_status(CLI::App& group, Runtime& rt, EventOptions& o, const char* name,
                  EventStatus status, const char* help) {
    auto* cmd = group.add_subcommand(name, help);
    cmd->add_option("EVENT", o.id, "Event id")->required();
    if (status == EventStatus::cancelled) {
        cmd->add_option("--reason", o.reason, "Why it is cancelled");
    }
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt, &o, status] {
        rt.action = [&rt, &o, status] {
            auto db = rt.open(Access::read_write);
            const auto out = set_event_status(db, o.id, status, o.reason, dry_run(o.dry));
            for (const auto& w : out.warnings) {
                rt.warn(w);
            }
            if (!out.changed.empty()) {
                rt.info(fmt::format("{} event {} as {}", verb(o.dry, "marked", "mark"), o.id,
                                    to_string(status)));
            }
        };
    });
}

void setup_attendance(CLI::App& group, Runtime& rt, EventOptions& o) {
    auto* reg = group.add_subcommand("register", "Register a contact or a company seat");
    reg->add_option("EVENT", o.id, "Event id")->required();
    auto* contact = reg->add_option("--contact", o.contact, "Contact id");
    reg->add_option("--company", o.company, "Company key (a seat without a name)")
        ->excludes(contact);
    reg->add_flag("--force", o.force, "Register even when the event is full");
    add_dry_run_option(reg, o.dry);
    reg->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_write);
            const auto r = register_for_event(db, o.id, o.contact, o.company,
                                              o.force ? Force::yes : Force::no, dry_run(o.dry));
            rt.info(fmt::format("{} {} for event {}", verb(o.dry, "registered", "register"),
                                r.contact_id ? fmt::format("contact {}", *r.contact_id)
                                             : "a seat of " + r.company_key,
                                o.id));
        };
    });
    auto* attend = group.add_subcommand("attend", "Record whether a contact came");
    attend->add_option("EVENT", o.id, "Event id")->required();
    attend->add_option("--contact", o.contact, "Contact id")->required();
    attend->add_option("--status", o.attendance, "attended, no-show or excused")
        ->required()
        ->check(CLI::IsMember({"attended", "no-show", "excused"}));
    add_dry_run_option(attend, o.dry);
    attend->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_write);
            bool walk_in = false;
            record_attendance(db, o.id, *o.contact, *parse_attendance(o.attendance), walk_in,
                              dry_run(o.dry));
            if (walk_in) {
                rt.warn(fmt::format("contact {} was not registered for event {}; registered now",
                                    *o.contact, o.id));
            }
            rt.info(fmt::format("{} contact {} as {} at event {}",
                                verb(o.dry, "recorded", "record"), *o.contact, o.attendance, o.id));
        };
    });
    auto* list = group.add_subcommand("participants", "List registrations and attendance");
    list->add_option("EVENT", o.id, "Event id")->required();
    add_format_option(list, o.format);
    list->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_only);
            require_event(db, o.id);
            rt.print(registration_records(list_registrations(db, o.id)), o.format);
        };
    });
}

void setup_blocks(CLI::App& group, Runtime& rt, EventOptions& o) {
    auto* block = group.add_subcommand("block", "Keep a company from hosting in a period");
    block->add_option("COMPANY", o.company_key, "Company key")->required();
    block->add_option("PERIOD", o.period, "2027Q2, 2027-05, 2027-05-12 or A..B")->required();
    block->add_option("--reason", o.reason, "Why (shown to the planner's readers)");
    add_dry_run_option(block, o.dry);
    block->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_write);
            const auto b = add_host_block(db, o.company_key, *o.period, o.reason, dry_run(o.dry));
            rt.info(fmt::format("{} {} from hosting in {}", verb(o.dry, "blocked", "block"),
                                b.company_key, b.period.str()));
        };
    });
    auto* unblock = group.add_subcommand("unblock", "Lift a host block");
    unblock->add_option("COMPANY", o.company_key, "Company key")->required();
    unblock->add_option("PERIOD", o.period, "The period as blocked")->required();
    add_dry_run_option(unblock, o.dry);
    unblock->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_write);
            remove_host_block(db, o.company_key, *o.period, dry_run(o.dry));
            rt.info(fmt::format("{} the block of {} for {}", verb(o.dry, "lifted", "lift"),
                                o.company_key, *o.period));
        };
    });
    auto* blocks = group.add_subcommand("blocks", "List host blocks");
    blocks->add_option("--company", o.company, "Only this company's blocks");
    add_format_option(blocks, o.format);
    blocks->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_only);
            std::optional<std::int64_t> id;
            if (o.company) {
                id = require_company(db, *o.company).id;
            }
            rt.print(host_block_records(list_host_blocks(db, id)), o.format);
        };
    });
}

} // namespace

Period parse_period_flag(const std::string& text) {
    const auto period = Period::parse(text);
    if (!period) {
        throw Error(ErrorKind::usage,
                    fmt::format("period '{}' does not parse; write a year 2027, a quarter 2027Q1, "
                                "a month 2027-03, a day 2027-03-18 or a range A..B",
                                text));
    }
    return *period;
}

void setup_event(CLI::App& app, Runtime& rt) {
    static EventOptions options;
    auto* group = app.add_subcommand("event", "Meetings: the quarterly Werkstatt, site visits, "
                                              "fireside talks");
    group->require_subcommand(1);
    setup_add_edit(*group, rt, options);
    setup_list_show(*group, rt, options);
    setup_status(*group, rt, options, "confirm", EventStatus::confirmed,
                 "Mark an event as confirmed by its host");
    setup_status(*group, rt, options, "hold", EventStatus::held, "Mark an event as held");
    setup_status(*group, rt, options, "cancel", EventStatus::cancelled, "Cancel an event");
    setup_attendance(*group, rt, options);
    setup_blocks(*group, rt, options);
    setup_event_plan(*group, rt);
    setup_event_ics(*group, rt);
}

} // namespace werkstatt::cli
