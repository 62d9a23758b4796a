// SPDX-License-Identifier: GPL-3.0-or-later
// The command tree as shell completion sees it, read from the CLI11 app at run time, and the
// bash, zsh and fish scripts written from it (`werkstatt completion`, werkstatt-completion(1)).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace werkstatt::cli {

// What a word after an option or in a positional's place completes to: "" nothing known,
// "=a,b,c" one of these, "@companies" or "@candidates" from the database (`werkstatt completion
// --list`), "@files" a file name.
using CompletionValue = std::string;

// One option of a command: its names ("-q", "--quiet"), its help and, when it takes a value,
// what the value completes to (`takes_value`, `value`).
struct CompletionOption {
    std::vector<std::string> names;
    std::string help;
    bool takes_value = false;
    CompletionValue value;
};

// One command: its path ({"werkstatt", "company", "list"}), help, subcommands, its own options
// (a command also takes the options of the commands above it) and its positionals in order.
struct CompletionCommand {
    std::vector<std::string> path;
    std::string help;
    std::vector<std::string> subcommands;
    std::vector<CompletionOption> options;
    std::vector<CompletionValue> positionals;
};

// Return every command of `app` that is not hidden, depth first, `app` itself first.
std::vector<CompletionCommand> completion_tree(const CLI::App& app);

// Return the completion script for `shell` ("bash", "zsh" or "fish") of `tree`.
std::string completion_script(const std::string& shell, const std::vector<CompletionCommand>& tree);

} // namespace werkstatt::cli
