// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt opening add|list|show|edit|close|import: job openings of member companies.
#include "applicants/exchange.hpp"
#include "commands.hpp"
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

struct OpeningOptions {
    std::int64_t id = 0;
    std::optional<std::string> company;
    std::optional<std::string> format;
    std::map<std::string, std::optional<std::string>> fields;
    bool needs_recognition = false;
    bool no_recognition = false;
    bool all = false;
    bool dry = false;
};

std::map<std::string, std::string> given(const OpeningOptions& o) {
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

void bind_fields(CLI::App* cmd, OpeningOptions& o, bool creating) {
    for (const auto& [flag, field] : k_fields) {
        auto* opt = cmd->add_option("--" + flag, o.fields[field], "Set " + field);
        if (creating && (field == "company" || field == "title")) {
            opt->required();
        }
    }
    auto* on = cmd->add_flag("--needs-recognition", o.needs_recognition,
                             "A regulated occupation: candidates need full recognition");
    cmd->add_flag("--no-needs-recognition", o.no_recognition, "Recognition is not required")
        ->excludes(on);
}

void change(Runtime& rt, const OpeningOptions& o, const std::map<std::string, std::string>& f,
            const char* past, const char* base) {
    auto db = rt.open(Access::read_write);
    const auto changed = edit_exchange(db, RecordKind::opening, o.id, f, dry_run(o.dry));
    if (changed.empty()) {
        rt.info(fmt::format("opening {}: nothing to change", o.id));
        return;
    }
    rt.info(fmt::format("{} opening {} ({})", verb(o.dry, past, base), o.id,
                        text::join(changed, ", ")));
}

void setup_list_show(CLI::App& group, Runtime& rt, OpeningOptions& o) {
    auto* list = group.add_subcommand("list", "List open openings");
    list->add_flag("--all", o.all, "Include closed openings");
    list->add_option("--company", o.company, "Only this company's openings");
    add_format_option(list, o.format);
    list->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_only);
            const auto records = exchange_records(
                RecordKind::opening,
                list_exchange(db, RecordKind::opening, ExchangeFilter{o.all, {}, o.company}));
            if (rt.format(o.format) == Format::table) {
                rt.print(select_columns(records, {"id", "company", "title", "kldb", "german", "plz",
                                                  "district", "positions", "start_date", "status"}),
                         o.format);
            } else {
                rt.print(records, o.format);
            }
        };
    });
    auto* show = group.add_subcommand("show", "Show one opening");
    show->add_option("OPENING", o.id, "Opening id")->required();
    add_format_option(show, o.format);
    show->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_only);
            rt.print(exchange_detail(RecordKind::opening, require_opening(db, o.id)), o.format);
        };
    });
}

} // namespace

void setup_opening(CLI::App& app, Runtime& rt) {
    static OpeningOptions o;
    auto* group = app.add_subcommand("opening", "Job openings of member companies");
    group->require_subcommand(1);
    auto* add = group->add_subcommand("add", "Add an opening");
    bind_fields(add, o, true);
    add_dry_run_option(add, o.dry);
    add->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto id = add_opening(db, given(o), dry_run(o.dry));
            rt.info(fmt::format("{} opening {}", verb(o.dry, "added", "add"), id));
        };
    });
    setup_list_show(*group, rt, o);
    auto* edit = group->add_subcommand("edit", "Change an opening");
    edit->add_option("OPENING", o.id, "Opening id")->required();
    bind_fields(edit, o, false);
    add_dry_run_option(edit, o.dry);
    edit->callback([&rt] { rt.action = [&rt] { change(rt, o, given(o), "changed", "change"); }; });
    auto* close = group->add_subcommand("close", "Close a filled or withdrawn opening");
    close->add_option("OPENING", o.id, "Opening id")->required();
    add_dry_run_option(close, o.dry);
    close->callback([&rt] {
        rt.action = [&rt] { change(rt, o, {{"status", "closed"}}, "closed", "close"); };
    });
    add_import_command(*group, rt, "openings", RecordKind::opening);
}

} // namespace werkstatt::cli
