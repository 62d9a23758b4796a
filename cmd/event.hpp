// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of the `werkstatt event` group that live in their own files.
#pragma once

#include "output.hpp"
#include "runtime.hpp"
#include "domain/period.hpp"

namespace werkstatt::cli {

// Add `event plan` to `group`.
void setup_event_plan(CLI::App& group, Runtime& rt);
// Add `event ics` to `group`.
void setup_event_ics(CLI::App& group, Runtime& rt);
// Parse `text` as a period for --period; throw Error(usage) naming the forms otherwise.
Period parse_period_flag(const std::string& text);

} // namespace werkstatt::cli
