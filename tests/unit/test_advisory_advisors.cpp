// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/advisors.hpp"

#include "store/advisory_store.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;

namespace {

AdvisoryService service(std::string key, std::string plz, std::vector<std::string> districts,
                        bool statewide, std::vector<AdvisoryTopic> topics) {
    AdvisoryService s;
    s.key = std::move(key);
    s.organisation = "Org " + s.key;
    s.service = "Service";
    s.plz = std::move(plz);
    s.districts = std::move(districts);
    s.statewide = statewide;
    s.topics = std::move(topics);
    return s;
}

std::vector<std::string> keys(const std::vector<AdvisorMatch>& matches) {
    std::vector<std::string> out;
    for (const auto& m : matches) {
        out.push_back(m.service.key);
    }
    return out;
}

const VerifyPolicy k_policy{*Date::parse_iso("2027-01-15"), 365};

AdvisorFields fields(const std::string& key) {
    AdvisorFields f;
    f.key = key;
    f.organisation = "IQ Netzwerk";
    f.service = "Anerkennungsberatung";
    f.topics = std::vector<std::string>{"recognition"};
    f.plz = "39104";
    return f;
}

} // namespace

TEST_CASE("find ranks services serving the district first, then statewide, then by distance") {
    const auto permit = AdvisoryTopic::work_permit;
    const std::vector<AdvisoryService> services = {
        // Magdeburg's own office, far from Wernigerode but not serving Harz.
        service("abh-magdeburg", "39104", {"15003"}, false, {permit}),
        // Harz's office in Halberstadt serves the place.
        service("abh-harz", "38820", {"15085"}, false, {permit}),
        // A statewide service in Magdeburg.
        service("faire-integration", "39104", {}, true, {permit}),
        // A statewide service in Nürnberg is measured from its PLZ's centre (the German PLZ
        // data) and so comes after the nearer statewide one.
        service("bamf", "90461", {}, true, {permit}),
        // A statewide hotline without an address has no place: last of the statewide ones.
        service("hotline", "", {}, true, {permit}),
        // Sangerhausen is nearer to Wernigerode than Magdeburg is, but serves another district.
        service("abh-sangerhausen", "06526", {"15087"}, false, {permit}),
        // Another topic never matches.
        service("ihk", "38820", {"15085"}, false, {AdvisoryTopic::training}),
    };
    const auto query = parse_advisor_query(std::string("work-permit"), std::nullopt,
                                           std::string("38855"), std::nullopt, std::nullopt);
    REQUIRE(query.district_ags == "15085");
    const auto matches = rank_advisors(services, query, k_policy);
    CHECK(keys(matches) == std::vector<std::string>{"abh-harz", "faire-integration", "bamf",
                                                    "hotline", "abh-sangerhausen",
                                                    "abh-magdeburg"});
    CHECK(matches[0].reach == Reach::district);
    CHECK(matches[1].reach == Reach::statewide);
    CHECK(matches[3].reach == Reach::statewide);
    CHECK_FALSE(matches[3].distance_km);
    CHECK(matches[4].reach == Reach::elsewhere);
    REQUIRE(matches[0].distance_km);
    CHECK(*matches[0].distance_km > 10);
    CHECK(*matches[0].distance_km < 30);
    REQUIRE(matches[1].distance_km);
    REQUIRE(matches[2].distance_km); // Nürnberg: the centre of 90461 from the German PLZ data
    CHECK(*matches[2].distance_km > 250);
    CHECK(*matches[2].distance_km < 350);
    CHECK(*matches[1].distance_km < *matches[2].distance_km);
    CHECK(*matches[4].distance_km < *matches[5].distance_km);
}

