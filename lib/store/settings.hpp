// SPDX-License-Identifier: GPL-3.0-or-later
// Where the database lives, how long a command waits for it, and who the audit log names
// ([database], [audit]).
#pragma once

#include "core/settings.hpp"

#include <cstdint>
#include <string>

namespace werkstatt {

struct StoreSettings {
    std::string database_path;            // "" = $XDG_DATA_HOME/werkstatt/werkstatt.db
    std::int64_t busy_timeout_ms = 60000; // wait for another werkstatt process this long
    std::string audit_user;               // "" = the operating-system user
};

// Return the keys database.path and database.busy_timeout_ms.
const SettingTable<StoreSettings>& store_settings_table();
// Return the key audit.user.
const SettingTable<StoreSettings>& audit_settings_table();

} // namespace werkstatt
