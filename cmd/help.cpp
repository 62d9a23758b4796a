// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt help [--commands]: the help text, or the command tree with its markers for scripts
// and the tests that must cover every command (documented in werkstatt(1)).
#include "commands.hpp"
#include "core/i18n.hpp"
#include "parsing.hpp"

#include <ostream>

namespace werkstatt::cli {

void setup_help(CLI::App& app, Runtime& rt) {
    static bool commands = false;
    auto* cmd =
        app.add_subcommand("help", _("Show this help, or list every command with --commands"));
    cmd->add_flag(
        "--commands", commands,
        _("One line per command: its path, a tab and its markers (group, writes, dry-run, "
          "commit)"));
    cmd->callback([&app, &rt] {
        rt.action = [&app, &rt] {
            if (commands) {
                write_command_tree(rt.out(), app);
            } else {
                rt.out() << app.help();
            }
        };
    });
}

} // namespace werkstatt::cli
