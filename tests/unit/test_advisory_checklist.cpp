// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/checklist.hpp"

#include "advisory/catalogue.hpp"
#include "core/embedded.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace werkstatt;
using werkstatt::test::failure_of;

namespace {

const VerifyPolicy k_policy{*Date::parse_iso("2027-01-15"), 365};

HiringSituation person(ResidenceStatus status) {
    HiringSituation s;
    s.candidate_id = 7;
    s.status = status;
    s.german = CefrLevel::parse("B1");
    s.plz = "38855";
    s.city = "Wernigerode";
    s.district_ags = "15085";
    return s;
}

AdvisoryService harz_office() {
    AdvisoryService s;
    s.key = "abh-harz";
    s.organisation = "Landkreis Harz";
    s.service = "Ausländerbehörde";
    s.topics = {AdvisoryTopic::work_permit};
    s.districts = {"15085"};
    s.plz = "38820";
    s.city = "Halberstadt";
    return s;
}

Checklist checklist(const HiringSituation& s) {
    static const auto funding =
        parse_funding_toml(*embedded_file("data/funding.toml"), "funding.toml");
    return build_checklist(s, HiringRules::shipped(), WorkRules::shipped(), {harz_office()},
                           funding, k_policy);
}

std::vector<std::string> steps(const Checklist& c) {
    std::vector<std::string> keys;
    for (const auto& step : c.steps) {
        keys.push_back(step.rule.key);
    }
    return keys;
}

} // namespace

TEST_CASE("free status: may work, keep a copy of the document") {
    const auto c = checklist(person(ResidenceStatus::schutz));
    CHECK(steps(c) == std::vector<std::string>{"may-work", "keep-document-copy"});
    CHECK_THAT(c.steps[0].text, Catch::Contains("may work without a permit"));
    CHECK_THAT(c.steps[0].text, Catch::Contains("§ 25 Abs. 1–3 AufenthG"));
    const auto text = checklist_text(c);
    CHECK_THAT(text, Catch::Contains("not legal advice"));
    CHECK_THAT(text, Catch::Contains("Rule: hiring_rules.toml [keep-document-copy]: § 4a Abs. 5 "
                                     "AufenthG (valid as of 2026-12-02)"));
    CHECK_THAT(text, Catch::Contains("work_rules.toml [schutz]"));
}

TEST_CASE("permit-required status: the permit, its duration, the ban check and who helps") {
    const auto c = checklist(person(ResidenceStatus::duldung));
    CHECK(steps(c) ==
          std::vector<std::string>{"may-work", "permit", "work-ban-duldung", "keep-document-copy"});
    const auto& permit = c.steps[1];
    CHECK_THAT(permit.rule.who, Catch::Contains("Ausländerbehörde"));
    CHECK_THAT(permit.rule.duration, Catch::Contains("2 weeks"));
    CHECK_THAT(permit.rule.source, Catch::Contains("§ 32 BeschV"));
    REQUIRE(permit.helpers.size() == 1);
    CHECK(permit.helpers[0].service.key == "abh-harz");
    CHECK(permit.helpers[0].needs_check); // never verified
    const auto gestattung = checklist(person(ResidenceStatus::gestattung));
    CHECK(steps(gestattung) == std::vector<std::string>{"may-work", "permit",
                                                        "waiting-period-gestattung",
                                                        "keep-document-copy"});
}

TEST_CASE("not-allowed status: do not employ, no copy to keep, no funding") {
    const auto c = checklist(person(ResidenceStatus::duldung_60b));
    CHECK(steps(c) == std::vector<std::string>{"may-work", "not-allowed"});
    CHECK_THAT(c.steps[0].text, Catch::Contains("may not work"));
    CHECK(c.funding.empty());
    CHECK_THAT(checklist_text(c), Catch::Contains("none while the person may not work"));
}

TEST_CASE("title-job and unknown statuses; the early-end notice for employment titles") {
    CHECK(steps(checklist(person(ResidenceStatus::fachkraft))) ==
          std::vector<std::string>{"may-work", "title-job", "keep-document-copy",
                                   "early-end-notice"});
    CHECK(steps(checklist(person(ResidenceStatus::ausbildung))) ==
          std::vector<std::string>{"may-work", "title-job", "keep-document-copy"});
    CHECK(steps(checklist(person(ResidenceStatus::unknown))) ==
          std::vector<std::string>{"may-work", "clarify", "keep-document-copy"});
    CHECK(steps(checklist(person(ResidenceStatus::eu))) == std::vector<std::string>{"may-work"});
}

TEST_CASE("a regulated occupation needs recognition unless it is full") {
    auto s = person(ResidenceStatus::eu);
    s.recognition = Recognition::pending;
    OpeningFacts o;
    o.id = 3;
    o.title = "Pflegefachkraft";
    o.needs_recognition = true;
    s.opening = o;
    CHECK(steps(checklist(s)) == std::vector<std::string>{"may-work", "regulated-occupation"});
    s.recognition = Recognition::full;
    CHECK(steps(checklist(s)) == std::vector<std::string>{"may-work", "recognition-on-file"});
    s.opening->needs_recognition = false;
    s.recognition = Recognition::partial;
    CHECK(steps(checklist(s)) == std::vector<std::string>{"may-work", "recognition-optional"});
}

TEST_CASE("the checklist as JSON and CSV rows carries every step's rule and date") {
    const auto c = checklist(person(ResidenceStatus::duldung));
    const auto doc = nlohmann::json::parse(checklist_json(c));
    CHECK(doc["candidate"] == 7);
    CHECK(doc["work_permission"] == "permit-required");
    CHECK_THAT(doc["notice"].get<std::string>(), Catch::Contains("not legal advice"));
    REQUIRE(doc["steps"].size() == 4);
    for (const auto& step : doc["steps"]) {
        CHECK_FALSE(step["rule"].get<std::string>().empty());
        CHECK(step["valid_as_of"] == "2026-12-02");
    }
    CHECK(checklist_records(c).rows.size() == 4);
}

TEST_CASE("hiring rules files are checked") {
    auto f = failure_of([] { HiringRules::from_toml("[[step]]\nkey = \"a\"\n", "r.toml"); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains("'valid_as_of' is missing"));
    f = failure_of([] {
        HiringRules::from_toml("valid_as_of = 2025-01-01\n[[step]]\nkey = \"a\"\ntitle = \"t\"\n"
                               "text = \"x\"\nsource = \"s\"\nwhen.nationality = [\"sy\"]\n",
                               "r.toml");
    });
    CHECK_THAT(f.message, Catch::Contains("unknown condition 'nationality'"));
    f = failure_of([] {
        HiringRules::from_toml("valid_as_of = 2025-01-01\n[[step]]\nkey = \"a\"\ntitle = \"t\"\n"
                               "text = \"x\"\nsource = \"s\"\ntopics = [\"visa\"]\n",
                               "r.toml");
    });
    CHECK_THAT(f.message, Catch::Contains("r.toml:7: unknown topic 'visa'"));
}
