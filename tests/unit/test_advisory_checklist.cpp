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

TEST_CASE("a step names at most three helpers, those serving the place first") {
    static const auto funding =
        parse_funding_toml(*embedded_file("data/funding.toml"), "funding.toml");
    std::vector<AdvisoryService> offices;
    for (const char* key : {"abh-e", "abh-d", "abh-c", "abh-b", "abh-a"}) {
        auto office = harz_office();
        office.key = key; // same place: ranked by key
        offices.push_back(office);
    }
    auto elsewhere = harz_office();
    elsewhere.key = "abh-0-magdeburg"; // ranked first by key, but does not serve the Harz
    elsewhere.districts = {"15003"};
    elsewhere.plz = "39104";
    elsewhere.city = "Magdeburg";
    offices.push_back(elsewhere);
    const auto helper_keys = [&](std::size_t count) {
        const std::vector<AdvisoryService> some(offices.end() - static_cast<long>(count) - 1,
                                                offices.end());
        const auto c = build_checklist(person(ResidenceStatus::duldung), HiringRules::shipped(),
                                       WorkRules::shipped(), some, funding, k_policy);
        std::vector<std::string> keys;
        for (const auto& step : c.steps) {
            CHECK(step.helpers.size() <= 3);
            if (step.rule.key == "permit") {
                for (const auto& h : step.helpers) {
                    keys.push_back(h.service.key);
                }
            }
        }
        return keys;
    };
    CHECK(helper_keys(2) == std::vector<std::string>{"abh-a", "abh-b"});
    CHECK(helper_keys(3) == std::vector<std::string>{"abh-a", "abh-b", "abh-c"});
    CHECK(helper_keys(4) == std::vector<std::string>{"abh-a", "abh-b", "abh-c"});
    CHECK(helper_keys(5) == std::vector<std::string>{"abh-a", "abh-b", "abh-c"});
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

TEST_CASE("Rechtsstand 2026: Blue Card, limited titles, § 16g and people abroad") {
    // Blue Card: no "the Ausländerbehörde must change the title first", a notice instead.
    const auto blue = checklist(person(ResidenceStatus::blaue_karte));
    CHECK(steps(blue) == std::vector<std::string>{"may-work", "blue-card-change",
                                                  "keep-document-copy", "early-end-notice"});
    CHECK_THAT(blue.steps[0].text, Catch::Contains("a change of employer needs a notice, not a "
                                                   "permit"));
    CHECK_THAT(blue.steps[1].text, Catch::Contains("object within 30 days"));
    CHECK_THAT(blue.steps[1].rule.source, Catch::Contains("§ 18g Abs. 4 AufenthG"));
    CHECK_THAT(checklist_text(blue), !Catch::Contains("must change the title first"));

    // Students and the Chancenkarte: limits of hours or days, not "unclear".
    for (const auto status : {ResidenceStatus::studium, ResidenceStatus::chancenkarte}) {
        const auto c = checklist(person(status));
        INFO("status " << to_string(status));
        CHECK(steps(c) ==
              std::vector<std::string>{"may-work", "limited-hours", "keep-document-copy"});
        CHECK_THAT(c.steps[0].text, !Catch::Contains("not clear"));
        CHECK_THAT(c.steps[0].text, Catch::Contains("only within the limits of hours or days"));
    }
    CHECK_THAT(checklist(person(ResidenceStatus::studium)).steps[1].text,
               Catch::Contains("140 full or 280 half working days"));
    CHECK_THAT(checklist(person(ResidenceStatus::chancenkarte)).steps[1].text,
               Catch::Contains("20 hours a week"));

    // Training under § 16g and the Ausbildungsduldung: the 2-week notice with its fine.
    for (const auto status :
         {ResidenceStatus::ausbildung_16g, ResidenceStatus::ausbildungsduldung}) {
        const auto c = checklist(person(status));
        INFO("status " << to_string(status));
        CHECK(steps(c) == std::vector<std::string>{"may-work", "title-job", "keep-document-copy",
                                                   "early-end-notice-training"});
        CHECK_THAT(c.steps.back().text, Catch::Contains("within 2 weeks"));
        CHECK_THAT(c.steps.back().text, Catch::Contains("30,000 euros"));
        CHECK_THAT(c.steps.back().rule.source, Catch::Contains("§ 98 Abs. 2b AufenthG"));
    }

    // § 16d: side job, related work and the Anerkennungspartnerschaft instead of "title job".
    const auto measure = checklist(person(ResidenceStatus::anerkennung));
    CHECK(steps(measure) ==
          std::vector<std::string>{"may-work", "recognition-measure", "keep-document-copy"});
    CHECK_THAT(measure.steps[1].text, Catch::Contains("up to 20 hours a week"));
    CHECK_THAT(measure.steps[1].text, Catch::Contains("Anerkennungspartnerschaft"));
    CHECK_THAT(measure.steps[1].rule.source, Catch::Contains("§ 16d Abs. 1, 2 and 3"));

    // Still abroad: a visa and the accelerated procedure, not a Beschäftigungserlaubnis.
    const auto abroad = checklist(person(ResidenceStatus::ausland));
    CHECK(steps(abroad) ==
          std::vector<std::string>{"may-work", "visa-fast-track", "keep-document-copy"});
    CHECK_THAT(abroad.steps[1].rule.source, Catch::Contains("§ 81a AufenthG"));

    // Family reunification, humanitarian and admission titles allow work.
    for (const auto status :
         {ResidenceStatus::familie, ResidenceStatus::humanitaer, ResidenceStatus::aufnahme}) {
        CHECK(steps(checklist(person(status))) ==
              std::vector<std::string>{"may-work", "keep-document-copy"});
    }
}

TEST_CASE("the shipped hiring rules are dated and list their sources") {
    const auto& rules = HiringRules::shipped();
    CHECK(rules.valid_as_of() == "2026-12-02");
    REQUIRE_FALSE(rules.sources().empty());
    bool cites_rueckfuehrung = false;
    for (const auto& source : rules.sources()) {
        cites_rueckfuehrung |= source.find("BGBl. 2024 I Nr. 54") != std::string::npos;
    }
    CHECK(cites_rueckfuehrung);
    const auto bad = failure_of(
        [] { HiringRules::from_toml("valid_as_of = 2026-01-01\nsources = 3\n", "r.toml"); });
    CHECK(bad.kind == ErrorKind::config);
    CHECK_THAT(bad.message, Catch::StartsWith("r.toml:2: 'sources' must be a list"));
}
