// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder: filled in by the operations work (#15).
#include "commands.hpp"

namespace werkstatt::cli {

void setup_completion(CLI::App& app, Runtime& rt) {
    (void)app;
    (void)rt;
}

} // namespace werkstatt::cli
