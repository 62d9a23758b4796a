// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt report: the reports to members, the IQ Netzwerk and the ESF+ (werkstatt-report(1)).
#include "report.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "report/render.hpp"
#include "report/report.hpp"

#include <algorithm>
#include <ctime>
#include <fmt/format.h>
#include <sstream>
#include <unistd.h>

namespace werkstatt::cli {

namespace {

// Return now in UTC as 2026-11-25T10:15:00Z.
std::string utc_now() {
    const auto now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                       tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

// Return the request the options name; throw Error(usage) for a kind, period, language or
// format that is not one.
report::Request request_of(const ReportOptions& o, Language lang) {
    const auto kind = report::parse_kind(o.kind);
    if (!kind) {
        throw Error(ErrorKind::usage,
                    _f("'{}' is not a kind of report; use quarterly, annual, esf, "
                       "rotation, exchange or members",
                       o.kind));
    }
    if (!o.period) {
        throw Error(ErrorKind::usage, _("a report needs --period; give e.g. --period 2027Q1 or "
                                        "--period last-quarter"));
    }
    const auto day = reference_day(o.date);
    const auto period = report::resolve_period(*o.period, day);
    if (!period) {
        throw Error(ErrorKind::usage, report::why_not_period(*o.period));
    }
    return report::Request{*kind,
                           *period,
                           day,
                           lang,
                           o.timestamp ? std::optional<std::string>(utc_now()) : std::nullopt,
                           PlannerSettings{},
                           AdvisorySettings{}.verify_after_days};
}

report::ReportFormat format_of(const ReportOptions& o) {
    const auto text = o.format.value_or("md");
    const auto format = report::parse_report_format(text);
    if (!format) {
        throw Error(ErrorKind::usage,
                    _f("--format '{}' is not a report format; use md, html, csv, json "
                       "or xlsx",
                       text));
    }
    return *format;
}

} // namespace

std::optional<std::string> write_requested_report(Runtime& rt, const ReportOptions& o) {
    const auto& settings = rt.config().config.report;
    // A report is a document: --lang, else report.lang, else documents.lang (which warns when
    // the German catalogue is missing).
    auto request =
        request_of(o, rt.documents_language(o.lang ? o.lang
                                            : settings.lang.empty()
                                                ? std::nullopt
                                                : std::optional<std::string>(settings.lang)));
    // A report applies the planner's and the advisory map's rules as configured.
    request.planner = rt.config().config.planner;
    request.verify_after_days = rt.config().config.advisory.verify_after_days;
    request.special_categories = rt.config().config.privacy.special_categories;
    const auto format = format_of(o);
    std::optional<std::string> output;
    if (o.output) {
        if (const auto why = why_not_output_template(*o.output)) {
            throw Error(ErrorKind::usage, _f("--output {}", *why));
        }
        output = expand_output(*o.output, request.period.str(), request.reference_day.iso());
    }
    auto db = rt.open(Access::read_only);
    const auto built = report::build(db, request, settings);
    std::optional<std::filesystem::path> path;
    if (output) {
        path = *output;
    }
    if (path || isatty(STDOUT_FILENO) == 0) {
        report::write_report(built, format, path, o.table, settings, rt.out());
        return output;
    }
    // On a terminal, a name with escape sequences must not act on it: show them escaped.
    std::ostringstream shown;
    report::write_report(built, format, path, o.table, settings, shown);
    std::string_view rest = shown.view();
    while (!rest.empty()) { // line by line, so that CSV keeps its CR LF line ends
        auto end = rest.find('\n');
        end = end == std::string_view::npos ? rest.size() : end + 1;
        auto line = rest.substr(0, end);
        rest.remove_prefix(end);
        const bool crlf = line.size() >= 2 && line.substr(line.size() - 2) == "\r\n";
        line.remove_suffix(crlf ? 2 : 0);
        rt.out() << text::display_safe(line, std::string::npos, text::LineBreaks::keep)
                 << (crlf ? "\r\n" : "");
    }
    return output;
}

void setup_report(CLI::App& app, Runtime& rt) {
    static ReportOptions o;
    auto* cmd = app.add_subcommand("report", _("Write a report: quarterly, annual, esf, rotation, "
                                               "exchange or members; run or list named reports"));
    cmd->add_option("kind", o.kind, _("quarterly, annual, esf, rotation, exchange or members"));
    cmd->add_option("--period", o.period,
                    _("2027, 2027Q1, 2027-03, A..B, or last-quarter, this-year, ..."));
    cmd->add_option("--format", o.format, _("md (default), html, csv, json or xlsx"));
    cmd->add_option("--output", o.output,
                    _("Write to this file (csv: a folder, one file per table) instead of stdout; "
                      "{period} and {date} are replaced"));
    cmd->add_option("--lang", o.lang, _("de or en (default: report.lang, else documents.lang)"));
    cmd->add_option("--date", o.date,
                    _("Resolve relative periods on this day, YYYY-MM-DD or DD.MM.YYYY (default "
                      "today)"));
    cmd->add_option("--table", o.table, _("With --format csv: only this table"));
    cmd->add_flag("--timestamp", o.timestamp,
                  _("Print when the report was made (off: the same "
                    "data always gives the same bytes)"));
    setup_report_run(*cmd, rt);
    setup_report_list(*cmd, rt);
    // CLI11 runs this after the callback of `report run` or `report list`.
    cmd->callback([&rt, cmd] {
        const bool named = !cmd->get_subcommands().empty();
        const auto& options = cmd->get_options();
        const bool given = std::any_of(options.begin(), options.end(),
                                       [](const CLI::Option* opt) { return opt->count() > 0; });
        if (named && !given) {
            return; // `report run` or `report list` set the action
        }
        rt.action = [&rt, named] {
            if (named) {
                throw Error(ErrorKind::usage,
                            _("'report run' and 'report list' take no kind and none of the options "
                              "of 'report KIND' (a named report has its own); leave them out"));
            }
            if (o.kind.empty()) {
                throw Error(ErrorKind::usage,
                            _("'werkstatt report' needs a kind (quarterly, annual, esf, "
                              "rotation, exchange, members), or run NAME, or list; see "
                              "werkstatt-report(1)"));
            }
            write_requested_report(rt, o);
        };
    });
}

} // namespace werkstatt::cli
