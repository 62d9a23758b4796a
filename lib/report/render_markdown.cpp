// SPDX-License-Identifier: GPL-3.0-or-later
// A report as Markdown for mail and wiki: GitHub-style pipe tables, numbers right-aligned, every
// cell as cell_text() writes it, and a legend under each table that has suppressed cells.
#include "core/i18n.hpp"
#include "report/render.hpp"

#include <fmt/format.h>

namespace werkstatt::report {

namespace {

// Return `text` safe inside a pipe-table cell: `|` escaped, line breaks as spaces.
std::string escape_cell(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n' || c == '\r') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// Return true if column `c` of `table` is a value column whose cells are numbers (right-aligned).
bool is_numeric_column(const Table& table, std::size_t c) {
    if (c < table.label_columns) {
        return false;
    }
    for (const auto& row : table.rows) {
        if (c < row.size() &&
            (row[c].kind == Cell::Kind::text || row[c].kind == Cell::Kind::date)) {
            return false;
        }
    }
    return true;
}

void write_table(std::string& out, const Table& table, Language lang, int min_cell) {
    if (!table.title.empty()) {
        out += fmt::format("**{}**\n\n", table.title);
    }
    std::string header = "|";
    std::string rule = "|";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        header += " " + escape_cell(table.columns[c].label) + " |";
        rule += is_numeric_column(table, c) ? " ---: |" : " --- |";
    }
    out += header + "\n" + rule + "\n";
    bool primary = false;
    bool secondary = false;
    for (const auto& row : table.rows) {
        std::string line = "|";
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const auto text = c < row.size() ? cell_text(row[c], lang, min_cell) : std::string();
            line += " " + escape_cell(text) + " |";
            if (c < row.size()) {
                primary = primary || row[c].suppression == Suppression::primary;
                secondary = secondary || row[c].suppression == Suppression::secondary;
            }
        }
        out += line + "\n";
    }
    if (table.rows.empty()) {
        out += "\n" + tr(lang, "Nothing to count in this period.") + "\n";
    }
    if (primary || secondary) {
        out += "\n";
        if (primary && secondary) {
            out += trf(lang,
                       "<{}: from 1 to {}, not published; x: not published, so "
                       "that small counts cannot be worked out from the totals.",
                       min_cell + 1, min_cell);
        } else if (primary) {
            out += trf(lang, "<{}: from 1 to {}, not published.", min_cell + 1, min_cell);
        } else {
            out += tr(lang, "x: not published, so that small counts cannot be worked out from "
                            "the totals.");
        }
        out += "\n";
    }
    if (!table.note.empty()) {
        out += "\n" + table.note + "\n";
    }
    out += "\n";
}

} // namespace

std::string render_markdown(const Report& report) {
    const auto lang = parse_language(report.lang).value_or(Language::de);
    std::string out;
    out += fmt::format("# {}\n\n", report.title);
    if (!report.network.empty()) {
        out += report.network + "\n\n";
    }
    out += trf(lang, "Period: {}–{} ({})", format_date(report.first, lang),
               format_date(report.last, lang), report.period) +
           "\n";
    if (report.generated_at) {
        out += "\n" + trf(lang, "Generated: {}", *report.generated_at) + "\n";
    }
    out += "\n";
    for (const auto& section : report.sections) {
        out += fmt::format("## {}\n\n", section.title);
        for (const auto& paragraph : section.paragraphs) {
            out += paragraph + "\n\n";
        }
        for (const auto& table : section.tables) {
            write_table(out, table, lang, report.min_cell);
        }
    }
    // One newline at the end, whatever the last block wrote.
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
        out.pop_back();
    }
    return out;
}

} // namespace werkstatt::report
