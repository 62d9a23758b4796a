// SPDX-License-Identifier: GPL-3.0-or-later
// The times an event gets when it is given none ([events]).
#pragma once

#include "core/settings.hpp"

#include <string>

namespace werkstatt {

// Times used when an event is added or planned without them (HH:MM, Europe/Berlin).
struct EventDefaults {
    std::string start = "14:00";
    std::string end = "17:00";
};

// Return the keys events.default_start and events.default_end.
const SettingTable<EventDefaults>& event_settings_table();

} // namespace werkstatt
