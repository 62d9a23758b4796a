// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/settings.hpp"

#include "domain/event.hpp"

namespace werkstatt {

namespace {

std::optional<std::string> check_time(const std::string& s) {
    if (TimeOfDay::parse(s)) {
        return std::nullopt;
    }
    return fmt::format("must be a time HH:MM, not '{}'", s);
}

} // namespace

const SettingTable<EventDefaults>& event_settings_table() {
    static const auto table =
        SettingTable<EventDefaults>()
            .text("events.default_start", &EventDefaults::start,
                  "The start time of an event added or planned without one (HH:MM)", check_time)
            .text("events.default_end", &EventDefaults::end,
                  "The end time of an event added or planned without one (HH:MM)", check_time);
    return table;
}

} // namespace werkstatt
