// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of the `werkstatt opening` group that live in their own files.
#pragma once

#include "output.hpp"
#include "runtime.hpp"

namespace werkstatt::cli {

// Add `opening list` and `opening show` to `group`.
void setup_opening_list_show(CLI::App& group, Runtime& rt);

} // namespace werkstatt::cli