TEST_CASE("find by district measures from the district's centre; language filters") {
    auto a = service("a", "06108", {"15002"}, false, {AdvisoryTopic::language});
    a.languages = {"de", "ar"};
    auto b = service("b", "39104", {"15003"}, false, {AdvisoryTopic::language});
    b.languages = {"de"};
    const auto query = parse_advisor_query(std::nullopt, std::string("Magdeburg"), std::nullopt,
                                           std::nullopt, std::string("AR"));
    CHECK(keys(rank_advisors({a, b}, query, k_policy)) == std::vector<std::string>{"a"});
    const auto all = rank_advisors({a, b},
                                   parse_advisor_query(std::nullopt, std::string("15003"),
                                                       std::nullopt, std::nullopt, std::nullopt),
                                   k_policy);
    CHECK(keys(all) == std::vector<std::string>{"b", "a"});
}

TEST_CASE("entries never verified or verified too long ago need a check") {
    auto fresh = service("fresh", "39104", {"15003"}, false, {AdvisoryTopic::funding});
    fresh.last_verified = Date::parse_iso("2026-06-01");
    auto old = service("old", "39104", {"15003"}, false, {AdvisoryTopic::funding});
    old.last_verified = Date::parse_iso("2025-06-01");
    const auto never = service("never", "39104", {"15003"}, false, {AdvisoryTopic::funding});
    const auto matches = rank_advisors({fresh, old, never}, AdvisorQuery{}, k_policy);
    REQUIRE(matches.size() == 3);
    CHECK_FALSE(matches[0].needs_check);
    CHECK(matches[1].needs_check);
    CHECK(matches[2].needs_check);
}

TEST_CASE("unknown topics, districts and PLZ are usage errors that name the known ones") {
    auto f = failure_of([] {
        parse_advisor_query(std::string("visa"), std::nullopt, std::nullopt, std::nullopt,
                            std::nullopt);
    });
    CHECK(f.kind == ErrorKind::usage);
    CHECK_THAT(f.message, Catch::Contains("recognition, work-permit, language"));
    f = failure_of([] {
        parse_advisor_query(std::nullopt, std::string("Atlantis"), std::nullopt, std::nullopt,
                            std::nullopt);
    });
    CHECK(f.kind == ErrorKind::usage);
    CHECK_THAT(f.message, Catch::Contains("Dessau-Roßlau"));
    f = failure_of([] {
        parse_advisor_query(std::nullopt, std::nullopt, std::string("10115"), std::nullopt,
                            std::nullopt);
    });
    CHECK(f.kind == ErrorKind::usage);
    CHECK_THAT(f.message, Catch::Contains("PLZ 10115 is "));
}

TEST_CASE("add validates fields and derives the district served from the PLZ") {
    TestDatabase t;
    auto f = fields("iq-nord");
    f.topics = std::vector<std::string>{"training", "Recognition"};
    f.languages = std::vector<std::string>{"DE", "en"};
    const auto out = add_advisor(t.db(), f, DryRun::no);
    const auto stored = require_advisor(t.db(), "iq-nord");
    CHECK(stored.district_ags == "15003");
    CHECK(stored.districts == std::vector<std::string>{"15003"});
    CHECK(stored.topics ==
          std::vector<AdvisoryTopic>{AdvisoryTopic::recognition, AdvisoryTopic::training});
    CHECK(stored.languages == std::vector<std::string>{"de", "en"});
    CHECK(stored.origin == Origin::local);

    auto bad = fields("x");
    bad.topics = std::vector<std::string>{"visa"};
    auto e = failure_of([&] { add_advisor(t.db(), bad, DryRun::no); });
    CHECK(e.kind == ErrorKind::bad_data);
    CHECK_THAT(e.message, Catch::Contains("the known topics are recognition"));
    bad = fields("x");
    bad.districts = std::vector<std::string>{"Atlantis"};
    e = failure_of([&] { add_advisor(t.db(), bad, DryRun::no); });
    CHECK_THAT(e.message, Catch::Contains("Wittenberg"));
    bad = fields("y");
    bad.plz = "90461"; // outside the state, no district named
    e = failure_of([&] { add_advisor(t.db(), bad, DryRun::no); });
    CHECK_THAT(e.message, Catch::Contains("serves no district"));
    e = failure_of([&] { add_advisor(t.db(), fields("iq-nord"), DryRun::no); });
    CHECK(e.kind == ErrorKind::conflict);
}

