// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt catalogue update: load the shipped funding instruments and advisory services (and the
// admins' own catalogue files) without overwriting what an admin changed.
#include "advisor.hpp"
#include "commands.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

void report_counts(Runtime& rt, const char* kind, const CatalogueCounts& c, bool dry) {
    rt.info(_f("{} {}: {} new, {} updated, {} unchanged",
               verb(dry, N_("updated"), N_("would update")), _(kind), c.inserted, c.updated,
               c.unchanged));
    if (!c.kept_edited.empty()) {
        rt.info(_f("  kept as edited here: {}", text::join(c.kept_edited, ", ")));
    }
    if (!c.kept_local.empty()) {
        rt.info(
            _f("  kept your own entries with a catalogue key: {}", text::join(c.kept_local, ", ")));
    }
    if (!c.kept_removed.empty()) {
        rt.info(_f("  not brought back (removed here): {}", text::join(c.kept_removed, ", ")));
    }
}

} // namespace

CatalogueFiles catalogue_files(Runtime& rt) {
    const auto& c = rt.config().config;
    CatalogueFiles files;
    files.advisor_files.assign(c.advisory.advisor_files.begin(), c.advisory.advisor_files.end());
    files.funding_files.assign(c.advisory.funding_files.begin(), c.advisory.funding_files.end());
    return files;
}

void report_catalogue(Runtime& rt, const CatalogueReport& report, bool dry) {
    report_counts(rt, N_("advisory services"), report.advisors, dry);
    report_counts(rt, N_("funding instruments"), report.funding, dry);
}

void setup_catalogue(CLI::App& app, Runtime& rt) {
    static bool dry = false;
    auto* group = app.add_subcommand("catalogue", _("The shipped catalogue of funding instruments "
                                                    "and advisory services"));
    group->require_subcommand(1);
    auto* cmd = group->add_subcommand("update", _("Load new and changed catalogue entries; entries "
                                                  "edited or removed here stay as they are"));
    add_dry_run_option(cmd, dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            report_catalogue(rt, update_catalogue(db, catalogue_files(rt), dry_run(dry)), dry);
        };
    });
}

} // namespace werkstatt::cli
