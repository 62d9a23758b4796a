// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/date.hpp"
#include "core/i18n.hpp"
#include "domain/period.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// What kind of meeting: the quarterly Werkstatt, an on-site visit at a best-practice company
// (Vor-Ort-Besuch) or a fireside talk with politicians (Kamingespräch).
enum class EventKind { werkstatt, site_visit, fireside };

// Where an event stands: planned, confirmed by the host, held, or cancelled.
enum class EventStatus { planned, confirmed, held, cancelled };

// Whether a registered person came (Teilnahme).
enum class AttendanceStatus { registered, attended, no_show, excused };

// Parse `text` ("werkstatt", "site-visit", "fireside"), or nothing.
std::optional<EventKind> parse_event_kind(std::string_view text);
std::string_view to_string(EventKind kind);
// Return the German name of `kind` for people ("Betriebliche Werkstatt", "Vor-Ort-Besuch").
std::string kind_label(EventKind kind);
// Return the name of `kind` in `lang`, for documents (calendar entries, invitations, sign-in
// sheets); in German the same as kind_label(kind).
std::string kind_label(EventKind kind, Language lang);
// Parse `text` ("planned", "confirmed", "held", "cancelled"), or nothing.
std::optional<EventStatus> parse_event_status(std::string_view text);
std::string_view to_string(EventStatus status);
// Parse `text` ("registered", "attended", "no-show", "excused"), or nothing.
std::optional<AttendanceStatus> parse_attendance(std::string_view text);
std::string_view to_string(AttendanceStatus status);

// A time of day in whole minutes after midnight, written HH:MM.
class TimeOfDay {
  public:
    // Parse `text` as HH:MM (00:00 to 23:59), or nothing.
    static std::optional<TimeOfDay> parse(std::string_view text);
    int minutes() const { return m_minutes; }
    std::string str() const;
    auto operator<=>(const TimeOfDay&) const = default;

  private:
    explicit TimeOfDay(int minutes) : m_minutes(minutes) {}
    int m_minutes;
};

// A meeting of the network (Veranstaltung).
struct Event {
    std::int64_t id = 0;
    std::string uid;
    EventKind kind = EventKind::werkstatt;
    Date date = *Date::from_ymd(2000, 1, 1);
    std::optional<TimeOfDay> start;
    std::optional<TimeOfDay> end;
    std::int64_t host_id = 0;
    std::string host_key; // filled when read from the store
    std::string title;
    std::optional<std::int64_t> capacity; // participants at most; empty = the venue's
    EventStatus status = EventStatus::planned;
    std::string cancel_reason;
    std::string notes;
    int sequence = 0;
    std::string updated_at;
    std::vector<std::string> topic_keys; // agenda, in order
};

// A registration for an event, with the attendance recorded after it.
struct Registration {
    std::int64_t id = 0;
    std::int64_t event_id = 0;
    std::int64_t company_id = 0;
    std::string company_key;
    std::optional<std::int64_t> contact_id;
    std::string contact_name; // empty for a company seat or an erased contact
    AttendanceStatus status = AttendanceStatus::registered;
};

// A period in which a company cannot host.
struct HostBlock {
    std::int64_t id = 0;
    std::int64_t company_id = 0;
    std::string company_key;
    Period period;
    std::string reason;
};

} // namespace werkstatt
