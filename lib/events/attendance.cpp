// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "events/events.hpp"
#include "members/members.hpp"

#include <fmt/format.h>

namespace werkstatt {

namespace {

// Throw unless people may still register for or attend `event`; `what` names the attempt.
void require_open(const Event& event, const char* what) {
    if (event.status == EventStatus::cancelled) {
        throw Error(ErrorKind::conflict,
                    _f("event {} is cancelled; {} is not possible (reinstate it with "
                       "'werkstatt event confirm {}')",
                       event.id, what, event.id));
    }
}

std::optional<std::int64_t> seat_limit(Database& db, const Event& event) {
    if (event.capacity) {
        return event.capacity;
    }
    return require_company(db, event.host_key).capacity;
}

const Registration* find_contact(const std::vector<Registration>& regs, std::int64_t contact_id) {
    for (const auto& r : regs) {
        if (r.contact_id == contact_id) {
            return &r;
        }
    }
    return nullptr;
}

} // namespace

Registration register_for_event(Database& db, std::int64_t event_id,
                                std::optional<std::int64_t> contact_id,
                                std::optional<std::string> company_key, Force force,
                                DryRun dry_run) {
    if (contact_id.has_value() == company_key.has_value()) {
        throw Error(ErrorKind::usage, _("register a person or a seat; give either --contact ID or "
                                        "--company KEY"));
    }
    WriteTransaction txn(db);
    const auto event = require_event(db, event_id);
    require_open(event, "registration");
    if (event.status == EventStatus::held) {
        throw Error(ErrorKind::conflict,
                    _f("event {} was held already; record attendance with 'werkstatt "
                       "event attend' instead",
                       event_id));
    }
    const auto regs = list_registrations(db, event_id);
    Registration r;
    r.event_id = event_id;
    if (contact_id) {
        const auto contact = require_contact(db, *contact_id);
        if (find_contact(regs, *contact_id) != nullptr) {
            throw Error(ErrorKind::conflict, _f("contact {} is registered for event {} "
                                                "already; 'werkstatt event participants "
                                                "{}' lists who is",
                                                *contact_id, event_id, event_id));
        }
        r.contact_id = contact.id;
        r.contact_name = contact.name;
        r.company_id = contact.company_id;
        r.company_key = contact.company_key;
    } else {
        const auto company = require_company(db, *company_key);
        r.company_id = company.id;
        r.company_key = company.key;
    }
    const auto limit = seat_limit(db, event);
    if (limit && static_cast<std::int64_t>(regs.size()) >= *limit && force == Force::no) {
        throw Error(ErrorKind::conflict,
                    _f("event {} is full ({} of {} seats taken); register anyway with "
                       "--force if the host agrees",
                       event_id, regs.size(), *limit));
    }
    r.id = insert_registration(db, r);
    txn.audit("event", event_id, "register",
              contact_id ? fmt::format("contact={}", *contact_id) : "company=" + r.company_key);
    txn.finish(dry_run);
    return r;
}

Registration record_attendance(Database& db, std::int64_t event_id, std::int64_t contact_id,
                               AttendanceStatus status, bool& walk_in, DryRun dry_run) {
    if (status == AttendanceStatus::registered) {
        throw Error(ErrorKind::usage, _("attendance is attended, no-show or excused"));
    }
    WriteTransaction txn(db);
    const auto event = require_event(db, event_id);
    require_open(event, "recording attendance");
    const auto contact = require_contact(db, contact_id);
    const auto regs = list_registrations(db, event_id);
    Registration r;
    walk_in = false;
    if (const auto* existing = find_contact(regs, contact_id)) {
        r = *existing;
    } else {
        walk_in = true;
        r.event_id = event_id;
        r.company_id = contact.company_id;
        r.company_key = contact.company_key;
        r.contact_id = contact_id;
        r.contact_name = contact.name;
        r.id = insert_registration(db, r);
    }
    r.status = status;
    update_registration_status(db, r.id, status);
    txn.audit("event", event_id, "attend",
              fmt::format("contact={} status={}", contact_id, to_string(status)));
    txn.finish(dry_run);
    return r;
}

std::vector<Registration> event_registrations(Database& db, std::int64_t event_id) {
    require_event(db, event_id);
    return list_registrations(db, event_id);
}

} // namespace werkstatt
