// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// A person in an invitation: the organiser or an attendee (CN and a mailto: address).
struct IcsPerson {
    std::string name;    // may be empty
    std::string address; // name@example.org
};

// One event as a calendar sees it. It has no default constructor because a Date has none: build it
// with designated initializers (`IcsEvent{.uid = ..., .date = ...}`).
struct IcsEvent {
    std::string uid;                 // stable, e.g. "3f2a...@werkstatt"; same UID on every export
    int sequence = 0;                // revision number; higher after each change (SEQUENCE)
    std::string dtstamp_utc;         // when this revision was made, "YYYY-MM-DDTHH:MM:SSZ"
    Date date;                       // the day of the meeting in Europe/Berlin
    std::optional<int> start_minute; // minutes after midnight in Europe/Berlin; empty = all-day
    std::optional<int> end_minute;   // empty with a start: one hour after the start
    std::string summary;             // the title (SUMMARY)
    std::string location;            // host company and address, one line; empty = no LOCATION
    std::string description;         // agenda, may contain line breaks; empty = no DESCRIPTION
    bool cancelled = false;          // STATUS:CANCELLED, whatever `confirmed` says
    bool confirmed = false;          // STATUS:CONFIRMED if true, else STATUS:TENTATIVE
    std::optional<IcsPerson> organizer; // ORGANIZER (an invitation's sender)
    std::vector<IcsPerson> attendees;   // ATTENDEE each, RSVP=TRUE, PARTSTAT=NEEDS-ACTION
};

// The METHOD of a calendar (RFC 5546): a published calendar, or an invitation.
enum class IcsMethod { publish, request };

// Return an RFC 5545 VCALENDAR (PRODID from `product_id`, METHOD from `method`, one VTIMEZONE for
// Europe/Berlin) with one VEVENT per entry of `events`, in the order given: text escaped, lines
// folded at 75 octets without splitting a UTF-8 character, every line ended by CRLF. Throw
// Error(bad_data) naming the event if a minute is outside 0..1439, the end is not after the start,
// an end has no start, the UID is empty, the stamp is not "YYYY-MM-DDTHH:MM:SSZ", the sequence is
// negative, or a text is not UTF-8 or holds a control character other than tab and line breaks;
// throw Error(internal) if `product_id` is empty, not UTF-8 or holds a control character. A
// person's address must be printable ASCII with an @ (else Error(bad_data)); a double quote in a
// name becomes a single one.
std::string write_icalendar(const std::vector<IcsEvent>& events, std::string_view product_id,
                            IcsMethod method = IcsMethod::publish);

} // namespace werkstatt
