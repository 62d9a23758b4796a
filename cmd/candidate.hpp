// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of the `werkstatt candidate` group that live in their own files.
#pragma once

#include "output.hpp"
#include "runtime.hpp"

#include <map>
#include <optional>
#include <string>

namespace werkstatt::cli {

// Add `candidate list`, `candidate show` and `candidate edit` to `group`.
void setup_candidate_list(CLI::App& group, Runtime& rt);
void setup_candidate_show(CLI::App& group, Runtime& rt);
void setup_candidate_edit(CLI::App& group, Runtime& rt);
// Add `candidate consent` to `group`.
void setup_candidate_consent(CLI::App& group, Runtime& rt);
// Add `candidate exit` and `candidate follow-up` to `group`.
void setup_candidate_exit(CLI::App& group, Runtime& rt);
// Add `candidate export` (the person's right of access) to `group`.
void setup_candidate_export(CLI::App& group, Runtime& rt);
// Add `candidate card`, `candidate cards` and `candidate shared` (profiles for members) to `group`.
void setup_candidate_card(CLI::App& group, Runtime& rt);
// Add `candidate confirm` (a pool that stays fresh) to `group`.
void setup_candidate_pool(CLI::App& group, Runtime& rt);
// Add `candidate duplicates` and `candidate merge` to `group`.
void setup_candidate_merge(CLI::App& group, Runtime& rt);

// Bind CANDIDATE and --source on `cmd`, which name the candidate in every command but `list`.
void bind_candidate(CLI::App* cmd, std::string& key, std::optional<std::string>& source);
// Change the candidate `key` of `source` by `f` under the configured privacy.special_categories
// and say what changed (`past`, or `base` in a dry run).
void change_candidate(Runtime& rt, const std::string& key, const std::optional<std::string>& source,
                      bool dry, const std::map<std::string, std::string>& f, const char* past,
                      const char* base);

} // namespace werkstatt::cli
