// SPDX-License-Identifier: GPL-3.0-or-later
// The advisory map (Beratungslandkarte) as a drawing: Sachsen-Anhalt's 14 districts from the
// shipped boundaries, the services as numbered markers at their PLZ, and a legend; as SVG, or as
// a standalone HTML page with the same SVG and a table of the services.
#pragma once

#include "core/i18n.hpp"
#include "domain/advisory.hpp"
#include "reference/district_shapes.hpp"
#include "reference/map_geometry.hpp"

#include <string>
#include <vector>

namespace werkstatt {

// What the map says about itself, and in which language: a document handed to others, it
// follows documents.lang (or --lang), not the language of the terminal.
struct MapOptions {
    Language lang = Language::de;
    std::string title;    // "" for "Advisory map of Sachsen-Anhalt" in `lang`
    std::string subtitle; // e.g. the topic shown, in `lang`; "" for all topics
};

// A service as numbered on the map; `point` is empty when its PLZ lies outside the state's data
// (it is then listed but not drawn).
struct MapEntry {
    int number = 0;
    AdvisoryService service;
    std::optional<LonLat> point;
};

// Return `services` numbered for the map: by the district they sit in, then by key; those
// outside the state last.
std::vector<MapEntry> number_services(const std::vector<AdvisoryService>& services);

// Return the SVG document of the map of `services` over `shapes`. The output depends only on its
// inputs, so that the same data gives the same bytes.
std::string render_map_svg(const std::vector<AdvisoryService>& services,
                           const DistrictShapes& shapes, const MapOptions& options);

// Return a standalone HTML page with the SVG map and a table of the services.
std::string render_map_html(const std::vector<AdvisoryService>& services,
                            const DistrictShapes& shapes, const MapOptions& options);

// Return the attribution of the postal code coordinates the markers stand on, in `lang`.
std::string plz_attribution(Language lang);
// Return the attribution of the boundary and postal code data, in `lang`.
std::string map_attribution(Language lang);

} // namespace werkstatt
