// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/settings.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace werkstatt {

namespace {

std::optional<std::string> set_followup_months(ExchangeSettings& s, const SettingValue& v) {
    std::vector<int> months;
    for (const auto& item : std::get<std::vector<std::string>>(v)) {
        const auto n = text::parse_int(item);
        if (!n || *n < 1 || *n > 120) {
            return fmt::format("must be whole months from 1 to 120, not '{}'",
                               text::printable(item, 40));
        }
        months.push_back(static_cast<int>(*n));
    }
    std::sort(months.begin(), months.end());
    months.erase(std::unique(months.begin(), months.end()), months.end());
    s.followup_months = std::move(months);
    return std::nullopt;
}

std::string show_followup_months(const ExchangeSettings& s) {
    std::string out;
    for (const auto m : s.followup_months) {
        out += out.empty() ? "" : ", ";
        out += std::to_string(m);
    }
    return out;
}

} // namespace

const SettingTable<ExchangeSettings>& exchange_settings_table() {
    static const auto table =
        SettingTable<ExchangeSettings>()
            .integer("exchange.reconfirm_days", &ExchangeSettings::reconfirm_days, 1, 3650, " days",
                     "Days after a candidate last confirmed they want to be placed before "
                     "`werkstatt due` asks for a new confirmation")
            .integer("exchange.pause_days", &ExchangeSettings::pause_days, 1, 3650, " days",
                     "Days without a confirmation after which a candidate is paused from "
                     "matching until confirmed")
            .integer("exchange.stuck_days", &ExchangeSettings::stuck_days, 1, 3650, " days",
                     "Days a placement may stay introduced or at interview before `werkstatt "
                     "due` lists it")
            .custom("exchange.followup_months", SettingType::list,
                    "Months after a hire at which a follow-up asks whether the person is still "
                    "employed",
                    set_followup_months, show_followup_months);
    return table;
}

} // namespace werkstatt
