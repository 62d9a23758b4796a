// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt audit list: who changed what, when, with which command.
#include "commands.hpp"
#include "core/i18n.hpp"
#include "store/company_store.hpp"

namespace werkstatt::cli {

namespace {

struct AuditOptions {
    std::optional<std::string> format;
    std::optional<std::string> entity;
    std::int64_t limit = 50;
};

} // namespace

void setup_audit(CLI::App& app, Runtime& rt) {
    static AuditOptions o;
    auto* group = app.add_subcommand("audit", _("The audit log of every change"));
    group->require_subcommand(1);
    auto* list = group->add_subcommand("list", _("List audit entries, newest first"));
    list->add_option("--entity", o.entity,
                     _("Only entries about this kind of record (company, ...)"));
    list->add_option("--limit", o.limit, _("At most this many entries (default 50)"))
        ->check(CLI::Range(static_cast<std::int64_t>(1), static_cast<std::int64_t>(1000000)));
    add_format_option(list, o.format);
    list->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            Records records;
            records.columns = {"id",        "at",     "user",    "entity",
                               "entity_id", "action", "details", "command"};
            for (const auto& e : list_audit(db, o.entity, o.limit)) {
                records.rows.push_back({e.id, e.at, e.os_user, e.entity,
                                        optional_value(e.entity_id), e.action, e.details,
                                        e.command});
            }
            rt.print(records, o.format);
        };
    });
}

} // namespace werkstatt::cli
