// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/district_shapes.hpp"
#include "core/i18n.hpp"

#include "core/embedded.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <nlohmann/json.hpp>

namespace werkstatt {

namespace {

using json = nlohmann::json;

Error bad(std::string_view source, std::string_view what) {
    return Error(ErrorKind::bad_data, _f("{} {}; use a GeoJSON FeatureCollection of "
                                         "district polygons with AGS and GEN",
                                         source, what));
}

std::vector<LonLat> read_ring(const json& ring, std::string_view source) {
    std::vector<LonLat> out;
    if (!ring.is_array()) {
        throw bad(source, "has a ring that is not a list of points");
    }
    for (const auto& point : ring) {
        if (!point.is_array() || point.size() < 2 || !point[0].is_number() ||
            !point[1].is_number()) {
            throw bad(source, "has a point that is not [lon, lat]");
        }
        out.push_back(LonLat{point[0].get<double>(), point[1].get<double>()});
    }
    return out;
}

// Return the signed area (in square degrees) and centroid of `ring`.
std::pair<double, LonLat> area_centroid(const std::vector<LonLat>& ring) {
    double area = 0;
    double cx = 0;
    double cy = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const auto& p = ring[i];
        const auto& q = ring[i + 1];
        const double cross = p.lon * q.lat - q.lon * p.lat;
        area += cross;
        cx += (p.lon + q.lon) * cross;
        cy += (p.lat + q.lat) * cross;
    }
    area /= 2;
    if (std::abs(area) < 1e-12) {
        return {0, ring.empty() ? LonLat{} : ring.front()};
    }
    return {area, LonLat{cx / (6 * area), cy / (6 * area)}};
}

void add_polygon(DistrictShape& shape, const json& polygon, std::string_view source,
                 double& best_area) {
    if (!polygon.is_array() || polygon.empty()) {
        throw bad(source, "has an empty polygon");
    }
    bool outer = true;
    for (const auto& ring : polygon) {
        shape.rings.push_back(read_ring(ring, source));
        if (outer) {
            const auto [area, centre] = area_centroid(shape.rings.back());
            if (std::abs(area) > best_area) {
                best_area = std::abs(area);
                shape.label_point = centre;
            }
            outer = false;
        }
    }
}

} // namespace

DistrictShapes DistrictShapes::from_geojson(std::string_view text, std::string_view source) {
    const auto doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("features") ||
        !doc["features"].is_array()) {
        throw bad(source, "is not a GeoJSON FeatureCollection");
    }
    DistrictShapes out;
    for (const auto& feature : doc["features"]) {
        const auto& props = feature.value("properties", json::object());
        const auto& geometry = feature.value("geometry", json::object());
        if (!props.contains("AGS") || !props.contains("GEN") || !props["AGS"].is_string() ||
            !props["GEN"].is_string()) {
            throw bad(source, "has a feature without AGS and GEN");
        }
        DistrictShape shape;
        shape.ags = props["AGS"].get<std::string>();
        shape.name = props["GEN"].get<std::string>();
        const auto type = geometry.value("type", std::string());
        const auto& coords = geometry.value("coordinates", json::array());
        double best_area = -1;
        if (type == "Polygon") {
            add_polygon(shape, coords, source, best_area);
        } else if (type == "MultiPolygon") {
            for (const auto& polygon : coords) {
                add_polygon(shape, polygon, source, best_area);
            }
        } else {
            throw bad(source, fmt::format("has district {} with geometry '{}'", shape.ags, type));
        }
        out.m_districts.push_back(std::move(shape));
    }
    if (out.m_districts.empty()) {
        throw bad(source, "has no districts");
    }
    std::sort(out.m_districts.begin(), out.m_districts.end(),
              [](const auto& a, const auto& b) { return a.ags < b.ags; });
    auto& b = out.m_bounds;
    b.min_lon = b.min_lat = std::numeric_limits<double>::max();
    b.max_lon = b.max_lat = std::numeric_limits<double>::lowest();
    for (const auto& d : out.m_districts) {
        for (const auto& ring : d.rings) {
            for (const auto& p : ring) {
                b.min_lon = std::min(b.min_lon, p.lon);
                b.max_lon = std::max(b.max_lon, p.lon);
                b.min_lat = std::min(b.min_lat, p.lat);
                b.max_lat = std::max(b.max_lat, p.lat);
            }
        }
    }
    return out;
}

const DistrictShapes& DistrictShapes::shipped() {
    static const DistrictShapes shapes = [] {
        const auto text = embedded_file("data/st_districts.geojson");
        if (!text) {
            throw Error(ErrorKind::internal, _("the district boundaries are not compiled in; this "
                                               "is a bug in werkstatt, please report it"));
        }
        return from_geojson(*text, "st_districts.geojson");
    }();
    return shapes;
}

bool DistrictShape::contains(LonLat point) const {
    bool inside = false;
    for (const auto& ring : rings) {
        if (ring.size() < 3) {
            continue;
        }
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const auto& a = ring[i];
            const auto& b = ring[j];
            if ((a.lat > point.lat) != (b.lat > point.lat) &&
                point.lon < (b.lon - a.lon) * (point.lat - a.lat) / (b.lat - a.lat) + a.lon) {
                inside = !inside;
            }
        }
    }
    return inside;
}

const DistrictShape* DistrictShapes::find(std::string_view ags) const {
    for (const auto& d : m_districts) {
        if (d.ags == ags) {
            return &d;
        }
    }
    return nullptr;
}

} // namespace werkstatt
