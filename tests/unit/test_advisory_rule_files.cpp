// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/rule_files.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

using namespace werkstatt;
using werkstatt::test::day;
using werkstatt::test::failure_of;
using werkstatt::test::TempDir;

namespace {

RuleFile dated(const char* valid_as_of) {
    RuleFile f;
    f.rules = "work rules";
    f.file = "work_rules.toml";
    f.valid_as_of = valid_as_of;
    return f;
}

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

} // namespace

TEST_CASE("rule_files: the shipped rule data is fresh on 2026-12-02 with the default age",
          "[rule_files]") {
    // The release date of these rules: every shipped file must have been checked within the
    // default rules.max_age_months (12) of it, or every run of werkstatt warns.
    const auto files = rule_files(RuleFileSettings{}, BadRuleFile::fail);
    REQUIRE(files.size() == 4);
    for (const auto& f : files) {
        INFO(f.file << " valid as of " << f.valid_as_of);
        CHECK(f.shipped);
        CHECK(f.overridden == "no");
        CHECK_FALSE(is_due_for_review(f, day("2026-12-02"), 12));
    }
    CHECK_FALSE(stale_rules_warning(files, day("2026-12-02"), 12).has_value());
    CHECK(files[3].file == "school_holidays.toml");
    CHECK(files[3].valid_until == "2030-08-23");
    CHECK_THAT(files[3].source, Catch::Contains("Ferienregelung 2024 bis 2030"));
}

TEST_CASE("rule_files: the start-up check reads the same dates and sources as the full read",
          "[rule_files]") {
    // BadRuleFile::skip (every command's start-up warning) parses only the top-level keys of
    // the compiled-in files; they must come out exactly as from the whole file.
    const auto full = rule_files(RuleFileSettings{}, BadRuleFile::fail);
    const auto quick = rule_files(RuleFileSettings{}, BadRuleFile::skip);
    REQUIRE(quick.size() == full.size());
    for (std::size_t i = 0; i < full.size(); ++i) {
        INFO(full[i].file);
        CHECK(quick[i].file == full[i].file);
        CHECK_FALSE(quick[i].valid_as_of.empty());
        CHECK(quick[i].valid_as_of == full[i].valid_as_of);
        CHECK(quick[i].valid_until == full[i].valid_until);
        CHECK_FALSE(quick[i].source.empty());
        CHECK(quick[i].source == full[i].source);
        CHECK(quick[i].overridden == full[i].overridden);
    }
}

TEST_CASE("rule_files: review is due max_age_months after valid_as_of", "[rule_files]") {
    CHECK(review_due(dated("2025-01-15"), 12) == day("2026-01-15"));
    CHECK(review_due(dated("2025-01-31"), 1) == day("2025-02-28")); // no 31 February
    CHECK(review_due(dated("2024-11-30"), 3) == day("2025-02-28"));
    CHECK(review_due(dated("2025-12-02"), 12) == day("2026-12-02"));
    CHECK_FALSE(review_due(dated(""), 12).has_value());
    CHECK_FALSE(is_due_for_review(dated("2025-12-02"), day("2026-12-02"), 12)); // on the day
    CHECK(is_due_for_review(dated("2025-12-01"), day("2026-12-02"), 12));
    CHECK(is_due_for_review(dated(""), day("2026-12-02"), 12)); // undated: cannot be judged

    const std::vector<RuleFile> files{dated("2025-01-01"), dated("2026-11-01"), dated("")};
    const auto w = stale_rules_warning(files, day("2026-12-02"), 12);
    REQUIRE(w.has_value());
    CHECK(*w == "rule data not checked in the last 12 months (rules.max_age_months): "
                "work_rules.toml (valid as of 2025-01-01), work_rules.toml (no valid_as_of); "
                "check it against the law and its sources, then update valid_as_of (see "
                "werkstatt rules)");
    // A longer age clears the dated file, but an undated one stays due.
    CHECK(stale_rules_warning(files, day("2026-12-02"), 1200).has_value());
    CHECK_FALSE(stale_rules_warning({files[0], files[1]}, day("2026-12-02"), 1200).has_value());

    const auto r = rule_file_records(files, day("2026-12-02"), 12);
    REQUIRE(r.rows.size() == 3);
    CHECK(r.columns[5] == "state");
    CHECK(std::get<std::string>(r.rows[0][5]) == "due");
    CHECK(std::get<std::string>(r.rows[1][5]) == "current");
    CHECK(std::get<Date>(r.rows[1][4]) == day("2027-11-01")); // a day, not text
    CHECK(std::get<std::string>(r.rows[2][5]) == "undated");
}

TEST_CASE("rule_files: an admin's copies replace or extend the shipped files", "[rule_files]") {
    TempDir dir;
    write(dir.file("hiring.toml"), "valid_as_of = 2020-01-01\n"
                                   "[[step]]\nkey = \"a\"\ntitle = \"A?\"\ntext = \"Do A.\"\n"
                                   "source = \"§ 1\"\n");
    write(dir.file("broken.toml"), "valid_as_of = \n");
    RuleFileSettings s;
    s.hiring_rules_file = dir.file("hiring.toml").string();
    write(dir.file("funding.toml"), "valid_as_of = 2026-11-01\nsources = [\"Land\", \"Bund\"]\n");
    s.funding_files = {dir.file("funding.toml").string()};
    s.school_holiday_periods = 2;
    auto files = rule_files(s, BadRuleFile::fail);
    REQUIRE(files.size() == 5);
    CHECK(files[1].file == s.hiring_rules_file);
    CHECK_FALSE(files[1].shipped);
    CHECK(files[1].valid_as_of == "2020-01-01");
    CHECK(files[1].overridden == "replaced (hiring.rules_file)");
    CHECK(files[2].overridden == "extended (catalogue.funding_files)");
    CHECK(files[3].file == s.funding_files[0]);
    CHECK(files[3].overridden == "admin's (catalogue.funding_files)");
    CHECK(files[3].source == "Land; Bund");
    CHECK(files[3].valid_as_of == "2026-11-01");
    CHECK(files[4].overridden == "extended (planner.school_holidays: 2 periods)");
    const auto w = stale_rules_warning(files, day("2026-12-02"), 12);
    REQUIRE(w.has_value());
    CHECK_THAT(*w, Catch::Contains(s.hiring_rules_file + " (valid as of 2020-01-01)"));

    // An invalid admin's file: `rules` refuses it, the warning of other commands leaves it out.
    s.funding_files = {dir.file("broken.toml").string()};
    const auto f = failure_of([&] { rule_files(s, BadRuleFile::fail); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("broken.toml"));
    CHECK(rule_files(s, BadRuleFile::skip).size() == 4);
    s.funding_files = {dir.file("missing.toml").string()};
    CHECK(failure_of([&] { rule_files(s, BadRuleFile::fail); }).kind == ErrorKind::config);
    CHECK(rule_files(s, BadRuleFile::skip).size() == 4);
}
