// SPDX-License-Identifier: GPL-3.0-or-later
// Choices that govern the member register ([companies]).
#pragma once

#include "core/settings.hpp"

namespace werkstatt {

// What to do with a postal code outside Sachsen-Anhalt's reference data.
enum class OutsidePlz { warn, reject };

struct MemberPolicy {
    OutsidePlz outside_plz = OutsidePlz::warn;
};

// Return the key companies.outside_plz.
const SettingTable<MemberPolicy>& member_settings_table();

} // namespace werkstatt
