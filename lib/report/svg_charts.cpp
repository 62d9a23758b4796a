// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/svg_charts.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/xml.hpp"
#include "reference/map_geometry.hpp"
#include "report/render.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>
#include <optional>

namespace werkstatt::report {

namespace {

constexpr double k_width = 640;
constexpr double k_font = 11;
constexpr std::size_t k_label_chars = 34; // columns of a bar's label before it is cut
constexpr const char* k_ink = "#1a1a1a";
constexpr const char* k_bar = "#4d4d4d";
// The grey ramp of the map, light to dark; the text on the two darkest is white.
constexpr std::array<const char*, 5> k_ramp = {"#f2f2f2", "#d0d0d0", "#a8a8a8", "#777777",
                                               "#4a4a4a"};

std::string num(double v) {
    return svg_number(v);
}

// One body row of a chart's table: its label, what is printed for its value, and the value to
// draw; `value` is empty when the cell is not published (suppressed) or holds no number.
struct Datum {
    std::string label;
    std::string code;
    std::string shown;
    std::optional<double> value;
    Suppression suppression = Suppression::none;
};

// Return the value of `cell` that may be drawn: a published count or number, nothing for a
// suppressed cell (its count must not reach the drawing) or a cell without a number.
std::optional<double> drawable(const Cell& cell) {
    if (cell.suppression != Suppression::none) {
        return std::nullopt;
    }
    if (cell.kind == Cell::Kind::count) {
        return static_cast<double>(cell.count);
    }
    if (cell.kind == Cell::Kind::number) {
        return cell.number;
    }
    return std::nullopt;
}

// Return the body rows of `table` (without its total row) as the data of a chart of `column`.
std::vector<Datum> chart_data(const Chart& chart, const Table& table, const Report& report) {
    const auto it = std::find_if(table.columns.begin(), table.columns.end(),
                                 [&](const Column& c) { return c.key == chart.column; });
    if (it == table.columns.end()) {
        throw Error(ErrorKind::internal,
                    _f("the chart '{}' names the column '{}' that the table '{}' does not "
                       "have; this is a bug in werkstatt, please report it",
                       chart.title, chart.column, table.id));
    }
    const auto column = static_cast<std::size_t>(it - table.columns.begin());
    const auto lang = report_language(report);
    auto body = table.rows.size();
    if (table.totals != Totals::none && body > 0) {
        --body;
    }
    std::vector<Datum> data;
    for (std::size_t r = 0; r < body; ++r) {
        const auto& row = table.rows[r];
        Datum d;
        if (!row.empty()) {
            d.label = cell_text(row.front(), lang, report.min_cell);
            d.code = row.front().code;
        }
        if (column < row.size()) {
            const auto& cell = row[column];
            d.value = drawable(cell);
            d.suppression = cell.suppression;
            d.shown = cell_text(cell, lang, report.min_cell);
        }
        data.push_back(std::move(d));
    }
    return data;
}

bool any_marked(const std::vector<Datum>& data, Suppression which) {
    return std::any_of(data.begin(), data.end(),
                       [&](const Datum& d) { return d.suppression == which; });
}

double largest(const std::vector<Datum>& data) {
    double max = 0;
    for (const auto& d : data) {
        if (d.value && *d.value > max) {
            max = *d.value;
        }
    }
    return max;
}

// The start of the <svg> element with its text alternative.
std::string svg_open(const Chart& chart, std::string_view kind, std::string_view id,
                     double height) {
    const auto eid = xml_escape(id);
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-{0}\" id=\"{1}-svg\" "
        "role=\"img\" aria-labelledby=\"{1}-title {1}-desc\" width=\"{2}\" height=\"{3}\" "
        "viewBox=\"0 0 {2} {3}\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" "
        "font-size=\"{4}\" fill=\"{5}\">\n"
        "<title id=\"{1}-title\">{6}</title>\n<desc id=\"{1}-desc\">{7}</desc>\n",
        kind, eid, num(k_width), num(height), num(k_font), k_ink, xml_escape(chart.title),
        xml_escape(chart.description));
}

// The lines under a chart that explain its marks, from `y` down; returns the SVG text.
std::string legend_lines(const std::vector<std::string>& lines, double x, double y) {
    std::string out;
    for (const auto& line : lines) {
        out += fmt::format("<text class=\"chart-legend\" x=\"{}\" y=\"{}\" font-size=\"9\">{}"
                           "</text>\n",
                           num(x), num(y), xml_escape(line));
        y += 13;
    }
    return out;
}

std::vector<std::string> chart_legend(const std::vector<Datum>& data, const Report& report) {
    return suppression_legend(report_language(report), report.min_cell,
                              any_marked(data, Suppression::primary),
                              any_marked(data, Suppression::secondary));
}

std::string no_data(const Chart& chart, std::string_view id, Language lang) {
    auto out = svg_open(chart, "empty", id, 30);
    out += fmt::format("<text x=\"0\" y=\"18\">{}</text>\n</svg>\n",
                       xml_escape(tr(lang, "There is nothing to draw in this period.")));
    return out;
}

// Horizontal bars: the label left, the bar, its number right of it.
std::string bars(const Chart& chart, const Table& table, const Report& report,
                 std::string_view id) {
    const auto data = chart_data(chart, table, report);
    if (data.empty()) {
        return no_data(chart, id, report_language(report));
    }
    constexpr double k_label_width = 220;
    constexpr double k_value_room = 80;
    constexpr double k_row = 22;
    constexpr double k_bar_height = 14;
    constexpr double k_top = 4;
    const double bar_left = k_label_width + 8;
    const double bar_room = k_width - bar_left - k_value_room;
    const double max = largest(data);
    const auto legend = chart_legend(data, report);
    const double body_end = k_top + static_cast<double>(data.size()) * k_row;
    const double height = body_end + 6 + static_cast<double>(legend.size()) * 13;

    auto out = svg_open(chart, "bars", id, height);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" "
                       "stroke-width=\"1\"/>\n",
                       num(bar_left), num(k_top), num(body_end), k_ink);
    for (std::size_t i = 0; i < data.size(); ++i) {
        const auto& d = data[i];
        const double y = k_top + static_cast<double>(i) * k_row;
        const double text_y = y + k_row / 2 + 4;
        out += "<g class=\"bar\">";
        out += fmt::format("<title>{}: {}</title>", xml_escape(d.label), xml_escape(d.shown));
        out += fmt::format("<text class=\"bar-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}"
                           "</text>",
                           num(k_label_width), num(text_y),
                           xml_escape(text::cut_to_width(d.label, k_label_chars)));
        double end = bar_left;
        if (d.value) {
            const double w = max > 0 ? std::max(0.0, *d.value) / max * bar_room : 0;
            out += fmt::format("<rect class=\"bar-value\" x=\"{}\" y=\"{}\" width=\"{}\" "
                               "height=\"{}\" fill=\"{}\"/>",
                               num(bar_left), num(y + (k_row - k_bar_height) / 2), num(w),
                               num(k_bar_height), k_bar);
            end += w;
        }
        out += fmt::format("<text class=\"{}\" x=\"{}\" y=\"{}\"{}>{}</text></g>\n",
                           d.suppression != Suppression::none ? "bar-suppressed" : "bar-number",
                           num(end + 5), num(text_y), d.value ? "" : " font-style=\"italic\"",
                           xml_escape(d.shown));
    }
    out += legend_lines(legend, 0, body_end + 16);
    out += "</svg>\n";
    return out;
}

