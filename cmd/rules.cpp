// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt rules: the rule data werkstatt applies, the day each file was checked, its sources,
// whether an admin replaced it, and whether it is due for review; and the warning of every run.
#include "advisory/rule_files.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct RulesOptions {
    std::optional<std::string> date;
    std::optional<std::string> format;
};

RuleFileSettings rule_file_settings(const Config& c) {
    return RuleFileSettings{c.advisory.hiring_rules_file, c.advisory.funding_files,
                            c.planner.school_holidays_file, c.planner.rules.school_holidays.size()};
}

} // namespace

std::optional<std::string> rules_due(Runtime& rt) {
    const auto& c = rt.config().config;
    const auto files = rule_files(rule_file_settings(c), BadRuleFile::skip);
    return stale_rules_warning(files, Date::today(), c.advisory.rules_max_age_months);
}

void warn_if_rules_due(Runtime& rt) {
    if (const auto w = rules_due(rt)) {
        rt.warn(*w);
    }
}

void setup_rules(CLI::App& app, Runtime& rt) {
    static RulesOptions o;
    auto* cmd = app.add_subcommand("rules", _("List the rule data in effect, the day each file was "
                                              "checked and whether it is due for review"));
    cmd->add_option("--date", o.date,
                    _("Judge the age on this day, YYYY-MM-DD or DD.MM.YYYY (default today)"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto& c = rt.config().config;
            const auto today = reference_day(o.date);
            const auto files = rule_files(rule_file_settings(c), BadRuleFile::fail);
            rt.print(rule_file_records(files, today, c.advisory.rules_max_age_months), o.format);
        };
    });
}

} // namespace werkstatt::cli
