// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/map.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

using namespace werkstatt;

namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) {
        ++n;
    }
    return n;
}

AdvisoryService at(std::string key, std::string plz, std::string city,
                   std::optional<std::string> ags = std::nullopt) {
    AdvisoryService s;
    s.key = std::move(key);
    s.organisation = "Träger & Co <GmbH>";
    s.service = "Beratung \"Arbeit\"";
    s.topics = {AdvisoryTopic::recognition};
    s.plz = std::move(plz);
    s.city = std::move(city);
    s.statewide = true;
    s.district_ags = std::move(ags);
    return s;
}

} // namespace

TEST_CASE("the shipped boundaries hold the 14 districts with their names") {
    const auto& shapes = DistrictShapes::shipped();
    REQUIRE(shapes.districts().size() == 14);
    CHECK(shapes.districts().front().name == "Dessau-Roßlau");
    CHECK(shapes.districts().back().ags == "15091");
    const auto& b = shapes.bounds();
    CHECK(b.min_lon > 10.4);
    CHECK(b.max_lon < 13.3);
    CHECK(b.min_lat > 50.8);
    CHECK(b.max_lat < 53.1);
    // Magdeburg's label point lies in Magdeburg.
    const auto* md = shapes.find("15003");
    REQUIRE(md != nullptr);
    CHECK(distance_km(md->label_point, LonLat{11.63, 52.12}) < 8);
}

TEST_CASE("the SVG map draws 14 districts, numbered markers and a legend, escaped") {
    const std::vector<AdvisoryService> services = {
        at("b", "06108", "Halle (Saale)", "15002"), at("a", "39104", "Magdeburg", "15003"),
        at("c", "39104", "Magdeburg", "15003"), at("far", "90461", "Nürnberg")};
    const auto svg = render_map_svg(services, DistrictShapes::shipped(), MapOptions{});
    CHECK(occurrences(svg, "<path class=\"district\"") == 14);
    CHECK(occurrences(svg, "<text class=\"district-name\"") == 14);
    CHECK(occurrences(svg, "data-name=\"Halle (Saale)\"") == 1);
    CHECK(occurrences(svg, "<g class=\"marker\"") == 3); // Nürnberg is off the map
    CHECK(occurrences(svg, "<text class=\"legend-entry\"") == 4);
    CHECK_THAT(svg, Catch::Contains("außerhalb der Karte"));
    CHECK_THAT(svg, Catch::Contains("Träger &amp; Co &lt;GmbH&gt;"));
    CHECK(svg.find("<GmbH>") == std::string::npos);
    CHECK_THAT(svg, Catch::Contains("dl-de/by-2-0"));
    // Halle (15002) is numbered before Magdeburg (15003); the two in Magdeburg do not overlap.
    CHECK_THAT(svg, Catch::Contains("data-number=\"1\" data-key=\"b\""));
    CHECK_THAT(svg, Catch::Contains("data-number=\"2\" data-key=\"a\""));
    std::smatch m;
    const std::regex circle(R"re(data-key="a">.*?<circle cx="([0-9.]+)" cy="([0-9.]+)")re");
    const std::regex circle_c(R"re(data-key="c">.*?<circle cx="([0-9.]+)" cy="([0-9.]+)")re");
    REQUIRE(std::regex_search(svg, m, circle));
    const double ax = std::stod(m[1]);
    const double ay = std::stod(m[2]);
    REQUIRE(std::regex_search(svg, m, circle_c));
    CHECK(std::hypot(std::stod(m[1]) - ax, std::stod(m[2]) - ay) >= 18);
    // The same input gives the same bytes.
    CHECK(render_map_svg(services, DistrictShapes::shipped(), MapOptions{}) == svg);
}

TEST_CASE("a map without services still draws the state and says so") {
    MapOptions options;
    options.subtitle = "Thema: Sprachförderung";
    const auto svg = render_map_svg({}, DistrictShapes::shipped(), options);
    CHECK(occurrences(svg, "<path class=\"district\"") == 14);
    CHECK(occurrences(svg, "<g class=\"marker\"") == 0);
    CHECK_THAT(svg, Catch::Contains("Keine Beratungsstellen erfasst (Thema: Sprachförderung)"));
}

TEST_CASE("the HTML page embeds the map and a table, everything escaped") {
    auto s = at("x", "39104", "Magdeburg");
    s.web = "https://example.org/?a=1&b=<2>";
    const auto html = render_map_html({s}, DistrictShapes::shipped(), MapOptions{});
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(occurrences(html, "<svg ") == 1);
    CHECK(html.find("<?xml") == std::string::npos);
    CHECK(occurrences(html, "<tr><td>") == 1);
    CHECK_THAT(html, Catch::Contains("href=\"https://example.org/?a=1&amp;b=&lt;2&gt;\""));
    CHECK_THAT(html, Catch::Contains("Beratung &quot;Arbeit&quot;"));
}

