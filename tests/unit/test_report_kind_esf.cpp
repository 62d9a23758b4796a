// SPDX-License-Identifier: GPL-3.0-or-later
// The counting rules of the esf report (werkstatt-report(1), "Counting rules (esf)"), on
// participants written straight into a test database: the builder's counts before disclosure
// control, and the summary of codes made of published cells after it.
#include "report/disclosure.hpp"
#include "report/kinds.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <string>

using werkstatt::Database;
using werkstatt::Date;
using werkstatt::Language;
using werkstatt::Period;
using werkstatt::ReportSettings;
using werkstatt::report::Cell;
using werkstatt::report::Report;
using werkstatt::report::Request;
using werkstatt::report::Suppression;
using werkstatt::report::Table;
using werkstatt::report::Totals;
using werkstatt::test::TestDatabase;

namespace {

// Add a candidate with the facts `assignments` (SQL "column = value, ...").
void participant(Database& db, int n, const std::string& assignments) {
    db.sql().exec(fmt::format(
        "INSERT INTO candidate (source, reference, created_at, updated_at) VALUES ('t', 'C{}', "
        "'2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')",
        n));
    db.sql().exec(fmt::format("UPDATE candidate SET {} WHERE reference = 'C{}'", assignments, n));
}

// Give participant `n` a reporting consent given on `given_on`, withdrawn on `withdrawn_on`
// ("NULL": not withdrawn).
void reporting_consent(Database& db, int n, const std::string& given_on,
                       const std::string& withdrawn_on = "NULL") {
    db.sql().exec(fmt::format(
        "INSERT INTO consent (candidate_id, scope, given_on, withdrawn_on, source, recorded_at) "
        "SELECT id, 'reporting', '{}', {}, 'form', '2027-01-01T00:00:00Z' FROM candidate WHERE "
        "reference = 'C{}'",
        given_on, withdrawn_on, n));
}

Request request_for(const char* period) {
    return Request{"esf",        *Period::parse(period), *Date::parse_iso("2027-04-02"),
                   Language::en, std::nullopt,           werkstatt::PlannerSettings{},
                   365};
}

const Table& table(const Report& report, const std::string& id) {
    for (const auto& section : report.sections) {
        for (const auto& t : section.tables) {
            if (t.id == id) {
                return t;
            }
        }
    }
    FAIL("no table " << id);
    throw std::logic_error("unreachable");
}

// The cell of row `code` and column `key` of `t`.
const Cell& cell(const Table& t, const std::string& code, const std::string& key) {
    std::size_t col = 0;
    while (col < t.columns.size() && t.columns[col].key != key) {
        ++col;
    }
    REQUIRE(col < t.columns.size());
    for (const auto& row : t.rows) {
        if (row.at(0).code == code) {
            return row.at(col);
        }
    }
    FAIL("no row " << code << " in " << t.id);
    throw std::logic_error("unreachable");
}

std::int64_t count(const Report& r, const std::string& id, const std::string& code,
                   const std::string& key = "total") {
    const auto& c = cell(table(r, id), code, key);
    REQUIRE(c.kind == Cell::Kind::count);
    return c.count;
}

} // namespace

