// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt advisor add|list|show|edit|remove|import (and find|map|topics in cmd/advisor/): the
// advisory map (Beratungslandkarte).
#include "advisor.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "store/advisory_store.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

// Flags that fill list fields: each may be given several times or as "a,b".
struct ListFlags {
    std::vector<std::string> topics;
    std::vector<std::string> districts;
    std::vector<std::string> languages;
    bool statewide = false;
};

struct AdvisorOptions {
    AdvisorFields fields;
    ListFlags lists;
    std::string key;
    std::string file;
    std::optional<std::string> format;
    std::optional<std::string> topic;
    std::optional<std::string> district;
    bool dry = false;
    bool yes = false;
};

std::vector<std::string> items(const std::vector<std::string>& flags) {
    std::vector<std::string> out;
    for (const auto& flag : flags) {
        for (auto& item : split_items(flag)) {
            out.push_back(std::move(item));
        }
    }
    return out;
}

// Move the list flags into `f` where they were given.
void apply_lists(const ListFlags& lists, AdvisorFields& f) {
    if (!lists.topics.empty()) {
        f.topics = items(lists.topics);
    }
    if (lists.statewide) {
        f.districts = std::vector<std::string>{"statewide"};
    } else if (!lists.districts.empty()) {
        f.districts = items(lists.districts);
    }
    if (!lists.languages.empty()) {
        f.languages = items(lists.languages);
    }
}

void bind_fields(CLI::App* cmd, AdvisorFields& f, ListFlags& lists, bool creating) {
    if (creating) {
        cmd->add_option("--key", f.key, "Short key scripts use, e.g. iq-nord")->required();
        cmd->add_option("--organisation", f.organisation, "Organisation (Träger)")->required();
        cmd->add_option("--service", f.service, "Name of the service")->required();
        cmd->add_option("--topic", lists.topics,
                        "Topic it helps with (repeat; see 'advisor "
                        "topics')")
            ->required();
        cmd->add_option("--plz", f.plz, "Postal code of its address")->required();
    } else {
        cmd->add_option("--new-key", f.key, "Give the service a new key");
        cmd->add_option("--organisation", f.organisation, "Organisation (Träger)");
        cmd->add_option("--service", f.service, "Name of the service");
        cmd->add_option("--topic", lists.topics, "Topics it helps with (replaces the list)");
        cmd->add_option("--plz", f.plz, "Postal code of its address");
    }
    auto* statewide = cmd->add_flag("--statewide", lists.statewide, "It serves all of the state");
    cmd->add_option("--district", lists.districts,
                    "District it serves (repeat; default: the district of its PLZ)")
        ->excludes(statewide);
    cmd->add_option("--street", f.street, "Street and number");
    cmd->add_option("--city", f.city, "Town");
    cmd->add_option("--contact-person", f.contact_person, "Contact person");
    cmd->add_option("--phone", f.phone, "Telephone");
    cmd->add_option("--email", f.email, "Email address");
    cmd->add_option("--web", f.web, "Web page (https://...)");
    cmd->add_option("--language", lists.languages,
                    "Language offered, ISO 639-1 code (repeat: --language de --language ar)");
    cmd->add_option("--hours", f.opening_hours, "Opening hours");
    cmd->add_option("--verified", f.last_verified, "Day the details were checked, YYYY-MM-DD");
    cmd->add_option("--notes", f.notes, "Free notes");
}

void setup_add(CLI::App& group, Runtime& rt, AdvisorOptions& o) {
    auto* cmd = group.add_subcommand("add", "Add an advisory service");
    bind_fields(cmd, o.fields, o.lists, true);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            apply_lists(o.lists, o.fields);
            auto db = rt.open(Access::read_write);
            const auto out = add_advisor(db, o.fields, dry_run(o.dry));
            rt.info(fmt::format("{} advisory service {} (id {})", verb(o.dry, "added", "add"),
                                out.service.key, out.service.id));
        };
    });
}

