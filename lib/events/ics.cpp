// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/ics.hpp"

#include "core/text.hpp"
#include "io/icalendar.hpp"
#include "members/members.hpp"
#include "store/event_store.hpp"

#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

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
