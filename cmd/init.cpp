// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt init: create or migrate the database.
#include "advisor.hpp"
#include "commands.hpp"
#include "core/i18n.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

void setup_init(CLI::App& app, Runtime& rt) {
    auto* cmd = app.add_subcommand(
        "init",
        _("Create the database (or migrate it to this version), seed the topics and load the "
          "catalogue of funding instruments and advisory services"));
    cmd->callback([&rt] {
        rt.action = [&rt] {
            InitResult result;
            rt.detail("database " + rt.config().config.store.database_path);
            auto db = rt.initialise(result);
            const auto path = db.path().string();
            switch (result.outcome) {
            case InitResult::Outcome::created:
                rt.info(_f("created database {} (schema version {})", path, result.to_version));
                break;
            case InitResult::Outcome::migrated:
                rt.info(_f("migrated database {} from schema version {} to {}", path,
                           result.from_version, result.to_version));
                break;
            case InitResult::Outcome::up_to_date:
                rt.info(
                    _f("database {} is up to date (schema version {})", path, result.to_version));
                break;
            }
            const auto report = update_catalogue(db, catalogue_files(rt), DryRun::no);
            if (report.changed()) {
                report_catalogue(rt, report, false);
            }
        };
    });
}

} // namespace werkstatt::cli
