// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/planning.hpp"

#include "calendar/holidays.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/icalendar.hpp"
#include "members/members.hpp"
#include "store/company_store.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

Region region_of(const Company& c, const std::vector<std::string>& north) {
    if (!c.district_ags) {
        return Region::unknown;
    }
    const bool is_north = std::find(north.begin(), north.end(), *c.district_ags) != north.end();
    return is_north ? Region::north : Region::south;
}

std::vector<HostCandidate> host_pool(Database& db, const std::vector<std::string>& north) {
    std::map<std::int64_t, std::vector<Period>> blocks;
    for (const auto& b : list_host_blocks(db, std::nullopt)) {
        blocks[b.company_id].push_back(b.period);
    }
    std::vector<HostCandidate> pool;
    // Only companies that could ever host: archived ones and those without a venue would only
    // add an "excluded" line to every quarter.
    for (const auto& c : list_companies(db, CompanyFilter{false, std::nullopt, true})) {
        pool.push_back(HostCandidate{c.id, c.key, c.name, c.active, c.can_host, c.capacity,
                                     region_of(c, north), c.member_since, blocks[c.id]});
    }
    return pool;
}

std::vector<TopicUse> topic_uses(Database& db) {
    std::map<std::string, Date> last;
    for (const auto& [key, date] : topic_last_covered(db)) {
        last.emplace(key, date);
    }
    std::vector<TopicUse> uses;
    int order = 0;
    for (const auto& t : list_topics(db)) {
        const auto it = last.find(t.key);
        uses.push_back(
            TopicUse{t.key, ++order, it == last.end() ? std::nullopt : std::optional(it->second)});
    }
    return uses;
}

RotationInput rotation_input(Database& db, const PlanRequest& request) {
    RotationInput input;
    input.from = request.from;
    input.quarters = request.quarters;
    input.rules = request.rules;
    input.companies = host_pool(db, request.north_districts);
    input.topics = topic_uses(db);
    EventFilter filter;
    filter.kind = EventKind::werkstatt;
    for (const auto& e : list_events(db, filter)) {
        if (e.status == EventStatus::cancelled) {
            continue;
        }
        input.history.push_back(PastHosting{e.host_id, e.date});
        input.quarters_with_werkstatt.push_back(Quarter::containing(e.date));
    }
    return input;
}

Event meeting_event(const PlannedMeeting& m, const EventDefaults& defaults) {
    Event e;
    e.kind = EventKind::werkstatt;
    e.date = *m.date;
    e.start = TimeOfDay::parse(defaults.start);
    e.end = TimeOfDay::parse(defaults.end);
    e.host_id = *m.host_id;
    e.host_key = m.host_key;
    e.title = fmt::format("Werkstatt {}", m.quarter.str());
    e.topic_keys = m.topic_keys;
    return e;
}

std::string kind_label(EventKind kind) {
    switch (kind) {
    case EventKind::site_visit:
        return "Vor-Ort-Besuch";
    case EventKind::fireside:
        return "Kamingespräch";
    case EventKind::werkstatt:
        break;
    }
    return "Betriebliche Werkstatt";
}

std::string address_line(const Company& c) {
    std::vector<std::string> parts{c.name};
    if (!c.street.empty()) {
        parts.push_back(c.street);
    }
    const std::string place = c.plz + " " + c.city;
    parts.emplace_back(text::trim(place));
    return text::join(parts, ", ");
}

} // namespace

PlanResult plan_werkstatt(Database& db, const PlanRequest& request, DryRun commit) {
    const auto start = TimeOfDay::parse(request.defaults.start);
    const auto end = TimeOfDay::parse(request.defaults.end);
    if (start && end && *end <= *start) {
        throw Error(ErrorKind::config,
                    fmt::format("events.default_end {} is not after events.default_start {}; "
                                "correct the configuration",
                                request.defaults.end, request.defaults.start));
    }
    PlanResult result;
    if (commit == DryRun::yes) {
        result.meetings = plan_rotation(rotation_input(db, request));
        return result;
    }
    WriteTransaction txn(db);
    result.meetings = plan_rotation(rotation_input(db, request));
    for (const auto& m : result.meetings) {
        if (m.skipped || !m.host_id || !m.date) {
            continue;
        }
        auto e = meeting_event(m, request.defaults);
        e.uid = new_event_uid();
        result.event_ids.push_back(insert_event(db, e));
    }
    txn.audit("event", std::nullopt, "plan",
              fmt::format("from={} quarters={} events={}", request.from.str(), request.quarters,
                          result.event_ids.size()));
    txn.finish(DryRun::no);
    return result;
}

