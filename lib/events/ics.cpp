// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/ics.hpp"

#include "core/text.hpp"
#include "members/members.hpp"
#include "store/event_store.hpp"

#include <fmt/format.h>

namespace werkstatt {

namespace {

constexpr const char* k_ics_product_id =
    "-//IQ Netzwerk Sachsen-Anhalt//werkstatt " WERKSTATT_VERSION "//DE";

// Return the calendar entry of `e` at `host` with the agenda's `titles`, in `lang`.
IcsEvent ics_entry(const Event& e, const Company& host,
                   const std::map<std::string, std::string>& titles, Language lang) {
    IcsEvent ics;
    ics.uid = e.uid;
    ics.date = e.date;
    ics.sequence = e.sequence;
    ics.dtstamp_utc = e.updated_at;
    if (e.start) {
        ics.start_minute = e.start->minutes();
    }
    if (e.end) {
        ics.end_minute = e.end->minutes();
    }
    ics.summary =
        // TRANSLATORS: a calendar entry's summary: the event's title (or kind) at its host company.
        trf(lang, "{} at {}", e.title.empty() ? kind_label(e.kind, lang) : e.title, host.name);
    ics.location = host_address_line(host);
    const auto agenda = event_agenda(e, titles);
    // TRANSLATORS: a calendar entry's description: the heading line of the agenda that follows.
    ics.description = agenda.empty() ? "" : tr(lang, "Topics:") + "\n" + text::join(agenda, "\n");
    if (!e.notes.empty()) {
        ics.description += (ics.description.empty() ? "" : "\n\n") + e.notes;
    }
    if (e.status == EventStatus::cancelled && !e.cancel_reason.empty()) {
        ics.description +=
            (ics.description.empty() ? "" : "\n\n") + trf(lang, "Cancelled: {}", e.cancel_reason);
    }
    ics.cancelled = e.status == EventStatus::cancelled;
    ics.confirmed = e.status == EventStatus::confirmed || e.status == EventStatus::held;
    return ics;
}

} // namespace

std::string host_address_line(const Company& c) {
    std::vector<std::string> parts{c.name};
    if (!c.street.empty()) {
        parts.push_back(c.street);
    }
    const std::string place = c.plz + " " + c.city;
    parts.emplace_back(text::trim(place));
    return text::join(parts, ", ");
}

std::map<std::string, std::string> topic_titles(Database& db) {
    std::map<std::string, std::string> titles;
    for (const auto& t : list_topics(db)) {
        titles[t.key] = t.title;
    }
    return titles;
}

std::vector<std::string> event_agenda(const Event& event,
                                      const std::map<std::string, std::string>& titles) {
    std::vector<std::string> agenda;
    int n = 0;
    for (const auto& key : event.topic_keys) {
        const auto it = titles.find(key);
        agenda.push_back(fmt::format("{}. {}", ++n, it == titles.end() ? key : it->second));
    }
    return agenda;
}

std::string events_icalendar(Database& db, const std::vector<Event>& events, Language lang) {
    std::vector<IcsEvent> out;
    const auto titles = topic_titles(db);
    for (const auto& e : events) {
        out.push_back(ics_entry(e, require_company(db, e.host_key), titles, lang));
    }
    return write_icalendar(out, k_ics_product_id);
}

std::string event_invitation_icalendar(Database& db, const Event& event, const IcsPerson& organizer,
                                       const IcsPerson& attendee, Language lang) {
    auto ics = ics_entry(event, require_company(db, event.host_key), topic_titles(db), lang);
    ics.organizer = organizer;
    ics.attendees = {attendee};
    return write_icalendar({ics}, k_ics_product_id, IcsMethod::request);
}

} // namespace werkstatt
