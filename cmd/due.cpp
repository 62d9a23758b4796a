// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt due: the coordinator's one list of what is due, for a terminal or a cron mail.
#include "report/due.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct DueOptions {
    int within = 14;
    std::optional<std::string> date;
    std::optional<std::string> format;
};

} // namespace

void setup_due(CLI::App& app, Runtime& rt) {
    static DueOptions o;
    auto* due = app.add_subcommand("due", _("What is due, most urgent first (exit 1 when anything "
                                            "is)"));
    due->add_option("--within", o.within,
                    _("Also what falls due in the next DAYS days (default 14)"))
        ->check(CLI::Range(0, 3650));
    due->add_option("--date", o.date,
                    _("The day to look from, YYYY-MM-DD or DD.MM.YYYY (default: today)"));
    due->add_option("--format", o.format, _("table, md, json or csv (default: table)"));
    due->callback([&rt] {
        rt.action = [&rt] {
            const bool markdown = o.format && *o.format == "md";
            if (o.format && !markdown && !parse_format(*o.format)) {
                throw Error(ErrorKind::usage,
                            _f("unknown format '{}'; use table, md, json or csv", *o.format));
            }
            const auto& config = rt.config().config;
            DueQuery query;
            query.today = reference_day(o.date);
            query.within_days = o.within;
            query.exchange = config.exchange;
            query.verify_after_days = config.advisory.verify_after_days;
            auto db = rt.open(Access::read_only);
            const auto items = due_items(db, query);
            if (markdown) {
                rt.print_text(due_markdown(items, query.today));
            } else {
                const auto records = due_records(items, query.today);
                if (rt.format(o.format) == Format::table) {
                    rt.print(select_columns(records, {"due_on", "kind", "entity", "id", "what"}),
                             o.format);
                } else {
                    rt.print(records, o.format);
                }
            }
            if (items.empty() && !markdown && rt.format(o.format) == Format::table) {
                rt.info(_("nothing is due"));
            }
            rt.status = items.empty() ? exit_status::ok : exit_status::partial;
        };
    });
}

} // namespace werkstatt::cli
