// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/events.hpp"
#include "core/i18n.hpp"
#include "core/names.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/text_field.hpp"
#include "members/members.hpp"
#include "reference/holidays.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <random>

namespace werkstatt {

namespace {

Error bad(std::string message) {
    return Error(ErrorKind::bad_data, std::move(message));
}

} // namespace

std::string new_event_uid() {
    std::random_device random;
    std::string hex;
    for (int i = 0; i < 4; ++i) {
        hex += fmt::format("{:08x}", random());
    }
    return hex + "@werkstatt";
}

namespace {

std::optional<TimeOfDay> parse_time(const char* field, const std::string& text) {
    if (text::trim(text).empty()) {
        return std::nullopt;
    }
    const auto t = TimeOfDay::parse(text::trim(text));
    if (!t) {
        throw bad(fmt::format("{} '{}' is not a time; write HH:MM, e.g. 14:00", field, text));
    }
    return t;
}

Company host_for(Database& db, const std::string& key) {
    auto company = require_company(db, key);
    if (!company.active) {
        throw bad(fmt::format("company {} is archived and cannot host; restore it with "
                              "'werkstatt company archive {} --undo' or choose another host",
                              key, key));
    }
    return company;
}

void apply_topics(Database& db, Event& e, const std::vector<std::string>& keys,
                  std::vector<std::string>& changed) {
    std::vector<std::string> clean;
    for (const auto& raw : keys) {
        for (const auto part : text::split(raw, ',')) {
            const std::string key(text::trim(part));
            if (key.empty()) {
                continue;
            }
            if (!find_topic_id(db, key)) {
                throw bad(fmt::format("topic '{}' is unknown; 'werkstatt topic list' shows the "
                                      "keys",
                                      key));
            }
            if (std::find(clean.begin(), clean.end(), key) == clean.end()) {
                clean.push_back(key);
            }
        }
    }
    assign_changed(e.topic_keys, clean, "topics", changed);
}

// Apply `f` to `e`; return the host company.
Company apply_fields(Database& db, Event& e, const EventFields& f,
                     std::vector<std::string>& changed) {
    if (f.date) {
        const auto d = Date::parse(*f.date);
        if (!d) {
            throw bad(fmt::format("date '{}' {}; {}", text::printable(*f.date, 20),
                                  why_not_a_day(*f.date), date_forms));
        }
        assign_changed(e.date, *d, "date", changed);
    }
    if (f.kind) {
        const auto k = parse_event_kind(*f.kind);
        if (!k) {
            throw bad(fmt::format("kind '{}' is unknown; use werkstatt, site-visit or fireside",
                                  *f.kind));
        }
        assign_changed(e.kind, *k, "kind", changed);
    }
    if (f.start) {
        assign_changed(e.start, parse_time("start", *f.start), "start", changed);
    }
    if (f.end) {
        assign_changed(e.end, parse_time("end", *f.end), "end", changed);
    }
    if (e.start && e.end && *e.end <= *e.start) {
        throw bad(fmt::format("end {} is not after start {}; correct the times", e.end->str(),
                              e.start->str()));
    }
    if (e.end && !e.start) {
        throw bad("an end time needs a start time; give --start too");
    }
    if (f.title) {
        assign_changed(e.title, clean_text("title", *f.title, 200), "title", changed);
    }
    if (f.notes) {
        assign_changed(e.notes, clean_text("notes", *f.notes, 4000), "notes", changed);
    }
    if (f.capacity) {
        if (*f.capacity < 0 || *f.capacity > 100000) {
            throw bad(fmt::format("capacity {} is out of range; give 1 to 100000 (0 clears it)",
                                  *f.capacity));
        }
        const auto cap = *f.capacity == 0 ? std::optional<std::int64_t>() : f.capacity;
        assign_changed(e.capacity, cap, "capacity", changed);
    }
    if (f.topics) {
        apply_topics(db, e, *f.topics, changed);
    }
    if (f.host) {
        const auto host = host_for(db, *f.host);
        assign_changed(e.host_id, host.id, "host", changed);
        e.host_key = host.key;
        return host;
    }
    return require_company(db, e.host_key);
}

std::string label(const Event& e) {
    return e.title.empty() ? fmt::format("event {}", e.id)
                           : fmt::format("event {} ({})", e.id, e.title);
}

} // namespace

Event require_event(Database& db, std::int64_t id) {
    auto event = find_event(db, id);
    if (!event) {
        throw Error(ErrorKind::not_found,
                    _f("no event with id {}; 'werkstatt event list' shows the ids", id));
    }
    return *event;
}

std::vector<std::string> event_warnings(Database& db, const Event& e, const Company& host) {
    std::vector<std::string> warnings;
    if (e.date.year() >= k_first_holiday_year && e.date.year() <= k_last_holiday_year) {
        if (const auto h = holiday_on(e.date)) {
            warnings.push_back(
                _f("{} is a public holiday in Sachsen-Anhalt ({})", human_date(e.date), h->name));
        }
    }
    if (e.date.iso_weekday() >= 6) {
        warnings.push_back(e.date.iso_weekday() == 6 ? _f("{} is a Saturday", human_date(e.date))
                                                     : _f("{} is a Sunday", human_date(e.date)));
    }
    if (!host.can_host) {
        warnings.push_back(_f("company {} is not marked as able to host; set it with "
                              "'werkstatt company edit {} --can-host'",
                              host.key, host.key));
    }
    if (e.capacity && host.capacity && *e.capacity > *host.capacity) {
        warnings.push_back(_f("{} expects {} participants but the venue of {} seats {}", label(e),
                              *e.capacity, host.key, *host.capacity));
    }
    const auto seats = e.capacity ? e.capacity : host.capacity;
    if (seats && e.status != EventStatus::cancelled && e.status != EventStatus::held) {
        const auto registered = static_cast<std::int64_t>(list_registrations(db, e.id).size());
        if (registered > *seats) {
            warnings.push_back(
                _f("{} has {} registrations but seats {} now; {} more than fit ('werkstatt event "
                   "participants {}' lists them); new registrations need --force",
                   label(e), registered, *seats, registered - *seats, e.id));
        }
    }
    if (e.kind == EventKind::werkstatt && e.status != EventStatus::cancelled) {
        const auto quarter = Quarter::containing(e.date);
        EventFilter filter;
        filter.period = quarter.period();
        filter.kind = EventKind::werkstatt;
        for (const auto& other : list_events(db, filter)) {
            if (other.id != e.id && other.status != EventStatus::cancelled) {
                warnings.push_back(_f("{} has a Werkstatt already (event {} on {})", quarter.str(),
                                      other.id, human_date(other.date)));
            }
        }
    }
    return warnings;
}

EventOutcome add_event(Database& db, const EventFields& fields, const EventDefaults& defaults,
                       DryRun dry_run) {
    if (!fields.date || !fields.host) {
        throw Error(ErrorKind::usage, _("an event needs --date and --host"));
    }
    EventFields f = fields;
    if (!f.start && !f.end) {
        f.start = defaults.start;
        f.end = defaults.end;
    }
    WriteTransaction txn(db);
    EventOutcome out;
    out.event.uid = new_event_uid();
    const auto host = apply_fields(db, out.event, f, out.changed);
    out.event.id = insert_event(db, out.event);
    out.warnings = event_warnings(db, out.event, host);
    txn.audit("event", out.event.id, "add",
              fmt::format("date={} host={}", out.event.date.iso(), host.key));
    txn.finish(dry_run);
    return out;
}

EventOutcome edit_event(Database& db, std::int64_t id, const EventFields& fields, DryRun dry_run) {
    WriteTransaction txn(db);
    EventOutcome out;
    out.event = require_event(db, id);
    const auto host = apply_fields(db, out.event, fields, out.changed);
    if (out.changed.empty()) {
        return out;
    }
    out.warnings = event_warnings(db, out.event, host);
    ++out.event.sequence;
    update_event(db, out.event);
    txn.audit("event", id, "edit", "fields=" + text::join(out.changed, ","));
    txn.finish(dry_run);
    return out;
}

EventOutcome set_event_status(Database& db, std::int64_t id, EventStatus status,
                              const std::string& reason, DryRun dry_run) {
    WriteTransaction txn(db);
    EventOutcome out;
    out.event = require_event(db, id);
    const auto from = out.event.status;
    if (from == status) {
        out.warnings.push_back(_f("event {} is {} already", id, to_string(status)));
        return out;
    }
    const bool final_from = from == EventStatus::held || from == EventStatus::cancelled;
    if (final_from && !(from == EventStatus::cancelled && status != EventStatus::held)) {
        throw Error(ErrorKind::conflict, _f("event {} is {}; it cannot become {}", id,
                                            to_string(from), to_string(status)));
    }
    if (status == EventStatus::held && out.event.date > Date::today()) {
        out.warnings.push_back(_f("event {} is on {}, still ahead; marked as held anyway", id,
                                  human_date(out.event.date)));
    }
    out.event.status = status;
    out.event.cancel_reason =
        status == EventStatus::cancelled ? clean_text("reason", reason, 400) : "";
    ++out.event.sequence;
    out.changed.emplace_back("status");
    update_event(db, out.event);
    txn.audit("event", id, std::string(to_string(status)), fmt::format("from={}", to_string(from)));
    txn.finish(dry_run);
    return out;
}

HostBlock add_host_block(Database& db, const std::string& company_key, const std::string& period,
                         const std::string& reason, DryRun dry_run) {
    const auto parsed = Period::parse(period);
    if (!parsed) {
        throw bad(Period::why_not(period));
    }
    WriteTransaction txn(db);
    const auto company = require_company(db, company_key);
    for (const auto& b : list_host_blocks(db, company.id)) {
        if (b.period == *parsed) {
            throw Error(ErrorKind::conflict, _f("company {} is blocked for {} already; "
                                                "'werkstatt event blocks' lists blocks",
                                                company.key, parsed->str()));
        }
    }
    HostBlock block{0, company.id, company.key, *parsed, clean_text("reason", reason, 400)};
    block.id = insert_host_block(db, block);
    txn.audit("company", company.id, "block", "period=" + parsed->str());
    txn.finish(dry_run);
    return block;
}

HostBlock remove_host_block(Database& db, const std::string& company_key, const std::string& period,
                            DryRun dry_run) {
    WriteTransaction txn(db);
    const auto company = require_company(db, company_key);
    const auto parsed = Period::parse(period);
    const auto blocks = list_host_blocks(db, company.id);
    for (const auto& b : blocks) {
        // The stored text, not the days: 2027-04..2027-06 does not lift 2027Q2
        // (werkstatt-event(1)).
        if (parsed && b.period.str() == parsed->str()) {
            delete_host_block(db, b.id);
            txn.audit("company", company.id, "unblock", "period=" + b.period.str());
            txn.finish(dry_run);
            return b;
        }
    }
    for (const auto& b : blocks) {
        if (parsed && b.period == *parsed) {
            throw Error(ErrorKind::not_found,
                        _f("company {} has no block written '{}' but one for {}, which "
                           "covers the same days; write it as {} to lift it",
                           company.key, parsed->str(), b.period.str(), b.period.str()));
        }
    }
    throw Error(ErrorKind::not_found,
                _f("company {} has no block for '{}'; 'werkstatt event blocks' lists "
                   "them",
                   company.key, period));
}

std::vector<HostBlock> host_blocks(Database& db, const std::optional<std::string>& company_key) {
    std::optional<std::int64_t> id;
    if (company_key) {
        id = require_company(db, *company_key).id;
    }
    return list_host_blocks(db, id);
}

} // namespace werkstatt
