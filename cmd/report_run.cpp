// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt report run|list: the named reports of the configuration ([report.NAME]), for cron.
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "report.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct RunOptions {
    std::string name;
    std::optional<std::string> date;
    bool timestamp = false;
    std::optional<std::string> format;
};

// Return the named report `name` of the configuration; throw Error(config) if there is none.
const NamedReport& named_report(Runtime& rt, const std::string& name) {
    const auto& reports = rt.config().config.named_reports;
    const auto it = std::find_if(reports.begin(), reports.end(),
                                 [&](const NamedReport& r) { return r.name == name; });
    if (it == reports.end()) {
        throw Error(ErrorKind::config,
                    _f("no named report '{}' in the configuration; see 'werkstatt report "
                       "list', or add a table [report.{}] (werkstatt-config(1))",
                       name, name));
    }
    return *it;
}

// Return the options of `werkstatt report KIND ...` that `report` stands for.
ReportOptions options_of(const NamedReport& report, const RunOptions& run) {
    ReportOptions o;
    o.kind = report.kind;
    o.period = report.period;
    o.format = report.format;
    const auto given = [](const std::string& s) {
        return s.empty() ? std::nullopt : std::optional<std::string>(s);
    };
    o.output = given(report.output);
    o.lang = given(report.lang);
    o.table = given(report.table);
    o.date = run.date;
    o.timestamp = run.timestamp;
    return o;
}

} // namespace

void setup_report_run(CLI::App& group, Runtime& rt) {
    static RunOptions o;
    auto* cmd = group.add_subcommand("run", _("Write the named report NAME of the configuration "
                                              "([report.NAME]), as cron does"));
    cmd->add_option("NAME", o.name, _("The name of the report, as 'werkstatt report list' shows"))
        ->required();
    cmd->add_option("--date", o.date,
                    _("Resolve its period and {date} on this day, YYYY-MM-DD or DD.MM.YYYY "
                      "(default today)"));
    cmd->add_flag("--timestamp", o.timestamp, _("Print when the report was made"));
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto& report = named_report(rt, o.name);
            const auto written = write_requested_report(rt, options_of(report, o));
            if (written) {
                rt.info(_f("{}: wrote the {} report to {}", report.name, report.kind, *written));
            }
        };
    });
}

void setup_report_list(CLI::App& group, Runtime& rt) {
    static RunOptions o;
    auto* cmd = group.add_subcommand("list", _("List the named reports of the configuration"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto& config = rt.config().config;
            Records records;
            records.columns = {"name", "kind", "period", "format", "output", "lang", "table"};
            for (const auto& r : config.named_reports) {
                records.rows.push_back({r.name, r.kind, r.period, r.format, text_or_null(r.output),
                                        !r.lang.empty()               ? r.lang
                                        : !config.report.lang.empty() ? config.report.lang
                                                                      : config.lang.documents,
                                        text_or_null(r.table)});
            }
            rt.print(records, o.format);
        };
    });
}

} // namespace werkstatt::cli
