// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate import|list|show|edit|archive: job seekers of the applicant exchange.
#include "applicants/exchange.hpp"
#include "commands.hpp"
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
};

struct CandidateOptions {
    std::string key;
    std::optional<std::string> source;
    std::optional<std::string> format;
    std::map<std::string, std::optional<std::string>> edits;
    bool all = false;
    bool undo = false;
    bool yes = false;
    bool dry = false;
};

std::map<std::string, std::string> given(const CandidateOptions& o) {
    std::map<std::string, std::string> fields;
    for (const auto& [field, value] : o.edits) {
        if (value) {
            fields[field] = *value;
        }
    }
    return fields;
}

void change(Runtime& rt, const CandidateOptions& o, const std::map<std::string, std::string>& f,
            const char* past, const char* base) {
    auto db = rt.open(Access::read_write);
    const auto record = require_candidate(db, o.key, o.source);
    const auto changed = edit_exchange(db, RecordKind::candidate, record.id, f, dry_run(o.dry));
    if (changed.empty()) {
        rt.info(fmt::format("candidate {}: nothing to change", record.id));
        return;
    }
    rt.info(fmt::format("{} candidate {} ({})", verb(o.dry, past, base), record.id,
                        text::join(changed, ", ")));
}

} // namespace

void setup_candidate(CLI::App& app, Runtime& rt) {
    static CandidateOptions o;
    auto* group = app.add_subcommand("candidate", "Job seekers of the applicant exchange");
    group->require_subcommand(1);
    add_import_command(*group, rt, "ba", RecordKind::candidate);

    auto* list = group->add_subcommand("list", "List candidates");
    list->add_flag("--all", o.all, "Include archived candidates");
    list->add_option("--source", o.source, "Only candidates from this source");
    add_format_option(list, o.format);
    list->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            const auto records = exchange_records(
                RecordKind::candidate,
                list_exchange(db, RecordKind::candidate, ExchangeFilter{o.all, o.source, {}}));
            if (rt.format(o.format) == Format::table) {
                rt.print(select_columns(records, {"id", "source", "reference", "first_name",
                                                  "last_name", "plz", "district", "kldb", "german",
                                                  "residence_status", "available_from"}),
                         o.format);
            } else {
                rt.print(records, o.format);
            }
        };
    });

    auto* show = group->add_subcommand("show", "Show one candidate");
    show->add_option("CANDIDATE", o.key, "Id or the agency's reference")->required();
    show->add_option("--source", o.source, "Source, where a reference is not unique");
    add_format_option(show, o.format);
    show->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            rt.print(exchange_detail(RecordKind::candidate, require_candidate(db, o.key, o.source)),
                     o.format);
        };
    });

    auto* edit = group->add_subcommand("edit", "Change a candidate's fields by hand");
    edit->add_option("CANDIDATE", o.key, "Id or the agency's reference")->required();
    edit->add_option("--source", o.source, "Source, where a reference is not unique");
    for (const auto& [flag, field] : k_edit_fields) {
        edit->add_option("--" + flag, o.edits[field], "Set " + field);
    }
    add_dry_run_option(edit, o.dry);
    edit->callback([&rt] { rt.action = [&rt] { change(rt, o, given(o), "changed", "change"); }; });

    auto* archive = group->add_subcommand("archive", "Take a candidate out of matching (--undo: "
                                                     "back in)");
    archive->add_option("CANDIDATE", o.key, "Id or the agency's reference")->required();
    archive->add_option("--source", o.source, "Source, where a reference is not unique");
    archive->add_flag("--undo", o.undo, "Make an archived candidate active again");
    add_dry_run_option(archive, o.dry);
    archive->callback([&rt] {
        rt.action = [&rt] {
            if (o.undo) {
                change(rt, o, {{"active", "true"}}, "restored", "restore");
            } else {
                change(rt, o, {{"active", "false"}}, "archived", "archive");
            }
        };
    });

    auto* remove = group->add_subcommand("remove", "Erase a candidate for good (DSGVO Art. 17)");
    remove->add_option("CANDIDATE", o.key, "Id or the agency's reference")->required();
    remove->add_option("--source", o.source, "Source, where a reference is not unique");
    remove->add_flag("-y,--yes", o.yes, "Do not ask for confirmation");
    add_dry_run_option(remove, o.dry);
    remove->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto record = require_candidate(db, o.key, o.source);
            if (!o.dry) {
                rt.confirm(fmt::format("Erase candidate {} and all that werkstatt keeps of them?",
                                       record.id),
                           o.yes);
            }
            remove_candidate(db, record.id, dry_run(o.dry));
            rt.info(fmt::format("{} candidate {}", verb(o.dry, "erased", "erase"), record.id));
        };
    });
}

} // namespace werkstatt::cli