TEST_CASE("esf: who enters in the period is counted, by gender, missing facts as not recorded",
          "[report][esf]") {
    TestDatabase t;
    auto& db = t.db();
    const std::string in = "entry_date = '2027-02-01'";
    participant(db, 1,
                in + ", gender = 'female', employment_at_entry = 'unemployed', "
                     "unemployed_since = '2025-12-31', birth_date = '2000-02-02', "
                     "isced = 3");
    participant(db, 2,
                in + ", gender = 'male', employment_at_entry = 'unemployed', "
                     "unemployed_since = '2026-02-01', birth_date = '2009-02-02', "
                     "isced = 2");
    participant(db, 3,
                in + ", gender = 'diverse', employment_at_entry = 'long-term-unemployed',"
                     " birth_date = '1972-02-01'");
    participant(db, 4,
                in + ", employment_at_entry = 'unemployed', unemployed_since = "
                     "'2026-02-01', birth_date = '1972-02-02', isced = 7");
    participant(db, 5, "entry_date = '2026-12-31', gender = 'female'"); // before the period
    const auto report = werkstatt::report::esf(db, request_for("2027Q1"), ReportSettings{});

    // More than 12 months before entry is long-term, exactly 12 months is not.
    CHECK(count(report, "esf_employment", "long-term-unemployed") == 2);
    CHECK(count(report, "esf_employment", "unemployed") == 2);
    CHECK(count(report, "esf_employment", "long-term-unemployed", "female") == 1);
    CHECK(count(report, "esf_employment", "long-term-unemployed", "diverse") == 1);
    CHECK(count(report, "esf_employment", "unemployed", "unspecified") == 1);
    CHECK(count(report, "esf_employment", "total") == 4);
    CHECK(count(report, "esf_employment", "missing") == 0);
    // Age on the day of entry: 17 the day before the 18th birthday, 55 on the birthday.
    CHECK(count(report, "esf_age", "under-18") == 1);
    CHECK(count(report, "esf_age", "18-29") == 1);
    CHECK(count(report, "esf_age", "55-plus") == 1);
    CHECK(count(report, "esf_age", "30-54") == 1);
    CHECK(count(report, "esf_education", "isced-0-2") == 1);
    CHECK(count(report, "esf_education", "isced-3-4") == 1);
    CHECK(count(report, "esf_education", "isced-5-8") == 1);
    CHECK(count(report, "esf_education", "missing") == 1);
    CHECK(count(report, "esf_completeness", "incomplete") == 1);
    // Every table of the cohort has the same total row.
    for (const char* id : {"esf_age", "esf_education", "esf_third_country",
                           "esf_foreign_background", "esf_housing", "esf_completeness"}) {
        INFO(id);
        CHECK(count(report, id, "total") == 4);
        CHECK(count(report, id, "total", "female") == 1);
        CHECK(table(report, id).margin_group == "esf-entering");
        CHECK(table(report, id).totals == Totals::both);
    }
}

TEST_CASE("esf: third-country nationals and foreign background", "[report][esf]") {
    TestDatabase t;
    auto& db = t.db();
    const std::string in = "entry_date = '2027-02-01', ";
    participant(db, 1, in + "nationality_code = 'SY'");                                 // yes/yes
    participant(db, 2, in + "nationality_code = 'SY', second_nationality_code = 'IT'"); // no/yes
    participant(db, 3, in + "nationality_code = 'DE', country_of_birth = 'DE'"); // no/missing
    participant(db, 4, in + "nationality_code = 'DE', country_of_birth = 'PL'"); // no/yes
    participant(db, 5, in + "nationality = 'staatenlos'");                       // yes/yes
    participant(db, 6, in + "nationality_code = 'CH'");                          // yes/yes
    participant(db, 7, in + "country_of_birth = 'DE'");                          // missing/missing
    participant(db, 8, in + "nationality_code = 'DE', foreign_background = 1");  // no/yes
    participant(db, 9, in + "nationality_code = 'SY', foreign_background = 0");  // yes/no
    const auto report = werkstatt::report::esf(db, request_for("2027Q1"), ReportSettings{});
    CHECK(count(report, "esf_third_country", "yes") == 4);
    CHECK(count(report, "esf_third_country", "no") == 4);
    CHECK(count(report, "esf_third_country", "missing") == 1);
    CHECK(count(report, "esf_foreign_background", "yes") == 6);
    CHECK(count(report, "esf_foreign_background", "no") == 1);
    CHECK(count(report, "esf_foreign_background", "missing") == 2);
}

TEST_CASE("esf: sensitive categories only when switched on and consented", "[report][esf]") {
    TestDatabase t;
    auto& db = t.db();
    const std::string in = "entry_date = '2027-02-01', ";
    participant(db, 1, in + "disability = 'yes'");
    reporting_consent(db, 1, "2027-01-01");
    participant(db, 2, in + "disability = 'yes'"); // no consent recorded
    participant(db, 3, in + "disability = 'declined'");
    participant(db, 4, in + "disability = 'no'");
    reporting_consent(db, 4, "2027-01-01");
    participant(db, 5, in + "disability = 'yes'"); // consented, then withdrew
    reporting_consent(db, 5, "2027-01-01", "'2027-03-01'");
    SECTION("switched off: not collected, and the report says so") {
        const auto report = werkstatt::report::esf(db, request_for("2027Q1"), ReportSettings{});
        const auto& d = table(report, "esf_disability");
        CHECK(d.totals == Totals::none);
        CHECK(cell(d, "total", "total").kind == Cell::Kind::not_collected);
        bool said = false;
        for (const auto& p : report.sections.at(0).paragraphs) {
            said = said || p.find("not collected") != std::string::npos;
        }
        CHECK(said);
    }
    SECTION("switched on: consented answers, declined, and the rest not recorded") {
        auto request = request_for("2027Q1");
        request.special_categories = true;
        const auto report = werkstatt::report::esf(db, request, ReportSettings{});
        CHECK(count(report, "esf_disability", "yes") == 1);
        CHECK(count(report, "esf_disability", "no") == 1);
        CHECK(count(report, "esf_disability", "declined") == 1);
        CHECK(count(report, "esf_disability", "missing") == 2); // no consent, withdrawn
    }
}