Records plan_records(const PlanResult& result) {
    Records r;
    r.columns = {"quarter", "date", "host", "host_name", "topics", "event_id", "explanation"};
    std::size_t created = 0;
    for (const auto& m : result.meetings) {
        Value event_id;
        if (!m.skipped && m.host_id && m.date && created < result.event_ids.size()) {
            event_id = result.event_ids[created++];
        }
        r.rows.push_back({m.quarter.str(), m.date ? Value{m.date->iso()} : Value{},
                          text_or_null(m.host_key), text_or_null(m.host_name),
                          text::join(m.topic_keys, ","), event_id,
                          text::join(m.explanation, "\n")});
    }
    return r;
}

Records year_calendar(Database& db, int year) {
    struct Row {
        Date date;
        std::string time;
        std::string type;
        std::string name;
        Value event_id;
        std::string status;
    };
    std::vector<Row> rows;
    for (const auto& h : holidays_of_year(year)) {
        rows.push_back({h.date, "", "holiday", h.name, {}, ""});
    }
    EventFilter filter;
    filter.period = Period::parse(std::to_string(year));
    for (const auto& e : list_events(db, filter)) {
        const auto host = require_company(db, e.host_key);
        const auto name = e.title.empty() ? kind_label(e.kind) + " bei " + host.name
                                          : e.title + " bei " + host.name;
        rows.push_back({e.date, e.start ? e.start->str() : "", std::string(to_string(e.kind)), name,
                        Value{e.id}, std::string(to_string(e.status))});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return std::tie(a.date, a.time) < std::tie(b.date, b.time);
    });
    Records r;
    r.columns = {"date", "weekday", "time", "type", "name", "event_id", "status"};
    static const char* const k_days[] = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"};
    for (const auto& row : rows) {
        r.rows.push_back({row.date.iso(), std::string(k_days[row.date.iso_weekday() - 1]),
                          text_or_null(row.time), row.type, row.name, row.event_id,
                          text_or_null(row.status)});
    }
    return r;
}

std::string events_icalendar(Database& db, const std::vector<Event>& events) {
    std::vector<IcsEvent> out;
    std::map<std::string, std::string> topic_titles;
    for (const auto& t : list_topics(db)) {
        topic_titles[t.key] = t.title;
    }
    for (const auto& e : events) {
        const auto host = require_company(db, e.host_key);
        IcsEvent ics;
        ics.uid = e.uid;
        ics.sequence = e.sequence;
        ics.dtstamp_utc = e.updated_at;
        ics.date = e.date;
        if (e.start) {
            ics.start_minute = e.start->minutes();
        }
        if (e.end) {
            ics.end_minute = e.end->minutes();
        }
        ics.summary = (e.title.empty() ? kind_label(e.kind) : e.title) + " bei " + host.name;
        ics.location = address_line(host);
        std::vector<std::string> agenda;
        int n = 0;
        for (const auto& key : e.topic_keys) {
            agenda.push_back(fmt::format("{}. {}", ++n, topic_titles[key]));
        }
        ics.description = agenda.empty() ? "" : "Themen:\n" + text::join(agenda, "\n");
        if (!e.notes.empty()) {
            ics.description += (ics.description.empty() ? "" : "\n\n") + e.notes;
        }
        if (e.status == EventStatus::cancelled && !e.cancel_reason.empty()) {
            ics.description += (ics.description.empty() ? "" : "\n\n") + std::string("Abgesagt: ") +
                               e.cancel_reason;
        }
        ics.cancelled = e.status == EventStatus::cancelled;
        ics.confirmed = e.status == EventStatus::confirmed || e.status == EventStatus::held;
        out.push_back(std::move(ics));
    }
    return write_icalendar(out,
                           "-//IQ Netzwerk Sachsen-Anhalt//werkstatt " WERKSTATT_VERSION "//DE");
}

} // namespace werkstatt
