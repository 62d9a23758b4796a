// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/icalendar.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>
#include <optional>

namespace werkstatt {

namespace {

constexpr std::size_t k_max_octets = 75; // RFC 5545 3.1, excluding the CRLF
constexpr int k_minutes_per_day = 24 * 60;
constexpr int k_default_duration = 60;
constexpr std::string_view k_tzid = "Europe/Berlin";

// Europe/Berlin as the EU has kept it since 1996, written the way Thunderbird and Google write it.
constexpr std::string_view k_vtimezone[] = {
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
};

// Return how `event` is named in error messages.
std::string event_name(const IcsEvent& event) {
    return event.uid.empty() ? fmt::format("event \"{}\" on {}", event.summary, event.date.iso())
                             : fmt::format("event {}", event.uid);
}

// Return true if `c` is the second, third or fourth byte of a UTF-8 sequence.
bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u;
}

// Return the first control character in `value` that may not be written (tab and line breaks
// pass where `multiline` allows them), or nothing.
std::optional<unsigned char> forbidden_control(std::string_view value, bool multiline) {
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        const bool allowed = multiline && (c == '\t' || c == '\n' || c == '\r');
        if ((byte < 0x20u || byte == 0x7Fu) && !allowed) {
            return byte;
        }
    }
    return std::nullopt;
}

// Throw Error(bad_data) unless `value`, the `field` of `event`, is UTF-8 without control
// characters; tab and line breaks pass where `multiline` allows them.
void check_text(const IcsEvent& event, std::string_view field, std::string_view value,
                bool multiline) {
    if (!text::is_valid_utf8(value)) {
        throw Error(ErrorKind::bad_data, _f("{}: {} is not valid UTF-8; convert the text to UTF-8",
                                            event_name(event), field));
    }
    if (const auto byte = forbidden_control(value, multiline)) {
        throw Error(ErrorKind::bad_data,
                    _f("{}: {} contains the control character 0x{:02X}; remove it",
                       event_name(event), field, *byte));
    }
}

// Return `value` escaped as an RFC 5545 TEXT (3.3.11): backslash, semicolon, comma and every line
// break (CRLF, LF or CR) become \\ \; \, and \n.
std::string escape_text(std::string_view value) {
    std::string out;
    out.reserve(value.size() + value.size() / 8);
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\r' || c == '\n') {
            out += "\\n";
            if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') {
                ++i;
            }
        } else {
            out += c;
        }
    }
    return out;
}

// Append `line` to `out` folded so that no physical line exceeds 75 octets: a fold goes before
// the character that would cross the limit, and each continuation starts with one space.
void append_folded(std::string& out, std::string_view line) {
    std::size_t limit = k_max_octets;
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && is_continuation_byte(line[cut])) {
            --cut;
        }
        if (cut == 0) { // not UTF-8; check_text keeps this from happening
            cut = limit;
        }
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = k_max_octets - 1; // the leading space counts
    }
    out.append(line);
    out += "\r\n";
}

// Return two digits of `text` at `pos` as a number, or -1 if they are not digits.
int two_digits(std::string_view text, std::size_t pos) {
    const char a = text[pos];
    const char b = text[pos + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') {
        return -1;
    }
    return (a - '0') * 10 + (b - '0');
}

