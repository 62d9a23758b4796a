// SPDX-License-Identifier: GPL-3.0-or-later
// A table as CSV for spreadsheets and scripts. The header is the column keys, never translated;
// the values do not change with the report's language either, only with [report.csv]:
// - counts are plain integers (1234), numbers have '.' as decimal point, or ',' when the
//   delimiter is ';' (the delimiter German Excel expects, and it reads ',' as the decimal
//   point there); dates are ISO 8601 (2026-11-25), which Excel reads as a date in every language;
// - a text cell is its code where it has one ("female"), else its text;
// - a suppressed count is its marker as in the printed report ("<4", "x"), so that it is never
//   read as zero or as missing; missing, not collected and empty cells are empty fields.
// RFC 4180 quoting and CRLF line ends by lib/io's CsvWriter (text that a spreadsheet would run as
// a formula is neutralised), and a UTF-8 byte order mark when report.csv.bom is on.
#include "report/render.hpp"

#include "io/csv.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <sstream>

namespace werkstatt::report {

namespace {

// Return `x` with `decimals` digits after `point`, rounded as format_number rounds, no grouping.
std::string machine_number(double x, int decimals, char point) {
    // format_number in English has ',' grouping only; with the grouping removed it is the
    // machine form, and rounding is the same as in every other format of the report.
    auto text = format_number(x, decimals, Language::en);
    std::string out;
    for (char c : text) {
        if (c == ',') {
            continue;
        }
        out += c == '.' ? point : c;
    }
    return out;
}

// Return the field of `cell` and whether it is a number.
std::pair<std::string, CsvWriter::Field> field_of(const Cell& cell, const Report& report,
                                                  char point) {
    using Field = CsvWriter::Field;
    if (cell.suppression != Suppression::none) {
        return {cell_text(cell, Language::en, report.min_cell), Field::text};
    }
    switch (cell.kind) {
    case Cell::Kind::text:
        return {cell.code.empty() ? cell.text : cell.code, Field::text};
    case Cell::Kind::count:
        return {std::to_string(cell.count), Field::number};
    case Cell::Kind::number:
        if (!std::isfinite(cell.number)) {
            return {"", Field::text};
        }
        return {machine_number(cell.number, cell.decimals, point), Field::number};
    case Cell::Kind::date:
        return {cell.date ? cell.date->iso() : "", Field::text};
    case Cell::Kind::empty:
    case Cell::Kind::missing:
    case Cell::Kind::not_collected:
        break;
    }
    return {"", Field::text};
}

} // namespace

std::string render_csv(const Table& table, const Report& report, const ReportSettings& settings) {
    const char delimiter = settings.csv_delimiter.empty() ? ';' : settings.csv_delimiter.front();
    const char point = delimiter == ';' ? ',' : '.';
    std::ostringstream out;
    if (settings.csv_bom) {
        out << "\xEF\xBB\xBF";
    }
    CsvWriter writer(out, delimiter);
    std::vector<std::string> fields;
    for (const auto& column : table.columns) {
        fields.push_back(column.key);
    }
    writer.write_row(fields);
    std::vector<CsvWriter::Field> kinds;
    for (const auto& row : table.rows) {
        fields.clear();
        kinds.clear();
        for (const auto& cell : row) {
            auto [field, kind] = field_of(cell, report, point);
            fields.push_back(std::move(field));
            kinds.push_back(kind);
        }
        fields.resize(std::max(fields.size(), table.columns.size())); // every row has every column
        writer.write_row(fields, kinds);
    }
    return out.str();
}

} // namespace werkstatt::report
