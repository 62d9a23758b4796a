// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/map.hpp"

#include "advisory/advisors.hpp"
#include "core/text.hpp"
#include "io/xml.hpp"
#include "reference/plz_directory.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace werkstatt {

namespace {

constexpr double k_width = 800;
constexpr double k_margin = 20;
constexpr double k_map_top = 80;
constexpr double k_map_height = 900;
constexpr double k_marker_radius = 9;
constexpr double k_legend_line = 15;
constexpr std::size_t k_legend_chars = 58;
constexpr double k_legend_indent = 16; // continuation lines start under the text, not the number

// Light fills that print well and keep dark text readable, one per district in AGS order.
constexpr std::array<const char*, 14> k_fills = {
    "#fde0c5", "#d9ead3", "#dbe8f6", "#fff2cc", "#e6dcf0", "#d0ece7", "#f9d9e2",
    "#e2efda", "#fce5cd", "#dde4f0", "#f3e6d0", "#d9f0f4", "#efe0f5", "#e8f0d0"};

std::string num(double v) {
    return svg_number(v);
}

struct Placed {
    double x = 0;
    double y = 0;
    double anchor_x = 0;
    double anchor_y = 0;
};

// Place markers so that they do not cover each other: a marker that would overlap one placed
// before moves outwards around its point, in fixed steps.
std::vector<std::optional<Placed>> place_markers(const std::vector<MapEntry>& entries,
                                                 const MapProjection& proj) {
    std::vector<std::optional<Placed>> out;
    std::vector<Placed> placed;
    constexpr double k_min = 2 * k_marker_radius + 1;
    constexpr double k_pi = 3.14159265358979323846;
    for (const auto& e : entries) {
        if (!e.point) {
            out.emplace_back();
            continue;
        }
        Placed p{proj.x(*e.point), proj.y(*e.point), proj.x(*e.point), proj.y(*e.point)};
        const auto free = [&](double x, double y) {
            return std::none_of(placed.begin(), placed.end(), [&](const Placed& q) {
                return std::hypot(q.x - x, q.y - y) < k_min;
            });
        };
        for (int step = 0; !free(p.x, p.y) && step < 200; ++step) {
            const int ring = 1 + step / 8;
            const double angle = (step % 8) * k_pi / 4 + ring * 0.4;
            p.x = p.anchor_x + ring * k_min * std::cos(angle);
            p.y = p.anchor_y + ring * k_min * std::sin(angle);
        }
        placed.push_back(p);
        out.emplace_back(p);
    }
    return out;
}

// Return where a district's name goes: at its centre, or moved up or down until it covers no
// marker (the names are drawn over the markers, so they must not hide them).
std::pair<double, double> label_position(const DistrictShape& d, const MapProjection& proj,
                                         const std::vector<std::optional<Placed>>& markers) {
    const double x = proj.x(d.label_point);
    const double y = proj.y(d.label_point) + 4;
    const double half_width = static_cast<double>(text::display_width(d.name)) * 3.3 + 2;
    const auto clear = [&](double ty) {
        return std::none_of(markers.begin(), markers.end(), [&](const auto& m) {
            return m && m->x > x - half_width - k_marker_radius &&
                   m->x < x + half_width + k_marker_radius && m->y > ty - 11 - k_marker_radius &&
                   m->y < ty + 3 + k_marker_radius;
        });
    };
    for (const double dy : {0.0, 18.0, -18.0, 36.0, -36.0, 54.0, -54.0, 72.0, -72.0}) {
        if (clear(y + dy)) {
            return {x, y + dy};
        }
    }
    return {x, y};
}

// Return the legend text of `e` in `lang` in lines of at most k_legend_chars columns, broken
// between words; nothing is left out.
std::vector<std::string> legend_lines(const MapEntry& e, Language lang) {
    const auto& s = e.service;
    const auto entry =
        // TRANSLATORS: a legend entry of the advisory map: organisation – service, town.
        e.point ? trf(lang, "{} – {}, {}", s.organisation, s.service, s.city)
                // TRANSLATORS: the same for a service that is not drawn.
                : trf(lang, "{} – {}, {} (outside the map)", s.organisation, s.service, s.city);
    return text::wrap_words(entry, k_legend_chars);
}

// Where each legend entry stands: two columns, the first half of the entries left; an entry
// takes as many lines as its text needs.
struct LegendLayout {
    std::vector<std::vector<std::string>> lines; // of each entry
    std::vector<double> x, y;                    // of each entry's first line
    double end = 0;                              // below the last line of either column
};

LegendLayout legend_layout(const std::vector<MapEntry>& entries, double top, Language lang) {
    LegendLayout l;
    const std::size_t rows = (entries.size() + 1) / 2;
    double left = top, right = top;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const bool first_column = i < rows;
        double& next = first_column ? left : right;
        l.lines.push_back(legend_lines(entries[i], lang));
        l.x.push_back(k_margin + (first_column ? 0.0 : (k_width - 2 * k_margin) / 2));
        l.y.push_back(next);
        next += static_cast<double>(l.lines.back().size()) * k_legend_line;
    }
    l.end = std::max({left, right, top + k_legend_line});
    return l;
}

