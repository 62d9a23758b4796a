// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt advisor add|edit|remove, and the group with its parts in advisor_*.cpp: the
// advisory map (Beratungslandkarte).
#include "advisor.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "store/advisory_store.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

// `advisor add`: the service's fields.
struct AdvisorAddOptions {
    AdvisorFieldFlags fields;
    bool dry = false;
};

// `advisor edit`: the service and the fields to change.
struct AdvisorEditOptions {
    std::string key;
    AdvisorFieldFlags fields;
    bool dry = false;
};

struct AdvisorRemoveOptions {
    std::string key;
    bool yes = false;
    bool dry = false;
};

void setup_advisor_add(CLI::App& group, Runtime& rt) {
    static AdvisorAddOptions o;
    auto* cmd = group.add_subcommand("add", _("Add an advisory service"));
    bind_advisor_fields(cmd, o.fields, true);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto out = add_advisor(db, advisor_fields(o.fields), dry_run(o.dry));
            rt.info(_f("{} advisory service {} (id {})", verb(o.dry, N_("added"), N_("would add")),
                       out.service.key, out.service.id));
        };
    });
}

void setup_advisor_edit(CLI::App& group, Runtime& rt) {
    static AdvisorEditOptions o;
    auto* cmd = group.add_subcommand("edit", _("Change an advisory service (it then stays as you "
                                               "left it on catalogue updates)"));
    cmd->add_option("KEY", o.key, _("Key of the service"))->required();
    bind_advisor_fields(cmd, o.fields, false);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto out = edit_advisor(db, o.key, advisor_fields(o.fields), dry_run(o.dry));
            if (out.changed.empty()) {
                rt.info(_f("advisory service {}: nothing to change", out.service.key));
                return;
            }
            rt.info(_f("{} advisory service {} ({})",
                       verb(o.dry, N_("changed"), N_("would change")), out.service.key,
                       text::join(out.changed, ", ")));
        };
    });
}

void setup_remove(CLI::App& group, Runtime& rt) {
    static AdvisorRemoveOptions o;
    auto* cmd = group.add_subcommand("remove", _("Delete an advisory service (a catalogue entry "
                                                 "stays deleted on catalogue updates)"));
    cmd->add_option("KEY", o.key, _("Key of the service"))->required();
    cmd->add_flag("-y,--yes", o.yes, _("Do not ask for confirmation"));
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            if (!o.dry) {
                const auto s = require_advisor(db, o.key);
                rt.confirm(fmt::format("Delete advisory service {} ({})?", s.key, s.service),
                           o.yes);
            }
            const auto s = remove_advisor(db, o.key, dry_run(o.dry));
            rt.info(_f("{} advisory service {}", verb(o.dry, N_("removed"), N_("would remove")),
                       s.key));
        };
    });
}

} // namespace

void setup_advisor(CLI::App& app, Runtime& rt) {
    auto* group = app.add_subcommand("advisor", _("The advisory map: who helps companies with "
                                                  "recognition, permits, language and funding"));
    group->require_subcommand(1);
    setup_advisor_add(*group, rt);
    setup_advisor_list(*group, rt);
    setup_advisor_show(*group, rt);
    setup_advisor_edit(*group, rt);
    setup_remove(*group, rt);
    setup_advisor_import(*group, rt);
    setup_advisor_find(*group, rt);
    setup_advisor_map(*group, rt);
    setup_advisor_topics(*group, rt);
}

} // namespace werkstatt::cli
