// SPDX-License-Identifier: GPL-3.0-or-later
// Points on the map of Germany: where a postal code lies and how far apart two points
// are. Every distance werkstatt shows or judges (matching, advisory services, hiring checklists)
// comes from these two functions, so the same two places are always the same km apart.
#pragma once

#include "domain/values.hpp"

#include <optional>
#include <string_view>

namespace werkstatt {

// A point in WGS84 degrees.
struct LonLat {
    double lon = 0;
    double lat = 0;
};

// The mean Earth radius in kilometres that distance_km() uses.
inline constexpr double k_earth_radius_km = 6371.0;

// Return the great-circle distance between `a` and `b` in kilometres (haversine formula on a
// sphere of radius k_earth_radius_km).
double distance_km(LonLat a, LonLat b);

// Return the greatest difference of latitude, in degrees, that two points at most `km` apart by
// distance_km() can have (a meridian arc is the shortest way to change latitude).
double latitude_span_deg(double km);

// Return the greatest difference of longitude, in degrees (at most 180), that two points at most
// `km` apart by distance_km() can have when neither lies farther than `max_abs_lat` degrees from
// the equator.
double longitude_span_deg(double km, double max_abs_lat);

// Return the difference of longitude between `a` and `b` in degrees, 0 to 180 (the shorter way
// round).
double longitude_gap_deg(double a, double b);

// Return where `plz` lies by the shipped PLZ data: in Sachsen-Anhalt, the place
// PlzDirectory::place_named() picks for `city`, else (no city given, or none of its places named)
// the mean of the code's places; elsewhere in Germany the code's centre (german_plz()); nothing
// if no German PLZ has that number.
std::optional<LonLat> locate(const Plz& plz, std::string_view city);

} // namespace werkstatt
