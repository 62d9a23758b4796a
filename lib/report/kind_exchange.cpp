// SPDX-License-Identifier: GPL-3.0-or-later
// The exchange report (Bewerberbörse): the proposals still open at the period's end and their
// state, per company. It names candidates by the agency's reference and a pseudonym only: no
// name, no birth date, no nationality (the store query does not read them).
#include "report/kinds.hpp"
#include "report/sections.hpp"

#include <fmt/format.h>

namespace werkstatt::report {

Report exchange(Database& db, const Request& request, const ReportSettings& settings) {
    const auto lang = request.lang;
    auto report = start_report(
        request, settings,
        fmt::format(fmt::runtime(tr(lang, "Open proposals {}")), request.period.str()));
    Section section;
    section.id = "proposals";
    section.title = tr(lang, "Open proposals per company");
    Table table;
    table.id = "open_proposals";
    table.title = tr(lang, "Proposals still open at the period's end");
    table.label_columns = 6;
    table.columns = {{"company", tr(lang, "Company")},        {"opening", tr(lang, "Opening")},
                     {"opening_title", tr(lang, "Title")},    {"reference", tr(lang, "Reference")},
                     {"pseudonym", tr(lang, "Pseudonym")},    {"step", tr(lang, "Step")},
                     {"proposed_on", tr(lang, "Proposed on")}};
    const auto rows = open_proposals(db, iso(request.period.last()));
    for (const auto& p : rows) {
        table.rows.push_back({Cell::of_text(p.company_name, p.company_key),
                              Cell::of_text(std::to_string(p.opening_id)),
                              Cell::of_text(p.opening_title), Cell::of_text(p.candidate_reference),
                              Cell::of_text(fmt::format("B-{}", p.candidate_id)),
                              Cell::of_text(step_label(p.step, lang), p.step),
                              Cell::of_date(*Date::parse(p.proposed_on))});
    }
    table.note = tr(lang, "The pseudonym is B- and the candidate's number in werkstatt; it stays "
                          "the same in every report.");
    section.paragraphs.push_back(
        fmt::format(fmt::runtime(trn(lang, "{} proposal is still open.",
                                     "{} proposals are still open.", rows.size())),
                    format_count(static_cast<std::int64_t>(rows.size()), lang)));
    section.tables.push_back(std::move(table));
    report.sections.push_back(std::move(section));
    return report;
}

} // namespace werkstatt::report
