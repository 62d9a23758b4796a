// SPDX-License-Identifier: GPL-3.0-or-later
// The members report (Mitglieder): per member company of the period, member since, contacts,
// events attended of those held, events hosted, openings and hires.
#include "report/kinds.hpp"
#include "report/sections.hpp"

#include <fmt/format.h>

namespace werkstatt::report {

Report members(Database& db, const Request& request, const ReportSettings& settings) {
    const auto lang = request.lang;
    auto report = start_report(request, settings, trf(lang, "Members {}", request.period.str()));
    const auto first = iso(request.period.first());
    const auto last = iso(request.period.last());
    const auto held = held_events(db, first, last);
    Section section;
    section.id = "members";
    section.title = tr(lang, "Member companies");
    section.paragraphs.push_back(fmt::format(
        fmt::runtime(trn(lang, "{} event was held in the period.",
                         "{} events were held in the period.", static_cast<std::uint64_t>(held))),
        format_count(held, lang)));
    Table table;
    table.id = "members";
    table.title = tr(lang, "Per member company");
    table.label_columns = 1;
    table.columns = {
        {"company", tr(lang, "Company")},         {"member_since", tr(lang, "Member since")},
        {"contacts", tr(lang, "Contacts")},       {"events_attended", tr(lang, "Events attended")},
        {"events_held", tr(lang, "Events held")}, {"hosted", tr(lang, "Hosted")},
        {"openings", tr(lang, "Openings")},       {"hires", tr(lang, "Hires")}};
    for (const auto& m : member_activity(db, first, last)) {
        table.rows.push_back(
            {Cell::of_text(m.name, m.key),
             m.member_since ? Cell::of_date(*Date::parse(*m.member_since)) : Cell::of_missing(),
             Cell::of_count(m.contacts), Cell::of_count(m.events_attended), Cell::of_count(held),
             Cell::of_count(m.hosted), Cell::of_count(m.openings), Cell::of_count(m.hires)});
    }
    table.note = tr(lang, "Members on some day of the period. Openings: open in the period.");
    section.tables.push_back(std::move(table));
    report.sections.push_back(std::move(section));
    return report;
}

} // namespace werkstatt::report