// Return the title of the map: the one asked for, else the advisory map of Sachsen-Anhalt.
std::string map_title(const MapOptions& options) {
    return options.title.empty() ? tr(options.lang, "Advisory map of Sachsen-Anhalt")
                                 : options.title;
}

std::string svg_document(const std::vector<MapEntry>& entries, const DistrictShapes& shapes,
                         const MapOptions& options, bool standalone) {
    const auto lang = options.lang;
    const auto title = map_title(options);
    const MapProjection proj(shapes.bounds(),
                             MapFrame{k_margin, k_map_top, k_width - 2 * k_margin, k_map_height});
    const double legend_top = k_map_top + k_map_height + 30;
    const auto legend = legend_layout(entries, legend_top + 22, lang);
    const double legend_end = legend.end;
    const double height = legend_end + 50;

    std::string out;
    if (standalone) {
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    }
    out += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
                       "viewBox=\"0 0 {0} {1}\" font-family=\"DejaVu Sans, Arial, Helvetica, "
                       "sans-serif\">\n",
                       num(k_width), num(height));
    out += fmt::format("<title>{}</title>\n", xml_escape(title));
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    out += fmt::format("<text class=\"title\" x=\"{}\" y=\"36\" font-size=\"22\" "
                       "font-weight=\"bold\" fill=\"#222\">{}</text>\n",
                       num(k_margin), xml_escape(title));
    const auto drawn =
        std::count_if(entries.begin(), entries.end(), [](const auto& e) { return e.point; });
    const auto counts = fmt::format(
        fmt::runtime(trn(lang, "{} advisory service, {} on the map",
                         "{} advisory services, {} on the map", entries.size())),
        format_count(static_cast<std::int64_t>(entries.size()), lang), format_count(drawn, lang));
    out += fmt::format(
        "<text class=\"subtitle\" x=\"{}\" y=\"60\" font-size=\"13\" "
        "fill=\"#444\">{}</text>\n",
        num(k_margin),
        xml_escape(options.subtitle.empty() ? counts : options.subtitle + " · " + counts));

    out += "<g id=\"districts\" stroke=\"#555\" stroke-width=\"0.8\" stroke-linejoin=\"round\">\n";
    std::size_t index = 0;
    for (const auto& d : shapes.districts()) {
        out += fmt::format("<path class=\"district\" data-ags=\"{}\" data-name=\"{}\" "
                           "fill=\"{}\" d=\"{}\"/>\n",
                           xml_escape(d.ags), xml_escape(d.name), k_fills[index++ % k_fills.size()],
                           svg_path_data(d, proj));
    }
    out += "</g>\n<g id=\"markers\">\n";
    const auto positions = place_markers(entries, proj);
    std::string markers;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!positions[i]) {
            continue;
        }
        const auto& p = *positions[i];
        const auto& e = entries[i];
        markers += fmt::format("<g class=\"marker\" data-number=\"{}\" data-key=\"{}\">", e.number,
                               xml_escape(e.service.key));
        if (p.x != p.anchor_x || p.y != p.anchor_y) {
            markers +=
                fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#7a0f1f\" "
                            "stroke-width=\"0.8\"/>",
                            num(p.anchor_x), num(p.anchor_y), num(p.x), num(p.y));
        }
        markers += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#b2182b\" "
                               "stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
                               "<text x=\"{}\" y=\"{}\" font-size=\"10\" font-weight=\"bold\" "
                               "fill=\"#ffffff\" text-anchor=\"middle\">{}</text></g>\n",
                               num(p.x), num(p.y), num(k_marker_radius), num(p.x), num(p.y + 3.5),
                               e.number);
    }
    out += markers;
    out += "</g>\n<g id=\"district-names\" font-size=\"11\" fill=\"#333\" "
           "text-anchor=\"middle\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\n";
    for (const auto& d : shapes.districts()) {
        const auto [x, y] = label_position(d, proj, positions);
        out += fmt::format("<text class=\"district-name\" data-ags=\"{}\" x=\"{}\" y=\"{}\">{}"
                           "</text>\n",
                           xml_escape(d.ags), num(x), num(y), xml_escape(d.name));
    }
    out += "</g>\n<g id=\"legend\" font-size=\"10.5\" fill=\"#222\">\n";
    out += fmt::format("<text class=\"legend-title\" x=\"{}\" y=\"{}\" font-size=\"14\" "
                       "font-weight=\"bold\">{}</text>\n",
                       num(k_margin), num(legend_top), xml_escape(tr(lang, "Advisory services")));
    if (entries.empty()) {
        const auto none =
            options.subtitle.empty()
                ? tr(lang, "No advisory services recorded.")
                // TRANSLATORS: {} is what the map shows, e.g. "Topic: Language support".
                : trf(lang, "No advisory services recorded ({}).", options.subtitle);
        out += fmt::format("<text class=\"legend-empty\" x=\"{}\" y=\"{}\">{}</text>\n",
                           num(k_margin), num(legend_top + 22), xml_escape(none));
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        const auto& lines = legend.lines[i];
        out += fmt::format("<text class=\"legend-entry\" data-number=\"{}\" x=\"{}\" y=\"{}\">"
                           "<tspan font-weight=\"bold\">{}</tspan> {}",
                           e.number, num(legend.x[i]), num(legend.y[i]), e.number,
                           xml_escape(lines.front()));
        // Further lines stand under the first line's text, right of the number.
        for (std::size_t j = 1; j < lines.size(); ++j) {
            out += fmt::format("<tspan class=\"legend-more\" x=\"{}\" dy=\"{}\">{}</tspan>",
                               num(legend.x[i] + k_legend_indent), num(k_legend_line),
                               xml_escape(lines[j]));
        }
        out += "</text>\n";
    }
    out += "</g>\n";
    out += fmt::format("<text class=\"source\" x=\"{}\" y=\"{}\" font-size=\"9\" "
                       "fill=\"#555\">{}</text>\n",
                       num(k_margin), num(legend_end + 18), xml_escape(district_attribution(lang)));
    out += fmt::format("<text class=\"source\" x=\"{}\" y=\"{}\" font-size=\"9\" "
                       "fill=\"#555\">{}</text>\n",
                       num(k_margin), num(legend_end + 30), xml_escape(plz_attribution(lang)));
    out += "</svg>\n";
    return out;
}

