// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text.hpp"
#include "events/events.hpp"

namespace werkstatt {

namespace {

Value time_value(const std::optional<TimeOfDay>& t) {
    return t ? Value{t->str()} : Value{};
}

} // namespace

Records event_records(const std::vector<Event>& events) {
    Records r;
    r.columns = {"id",   "date",  "start",    "end",    "kind",
                 "host", "title", "capacity", "status", "topics"};
    for (const auto& e : events) {
        r.rows.push_back({e.id, e.date, time_value(e.start), time_value(e.end),
                          std::string(to_string(e.kind)), e.host_key, e.title,
                          optional_value(e.capacity), std::string(to_string(e.status)),
                          text::join(e.topic_keys, ",")});
    }
    return r;
}

Detail event_detail(Database& db, const Event& e) {
    Detail d;
    d.fields = {{"id", e.id},
                {"uid", e.uid},
                {"date", e.date},
                {"start", time_value(e.start)},
                {"end", time_value(e.end)},
                {"kind", std::string(to_string(e.kind))},
                {"host", e.host_key},
                {"title", e.title},
                {"capacity", optional_value(e.capacity)},
                {"status", std::string(to_string(e.status))},
                {"cancel_reason", e.cancel_reason},
                {"topics", text::join(e.topic_keys, ",")},
                {"notes", e.notes}};
    d.children.emplace_back("registrations", registration_records(list_registrations(db, e.id)));
    return d;
}

Detail event_detail(Database& db, std::int64_t id) {
    return event_detail(db, require_event(db, id));
}

Records registration_records(const std::vector<Registration>& registrations) {
    Records r;
    r.columns = {"id", "company", "contact_id", "name", "status"};
    for (const auto& g : registrations) {
        r.rows.push_back({g.id, g.company_key, optional_value(g.contact_id),
                          text_or_null(g.contact_name), std::string(to_string(g.status))});
    }
    return r;
}

Records host_block_records(const std::vector<HostBlock>& blocks) {
    Records r;
    r.columns = {"id", "company", "period", "first_day", "last_day", "reason"};
    for (const auto& b : blocks) {
        r.rows.push_back(
            {b.id, b.company_key, b.period.str(), b.period.first(), b.period.last(), b.reason});
    }
    return r;
}

} // namespace werkstatt
