// SPDX-License-Identifier: GPL-3.0-or-later
// Events as an iCalendar file (RFC 5545) for Outlook, Thunderbird and Google Calendar.
#pragma once

#include "domain/event.hpp"
#include "store/database.hpp"

#include <string>
#include <vector>

namespace werkstatt {

// Return `events` as an iCalendar file (RFC 5545) with their hosts' addresses and agendas.
std::string events_icalendar(Database& db, const std::vector<Event>& events);

} // namespace werkstatt
