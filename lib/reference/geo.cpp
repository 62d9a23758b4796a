// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/geo.hpp"

#include "reference/plz_directory.hpp"

#include <algorithm>
#include <cmath>

namespace werkstatt {

namespace {

constexpr double k_rad = 3.14159265358979323846 / 180.0;

} // namespace

double distance_km(LonLat a, LonLat b) {
    const double s_lat = std::sin((b.lat - a.lat) * k_rad / 2);
    const double s_lon = std::sin((b.lon - a.lon) * k_rad / 2);
    const double h =
        s_lat * s_lat + std::cos(a.lat * k_rad) * std::cos(b.lat * k_rad) * s_lon * s_lon;
    return 2 * k_earth_radius_km * std::asin(std::min(1.0, std::sqrt(h)));
}

double latitude_span_deg(double km) {
    return km / (k_earth_radius_km * k_rad);
}

double longitude_span_deg(double km, double max_abs_lat) {
    // The haversine h is at least cos(lat a) cos(lat b) sin²(dlon / 2), and both cosines are at
    // least cos(max_abs_lat).
    const double arc = km / (2 * k_earth_radius_km);
    const double lowest_cos = std::cos(std::min(std::abs(max_abs_lat), 90.0) * k_rad);
    if (arc >= std::acos(-1.0) / 2 || std::sin(arc) >= lowest_cos) {
        return 180.0;
    }
    return 2 * std::asin(std::sin(arc) / lowest_cos) / k_rad;
}

double longitude_gap_deg(double a, double b) {
    const double gap = std::fmod(std::abs(a - b), 360.0);
    return gap > 180.0 ? 360.0 - gap : gap;
}

std::optional<LonLat> locate(const Plz& plz, std::string_view city) {
    const auto& dir = PlzDirectory::shipped();
    if (const auto* named = dir.place_named(plz, city)) {
        return LonLat{named->lon, named->lat};
    }
    const auto& places = dir.places(plz);
    if (places.empty()) {
        // Outside Sachsen-Anhalt: the centre of the code from the list of every German PLZ.
        if (const auto centre = german_plz(plz)) {
            return LonLat{centre->lon, centre->lat};
        }
        return std::nullopt;
    }
    LonLat sum;
    for (const auto& p : places) {
        sum.lon += p.lon;
        sum.lat += p.lat;
    }
    const auto n = static_cast<double>(places.size());
    return LonLat{sum.lon / n, sum.lat / n};
}

} // namespace werkstatt
