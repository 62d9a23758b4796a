// SPDX-License-Identifier: GPL-3.0-or-later
#include "privacy/settings.hpp"

namespace werkstatt {

const SettingTable<PrivacySettings>& privacy_settings_table() {
    static const auto table =
        SettingTable<PrivacySettings>()
            .integer("privacy.grace_days", &PrivacySettings::grace_days, 0, 3650, " days",
                     "Days after a candidate's last consent ended before `privacy purge` erases "
                     "them")
            .integer("privacy.retention_months", &PrivacySettings::retention_months, 1, 240,
                     " months",
                     "Months a candidate may be inactive or exited before `privacy purge` erases "
                     "them")
            .integer("privacy.claim_months", &PrivacySettings::claim_months, 1, 120, " months",
                     "Months proposals, closed placements and import before-images are kept "
                     "(claims under § 15 (4) AGG and § 61b ArbGG take up to about 6)")
            .boolean("privacy.special_categories", &PrivacySettings::special_categories,
                     "Collect disability and minority (Art. 9 GDPR) for persons who consented; "
                     "off: werkstatt refuses to store them and reports say not collected")
            .boolean("privacy.pseudonymise", &PrivacySettings::pseudonymise,
                     "Show candidates by pseudonym (B-17) instead of names in every listing, "
                     "ranking and report; --reveal shows names and is audited");
    return table;
}

const std::vector<ReplacedKey>& replaced_privacy_keys() {
    static const std::vector<ReplacedKey> keys = {
        {"report.sensitive.disability", "privacy.special_categories"},
        {"report.sensitive.minority", "privacy.special_categories"},
    };
    return keys;
}

} // namespace werkstatt
