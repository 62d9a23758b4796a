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
    REQUIRE_FALSE(rules.sources().empty());
    const auto cites = [&](const std::string& what) {
        return std::any_of(rules.sources().begin(), rules.sources().end(),
                           [&](const std::string& s) { return s.find(what) != std::string::npos; });
    };
    CHECK(cites("BGBl. 2024 I Nr. 54"));
    CHECK(cites("BGBl. 2023 I Nr. 217"));
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
                                        {S::studium, P::limited},
                                        {S::sprachkurs, P::limited},
                                        {S::ausbildungssuche, P::limited},
                                        {S::arbeitssuche, P::free},
                                        {S::chancenkarte, P::limited},
                                        {S::ausbildung_16g, P::title_job},
                                        {S::familie, P::free},
                                        {S::humanitaer, P::free},
                                        {S::aufnahme, P::free},
                                        {S::ausland, P::permit_required},
                                        {S::unknown, P::unknown}};
    for (const auto& [status, permission] : expected) {
        INFO("status " << to_string(status));
        CHECK(rules.rule(status).permission == permission);
    }
    CHECK(rules.rule(S::duldung_60b).legal_basis == "§ 60b AufenthG");
    CHECK(rules.rule(S::blaue_karte).label == "Blaue Karte EU");
}

TEST_CASE("WorkRules::shipped states the law of 2026 (issue 12)", "[work_rules]") {
    const auto& rules = WorkRules::shipped();
    using S = ResidenceStatus;
    const auto note = [&](S s) { return rules.rule(s).note; };
    // Duldung: a permit as a rule (soll) since 27.02.2024, not at discretion.
    CHECK_THAT(note(S::duldung), Catch::Contains("Since 27 February 2024 the Ausländerbehörde "
                                                 "shall permit a concrete job after 3 months"));
    CHECK_THAT(note(S::duldung), Catch::Contains("unless measures to end the stay are imminent"));
    CHECK_THAT(note(S::duldung), Catch::Contains("6 months while the person must live in a "
                                                 "reception centre"));
    CHECK_THAT(note(S::duldung), !Catch::Contains("can permit"));
    // Gestattung: the exclusions.
    CHECK_THAT(note(S::gestattung), Catch::Contains("offensichtlich unbegründet"));
    CHECK_THAT(note(S::gestattung), Catch::Contains("unzulässig"));
    CHECK_THAT(note(S::gestattung), Catch::Contains("Georgia and Moldova"));
    // Blue Card: a new employer is notified, not approved.
    CHECK(rules.rule(S::blaue_karte).job_change == JobChange::notice);
    CHECK_THAT(note(S::blaue_karte), Catch::Contains("first 12 months"));
    CHECK_THAT(note(S::blaue_karte), Catch::Contains("within 30 days"));
    CHECK(rules.rule(S::fachkraft).job_change == JobChange::approval);
    // § 16d: side job, related work, Anerkennungspartnerschaft.
    CHECK_THAT(note(S::anerkennung), Catch::Contains("up to 20 hours a week (Abs. 1)"));
    CHECK_THAT(note(S::anerkennung), Catch::Contains("without a time limit (Abs. 2)"));
    CHECK_THAT(note(S::anerkennung), Catch::Contains("Anerkennungspartnerschaft (Abs. 3)"));
    // § 104c: no new grants since 1.1.2026.
    CHECK_THAT(note(S::bleiberecht), Catch::Contains("no longer granted since 1 January 2026"));
    CHECK_THAT(note(S::bleiberecht), Catch::Contains("mid-2027"));
    // The statuses that fell to unknown before.
    CHECK_THAT(note(S::studium), Catch::Contains("140 full or 280 half working days"));
    CHECK_THAT(note(S::chancenkarte), Catch::Contains("20 hours a week"));
    CHECK_THAT(note(S::chancenkarte), Catch::Contains("trial work of up to 2 weeks"));
    CHECK_THAT(note(S::ausbildung_16g), Catch::Contains("within 2 weeks"));
    CHECK(rules.rule(S::studium).legal_basis == "§ 16b Abs. 3 AufenthG");
    CHECK(rules.rule(S::chancenkarte).legal_basis == "§ 20a AufenthG");
    CHECK(rules.rule(S::ausbildung_16g).legal_basis == "§ 16g AufenthG");
}

TEST_CASE("WorkRules::from_toml reads job_change and sources", "[work_rules]") {
    const auto rules = WorkRules::from_toml(
        "sources = [\"a law\", \"a page\"]\n" + table_with("", "blaue-karte") +
            "\n[[rule]]\ncode = \"blaue-karte\"\nlabel = \"B\"\nlegal_basis = \"\"\n"
            "permission = \"title-job\"\nnote = \"\"\njob_change = \"notice\"\n",
        "test.toml");
    CHECK(rules.sources() == std::vector<std::string>{"a law", "a page"});
    CHECK(rules.rule(ResidenceStatus::blaue_karte).job_change == JobChange::notice);
    CHECK(rules.rule(ResidenceStatus::eu).job_change == JobChange::approval);
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
        {table_with("", "eu") + eu_rule +
             "label = \"x\"\nlegal_basis = \"\"\npermission = \"free\"\nnote = \"\"\n"
             "job_change = \"ask\"\n",
         "job_change", "unknown job_change 'ask'; use approval or notice"},
        {"sources = \"a law\"\n" + table_with(), "sources", "'sources' must be a list"},
        {"sources = [3]\n" + table_with(), "sources", "'sources' must list texts"},
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

TEST_CASE("WorkRules: every shipped rule has its note in German; a note without falls back",
          "[work_rules]") {
    for (const auto& rule : WorkRules::shipped().rules()) {
        INFO("status " << to_string(rule.status));
        CHECK((rule.note.empty() || !rule.note_de.empty()));
    }
    CHECK_THAT(in_language(WorkRules::shipped().rule(ResidenceStatus::duldung), Language::de).note,
               Catch::Contains("Arbeitsverbot nach § 60a Abs. 6"));
    CHECK_THAT(in_language(WorkRules::shipped().rule(ResidenceStatus::duldung), Language::en).note,
               Catch::Contains("a work ban under § 60a (6)"));

    // An admin's table may give English only: a German document shows the English note.
    const auto rules = WorkRules::from_toml(
        table_with("", "schutz") +
            "\n[[rule]]\ncode = \"schutz\"\nlabel = \"Schutz\"\nlegal_basis = \"\"\n"
            "permission = \"free\"\nnote = \"Any work.\"\nnote_de = \"Jede Arbeit.\"\n",
        "test.toml");
    CHECK(in_language(rules.rule(ResidenceStatus::schutz), Language::de).note == "Jede Arbeit.");
    CHECK(in_language(rules.rule(ResidenceStatus::schutz), Language::en).note == "Any work.");
    CHECK(in_language(rules.rule(ResidenceStatus::eu), Language::de).note == "A note.");
}
