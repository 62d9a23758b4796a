// SPDX-License-Identifier: GPL-3.0-or-later
// The esf report: the ESF+ common indicators of the participants (Regulation (EU) 2021/1057,
// Annex I) by gender. Every breakdown is one table whose body rows partition the participants
// (a "not recorded" row for a missing fact, never counted as zero) and whose total row is the
// same in all tables of a cohort (one margin group each), so that disclosure control protects
// them together. The summary of indicator codes is added after disclosure control, from the
// published cells only (esf_summary). The counting rules are in werkstatt-report(1).
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "reference/nationality.hpp"
#include "report/kinds.hpp"
#include "store/esf_store.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>

namespace werkstatt::report {

namespace {

constexpr std::size_t k_genders = 4; // female, male, diverse, unspecified
using Counts = std::array<std::int64_t, k_genders>;

// The margin groups: the participants entering, leaving, and followed up in the period.
constexpr const char* k_entering = "esf-entering";
constexpr const char* k_leaving = "esf-leaving";
constexpr const char* k_followed_up = "esf-followed-up";

// One body row of a breakdown: its code and what people read.
struct Category {
    const char* code;
    std::string label;
};

std::vector<Column> gender_columns(Language lang, std::string first_label) {
    return {{"category", std::move(first_label)},
            {"female", tr(lang, "Women")},
            {"male", tr(lang, "Men")},
            {"diverse", tr(lang, "Non-binary")},
            {"unspecified", tr(lang, "Gender not recorded")},
            {"total", tr(lang, "Total")}};
}

// Return the table `id` with one row per category (counts by gender and their total) and the
// total row; counts of codes not among the categories are a bug of the query.
Table breakdown(Language lang, std::string id, std::string title,
                const std::vector<Category>& categories, const std::map<std::string, Counts>& by,
                const char* group, std::string note = {}) {
    Table table;
    table.id = std::move(id);
    table.title = std::move(title);
    table.columns = gender_columns(lang, tr(lang, "Category"));
    table.totals = Totals::both;
    table.margin_group = group;
    table.note = std::move(note);
    Counts sum{};
    for (const auto& category : categories) {
        const auto found = by.find(category.code);
        const Counts counts = found == by.end() ? Counts{} : found->second;
        std::vector<Cell> row{Cell::of_text(category.label, category.code)};
        std::int64_t total = 0;
        for (std::size_t g = 0; g < k_genders; ++g) {
            row.push_back(Cell::of_count(counts[g]));
            sum[g] += counts[g];
            total += counts[g];
        }
        row.push_back(Cell::of_count(total));
        table.rows.push_back(std::move(row));
    }
    for (const auto& entry : by) {
        // Not a structured binding: clang before 16 cannot capture one in the lambda (make fuzz).
        const auto& code = entry.first;
        if (std::none_of(categories.begin(), categories.end(),
                         [&](const Category& c) { return code == c.code; })) {
            throw Error(ErrorKind::internal,
                        _f("the ESF report met the category '{}' in table {}; please "
                           "report this",
                           code, table.id));
        }
    }
    std::vector<Cell> total_row{Cell::of_text(tr(lang, "Total"), "total")};
    std::int64_t grand = 0;
    for (auto n : sum) {
        total_row.push_back(Cell::of_count(n));
        grand += n;
    }
    total_row.push_back(Cell::of_count(grand));
    table.rows.push_back(std::move(total_row));
    return table;
}

// A table of a sensitive category that is switched off: it says "not collected".
Table not_collected(Language lang, std::string id, std::string title) {
    Table table;
    table.id = std::move(id);
    table.title = std::move(title);
    table.columns = gender_columns(lang, tr(lang, "Category"));
    std::vector<Cell> row{Cell::of_text(tr(lang, "Total"), "total")};
    for (std::size_t g = 0; g <= k_genders; ++g) {
        row.push_back(Cell::of_not_collected());
    }
    table.rows.push_back(std::move(row));
    return table;
}

// The nationalities of a group of participants, with the codes known.
struct Origin {
    std::optional<std::string> foreign_background; // "1", "0" or nothing
    std::optional<bool> born_abroad;               // country of birth other than DE
    std::vector<std::string> codes;                // nationality codes
    std::string nationality_text;                  // where the first nationality has no code
};

// Third-country national (EECO13): not a citizen of the Union. A person with an EU
// nationality is none; a known non-EU nationality, statelessness or an undetermined
// nationality makes one; nothing known: missing.
const char* third_country(const Origin& o) {
    if (std::any_of(o.codes.begin(), o.codes.end(), [](const auto& c) { return is_eu(c); })) {
        return "no";
    }
    if (!o.codes.empty() || is_stateless_or_undetermined(o.nationality_text)) {
        return "yes";
    }
    return "missing";
}

// Foreign background (EECO14): the recorded flag where there is one; else yes when born
// abroad or without German nationality (known nationality, or stateless); German nationals
// born in Germany, or anyone whose facts are unknown, are "not recorded" (their parents' country
// of birth decides, which werkstatt does not hold).
const char* foreign_background(const Origin& o) {
    if (o.foreign_background) {
        return *o.foreign_background == "1" ? "yes" : "no";
    }
    if (o.born_abroad == true) {
        return "yes";
    }
    const bool german = std::find(o.codes.begin(), o.codes.end(), "DE") != o.codes.end();
    if (!german && (!o.codes.empty() || is_stateless_or_undetermined(o.nationality_text))) {
        return "yes";
    }
    return "missing";
}

// The counts of every breakdown, by gender per category code.
struct Tally {
    std::map<std::string, Counts> employment, age, education, completeness, housing, disability,
        minority, third_country, foreign_background, exit, six_months;
};

// Return the counts of every breakdown, summed from the groups of the period in one pass.
Tally tally(Database& db, const Request& request) {
    using Fact = std::optional<std::string> EsfGroup::*;
    using Breakdown = std::map<std::string, Counts> Tally::*;
    constexpr std::array<std::pair<Fact, Breakdown>, 9> facts = {{
        {&EsfGroup::employment, &Tally::employment},
        {&EsfGroup::age, &Tally::age},
        {&EsfGroup::education, &Tally::education},
        {&EsfGroup::completeness, &Tally::completeness},
        {&EsfGroup::housing, &Tally::housing},
        {&EsfGroup::disability, &Tally::disability},
        {&EsfGroup::minority, &Tally::minority},
        {&EsfGroup::exit, &Tally::exit},
        {&EsfGroup::six_months, &Tally::six_months},
    }};
    Tally t;
    esf_participants(db, request.period.first(), request.period.last(), [&](const EsfGroup& group) {
        for (const auto& [fact, breakdown] : facts) {
            if (const auto& code = group.*fact) { // nothing: not in the breakdown's cohort
                (t.*breakdown)[*code][group.gender] += group.count;
            }
        }
        if (!group.employment) { // not entering: no origin
            return;
        }
        Origin o;
        o.foreign_background = group.foreign_background;
        o.born_abroad = group.born_abroad;
        for (const auto* code : {&group.nationality_code, &group.second_nationality_code}) {
            if (*code && !(*code)->empty()) {
                o.codes.push_back(**code);
            }
        }
        o.nationality_text = group.nationality_text;
        t.third_country[third_country(o)][group.gender] += group.count;
        t.foreign_background[foreign_background(o)][group.gender] += group.count;
    });
    return t;
}

Section participants(const Tally& t, const Request& request) {
    const auto lang = request.lang;
    const auto nr = tr(lang, "not recorded");
    Section s;
    s.id = "participants";
    s.title = tr(lang, "Participants entering (output indicators)");
    s.paragraphs.push_back(
        tr(lang, "Participants are the candidates whose entry date lies in the period; every "
                 "fact is counted as it was on entry. Each table adds up to the same total."));
    s.tables.push_back(
        breakdown(lang, "esf_employment", tr(lang, "Labour-market status at entry"),
                  {{"unemployed", tr(lang, "Unemployed (not long-term)")},
                   {"long-term-unemployed", tr(lang, "Long-term unemployed (more than 12 months)")},
                   {"inactive", tr(lang, "Inactive")},
                   {"employed", tr(lang, "Employed, including self-employed")},
                   {"missing", nr}},
                  t.employment, k_entering));
    s.tables.push_back(breakdown(lang, "esf_age", tr(lang, "Age at entry"),
                                 {{"under-18", tr(lang, "Under 18")},
                                  {"18-29", tr(lang, "18 to 29")},
                                  {"30-54", tr(lang, "30 to 54")},
                                  {"55-plus", tr(lang, "55 and over")},
                                  {"missing", nr}},
                                 t.age, k_entering));
    s.tables.push_back(breakdown(lang, "esf_education", tr(lang, "Education at entry (ISCED)"),
                                 {{"isced-0-2", tr(lang, "ISCED 0-2")},
                                  {"isced-3-4", tr(lang, "ISCED 3-4")},
                                  {"isced-5-8", tr(lang, "ISCED 5-8")},
                                  {"missing", nr}},
                                 t.education, k_entering));
    const std::vector<Category> yes_no = {
        {"yes", tr(lang, "Yes")}, {"no", tr(lang, "No")}, {"missing", nr}};
    s.tables.push_back(breakdown(lang, "esf_third_country", tr(lang, "Third-country nationals"),
                                 yes_no, t.third_country, k_entering));
    s.tables.push_back(breakdown(lang, "esf_foreign_background",
                                 tr(lang, "Participants with a foreign background"), yes_no,
                                 t.foreign_background, k_entering));
    const std::vector<Category> sensitive = {{"yes", tr(lang, "Yes")},
                                             {"no", tr(lang, "No")},
                                             {"declined", tr(lang, "Declined to answer")},
                                             {"missing", nr}};
    const auto disability_title = tr(lang, "Participants with disabilities");
    if (request.special_categories) {
        s.tables.push_back(breakdown(lang, "esf_disability", disability_title, sensitive,
                                     t.disability, k_entering));
    } else {
        s.tables.push_back(not_collected(lang, "esf_disability", disability_title));
        s.paragraphs.push_back(tr(lang, "Disability is not collected: "
                                        "privacy.special_categories is switched off."));
    }
    const auto minority_title = tr(lang, "Minorities");
    if (request.special_categories) {
        s.tables.push_back(
            breakdown(lang, "esf_minority", minority_title, sensitive, t.minority, k_entering));
    } else {
        s.tables.push_back(not_collected(lang, "esf_minority", minority_title));
        s.paragraphs.push_back(tr(lang, "Membership of a minority is not collected: "
                                        "privacy.special_categories is switched off."));
    }
    s.tables.push_back(breakdown(lang, "esf_housing",
                                 tr(lang, "Homeless or affected by housing exclusion"), yes_no,
                                 t.housing, k_entering));
    s.tables.push_back(breakdown(
        lang, "esf_completeness", tr(lang, "Records complete under Art. 17(5)"),
        {{"complete", tr(lang, "All items of Annex I point 1.1 recorded")},
         {"incomplete", tr(lang, "Incomplete record")}},
        t.completeness, k_entering,
        tr(lang, "Incomplete: labour-market status, birth date or ISCED level not recorded; "
                 "such participants are transmitted only once their record is complete.")));
    return s;
}

Section results(const Tally& t, const Request& request) {
    const auto lang = request.lang;
    Section s;
    s.id = "results";
    s.title = tr(lang, "Results of participants leaving (result indicators)");
    s.paragraphs.push_back(
        tr(lang, "Immediate results count the participants whose exit date lies in the period, "
                 "by their situation within four weeks of leaving. Longer-term results count "
                 "the participants who left in the same period six months earlier, by their "
                 "situation six months after leaving."));
    s.tables.push_back(
        breakdown(lang, "esf_exit", tr(lang, "Situation upon leaving"),
                  {{"job-searching", tr(lang, "Job searching")},
                   {"education", tr(lang, "In education or training")},
                   {"qualification", tr(lang, "Gained a qualification")},
                   {"employed", tr(lang, "In employment, including self-employment")},
                   {"other", tr(lang, "Other")},
                   {"missing", tr(lang, "not recorded")}},
                  t.exit, k_leaving));
    s.tables.push_back(
        breakdown(lang, "esf_six_months", tr(lang, "Situation six months after leaving"),
                  {{"employed", tr(lang, "In employment, including self-employment")},
                   {"job-searching", tr(lang, "Job searching")},
                   {"education", tr(lang, "In education or training")},
                   {"inactive", tr(lang, "Inactive")},
                   {"other", tr(lang, "Other")},
                   {"missing", tr(lang, "Not followed up")}},
                  t.six_months, k_followed_up));
    return s;
}

Section entities(Database& db, const Request& request) {
    const auto lang = request.lang;
    const auto by = esf_companies(db, request.period.first(), request.period.last());
    Section s;
    s.id = "entities";
    s.title = tr(lang, "Member companies supported (entity indicators)");
    Table table;
    table.id = "esf_companies";
    table.title = tr(lang, "Member companies by size");
    table.columns = {{"size", tr(lang, "Size")}, {"companies", tr(lang, "Companies")}};
    table.note = tr(lang, "Companies that were members during the period; SMEs are micro, small "
                          "and medium-sized enterprises (EECO19). Companies are not persons: "
                          "their counts are published in full.");
    std::int64_t total = 0;
    const std::vector<Category> sizes = {{"sme", tr(lang, "SMEs (EECO19)")},
                                         {"large", tr(lang, "Large enterprises")},
                                         {"missing", tr(lang, "not recorded")}};
    for (const auto& size : sizes) {
        const auto found = std::find_if(by.begin(), by.end(),
                                        [&](const SizeCount& c) { return c.size == size.code; });
        const auto n = found == by.end() ? 0 : found->count;
        total += n;
        table.rows.push_back({Cell::of_text(size.label, size.code), Cell::of_count(n)});
    }
    table.rows.push_back({Cell::of_text(tr(lang, "Total"), "total"), Cell::of_count(total)});
    s.tables.push_back(std::move(table));
    return s;
}

// --- the summary, after disclosure control --------------------------------------------------

const Table* table_of(const Report& report, std::string_view id) {
    for (const auto& section : report.sections) {
        for (const auto& table : section.tables) {
            if (table.id == id) {
                return &table;
            }
        }
    }
    return nullptr;
}

// Return the value cells (by gender and total) of the sum of rows `codes` of table `id`, made
// only of published cells: a sum with a suppressed addend is suppressed (secondary; a single
// row keeps the suppression it has), so the summary reveals nothing the tables hide.
std::vector<Cell> published_sum(const Report& report, std::string_view id,
                                const std::vector<std::string_view>& codes) {
    std::vector<Cell> out;
    const auto* table = table_of(report, id);
    for (std::size_t col = 1; col <= k_genders + 1; ++col) {
        if (!table) {
            out.push_back(Cell::of_missing());
            continue;
        }
        if (table->totals == Totals::none) { // a sensitive category switched off
            out.push_back(Cell::of_not_collected());
            continue;
        }
        Cell sum = Cell::of_count(0);
        for (const auto& row : table->rows) {
            if (std::find(codes.begin(), codes.end(), row.at(0).code) == codes.end()) {
                continue;
            }
            const auto& cell = row.at(col);
            if (cell.kind != Cell::Kind::count) {
                sum = cell;
                break;
            }
            if (cell.suppression != Suppression::none) {
                sum.suppression = codes.size() == 1 ? cell.suppression : Suppression::secondary;
                sum.count = 0; // never carry a hidden value
            } else if (sum.suppression == Suppression::none) {
                sum.count += cell.count;
            }
        }
        out.push_back(sum);
    }
    return out;
}

} // namespace

Report esf(Database& db, const Request& request, const ReportSettings& settings) {
    auto report =
        start_report(request, settings,
                     trf(request.lang, "ESF+ participant indicators {}", request.period.str()));
    const auto counts = tally(db, request);
    report.sections.push_back(participants(counts, request));
    report.sections.push_back(results(counts, request));
    report.sections.push_back(entities(db, request));
    return report;
}

void esf_summary(Report& report, Language lang) {
    struct Line {
        const char* code; // the indicator code; in parentheses where not confirmed
        std::string label;
        const char* table;
        std::vector<std::string_view> rows;
    };
    const std::vector<Line> lines = {
        {"(EECO01)", tr(lang, "Total number of participants"), "esf_employment", {"total"}},
        {"EECO02",
         tr(lang, "Unemployed, including long-term unemployed"),
         "esf_employment",
         {"unemployed", "long-term-unemployed"}},
        {"(EECO03)", tr(lang, "Long-term unemployed"), "esf_employment", {"long-term-unemployed"}},
        {"(EECO04)", tr(lang, "Inactive"), "esf_employment", {"inactive"}},
        {"EECO05", tr(lang, "Employed, including self-employed"), "esf_employment", {"employed"}},
        {"(EECO06)", tr(lang, "Children below 18 years of age"), "esf_age", {"under-18"}},
        {"(EECO07)", tr(lang, "Young people between 18 and 29 years of age"), "esf_age", {"18-29"}},
        {"(EECO08)", tr(lang, "Participants of 55 years of age and above"), "esf_age", {"55-plus"}},
        {"(EECO09)",
         tr(lang, "With lower secondary education or less (ISCED 0-2)"),
         "esf_education",
         {"isced-0-2"}},
        {"(EECO10)",
         tr(lang, "With upper secondary or post-secondary education (ISCED 3-4)"),
         "esf_education",
         {"isced-3-4"}},
        {"(EECO11)",
         tr(lang, "With tertiary education (ISCED 5-8)"),
         "esf_education",
         {"isced-5-8"}},
        {"EECO12", tr(lang, "Participants with disabilities"), "esf_disability", {"yes"}},
        {"EECO13", tr(lang, "Third-country nationals"), "esf_third_country", {"yes"}},
        {"EECO14",
         tr(lang, "Participants with a foreign background"),
         "esf_foreign_background",
         {"yes"}},
        {"EECO15", tr(lang, "Minorities"), "esf_minority", {"yes"}},
        {"(EECO16)", tr(lang, "Homeless or affected by housing exclusion"), "esf_housing", {"yes"}},
        {"EECR01", tr(lang, "Job searching upon leaving"), "esf_exit", {"job-searching"}},
        {"EECR02", tr(lang, "In education or training upon leaving"), "esf_exit", {"education"}},
        {"EECR03", tr(lang, "Gaining a qualification upon leaving"), "esf_exit", {"qualification"}},
        {"EECR04",
         tr(lang, "In employment, including self-employment, upon leaving"),
         "esf_exit",
         {"employed"}},
        {"EECR05",
         tr(lang, "In employment, including self-employment, six months after leaving"),
         "esf_six_months",
         {"employed"}},
    };
    Table table;
    table.id = "esf_indicators";
    table.title = tr(lang, "Common indicators");
    table.columns = gender_columns(lang, tr(lang, "Indicator"));
    table.columns.insert(table.columns.begin(), Column{"code", tr(lang, "Code")});
    table.label_columns = 2;
    table.note = tr(lang, "Sums of the tables below, made of published cells only: a value "
                          "that would reveal a suppressed cell is suppressed too. Codes in "
                          "parentheses follow the order of Annex I and are not confirmed by the "
                          "Commission.");
    for (const auto& line : lines) {
        std::string code = line.code;
        code.erase(
            std::remove_if(code.begin(), code.end(), [](char c) { return c == '(' || c == ')'; }),
            code.end());
        std::vector<Cell> row{Cell::of_text(line.code, code), Cell::of_text(line.label, code)};
        for (auto& cell : published_sum(report, line.table, line.rows)) {
            row.push_back(std::move(cell));
        }
        table.rows.push_back(std::move(row));
    }
    Section s;
    s.id = "indicators";
    s.title = tr(lang, "Summary of the common indicators");
    s.tables.push_back(std::move(table));
    report.sections.insert(report.sections.begin(), std::move(s));
}

} // namespace werkstatt::report
