// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/sections.hpp"

#include "advisory/advisors.hpp"
#include "reference/plz_directory.hpp"
#include "reference/work_rules.hpp"
#include "store/advisory_store.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt::report {

namespace {

constexpr const char* k_german_levels[] = {"A1", "A2", "B1", "B2", "C1", "C2", "native"};

const WorkPermission k_permissions[] = {
    WorkPermission::free,        WorkPermission::title_job,
    WorkPermission::limited,     WorkPermission::permit_required,
    WorkPermission::not_allowed, WorkPermission::unknown,
};

std::string permission_label(WorkPermission p, Language lang) {
    switch (p) {
    case WorkPermission::free:
        return tr(lang, "may work freely");
    case WorkPermission::title_job:
        return tr(lang, "may work in the job the title names");
    case WorkPermission::limited:
        return tr(lang, "may work within limits");
    case WorkPermission::permit_required:
        return tr(lang, "needs a permit per job");
    case WorkPermission::not_allowed:
        return tr(lang, "may not work");
    case WorkPermission::unknown:
        return tr(lang, "work permission unclear");
    }
    return "";
}

// Return the counts of one group as a row of `columns` values: new, active (and hired for
// districts).
std::vector<std::int64_t> values_of(CandidateGroup group, const CandidateCount& c) {
    if (group == CandidateGroup::district) {
        return {c.new_count, c.active_count, c.hired};
    }
    return {c.new_count, c.active_count};
}

void add_into(std::vector<std::int64_t>& into, const std::vector<std::int64_t>& values) {
    if (into.size() < values.size()) {
        into.resize(values.size(), 0);
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        into[i] += values[i];
    }
}

} // namespace

