// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/settings.hpp"

namespace werkstatt {

namespace {

std::optional<std::string> check_path(const std::string& s) {
    if (s.empty()) {
        return "has an empty path; name a file or remove the entry";
    }
    return std::nullopt;
}

} // namespace

const SettingTable<AdvisorySettings>& advisory_settings_table() {
    static const auto table =
        SettingTable<AdvisorySettings>()
            .integer("advisor.verify_after_days", &AdvisorySettings::verify_after_days, 1, 3650,
                     " days",
                     "An advisory service verified longer ago than this (or never) is flagged")
            .list("catalogue.advisor_files", &AdvisorySettings::advisor_files,
                  "Admins' advisory service files (columns of advisor import), read after the "
                  "shipped list",
                  check_path)
            .list("catalogue.funding_files", &AdvisorySettings::funding_files,
                  "Admins' funding files (format of funding.toml), read after the shipped "
                  "catalogue",
                  check_path)
            .text("hiring.rules_file", &AdvisorySettings::hiring_rules_file,
                  "The rule data of the hiring checklist; empty: the rules shipped in the binary")
            .integer("rules.max_age_months", &AdvisorySettings::rules_max_age_months, 1, 1200,
                     " months",
                     "Rule data (work, hiring, funding rules, school holidays) checked longer ago "
                     "is due for review: every run warns");
    return table;
}

} // namespace werkstatt
