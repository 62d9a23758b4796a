// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt event register|attend|participants: who comes to an event and who came.
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "event.hpp"
#include "events/events.hpp"
#include "events/paperwork.hpp"
#include "io/input_file.hpp"
#include "io/row_source.hpp"

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
    std::optional<std::string> status;
    std::optional<std::string> from;
    std::optional<std::string> encoding;
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
            rt.info(_f("{} {} for event {}", verb(o.dry, N_("registered"), N_("would register")),
                       r.contact_id ? fmt::format("contact {}", *r.contact_id)
                                    : "a seat of " + r.company_key,
                       o.id));
        };
    });
}

// Record the attendance at event `id` from the list in `file`, read the way every import reads
// its file (open_input: a file or standard input, its encoding detected); rows that name nobody
// are each one warning, and then nothing is recorded.
void record_attendance_from(Runtime& rt, std::int64_t id, const std::string& file,
                            const std::optional<std::string>& encoding, bool dry) {
    auto input = open_rows(file, encoding_option(encoding));
    auto db = rt.open(Access::read_write);
    const auto r = record_attendance_list(db, id, *input.rows, dry_run(dry));
    for (const auto& p : r.problems) {
        rt.warn(p);
    }
    if (!r.problems.empty()) {
        throw Error(ErrorKind::bad_data,
                    fmt::format(fmt::runtime(n_("{} row of {} names nobody to record; nothing "
                                                "was recorded (correct the row and run again)",
                                                "{} rows of {} name nobody to record; nothing was "
                                                "recorded (correct the rows and run again)",
                                                r.problems.size())),
                                r.problems.size(), input.file.name));
    }
    rt.info(fmt::format(
        fmt::runtime(dry ? n_("would record the attendance of {} contact at "
                              "event {}",
                              "would record the attendance of {} contacts at "
                              "event {}",
                              r.recorded)
                         : n_("recorded the attendance of {} contact at event {}",
                              "recorded the attendance of {} contacts at event {}", r.recorded)),
        r.recorded, id));
    if (r.walk_ins > 0) {
        rt.info(fmt::format(
            fmt::runtime(n_("{} of them was not registered; registered now",
                            "{} of them were not registered; registered now", r.walk_ins)),
            r.walk_ins));
    }
    if (r.skipped > 0) {
        rt.info(fmt::format(fmt::runtime(n_("{} row without a status was left alone",
                                            "{} rows without a status were left alone", r.skipped)),
                            r.skipped));
    }
}

void setup_attend(CLI::App& group, Runtime& rt) {
    static AttendOptions o;
    auto* cmd = group.add_subcommand("attend", _("Record whether a contact came, or read the "
                                                 "filled-in sign-in list"));
    cmd->add_option("EVENT", o.id, _("Event id"))->required();
    auto* contact = cmd->add_option("--contact", o.contact, _("Contact id"));
    auto* status = cmd->add_option("--status", o.status, _("attended, no-show or excused"))
                       ->check(CLI::IsMember({"attended", "no-show", "excused"}));
    auto* from = cmd->add_option(
        "--from", o.from,
        _("The sign-in list as CSV or Excel workbook (columns company, name, status)"));
    from->excludes(contact)->excludes(status);
    cmd->add_option("--encoding", o.encoding,
                    _("Of --from: utf-8, windows-1252, utf-16le or utf-16be (default: detected)"))
        ->needs(from);
    contact->needs(status);
    status->needs(contact);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            if (o.from) {
                record_attendance_from(rt, o.id, *o.from, o.encoding, o.dry);
                return;
            }
            if (!o.contact) {
                throw Error(ErrorKind::usage,
                            _("whose attendance is to be recorded is missing; give "
                              "--contact ID --status STATUS, or --from FILE"));
            }
            auto db = rt.open(Access::read_write);
            bool walk_in = false;
            record_attendance(db, o.id, *o.contact, *parse_attendance(*o.status), walk_in,
                              dry_run(o.dry));
            if (walk_in) {
                rt.warn(_f("contact {} was not registered for event {}; registered now", *o.contact,
                           o.id));
            }
            rt.info(_f("{} contact {} as {} at event {}",
                       verb(o.dry, N_("recorded"), N_("would record")), *o.contact, *o.status,
                       o.id));
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
