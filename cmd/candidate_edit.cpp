// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate edit: change a candidate's fields by hand.
#include "candidate.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

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
    {"permit-until", "permit_until"},
    {"radius-km", "radius_km"},
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
};

// The flags that set a consent before schema 7, and what records it now.
const std::vector<std::pair<std::string, std::string>> k_replaced_flags = {
    {"consent-until", "--scope matching,sharing --until DAY"},
    {"sensitive-consent", "--scope reporting --given-on DAY"},
};

struct CandidateEditOptions {
    std::string key;
    std::optional<std::string> source;
    std::map<std::string, std::optional<std::string>> edits;
    std::map<std::string, std::optional<std::string>> replaced;
    bool dry = false;
};

// Refuse a flag of k_replaced_flags, naming the command that records the consent now.
void refuse_replaced(const CandidateEditOptions& o) {
    for (const auto& [flag, now] : k_replaced_flags) {
        if (o.replaced.at(flag)) {
            throw Error(ErrorKind::usage, _f("--{} is gone; record the consent per scope with "
                                             "'werkstatt candidate consent {} {}'",
                                             flag, text::display_safe(o.key), now));
        }
    }
}

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
    auto* edit = group.add_subcommand("edit", _("Change a candidate's fields by hand"));
    bind_candidate(edit, o.key, o.source);
    for (const auto& [flag, field] : k_edit_fields) {
        edit->add_option("--" + flag, o.edits[field], _f("Set {}", field));
    }
    for (const auto& [flag, now] : k_replaced_flags) {
        edit->add_option("--" + flag, o.replaced[flag], _("Replaced by candidate consent"))
            ->group(""); // hidden: only here to say what replaced it
    }
    add_dry_run_option(edit, o.dry);
    edit->callback([&rt] {
        rt.action = [&rt] {
            refuse_replaced(o);
            change_candidate(rt, o.key, o.source, o.dry, given(o), N_("changed"),
                             N_("would change"));
        };
    });
}

} // namespace werkstatt::cli
