// SPDX-License-Identifier: GPL-3.0-or-later
// The boundaries of Sachsen-Anhalt's 14 districts (BKG VG250, shipped as GeoJSON).
#pragma once

#include "reference/geo.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// One district's outline: every ring (outer boundaries and holes) of its polygons.
struct DistrictShape {
    std::string ags;
    std::string name;
    std::vector<std::vector<LonLat>> rings;
    // Where its name goes on a map: the centroid of its largest polygon.
    LonLat label_point;

    // Return true if `point` lies inside the outline: inside an odd number of its rings (so a
    // hole leaves it out), treating longitude and latitude as plane coordinates.
    bool contains(LonLat point) const;
};

// A box in WGS84 degrees.
struct GeoBounds {
    double min_lon = 0;
    double min_lat = 0;
    double max_lon = 0;
    double max_lat = 0;
};

class DistrictShapes {
  public:
    // Return the shapes built from the compiled-in config/data/st_districts.geojson.
    static const DistrictShapes& shipped();
    // Read a GeoJSON FeatureCollection `text` whose features have the properties AGS and GEN and
    // Polygon or MultiPolygon geometries; `source` names it in messages. Throw Error(bad_data)
    // if it is not such a document.
    static DistrictShapes from_geojson(std::string_view text, std::string_view source);

    // Return the districts ordered by AGS.
    const std::vector<DistrictShape>& districts() const { return m_districts; }
    // Return the district with key `ags`, or nullptr.
    const DistrictShape* find(std::string_view ags) const;
    // Return the box around all districts.
    const GeoBounds& bounds() const { return m_bounds; }

  private:
    std::vector<DistrictShape> m_districts;
    GeoBounds m_bounds;
};

} // namespace werkstatt
