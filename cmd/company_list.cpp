// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt company list|show|import: the register as a list, one company, a CSV file in.
#include "commands.hpp"
#include "company.hpp"
#include "core/i18n.hpp"
#include "io/input_file.hpp"
#include "io/row_source.hpp"
#include "members/members.hpp"

namespace werkstatt::cli {

namespace {

struct CompanyListOptions {
    std::optional<std::string> district;
    std::optional<std::string> format;
    bool all = false;
    bool hosts = false;
};

struct CompanyShowOptions {
    std::string key;
    std::optional<std::string> format;
};

struct CompanyImportOptions {
    std::string file;
    std::optional<std::string> encoding;
    std::optional<std::string> sheet;
    bool dry = false;
};

} // namespace

void setup_company_list(CLI::App& group, Runtime& rt) {
    static CompanyListOptions o;
    auto* cmd = group.add_subcommand("list", _("List member companies"));
    cmd->add_flag("--all", o.all, _("Include archived companies"));
    cmd->add_flag("--hosts", o.hosts, _("Only companies that can host"));
    cmd->add_option("--district", o.district, _("Only companies in this district"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            CompanyFilter filter{o.all, std::nullopt, o.hosts};
            if (o.district) {
                filter.district_ags = district_filter_ags(*o.district);
            }
            auto db = rt.open(Access::read_only);
            const auto companies = list_companies(db, filter);
            if (rt.format(o.format) != Format::table) {
                rt.print(company_records(companies, Columns::full), o.format);
                return;
            }
            auto records = company_records(companies, Columns::brief);
            if (o.all) { // the table marks what --all added
                std::vector<bool> archived;
                for (const auto& c : companies) {
                    archived.push_back(!c.active);
                }
                records = with_archived_column(std::move(records), archived);
            }
            rt.print(records, o.format);
        };
    });
}

void setup_company_show(CLI::App& group, Runtime& rt) {
    static CompanyShowOptions o;
    auto* cmd = group.add_subcommand("show", _("Show one company with its contacts"));
    cmd->add_option("KEY", o.key, _("Company key"))->required();
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            rt.print(company_detail(db, o.key), o.format);
        };
    });
}

void setup_company_import(CLI::App& group, Runtime& rt) {
    static CompanyImportOptions o;
    auto* cmd = group.add_subcommand("import", _("Add or update companies from a CSV file"));
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
            const auto report =
                import_companies(db, *input.rows, member_policy(rt), dry_run(o.dry));
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
