// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt advisor list|show|import: the advisory services as a list, one of them, a CSV file in.
#include "advisor.hpp"
#include "commands.hpp"
#include "core/i18n.hpp"
#include "io/input_file.hpp"
#include "io/row_source.hpp"

namespace werkstatt::cli {

namespace {

struct AdvisorListOptions {
    std::optional<std::string> topic;
    std::optional<std::string> district;
    std::optional<std::string> format;
};

struct AdvisorShowOptions {
    std::string key;
    std::optional<std::string> format;
};

struct AdvisorImportOptions {
    std::string file;
    std::optional<std::string> encoding;
    std::optional<std::string> sheet;
    bool dry = false;
};

} // namespace

void setup_advisor_list(CLI::App& group, Runtime& rt) {
    static AdvisorListOptions o;
    auto* cmd = group.add_subcommand("list", _("List advisory services by key"));
    cmd->add_option("--topic", o.topic, _("Only services with this topic"));
    cmd->add_option("--district", o.district, _("Only services serving this district"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto query =
                parse_advisor_query(o.topic, o.district, std::nullopt, std::nullopt, std::nullopt);
            auto db = rt.open(Access::read_only);
            rt.print(
                advisor_records(select_advisors(db, query), rt.format(o.format) == Format::table),
                o.format);
        };
    });
}

void setup_advisor_show(CLI::App& group, Runtime& rt) {
    static AdvisorShowOptions o;
    auto* cmd = group.add_subcommand("show", _("Show one advisory service"));
    cmd->add_option("KEY", o.key, _("Key of the service"))->required();
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            rt.print(advisor_detail(require_advisor(db, o.key), verify_policy(rt)), o.format);
        };
    });
}

void setup_advisor_import(CLI::App& group, Runtime& rt) {
    static AdvisorImportOptions o;
    auto* cmd =
        group.add_subcommand("import", _("Add or update advisory services from a CSV file"));
    cmd->add_option("FILE", o.file,
                    _("CSV file with a header line, an Excel workbook (.xlsx), or - for "
                      "standard input"))
        ->required();
    cmd->add_option("--encoding", o.encoding,
                    _("utf-8, windows-1252, utf-16le or utf-16be (default: detected)"));
    cmd->add_option("--sheet", o.sheet, _("The workbook's sheet to read (default: the first)"));
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto input =
                open_rows(o.file, encoding_option(o.encoding), RowSourceOptions{.sheet = o.sheet});
            auto db = rt.open(Access::read_write);
            const auto report = import_advisors(db, *input.rows, dry_run(o.dry));
            for (const auto& w : report.warnings) {
                rt.warn(w);
            }
            report_import(rt,
                          ImportCounts{report.read, report.inserted, report.updated,
                                       report.unchanged, report.problems, report.rejected},
                          input.file.name, o.dry);
        };
    });
}

} // namespace werkstatt::cli
