// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt event register|attend|participants: who comes to an event and who came.
#include "core/i18n.hpp"
#include "event.hpp"
#include "events/events.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct RegisterOptions {
    std::int64_t id = 0;
    std::optional<std::int64_t> contact;
    std::optional<std::string> company;
    bool force = false;
    bool dry = false;
};

struct AttendOptions {
    std::int64_t id = 0;
    std::optional<std::int64_t> contact;
    std::string status;
    bool dry = false;
};

struct ParticipantsOptions {
    std::int64_t id = 0;
    std::optional<std::string> format;
};

void setup_register(CLI::App& group, Runtime& rt) {
    static RegisterOptions o;
    auto* cmd = group.add_subcommand("register", _("Register a contact or a company seat"));
    cmd->add_option("EVENT", o.id, _("Event id"))->required();
    auto* contact = cmd->add_option("--contact", o.contact, _("Contact id"));
    cmd->add_option("--company", o.company, _("Company key (a seat without a name)"))
        ->excludes(contact);
    cmd->add_flag("--force", o.force, _("Register even when the event is full"));
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto r = register_for_event(db, o.id, o.contact, o.company,
                                              o.force ? Force::yes : Force::no, dry_run(o.dry));
            rt.info(_f("{} {} for event {}", verb(o.dry, "registered", "register"),
                       r.contact_id ? fmt::format("contact {}", *r.contact_id)
                                    : "a seat of " + r.company_key,
                       o.id));
        };
    });
}

void setup_attend(CLI::App& group, Runtime& rt) {
    static AttendOptions o;
    auto* cmd = group.add_subcommand("attend", _("Record whether a contact came"));
    cmd->add_option("EVENT", o.id, _("Event id"))->required();
    cmd->add_option("--contact", o.contact, _("Contact id"))->required();
    cmd->add_option("--status", o.status, _("attended, no-show or excused"))
        ->required()
        ->check(CLI::IsMember({"attended", "no-show", "excused"}));
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            bool walk_in = false;
            record_attendance(db, o.id, *o.contact, *parse_attendance(o.status), walk_in,
                              dry_run(o.dry));
            if (walk_in) {
                rt.warn(_f("contact {} was not registered for event {}; registered now", *o.contact,
                           o.id));
            }
            rt.info(_f("{} contact {} as {} at event {}", verb(o.dry, "recorded", "record"),
                       *o.contact, o.status, o.id));
        };
    });
}

void setup_participants(CLI::App& group, Runtime& rt) {
    static ParticipantsOptions o;
    auto* cmd = group.add_subcommand("participants", _("List registrations and attendance"));
    cmd->add_option("EVENT", o.id, _("Event id"))->required();
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            rt.print(registration_records(event_registrations(db, o.id)), o.format);
        };
    });
}

} // namespace

void setup_event_attendance(CLI::App& group, Runtime& rt) {
    setup_register(group, rt);
    setup_attend(group, rt);
    setup_participants(group, rt);
}

} // namespace werkstatt::cli
