// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt privacy: data protection across the exchange; its parts live in privacy_*.cpp.
#include "commands.hpp"

namespace werkstatt::cli {

void setup_privacy(CLI::App& app, Runtime& rt) {
    auto* group = app.add_subcommand("privacy", "Data protection: the record of processing");
    group->require_subcommand(1);
    add_privacy_record(*group, rt);
}

} // namespace werkstatt::cli
