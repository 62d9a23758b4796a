// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/work_rules.hpp"

#include "core/date.hpp"

#include "support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace werkstatt;
using werkstatt::test::failure_of;

namespace {

// A complete table of rules with permission "unknown", without the rule for `skip`, followed by
// `extra_rules`.
std::string table_with(const std::string& extra_rules = "", const std::string& skip = "") {
    std::string text = "valid_as_of = 2025-01-01\n";
    for (const auto status : all_residence_statuses()) {
        const auto code = std::string(to_string(status));
        if (code == skip) {
            continue;
        }
        text += "\n[[rule]]\ncode = \"" + code + "\"\nlabel = \"Label " + code +
                "\"\nlegal_basis = \"§ 1\"\npermission = \"unknown\"\nnote = \"A note.\"\n";
    }
    return text + extra_rules;
}

} // namespace

TEST_CASE("WorkRules::shipped has a rule for every status", "[work_rules]") {
    const auto& rules = WorkRules::shipped();
    REQUIRE(rules.rules().size() == all_residence_statuses().size());
    for (const auto status : all_residence_statuses()) {
        INFO("status " << to_string(status));
        const auto& rule = rules.rule(status);
        CHECK(rule.status == status);
        CHECK_FALSE(rule.label.empty());
        CHECK_FALSE(rule.note.empty());
        if (status != ResidenceStatus::unknown) {
            CHECK_FALSE(rule.legal_basis.empty());
        }
    }
    // A day (YYYY-MM-DD); that it is recent is checked in test_advisory_rule_files.cpp.
    CHECK(Date::parse_iso(rules.valid_as_of()).has_value());
    CHECK(rules.valid_as_of().size() == 10);
}

TEST_CASE("WorkRules::shipped says what the spec table says", "[work_rules]") {
    const auto& rules = WorkRules::shipped();
    using S = ResidenceStatus;
    using P = WorkPermission;
    const std::pair<S, P> expected[] = {{S::eu, P::free},
                                        {S::niederlassung, P::free},
                                        {S::schutz, P::free},
                                        {S::ukraine, P::free},
                                        {S::bleiberecht, P::free},
                                        {S::fachkraft, P::title_job},
                                        {S::blaue_karte, P::title_job},
                                        {S::ausbildung, P::title_job},
                                        {S::anerkennung, P::title_job},
                                        {S::beschaeftigung, P::title_job},
                                        {S::fiktion, P::unknown},
                                        {S::gestattung, P::permit_required},
                                        {S::duldung, P::permit_required},
                                        {S::duldung_60b, P::not_allowed},
                                        {S::ausbildungsduldung, P::title_job},
                                        {S::unknown, P::unknown}};
    for (const auto& [status, permission] : expected) {
        INFO("status " << to_string(status));
        CHECK(rules.rule(status).permission == permission);
    }
    CHECK(rules.rule(S::duldung_60b).legal_basis == "§ 60b AufenthG");
    CHECK(rules.rule(S::blaue_karte).label == "Blaue Karte EU");
}

TEST_CASE("WorkRules::from_toml reads a complete table", "[work_rules]") {
    const auto rules = WorkRules::from_toml(
        table_with("", "schutz") +
            "\n[[rule]]\ncode = \"schutz\"\nlabel = \"Schutz\"\nlegal_basis = \"\"\n"
            "permission = \"not-allowed\"\nnote = \"\"\n",
        "test.toml");
    CHECK(rules.valid_as_of() == "2025-01-01");
    CHECK(rules.rule(ResidenceStatus::schutz).permission == WorkPermission::not_allowed);
    CHECK(rules.rule(ResidenceStatus::schutz).label == "Schutz");
    CHECK(rules.rule(ResidenceStatus::schutz).legal_basis.empty());
    CHECK(rules.rule(ResidenceStatus::eu).label == "Label eu");
    CHECK(rules.rule(ResidenceStatus::eu).permission == WorkPermission::unknown);
    CHECK(rules.rules().back().status == ResidenceStatus::unknown);
}

