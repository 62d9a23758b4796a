// SPDX-License-Identifier: GPL-3.0-or-later
// The exchange report (Bewerberbörse): the proposals still open at the period's end and their
// state, per company; and whether the hires stayed (the follow-ups six months after the hire). It
// names candidates by the agency's reference and a pseudonym only: no name, no birth date, no
// nationality (the store query does not read them).
#include "match/followups.hpp"
#include "report/kinds.hpp"
#include "report/sections.hpp"

#include <fmt/format.h>

namespace werkstatt::report {

namespace {

constexpr int k_retention_months = 6;

// Whether the hires whose 6-month follow-up fell due in the period stayed: persons counted once,
// under disclosure control; the share only where no count of it is hidden.
Section retention_section(Database& db, const Request& request, const ReportSettings& settings) {
    const auto lang = request.lang;
    const auto counts =
        retention(db, k_retention_months, request.period.first(), request.period.last());
    Section section;
    section.id = "retention";
    section.title = tr(lang, "Six months after the hire");
    const std::vector<CountRow> rows = {
        {{Cell::of_text(tr(lang, "still at the company"), "employed")}, {counts.employed}},
        {{Cell::of_text(tr(lang, "employed elsewhere"), "changed-employer")},
         {counts.changed_employer}},
        {{Cell::of_text(tr(lang, "no longer employed"), "left")}, {counts.left}}};
    auto table = count_table("retention_6m", tr(lang, "Hires six months on"),
                             {{"outcome", tr(lang, "Outcome")}, {"persons", tr(lang, "Persons")}},
                             1, rows, Totals::columns, lang);
    table.note = tr(lang, "Hires whose follow-up six months after the hire fell due in the "
                          "period and was answered; a person who left earlier counts as no "
                          "longer employed.");
    section.tables.push_back(std::move(table));
    const auto known = counts.employed + counts.changed_employer + counts.left;
    const auto shown = [&](int n) { return n == 0 || n > settings.min_cell; };
    if (known == 0) {
        section.paragraphs.push_back(
            tr(lang, "No follow-up six months after a hire fell due in the period."));
    } else if (shown(counts.employed) && shown(counts.changed_employer) && shown(counts.left)) {
        section.paragraphs.push_back(fmt::format(
            // xgettext:no-c-format
            fmt::runtime(tr(lang, "{} % of them were still employed six months after the hire.")),
            format_number(100.0 * (counts.employed + counts.changed_employer) / known, 0, lang)));
    } else {
        section.paragraphs.push_back(tr(lang, "The share still employed is not published: too "
                                              "few persons."));
    }
    return section;
}

} // namespace

Report exchange(Database& db, const Request& request, const ReportSettings& settings) {
    const auto lang = request.lang;
    auto report =
        start_report(request, settings, trf(lang, "Open proposals {}", request.period.str()));
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
    report.sections.push_back(retention_section(db, request, settings));
    return report;
}

} // namespace werkstatt::report
