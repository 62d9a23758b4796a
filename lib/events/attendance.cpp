// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "events/events.hpp"
#include "events/paperwork.hpp"
#include "io/csv.hpp"
#include "io/csv_header.hpp"
#include "io/row_source.hpp"
#include "members/members.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

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

// Record that `contact` `status` `event` inside the caller's transaction; register a contact who
// was not registered (`walk_in` says so).
Registration attendance_apply(Database& db, const Event& event, const Contact& contact,
                              AttendanceStatus status, bool& walk_in) {
    const auto regs = list_registrations(db, event.id);
    Registration r;
    walk_in = false;
    if (const auto* existing = find_contact(regs, contact.id)) {
        r = *existing;
    } else {
        walk_in = true;
        r.event_id = event.id;
        r.company_id = contact.company_id;
        r.company_key = contact.company_key;
        r.contact_id = contact.id;
        r.contact_name = contact.name;
        r.id = insert_registration(db, r);
    }
    r.status = status;
    update_registration_status(db, r.id, status);
    return r;
}

// Return the attendance a filled-in list means by `text`: nothing for an empty cell (skipped), or
// false in `known` when the text means nothing.
std::optional<AttendanceStatus> attendance_list_status(std::string_view text, bool& known) {
    const auto t = text::fold_for_match(text);
    known = true;
    if (t.empty()) {
        return std::nullopt;
    }
    static const std::map<std::string, AttendanceStatus, std::less<>> words{
        {"attended", AttendanceStatus::attended},
        {"anwesend", AttendanceStatus::attended},
        {"x", AttendanceStatus::attended},
        {"ja", AttendanceStatus::attended},
        {"yes", AttendanceStatus::attended},
        {"no-show", AttendanceStatus::no_show},
        {"nicht erschienen", AttendanceStatus::no_show},
        {"nein", AttendanceStatus::no_show},
        {"no", AttendanceStatus::no_show},
        {"excused", AttendanceStatus::excused},
        {"entschuldigt", AttendanceStatus::excused}};
    const auto it = words.find(t);
    if (it == words.end()) {
        known = false;
        return std::nullopt;
    }
    return it->second;
}

// The columns of an attendance list.
struct AttendanceListColumns {
    std::optional<std::size_t> company, name, status;
};

AttendanceListColumns attendance_list_header(const CsvRecord& header, const std::string& source) {
    AttendanceListColumns cols;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const auto key = text::fold_for_match(csv_column_key(header.fields[i]));
        if (key == "company" || key == "firma" || key == "unternehmen") {
            cols.company = i;
        } else if (key == "name") {
            cols.name = i;
        } else if (key == "status" || key == "anwesenheit" || key == "attendance") {
            cols.status = i;
        }
    }
    if (!cols.company || !cols.name || !cols.status) {
        throw Error(ErrorKind::bad_data,
                    _f("{}:{}: an attendance list needs the columns company, name and "
                       "status (e.g. company,name,status); add the missing ones",
                       source, header.line));
    }
    return cols;
}

} // namespace

AttendanceListReport record_attendance_list(Database& db, std::int64_t event_id, std::istream& in,
                                            const std::string& source, DryRun dry_run) {
    const auto rows = csv_row_source(in, source);
    return record_attendance_list(db, event_id, *rows, dry_run);
}

AttendanceListReport record_attendance_list(Database& db, std::int64_t event_id, RowSource& reader,
                                            DryRun dry_run) {
    const std::string source = reader.where();
    CsvRecord record;
    if (!reader.next(record)) {
        throw Error(ErrorKind::bad_data,
                    _f("{} is empty; an attendance list starts with the header line "
                       "company,name,status",
                       source));
    }
    const auto cols = attendance_list_header(record, source);
    WriteTransaction txn(db);
    const auto event = require_event(db, event_id);
    require_open(event, "recording attendance");
    CompanyFilter all;
    all.include_archived = true;
    const auto companies = list_companies(db, all);
    const auto contacts = list_contacts(db, std::nullopt);
    AttendanceListReport report;
    std::vector<std::pair<Contact, AttendanceStatus>> rows;
    std::set<std::int64_t> seen;
    while (reader.next(record)) {
        const auto cell = [&](std::size_t i) {
            return i < record.fields.size() ? std::string(text::trim(record.fields[i]))
                                            : std::string();
        };
        const auto company_text = cell(*cols.company);
        const auto name_text = cell(*cols.name);
        const auto status_text = cell(*cols.status);
        if (company_text.empty() && name_text.empty() && status_text.empty()) {
            continue; // an empty row of the sheet
        }
        const auto where = fmt::format("{}:{}", source, record.line);
        bool known = true;
        const auto status = attendance_list_status(status_text, known);
        if (!known) {
            report.problems.push_back(
                _f("{}: status '{}' is not attended, no-show or excused; correct it", where,
                   text::display_safe(status_text)));
            continue;
        }
        if (!status) {
            ++report.skipped;
            continue;
        }
        const Company* company = nullptr;
        for (const auto& c : companies) {
            if (c.key == company_text ||
                text::fold_for_match(c.name) == text::fold_for_match(company_text)) {
                company = &c;
            }
        }
        if (company == nullptr) {
            report.problems.push_back(
                _f("{}: no member company '{}'; give its key or name as 'werkstatt "
                   "company list' shows them",
                   where, text::display_safe(company_text)));
            continue;
        }
        std::vector<const Contact*> found;
        for (const auto& c : contacts) {
            if (c.company_id == company->id &&
                text::fold_for_match(c.name) == text::fold_for_match(name_text)) {
                found.push_back(&c);
            }
        }
        if (found.empty()) {
            report.problems.push_back(
                _f("{}: '{}' is no contact of {}; add the person with 'werkstatt "
                   "contact add --company {}' first, or correct the name",
                   where, text::display_safe(name_text), company->key, company->key));
            continue;
        }
        if (found.size() > 1) {
            report.problems.push_back(
                _f("{}: '{}' names {} contacts of {}; record them one by one with "
                   "'werkstatt event attend --contact ID'",
                   where, text::display_safe(name_text), found.size(), company->key));
            continue;
        }
        if (!seen.insert(found.front()->id).second) {
            report.problems.push_back(_f("{}: '{}' of {} is listed twice; keep one row", where,
                                         text::display_safe(name_text), company->key));
            continue;
        }
        rows.emplace_back(*found.front(), *status);
    }
    if (!report.problems.empty()) {
        return report; // nothing written
    }
    std::vector<std::string> details;
    for (const auto& [contact, status] : rows) {
        bool walk_in = false;
        attendance_apply(db, event, contact, status, walk_in);
        report.walk_ins += walk_in ? 1 : 0;
        ++report.recorded;
        details.push_back(fmt::format("{}={}", contact.id, to_string(status)));
    }
    txn.audit("event", event_id, "attend",
              fmt::format("from={} rows={} contacts={}", source, report.recorded,
                          details.empty() ? std::string("-") : text::join(details, ",")));
    txn.finish(dry_run);
    return report;
}

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
    const auto r = attendance_apply(db, event, contact, status, walk_in);
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
