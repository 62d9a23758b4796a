// SPDX-License-Identifier: GPL-3.0-or-later
// What data protection asks of werkstatt besides the records ([privacy]): how long personal data
// is kept, whether special categories are collected, and whether output names persons.
#pragma once

#include "core/settings.hpp"

#include <string_view>
#include <vector>

namespace werkstatt {

// The settings of data protection ([privacy]).
struct PrivacySettings {
    int grace_days = 30;             // days after a consent ended before `privacy purge` erases
    int retention_months = 24;       // months inactive or exited before `privacy purge` erases
    int claim_months = 6;            // months proposals and closed placements keep their reasons
    bool special_categories = false; // collect disability and minority (Art. 9 GDPR)
    bool pseudonymise = false;       // name candidates by pseudonym in listings and reports
};

// Return the keys privacy.grace_days, privacy.retention_months, privacy.claim_months,
// privacy.special_categories and privacy.pseudonymise.
const SettingTable<PrivacySettings>& privacy_settings_table();

// A key that werkstatt no longer reads and the key that took its place.
struct ReplacedKey {
    std::string_view key; // "report.sensitive.disability"
    std::string_view now; // "privacy.special_categories"
};

// Return the keys that privacy settings replaced: report.sensitive.disability and
// report.sensitive.minority (both now privacy.special_categories). A file that still has one is
// refused, naming the new key.
const std::vector<ReplacedKey>& replaced_privacy_keys();

} // namespace werkstatt
