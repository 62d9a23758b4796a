// SPDX-License-Identifier: GPL-3.0-or-later
// Drawing Sachsen-Anhalt's districts on a page: the one projection from longitude and latitude
// to SVG coordinates and the path of a district's outline, shared by the advisory map and the
// maps of the reports, so that both draw the same state the same way.
#pragma once

#include "core/i18n.hpp"
#include "reference/district_shapes.hpp"

#include <string>
#include <string_view>

namespace werkstatt {

// Return the attribution the boundaries' licence (dl-de/by-2-0) asks for on every map drawn from
// them, in the language of the map.
std::string district_attribution(Language lang);

// A box on the page in SVG user units: its left and top edge, its width and height.
struct MapFrame {
    double left = 0;
    double top = 0;
    double width = 0;
    double height = 0;
};

// The projection of a map: equirectangular, longitudes scaled by the cosine of the middle
// latitude of `bounds`, as large as fits into `frame`, centred across it and at its top.
class MapProjection {
  public:
    // Fit the box `bounds` into `frame`.
    MapProjection(const GeoBounds& bounds, const MapFrame& frame);
    // Return the horizontal page coordinate of `p`.
    double x(const LonLat& p) const { return m_left + (p.lon - m_bounds.min_lon) * m_kx * m_scale; }
    // Return the vertical page coordinate of `p` (north is up).
    double y(const LonLat& p) const { return m_top + (m_bounds.max_lat - p.lat) * m_scale; }
    // Return the height the map takes on the page (at most the frame's).
    double height() const { return (m_bounds.max_lat - m_bounds.min_lat) * m_scale; }

  private:
    GeoBounds m_bounds;
    double m_kx = 1;
    double m_scale = 1;
    double m_left = 0;
    double m_top = 0;
};

// Return `v` as SVG writes it: one decimal, "0.0" rather than "-0.0", so that the same drawing
// gives the same bytes.
std::string svg_number(double v);

// Return the SVG path data ("M..L..Z") of every ring of `district` under `projection`, with
// points that round to the one before left out.
std::string svg_path_data(const DistrictShape& district, const MapProjection& projection);

} // namespace werkstatt
