// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/map_geometry.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <regex>
#include <string>

using namespace werkstatt;

TEST_CASE("the map projection fits the state into its frame, north up, without distortion") {
    const auto& shapes = DistrictShapes::shipped();
    const auto& b = shapes.bounds();
    const MapFrame frame{10, 20, 400, 560};
    const MapProjection p(b, frame);
    const LonLat north_west{b.min_lon, b.max_lat};
    const LonLat south_east{b.max_lon, b.min_lat};
    // The top left corner of the box is at the frame's top; the map is centred across it.
    CHECK(p.y(north_west) == Approx(20));
    const double left = p.x(north_west);
    const double right = p.x(south_east);
    CHECK(left >= 10 - 1e-9);
    CHECK(right <= 410 + 1e-9);
    CHECK(left - 10 == Approx(410 - right));
    CHECK(p.y(south_east) == Approx(20 + p.height()));
    CHECK(p.height() <= 560 + 1e-9);
    // One of the two sides fills the frame.
    CHECK((std::abs(right - left - 400) < 1e-6 || std::abs(p.height() - 560) < 1e-6));
    // A degree of longitude is cos(middle latitude) of a degree of latitude.
    const double mid = (b.min_lat + b.max_lat) / 2;
    const double kx = std::cos(mid * 3.14159265358979323846 / 180);
    const LonLat a{11.0, 52.0};
    const LonLat east{12.0, 52.0};
    const LonLat north{11.0, 53.0};
    CHECK((p.x(east) - p.x(a)) / (p.y(a) - p.y(north)) == Approx(kx));
}

TEST_CASE("svg_number writes one decimal and never a negative zero") {
    CHECK(svg_number(12) == "12.0");
    CHECK(svg_number(3.14159) == "3.1");
    CHECK(svg_number(-0.04) == "0.0");
    CHECK(svg_number(-2.26) == "-2.3");
}

TEST_CASE("a district's SVG path has a closed subpath per ring, no repeated points") {
    DistrictShape d;
    d.ags = "15000";
    d.rings = {{{11.0, 52.0}, {11.0, 52.0}, {11.5, 52.0}, {11.5, 52.5}, {11.0, 52.0}},
               {{11.1, 52.1}, {11.2, 52.1}, {11.2, 52.2}}};
    const GeoBounds b{11.0, 52.0, 11.5, 52.5};
    const MapProjection p(b, MapFrame{0, 0, 100, 100});
    const auto path = svg_path_data(d, p);
    CHECK(std::regex_match(path, std::regex(R"((M[0-9.]+,[0-9.]+(L[0-9.]+,[0-9.]+)+Z){2})")));
    // The first ring's repeated point is dropped: M and 3 L for its 5 points, M and 2 L for 3.
    std::size_t moves = 0, lines = 0;
    for (char c : path) {
        moves += c == 'M';
        lines += c == 'L';
    }
    CHECK(moves == 2);
    CHECK(lines == 3 + 2);
    // The same district gives the same path.
    CHECK(svg_path_data(d, p) == path);
    // All 14 shipped districts give a path.
    for (const auto& district : DistrictShapes::shipped().districts()) {
        CHECK(svg_path_data(district, MapProjection(DistrictShapes::shipped().bounds(),
                                                    MapFrame{0, 0, 400, 560}))
                  .rfind("M", 0) == 0);
    }
}
