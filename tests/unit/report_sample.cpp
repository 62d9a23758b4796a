// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_sample.hpp"

#include <utility>

namespace werkstatt::test {

using report::Cell;
using report::Chart;
using report::Column;
using report::Section;
using report::Suppression;
using report::Table;
using report::Totals;

namespace {

Cell suppressed(std::int64_t count, Suppression why) {
    auto cell = Cell::of_count(count);
    cell.suppression = why;
    return cell;
}

Section events() {
    Section s{"events", "Veranstaltungen", {"Im Quartal fanden drei Treffen statt."}, {}, {}};
    Table t;
    t.id = "events";
    t.title = "Teilnahme je Veranstaltung";
    t.columns = {{"event", "Veranstaltung"}, {"date", "Datum"}, {"attended", "Teilgenommen"}};
    t.label_columns = 2;
    t.rows = {
        {Cell::of_text("Frühjahrstreffen bei Spedition Elbe & Söhne"),
         Cell::of_date(*Date::from_ymd(2027, 2, 11)), Cell::of_count(14)},
        {Cell::of_text("Arbeitsrecht \"kompakt\" <Workshop>"),
         Cell::of_date(*Date::from_ymd(2027, 3, 4)), Cell::of_count(9)},
        {Cell::of_text("Saale-Pflege gGmbH"), Cell::of_date(*Date::from_ymd(2027, 3, 25)),
         Cell::of_count(11)},
    };
    t.note = "Gezählt sind Personen, die teilgenommen haben.";
    s.tables.push_back(std::move(t));
    s.charts.push_back(Chart{Chart::Kind::bars, "events", "attended", "Teilnahme je Veranstaltung",
                             "Balken: Zahl der Teilnehmenden je Veranstaltung im Quartal."});
    return s;
}

Section german() {
    Section s{"german", "Bewerberbörse: Deutschkenntnisse", {}, {}, {}};
    Table t;
    t.id = "candidates_by_german";
    t.title = "Bewerberinnen und Bewerber nach Deutschniveau";
    t.columns = {{"level", "Niveau"}, {"candidates", "Bewerber"}};
    t.totals = Totals::columns;
    t.rows = {
        {Cell::of_text("A1", "A1"), Cell::of_count(12)},
        {Cell::of_text("A2", "A2"), Cell::of_count(1234)},
        {Cell::of_text("B1", "B1"), Cell::of_count(25)},
        {Cell::of_text("B2", "B2"), suppressed(2, Suppression::primary)},
        {Cell::of_text("C1", "C1"), suppressed(6, Suppression::secondary)},
        {Cell::of_text("nicht erfasst", "missing"), Cell::of_count(7)},
        {Cell::of_text("Insgesamt", "total"), Cell::of_count(1286)},
    };
    s.tables.push_back(std::move(t));
    s.charts.push_back(Chart{Chart::Kind::bars, "candidates_by_german", "candidates",
                             "Bewerber nach Deutschniveau",
                             "Balken: Bewerberinnen und Bewerber je Deutschniveau (GER)."});
    return s;
}

Section funnel() {
    Section s{"placements", "Vermittlungsweg", {"Vom Vorschlag bis zur Einstellung."}, {}, {}};
    Table t;
    t.id = "placement_path";
    t.title = "Vorschläge nach Stufe";
    t.columns = {{"stage", "Stufe"}, {"proposals", "Vorschläge"}};
    t.rows = {
        {Cell::of_text("vorgeschlagen", "proposed"), Cell::of_count(40)},
        {Cell::of_text("vorgestellt", "introduced"), Cell::of_count(28)},
        {Cell::of_text("Vorstellungsgespräch", "interview"), Cell::of_count(15)},
        {Cell::of_text("eingestellt", "hired"), suppressed(3, Suppression::primary)},
    };
    s.tables.push_back(std::move(t));
    s.charts.push_back(Chart{Chart::Kind::funnel, "placement_path", "proposals",
                             "Vermittlungstrichter",
                             "Trichter: Vorschläge, Vorstellungen, Gespräche, Einstellungen."});
    return s;
}

Section districts() {
    Section s{"districts", "Bewerber nach Landkreis", {}, {}, {}};
    Table t;
    t.id = "candidates_by_district";
    t.title = "Bewerber nach Landkreis";
    t.columns = {{"district", "Landkreis"}, {"candidates", "Bewerber"}};
    t.totals = Totals::columns;
    const std::pair<const char*, const char*> names[] = {{"15001", "Dessau-Roßlau"},
                                                         {"15002", "Halle (Saale)"},
                                                         {"15003", "Magdeburg"},
                                                         {"15081", "Altmarkkreis Salzwedel"},
                                                         {"15082", "Anhalt-Bitterfeld"},
                                                         {"15083", "Börde"},
                                                         {"15084", "Burgenlandkreis"},
                                                         {"15085", "Harz"},
                                                         {"15086", "Jerichower Land"},
                                                         {"15087", "Mansfeld-Südharz"},
                                                         {"15088", "Saalekreis"},
                                                         {"15089", "Salzlandkreis"},
                                                         {"15090", "Stendal"}};
    const std::int64_t counts[] = {2, 61, 48, 5, 9, 7, 12, 15, 6, 8, 10, 13, 4};
    std::int64_t total = 0;
    for (std::size_t i = 0; i < std::size(names); ++i) {
        auto count = Cell::of_count(counts[i]);
        if (counts[i] <= 3) {
            count.suppression = Suppression::primary;
        }
        total += counts[i];
        t.rows.push_back({Cell::of_text(names[i].second, names[i].first), count});
    }
    // Wittenberg (15091) has no row: the map shows it without a value.
    t.rows.push_back({Cell::of_text("nicht erfasst", "missing"), Cell::of_count(5)});
    t.rows.push_back({Cell::of_text("Insgesamt", "total"), Cell::of_count(total + 5)});
    s.tables.push_back(std::move(t));
    s.charts.push_back(
        Chart{Chart::Kind::map, "candidates_by_district", "candidates", "Bewerber nach Landkreis",
              "Karte Sachsen-Anhalts: Landkreise nach Zahl der Bewerber schattiert."});
    return s;
}

} // namespace

report::Report sample_report() {
    report::Report r;
    r.kind = "quarterly";
    r.title = "Quartalsbericht 2027Q1";
    r.period = "2027Q1";
    r.first = *Date::from_ymd(2027, 1, 1);
    r.last = *Date::from_ymd(2027, 3, 31);
    r.reference_day = *Date::from_ymd(2027, 4, 2);
    r.lang = "de";
    r.network = "Unternehmensnetzwerk Integration Sachsen-Anhalt";
    r.min_cell = 3;
    r.sections = {events(), german(), funnel(), districts()};
    return r;
}

} // namespace werkstatt::test
