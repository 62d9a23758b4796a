// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/render.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"

#include <fmt/format.h>
#include <memory>
#include <system_error>
#include <vector>

namespace werkstatt::report {

namespace {

constexpr std::pair<ReportFormat, std::string_view> k_formats[] = {
    {ReportFormat::md, "md"},     {ReportFormat::html, "html"}, {ReportFormat::csv, "csv"},
    {ReportFormat::json, "json"}, {ReportFormat::xlsx, "xlsx"},
};

const Table& table_or_throw(const Report& report, std::string_view id) {
    if (const auto* table = find_table(report, id)) {
        return *table;
    }
    std::vector<std::string> ids;
    for (const auto& section : report.sections) {
        for (const auto& t : section.tables) {
            ids.push_back(t.id);
        }
    }
    throw Error(ErrorKind::usage,
                _f("the {} report has no table '{}'; its tables are: {}", report.kind, id,
                   ids.empty() ? std::string("none") : fmt::format("{}", fmt::join(ids, ", "))));
}

// Write one CSV file per table into the folder `dir` (made if missing, its parent must exist):
// every table is written to its temporary first, and only when all are whole do they replace
// the files of an earlier run. On failure the files there stay as they were (a folder this call
// made is removed).
void write_csv_folder(const Report& report, const std::filesystem::path& dir,
                      const ReportSettings& settings) {
    std::error_code ec;
    bool made = false;
    if (!std::filesystem::is_directory(dir, ec)) {
        if (std::filesystem::exists(dir, ec)) {
            throw Error(ErrorKind::output,
                        _f("cannot write CSV files into '{}': it is not a folder; "
                           "give a folder with --output, or one table with --table",
                           dir.string()));
        }
        if (!std::filesystem::create_directory(dir, ec)) {
            throw Error(ErrorKind::output,
                        _f("cannot create the folder '{}': {}; check that its parent "
                           "exists and is writable",
                           dir.string(), ec.message()));
        }
        made = true;
    }
    try {
        std::vector<std::unique_ptr<AtomicFile>> files;
        for (const auto& section : report.sections) {
            for (const auto& table : section.tables) {
                files.push_back(
                    std::make_unique<AtomicFile>(dir / (table.id + ".csv"), file_mode(report)));
                files.back()->write(render_csv(table, report, settings));
            }
        }
        for (auto& file : files) {
            file->commit();
        }
    } catch (...) {
        if (made) {
            std::filesystem::remove_all(dir, ec);
        }
        throw;
    }
}

} // namespace

std::optional<ReportFormat> parse_report_format(std::string_view text) {
    for (const auto& [format, name] : k_formats) {
        if (text == name) {
            return format;
        }
    }
    return std::nullopt;
}

std::string_view to_string(ReportFormat format) {
    for (const auto& [f, name] : k_formats) {
        if (f == format) {
            return name;
        }
    }
    return "md";
}

std::string cell_text(const Cell& cell, Language lang, int min_cell) {
    if (cell.suppression == Suppression::primary) {
        return fmt::format("<{}", min_cell + 1);
    }
    if (cell.suppression == Suppression::secondary) {
        return "x";
    }
    switch (cell.kind) {
    case Cell::Kind::empty:
        return "";
    case Cell::Kind::text:
        return cell.text;
    case Cell::Kind::count:
        return format_count(cell.count, lang);
    case Cell::Kind::number:
        return format_number(cell.number, cell.decimals, lang);
    case Cell::Kind::date:
        return cell.date ? format_date(*cell.date, lang) : "";
    case Cell::Kind::missing:
        return tr(lang, "not recorded");
    case Cell::Kind::not_collected:
        return tr(lang, "not collected");
    }
    return "";
}

FileMode file_mode(const Report& report) {
    return report.kind == "exchange" ? FileMode::private_to_owner : FileMode::shared;
}

const Table* find_table(const Report& report, std::string_view id) {
    for (const auto& section : report.sections) {
        for (const auto& table : section.tables) {
            if (table.id == id) {
                return &table;
            }
        }
    }
    return nullptr;
}

void write_report(const Report& report, ReportFormat format,
                  const std::optional<std::filesystem::path>& output,
                  const std::optional<std::string>& table, const ReportSettings& settings,
                  std::ostream& out) {
    if (table && format != ReportFormat::csv) {
        throw Error(ErrorKind::usage, _("--table works with --format csv only; leave it out or "
                                        "add --format csv"));
    }
    if (format == ReportFormat::xlsx) {
        if (!output) {
            throw Error(ErrorKind::usage,
                        _("an XLSX workbook is not written to the terminal; give --output FILE"));
        }
        write_xlsx(report, *output);
        return;
    }
    if (format == ReportFormat::csv && !table) {
        if (!output) {
            throw Error(ErrorKind::usage, _("CSV is one file per table: give --output FOLDER, or "
                                            "one table with --table NAME"));
        }
        write_csv_folder(report, *output, settings);
        return;
    }
    std::string content;
    switch (format) {
    case ReportFormat::md:
        content = render_markdown(report);
        break;
    case ReportFormat::html:
        content = render_html(report);
        break;
    case ReportFormat::json:
        content = render_json(report);
        break;
    case ReportFormat::csv:
        content = render_csv(table_or_throw(report, *table), report, settings);
        break;
    case ReportFormat::xlsx:
        break;
    }
    if (output) {
        write_file_atomically(*output, content, file_mode(report));
    } else {
        out << content;
    }
}

} // namespace werkstatt::report
