// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of the `werkstatt advisor` group that live in their own files, and what the advisory
// commands (advisor, funding, hiring, catalogue) share.
#pragma once

#include "advisory/advisors.hpp"
#include "advisory/catalogue.hpp"
#include "output.hpp"
#include "runtime.hpp"

namespace werkstatt::cli {

// Add `advisor find`, `advisor map` and `advisor topics` to `group`.
void setup_advisor_find(CLI::App& group, Runtime& rt);
void setup_advisor_map(CLI::App& group, Runtime& rt);
void setup_advisor_topics(CLI::App& group, Runtime& rt);

// Return when an advisory service counts as out of date, from advisor.verify_after_days.
VerifyPolicy verify_policy(Runtime& rt);
// Return the admins' catalogue files from catalogue.advisor_files and catalogue.funding_files.
CatalogueFiles catalogue_files(Runtime& rt);
// Say what a catalogue update did (`dry` for a dry run), on stderr.
void report_catalogue(Runtime& rt, const CatalogueReport& report, bool dry);

} // namespace werkstatt::cli
