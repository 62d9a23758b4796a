// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/esf_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace werkstatt {

namespace {

constexpr const char* k_entering = " FROM candidate WHERE entry_date BETWEEN ?1 AND ?2 ";
constexpr const char* k_leaving = " FROM candidate WHERE exit_date BETWEEN ?1 AND ?2 ";
// Left in the same period six months earlier: for months, quarters and years an exact shift.
constexpr const char* k_followed_up =
    " FROM candidate WHERE exit_date BETWEEN date(?1, '-6 months') "
    "AND date(?2, '+1 day', '-6 months', '-1 day') ";
constexpr const char* k_by_category = " GROUP BY 1, 2 ORDER BY 1, 2";

// The category of each breakdown of the participants entering (see EsfQuery::entering).
constexpr const char* k_employment =
    "CASE WHEN employment_at_entry IS NULL THEN 'missing' WHEN employment_at_entry IN "
    "('unemployed', 'long-term-unemployed') AND unemployed_since IS NOT NULL THEN CASE WHEN "
    "unemployed_since < date(entry_date, '-12 months') THEN 'long-term-unemployed' ELSE "
    "'unemployed' END ELSE employment_at_entry END";
constexpr const char* k_age_band =
    "CASE WHEN age IS NULL THEN 'missing' WHEN age < 18 THEN 'under-18' WHEN age <= 29 THEN "
    "'18-29' WHEN age <= 54 THEN '30-54' ELSE '55-plus' END";
constexpr const char* k_age =
    "CASE WHEN birth_date IS NULL THEN NULL ELSE CAST(substr(entry_date, 1, 4) AS INTEGER) - "
    "CAST(substr(birth_date, 1, 4) AS INTEGER) - (substr(entry_date, 6, 5) < "
    "substr(birth_date, 6, 5)) END AS age";
constexpr const char* k_education =
    "CASE WHEN isced IS NULL THEN 'missing' WHEN isced <= 2 THEN 'isced-0-2' WHEN isced <= 4 "
    "THEN 'isced-3-4' ELSE 'isced-5-8' END";
constexpr const char* k_completeness =
    "CASE WHEN employment_at_entry IS NULL OR birth_date IS NULL OR isced IS NULL THEN "
    "'incomplete' ELSE 'complete' END";
constexpr const char* k_housing =
    "CASE WHEN housing IN ('homeless', 'housing-exclusion') THEN 'yes' WHEN housing = 'housed' "
    "THEN 'no' ELSE 'missing' END";
constexpr const char* k_disability =
    "CASE WHEN disability = 'declined' THEN 'declined' WHEN disability IS NULL OR "
    "sensitive_consent IS NULL THEN 'missing' ELSE disability END";
constexpr const char* k_minority =
    "CASE WHEN minority = 'declined' THEN 'declined' WHEN minority IS NULL OR sensitive_consent "
    "IS NULL THEN 'missing' ELSE minority END";

std::string sql_of(EsfQuery query) {
    switch (query) {
    case EsfQuery::entering:
        // One pass over the participants entering: every breakdown but origin at once.
        return fmt::format("SELECT {}, {}, {}, {}, {}, {}, {}, gender, count(*) FROM (SELECT "
                           "*, {}{}) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, "
                           "7, 8",
                           k_employment, k_age_band, k_education, k_completeness, k_housing,
                           k_disability, k_minority, k_age, k_entering);
    case EsfQuery::origin:
        return std::string("SELECT foreign_background, country_of_birth, nationality_code, "
                           "second_nationality_code, CASE WHEN nationality_code IS NULL THEN "
                           "nationality ELSE '' END, gender, count(*)") +
               k_entering + " GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6";
    case EsfQuery::exit:
        return std::string("SELECT CASE WHEN exit_situation IS NULL THEN 'missing' WHEN "
                           "exit_situation IN ('employed', 'self-employed') THEN 'employed' "
                           "ELSE exit_situation END, gender, count(*)") +
               k_leaving + k_by_category;
    case EsfQuery::six_months:
        return std::string("SELECT CASE WHEN status_6m IS NULL THEN 'missing' WHEN status_6m "
                           "IN ('employed', 'self-employed') THEN 'employed' ELSE status_6m END, "
                           "gender, count(*)") +
               k_followed_up + k_by_category;
    case EsfQuery::companies:
        break;
    }
    return "SELECT CASE WHEN size IN ('micro', 'small', 'medium') THEN 'sme' WHEN size = "
           "'large' THEN 'large' ELSE 'missing' END, '', count(*) FROM company WHERE "
           "(member_since IS NULL OR member_since <= ?2) AND (left_on IS NULL OR left_on >= ?1) "
           "AND (active = 1 OR left_on IS NOT NULL)" +
           std::string(k_by_category);
}

} // namespace

std::vector<GroupCount> esf_groups(Database& db, EsfQuery query, const Date& first,
                                   const Date& last) {
    SQLite::Statement q(db.sql(), sql_of(query));
    q.bind(1, first.iso());
    q.bind(2, last.iso());
    std::vector<GroupCount> groups;
    while (q.executeStep()) {
        GroupCount group;
        const int n = q.getColumnCount();
        for (int i = 0; i + 1 < n; ++i) {
            const auto column = q.getColumn(i);
            if (column.isNull()) {
                group.keys.emplace_back();
            } else {
                group.keys.emplace_back(column.getString());
            }
        }
        group.count = q.getColumn(n - 1).getInt64();
        groups.push_back(std::move(group));
    }
    return groups;
}

} // namespace werkstatt