// Return the stamp "YYYY-MM-DDTHH:MM:SSZ" of `event` as an RFC 5545 UTC DATE-TIME
// "YYYYMMDDTHHMMSSZ"; throw Error(bad_data) if it is malformed or not a real moment.
std::string ics_stamp(const IcsEvent& event) {
    const std::string_view s = event.dtstamp_utc;
    const bool shaped = s.size() == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' &&
                        s[13] == ':' && s[16] == ':' && s[19] == 'Z';
    const int hour = shaped ? two_digits(s, 11) : -1;
    const int minute = shaped ? two_digits(s, 14) : -1;
    const int second = shaped ? two_digits(s, 17) : -1;
    const bool valid = shaped && Date::parse_iso(s.substr(0, 10)).has_value() && hour >= 0 &&
                       hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
    if (!valid) {
        throw Error(ErrorKind::bad_data,
                    _f("{}: time stamp '{}' is not YYYY-MM-DDTHH:MM:SSZ; give the time "
                       "of this revision in UTC, e.g. 2027-03-01T09:30:00Z",
                       event_name(event), event.dtstamp_utc));
    }
    return fmt::format("{}{}{}T{}{}{}Z", s.substr(0, 4), s.substr(5, 2), s.substr(8, 2),
                       s.substr(11, 2), s.substr(14, 2), s.substr(17, 2));
}

// Throw Error(bad_data) unless `minute`, the `which` time of `event`, lies within one day.
void check_minute(const IcsEvent& event, std::string_view which, int minute) {
    if (minute < 0 || minute >= k_minutes_per_day) {
        throw Error(ErrorKind::bad_data,
                    _f("{}: {} minute {} is outside 0..1439; give a time of day between "
                       "00:00 and 23:59",
                       event_name(event), which, minute));
    }
}

// Throw Error(bad_data) unless `person`, the `role` of `event`, can be written.
void check_person(const IcsEvent& event, std::string_view role, const IcsPerson& person) {
    check_text(event, role, person.name, false);
    const auto at = person.address.find('@');
    bool ok = at != std::string::npos && at > 0 && at + 1 < person.address.size();
    for (const char c : person.address) {
        const auto b = static_cast<unsigned char>(c);
        ok = ok && b > 0x20u && b < 0x7Fu && c != '"' && c != ':' && c != ';' && c != ',';
    }
    if (!ok) {
        throw Error(ErrorKind::bad_data,
                    _f("{}: the {}'s address '{}' is not like name@example.org; correct "
                       "it",
                       event_name(event), role, text::display_safe(person.address)));
    }
}

// Return `person` as a CAL-ADDRESS with its CN parameter: `;CN="Name":mailto:address`.
std::string ics_person(const IcsPerson& person, std::string_view parameters) {
    std::string name;
    for (const char c : person.name) {
        name += c == '"' ? '\'' : c;
    }
    std::string out;
    if (!name.empty()) {
        out += ";CN=\"" + name + "\"";
    }
    out += parameters;
    return out + ":mailto:" + person.address;
}

// Throw Error(bad_data) if anything about `event` cannot be written faithfully.
void check_event(const IcsEvent& event) {
    if (event.organizer) {
        check_person(event, "organizer", *event.organizer);
    }
    for (const auto& attendee : event.attendees) {
        check_person(event, "attendee", attendee);
    }
    if (event.uid.empty()) {
        throw Error(ErrorKind::bad_data,
                    _f("{}: UID is empty; give the event its stable UID", event_name(event)));
    }
    check_text(event, "UID", event.uid, false);
    check_text(event, "summary", event.summary, true);
    check_text(event, "location", event.location, true);
    check_text(event, "description", event.description, true);
    if (event.sequence < 0) {
        throw Error(ErrorKind::bad_data, _f("{}: sequence {} is negative; count revisions from 0",
                                            event_name(event), event.sequence));
    }
    if (event.end_minute && !event.start_minute) {
        throw Error(ErrorKind::bad_data,
                    _f("{}: has an end time but no start time; give a start time or "
                       "drop the end to make it an all-day event",
                       event_name(event)));
    }
    if (event.start_minute) {
        check_minute(event, "start", *event.start_minute);
    }
    if (event.end_minute) {
        check_minute(event, "end", *event.end_minute);
        if (*event.end_minute <= *event.start_minute) {
            throw Error(ErrorKind::bad_data,
                        _f("{}: ends at {:02}:{:02}, not after its start at {:02}:{:02}; "
                           "give an end later on the same day",
                           event_name(event), *event.end_minute / 60, *event.end_minute % 60,
                           *event.start_minute / 60, *event.start_minute % 60));
        }
    }
}

