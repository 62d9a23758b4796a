// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/event.hpp"
#include "core/names.hpp"

#include <fmt/format.h>

namespace werkstatt {

namespace {

constexpr std::pair<std::string_view, EventKind> k_kinds[] = {{"werkstatt", EventKind::werkstatt},
                                                              {"site-visit", EventKind::site_visit},
                                                              {"fireside", EventKind::fireside}};
constexpr std::pair<std::string_view, EventStatus> k_statuses[] = {
    {"planned", EventStatus::planned},
    {"confirmed", EventStatus::confirmed},
    {"held", EventStatus::held},
    {"cancelled", EventStatus::cancelled}};
constexpr std::pair<std::string_view, AttendanceStatus> k_attendance[] = {
    {"registered", AttendanceStatus::registered},
    {"attended", AttendanceStatus::attended},
    {"no-show", AttendanceStatus::no_show},
    {"excused", AttendanceStatus::excused}};

} // namespace

std::optional<EventKind> parse_event_kind(std::string_view text) {
    return lookup_name(k_kinds, text);
}
std::string_view to_string(EventKind kind) {
    return name_in(k_kinds, kind);
}
std::optional<EventStatus> parse_event_status(std::string_view text) {
    return lookup_name(k_statuses, text);
}
std::string_view to_string(EventStatus status) {
    return name_in(k_statuses, status);
}
std::optional<AttendanceStatus> parse_attendance(std::string_view text) {
    return lookup_name(k_attendance, text);
}
std::string_view to_string(AttendanceStatus status) {
    return name_in(k_attendance, status);
}

std::optional<TimeOfDay> TimeOfDay::parse(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') {
        return std::nullopt;
    }
    for (std::size_t i : {0, 1, 3, 4}) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
    }
    const int h = (text[0] - '0') * 10 + (text[1] - '0');
    const int m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59) {
        return std::nullopt;
    }
    return TimeOfDay(h * 60 + m);
}

std::string TimeOfDay::str() const {
    return fmt::format("{:02}:{:02}", m_minutes / 60, m_minutes % 60);
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

std::string kind_label(EventKind kind, Language lang) {
    switch (kind) {
    case EventKind::site_visit:
        // TRANSLATORS: an event's title in calendars and invitations when it has none of its own.
        return tr(lang, "Site visit");
    case EventKind::fireside:
        // TRANSLATORS: an event's title in calendars and invitations when it has none of its own.
        return tr(lang, "Fireside talk");
    case EventKind::werkstatt:
        break;
    }
    // TRANSLATORS: an event's title in calendars and invitations when it has none of its own: the
    // quarterly meeting at a member company (Betriebliche Werkstatt).
    return tr(lang, "Company Werkstatt");
}

} // namespace werkstatt