TEST_CASE("import needs the key columns and is all or nothing") {
    TestDatabase t;
    std::istringstream missing("key,organisation,service,plz\na,B,C,39104\n");
    const auto f = failure_of([&] { import_advisors(t.db(), missing, "m.csv", DryRun::no); });
    CHECK(f.kind == ErrorKind::bad_data);
    CHECK_THAT(f.message, Catch::Contains("column 'topics' is missing"));

    std::istringstream mixed("key,organisation,service,topics,plz,districts\n"
                             "a,Org,Svc,recognition,39104,\n"
                             "b,Org,Svc,visa,39104,\n");
    const auto report = import_advisors(t.db(), mixed, "x.csv", DryRun::no);
    REQUIRE(report.problems.size() == 1);
    CHECK_THAT(report.problems[0], Catch::Contains("x.csv:3: topic 'visa' is unknown"));
    CHECK(list_advisors(t.db()).empty());

    std::istringstream good("key,organisation,service,topics,plz,districts\n"
                            "a,Org,Svc,\"recognition,language\",39104,statewide\n");
    const auto ok = import_advisors(t.db(), good, "g.csv", DryRun::no);
    CHECK(ok.inserted == 1);
    CHECK(require_advisor(t.db(), "a").statewide);
}

TEST_CASE("list and map keep the services with the topic that serve the district") {
    const auto permit = AdvisoryTopic::work_permit;
    const std::vector<AdvisoryService> services = {
        service("abh-harz", "38820", {"15085"}, false, {permit}),
        service("abh-magdeburg", "39104", {"15003"}, false, {permit}),
        service("faire-integration", "39104", {}, true, {permit}),
        service("ihk", "38820", {"15085"}, false, {AdvisoryTopic::training}),
    };
    const auto names = [](const std::vector<AdvisoryService>& list) {
        std::vector<std::string> out;
        for (const auto& s : list) {
            out.push_back(s.key);
        }
        return out;
    };
    CHECK(names(filter_advisors(services, AdvisorQuery{})).size() == 4);
    const auto by_topic = parse_advisor_query(std::string("work-permit"), std::nullopt,
                                              std::nullopt, std::nullopt, std::nullopt);
    CHECK(names(filter_advisors(services, by_topic)) ==
          std::vector<std::string>{"abh-harz", "abh-magdeburg", "faire-integration"});
    const auto by_district = parse_advisor_query(std::nullopt, std::string("Harz"), std::nullopt,
                                                 std::nullopt, std::nullopt);
    CHECK(names(filter_advisors(services, by_district)) ==
          std::vector<std::string>{"abh-harz", "faire-integration", "ihk"});
    const auto both = parse_advisor_query(std::string("training"), std::string("Harz"),
                                          std::nullopt, std::nullopt, std::nullopt);
    CHECK(names(filter_advisors(services, both)) == std::vector<std::string>{"ihk"});
    // The place and the language are for `find`; the filter ignores them.
    auto with_language = by_topic;
    with_language.language = "ar";
    CHECK(filter_advisors(services, with_language).size() == 3);

    TestDatabase t;
    add_advisor(t.db(), fields("z-iq"), DryRun::no);
    add_advisor(t.db(), fields("a-iq"), DryRun::no);
    auto other = fields("m-ihk");
    other.topics = std::vector<std::string>{"training"};
    add_advisor(t.db(), other, DryRun::no);
    CHECK(names(select_advisors(t.db(),
                                parse_advisor_query(std::string("recognition"), std::nullopt,
                                                    std::nullopt, std::nullopt, std::nullopt))) ==
          std::vector<std::string>{"a-iq", "z-iq"});
}