// Return `date` as an RFC 5545 DATE "YYYYMMDD".
std::string ics_date(const Date& date) {
    return fmt::format("{:04}{:02}{:02}", date.year(), date.month(), date.day());
}

// Return the local DATE-TIME `minutes` after the start of `date` (more than a day rolls over).
std::string ics_local_time(const Date& date, int minutes) {
    const Date day = date + minutes / k_minutes_per_day;
    const int minute_of_day = minutes % k_minutes_per_day;
    return fmt::format("{}T{:02}{:02}00", ics_date(day), minute_of_day / 60, minute_of_day % 60);
}

// Return the STATUS value of `event`.
std::string_view status_of(const IcsEvent& event) {
    if (event.cancelled) {
        return "CANCELLED";
    }
    return event.confirmed ? "CONFIRMED" : "TENTATIVE";
}

// Append the VEVENT of `event` to `out`.
void append_event(std::string& out, const IcsEvent& event) {
    append_folded(out, "BEGIN:VEVENT");
    append_folded(out, "UID:" + escape_text(event.uid));
    append_folded(out, fmt::format("SEQUENCE:{}", event.sequence));
    append_folded(out, "DTSTAMP:" + ics_stamp(event));
    if (event.start_minute) {
        const int start = *event.start_minute;
        const int end = event.end_minute.value_or(start + k_default_duration);
        append_folded(out,
                      fmt::format("DTSTART;TZID={}:{}", k_tzid, ics_local_time(event.date, start)));
        append_folded(out,
                      fmt::format("DTEND;TZID={}:{}", k_tzid, ics_local_time(event.date, end)));
    } else {
        append_folded(out, "DTSTART;VALUE=DATE:" + ics_date(event.date));
        append_folded(out, "DTEND;VALUE=DATE:" + ics_date(event.date + 1));
    }
    append_folded(out, "SUMMARY:" + escape_text(event.summary));
    if (!event.location.empty()) {
        append_folded(out, "LOCATION:" + escape_text(event.location));
    }
    if (!event.description.empty()) {
        append_folded(out, "DESCRIPTION:" + escape_text(event.description));
    }
    append_folded(out, fmt::format("STATUS:{}", status_of(event)));
    if (event.organizer) {
        append_folded(out, "ORGANIZER" + ics_person(*event.organizer, ""));
    }
    for (const auto& attendee : event.attendees) {
        append_folded(out, "ATTENDEE" + ics_person(attendee, ";CUTYPE=INDIVIDUAL;ROLE=REQ-"
                                                             "PARTICIPANT;PARTSTAT=NEEDS-ACTION;"
                                                             "RSVP=TRUE"));
    }
    append_folded(out, "END:VEVENT");
}

} // namespace

std::string write_icalendar(const std::vector<IcsEvent>& events, std::string_view product_id,
                            IcsMethod method) {
    if (product_id.empty() || !text::is_valid_utf8(product_id) ||
        forbidden_control(product_id, false)) {
        throw Error(ErrorKind::internal, _("the calendar product identifier is empty, not UTF-8 or "
                                           "holds a control character; please report this"));
    }
    for (const IcsEvent& event : events) {
        check_event(event);
    }
    std::string out;
    append_folded(out, "BEGIN:VCALENDAR");
    append_folded(out, "PRODID:" + escape_text(product_id));
    append_folded(out, "VERSION:2.0");
    append_folded(out, "CALSCALE:GREGORIAN");
    append_folded(out, method == IcsMethod::request ? "METHOD:REQUEST" : "METHOD:PUBLISH");
    for (const std::string_view line : k_vtimezone) {
        append_folded(out, line);
    }
    for (const IcsEvent& event : events) {
        append_event(out, event);
    }
    append_folded(out, "END:VCALENDAR");
    return out;
}

} // namespace werkstatt