void setup_list(CLI::App& group, Runtime& rt, AdvisorOptions& o) {
    auto* cmd = group.add_subcommand("list", "List advisory services by key");
    cmd->add_option("--topic", o.topic, "Only services with this topic");
    cmd->add_option("--district", o.district, "Only services serving this district");
    add_format_option(cmd, o.format);
    cmd->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            const auto query =
                parse_advisor_query(o.topic, o.district, std::nullopt, std::nullopt, std::nullopt);
            auto db = rt.open(Access::read_only);
            std::vector<AdvisoryService> services;
            for (const auto& s : list_advisors(db)) {
                if ((!query.topic || s.has_topic(*query.topic)) &&
                    (!query.district_ags || s.serves(*query.district_ags))) {
                    services.push_back(s);
                }
            }
            rt.print(advisor_records(services, rt.format(o.format) == Format::table), o.format);
        };
    });
}

void setup_show(CLI::App& group, Runtime& rt, AdvisorOptions& o) {
    auto* cmd = group.add_subcommand("show", "Show one advisory service");
    cmd->add_option("KEY", o.key, "Key of the service")->required();
    add_format_option(cmd, o.format);
    cmd->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_only);
            rt.print(advisor_detail(require_advisor(db, o.key), verify_policy(rt)), o.format);
        };
    });
}

void setup_edit(CLI::App& group, Runtime& rt, AdvisorOptions& o) {
    auto* cmd = group.add_subcommand("edit", "Change an advisory service (it then stays as you "
                                             "left it on catalogue updates)");
    cmd->add_option("KEY", o.key, "Key of the service")->required();
    bind_fields(cmd, o.fields, o.lists, false);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            apply_lists(o.lists, o.fields);
            auto db = rt.open(Access::read_write);
            const auto out = edit_advisor(db, o.key, o.fields, dry_run(o.dry));
            if (out.changed.empty()) {
                rt.info(fmt::format("advisory service {}: nothing to change", out.service.key));
                return;
            }
            rt.info(fmt::format("{} advisory service {} ({})", verb(o.dry, "changed", "change"),
                                out.service.key, text::join(out.changed, ", ")));
        };
    });
}

void setup_remove(CLI::App& group, Runtime& rt, AdvisorOptions& o) {
    auto* cmd = group.add_subcommand("remove", "Delete an advisory service (a catalogue entry "
                                               "stays deleted on catalogue updates)");
    cmd->add_option("KEY", o.key, "Key of the service")->required();
    cmd->add_flag("-y,--yes", o.yes, "Do not ask for confirmation");
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_write);
            if (!o.dry) {
                const auto s = require_advisor(db, o.key);
                rt.confirm(fmt::format("Delete advisory service {} ({})?", s.key, s.service),
                           o.yes);
            }
            const auto s = remove_advisor(db, o.key, dry_run(o.dry));
            rt.info(fmt::format("{} advisory service {}", verb(o.dry, "removed", "remove"), s.key));
        };
    });
}

void setup_import(CLI::App& group, Runtime& rt, AdvisorOptions& o) {
    auto* cmd = group.add_subcommand("import", "Add or update advisory services from a CSV file");
    cmd->add_option("FILE", o.file, "CSV file with a header line (key, organisation, ...)")
        ->required();
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto in = open_import_file(o.file);
            auto db = rt.open(Access::read_write);
            const auto report = import_advisors(db, in, o.file, dry_run(o.dry));
            report_import(rt,
                          ImportCounts{report.read, report.inserted, report.updated,
                                       report.unchanged, report.problems},
                          o.file, o.dry);
        };
    });
}

} // namespace

void setup_advisor(CLI::App& app, Runtime& rt) {
    static AdvisorOptions options;
    auto* group = app.add_subcommand("advisor", "The advisory map: who helps companies with "
                                                "recognition, permits, language and funding");
    group->require_subcommand(1);
    setup_add(*group, rt, options);
    setup_list(*group, rt, options);
    setup_show(*group, rt, options);
    setup_edit(*group, rt, options);
    setup_remove(*group, rt, options);
    setup_import(*group, rt, options);
    setup_advisor_find(*group, rt);
    setup_advisor_map(*group, rt);
    setup_advisor_topics(*group, rt);
}

} // namespace werkstatt::cli
