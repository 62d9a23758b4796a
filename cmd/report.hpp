// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of the `werkstatt report` group that live in their own files.
#pragma once

#include "runtime.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace werkstatt::cli {

// The options of one report, from the command line or a named report ([report.NAME]).
struct ReportOptions {
    std::string kind;
    std::optional<std::string> period;
    std::optional<std::string> format;
    std::optional<std::string> output; // may hold {period} and {date}
    std::optional<std::string> lang;
    std::optional<std::string> date;
    std::optional<std::string> table;
    bool timestamp = false;
};

// Build the report `o` asks for and write it, the one path of `report KIND` and `report run`.
// Return the file or folder written, with {period} and {date} replaced, or nothing for stdout.
std::optional<std::string> write_requested_report(Runtime& rt, const ReportOptions& o);

// Add `report run` and `report list` to `group`.
void setup_report_run(CLI::App& group, Runtime& rt);
void setup_report_list(CLI::App& group, Runtime& rt);

} // namespace werkstatt::cli
