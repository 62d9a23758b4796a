// SPDX-License-Identifier: GPL-3.0-or-later
// The advisory map, the catalogue files, the hiring rules and the age of rule data ([advisor],
// [catalogue], [hiring], [rules]).
#pragma once

#include "core/settings.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace werkstatt {

struct AdvisorySettings {
    std::int64_t verify_after_days = 365;   // an entry checked longer ago is flagged
    std::vector<std::string> advisor_files; // admins' advisor catalogue files, after the shipped
    std::vector<std::string> funding_files; // admins' funding catalogue files, after the shipped
    std::string hiring_rules_file;          // "" = the shipped hiring rules
    std::int64_t rules_max_age_months = 12; // rule data checked longer ago is due for review
};

// Return the keys advisor.verify_after_days, catalogue.advisor_files, catalogue.funding_files,
// hiring.rules_file and rules.max_age_months.
const SettingTable<AdvisorySettings>& advisory_settings_table();

} // namespace werkstatt
