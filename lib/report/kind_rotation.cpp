// SPDX-License-Identifier: GPL-3.0-or-later
// The rotation report (Gastgeber): who hosted when, who hosts next, and who can host and never
// has, by district and region.
#include "plan/settings.hpp"
#include "reference/plz_directory.hpp"
#include "report/kinds.hpp"
#include "report/sections.hpp"
#include "store/company_store.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace werkstatt::report {

namespace {

Cell district_cell(const std::optional<std::string>& ags, Language lang) {
    return group_label(CandidateGroup::district, ags, lang);
}

// The region of a district as the planner splits Sachsen-Anhalt (planner.north_districts).
Cell region_cell(const std::optional<std::string>& ags, const std::vector<std::string>& north,
                 Language lang) {
    switch (region_of_district(ags, north)) {
    case Region::north:
        return Cell::of_text(tr(lang, "north"), "north");
    case Region::south:
        return Cell::of_text(tr(lang, "south"), "south");
    case Region::unknown:
        break;
    }
    return Cell::of_missing();
}

Table events_table(std::string id, std::string title, const std::vector<ReportEventRow>& events,
                   const std::map<std::string, std::optional<std::string>>& district_of,
                   const std::vector<std::string>& north, Language lang) {
    Table table;
    table.id = std::move(id);
    table.title = std::move(title);
    table.label_columns = 5;
    table.columns = {{"date", tr(lang, "Date")},
                     {"host", tr(lang, "Host")},
                     {"kind", tr(lang, "Kind")},
                     {"district", tr(lang, "District")},
                     {"region", tr(lang, "Region")}};
    for (const auto& e : events) {
        const auto found = district_of.find(e.host_key);
        const auto ags = found == district_of.end() ? std::nullopt : found->second;
        table.rows.push_back({Cell::of_date(*Date::parse(e.date)),
                              Cell::of_text(e.host_name, e.host_key),
                              Cell::of_text(event_kind_label(e.kind, lang), e.kind),
                              district_cell(ags, lang), region_cell(ags, north, lang)});
    }
    return table;
}

// Return the district of every company, archived ones included, by key: where the hosts are.
std::map<std::string, std::optional<std::string>> company_districts(Database& db) {
    std::map<std::string, std::optional<std::string>> out;
    for (const auto& c : list_companies(db, CompanyFilter{true, std::nullopt, false})) {
        out[c.key] = c.district_ags;
    }
    return out;
}

} // namespace

Section rotation_section(Database& db, const std::string& first, const std::string& last,
                         const PlannerSettings& planner, Language lang) {
    Section section;
    section.id = "rotation";
    section.title = tr(lang, "Hosting rotation");
    auto hosted = report_events(db, first, last);
    section.tables.push_back(events_table("hostings", tr(lang, "Who hosted when"), hosted,
                                          company_districts(db), planner.north_districts, lang));
    Table never;
    never.id = "never_hosted";
    never.title = tr(lang, "Can host and never has");
    never.label_columns = 3;
    never.columns = {{"company", tr(lang, "Company")},
                     {"district", tr(lang, "District")},
                     {"region", tr(lang, "Region")},
                     {"member_since", tr(lang, "Member since")}};
    for (const auto& m : member_activity(db, last, last, MemberFigures::membership)) {
        // Who can host: the planner's rule (active, can host, seats enough; blocks aside).
        if (m.active && m.can_host && seats_enough(m.capacity, planner.rules) &&
            m.hosted_ever == 0) {
            never.rows.push_back({Cell::of_text(m.name, m.key), district_cell(m.district_ags, lang),
                                  region_cell(m.district_ags, planner.north_districts, lang),
                                  m.member_since ? Cell::of_date(*Date::parse(*m.member_since))
                                                 : Cell::of_missing()});
        }
    }
    never.note = tr(lang, "Active members that can host (with a venue big enough for the planner) "
                          "and have hosted no Werkstatt meeting up to the period's end.");
    section.tables.push_back(std::move(never));
    return section;
}

Report rotation(Database& db, const Request& request, const ReportSettings& settings) {
    const auto lang = request.lang;
    auto report =
        start_report(request, settings, trf(lang, "Hosting rotation {}", request.period.str()));
    const auto first = iso(request.period.first());
    const auto last = iso(request.period.last());
    report.sections.push_back(rotation_section(db, first, last, request.planner, lang));
    Section next;
    next.id = "next_host";
    next.title = tr(lang, "Who hosts next");
    const auto after = iso(request.period.last() + 1);
    auto planned = report_events(db, after, "9999-12-31");
    planned.erase(std::remove_if(planned.begin(), planned.end(),
                                 [](const ReportEventRow& e) { return e.kind != "werkstatt"; }),
                  planned.end());
    if (planned.size() > 1) {
        planned.resize(1);
    }
    next.tables.push_back(events_table("next_host", tr(lang, "The next Werkstatt meeting"), planned,
                                       company_districts(db), request.planner.north_districts,
                                       lang));
    if (planned.empty()) {
        next.paragraphs.push_back(tr(lang, "No Werkstatt meeting is planned after the period."));
    }
    report.sections.push_back(std::move(next));
    return report;
}

} // namespace werkstatt::report
