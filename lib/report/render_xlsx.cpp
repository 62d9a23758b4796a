// SPDX-License-Identifier: GPL-3.0-or-later
// A report as an XLSX workbook (libxlsxwriter): a first sheet "Bericht" (English: "Report") with
// the head, the sections' text, an index of the tables and the legend of the suppression
// markers; then one sheet per table, named after its title. Header row bold and frozen, counts
// and numbers as numbers with the digits they have, dates as dates (DD.MM.YYYY in German), a
// suppressed count as its marker ("<4", "x") with the legend under the table. The workbook's
// creation time is the report's reference day, so the same report gives the same bytes.
#include "core/i18n.hpp"
#include "report/render.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/xlsx_library.hpp"
#include "io/xlsx_workbook.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fmt/format.h>
#include <map>
#include <set>
#include <utility>

namespace werkstatt::report {

namespace {

constexpr std::size_t k_sheet_name_max = 31; // Excel's limit, in characters

// Return the first `n` characters of UTF-8 `text`.
std::string first_chars(std::string_view text, std::size_t n) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == n) {
            return std::string(text.substr(0, i));
        }
    }
    return std::string(text);
}

// Return `name` folded the way Excel compares sheet names (ASCII and German letters).
std::string folded(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c == 0xC3 && i + 1 < name.size()) {
            const auto next = static_cast<unsigned char>(name[i + 1]);
            out += static_cast<char>(c);
            // Ä Ö Ü (C3 84, 96, 9C) -> ä ö ü (C3 A4, B6, BC)
            out += static_cast<char>(next == 0x84 || next == 0x96 || next == 0x9C ? next + 0x20
                                                                                  : next);
            ++i;
            continue;
        }
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return out;
}

// Return `text` as a sheet name Excel accepts: without []:*?/\ and control characters, without
// apostrophes at either end, at most 31 characters; `fallback` when nothing is left.
std::string sheet_name_of(std::string_view text, std::string_view fallback) {
    std::string clean;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos || u < 0x20 ||
            c == ' ') {
            if (!clean.empty() && clean.back() != ' ') {
                clean += ' '; // one space for a run of them
            }
        } else {
            clean += c;
        }
    }
    auto trim = [](std::string s) {
        const auto first = s.find_first_not_of(" '");
        if (first == std::string::npos) {
            return std::string();
        }
        return s.substr(first, s.find_last_not_of(" '") - first + 1);
    };
    clean = trim(first_chars(trim(clean), k_sheet_name_max));
    if (clean.empty() || folded(clean) == "history") { // "History" is reserved by Excel
        return fallback.empty() ? std::string("Sheet") : sheet_name_of(fallback, "");
    }
    return clean;
}

// Sheet names in use, compared as Excel compares them.
class SheetNames {
  public:
    // Return `wanted` or, if a sheet has that name, "wanted (2)", "wanted (3)", ... shortened
    // to 31 characters; remember it.
    std::string unique(const std::string& wanted) {
        auto name = wanted;
        for (int n = 2; m_used.count(folded(name)) != 0; ++n) {
            const auto suffix = fmt::format(" ({})", n);
            name = first_chars(wanted, k_sheet_name_max - suffix.size()) + suffix;
        }
        m_used.insert(folded(name));
        return name;
    }

  private:
    std::set<std::string> m_used;
};

using Workbook = XlsxWorkbook;
using Sheet = XlsxSheet;

// Return the legend lines for the markers that `tables` use (none when nothing is suppressed).
std::vector<std::string> legend(const std::vector<const Table*>& tables, const Report& report,
                                Language lang) {
    bool primary = false;
    bool secondary = false;
    for (const auto* table : tables) {
        for (const auto& row : table->rows) {
            for (const auto& cell : row) {
                primary = primary || cell.suppression == Suppression::primary;
                secondary = secondary || cell.suppression == Suppression::secondary;
            }
        }
    }
    std::vector<std::string> lines;
    if (primary) {
        Cell probe;
        probe.suppression = Suppression::primary;
        lines.push_back(trf(lang,
                            "{}: a count from 1 to {}, not published so that no person "
                            "can be identified.",
                            cell_text(probe, lang, report.min_cell), report.min_cell));
    }
    if (secondary) {
        Cell probe;
        probe.suppression = Suppression::secondary;
        lines.push_back(trf(lang,
                            "{}: not published, so that no small count can be worked out "
                            "from the totals.",
                            cell_text(probe, lang, report.min_cell)));
    }
    return lines;
}

// Write `cell` at (`row`, `col`) of `sheet`.
void write_cell(Sheet& sheet, Workbook& book, lxw_row_t row, lxw_col_t col, const Cell& cell,
                const Report& report) {
    const auto lang = book.lang();
    const auto shown = cell_text(cell, lang, report.min_cell);
    if (cell.suppression != Suppression::none) {
        sheet.text(row, col, shown, book.marker);
        return;
    }
    switch (cell.kind) {
    case Cell::Kind::empty:
        return;
    case Cell::Kind::text:
        sheet.text(row, col, cell.text, nullptr);
        return;
    case Cell::Kind::count:
        sheet.number(row, col, static_cast<double>(cell.count), shown, book.number(0));
        return;
    case Cell::Kind::number:
        if (!std::isfinite(cell.number)) {
            return;
        }
        sheet.number(row, col, cell.number, shown, book.number(cell.decimals));
        return;
    case Cell::Kind::date:
        if (cell.date) {
            sheet.day(row, col, *cell.date);
        }
        return;
    case Cell::Kind::missing:
    case Cell::Kind::not_collected:
        sheet.text(row, col, shown, book.absent);
        return;
    }
}

