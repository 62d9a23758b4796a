// SPDX-License-Identifier: GPL-3.0-or-later
// The HTML report: one self-contained file (styles inline, charts as inline SVG, no scripts, no
// fonts or images from elsewhere) that reads on screen and prints on A4 with every section on a
// page of its own.
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "io/xml.hpp"
#include "report/render.hpp"
#include "report/svg_charts.hpp"

#include <fmt/format.h>

namespace werkstatt::report {

namespace {

// The styles: screen first, then print on A4 (each section on a new page, table rows and charts
// never split). Grey only, so that a black-and-white print loses nothing.
constexpr const char* k_style = R"css(
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
  font-size: 10.5pt; line-height: 1.4; color: #111; background: #fff;
  max-width: 48em; margin: 2em auto; padding: 0 1em;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 18pt; margin: 0 0 .2em; }
h2 { font-size: 14pt; margin: 1.4em 0 .5em; padding-bottom: .1em; border-bottom: 1px solid #666; }
.report-head p { margin: .1em 0; }
.report-head .network { font-size: 12pt; }
table { border-collapse: collapse; margin: .6em 0 .2em; font-size: 9.5pt; min-width: 24em; }
caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: .2em; }
th, td { border: 1px solid #999; padding: .12em .45em; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #444; }
td.total { font-weight: bold; }
td.suppressed, td.missing { font-style: italic; }
td.empty { font-style: italic; color: #444; }
.note, .legend { font-size: 9pt; color: #333; margin: .2em 0 .9em; }
figure.chart { margin: .8em 0 .4em; }
figure.chart figcaption { font-weight: bold; margin-bottom: .3em; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
@page { size: A4; margin: 15mm 15mm 17mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  .report-section + .report-section { break-before: page; }
  h2 { margin-top: 0; }
  tr, figure, svg { break-inside: avoid; }
  thead { display: table-header-group; }
  h2, caption, figcaption { break-after: avoid; }
}
)css";

std::string esc(std::string_view s) {
    return xml_escape(s);
}

bool is_numeric(const Cell& cell) {
    return cell.suppression != Suppression::none || cell.kind == Cell::Kind::count ||
           cell.kind == Cell::Kind::number;
}

// The class attribute of a value cell: right-aligned if it is a number or stands for one, and
// what it is.
std::string cell_class(const Cell& cell, bool total_column) {
    std::string cls;
    const auto add = [&](std::string_view c) {
        cls += cls.empty() ? "" : " ";
        cls += c;
    };
    if (is_numeric(cell) || cell.kind == Cell::Kind::missing ||
        cell.kind == Cell::Kind::not_collected) {
        add("num");
    }
    if (cell.suppression != Suppression::none) {
        add("suppressed");
    } else if (cell.kind == Cell::Kind::missing || cell.kind == Cell::Kind::not_collected) {
        add("missing");
    }
    if (total_column) {
        add("total");
    }
    return cls.empty() ? "" : " class=\"" + cls + "\"";
}

std::string render_table(const Table& table, const Report& report, Language lang) {
    const bool has_total_row = table.totals != Totals::none && !table.rows.empty();
    const bool has_total_column = table.totals == Totals::both;
    std::string out = fmt::format("<table class=\"report-table\" id=\"table-{}\">\n<caption>{}"
                                  "</caption>\n<thead><tr>",
                                  esc(table.id), esc(table.title));
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        out += fmt::format("<th scope=\"col\"{}>{}</th>",
                           c >= table.label_columns ? " class=\"num\"" : "",
                           esc(table.columns[c].label));
    }
    out += "</tr></thead>\n<tbody>\n";
    if (table.rows.empty()) {
        out += fmt::format("<tr><td class=\"empty\" colspan=\"{}\">{}</td></tr>\n",
                           std::max<std::size_t>(table.columns.size(), 1),
                           esc(tr(lang, "Nothing to count in this period.")));
    }
    bool primary = false;
    bool secondary = false;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const bool total_row = has_total_row && r + 1 == table.rows.size();
        out += total_row ? "<tr class=\"total\">" : "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c) {
            const auto& cell = row[c];
            primary = primary || cell.suppression == Suppression::primary;
            secondary = secondary || cell.suppression == Suppression::secondary;
            const auto text = esc(cell_text(cell, lang, report.min_cell));
            if (c == 0 && table.label_columns > 0) {
                out += fmt::format("<th scope=\"row\">{}</th>", text);
            } else if (c < table.label_columns) {
                out += fmt::format("<td>{}</td>", text);
            } else {
                const bool total_column = has_total_column && c + 1 == row.size();
                out += fmt::format("<td{}>{}</td>", cell_class(cell, total_column), text);
            }
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    if (!table.note.empty()) {
        out += fmt::format("<p class=\"note\">{}</p>\n", esc(table.note));
    }
    const auto legend = suppression_legend(lang, report.min_cell, primary, secondary);
    if (!legend.empty()) {
        std::string text;
        for (const auto& line : legend) {
            text += (text.empty() ? "" : " ") + esc(line);
        }
        out += fmt::format("<p class=\"legend\">{}</p>\n", text);
    }
    return out;
}

const Table* section_table(const Section& section, std::string_view id) {
    for (const auto& table : section.tables) {
        if (table.id == id) {
            return &table;
        }
    }
    return nullptr;
}

std::string render_section(const Section& section, const Report& report, Language lang,
                           int& chart_number) {
    for (const auto& chart : section.charts) {
        if (!section_table(section, chart.table)) {
            throw Error(ErrorKind::internal,
                        _f("the chart '{}' of the section '{}' names the table '{}' that "
                           "the section does not have; this is a bug in werkstatt, "
                           "please report it",
                           chart.title, section.id, chart.table));
        }
    }
    const auto sid = esc(section.id);
    std::string out = fmt::format(
        "<section class=\"report-section\" id=\"section-{0}\" "
        "aria-labelledby=\"section-{0}-title\">\n<h2 id=\"section-{0}-title\">{1}</h2>\n",
        sid, esc(section.title));
    for (const auto& paragraph : section.paragraphs) {
        out += fmt::format("<p>{}</p>\n", esc(paragraph));
    }
    // Each table follows the charts drawn from it, so that the numbers stay beside the drawing.
    for (const auto& table : section.tables) {
        for (const auto& chart : section.charts) {
            if (chart.table != table.id) {
                continue;
            }
            const auto id = fmt::format("chart-{}", ++chart_number);
            out += fmt::format("<figure class=\"chart\" id=\"{}\">\n<figcaption>{}</figcaption>\n",
                               id, esc(chart.title));
            out += chart_svg(chart, table, report, id);
            out += "</figure>\n";
        }
        out += render_table(table, report, lang);
    }
    out += "</section>\n";
    return out;
}

} // namespace

std::string render_html(const Report& report) {
    const auto lang = report_language(report);
    std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta "
                                  "charset=\"utf-8\">\n<meta name=\"viewport\" "
                                  "content=\"width=device-width, initial-scale=1\">\n"
                                  "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                                  to_string(lang), esc(report.title), k_style);
    out += fmt::format("<header class=\"report-head\">\n<h1>{}</h1>\n", esc(report.title));
    if (!report.network.empty()) {
        out += fmt::format("<p class=\"network\">{}</p>\n", esc(report.network));
    }
    out += fmt::format("<p class=\"period\">{}</p>\n",
                       esc(trf(lang, "Period: {}–{} ({})", format_date(report.first, lang),
                               format_date(report.last, lang), report.period)));
    if (report.generated_at) {
        out += fmt::format("<p class=\"generated\">{}</p>\n",
                           esc(trf(lang, "Generated: {}", *report.generated_at)));
    }
    out += "</header>\n<main>\n";
    int chart_number = 0;
    for (const auto& section : report.sections) {
        out += render_section(section, report, lang, chart_number);
    }
    out += "</main>\n</body>\n</html>\n";
    return out;
}

} // namespace werkstatt::report