TEST_CASE("esf: results on leaving and six months after", "[report][esf]") {
    TestDatabase t;
    auto& db = t.db();
    participant(db, 1, "exit_date = '2027-03-31', exit_situation = 'employed'");
    participant(db, 2, "exit_date = '2027-01-01', exit_situation = 'self-employed'");
    participant(db, 3, "exit_date = '2027-02-10'");
    participant(db, 4, "exit_date = '2026-07-01', status_6m = 'self-employed'");
    participant(db, 5, "exit_date = '2026-09-30'");
    participant(db, 6, "exit_date = '2026-10-01', status_6m = 'employed'"); // next quarter's
    const auto report = werkstatt::report::esf(db, request_for("2027Q1"), ReportSettings{});
    CHECK(count(report, "esf_exit", "employed") == 2);
    CHECK(count(report, "esf_exit", "missing") == 1);
    CHECK(count(report, "esf_exit", "total") == 3);
    CHECK(count(report, "esf_six_months", "employed") == 1);
    CHECK(count(report, "esf_six_months", "missing") == 1);
    CHECK(count(report, "esf_six_months", "total") == 2);
}

TEST_CASE("esf: a participant in several cohorts counts once in each", "[report][esf]") {
    // The report reads each participant once for all cohorts; one who enters and leaves in the
    // period is in two of them, and found through both the entry and the exit date.
    TestDatabase t;
    auto& db = t.db();
    participant(db, 1,
                "entry_date = '2027-01-05', exit_date = '2027-03-01', gender = 'female', "
                "employment_at_entry = 'inactive', exit_situation = 'education'");
    participant(db, 2,
                "entry_date = '2026-03-01', exit_date = '2026-08-15', gender = 'male', "
                "status_6m = 'inactive'");
    participant(db, 3, "entry_date = '2027-03-31', exit_date = '2027-04-01', gender = 'male'");
    const auto report = werkstatt::report::esf(db, request_for("2027Q1"), ReportSettings{});
    CHECK(count(report, "esf_employment", "total") == 2);
    CHECK(count(report, "esf_employment", "inactive", "female") == 1);
    CHECK(count(report, "esf_employment", "missing", "male") == 1);
    CHECK(count(report, "esf_exit", "total") == 1);
    CHECK(count(report, "esf_exit", "education", "female") == 1);
    CHECK(count(report, "esf_six_months", "total") == 1);
    CHECK(count(report, "esf_six_months", "inactive", "male") == 1);
}

TEST_CASE("esf: the summary of codes shows only what the tables publish", "[report][esf]") {
    TestDatabase t;
    auto& db = t.db();
    for (int i = 0; i < 12; ++i) {
        participant(db, i,
                    fmt::format("entry_date = '2027-02-01', gender = '{}', "
                                "employment_at_entry = '{}'",
                                i % 2 ? "female" : "male",
                                i == 0 ? "long-term-unemployed" : "unemployed"));
    }
    auto report = werkstatt::report::esf(db, request_for("2027Q1"), ReportSettings{});
    werkstatt::report::protect(report, 3);
    werkstatt::report::esf_summary(report, Language::en);
    const auto& summary = table(report, "esf_indicators");
    CHECK(summary.totals == Totals::none);
    // One long-term unemployed man: primary; the unemployed are a sum with a hidden addend.
    CHECK(cell(summary, "EECO03", "male").suppression == Suppression::primary);
    CHECK(cell(summary, "EECO02", "male").suppression == Suppression::secondary);
    CHECK(cell(summary, "EECO02", "male").count == 0);
    CHECK(cell(summary, "EECO01", "total").count == 12);
    CHECK(cell(summary, "EECO01", "total").suppression == Suppression::none);
    CHECK(cell(summary, "EECO12", "total").kind == Cell::Kind::not_collected);
}