// The stages of a funnel: bars centred on one axis, joined by grey bands, the number right.
std::string funnel(const Chart& chart, const Table& table, const Report& report,
                   std::string_view id) {
    const auto data = chart_data(chart, table, report);
    if (data.empty()) {
        return no_data(chart, id, report_language(report));
    }
    constexpr double k_label_width = 180;
    constexpr double k_value_room = 80;
    constexpr double k_stage = 26;
    constexpr double k_gap = 12;
    constexpr double k_top = 4;
    const double left = k_label_width + 10;
    const double room = k_width - left - k_value_room;
    const double centre = left + room / 2;
    const double max = largest(data);
    const auto legend = chart_legend(data, report);
    const double body_end = k_top + static_cast<double>(data.size()) * (k_stage + k_gap) - k_gap;
    const double height = body_end + 10 + static_cast<double>(legend.size()) * 13;

    const auto half = [&](const Datum& d) {
        return d.value && max > 0 ? std::max(0.0, *d.value) / max * room / 2 : 0.0;
    };
    auto out = svg_open(chart, "funnel", id, height);
    for (std::size_t i = 0; i < data.size(); ++i) {
        const auto& d = data[i];
        const double y = k_top + static_cast<double>(i) * (k_stage + k_gap);
        const double text_y = y + k_stage / 2 + 4;
        const double h = half(d);
        out += "<g class=\"stage\">";
        out += fmt::format("<title>{}: {}</title>", xml_escape(d.label), xml_escape(d.shown));
        out += fmt::format("<text class=\"stage-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}"
                           "</text>",
                           num(k_label_width), num(text_y),
                           xml_escape(text::cut_to_width(d.label, k_label_chars - 6)));
        if (d.value) {
            out += fmt::format("<rect class=\"stage-value\" x=\"{}\" y=\"{}\" width=\"{}\" "
                               "height=\"{}\" fill=\"{}\"/>",
                               num(centre - h), num(y), num(2 * h), num(k_stage), k_bar);
        } else {
            out += fmt::format("<rect class=\"stage-unpublished\" x=\"{}\" y=\"{}\" width=\"{}\" "
                               "height=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"0.8\" "
                               "stroke-dasharray=\"3 3\"/>",
                               num(left), num(y), num(room), num(k_stage), k_bar);
        }
        out += fmt::format("<text class=\"{}\" x=\"{}\" y=\"{}\"{}>{}</text></g>\n",
                           d.suppression != Suppression::none ? "stage-suppressed" : "stage-number",
                           num(d.value ? centre + h + 5 : left + room + 5), num(text_y),
                           d.value ? "" : " font-style=\"italic\"", xml_escape(d.shown));
        // The band to the next stage, when both are drawn.
        if (i + 1 < data.size() && d.value && data[i + 1].value) {
            const double h2 = half(data[i + 1]);
            const double y1 = y + k_stage;
            const double y2 = y1 + k_gap;
            out += fmt::format("<polygon class=\"stage-band\" points=\"{},{} {},{} {},{} {},{}\" "
                               "fill=\"#d9d9d9\"/>\n",
                               num(centre - h), num(y1), num(centre + h), num(y1), num(centre + h2),
                               num(y2), num(centre - h2), num(y2));
        }
    }
    out += legend_lines(legend, 0, body_end + 20);
    out += "</svg>\n";
    return out;
}

