// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/settings.hpp"

namespace werkstatt {

const SettingTable<StoreSettings>& store_settings_table() {
    static const auto table =
        SettingTable<StoreSettings>()
            .text("database.path", &StoreSettings::database_path,
                  "The SQLite database file; empty: $XDG_DATA_HOME/werkstatt/werkstatt.db")
            .integer("database.busy_timeout_ms", &StoreSettings::busy_timeout_ms, 0, 600000,
                     " milliseconds",
                     "How long a command that writes waits for another werkstatt process "
                     "writing to the database before it gives up with exit status 75");
    return table;
}

const SettingTable<StoreSettings>& audit_settings_table() {
    static const auto table = SettingTable<StoreSettings>().text(
        "audit.user", &StoreSettings::audit_user,
        "The name the audit log records for each change; empty: the operating-system user");
    return table;
}

} // namespace werkstatt
