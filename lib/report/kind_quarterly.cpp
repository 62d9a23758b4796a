// SPDX-License-Identifier: GPL-3.0-or-later
// The quarterly report (Quartalsbericht) for the members: the period's events, the applicant
// exchange, the advisory map's services due for checking, and the next quarter.
#include "report/kinds.hpp"
#include "report/sections.hpp"

#include <fmt/format.h>

namespace werkstatt::report {

namespace {

std::vector<Column> group_columns(CandidateGroup group, Language lang) {
    return {{group_id(group), group_title(group, lang)},
            {"new", tr(lang, "New")},
            {"active", tr(lang, "Active")}};
}

} // namespace

Section exchange_section(Database& db, const std::string& first, const std::string& last,
                         Language lang) {
    Section section;
    section.id = "exchange";
    section.title = tr(lang, "Applicant exchange");
    std::vector<CountRow> hires_by_district;
    const auto counts = count_candidates_by_group(db, first, last);
    for (const auto group : candidate_groups()) {
        auto rows = group_rows(group, counts[static_cast<std::size_t>(group)], lang);
        if (group == CandidateGroup::district) {
            // The hires go to a table of their own: the breakdowns below share one total row
            // (new, active) that disclosure control keeps alike in all of them.
            for (auto& row : rows) {
                hires_by_district.push_back(CountRow{row.labels, {row.counts.at(2)}});
                row.counts.resize(2);
            }
        }
        auto table = count_table("candidates_by_" + group_id(group),
                                 trf(lang, "Candidates by {}", group_title(group, lang)),
                                 group_columns(group, lang), 1, rows, Totals::columns, lang);
        table.note = tr(lang, "New: entered in the period. Active: in the exchange on some day of "
                              "the period.");
        // Every breakdown counts the same candidates: their total rows must hide alike.
        table.margin_group = "candidates";
        section.tables.push_back(std::move(table));
    }
    section.charts.push_back(Chart{Chart::Kind::map, "candidates_by_district", "active",
                                   tr(lang, "Active candidates by district"),
                                   tr(lang, "Map of Sachsen-Anhalt's districts, shaded by the "
                                            "number of active candidates.")});
    section.tables.push_back(count_table(
        "hires_by_district", tr(lang, "Hires by district"),
        {{group_id(CandidateGroup::district), group_title(CandidateGroup::district, lang)},
         {"hired", tr(lang, "Hired")}},
        1, hires_by_district, Totals::columns, lang));
    section.charts.push_back(Chart{Chart::Kind::map, "hires_by_district", "hired",
                                   tr(lang, "Hires by district"),
                                   tr(lang, "Map of Sachsen-Anhalt's districts, shaded by the "
                                            "number of candidates hired.")});
    section.charts.push_back(Chart{Chart::Kind::bars, "candidates_by_german", "active",
                                   tr(lang, "Active candidates by German level"),
                                   tr(lang, "Bars: the number of active candidates per German "
                                            "level.")});

    const auto openings = count_openings(db, first, last);
    Table o;
    o.id = "openings";
    o.title = tr(lang, "Openings");
    o.columns = {{"measure", tr(lang, "Openings")}, {"count", tr(lang, "Number")}};
    o.rows = {
        {Cell::of_text(tr(lang, "new in the period"), "new"), Cell::of_count(openings.created)},
        {Cell::of_text(tr(lang, "open in the period"), "open"), Cell::of_count(openings.open)},
        {Cell::of_text(tr(lang, "filled in the period"), "filled"),
         Cell::of_count(openings.filled)}};
    o.note = tr(lang, "Open: created by the period's end and not closed before its start. "
                      "Filled: at least one hire in the period.");
    section.tables.push_back(std::move(o));

    std::vector<CountRow> path;
    const auto steps = placement_path(db, first, last);
    for (const char* step :
         {"proposed", "introduced", "interview", "hired", "declined", "withdrawn"}) {
        std::int64_t n = 0;
        for (const auto& [s, count] : steps) {
            if (s == step) {
                n = count;
            }
        }
        path.push_back(CountRow{{Cell::of_text(step_label(step, lang), step)}, {n}});
    }
    auto p = count_table("placement_path", tr(lang, "Proposals of the period and where they stand"),
                         {{"step", tr(lang, "Step")}, {"placements", tr(lang, "Proposals")}}, 1,
                         path, Totals::columns, lang);
    p.note = tr(lang, "Proposals made in the period, by the step each had reached at its end.");
    section.tables.push_back(std::move(p));
    section.charts.push_back(Chart{Chart::Kind::funnel, "placement_path", "placements",
                                   tr(lang, "From proposal to hire"),
                                   tr(lang, "Funnel: the proposals of the period by the step "
                                            "they reached.")});

    std::vector<CountRow> hires;
    for (const auto& h : hires_by_company(db, first, last)) {
        hires.push_back(CountRow{{Cell::of_text(h.name, h.key)}, {h.hires}});
    }
    section.tables.push_back(
        count_table("hires_by_company", tr(lang, "Hires by company"),
                    {{"company", tr(lang, "Company")}, {"hires", tr(lang, "Hires")}}, 1, hires,
                    Totals::columns, lang));

    Table t;
    t.id = "time_to_hire";
    t.title = tr(lang, "Time to hire");
    t.columns = {{"measure", tr(lang, "Measure")}, {"days", tr(lang, "Days")}};
    const auto median = median_days_to_hire(db, first, last);
    t.rows = {{Cell::of_text(tr(lang, "median days from proposal to hire"), "median"),
               median ? Cell::of_number(*median, 1) : Cell::of_missing()}};
    t.note = tr(lang, "Over the hires of the period; not recorded when there was none.");
    section.tables.push_back(std::move(t));
    return section;
}

Report quarterly(Database& db, const Request& request, const ReportSettings& settings) {
    const auto lang = request.lang;
    auto report =
        start_report(request, settings, trf(lang, "Quarterly report {}", request.period.str()));
    const auto first = iso(request.period.first());
    const auto last = iso(request.period.last());
    report.sections.push_back(events_section(db, first, last, lang));
    report.sections.push_back(exchange_section(db, first, last, lang));
    report.sections.push_back(
        advisory_section(db, request.period.last(), request.verify_after_days, lang));
    const auto next = Quarter::containing(request.period.last() + 1);
    report.sections.push_back(
        next_section(db, iso(next.period().first()), iso(next.period().last()), lang));
    return report;
}

} // namespace werkstatt::report
