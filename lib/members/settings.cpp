// SPDX-License-Identifier: GPL-3.0-or-later
#include "members/settings.hpp"

namespace werkstatt {

const SettingTable<MemberPolicy>& member_settings_table() {
    static const auto table = SettingTable<MemberPolicy>().choice(
        "companies.outside_plz", &MemberPolicy::outside_plz,
        {{"warn", OutsidePlz::warn}, {"reject", OutsidePlz::reject}},
        "A member's PLZ outside Sachsen-Anhalt's data: warn (store it without a district) or "
        "reject");
    return table;
}

} // namespace werkstatt