std::string map_district_names(const AdvisoryService& s, Language lang) {
    if (s.statewide) {
        return tr(lang, "statewide");
    }
    std::vector<std::string> names;
    for (const auto& ags : s.districts) {
        const auto d = PlzDirectory::shipped().district(ags);
        names.push_back(d ? d->name : ags);
    }
    return text::join(names, ", ");
}

std::string map_topic_titles(const AdvisoryService& s, Language lang) {
    std::vector<std::string> titles;
    for (const auto t : s.topics) {
        titles.push_back(title(t, lang));
    }
    return text::join(titles, ", ");
}

std::string link(const std::string& url) {
    const auto lower = text::ascii_lower(url);
    if (lower.rfind("https://", 0) == 0 || lower.rfind("http://", 0) == 0) {
        return fmt::format("<a href=\"{0}\">{0}</a>", xml_escape(url));
    }
    return xml_escape(url);
}

} // namespace

std::string plz_attribution(Language lang) {
    return tr(lang, "Postal code coordinates: © GeoNames, CC BY 4.0.");
}

std::string map_attribution(Language lang) {
    return district_attribution(lang) + " " + plz_attribution(lang);
}

std::vector<MapEntry> number_services(const std::vector<AdvisoryService>& services) {
    // The map shows Sachsen-Anhalt: a service located elsewhere in Germany (the BAMF in
    // Nürnberg) is listed as outside the map, not drawn beyond its edge.
    const auto& bounds = DistrictShapes::shipped().bounds();
    std::vector<MapEntry> entries;
    for (const auto& s : services) {
        auto point = advisor_point(s);
        if (point && (point->lon < bounds.min_lon || point->lon > bounds.max_lon ||
                      point->lat < bounds.min_lat || point->lat > bounds.max_lat)) {
            point.reset();
        }
        entries.push_back(MapEntry{0, s, point});
    }
    std::stable_sort(entries.begin(), entries.end(), [](const MapEntry& a, const MapEntry& b) {
        const auto ka = std::make_tuple(!a.point.has_value(), a.service.district_ags.value_or("~"),
                                        a.service.key);
        const auto kb = std::make_tuple(!b.point.has_value(), b.service.district_ags.value_or("~"),
                                        b.service.key);
        return ka < kb;
    });
    int n = 0;
    for (auto& e : entries) {
        e.number = ++n;
    }
    return entries;
}

