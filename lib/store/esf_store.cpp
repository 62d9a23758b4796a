// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/esf_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <array>
#include <fmt/format.h>

namespace werkstatt {

namespace {

// The participants of the period, each row read once: their rowids from the entry and exit
// date indexes, then the rows in rowid order (an IN list is a sorted set), which visits the
// table's pages in file order instead of jumping to a random page for every participant.
// ?1 and ?2 are the period, ?3 and ?4 the period six months earlier.
constexpr const char* k_rows =
    "FROM candidate WHERE rowid IN (SELECT rowid FROM candidate WHERE entry_date BETWEEN ?1 AND "
    "?2 UNION ALL SELECT rowid FROM candidate WHERE exit_date BETWEEN ?1 AND ?2 UNION ALL SELECT "
    "rowid FROM candidate WHERE exit_date BETWEEN ?3 AND ?4)";

// The categories of each breakdown by the number its SQL expression below gives. NULL (not in
// the cohort) is none of them; "unknown" stands for a value werkstatt never writes, which the
// report refuses as a bug.
constexpr std::array<const char*, 6> k_employment_codes = {
    "missing", "unemployed", "long-term-unemployed", "inactive", "employed", "unknown"};
constexpr std::array<const char*, 5> k_age_codes = {"missing", "under-18", "18-29", "30-54",
                                                    "55-plus"};
constexpr std::array<const char*, 4> k_education_codes = {"missing", "isced-0-2", "isced-3-4",
                                                          "isced-5-8"};
constexpr std::array<const char*, 2> k_completeness_codes = {"complete", "incomplete"};
constexpr std::array<const char*, 3> k_yes_no_codes = {"missing", "yes", "no"};
constexpr std::array<const char*, 5> k_sensitive_codes = {"missing", "yes", "no", "declined",
                                                          "unknown"};
constexpr std::array<const char*, 7> k_exit_codes = {
    "missing", "job-searching", "education", "qualification", "employed", "other", "unknown"};
constexpr std::array<const char*, 7> k_six_months_codes = {
    "missing", "employed", "job-searching", "education", "inactive", "other", "unknown"};

// Each breakdown as a small number (the index of its code above), from the columns of the
// inner query: the flags e (entering), l (leaving), f (followed up) and the age at entry.
constexpr const char* k_gender =
    "CASE gender WHEN 'female' THEN 0 WHEN 'male' THEN 1 WHEN 'diverse' THEN 2 ELSE 3 END";
constexpr const char* k_employment =
    "CASE WHEN employment_at_entry IS NULL THEN 0 WHEN employment_at_entry IN ('unemployed', "
    "'long-term-unemployed') AND unemployed_since IS NOT NULL THEN CASE WHEN unemployed_since < "
    "date(entry_date, '-12 months') THEN 2 ELSE 1 END WHEN employment_at_entry = 'unemployed' "
    "THEN 1 WHEN employment_at_entry = 'long-term-unemployed' THEN 2 WHEN employment_at_entry = "
    "'inactive' THEN 3 WHEN employment_at_entry = 'employed' THEN 4 ELSE 5 END";
constexpr const char* k_age_band = "CASE WHEN age IS NULL THEN 0 WHEN age < 18 THEN 1 WHEN age "
                                   "<= 29 THEN 2 WHEN age <= 54 THEN 3 ELSE 4 END";
constexpr const char* k_age =
    "CASE WHEN birth_date IS NULL THEN NULL ELSE CAST(substr(entry_date, 1, 4) AS INTEGER) - "
    "CAST(substr(birth_date, 1, 4) AS INTEGER) - (substr(entry_date, 6, 5) < "
    "substr(birth_date, 6, 5)) END";
constexpr const char* k_education = "CASE WHEN isced IS NULL THEN 0 WHEN isced <= 2 THEN 1 WHEN "
                                    "isced <= 4 THEN 2 ELSE 3 END";
constexpr const char* k_completeness =
    "(employment_at_entry IS NULL OR birth_date IS NULL OR isced IS NULL)";
constexpr const char* k_housing = "CASE WHEN housing IN ('homeless', 'housing-exclusion') THEN 1 "
                                  "WHEN housing = 'housed' THEN 2 ELSE 0 END";
constexpr const char* k_disability =
    "CASE WHEN disability = 'declined' THEN 3 WHEN disability IS NULL OR NOT reporting_consent "
    "THEN 0 WHEN disability = 'yes' THEN 1 WHEN disability = 'no' THEN 2 ELSE 4 END";
constexpr const char* k_minority =
    "CASE WHEN minority = 'declined' THEN 3 WHEN minority IS NULL OR NOT reporting_consent "
    "THEN 0 WHEN minority = 'yes' THEN 1 WHEN minority = 'no' THEN 2 ELSE 4 END";
// A special category counts only for a person whose reporting consent was given and not
// withdrawn (the consent table, schema 7); anonymous counts need none.
constexpr const char* k_reporting_consent =
    "EXISTS (SELECT 1 FROM consent WHERE consent.candidate_id = candidate.id AND scope = "
    "'reporting' AND given_on IS NOT NULL AND withdrawn_on IS NULL)";
constexpr const char* k_born_abroad =
    "CASE WHEN country_of_birth IS NULL THEN NULL ELSE country_of_birth <> 'DE' END";
constexpr const char* k_exit =
    "CASE WHEN exit_situation IS NULL THEN 0 WHEN exit_situation = 'job-searching' THEN 1 WHEN "
    "exit_situation = 'education' THEN 2 WHEN exit_situation = 'qualification' THEN 3 WHEN "
    "exit_situation IN ('employed', 'self-employed') THEN 4 WHEN exit_situation = 'other' THEN 5 "
    "ELSE 6 END";
constexpr const char* k_six_months =
    "CASE WHEN status_6m IS NULL THEN 0 WHEN status_6m IN ('employed', 'self-employed') THEN 1 "
    "WHEN status_6m = 'job-searching' THEN 2 WHEN status_6m = 'education' THEN 3 WHEN status_6m "
    "= 'inactive' THEN 4 WHEN status_6m = 'other' THEN 5 ELSE 6 END";

// The small-number columns of a group, in the order of the result; every one is below 7 or
// NULL, so the group key packs them into one integer (NULL as 7, gender first) and SQLite sorts
// integers, not a dozen columns.
constexpr std::array<const char*, 11> k_small = {
    "employment", "age", "education", "completeness", "housing",   "disability",
    "minority",   "fb",  "born",      "exit",         "six_months"};

std::string participants_sql() {
    std::string key = "g";
    std::string close;
    for (const char* column : k_small) {
        key += fmt::format(" + {} * (IFNULL({}, 7)", close.empty() ? 4 : 8, column);
        close += ")";
    }
    key += close;
    std::string columns;
    for (const char* column : k_small) {
        columns += fmt::format("{}, ", column);
    }
    // The innermost query reads the facts and flags, the middle one turns them into small
    // numbers, the outer one groups. LIMIT -1 keeps SQLite from folding the queries into one,
    // which would compute each CASE once per place it is used.
    return fmt::format(
        "SELECT g, {columns}nationality_code, second_nationality_code, nationality_text, "
        "COUNT(*) FROM (SELECT {gender} AS g, CASE WHEN e THEN {employment} END AS employment, "
        "CASE WHEN e THEN {age_band} END AS age, CASE WHEN e THEN {education} END AS education, "
        "CASE WHEN e THEN {completeness} END AS completeness, CASE WHEN e THEN {housing} END AS "
        "housing, CASE WHEN e THEN {disability} END AS disability, CASE WHEN e THEN {minority} "
        "END AS minority, CASE WHEN e THEN foreign_background END AS fb, CASE WHEN e THEN "
        "{born_abroad} END AS born, CASE WHEN l THEN {exit} END AS exit, CASE WHEN f THEN "
        "{six_months} END AS six_months, CASE WHEN e THEN nationality_code END AS "
        "nationality_code, CASE WHEN e THEN second_nationality_code END AS "
        "second_nationality_code, CASE WHEN e AND nationality_code IS NULL THEN nationality END "
        "AS nationality_text FROM (SELECT gender, entry_date, birth_date, employment_at_entry, "
        "unemployed_since, isced, housing, disability, minority, {reporting_consent} AS "
        "reporting_consent, "
        "foreign_background, country_of_birth, nationality_code, second_nationality_code, "
        "nationality, exit_situation, status_6m, entry_date BETWEEN ?1 AND ?2 AS e, exit_date "
        "BETWEEN ?1 AND ?2 AS l, exit_date BETWEEN ?3 AND ?4 AS f, {age} AS age {rows} LIMIT -1) "
        "LIMIT -1) GROUP BY {key}, nationality_code, second_nationality_code, nationality_text",
        fmt::arg("columns", columns), fmt::arg("gender", k_gender),
        fmt::arg("employment", k_employment), fmt::arg("age_band", k_age_band),
        fmt::arg("education", k_education), fmt::arg("completeness", k_completeness),
        fmt::arg("housing", k_housing), fmt::arg("disability", k_disability),
        fmt::arg("minority", k_minority), fmt::arg("born_abroad", k_born_abroad),
        fmt::arg("exit", k_exit), fmt::arg("six_months", k_six_months), fmt::arg("age", k_age),
        fmt::arg("rows", k_rows), fmt::arg("key", key),
        fmt::arg("reporting_consent", k_reporting_consent));
}

std::optional<std::string> text(const SQLite::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return column.getString();
}

// Return the code of the category numbered by `column`, nothing for NULL.
template <std::size_t N>
std::optional<std::string> code(const SQLite::Column& column,
                                const std::array<const char*, N>& codes) {
    if (column.isNull()) {
        return std::nullopt;
    }
    const auto i = column.getInt64();
    if (i < 0 || static_cast<std::size_t>(i) >= N) {
        return "unknown";
    }
    return codes[static_cast<std::size_t>(i)];
}

} // namespace

void esf_participants(Database& db, const Date& first, const Date& last,
                      const std::function<void(const EsfGroup&)>& each) {
    // The period six months earlier, as SQLite shifts dates (a day past the end of a month
    // rolls over), computed once rather than per row.
    SQLite::Statement shift(db.sql(), "SELECT date(?1, '-6 months'), "
                                      "date(?2, '+1 day', '-6 months', '-1 day')");
    shift.bind(1, first.iso());
    shift.bind(2, last.iso());
    shift.executeStep();
    const auto followed_first = shift.getColumn(0).getString();
    const auto followed_last = shift.getColumn(1).getString();

    SQLite::Statement q(db.sql(), participants_sql());
    q.bind(1, first.iso());
    q.bind(2, last.iso());
    q.bind(3, followed_first);
    q.bind(4, followed_last);
    EsfGroup g;
    while (q.executeStep()) {
        g.gender = static_cast<std::size_t>(q.getColumn(0).getInt());
        g.employment = code(q.getColumn(1), k_employment_codes);
        g.age = code(q.getColumn(2), k_age_codes);
        g.education = code(q.getColumn(3), k_education_codes);
        g.completeness = code(q.getColumn(4), k_completeness_codes);
        g.housing = code(q.getColumn(5), k_yes_no_codes);
        g.disability = code(q.getColumn(6), k_sensitive_codes);
        g.minority = code(q.getColumn(7), k_sensitive_codes);
        g.foreign_background = text(q.getColumn(8));
        g.born_abroad = q.getColumn(9).isNull() ? std::nullopt
                                                : std::optional<bool>(q.getColumn(9).getInt() != 0);
        g.exit = code(q.getColumn(10), k_exit_codes);
        g.six_months = code(q.getColumn(11), k_six_months_codes);
        g.nationality_code = text(q.getColumn(12));
        g.second_nationality_code = text(q.getColumn(13));
        g.nationality_text = text(q.getColumn(14)).value_or("");
        g.count = q.getColumn(15).getInt64();
        each(g);
    }
}

std::vector<SizeCount> esf_companies(Database& db, const Date& first, const Date& last) {
    SQLite::Statement q(
        db.sql(), "SELECT CASE WHEN size IN ('micro', 'small', 'medium') THEN 'sme' WHEN size = "
                  "'large' THEN 'large' ELSE 'missing' END, count(*) FROM company WHERE "
                  "(member_since IS NULL OR member_since <= ?2) AND (left_on IS NULL OR left_on "
                  ">= ?1) AND (active = 1 OR left_on IS NOT NULL) GROUP BY 1 ORDER BY 1");
    q.bind(1, first.iso());
    q.bind(2, last.iso());
    std::vector<SizeCount> out;
    while (q.executeStep()) {
        out.push_back(SizeCount{q.getColumn(0).getString(), q.getColumn(1).getInt64()});
    }
    return out;
}

} // namespace werkstatt
