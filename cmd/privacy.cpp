// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt privacy purge|status|files|record: retention that runs itself, the files werkstatt
// wrote with personal data in them, and the record of processing (record: privacy_record.cpp;
// werkstatt-privacy(1)).
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "privacy/files.hpp"
#include "privacy/purge.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct PurgeOptions {
    std::optional<std::string> date;
    std::optional<std::string> format;
    bool dry = false;
};

struct StatusOptions {
    int within = 30;
    std::optional<std::string> date;
    std::optional<std::string> format;
};

void setup_purge(CLI::App& group, Runtime& rt) {
    static PurgeOptions o;
    auto* cmd = group.add_subcommand("purge", _("Erase what is kept longer than [privacy] allows "
                                                "(prints counts only)"));
    cmd->add_option("--date", o.date,
                    _("Purge as of this day, YYYY-MM-DD or DD.MM.YYYY (default today)"));
    add_format_option(cmd, o.format);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto day = reference_day(o.date);
            const auto& settings = rt.config().config.privacy;
            auto db = rt.open(Access::read_write);
            const auto out = purge(db, day, settings, dry_run(o.dry));
            rt.info(_f("{} as of {}: {} candidates", verb(o.dry, N_("purged"), N_("would purge")),
                       human_date(day), out.counts.candidates()));
            rt.print(purge_count_records(out.counts), o.format);
            warn_if_not_scrubbed(rt, db, out.scrubbed);
        };
    });
}

void setup_status(CLI::App& group, Runtime& rt) {
    static StatusOptions o;
    auto* cmd = group.add_subcommand("status", _("List consents ending or ended and what the next "
                                                 "purge would erase"));
    cmd->add_option("--within", o.within, _("Consents ending within DAYS (default 30)"))
        ->check(CLI::Range(0, 36500));
    cmd->add_option("--date", o.date,
                    _("As of this day, YYYY-MM-DD or DD.MM.YYYY (default today)"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto day = reference_day(o.date);
            const auto& settings = rt.config().config.privacy;
            // The dry run needs the write lock for a moment; it changes nothing.
            auto db = rt.open(Access::read_write);
            const auto consents = consent_status_records(db, day, o.within);
            const auto due = purge(db, day, settings, DryRun::yes);
            const auto fmt_flag = rt.format(o.format);
            if (fmt_flag == Format::json) {
                Detail d;
                d.fields.emplace_back("as_of", Value{day.iso()});
                d.children.emplace_back("consents", consents);
                d.children.emplace_back("next_purge", purge_count_records(due.counts));
                rt.print(d, o.format);
                return;
            }
            if (fmt_flag == Format::csv || fmt_flag == Format::xlsx) {
                rt.print(consents, o.format);
                return;
            }
            const Language lang = ui_language();
            rt.print_text(_f("Consents ended or ending by {}:", format_date(day + o.within, lang)) +
                          "\n");
            rt.print(consents, o.format);
            rt.print_text(
                "\n" + _f("The next purge (as of {}) would erase:", format_date(day, lang)) + "\n");
            rt.print(purge_count_records(due.counts), o.format);
        };
    });
}

void setup_files(CLI::App& group, Runtime& rt) {
    static std::optional<std::string> format;
    static std::optional<std::string> date;
    auto* cmd =
        group.add_subcommand("files", _("List the files werkstatt wrote with personal data, "
                                        "their age and whether they still exist"));
    cmd->add_option("--date", date, _("Age as of this day (default today)"));
    add_format_option(cmd, format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto day = reference_day(date);
            auto db = rt.open(Access::read_only);
            rt.print(written_file_records(db, day), format);
        };
    });
}

} // namespace

void setup_privacy(CLI::App& app, Runtime& rt) {
    auto* group = app.add_subcommand("privacy", _("Data protection: retention, consents, files "
                                                  "with personal data, the record of processing"));
    group->require_subcommand(1);
    setup_purge(*group, rt);
    setup_status(*group, rt);
    setup_files(*group, rt);
    add_privacy_record(*group, rt);
}

} // namespace werkstatt::cli
