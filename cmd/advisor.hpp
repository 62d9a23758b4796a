// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of the `werkstatt advisor` group that live in their own files, and what the advisory
// commands (advisor, funding, hiring, catalogue) share.
#pragma once

#include "advisory/advisors.hpp"
#include "advisory/catalogue.hpp"
#include "output.hpp"
#include "runtime.hpp"

namespace werkstatt::cli {

// The flags that set an advisory service's fields (`advisor add` and `advisor edit`); the list
// flags may each be given several times or as "a,b".
struct AdvisorFieldFlags {
    AdvisorFields fields;
    std::vector<std::string> topics;
    std::vector<std::string> districts;
    std::vector<std::string> languages;
    bool statewide = false;
};
// Bind the field flags of `advisor add` (`creating`: the key and the main fields required) or of
// `advisor edit` on `cmd` to `flags`.
void bind_advisor_fields(CLI::App* cmd, AdvisorFieldFlags& flags, bool creating);
// Return the fields of `flags`, with the lists where their flags were given.
AdvisorFields advisor_fields(const AdvisorFieldFlags& flags);

// Add `advisor list`, `advisor show` and `advisor import` to `group`.
void setup_advisor_list(CLI::App& group, Runtime& rt);
void setup_advisor_show(CLI::App& group, Runtime& rt);
void setup_advisor_import(CLI::App& group, Runtime& rt);
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