// The classes of the map: up to five groups of the published values' distinct values, in order,
// as even as possible; each class is [low, high] of values that occur.
struct MapClass {
    double low = 0;
    double high = 0;
};

std::vector<MapClass> map_classes(const std::vector<double>& values) {
    std::vector<double> distinct = values;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const std::size_t k = std::min(distinct.size(), k_ramp.size());
    std::vector<MapClass> classes;
    for (std::size_t c = 0; c < k; ++c) {
        const auto first = c * distinct.size() / k;
        const auto last = (c + 1) * distinct.size() / k - 1;
        classes.push_back(MapClass{distinct[first], distinct[last]});
    }
    return classes;
}

std::size_t class_of(const std::vector<MapClass>& classes, double v) {
    for (std::size_t c = 0; c < classes.size(); ++c) {
        if (v <= classes[c].high) {
            return c;
        }
    }
    return classes.empty() ? 0 : classes.size() - 1;
}

// The ramp index of class `c` of `n`: spread over the ramp, the last class the darkest.
std::size_t ramp_index(std::size_t c, std::size_t n) {
    if (n <= 1) {
        return k_ramp.size() / 2;
    }
    return c * (k_ramp.size() - 1) / (n - 1);
}

// Sachsen-Anhalt's districts shaded by the value of each district's row, the value printed in
// it; a suppressed district hatched, a district without a value white.
std::string district_map(const Chart& chart, const Table& table, const Report& report,
                         std::string_view id) {
    const auto lang = report_language(report);
    const auto data = chart_data(chart, table, report);
    const auto& shapes = DistrictShapes::shipped();
    const MapFrame frame{4, 4, 380, 430};
    const MapProjection projection(shapes.bounds(), frame);
    const double map_end = frame.top + projection.height();

    std::map<std::string, const Datum*> by_ags;
    for (const auto& d : data) {
        if (!d.code.empty()) {
            by_ags.emplace(d.code, &d);
        }
    }
    std::vector<double> values;
    for (const auto& district : shapes.districts()) {
        const auto found = by_ags.find(district.ags);
        if (found != by_ags.end() && found->second->value) {
            values.push_back(*found->second->value);
        }
    }
    const auto classes = map_classes(values);
    int decimals = 0;
    for (const auto& row : table.rows) {
        for (const auto& cell : row) {
            if (cell.kind == Cell::Kind::number) {
                decimals = std::max(decimals, cell.decimals);
            }
        }
    }
    const auto legend_marks = chart_legend(data, report);
    const double height = map_end + 22 + static_cast<double>(legend_marks.size()) * 13;
    const auto eid = xml_escape(id);

    auto out = svg_open(chart, "map", id, height);
    out +=
        fmt::format("<defs><pattern id=\"{}-hatch\" width=\"6\" height=\"6\" "
                    "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                    "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" "
                    "x2=\"0\" y2=\"6\" stroke=\"#555555\" stroke-width=\"2\"/></pattern></defs>\n",
                    eid);
    out += "<g class=\"districts\" stroke=\"#333333\" stroke-width=\"0.8\" "
           "stroke-linejoin=\"round\">\n";
    bool any_absent = false;
    bool any_hatched = false;
    std::string labels;
    for (const auto& district : shapes.districts()) {
        const auto found = by_ags.find(district.ags);
        const Datum* d = found == by_ags.end() ? nullptr : found->second;
        std::string fill = "#ffffff";
        std::string shown = "–";
        std::string state = "absent";
        bool dark = false;
        if (d && d->value) {
            const auto r = ramp_index(class_of(classes, *d->value), classes.size());
            fill = k_ramp[r];
            dark = r >= k_ramp.size() - 2;
            shown = d->shown;
            state = "value";
        } else if (d && d->suppression != Suppression::none) {
            fill = fmt::format("url(#{}-hatch)", eid);
            shown = d->shown;
            state = "suppressed";
            any_hatched = true;
        } else {
            any_absent = true;
        }
        out +=
            fmt::format("<path class=\"district district-{}\" data-ags=\"{}\" fill=\"{}\" "
                        "d=\"{}\"><title>{}: {}</title></path>\n",
                        state, xml_escape(district.ags), fill, svg_path_data(district, projection),
                        xml_escape(district.name), xml_escape(d ? d->shown : shown));
        const double x = projection.x(district.label_point);
        const double y = projection.y(district.label_point);
        labels +=
            fmt::format("<text class=\"district-value\" data-ags=\"{}\" x=\"{}\" y=\"{}\" "
                        "text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"{}\" "
                        "stroke=\"{}\" stroke-width=\"2.5\" paint-order=\"stroke\">{}</text>\n",
                        xml_escape(district.ags), num(x), num(y + 4), dark ? "#ffffff" : k_ink,
                        dark ? "#1a1a1a" : "#ffffff", xml_escape(shown));
    }
    out += "</g>\n<g class=\"district-values\">\n" + labels + "</g>\n";

    // The legend right of the map: the column, the classes, then the marks for no value.
    const double lx = frame.left + frame.width + 14;
    double ly = frame.top + 14;
    const auto* column = &table.columns.front();
    for (const auto& c : table.columns) {
        if (c.key == chart.column) {
            column = &c;
        }
    }
    out += fmt::format("<g class=\"map-legend\">\n<text x=\"{}\" y=\"{}\" font-weight=\"bold\">"
                       "{}</text>\n",
                       num(lx), num(ly), xml_escape(text::cut_to_width(column->label, 30)));
    ly += 10;
    const auto bound = [&](double v) {
        return decimals > 0 ? format_number(v, decimals, lang)
                            : format_count(static_cast<std::int64_t>(v), lang);
    };
    const auto swatch = [&](const std::string& fill, const std::string& text,
                            std::string_view cls) {
        out +=
            fmt::format("<g class=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"22\" height=\"14\" "
                        "fill=\"{}\" stroke=\"#333333\" stroke-width=\"0.8\"/><text x=\"{}\" "
                        "y=\"{}\">{}</text></g>\n",
                        cls, num(lx), num(ly), fill, num(lx + 30), num(ly + 11), xml_escape(text));
        ly += 20;
    };
    for (std::size_t c = 0; c < classes.size(); ++c) {
        const auto& mc = classes[c];
        swatch(k_ramp[ramp_index(c, classes.size())],
               mc.low == mc.high ? bound(mc.low) : bound(mc.low) + "–" + bound(mc.high),
               "map-class");
    }
    if (any_hatched) {
        swatch(fmt::format("url(#{}-hatch)", eid), tr(lang, "not published"), "map-suppressed");
    }
    if (any_absent) {
        swatch("#ffffff", "– " + tr(lang, "no value"), "map-absent");
    }
    out += "</g>\n";
    out += legend_lines(legend_marks, 0, map_end + 14);
    out += fmt::format("<text class=\"map-source\" x=\"0\" y=\"{}\" font-size=\"7.5\" "
                       "fill=\"#444444\">{}</text>\n",
                       num(map_end + 14 + static_cast<double>(legend_marks.size()) * 13),
                       xml_escape(district_attribution(lang)));
    out += "</svg>\n";
    return out;
}

} // namespace

Language report_language(const Report& report) {
    return parse_language(report.lang).value_or(Language::de);
}

std::vector<std::string> suppression_legend(Language lang, int min_cell, bool primary,
                                            bool secondary) {
    std::vector<std::string> out;
    const auto small = fmt::format("<{}", min_cell + 1);
    if (primary) {
        out.push_back(trf(lang,
                          "{}: from 1 to {}, not published so that no person can be "
                          "identified.",
                          small, min_cell));
    }
    if (secondary) {
        out.push_back(trf(lang,
                          "x: not published, so that the counts shown as {} cannot be "
                          "worked out from the totals.",
                          small));
    }
    return out;
}

std::string chart_svg(const Chart& chart, const Table& table, const Report& report,
                      std::string_view id) {
    switch (chart.kind) {
    case Chart::Kind::bars:
        return bars(chart, table, report, id);
    case Chart::Kind::funnel:
        return funnel(chart, table, report, id);
    case Chart::Kind::map:
        return district_map(chart, table, report, id);
    }
    return {};
}

} // namespace werkstatt::report
