// SPDX-License-Identifier: GPL-3.0-or-later
// The rules of the quarterly rotation as configured ([planner]).
#pragma once

#include "core/settings.hpp"
#include "plan/rotation.hpp"

#include <string>
#include <vector>

namespace werkstatt {

struct PlannerSettings {
    RotationRules rules;
    // District keys (AGS) of the north; the rest is the south. Default: the former
    // Regierungsbezirk Magdeburg.
    std::vector<std::string> north_districts = {"15003", "15081", "15083", "15085",
                                                "15086", "15089", "15090"};
    // An admin's copy of the school holidays (format of config/data/school_holidays.toml) that
    // replaces the shipped ones; "" = the shipped ones. rules.school_holidays add to either.
    std::string school_holidays_file;
};

// Return the planner.* keys.
const SettingTable<PlannerSettings>& planner_settings_table();

} // namespace werkstatt