TEST_CASE("WorkRules::from_toml names file and line of bad data", "[work_rules]") {
    struct Case {
        std::string text;
        std::string at; // the line the message must name is the last one containing this
        std::string message;
    };
    const std::string eu_rule = "\n[[rule]]\ncode = \"eu\"\n";
    const Case cases[] = {
        {table_with("\n[[rule]]\ncode = \"asyl\"\nlabel = \"x\"\npermission = \"free\"\n"),
         "code = \"asyl\"", "unknown residence status 'asyl'"},
        {table_with("", "gestattung") + "\n[[rule]]\ncode = \"gestattung\"\nlabel = \"x\"\n"
                                        "legal_basis = \"\"\npermission = \"maybe\"\nnote = \"\"\n",
         "permission = \"maybe\"", "unknown permission 'maybe'"},
        {table_with("", "gestattung") + "\n[[rule]]\ncode = \"gestattung\"\nlabel = \"x\"\n"
                                        "legal_basis = \"\"\npermission = \"Free\"\nnote = \"\"\n",
         "permission = \"Free\"", "unknown permission 'Free'"},
        {table_with(eu_rule + "label = \"x\"\npermission = \"free\"\n"), "code = \"eu\"",
         "a second rule for 'eu'"},
        {table_with("\n[[rule]]\nlabel = \"x\"\npermission = \"free\"\n"), "[[rule]]",
         "this rule has no 'code'"},
        {table_with("\n[[rule]]\ncode = 7\n"), "code = 7", "'code' must be a text"},
        {table_with("", "eu") + eu_rule + "legal_basis = \"\"\npermission = \"free\"\n", "[[rule]]",
         "this rule has no 'label'"},
        {table_with("", "eu") + eu_rule + "label = \"x\"\nlegal_basis = \"\"\nnote = \"\"\n",
         "[[rule]]", "this rule has no 'permission'"},
        {table_with("", "eu") + eu_rule + "label = \"x\"\npermission = \"free\"\nnote = \"\"\n",
         "[[rule]]", "this rule has no 'legal_basis'"},
        {table_with("", "eu") + eu_rule +
             "label = \"\"\nlegal_basis = \"\"\npermission = \"free\"\n",
         "label = \"\"", "'label' must not be empty"},
        {table_with("", "eu") + eu_rule +
             "label = \"x\"\nlegal_basis = 18\npermission = \"free\"\n",
         "legal_basis = 18", "'legal_basis' must be a text"},
        {table_with("", "eu") + eu_rule +
             "label = \"x\"\nlegal_basis = \"\"\npermission = \"free\"\nnote = \"\"\nweeks = 3\n",
         "weeks = 3", "unknown key 'weeks' in this rule"},
        {"author = \"x\"\n" + table_with(), "author", "unknown key 'author'"},
        {"valid_as_of = \"2025-01-01\"\n", "valid_as_of", "'valid_as_of' must be a date"},
        {"valid_as_of = 2025-01-01\nrule = 3\n", "rule = 3", "'rule' must be a list"},
        {"valid_as_of = 2025-01-01\n[[rule]]\ncode = \"eu\n", "code", ""},
        {"valid_as_of = 2025-02-30\n", "valid_as_of", ""},
    };
    for (const auto& c : cases) {
        const auto line = std::count(c.text.begin(), c.text.begin() + c.text.rfind(c.at), '\n') + 1;
        const auto expected = "test.toml:" + std::to_string(line) + ": " + c.message;
        INFO("expecting: " << expected);
        const auto failure = failure_of([&] { WorkRules::from_toml(c.text, "test.toml"); });
        CHECK(failure.kind == ErrorKind::config);
        CHECK_THAT(failure.message, Catch::StartsWith(expected));
    }
}

TEST_CASE("WorkRules::from_toml names a status without a rule", "[work_rules]") {
    const auto missing =
        failure_of([&] { WorkRules::from_toml(table_with("", "duldung-60b"), "test.toml"); });
    CHECK(missing.kind == ErrorKind::config);
    CHECK_THAT(missing.message,
               Catch::Contains("test.toml: no rule for residence status 'duldung-60b'"));

    const auto empty = failure_of([&] { WorkRules::from_toml("valid_as_of = 2025-01-01\n", "t"); });
    CHECK(empty.kind == ErrorKind::config);
    CHECK_THAT(empty.message, Catch::Contains("no rule for residence status 'eu'"));

    const auto undated = failure_of([&] {
        WorkRules::from_toml(table_with().substr(std::string("valid_as_of = 2025-01-01\n").size()),
                             "t");
    });
    CHECK(undated.kind == ErrorKind::config);
    CHECK_THAT(undated.message, Catch::Contains("'valid_as_of' is missing"));
}