TEST_CASE("the map in German: its words as the coordinators have always printed them",
          "[advisory][map][i18n]") {
    auto s = at("x", "39104", "Magdeburg");
    s.last_verified = Date::parse("2026-11-25");
    auto far = at("far", "90461", "Nürnberg"); // short, so that its legend entry is one line
    far.organisation = "BAMF";
    far.service = "Kurse";
    const std::vector<AdvisoryService> services = {s, far};
    MapOptions options; // German unless asked otherwise
    options.subtitle = "Thema: Sprachförderung";
    const auto svg = render_map_svg(services, DistrictShapes::shipped(), options);
    CHECK_THAT(svg, Catch::Contains("<title>Beratungslandkarte Sachsen-Anhalt</title>"));
    CHECK_THAT(svg, Catch::Contains(">Thema: Sprachförderung · 2 Beratungsstellen, 1 auf der "
                                    "Karte</text>"));
    CHECK_THAT(svg, Catch::Contains("font-weight=\"bold\">Beratungsstellen</text>"));
    CHECK_THAT(svg,
               Catch::Contains("</tspan> BAMF – Kurse, Nürnberg (außerhalb der Karte)</text>"));
    CHECK_THAT(svg, Catch::Contains(">Kreisgrenzen: © GeoBasis-DE / BKG 2019 (Daten verändert), "
                                    "dl-de/by-2-0, VG250 Stand 31.12.2018, vereinfacht von "
                                    "OpenDataLab.</text>"));
    CHECK_THAT(svg, Catch::Contains(">PLZ-Koordinaten: © GeoNames, CC BY 4.0.</text>"));
    // One service is one Beratungsstelle.
    CHECK_THAT(render_map_svg({s}, DistrictShapes::shipped(), MapOptions{}),
               Catch::Contains(">1 Beratungsstelle, 1 auf der Karte</text>"));

    const auto html = render_map_html(services, DistrictShapes::shipped(), MapOptions{});
    CHECK_THAT(html, Catch::Contains("<html lang=\"de\">"));
    CHECK_THAT(html, Catch::Contains("<h2>Beratungsstellen</h2>"));
    CHECK_THAT(html, Catch::Contains("<th>Nr.</th><th>Organisation</th><th>Angebot</th>"
                                     "<th>Themen</th><th>Zuständig für</th><th>Adresse</th>"
                                     "<th>Ansprechperson</th><th>Telefon</th><th>E-Mail</th>"
                                     "<th>Web</th><th>Sprachen</th><th>Öffnungszeiten</th>"
                                     "<th>Zuletzt geprüft</th>"));
    CHECK_THAT(html, Catch::Contains("<td>Anerkennung ausländischer Berufsqualifikationen</td>"
                                     "<td>landesweit</td>"));
    CHECK_THAT(html, Catch::Contains("<td>25.11.2026</td>"));
    CHECK_THAT(html, Catch::Contains("<td>nie</td>"));
    CHECK_THAT(render_map_html({}, DistrictShapes::shipped(), MapOptions{}),
               Catch::Contains("<p>Keine Beratungsstellen erfasst.</p>"));
}

TEST_CASE("the map in English: every word a reader sees, the data as it is",
          "[advisory][map][i18n]") {
    auto s = at("x", "39104", "Magdeburg");
    s.last_verified = Date::parse("2026-11-25");
    auto far = at("far", "90461", "Nürnberg"); // short, so that its legend entry is one line
    far.organisation = "BAMF";
    far.service = "Kurse";
    const std::vector<AdvisoryService> services = {s, far};
    MapOptions options;
    options.lang = Language::en;
    const auto svg = render_map_svg(services, DistrictShapes::shipped(), options);
    CHECK_THAT(svg, Catch::Contains("<title>Advisory map of Sachsen-Anhalt</title>"));
    CHECK_THAT(svg, Catch::Contains(">2 advisory services, 1 on the map</text>"));
    CHECK_THAT(svg, Catch::Contains("font-weight=\"bold\">Advisory services</text>"));
    CHECK_THAT(svg, Catch::Contains("</tspan> BAMF – Kurse, Nürnberg (outside the map)</text>"));
    CHECK_THAT(svg, Catch::Contains(">District boundaries: © GeoBasis-DE / BKG 2019 (data "
                                    "modified), dl-de/by-2-0, VG250 as of 2018-12-31, simplified "
                                    "by OpenDataLab.</text>"));
    CHECK_THAT(svg, Catch::Contains(">Postal code coordinates: © GeoNames, CC BY 4.0.</text>"));
    // The district names are names, the same in every language.
    CHECK_THAT(svg, Catch::Contains("data-name=\"Halle (Saale)\""));
    for (const auto* german : {"Beratungs", "außerhalb", "Karte", "Kreisgrenzen", "PLZ-"}) {
        CHECK_THAT(svg, !Catch::Contains(german));
    }

    options.subtitle = "Topic: Language support";
    CHECK_THAT(render_map_svg({}, DistrictShapes::shipped(), options),
               Catch::Contains("No advisory services recorded (Topic: Language support)."));

    const auto html = render_map_html(services, DistrictShapes::shipped(), options);
    CHECK_THAT(html, Catch::Contains("<html lang=\"en\">"));
    CHECK_THAT(html, Catch::Contains("<h2>Advisory services</h2>"));
    CHECK_THAT(html, Catch::Contains("<th>No.</th><th>Organisation</th><th>Service</th>"
                                     "<th>Topics</th><th>Responsible for</th><th>Address</th>"
                                     "<th>Contact person</th><th>Phone</th><th>E-mail</th>"
                                     "<th>Web</th><th>Languages</th><th>Opening hours</th>"
                                     "<th>Last checked</th>"));
    CHECK_THAT(html, Catch::Contains("<td>Recognition of foreign professional qualifications</td>"
                                     "<td>statewide</td>"));
    CHECK_THAT(html, Catch::Contains("<td>2026-11-25</td>"));
    CHECK_THAT(html, Catch::Contains("<td>never</td>"));
}

TEST_CASE("the topics' German titles through the catalogue are their titles", "[advisory][i18n]") {
    for (const auto t : all_advisory_topics()) {
        CHECK(title(t, Language::de) == title(t));
        CHECK(title(t, Language::en) != title(t));
    }
}
