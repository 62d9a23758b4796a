// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of the `werkstatt event` group that live in their own files.
#pragma once

#include "domain/period.hpp"
#include "output.hpp"
#include "runtime.hpp"

namespace werkstatt::cli {

// Add `event list` and `event show` to `group`.
void setup_event_list(CLI::App& group, Runtime& rt);
// Add `event register`, `event attend` and `event participants` to `group`.
void setup_event_attendance(CLI::App& group, Runtime& rt);
// Add `event block`, `event unblock` and `event blocks` to `group`.
void setup_event_blocks(CLI::App& group, Runtime& rt);
// Add `event plan` to `group`.
void setup_event_plan(CLI::App& group, Runtime& rt);
// Add `event invitations`, `event invite` and `event sheet` to `group`.
void setup_event_paperwork(CLI::App& group, Runtime& rt);
// Add `event ics` to `group`.
void setup_event_ics(CLI::App& group, Runtime& rt);
// Parse `text` as a period for --period; throw Error(usage) naming the forms otherwise.
Period parse_period_flag(const std::string& text);

} // namespace werkstatt::cli