std::string iso(const Date& day) {
    return fmt::format("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
}

Table count_table(std::string id, std::string title, std::vector<Column> columns,
                  std::size_t label_columns, const std::vector<CountRow>& rows, Totals totals,
                  Language lang) {
    Table table;
    table.id = std::move(id);
    table.title = std::move(title);
    table.label_columns = label_columns;
    table.totals = totals;
    const auto values = columns.size() - label_columns;
    table.columns = std::move(columns);
    std::vector<std::int64_t> sums(values, 0);
    for (const auto& row : rows) {
        std::vector<Cell> cells = row.labels;
        for (std::size_t v = 0; v < values; ++v) {
            const auto n = v < row.counts.size() ? row.counts[v] : 0;
            cells.push_back(Cell::of_count(n));
            sums[v] += n;
        }
        table.rows.push_back(std::move(cells));
    }
    std::vector<Cell> total;
    total.push_back(Cell::of_text(tr(lang, "Total"), "total"));
    for (std::size_t l = 1; l < label_columns; ++l) {
        total.push_back(Cell{});
    }
    for (const auto n : sums) {
        total.push_back(Cell::of_count(n));
    }
    table.rows.push_back(std::move(total));
    return table;
}

const std::vector<CandidateGroup>& candidate_groups() {
    static const std::vector<CandidateGroup> all = {
        CandidateGroup::district, CandidateGroup::german, CandidateGroup::occupation_area,
        CandidateGroup::residence_status};
    return all;
}

std::string group_id(CandidateGroup group) {
    switch (group) {
    case CandidateGroup::district:
        return "district";
    case CandidateGroup::german:
        return "german";
    case CandidateGroup::occupation_area:
        return "occupation_area";
    case CandidateGroup::residence_status:
        return "residence_group";
    }
    return "";
}

std::string group_title(CandidateGroup group, Language lang) {
    switch (group) {
    case CandidateGroup::district:
        return tr(lang, "District");
    case CandidateGroup::german:
        return tr(lang, "German level");
    case CandidateGroup::occupation_area:
        return tr(lang, "Occupation area (KldB)");
    case CandidateGroup::residence_status:
        return tr(lang, "Residence status group");
    }
    return "";
}

Cell group_label(CandidateGroup group, const std::optional<std::string>& key, Language lang) {
    if (!key) {
        return Cell::of_text(tr(lang, "not recorded"), "missing");
    }
    switch (group) {
    case CandidateGroup::district: {
        const auto d = PlzDirectory::shipped().district(*key);
        return Cell::of_text(d ? d->name : *key, *key);
    }
    case CandidateGroup::german:
        return Cell::of_text(*key == "native" ? tr(lang, "native speaker") : *key, *key);
    case CandidateGroup::occupation_area:
        return Cell::of_text(trf(lang, "Berufsbereich {}", *key), *key);
    case CandidateGroup::residence_status:
        break;
    }
    return Cell::of_text(*key, *key);
}

std::vector<CountRow> group_rows(CandidateGroup group, const std::vector<CandidateCount>& counts,
                                 Language lang) {
    std::vector<std::string> keys;
    switch (group) {
    case CandidateGroup::district:
        for (const auto& d : PlzDirectory::shipped().districts()) {
            keys.push_back(d.ags);
        }
        break;
    case CandidateGroup::german:
        keys.assign(std::begin(k_german_levels), std::end(k_german_levels));
        break;
    case CandidateGroup::occupation_area:
        for (int digit = 0; digit <= 9; ++digit) {
            keys.push_back(std::to_string(digit));
        }
        break;
    case CandidateGroup::residence_status:
        for (const auto p : k_permissions) {
            keys.emplace_back(to_string(p));
        }
        break;
    }
    const auto width = group == CandidateGroup::district ? 3U : 2U;
    std::vector<CountRow> rows;
    for (const auto& key : keys) {
        CountRow row;
        if (group == CandidateGroup::residence_status) {
            const auto p = parse_work_permission(key).value_or(WorkPermission::unknown);
            row.labels.push_back(Cell::of_text(permission_label(p, lang), key));
        } else {
            row.labels.push_back(group_label(group, key, lang));
        }
        row.counts.assign(width, 0);
        rows.push_back(std::move(row));
    }
    CountRow missing{{group_label(group, std::nullopt, lang)}, std::vector<std::int64_t>(width, 0)};
    for (const auto& c : counts) {
        std::optional<std::string> key = c.key;
        if (group == CandidateGroup::residence_status && key) {
            const auto status = parse_residence_status(*key);
            key = status ? std::optional<std::string>(std::string(
                               to_string(WorkRules::shipped().rule(*status).permission)))
                         : std::nullopt;
        }
        auto it = key ? std::find_if(rows.begin(), rows.end(),
                                     [&](const CountRow& r) { return r.labels[0].code == *key; })
                      : rows.end();
        if (key && it == rows.end()) {
            // A value outside the list (a code werkstatt does not know): its own row, sorted in.
            rows.push_back(CountRow{{group_label(group, key, lang)}, {}});
            it = rows.end() - 1;
        }
        add_into(it == rows.end() ? missing.counts : it->counts, values_of(group, c));
    }
    rows.push_back(std::move(missing));
    return rows;
}

std::string step_label(const std::string& step, Language lang) {
    if (step == "proposed") {
        return tr(lang, "proposed, not yet introduced");
    }
    if (step == "introduced") {
        return tr(lang, "introduced to the company");
    }
    if (step == "interview") {
        return tr(lang, "in an interview");
    }
    if (step == "hired") {
        return tr(lang, "hired");
    }
    if (step == "declined") {
        return tr(lang, "declined");
    }
    if (step == "withdrawn") {
        return tr(lang, "withdrawn");
    }
    return step;
}

std::string event_kind_label(const std::string& kind, Language lang) {
    if (kind == "werkstatt") {
        return tr(lang, "Werkstatt meeting");
    }
    if (kind == "site-visit") {
        return tr(lang, "site visit");
    }
    if (kind == "fireside") {
        return tr(lang, "fireside talk");
    }
    return kind;
}

Section events_section(Database& db, const std::string& first, const std::string& last,
                       Language lang) {
    Section section;
    section.id = "events";
    section.title = tr(lang, "Events");
    const auto events = report_events(db, first, last);
    const auto turnout = member_turnout(db, first, last);
    if (turnout.members > 0) {
        const double share =
            100.0 * static_cast<double>(turnout.came) / static_cast<double>(turnout.members);
        section.paragraphs.push_back(trf(lang, "{} of {} member companies came to an event ({} %).",
                                         format_count(turnout.came, lang),
                                         format_count(turnout.members, lang),
                                         format_number(share, 0, lang)));
    }
    Table table;
    table.id = "events";
    table.title = tr(lang, "Events and attendance");
    table.label_columns = 4;
    table.columns = {{"date", tr(lang, "Date")},
                     {"host", tr(lang, "Host")},
                     {"kind", tr(lang, "Kind")},
                     {"topics", tr(lang, "Topics")},
                     {"registered", tr(lang, "Registered")},
                     {"attended", tr(lang, "Attended")},
                     {"excused", tr(lang, "Excused")},
                     {"no_show", tr(lang, "No-show")},
                     {"companies", tr(lang, "Companies represented")}};
    for (const auto& e : events) {
        table.rows.push_back(
            {Cell::of_date(*Date::parse(e.date)), Cell::of_text(e.host_name, e.host_key),
             Cell::of_text(event_kind_label(e.kind, lang), e.kind), Cell::of_text(e.topics),
             Cell::of_count(e.registered), Cell::of_count(e.attended), Cell::of_count(e.excused),
             Cell::of_count(e.no_show), Cell::of_count(e.companies)});
    }
    table.note = tr(lang, "Registered counts every registration; companies represented counts "
                          "the companies with someone who attended.");
    section.tables.push_back(std::move(table));
    section.charts.push_back(Chart{Chart::Kind::bars, "events", "attended",
                                   tr(lang, "Attendance per event"),
                                   tr(lang, "Bars: the number of people who attended each event "
                                            "of the period, by date.")});
    return section;
}

Section advisory_section(Database& db, const Date& day, std::int64_t verify_after_days,
                         Language lang) {
    Section section;
    section.id = "advisory";
    section.title = tr(lang, "Advisory map");
    const auto services = list_advisors(db);
    const VerifyPolicy policy{day, verify_after_days};
    Table table;
    table.id = "advisory_due";
    table.title = tr(lang, "Services due for checking");
    table.label_columns = 2;
    table.columns = {{"organisation", tr(lang, "Organisation")},
                     {"service", tr(lang, "Service")},
                     {"last_verified", tr(lang, "Last verified")}};
    for (const auto& s : services) {
        if (!needs_check(s, policy)) {
            continue;
        }
        const auto verified =
            s.last_verified ? Cell::of_date(*s.last_verified) : Cell::of_missing();
        table.rows.push_back(
            {Cell::of_text(s.organisation, s.key), Cell::of_text(s.service), verified});
    }
    section.paragraphs.push_back(trf(
        lang, "{} of {} advisory services are due for checking on {}.",
        format_count(static_cast<std::int64_t>(table.rows.size()), lang),
        format_count(static_cast<std::int64_t>(services.size()), lang), format_date(day, lang)));
    table.note = trf(lang,
                     "A service is due when it was never verified or last verified more "
                     "than {} days before.",
                     policy.verify_after_days);
    section.tables.push_back(std::move(table));
    return section;
}

Section next_section(Database& db, const std::string& first, const std::string& last,
                     Language lang) {
    Section section;
    section.id = "next";
    section.title = tr(lang, "Next quarter");
    Table table;
    table.id = "next_events";
    table.title = tr(lang, "Planned events");
    table.label_columns = 4;
    table.columns = {{"date", tr(lang, "Date")},
                     {"host", tr(lang, "Host")},
                     {"kind", tr(lang, "Kind")},
                     {"topics", tr(lang, "Topics")}};
    for (const auto& e : report_events(db, first, last)) {
        table.rows.push_back(
            {Cell::of_date(*Date::parse(e.date)), Cell::of_text(e.host_name, e.host_key),
             Cell::of_text(event_kind_label(e.kind, lang), e.kind), Cell::of_text(e.topics)});
    }
    section.tables.push_back(std::move(table));
    return section;
}

} // namespace werkstatt::report
