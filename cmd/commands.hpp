// SPDX-License-Identifier: GPL-3.0-or-later
// The command groups; main.cpp registers them in this order.
#pragma once

#include "import/profile.hpp"
#include "output.hpp"
#include "runtime.hpp"

namespace werkstatt::cli {

void setup_init(CLI::App& app, Runtime& rt);
void setup_company(CLI::App& app, Runtime& rt);
void setup_contact(CLI::App& app, Runtime& rt);
void setup_topic(CLI::App& app, Runtime& rt);
void setup_event(CLI::App& app, Runtime& rt);
void setup_calendar(CLI::App& app, Runtime& rt);
void setup_candidate(CLI::App& app, Runtime& rt);
void setup_opening(CLI::App& app, Runtime& rt);
void setup_import(CLI::App& app, Runtime& rt);

// Add an `import` subcommand for candidates or openings to `group`, with `default_profile`.
void add_import_command(CLI::App& group, Runtime& rt, const std::string& default_profile,
                        RecordKind kind);
void setup_match(CLI::App& app, Runtime& rt);
void setup_placement(CLI::App& app, Runtime& rt);
void setup_followup(CLI::App& app, Runtime& rt);
void setup_due(CLI::App& app, Runtime& rt);
void setup_advisor(CLI::App& app, Runtime& rt);
void setup_funding(CLI::App& app, Runtime& rt);
void setup_hiring(CLI::App& app, Runtime& rt);
void setup_catalogue(CLI::App& app, Runtime& rt);
void setup_config(CLI::App& app, Runtime& rt);
void setup_audit(CLI::App& app, Runtime& rt);
void setup_rules(CLI::App& app, Runtime& rt);
void setup_report(CLI::App& app, Runtime& rt);
void setup_privacy(CLI::App& app, Runtime& rt);
// `db`: backup, restore, check and info of the database file (cmd/db.cpp).
void setup_db(CLI::App& app, Runtime& rt);
// `completion bash|zsh|fish`, generated from `app`'s own command tree; register after the others.
void setup_completion(CLI::App& app, Runtime& rt);
// Add `privacy record` (the entry for the record of processing activities) to `privacy`.
void add_privacy_record(CLI::App& privacy, Runtime& rt);
// `help` needs the whole `app` to list its commands; register it last.
void setup_help(CLI::App& app, Runtime& rt);

// Warn once on stderr if rule data in effect is due for review (rules.max_age_months).
void warn_if_rules_due(Runtime& rt);
// Return the warning warn_if_rules_due gives, or nothing when no rule data is due for review.
std::optional<std::string> rules_due(Runtime& rt);

} // namespace werkstatt::cli