// Write `table` on a sheet of its own named `name`.
void write_table_sheet(Workbook& book, const std::string& name, const Table& table,
                       const Report& report) {
    Sheet sheet(book, book.add_sheet(name));
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        sheet.text(0, static_cast<lxw_col_t>(c), table.columns[c].label, book.header);
    }
    xlsx_library().worksheet_freeze_panes(sheet.get(), 1, 0);
    lxw_row_t row = 1;
    for (const auto& cells : table.rows) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            write_cell(sheet, book, row, static_cast<lxw_col_t>(c), cells[c], report);
        }
        ++row;
    }
    std::vector<std::string> below;
    if (!table.note.empty()) {
        below.push_back(table.note);
    }
    std::uint64_t suppressed = 0;
    for (const auto& cells : table.rows) {
        suppressed += static_cast<std::uint64_t>(
            std::count_if(cells.begin(), cells.end(),
                          [](const Cell& cell) { return cell.suppression != Suppression::none; }));
    }
    if (suppressed > 0) {
        below.push_back(fmt::format(
            fmt::runtime(
                trn(book.lang(), "{} value is not published to protect the persons counted.",
                    "{} values are not published to protect the persons counted.", suppressed)),
            format_count(static_cast<std::int64_t>(suppressed), book.lang())));
    }
    for (auto& line : legend({&table}, report, book.lang())) {
        below.push_back(std::move(line));
    }
    // The notes run across the columns: they do not set the first column's width.
    ++row;
    for (const auto& line : below) {
        book.check(
            xlsx_library().worksheet_write_string(sheet.get(), row++, 0, line.c_str(), nullptr),
            "cannot write a note");
    }
    sheet.set_widths();
}

// Write the first sheet: the head, each section's title, paragraphs and tables, the legend.
void write_report_sheet(Workbook& book, const std::string& name, const Report& report,
                        const std::vector<std::pair<std::string, const Table*>>& sheets) {
    const auto lang = book.lang();
    Sheet sheet(book, book.add_sheet(name));
    lxw_row_t row = 0;
    sheet.text(row++, 0, report.title, book.title);
    ++row;
    const auto head = [&](const std::string& label, const std::string& value) {
        sheet.text(row, 0, label, book.bold);
        sheet.text(row++, 1, value, book.wrap);
    };
    head(tr(lang, "Network"), report.network);
    head(tr(lang, "Period"), trf(lang, "{} ({} to {})", report.period,
                                 format_date(report.first, lang), format_date(report.last, lang)));
    head(tr(lang, "As of"), format_date(report.reference_day, lang));
    if (report.generated_at) {
        head(tr(lang, "Generated"), *report.generated_at);
    }
    std::size_t next_sheet = 0;
    for (const auto& section : report.sections) {
        ++row;
        sheet.text(row++, 0, section.title, book.bold);
        for (const auto& paragraph : section.paragraphs) {
            book.check(xlsx_library().worksheet_write_string(sheet.get(), row++, 1,
                                                             paragraph.c_str(), book.wrap),
                       "cannot write a paragraph");
        }
        for (std::size_t t = 0; t < section.tables.size(); ++t, ++next_sheet) {
            const auto& [sheet_name, table] = sheets.at(next_sheet);
            sheet.text(row, 0, sheet_name, nullptr);
            sheet.text(row++, 1, table->title, book.wrap);
        }
    }
    std::vector<const Table*> tables;
    for (const auto& entry : sheets) {
        tables.push_back(entry.second);
    }
    const auto lines = legend(tables, report, lang);
    if (!lines.empty()) {
        ++row;
        for (const auto& line : lines) {
            book.check(xlsx_library().worksheet_write_string(sheet.get(), row++, 1, line.c_str(),
                                                             book.wrap),
                       "cannot write the legend");
        }
    }
    sheet.set_widths({{1, 90}});
}

void write_workbook(const Report& report, const std::filesystem::path& file,
                    const std::filesystem::path& target) {
    const auto lang = parse_language(report.lang).value_or(Language::de);
    Workbook book(file, target, lang);
    book.set_properties(report.title, report.network,
                        static_cast<time_t>(report.reference_day.days()) * 86400);
    SheetNames names;
    const auto first = names.unique(tr(lang, "Report"));
    std::vector<std::pair<std::string, const Table*>> sheets;
    for (const auto& section : report.sections) {
        for (const auto& table : section.tables) {
            sheets.emplace_back(names.unique(sheet_name_of(table.title, table.id)), &table);
        }
    }
    write_report_sheet(book, first, report, sheets);
    for (const auto& [name, table] : sheets) {
        write_table_sheet(book, name, *table, report);
    }
    book.close();
}

} // namespace

void write_xlsx(const Report& report, const std::filesystem::path& path) {
    write_file_atomically_via(path, file_mode(report), [&](const std::filesystem::path& temp) {
        write_workbook(report, temp, path);
    });
}

} // namespace werkstatt::report
