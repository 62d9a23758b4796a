// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate edit: change a candidate's fields by hand.
#include "candidate.hpp"

namespace werkstatt::cli {

namespace {

// The fields `candidate edit` can set, as --flag-name = field.
const std::vector<std::pair<std::string, std::string>> k_edit_fields = {
    {"first-name", "first_name"},
    {"last-name", "last_name"},
    {"email", "email"},
    {"phone", "phone"},
    {"plz", "plz"},
    {"city", "city"},
    {"kldb", "kldb"},
    {"occupation", "occupation"},
    {"german", "german"},
    {"languages", "languages"},
    {"residence-status", "residence_status"},
    {"recognition", "recognition"},
    {"licences", "licences"},
    {"available-from", "available_from"},
    {"radius-km", "radius_km"},
    {"consent-until", "consent_until"},
    {"notes", "notes"},
    {"gender", "gender"},
    {"birth-date", "birth_date"},
    {"nationality", "nationality"},
    {"employment-at-entry", "employment_at_entry"},
    {"isced", "isced"},
    {"entry-date", "entry_date"},
    {"exit-date", "exit_date"},
    {"country-of-birth", "country_of_birth"},
    {"second-nationality", "second_nationality"},
    {"foreign-background", "foreign_background"},
    {"unemployed-since", "unemployed_since"},
    {"housing", "housing"},
    {"disability", "disability"},
    {"minority", "minority"},
    {"sensitive-consent", "sensitive_consent"},
};

struct CandidateEditOptions {
    std::string key;
    std::optional<std::string> source;
    std::map<std::string, std::optional<std::string>> edits;
    bool dry = false;
};

std::map<std::string, std::string> given(const CandidateEditOptions& o) {
    std::map<std::string, std::string> fields;
    for (const auto& [field, value] : o.edits) {
        if (value) {
            fields[field] = *value;
        }
    }
    return fields;
}

} // namespace

void setup_candidate_edit(CLI::App& group, Runtime& rt) {
    static CandidateEditOptions o;
    auto* edit = group.add_subcommand("edit", "Change a candidate's fields by hand");
    bind_candidate(edit, o.key, o.source);
    for (const auto& [flag, field] : k_edit_fields) {
        edit->add_option("--" + flag, o.edits[field], "Set " + field);
    }
    add_dry_run_option(edit, o.dry);
    edit->callback([&rt] {
        rt.action = [&rt] {
            change_candidate(rt, o.key, o.source, o.dry, given(o), "changed", "change");
        };
    });
}

} // namespace werkstatt::cli
