// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt opening add|edit|close|import (list|show in opening_list.cpp): job openings of
// member companies.
#include "opening.hpp"
#include "applicants/exchange.hpp"
#include "commands.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

// The fields of an opening, as --flag-name = field.
const std::vector<std::pair<std::string, std::string>> k_fields = {
    {"company", "company"},     {"title", "title"},
    {"reference", "reference"}, {"kldb", "kldb"},
    {"german", "german"},       {"plz", "plz"},
    {"city", "city"},           {"positions", "positions"},
    {"start", "start_date"},    {"latest-start", "latest_start"},
    {"licence", "licence"},     {"max-distance-km", "max_distance_km"},
    {"notes", "notes"},
};

// `opening add` and `opening edit`: the fields to set.
struct OpeningFieldOptions {
    std::map<std::string, std::optional<std::string>> fields;
    bool needs_recognition = false;
    bool no_recognition = false;
    bool dry = false;
};

struct OpeningEditOptions : OpeningFieldOptions {
    std::int64_t id = 0;
};

struct OpeningCloseOptions {
    std::int64_t id = 0;
    bool dry = false;
};

std::map<std::string, std::string> given(const OpeningFieldOptions& o) {
    std::map<std::string, std::string> out;
    for (const auto& [field, value] : o.fields) {
        if (value) {
            out[field] = *value;
        }
    }
    if (o.needs_recognition) {
        out["needs_recognition"] = "true";
    } else if (o.no_recognition) {
        out["needs_recognition"] = "false";
    }
    return out;
}

void bind_fields(CLI::App* cmd, OpeningFieldOptions& o, bool creating) {
    for (const auto& [flag, field] : k_fields) {
        auto* opt = cmd->add_option("--" + flag, o.fields[field], _f("Set {}", field));
        if (creating && (field == "company" || field == "title")) {
            opt->required();
        }
    }
    auto* on = cmd->add_flag("--needs-recognition", o.needs_recognition,
                             _("A regulated occupation: candidates need full recognition"));
    cmd->add_flag("--no-needs-recognition", o.no_recognition, _("Recognition is not required"))
        ->excludes(on);
}

void change(Runtime& rt, std::int64_t id, bool dry, const std::map<std::string, std::string>& f,
            const char* past, const char* would) {
    auto db = rt.open(Access::read_write);
    const auto changed = edit_exchange(db, RecordKind::opening, id, f, dry_run(dry));
    if (changed.empty()) {
        rt.info(_f("opening {}: nothing to change", id));
        return;
    }
    rt.info(_f("{} opening {} ({})", verb(dry, past, would), id, text::join(changed, ", ")));
}

} // namespace

void setup_opening(CLI::App& app, Runtime& rt) {
    static OpeningFieldOptions ao;
    static OpeningEditOptions eo;
    static OpeningCloseOptions co;
    auto* group = app.add_subcommand("opening", _("Job openings of member companies"));
    group->require_subcommand(1);
    auto* add = group->add_subcommand("add", _("Add an opening"));
    bind_fields(add, ao, true);
    add_dry_run_option(add, ao.dry);
    add->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto id = add_opening(db, given(ao), dry_run(ao.dry));
            rt.info(_f("{} opening {}", verb(ao.dry, N_("added"), N_("would add")), id));
        };
    });
    setup_opening_list_show(*group, rt);
    auto* edit = group->add_subcommand("edit", _("Change an opening"));
    edit->add_option("OPENING", eo.id, _("Opening id"))->required();
    bind_fields(edit, eo, false);
    add_dry_run_option(edit, eo.dry);
    edit->callback([&rt] {
        rt.action = [&rt] {
            change(rt, eo.id, eo.dry, given(eo), N_("changed"), N_("would change"));
        };
    });
    auto* close = group->add_subcommand("close", _("Close a filled or withdrawn opening"));
    close->add_option("OPENING", co.id, _("Opening id"))->required();
    add_dry_run_option(close, co.dry);
    close->callback([&rt] {
        rt.action = [&rt] {
            change(rt, co.id, co.dry, {{"status", "closed"}}, N_("closed"), N_("would close"));
        };
    });
    add_import_command(*group, rt, "openings", RecordKind::opening);
}

} // namespace werkstatt::cli
