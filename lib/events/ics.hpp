// SPDX-License-Identifier: GPL-3.0-or-later
// Events as an iCalendar file (RFC 5545) for Outlook, Thunderbird and Google Calendar.
#pragma once

#include "core/i18n.hpp"
#include "domain/company.hpp"
#include "domain/event.hpp"
#include "io/icalendar.hpp"
#include "store/database.hpp"

#include <map>
#include <string>
#include <vector>

namespace werkstatt {

// Return `events` as an iCalendar file (RFC 5545) with their hosts' addresses and agendas; what
// people read (summary, description) is in `lang`, UIDs and codes are the same in every language.
std::string events_icalendar(Database& db, const std::vector<Event>& events, Language lang);

// Return the iCalendar invitation (METHOD:REQUEST) of `event` from `organizer` to `attendee`:
// the same UID, SEQUENCE, summary, place and agenda as in events_icalendar, so that a calendar
// that has the event already recognises it. In `lang`, as the invitation it goes with.
std::string event_invitation_icalendar(Database& db, const Event& event, const IcsPerson& organizer,
                                       const IcsPerson& attendee, Language lang);

// Return where `host` receives its guests, one line: "Name, Street, PLZ City".
std::string host_address_line(const Company& host);

// Return the titles of the topics by key.
std::map<std::string, std::string> topic_titles(Database& db);

// Return the agenda of `event`: "1. Title" per topic key, in order.
std::vector<std::string> event_agenda(const Event& event,
                                      const std::map<std::string, std::string>& titles);

} // namespace werkstatt
