// SPDX-License-Identifier: GPL-3.0-or-later
// How the applicant exchange keeps its pool fresh and follows its hires ([exchange]).
#pragma once

#include "core/settings.hpp"

#include <vector>

namespace werkstatt {

// The settings of the exchange after matching ([exchange]).
struct ExchangeSettings {
    int reconfirm_days = 90; // days without confirmation before one is due
    int pause_days = 180;    // days without confirmation before matching pauses
    int stuck_days = 30;     // days at introduced or interview before it is due
    std::vector<int> followup_months = {1, 3, 6}; // months after a hire that a follow-up is due
};

// Return the keys exchange.reconfirm_days, exchange.pause_days, exchange.stuck_days and
// exchange.followup_months.
const SettingTable<ExchangeSettings>& exchange_settings_table();

} // namespace werkstatt
