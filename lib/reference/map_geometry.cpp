// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/map_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace werkstatt {

std::string district_attribution(Language lang) {
    return tr(lang, "District boundaries: © GeoBasis-DE / BKG 2019 (data modified), dl-de/by-2-0, "
                    "VG250 as of 2018-12-31, simplified by OpenDataLab.");
}

MapProjection::MapProjection(const GeoBounds& b, const MapFrame& frame) : m_bounds(b) {
    constexpr double k_rad = 3.14159265358979323846 / 180.0;
    m_kx = std::cos((b.min_lat + b.max_lat) / 2 * k_rad);
    const double gw = (b.max_lon - b.min_lon) * m_kx;
    const double gh = b.max_lat - b.min_lat;
    m_scale = std::min(frame.width / gw, frame.height / gh);
    m_left = frame.left + (frame.width - gw * m_scale) / 2;
    m_top = frame.top;
}

std::string svg_number(double v) {
    auto s = fmt::format("{:.1f}", v);
    return s == "-0.0" ? "0.0" : s;
}

std::string svg_path_data(const DistrictShape& district, const MapProjection& projection) {
    std::string out;
    for (const auto& ring : district.rings) {
        std::string last;
        bool first = true;
        for (const auto& p : ring) {
            const auto point = svg_number(projection.x(p)) + "," + svg_number(projection.y(p));
            if (point == last) {
                continue;
            }
            out += (first ? "M" : "L") + point;
            last = point;
            first = false;
        }
        out += "Z";
    }
    return out;
}

} // namespace werkstatt
