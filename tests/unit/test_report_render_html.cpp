// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/xml.hpp"
#include "report/render.hpp"
#include "report/svg_charts.hpp"

#include "report_sample.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <regex>
#include <string>

using namespace werkstatt;
using namespace werkstatt::report;

namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) {
        ++n;
    }
    return n;
}

// Return the text from the element that contains `marker` up to its closing `</svg>`.
std::string svg_with(const std::string& html, const std::string& marker) {
    const auto at = html.find(marker);
    REQUIRE(at != std::string::npos);
    const auto start = html.rfind("<svg", at);
    const auto end = html.find("</svg>", at);
    REQUIRE(start != std::string::npos);
    REQUIRE(end != std::string::npos);
    return html.substr(start, end + 6 - start);
}

Cell hidden(std::int64_t count, Suppression why) {
    auto cell = Cell::of_count(count);
    cell.suppression = why;
    return cell;
}

// A report of one section with one table of three rows and a chart of `kind` over it, whose
// middle row is suppressed with the count `secret`.
Report one_chart(Chart::Kind kind, std::int64_t secret, Suppression why) {
    Report r = test::sample_report();
    Table t;
    t.id = "t";
    t.title = "Tabelle";
    t.columns = {{"label", "Merkmal"}, {"n", "Anzahl"}};
    t.totals = Totals::columns;
    t.rows = {{Cell::of_text("Halle (Saale)", "15002"), Cell::of_count(40)},
              {Cell::of_text("Magdeburg", "15003"), hidden(secret, why)},
              {Cell::of_text("Stendal", "15090"), Cell::of_count(10)},
              {Cell::of_text("Insgesamt", "total"), Cell::of_count(50 + secret)}};
    Section s{"s", "Abschnitt", {}, {}, {}};
    s.tables.push_back(t);
    s.charts.push_back(Chart{kind, "t", "n", "Diagramm", "Beschreibung"});
    r.sections = {s};
    return r;
}

} // namespace

