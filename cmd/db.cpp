// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt db: backup, restore, check and info of the database file.
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/backup.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct DbOptions {
    std::string target;
    std::optional<int> keep;
    std::string backup;
    bool dry_run = false;
    bool quick = false;
    std::optional<std::string> format;
};

const char* health_name(Health h) {
    switch (h) {
    case Health::ok:
        return "ok";
    case Health::warning:
        return "warning";
    case Health::failed:
        return "failed";
    }
    return "failed";
}

void run_check(Runtime& rt, const DbOptions& o) {
    const auto path = rt.config().config.store.database_path;
    auto findings = check_database(path, o.quick ? CheckDepth::quick : CheckDepth::full);
    const auto due = rules_due(rt);
    findings.push_back({"rule data", due ? Health::warning : Health::ok,
                        due.value_or("checked within rules.max_age_months")});
    Records records;
    records.columns = {"check", "status", "detail"};
    for (const auto& f : findings) {
        records.rows.push_back({f.check, std::string(health_name(f.health)), f.detail});
    }
    rt.print(records, o.format);
    const auto health = overall_health(findings);
    if (health == Health::failed) {
        const auto first = std::find_if(findings.begin(), findings.end(),
                                        [](const auto& f) { return f.health == Health::failed; });
        throw Error(ErrorKind::storage, _f("database {} is damaged ({}: {}); restore a backup with "
                                           "'werkstatt db restore FILE'",
                                           path, first->check, first->detail));
    }
    rt.status = health == Health::warning ? exit_status::partial : exit_status::ok;
}

void print_info(Runtime& rt, const DbOptions& o) {
    auto db = rt.open(Access::read_only);
    const auto i = database_info(db);
    Detail d;
    d.fields = {{"path", i.path.string()},
                {"size_bytes", i.bytes},
                {"schema_version", std::int64_t{i.schema_version}},
                {"binary_schema_version", std::int64_t{i.binary_schema_version}},
                {"journal_mode", i.journal_mode},
                {"page_size", i.page_size},
                {"page_count", i.page_count},
                {"wal_bytes", i.wal_bytes},
                {"companies", i.companies},
                {"candidates", i.candidates},
                {"openings", i.openings},
                {"events", i.events},
                {"last_backup", optional_value(i.last_backup)},
                {"last_import", optional_value(i.last_import)}};
    rt.print(d, o.format);
}

} // namespace

void setup_db(CLI::App& app, Runtime& rt) {
    static DbOptions o;
    auto* group = app.add_subcommand("db", _("Back up, restore, check and describe the database"));
    group->require_subcommand(1);

    auto* backup = group->add_subcommand(
        "backup", _("Copy the database consistently, also while others write (mode 0600)"));
    backup->add_option("target", o.target, _("The backup file, or a folder for a dated one"))
        ->required();
    backup->add_option("--keep", o.keep, _("In a folder, keep only the newest N backups"))
        ->check(CLI::Range(1, 100000));
    backup->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto r = backup_database(db, o.target, o.keep);
            rt.info(_f("backed up the database to {} ({} bytes){}", r.file.string(), r.bytes,
                       r.removed.empty()
                           ? std::string()
                           : fmt::format("; removed {} older backups", r.removed.size())));
        };
    });

    auto* restore = group->add_subcommand(
        "restore", _("Replace the database with a checked backup, keeping the current file"));
    restore->add_option("backup", o.backup, _("The backup file"))->required();
    add_dry_run_option(restore, o.dry_run);
    restore->callback([&rt] {
        rt.action = [&rt] {
            const auto r =
                restore_database(rt.open_options(Access::read_write), o.backup, dry_run(o.dry_run));
            rt.info(_f(
                "{} the database from {} (schema version {}{}){}",
                verb(o.dry_run, N_("restored"), N_("would restore")), o.backup, r.backup_version,
                r.backup_version < r.version ? _f(", migrated to {}", r.version) : std::string(),
                r.before_restore.empty() ? std::string()
                : o.dry_run
                    ? _f("; the previous database would be kept as {}", r.before_restore.string())
                    : _f("; the previous database is kept as {}", r.before_restore.string())));
        };
    });

    auto* check = group->add_subcommand(
        "check", _("Check the database's pages, links, schema, file modes and rule data"));
    check->add_flag("--quick", o.quick, _("Run SQLite's faster quick_check instead"));
    add_format_option(check, o.format);
    check->callback([&rt] { rt.action = [&rt] { run_check(rt, o); }; });

    auto* info = group->add_subcommand("info", _("Show where the database is and what it holds"));
    add_format_option(info, o.format);
    info->callback([&rt] { rt.action = [&rt] { print_info(rt, o); }; });
}

} // namespace werkstatt::cli
