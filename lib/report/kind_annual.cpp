// SPDX-License-Identifier: GPL-3.0-or-later
// The annual report (Sachbericht) for the IQ Netzwerk and the funders: the year with one column
// per quarter, the hosting rotation, member development and what the Werkstatt achieved.
#include "report/kinds.hpp"
#include "report/sections.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt::report {

namespace {

// A quarter of the period, clipped to the period's days.
struct Slice {
    Quarter quarter;
    std::string first;
    std::string last;
};

std::vector<Slice> slices_of(const Period& period) {
    std::vector<Slice> out;
    for (auto q = Quarter::containing(period.first()); q.first_day() <= period.last();
         q = q.next()) {
        const auto first = std::max(q.first_day(), period.first());
        const auto last = std::min(q.last_day(), period.last());
        out.push_back(Slice{q, iso(first), iso(last)});
    }
    return out;
}

int bucket(const Quarter& q) {
    return q.year * 4 + q.q - 1;
}

// Return the columns label, one per quarter (q1, q2, ...) and the period's total ("year").
std::vector<Column> quarter_columns(Column label, const std::vector<Slice>& slices, Language lang) {
    std::vector<Column> columns = {std::move(label)};
    for (std::size_t i = 0; i < slices.size(); ++i) {
        columns.push_back({fmt::format("q{}", i + 1), slices[i].quarter.str()});
    }
    columns.push_back({"year", tr(lang, "Period")});
    return columns;
}

// Return the count of `counts` in `slice`'s bucket.
std::int64_t in_bucket(const std::vector<QuarterCount>& counts,
                       const std::optional<std::string>& key, const Slice& slice) {
    std::int64_t n = 0;
    for (const auto& c : counts) {
        if (c.key == key && c.bucket == bucket(slice.quarter)) {
            n += c.count;
        }
    }
    return n;
}

// Append the row total to each body row (the Totals::both corner column).
void add_row_totals(std::vector<CountRow>& rows) {
    for (auto& row : rows) {
        std::int64_t sum = 0;
        for (const auto n : row.counts) {
            sum += n;
        }
        row.counts.push_back(sum);
    }
}

Section exchange_by_quarter(Database& db, const Period& period, const std::vector<Slice>& slices,
                            Language lang) {
    Section section;
    section.id = "exchange_by_quarter";
    section.title = tr(lang, "Applicant exchange by quarter");
    const auto first = iso(period.first());
    const auto last = iso(period.last());
    const auto by_group = new_candidates_by_quarter_by_group(db, first, last);
    for (const auto group : candidate_groups()) {
        const auto& counts = by_group[static_cast<std::size_t>(group)];
        // The group's rows in the fixed order of group_rows; keys (codes) say which counts go
        // where; residence statuses are grouped by their work rule there, so sum per group here.
        std::vector<CandidateCount> per_key;
        for (const auto& c : counts) {
            if (std::none_of(per_key.begin(), per_key.end(),
                             [&](const CandidateCount& k) { return k.key == c.key; })) {
                per_key.push_back(CandidateCount{c.key, 0, 0, 0});
            }
        }
        std::vector<CountRow> rows;
        for (std::size_t i = 0; i < slices.size(); ++i) {
            std::vector<CandidateCount> quarter;
            for (const auto& k : per_key) {
                quarter.push_back(CandidateCount{k.key, in_bucket(counts, k.key, slices[i]), 0, 0});
            }
            const auto grouped = group_rows(group, quarter, lang);
            if (rows.empty()) {
                for (const auto& g : grouped) {
                    rows.push_back(CountRow{g.labels, {}});
                }
            }
            for (std::size_t r = 0; r < grouped.size() && r < rows.size(); ++r) {
                rows[r].counts.push_back(grouped[r].counts[0]);
            }
        }
        add_row_totals(rows);
        auto table =
            count_table("new_candidates_by_" + group_id(group),
                        trf(lang, "New candidates by {} and quarter", group_title(group, lang)),
                        quarter_columns({group_id(group), group_title(group, lang)}, slices, lang),
                        1, rows, Totals::both, lang);
        table.note = tr(lang, "New: entered in the quarter.");
        // Every breakdown counts the same candidates: their total rows must hide alike.
        table.margin_group = "new-candidates";
        section.tables.push_back(std::move(table));
    }

    const auto hires = hires_by_quarter(db, first, last);
    std::vector<CountRow> hire_rows;
    for (const auto& s : slices) {
        hire_rows.push_back(
            CountRow{{Cell::of_text(s.quarter.str(), s.quarter.str())}, {in_bucket(hires, {}, s)}});
    }
    section.tables.push_back(
        count_table("hires_by_quarter", tr(lang, "Hires per quarter"),
                    {{"quarter", tr(lang, "Quarter")}, {"hires", tr(lang, "Hires")}}, 1, hire_rows,
                    Totals::columns, lang));
    section.charts.push_back(Chart{Chart::Kind::bars, "hires_by_quarter", "hires",
                                   tr(lang, "Hires per quarter"),
                                   tr(lang, "Bars: the number of hires in each quarter.")});

    Table openings;
    openings.id = "openings_by_quarter";
    openings.title = tr(lang, "Openings per quarter");
    openings.columns = quarter_columns({"measure", tr(lang, "Openings")}, slices, lang);
    std::vector<OpeningCounts> per_quarter;
    for (const auto& s : slices) {
        per_quarter.push_back(count_openings(db, s.first, s.last));
    }
    per_quarter.push_back(count_openings(db, first, last));
    const std::pair<const char*, std::int64_t OpeningCounts::*> measures[] = {
        {"new", &OpeningCounts::created},
        {"open", &OpeningCounts::open},
        {"filled", &OpeningCounts::filled}};
    for (const auto& [code, member] : measures) {
        const std::string label = code == std::string("new")    ? tr(lang, "new in the period")
                                  : code == std::string("open") ? tr(lang, "open in the period")
                                                                : tr(lang, "filled in the period");
        std::vector<Cell> row = {Cell::of_text(label, code)};
        for (const auto& c : per_quarter) {
            row.push_back(Cell::of_count(c.*member));
        }
        openings.rows.push_back(std::move(row));
    }
    openings.note = tr(lang, "Open and filled are counted per quarter; an opening open in two "
                             "quarters counts in both and once in the period.");
    section.tables.push_back(std::move(openings));

    std::vector<CountRow> by_company;
    std::vector<std::vector<CompanyHires>> company_quarters;
    for (const auto& s : slices) {
        company_quarters.push_back(hires_by_company(db, s.first, s.last));
    }
    for (const auto& c : hires_by_company(db, first, last)) {
        CountRow row{{Cell::of_text(c.name, c.key)}, {}};
        for (const auto& q : company_quarters) {
            std::int64_t n = 0;
            for (const auto& h : q) {
                if (h.key == c.key) {
                    n = h.hires;
                }
            }
            row.counts.push_back(n);
        }
        by_company.push_back(std::move(row));
    }
    add_row_totals(by_company);
    section.tables.push_back(
        count_table("hires_by_company", tr(lang, "Hires by company and quarter"),
                    quarter_columns({"company", tr(lang, "Company")}, slices, lang), 1, by_company,
                    Totals::both, lang));
    return section;
}

Section member_development(Database& db, const Period& period, const std::vector<Slice>& slices,
                           Language lang) {
    Section section;
    section.id = "member_development";
    section.title = tr(lang, "Member development");
    const auto changes = member_changes(db, iso(period.first()), iso(period.last()));
    std::vector<CountRow> rows;
    for (const auto& s : slices) {
        CountRow row{{Cell::of_text(s.quarter.str(), s.quarter.str())}, {0, 0}};
        for (const auto& c : changes) {
            if (c.bucket == bucket(s.quarter)) {
                row.counts = {c.joined, c.left};
            }
        }
        rows.push_back(std::move(row));
    }
    auto table = count_table("member_changes", tr(lang, "Members joined and left"),
                             {{"quarter", tr(lang, "Quarter")},
                              {"joined", tr(lang, "Joined")},
                              {"left", tr(lang, "Left")}},
                             1, rows, Totals::none, lang);
    table.note = tr(lang, "Joined: member since a day of the quarter. Left: left the network on a "
                          "day of the quarter.");
    section.tables.push_back(std::move(table));
    return section;
}

Section achieved(Database& db, const Period& period, Language lang) {
    Section section;
    section.id = "achieved";
    section.title = tr(lang, "What the Werkstatt achieved");
    Table table;
    table.id = "attended_and_hired";
    table.title = tr(lang, "Members that attended events and later hired through the exchange");
    table.columns = {{"company", tr(lang, "Company")},
                     {"first_attended", tr(lang, "First attended")},
                     {"hires", tr(lang, "Hires since")}};
    std::int64_t attended = 0;
    for (const auto& m : member_activity(db, iso(period.first()), iso(period.last()))) {
        if (!m.first_attended) {
            continue;
        }
        ++attended;
        if (m.hires_after_attending > 0) {
            table.rows.push_back({Cell::of_text(m.name, m.key),
                                  Cell::of_date(*Date::parse(*m.first_attended)),
                                  Cell::of_count(m.hires_after_attending)});
        }
    }
    section.paragraphs.push_back(
        trf(lang,
            "{} member companies attended events in the period; {} of them "
            "later hired through the exchange.",
            format_count(attended, lang),
            format_count(static_cast<std::int64_t>(table.rows.size()), lang)));
    table.note = tr(lang, "Hires on or after the company's first attended event of the period.");
    section.tables.push_back(std::move(table));
    return section;
}

} // namespace

Report annual(Database& db, const Request& request, const ReportSettings& settings) {
    const auto lang = request.lang;
    auto report =
        start_report(request, settings, trf(lang, "Annual report {}", request.period.str()));
    const auto& period = request.period;
    const auto slices = slices_of(period);
    const auto first = iso(period.first());
    const auto last = iso(period.last());
    report.sections.push_back(events_section(db, first, last, lang));
    report.sections.push_back(exchange_by_quarter(db, period, slices, lang));
    auto rotation = rotation_section(db, first, last, request.planner, lang);
    report.sections.push_back(std::move(rotation));
    report.sections.push_back(member_development(db, period, slices, lang));
    report.sections.push_back(achieved(db, period, lang));
    report.sections.push_back(advisory_section(db, period.last(), request.verify_after_days, lang));
    return report;
}

} // namespace werkstatt::report
