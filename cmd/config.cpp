// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt config show|keys|check: the effective configuration, the known keys, file validation.
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "import/profile.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct ConfigOptions {
    std::optional<std::string> format;
    std::string file;
};

} // namespace

void setup_config(CLI::App& app, Runtime& rt) {
    static ConfigOptions o;
    auto* group = app.add_subcommand("config", _("Show or check the configuration"));
    group->require_subcommand(1);

    auto* show = group->add_subcommand("show", _("Print every setting, its value and its origin"));
    add_format_option(show, o.format);
    show->callback(
        [&rt] { rt.action = [&rt] { rt.print(describe_config(rt.config()), o.format); }; });

    auto* keys = group->add_subcommand("keys", _("List every key with its type, default and doc"));
    add_format_option(keys, o.format);
    keys->callback([&rt] { rt.action = [&rt] { rt.print(describe_keys(), o.format); }; });

    auto* check = group->add_subcommand("check", _("Validate a configuration file"));
    check->add_option("FILE", o.file, _("TOML file to check"))->required();
    check->callback([&rt] {
        rt.action = [&rt] {
            auto problems = check_config_file(o.file);
            if (problems.empty()) {
                for (const auto& message : check_profiles({ProfileSource{"", o.file}})) {
                    problems.push_back(ConfigProblem{0, message});
                }
            }
            if (problems.empty()) {
                rt.info(_f("{}: valid", o.file));
                return;
            }
            for (std::size_t i = 0; i + 1 < problems.size(); ++i) {
                rt.warn(_f("{}:{}: {}", o.file, problems[i].line, problems[i].message));
            }
            const auto& last = problems.back();
            throw Error(ErrorKind::config,
                        last.line == 0 ? last.message
                                       : fmt::format("{}:{}: {}", o.file, last.line, last.message));
        };
    });
}

} // namespace werkstatt::cli
