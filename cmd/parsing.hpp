// SPDX-License-Identifier: GPL-3.0-or-later
// What every command's parsing shares, applied once in main.cpp: the arguments as CLI11 gets
// them, the check of option values after parsing, CLI11's parse errors in werkstatt's words, and
// the command tree with its markers (`werkstatt help --commands`).
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt::cli {

// Return the arguments of `argv` (without the program name) in the reversed order CLI11's
// parse() takes; an `--option=` with nothing after the `=` becomes `--option` and an empty
// value, so that CLI11 does not take the next argument (`--notes= --dry-run`) as its value.
std::vector<std::string> prepare_arguments(int argc, char** argv);

// Return the message for an option of the command `app` parsed (so far) that took as its value
// an option of that command or of a group above it (`--name --dry-run`: the value was left
// out), or nothing.
std::optional<std::string> swallowed_option(const CLI::App& app);

// Return the message for CLI11's parse error `e` of `app`: what is wrong, naming the option or
// argument and what it wants, and where to read more.
std::string parse_error_message(const CLI::App& app, const CLI::ParseError& e);

// Return "werkstatt company add" for the deepest command the parser reached in `app`.
std::string command_path(const CLI::App& app);

// Write one line per command of `app`, depth first: its path without "werkstatt", then a tab
// and its markers separated by spaces: `group` (has subcommands), `writes` (changes the
// database: it has --dry-run or --commit), `dry-run`, `commit` (writes only with --commit).
void write_command_tree(std::ostream& out, const CLI::App& app);

} // namespace werkstatt::cli