TEST_CASE("the HTML report is one self-contained document in the report's language") {
    const auto html = render_html(test::sample_report());
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"de\">", 0) == 0);
    CHECK_THAT(html, Catch::Contains("<meta charset=\"utf-8\">"));
    CHECK_THAT(html, Catch::Contains("<title>Quartalsbericht 2027Q1</title>"));
    CHECK_THAT(html, Catch::Contains("<h1>Quartalsbericht 2027Q1</h1>"));
    CHECK_THAT(html, Catch::Contains("Unternehmensnetzwerk Integration Sachsen-Anhalt"));
    CHECK_THAT(html, Catch::Contains("01.01.2027–31.03.2027 (2027Q1)"));
    // Nothing is loaded from elsewhere: no scripts, links, images, imports or remote URLs (the
    // SVG namespace is a name, not a resource).
    for (const char* banned : {"<script", "<link", "<img", "@import", "src=", "href=", "https:"}) {
        CAPTURE(banned);
        CHECK(html.find(banned) == std::string::npos);
    }
    CHECK(occurrences(html, "http:") == occurrences(html, "xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(occurrences(html, "url(") == occurrences(html, "url(#"));
    CHECK(html.find("generated") == std::string::npos);

    auto english = test::sample_report();
    english.lang = "en";
    english.generated_at = "2027-04-02 06:00";
    const auto en = render_html(english);
    CHECK(en.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK_THAT(en, Catch::Contains("2027-01-01–2027-03-31 (2027Q1)"));
    CHECK_THAT(en, Catch::Contains("<p class=\"generated\">Generated: 2027-04-02 06:00</p>"));
    CHECK_THAT(en, Catch::Contains(">1,234<"));
}

TEST_CASE("the HTML report prints on A4 with each section on a page of its own") {
    const auto html = render_html(test::sample_report());
    CHECK_THAT(html, Catch::Contains("@page { size: A4;"));
    CHECK_THAT(html, Catch::Contains(".report-section + .report-section { break-before: page; }"));
    CHECK_THAT(html, Catch::Contains("tr, figure, svg { break-inside: avoid; }"));
    CHECK(occurrences(html, "<section class=\"report-section\"") == 4);
    CHECK_THAT(html, Catch::Contains("<h2 id=\"section-german-title\">Bewerberbörse: "
                                     "Deutschkenntnisse</h2>"));
    CHECK_THAT(html, Catch::Contains("<p>Im Quartal fanden drei Treffen statt.</p>"));
}

TEST_CASE("the HTML tables have captions, header scopes, right-aligned numbers and a legend") {
    const auto html = render_html(test::sample_report());
    CHECK_THAT(html,
               Catch::Contains("<table class=\"report-table\" id=\"table-candidates_by_german\">"
                               "\n<caption>Bewerberinnen und Bewerber nach Deutschniveau"
                               "</caption>"));
    CHECK_THAT(html, Catch::Contains("<thead><tr><th scope=\"col\">Niveau</th><th scope=\"col\" "
                                     "class=\"num\">Bewerber</th></tr></thead>"));
    CHECK_THAT(html,
               Catch::Contains("<tr><th scope=\"row\">A2</th><td class=\"num\">1.234</td></tr>"));
    CHECK_THAT(html, Catch::Contains("<tr><th scope=\"row\">B2</th><td class=\"num "
                                     "suppressed\">&lt;4</td></tr>"));
    CHECK_THAT(html, Catch::Contains("<tr><th scope=\"row\">C1</th><td class=\"num "
                                     "suppressed\">x</td></tr>"));
    CHECK_THAT(html, Catch::Contains("<tr class=\"total\"><th scope=\"row\">Insgesamt</th><td "
                                     "class=\"num\">1.286</td></tr>"));
    // A second label column is a plain cell; a date is written the language's way.
    CHECK_THAT(html, Catch::Contains("<td>11.02.2027</td><td class=\"num\">14</td>"));
    CHECK_THAT(html, Catch::Contains("<p class=\"note\">Gezählt sind Personen, die teilgenommen "
                                     "haben.</p>"));
    // The legend explains both marks under the table that has them, and only there.
    const auto legend = suppression_legend(werkstatt::Language::de, 3, true, true);
    REQUIRE(legend.size() == 2);
    CHECK(occurrences(html, "<p class=\"legend\">" + xml_escape(legend[0]) + " " +
                                xml_escape(legend[1]) + "</p>") == 1);
    CHECK_THAT(legend[0], Catch::StartsWith("<4: "));
    CHECK_THAT(legend[1], Catch::StartsWith("x: "));
    CHECK(occurrences(html, "<p class=\"legend\">") == 3); // German level, funnel, districts

    // Under Totals::both the last column is the row total.
    auto r = test::sample_report();
    auto& t = r.sections[1].tables[0];
    t.totals = Totals::both;
    t.columns.push_back({"all", "Alle"});
    for (auto& row : t.rows) {
        row.push_back(Cell::of_count(5));
    }
    CHECK_THAT(render_html(r), Catch::Contains("<td class=\"num total\">5</td>"));

    // A table without rows says so instead of drawing an empty grid.
    t.rows.clear();
    const auto empty = render_html(r);
    CHECK_THAT(empty,
               Catch::Contains("<td class=\"empty\" colspan=\"3\">" +
                               xml_escape(werkstatt::tr(werkstatt::Language::de,
                                                        "Nothing to count in this period.")) +
                               "</td>"));
    CHECK_THAT(empty, Catch::Contains("class=\"chart-empty\""));
}

TEST_CASE("a bar chart has its text alternative, one bar per published row and every number") {
    const auto html = render_html(test::sample_report());
    const auto svg = svg_with(html, "class=\"chart-bars\" id=\"chart-2-svg\"");
    CHECK_THAT(svg, Catch::Contains("role=\"img\" aria-labelledby=\"chart-2-title chart-2-desc\""));
    CHECK_THAT(svg,
               Catch::Contains("<title id=\"chart-2-title\">Bewerber nach Deutschniveau</title>"));
    CHECK_THAT(svg, Catch::Contains("<desc id=\"chart-2-desc\">Balken: Bewerberinnen und Bewerber "
                                    "je Deutschniveau (GER).</desc>"));
    // Six body rows (the total row is not a bar): four published bars, two not published.
    CHECK(occurrences(svg, "<g class=\"bar\">") == 6);
    CHECK(occurrences(svg, "<rect class=\"bar-value\"") == 4);
    CHECK(occurrences(svg, "class=\"bar-suppressed\"") == 2);
    CHECK_THAT(svg, Catch::Contains(">1.234</text>"));
    CHECK_THAT(svg, Catch::Contains("font-style=\"italic\">&lt;4</text>"));
    CHECK_THAT(svg, Catch::Contains("font-style=\"italic\">x</text>"));
    CHECK(svg.find("Insgesamt") == std::string::npos);
    CHECK_THAT(svg, Catch::Contains("class=\"chart-legend\""));
    // The largest bar fills the room, the others are to scale: 12 of 1234 is 3.4 of 332.
    CHECK_THAT(svg, Catch::Contains("width=\"332.0\" height=\"14.0\""));
    CHECK_THAT(svg, Catch::Contains("width=\"3.2\" height=\"14.0\""));
    // The figure carries the visible title; the table follows the chart.
    CHECK(html.find("<figcaption>Bewerber nach Deutschniveau</figcaption>") <
          html.find("id=\"table-candidates_by_german\""));
}

TEST_CASE("a funnel draws its stages with bands between the published ones") {
    const auto html = render_html(test::sample_report());
    const auto svg = svg_with(html, "class=\"chart-funnel\"");
    CHECK_THAT(svg, Catch::Contains("role=\"img\""));
    CHECK_THAT(svg, Catch::Contains("<desc id=\"chart-3-desc\">Trichter: Vorschläge, "
                                    "Vorstellungen, Gespräche, Einstellungen.</desc>"));
    CHECK(occurrences(svg, "<g class=\"stage\">") == 4);
    CHECK(occurrences(svg, "<rect class=\"stage-value\"") == 3);
    CHECK(occurrences(svg, "<rect class=\"stage-unpublished\"") == 1);
    CHECK(occurrences(svg, "<polygon class=\"stage-band\"") == 2); // not to the suppressed stage
    // The first stage is the widest: centred on the axis, full width.
    CHECK_THAT(svg, Catch::Contains("<rect class=\"stage-value\" x=\"190.0\" y=\"4.0\" "
                                    "width=\"370.0\""));
    CHECK_THAT(svg, Catch::Contains(">Vorstellungsgespräch</text>"));
}

TEST_CASE("a map shades the 14 districts by class, prints each value and hatches suppressed ones") {
    const auto html = render_html(test::sample_report());
    const auto svg = svg_with(html, "class=\"chart-map\"");
    CHECK_THAT(svg, Catch::Contains("role=\"img\" aria-labelledby=\"chart-4-title chart-4-desc\""));
    CHECK(occurrences(svg, "<path class=\"district ") == 14);
    CHECK(occurrences(svg, "<text class=\"district-value\"") == 14);
    CHECK(occurrences(svg, "class=\"district district-value\"") == 12);
    // Dessau-Roßlau's 2 is not published: hatched, "<4" printed, its title says no more.
    CHECK_THAT(svg,
               Catch::Contains("<path class=\"district district-suppressed\" data-ags=\"15001\" "
                               "fill=\"url(#chart-4-hatch)\""));
    CHECK_THAT(svg, Catch::Contains("<title>Dessau-Roßlau: &lt;4</title>"));
    CHECK_THAT(svg, Catch::Contains("<pattern id=\"chart-4-hatch\""));
    // Wittenberg has no row: white, a dash.
    CHECK_THAT(svg, Catch::Contains("<path class=\"district district-absent\" data-ags=\"15091\" "
                                    "fill=\"#ffffff\""));
    CHECK_THAT(svg, Catch::Contains("data-ags=\"15091\" x="));
    // Halle's 61 is the darkest class; the numbers are printed in the districts.
    CHECK_THAT(svg, Catch::Contains("<path class=\"district district-value\" data-ags=\"15002\" "
                                    "fill=\"#4a4a4a\""));
    CHECK_THAT(svg, Catch::Contains(">61</text>"));
    // The legend: five classes of the twelve distinct published values (4 to 61), then the marks.
    CHECK(occurrences(svg, "<g class=\"map-class\">") == 5);
    CHECK_THAT(svg, Catch::Contains(">4–5</text>"));
    CHECK_THAT(svg, Catch::Contains(">15–61</text>"));
    CHECK_THAT(svg, Catch::Contains("<g class=\"map-suppressed\">"));
    CHECK_THAT(svg, Catch::Contains("<g class=\"map-absent\">"));
    CHECK_THAT(svg, Catch::Contains("dl-de/by-2-0"));
}

TEST_CASE("a suppressed count never reaches the HTML, in no chart kind") {
    for (const auto kind : {Chart::Kind::bars, Chart::Kind::funnel, Chart::Kind::map}) {
        for (const auto why : {Suppression::primary, Suppression::secondary}) {
            CAPTURE(static_cast<int>(kind), static_cast<int>(why));
            const auto html = render_html(one_chart(kind, 987654, why));
            CHECK(html.find("987654") == std::string::npos);
            CHECK(html.find("987.654") == std::string::npos);
            CHECK(html.find("987,654") == std::string::npos);
            CHECK(html.find(why == Suppression::primary ? ">&lt;4<" : ">x<") != std::string::npos);
            // Scales come from the published values: with the secret the total row would be
            // wrong too, so the only large figure left is the total (suppressed as well here?
            // no: published) and the bars are scaled to 40, the largest published body value.
            if (kind == Chart::Kind::bars) {
                CHECK_THAT(html, Catch::Contains("width=\"332.0\" height=\"14.0\""));
                CHECK_THAT(html, Catch::Contains("width=\"83.0\" height=\"14.0\""));
            }
            if (kind == Chart::Kind::map) {
                CHECK_THAT(html, Catch::Contains(">10</text></g>"));
                CHECK_THAT(html, Catch::Contains(">40</text></g>"));
                CHECK(occurrences(html, "<g class=\"map-class\">") == 2);
            }
        }
    }
}

TEST_CASE("text in the HTML report is escaped: <, &, quotes") {
    auto r = test::sample_report();
    r.title = "Bericht <b>&\"'";
    r.network = "Netz & <Partner>";
    r.sections[0].title = "Treffen <i>";
    r.sections[0].paragraphs = {"a < b & \"c\""};
    r.sections[0].tables[0].columns[0].label = "Name <x>";
    r.sections[0].charts[0].title = "Titel \"<t>\"";
    r.sections[0].charts[0].description = "Text & <d>";
    const auto html = render_html(r);
    CHECK_THAT(html, Catch::Contains("<title>Bericht &lt;b&gt;&amp;&quot;&#39;</title>"));
    CHECK_THAT(html, Catch::Contains("Netz &amp; &lt;Partner&gt;"));
    CHECK_THAT(html, Catch::Contains(">Treffen &lt;i&gt;</h2>"));
    CHECK_THAT(html, Catch::Contains("<p>a &lt; b &amp; &quot;c&quot;</p>"));
    CHECK_THAT(html, Catch::Contains(">Name &lt;x&gt;</th>"));
    CHECK_THAT(html, Catch::Contains(">Titel &quot;&lt;t&gt;&quot;</title>"));
    CHECK_THAT(html, Catch::Contains(">Text &amp; &lt;d&gt;</desc>"));
    // The sample's cells and bar labels with & < and quotes.
    CHECK_THAT(html, Catch::Contains("Arbeitsrecht &quot;kompakt&quot; &lt;Workshop&gt;"));
    CHECK_THAT(html, Catch::Contains("Spedition Elbe &amp; Söhne"));
    for (const char* raw : {"<b>", "<i>", "<x>", "<t>", "<d>", "<Partner>", "<Workshop>"}) {
        CAPTURE(raw);
        CHECK(html.find(raw) == std::string::npos);
    }
}

TEST_CASE("the same report gives the same HTML bytes, with fixed decimals in the SVG") {
    const auto a = render_html(test::sample_report());
    const auto b = render_html(test::sample_report());
    CHECK(a == b);
    // Every coordinate and size in the charts has exactly one decimal.
    const std::regex attribute(R"re(\s(x|y|x1|y1|x2|y2|width|height)="([^"]*)")re");
    std::size_t n = 0;
    for (auto it = std::sregex_iterator(a.begin(), a.end(), attribute);
         it != std::sregex_iterator(); ++it) {
        CAPTURE((*it)[0].str());
        CHECK(std::regex_match((*it)[2].str(), std::regex(R"(-?[0-9]+\.[0-9]|[0-9]+)")));
        ++n;
    }
    CHECK(n > 100);
    CHECK(a.find("-0.0") == std::string::npos);
}

TEST_CASE("a chart whose table or column does not exist is a bug, reported as such") {
    auto r = test::sample_report();
    r.sections[0].charts[0].table = "nope";
    auto failure = test::failure_of([&] { (void)render_html(r); });
    CHECK(failure.kind == ErrorKind::internal);
    CHECK_THAT(failure.message, Catch::Contains("'nope'"));
    r = test::sample_report();
    r.sections[0].charts[0].column = "nope";
    failure = test::failure_of([&] { (void)render_html(r); });
    CHECK(failure.kind == ErrorKind::internal);
    CHECK_THAT(failure.message, Catch::Contains("column 'nope'"));
}