std::string render_map_svg(const std::vector<AdvisoryService>& services,
                           const DistrictShapes& shapes, const MapOptions& options) {
    return svg_document(number_services(services), shapes, options, true);
}

std::string render_map_html(const std::vector<AdvisoryService>& services,
                            const DistrictShapes& shapes, const MapOptions& options) {
    const auto lang = options.lang;
    const auto title = map_title(options);
    const auto entries = number_services(services);
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", to_string(lang));
    out += fmt::format("<title>{}</title>\n", xml_escape(title));
    out += "<style>\n"
           "body { font-family: 'DejaVu Sans', Arial, sans-serif; margin: 1.5em; color: #222; }\n"
           "svg { max-width: 100%; height: auto; }\n"
           "table { border-collapse: collapse; font-size: 0.85em; }\n"
           "th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; "
           "vertical-align: top; }\n"
           "th { background: #eee; }\n"
           ".source { font-size: 0.8em; color: #555; }\n"
           "@media print { figure { page-break-after: always; } }\n"
           "</style>\n</head>\n<body>\n";
    out += fmt::format("<h1>{}</h1>\n", xml_escape(title));
    if (!options.subtitle.empty()) {
        out += fmt::format("<p>{}</p>\n", xml_escape(options.subtitle));
    }
    out += "<figure>\n" + svg_document(entries, shapes, options, false) + "</figure>\n";
    out += fmt::format("<h2>{}</h2>\n", xml_escape(tr(lang, "Advisory services")));
    if (entries.empty()) {
        out += fmt::format("<p>{}</p>\n", xml_escape(tr(lang, "No advisory services recorded.")));
    } else {
        // The columns of the table, as the page's reader calls them.
        const std::vector<std::string> headings = {tr(lang, "No."),
                                                   tr(lang, "Organisation"),
                                                   tr(lang, "Service"),
                                                   tr(lang, "Topics"),
                                                   tr(lang, "Responsible for"),
                                                   tr(lang, "Address"),
                                                   tr(lang, "Contact person"),
                                                   tr(lang, "Phone"),
                                                   tr(lang, "E-mail"),
                                                   tr(lang, "Web"),
                                                   tr(lang, "Languages"),
                                                   tr(lang, "Opening hours"),
                                                   tr(lang, "Last checked")};
        out += "<table>\n<thead><tr>";
        for (const auto& h : headings) {
            out += "<th>" + xml_escape(h) + "</th>";
        }
        out += "</tr></thead>\n<tbody>\n";
        for (const auto& e : entries) {
            const auto& s = e.service;
            const auto address = text::join({s.street, text::join({s.plz, s.city}, " ")},
                                            s.street.empty() ? "" : ", ");
            out += fmt::format(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                e.number, xml_escape(s.organisation), xml_escape(s.service),
                xml_escape(map_topic_titles(s, lang)), xml_escape(map_district_names(s, lang)),
                xml_escape(address), xml_escape(s.contact_person), xml_escape(s.phone),
                xml_escape(s.email), link(s.web), xml_escape(text::join(s.languages, ", ")),
                xml_escape(s.opening_hours),
                xml_escape(s.last_verified ? format_date(*s.last_verified, lang)
                                           : tr(lang, "never")));
        }
        out += "</tbody>\n</table>\n";
    }
    out += fmt::format("<p class=\"source\">{}</p>\n</body>\n</html>\n",
                       xml_escape(map_attribution(lang)));
    return out;
}

} // namespace werkstatt
