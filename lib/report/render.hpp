// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a report: Markdown for mail and wiki, one self-contained HTML file with inline SVG
// charts, one CSV file per table, JSON (described by schemas/report.schema.json) and XLSX.
#pragma once

#include "core/i18n.hpp"
#include "io/atomic_file.hpp"
#include "report/model.hpp"
#include "report/settings.hpp"

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace werkstatt::report {

// The formats of a report.
enum class ReportFormat { md, html, csv, json, xlsx };

// Parse `text` ("md", "html", "csv", "json", "xlsx"), or nothing.
std::optional<ReportFormat> parse_report_format(std::string_view text);
// Return the name of `format` ("md").
std::string_view to_string(ReportFormat format);

// Return the cell as people read it in `lang`: a count or number with the language's digit
// grouping ("1.234"), a date ("25.11.2026"), "<N" for a primary and "x" for a secondary
// suppression (N = min_cell + 1), the words for missing and not collected, or the text.
std::string cell_text(const Cell& cell, Language lang, int min_cell);

// Return `report` as Markdown.
std::string render_markdown(const Report& report);
// Return `report` as one HTML file with its styles and charts inline (no external resources).
std::string render_html(const Report& report);
// Return `report` as JSON (schema_version 1).
std::string render_json(const Report& report);
// Return `table` as CSV with the column keys as header, the settings' delimiter and BOM.
std::string render_csv(const Table& table, const Report& report, const ReportSettings& settings);
// Write `report` as an XLSX workbook to `path` (one sheet per table). Throw Error(output).
void write_xlsx(const Report& report, const std::filesystem::path& path);

// Return who may read the files of `report`: its owner only for `exchange` (it names persons by
// reference), everyone for the other kinds.
FileMode file_mode(const Report& report);

// Return the table of `report` whose id is `id`, or nothing.
const Table* find_table(const Report& report, std::string_view id);

// Write `report` in `format`: to `output` when given (a file; for csv a folder that receives
// one <table id>.csv per table, unless `table` names one table, which goes to the file
// `output`), else to `out` (not for xlsx; csv only with `table`). Files are written to a
// temporary name and renamed, so that a failed run leaves none behind. Throw Error(usage) for a
// `table` the report does not have or a format that needs --output, Error(output) when a file
// cannot be written.
void write_report(const Report& report, ReportFormat format,
                  const std::optional<std::filesystem::path>& output,
                  const std::optional<std::string>& table, const ReportSettings& settings,
                  std::ostream& out);

} // namespace werkstatt::report
