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

// The English checklist, which the English assertions below read.
Checklist checklist(const HiringSituation& s, Language lang = Language::en) {
    static const auto funding =
        parse_funding_toml(*embedded_file("data/funding.toml"), "funding.toml");
    return build_checklist(s, HiringRules::shipped(), WorkRules::shipped(), {harz_office()},
                           in_language(funding, funding, lang), k_policy, lang);
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
                                       WorkRules::shipped(), some, funding, k_policy, Language::en);
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

TEST_CASE("every shipped step has its texts in German; a rule file without falls back") {
    CHECK(steps_without_german(HiringRules::shipped()).empty());
    for (const auto& step : HiringRules::shipped().steps()) {
        INFO("step " << step.key);
        // The German text has the placeholders of the English, so the facts are filled in.
        for (const char* placeholder :
             {"{status_label}", "{legal_basis}", "{permission}", "{work_note}"}) {
            CHECK((step.text.find(placeholder) == std::string::npos) ==
                  (step.text_de.find(placeholder) == std::string::npos));
        }
    }

    // An admin's copy may give German for some fields only: the others stay English.
    const auto own = HiringRules::from_toml("valid_as_of = 2025-01-01\n[[step]]\nkey = \"a\"\n"
                                            "title = \"Check it\"\ntitle_de = \"Prüfen\"\n"
                                            "text = \"{permission}.\"\nwho = \"the employer\"\n"
                                            "source = \"§ 1 and 2\"\n",
                                            "own.toml");
    CHECK(steps_without_german(own) == std::vector<std::string>{"a: text", "a: who"});
    const auto de = in_language(own.steps().front(), Language::de);
    CHECK(de.title == "Prüfen");
    CHECK(de.text == "{permission}.");
    CHECK(de.who == "the employer");
    CHECK(de.source == "§ 1 and 2");
    CHECK(in_language(own.steps().front(), Language::en).title == "Check it");

    const auto c = build_checklist(person(ResidenceStatus::eu), own, WorkRules::shipped(), {}, {},
                                   k_policy, Language::de);
    REQUIRE(c.steps.size() == 1);
    CHECK(c.steps[0].rule.title == "Prüfen");
    CHECK(c.steps[0].text == "darf ohne Erlaubnis arbeiten.");

    const auto bad = failure_of([] {
        HiringRules::from_toml("valid_as_of = 2025-01-01\n[[step]]\nkey = \"a\"\ntitle = \"t\"\n"
                               "text = \"x\"\nsource = \"s\"\ntitle_fr = \"x\"\n",
                               "r.toml");
    });
    CHECK(bad.kind == ErrorKind::config);
}

TEST_CASE("a checklist in German: steps, labels, dates, funding facts; keys and codes stay") {
    auto s = person(ResidenceStatus::duldung);
    const auto c = checklist(s, Language::de);
    REQUIRE(steps(c) == std::vector<std::string>{"may-work", "permit", "work-ban-duldung",
                                                 "keep-document-copy"});
    CHECK(c.steps[0].rule.title == "Darf die Person arbeiten?");
    CHECK_THAT(c.steps[0].text,
               Catch::StartsWith("Duldung (§ 60a AufenthG; § 4a Abs. 4 AufenthG; § 61 Abs. 1 "
                                 "AsylG; § 32 BeschV): braucht für jede Beschäftigung eine "
                                 "Beschäftigungserlaubnis der Ausländerbehörde. Seit dem 27. "
                                 "Februar 2024"));
    CHECK_THAT(c.steps[0].text, Catch::EndsWith("lesen Sie sie daher vor dem ersten Arbeitstag."));
    CHECK(c.steps[1].rule.who == "Ausländerbehörde, mit Zustimmung der Bundesagentur für Arbeit");

    const auto text = checklist_text(c);
    CHECK_THAT(text, Catch::StartsWith("Checkliste zur Einstellung\n"));
    CHECK_THAT(text, Catch::Contains("keine Rechtsberatung"));
    CHECK_THAT(text, Catch::Contains("Wer: Ausländerbehörde, mit Zustimmung"));
    CHECK_THAT(text, Catch::Contains("Dauert meist: etwa 3 bis 4 Wochen"));
    CHECK_THAT(text, Catch::Contains("Regel: hiring_rules.toml [may-work] und work_rules.toml "
                                     "[duldung]: § 4a Abs. 1, 3 und 4 AufenthG; § 60a AufenthG"));
    CHECK_THAT(text, Catch::Contains("(Stand 02.12.2026)"));
    CHECK_THAT(text, !Catch::Contains("2026-12-02"));
    CHECK_THAT(text, Catch::Contains("(Erwerbstätigkeit: permit-required; Deutsch B1)"));
    CHECK_THAT(text, !Catch::Contains("work:"));
    CHECK_THAT(text, !Catch::Contains("Who:"));

    const auto doc = nlohmann::json::parse(checklist_json(c));
    CHECK(doc["work_permission"] == "permit-required");
    CHECK(doc["residence_status"] == "duldung");
    CHECK_THAT(doc["notice"].get<std::string>(), Catch::Contains("keine Rechtsberatung"));
    CHECK(doc["steps"][1]["key"] == "permit");
    CHECK(doc["steps"][1]["title"] == "Beschäftigungserlaubnis für diese Stelle beantragen");
    CHECK(doc["steps"][1]["valid_as_of"] == "2026-12-02"); // a machine date
    CHECK_THAT(doc["funding"][0]["reason"].get<std::string>(),
               Catch::Contains("(Erwerbstätigkeit: permit-required; Deutsch B1)"));

    const auto rows = checklist_records(c);
    CHECK(rows.columns.front() == "no");
    CHECK(std::get<std::string>(rows.rows[0][2]) == "Darf die Person arbeiten?");

    // Without a German level recorded the fact says so as a whole phrase.
    s.german.reset();
    s.recognition = Recognition::partial;
    CHECK_THAT(checklist_text(checklist(s, Language::de)), Catch::Contains("Anerkennung: partial"));
}
