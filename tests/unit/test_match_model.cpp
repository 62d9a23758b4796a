// SPDX-License-Identifier: GPL-3.0-or-later
// The matching model: hard rules, score parts, the rule for missing facts.
#include "match/model.hpp"
#include "match/views.hpp"
#include "reference/work_rules.hpp"
#include "support.hpp"

#include <algorithm>

using namespace werkstatt;

namespace {

MatchCandidate candidate() {
    MatchCandidate c;
    c.id = 1;
    c.reference = "CP-1";
    c.source = "ba";
    c.plz = "39104";
    c.location = LonLat{11.63, 52.13}; // Magdeburg
    c.kldb = KldbCode::parse("52122");
    c.german = CefrLevel::parse("B1");
    c.residence = ResidenceStatus::schutz;
    c.recognition = Recognition::not_required;
    c.licences = LicenceSet::parse("B, CE").value;
    c.available_from = Date::parse_iso("2027-01-01");
    c.radius_km = 30;
    c.consent = Consent{};
    c.consent->scope = Scope::matching;
    c.consent->given_on = Date::parse_iso("2026-01-15");
    c.consent->valid_until = Date::parse_iso("2028-01-01");
    return c;
}

MatchOpening opening() {
    MatchOpening o;
    o.id = 7;
    o.title = "Berufskraftfahrer";
    o.company = "spedition";
    o.plz = "39104";
    o.location = LonLat{11.63, 52.13};
    o.kldb = KldbCode::parse("52122");
    o.german = CefrLevel::parse("B1");
    o.positions = 1;
    o.start_date = Date::parse_iso("2027-02-01");
    o.latest_start = Date::parse_iso("2027-04-01");
    return o;
}

MatchSettings settings() {
    MatchSettings s;
    s.today = *Date::parse_iso("2026-12-01");
    return s;
}

Evaluation eval(const MatchCandidate& c, const MatchOpening& o,
                const MatchSettings& s = settings()) {
    return evaluate(c, o, s, WorkRules::shipped(), true);
}

std::int64_t part(const Evaluation& e, Part p) {
    return e.parts[static_cast<std::size_t>(p)].milli;
}

} // namespace

TEST_CASE("a perfect pair earns every point", "[match]") {
    const auto e = eval(candidate(), opening());
    REQUIRE(e.feasible());
    CHECK(e.total_milli == 100000);
    CHECK(*e.distance == 0.0);
    const auto lines = explanation_lines(e);
    CHECK(lines.front() ==
          "occupation 40 of 40: KldB 52122 for 52122: the same occupation and level");
}

TEST_CASE("each hard rule excludes the pair and says why", "[match]") {
    SECTION("a residence status that does not allow work") {
        auto c = candidate();
        c.residence = ResidenceStatus::duldung_60b;
        const auto e = eval(c, opening());
        CHECK(e.failed == Rule::not_allowed_to_work);
        CHECK_THAT(e.failure, Catch::Contains("duldung-60b"));
    }
    SECTION("consent that ended") {
        auto c = candidate();
        c.consent->valid_until = Date::parse_iso("2026-11-30");
        const auto e = eval(c, opening());
        CHECK(e.failed == Rule::consent_expired);
        CHECK_THAT(e.failure, Catch::Contains("ended on 2026-11-30"));
    }
    SECTION("consent withdrawn") {
        auto c = candidate();
        c.consent->withdrawn_on = Date::parse_iso("2026-12-01");
        const auto e = eval(c, opening());
        CHECK(e.failed == Rule::consent_expired);
        CHECK_THAT(e.failure, Catch::Contains("withdrawn on 2026-12-01"));
    }
    SECTION("consent given only after the reference day") {
        auto c = candidate();
        c.consent->given_on = Date::parse_iso("2026-12-02");
        CHECK(eval(c, opening()).failed == Rule::consent_expired);
    }
    SECTION("no matching consent recorded") {
        auto c = candidate();
        c.consent.reset();
        const auto e = eval(c, opening());
        CHECK(e.failed == Rule::no_consent);
        CHECK(to_string(*e.failed) == "no-consent");
        CHECK_THAT(e.failure, Catch::Contains("candidate consent 1 --scope matching"));
    }
    SECTION("available only after the latest start") {
        auto c = candidate();
        c.available_from = Date::parse_iso("2027-04-02");
        CHECK(eval(c, opening()).failed == Rule::not_available);
        c.available_from = Date::parse_iso("2027-04-01");
        CHECK(eval(c, opening()).feasible());
    }
    SECTION("beyond both the candidate's radius and the opening's limit") {
        auto o = opening();
        o.location = LonLat{11.63 + 0.6, 52.13}; // about 41 km east
        const auto far = eval(candidate(), o);
        CHECK(far.failed == Rule::too_far);
        CHECK_THAT(far.failure, Catch::Contains("30 km"));
        o.max_distance_km = 50; // the opening accepts longer journeys
        const auto accepted = eval(candidate(), o);
        REQUIRE(accepted.feasible());
        CHECK(*accepted.distance > 40.0);
        CHECK(*accepted.distance < 42.0);
    }
    SECTION("a driving licence class missing, classes included by law count") {
        auto o = opening();
        o.licence = LicenceSet::parse("C").value; // CE is issued only to holders of C (§ 9 FeV)
        CHECK(eval(candidate(), o).feasible());
        o.licence = LicenceSet::parse("D").value;
        const auto e = eval(candidate(), o);
        CHECK(e.failed == Rule::licence_missing);
        CHECK_THAT(e.failure, Catch::Contains("class D"));
        auto c = candidate();
        c.licences.reset();
        o.licence = LicenceSet::parse("B").value;
        CHECK(eval(c, o).failed == Rule::licence_missing);
    }
    SECTION("a driving licence class included only under a condition of § 6 Abs. 3 FeV") {
        auto o = opening();
        o.licence = LicenceSet::parse("DE").value;
        auto c = candidate();
        c.licences = LicenceSet::parse("CE").value;
        CHECK(eval(c, o).failed == Rule::licence_missing);
        c.licences = LicenceSet::parse("CE, D").value; // CE includes DE where D is held
        CHECK(eval(c, o).feasible());
        o.licence = LicenceSet::parse("AM").value; // T includes AM
        c.licences = LicenceSet::parse("T").value;
        CHECK(eval(c, o).feasible());
    }
    SECTION("a regulated occupation needs full recognition or a German qualification") {
        auto o = opening();
        o.needs_recognition = true;
        auto c = candidate();
        c.recognition = Recognition::pending;
        CHECK(eval(c, o).failed == Rule::recognition_missing);
        c.recognition = Recognition::full;
        CHECK(eval(c, o).feasible());
        c.recognition = Recognition::german_qualification;
        const auto german = eval(c, o);
        REQUIRE(german.feasible());
        CHECK(part(german, Part::recognition) == 5000);
        c.recognition.reset();
        CHECK(eval(c, o).failed == Rule::recognition_missing);
    }
    SECTION("an unrelated occupation") {
        auto o = opening();
        o.kldb = KldbCode::parse("81302");
        CHECK(eval(candidate(), o).failed == Rule::occupation_unrelated);
        auto s = settings();
        s.min_kldb_digits = 0;
        const auto e = eval(candidate(), o, s);
        REQUIRE(e.feasible());
        CHECK(part(e, Part::occupation) == 0);
    }
    SECTION("a pair declined before") {
        auto c = candidate();
        c.closed_openings = {3, 7};
        CHECK(eval(c, opening()).failed == Rule::closed_before);
    }
}

TEST_CASE("occupation fit: the field by four KldB digits, the level with a direction", "[match]") {
    auto s = settings();
    s.min_kldb_digits = 2;
    const auto points = [&](const char* candidate_code, const char* opening_code) {
        auto c = candidate();
        c.kldb = KldbCode::parse(candidate_code);
        auto o = opening();
        o.kldb = KldbCode::parse(opening_code);
        return part(eval(c, o, s), Part::occupation);
    };
    // The field of work: the first four digits, at the opening's level.
    CHECK(points("52122", "52122") == 40000);
    CHECK(points("52132", "52132") == 40000);
    CHECK(points("52132", "52122") == std::llround(40000 * 2.0 / 3.0));
    CHECK(points("52212", "52122") == std::llround(40000 / 3.0));
    // The fifth digit is the level: a helper against an expert opening in the same four-digit
    // group is three levels below and earns nothing; a skilled worker against a specialist
    // opening is one below; above the asked level costs little.
    CHECK(points("52121", "52124") == 0);
    CHECK(points("52122", "52123") == 24000);
    CHECK(points("52121", "52123") == 10000);
    CHECK(points("52123", "52122") == 36000);
    CHECK(points("52124", "52121") == 28000);
    CHECK(points("52121", "52124") < points("52122", "52123"));
    CHECK(points("52122", "52123") < points("52123", "52122"));

    auto c = candidate();
    c.kldb = KldbCode::parse("52121");
    auto o = opening();
    o.kldb = KldbCode::parse("52124");
    const auto e = eval(c, o, s);
    CHECK(e.parts[0].reason == "KldB 52121 for 52124: the same occupation (4 digits); helper "
                               "(Helfer), opening asks expert (Experte): 3 levels below");
    const auto lines = explanation_lines(e);
    CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
              return l.find("target level is below the opening's") != std::string::npos;
          }) == 1);
    c.kldb = KldbCode::parse("52123");
    o.kldb = KldbCode::parse("52122");
    CHECK(eval(c, o, s).parts[0].reason ==
          "KldB 52123 for 52122: the same occupation (4 digits); specialist (Spezialist), "
          "opening asks skilled worker (Fachkraft): 1 level above");
    c.kldb = KldbCode::parse("52132");
    CHECK(eval(c, o, s).parts[0].reason == "KldB 52132 for 52122: the same occupational group "
                                           "(3 digits); the level asked, skilled worker "
                                           "(Fachkraft)");
}

TEST_CASE("German counts only up to the required level", "[match]") {
    auto c = candidate();
    auto o = opening();
    o.german = CefrLevel::parse("B2");
    const auto below = eval(c, o);
    CHECK(part(below, Part::german) == 16667);
    CHECK(below.parts[1].reason == "German B1, opening asks B2: 1 level below");
    c.german = CefrLevel::parse("C2");
    const auto c2 = part(eval(c, o), Part::german);
    c.german = CefrLevel::parse("B2");
    CHECK(part(eval(c, o), Part::german) == c2); // more than asked earns nothing extra
    CHECK(c2 == 25000);
    o.german.reset();
    c.german = CefrLevel::parse("A1");
    CHECK(part(eval(c, o), Part::german) == 25000);
}

TEST_CASE("German: the first half of a course counts as the level below", "[match]") {
    auto c = candidate();
    auto o = opening(); // asks B1
    c.german = CefrLevel::parse("B1.1");
    const auto e = eval(c, o);
    CHECK(part(e, Part::german) == 16667);
    CHECK(e.parts[1].reason ==
          "German B1.1: course level, counted as A2; opening asks B1: 1 level below");
    c.german = CefrLevel::parse("B1.2");
    const auto second = eval(c, o);
    CHECK(part(second, Part::german) == 25000);
    CHECK(second.parts[1].reason == "German B1.2: course level, counted as B1; opening asks B1");
}

TEST_CASE("distance, permit, recognition and availability are scored", "[match]") {
    auto o = opening();
    o.location = LonLat{11.63 + 0.22, 52.13}; // about 15 km
    const auto e = eval(candidate(), o);
    REQUIRE(e.feasible());
    const double d = *e.distance;
    CHECK(part(e, Part::distance) == std::llround(15000.0 * (1.0 - d / 30.0)));
    CHECK_THAT(e.parts[2].reason, Catch::StartsWith("lives 15."));

    auto c = candidate();
    c.residence = ResidenceStatus::duldung;
    const auto permit = eval(c, opening());
    CHECK(part(permit, Part::permit) == 2500);
    CHECK_THAT(permit.parts[3].reason,
               Catch::Contains("employment needs the approval of the Ausländerbehörde"));
    c.residence = ResidenceStatus::fachkraft;
    CHECK(part(eval(c, opening()), Part::permit) == 5000);

    c = candidate();
    c.recognition = Recognition::partial;
    CHECK(part(eval(c, opening()), Part::recognition) == 3750);

    c = candidate();
    c.available_from = Date::parse_iso("2027-03-02"); // 29 of 59 days into the window
    CHECK(part(eval(c, opening()), Part::availability) ==
          std::llround(5000.0 * (1.0 - 29.0 / 59.0)));
}

TEST_CASE("missing facts earn nothing, are named with where to record them", "[match]") {
    auto c = candidate();
    c.kldb.reset();
    c.german.reset();
    c.location.reset();
    c.plz = "";
    c.recognition.reset();
    c.available_from.reset();
    const auto e = eval(c, opening());
    REQUIRE(e.feasible()); // a missing fact never excludes
    for (const auto p :
         {Part::occupation, Part::german, Part::distance, Part::recognition, Part::availability}) {
        INFO("part " << to_string(p));
        const auto& s = e.parts[static_cast<std::size_t>(p)];
        CHECK(s.milli == 0);
        CHECK_THAT(s.reason, Catch::Contains("missing, record it with: werkstatt candidate edit "
                                             "CP-1 --"));
    }
    CHECK_THAT(e.parts[0].reason, Catch::Contains("--kldb CODE"));
    CHECK_THAT(e.parts[1].reason, Catch::Contains("--german LEVEL"));
    CHECK_THAT(e.parts[2].reason, Catch::StartsWith("candidate has no PLZ"));
    const auto lines = explanation_lines(e);
    const auto notes = std::count_if(
        lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("note: ", 0) == 0; });
    CHECK(notes == 2); // no KldB code, place unknown

    c = candidate();
    c.plz = "99999";
    c.location.reset();
    CHECK_THAT(eval(c, opening()).parts[2].reason,
               Catch::StartsWith("PLZ 99999 is not a German postal code"));
    auto o = opening();
    o.kldb.reset();
    o.plz = "";
    o.location.reset();
    const auto opening_side = eval(candidate(), o);
    CHECK_THAT(opening_side.parts[0].reason,
               Catch::Contains("record it with: werkstatt opening edit 7 --kldb CODE"));
    CHECK_THAT(opening_side.parts[2].reason, Catch::StartsWith("the opening has no PLZ"));
}

TEST_CASE("a known fact that meets the need ranks above a missing one", "[match]") {
    // The rule for missing facts, part by part: the least a known fact meeting the opening's
    // need earns is more than a missing fact earns.
    auto known = candidate();
    auto unknown = candidate();
    unknown.german.reset();
    CHECK(eval(known, opening()).total_milli > eval(unknown, opening()).total_milli);
    // Even a known level below the asked one is not beaten by no level at all.
    auto below = candidate();
    below.german = CefrLevel::parse("A1");
    auto o = opening();
    o.german = CefrLevel::parse("B1");
    CHECK(eval(below, o).total_milli > eval(unknown, o).total_milli);
    auto related = candidate();
    related.kldb = KldbCode::parse("52212"); // 2 digits shared, the least the rule accepts
    auto no_code = candidate();
    no_code.kldb.reset();
    CHECK(eval(related, opening()).total_milli > eval(no_code, opening()).total_milli);
    auto recognised = candidate();
    recognised.recognition = Recognition::german_qualification;
    auto unrecorded = candidate();
    unrecorded.recognition.reset();
    CHECK(eval(recognised, opening()).total_milli > eval(unrecorded, opening()).total_milli);
}

TEST_CASE("weights scale the parts and format as points", "[match]") {
    auto s = settings();
    s.weights[Part::occupation] = 0;
    s.weights[Part::german] = 12.5;
    const auto e = eval(candidate(), opening(), s);
    CHECK(part(e, Part::occupation) == 0);
    CHECK(part(e, Part::german) == 12500);
    CHECK(format_points(e.total_milli) == "47.5");
    CHECK(format_points(16667) == "16.667");
    CHECK(format_points(40000) == "40");
}

TEST_CASE("points in text take the language's decimal separator", "[match]") {
    CHECK(format_points(16667, Language::de) == "16,667");
    CHECK(format_points(16667, Language::en) == "16.667");
    CHECK(format_points(40000, Language::de) == "40");
}

namespace {

// Return a place due east of the test candidate's place whose great-circle distance from it is
// just below `km` (bisection on the longitude), so that the rounded pair distance is known.
LonLat east_at(double km) {
    const LonLat from = *candidate().location;
    double lo = 0.0;
    double hi = 1.0; // about 68 km at this latitude
    for (int i = 0; i < 60; ++i) {
        const double mid = (lo + hi) / 2;
        (distance_km(from, LonLat{from.lon + mid, from.lat}) < km ? lo : hi) = mid;
    }
    return LonLat{from.lon + lo, from.lat};
}

} // namespace

TEST_CASE("consent that ends on the reference day is still valid", "[match]") {
    const auto s = settings(); // today 2026-12-01
    auto c = candidate();
    c.consent->valid_until = s.today;
    CHECK(eval(c, opening(), s).feasible());
    CHECK_FALSE(candidate_excluded(c, s, WorkRules::shipped()));
    c.consent->valid_until = s.today + -1;
    CHECK(eval(c, opening(), s).failed == Rule::consent_expired);
    CHECK(candidate_excluded(c, s, WorkRules::shipped()));
}

TEST_CASE("consent given on the reference day holds; withdrawn on it does not", "[match]") {
    const auto s = settings(); // today 2026-12-01
    auto c = candidate();
    c.consent->given_on = s.today;
    CHECK_FALSE(candidate_excluded(c, s, WorkRules::shipped()));
    c.consent->withdrawn_on = s.today + 1;
    CHECK_FALSE(candidate_excluded(c, s, WorkRules::shipped()));
    c.consent->withdrawn_on = s.today;
    CHECK(candidate_excluded(c, s, WorkRules::shipped()));
    c.consent.reset();
    CHECK(consent_rule(c, s) == Rule::no_consent);
}

TEST_CASE("a distance of exactly the limit is within reach, 100 m more is not", "[match]") {
    // 30.04 km rounds to 30.0, 30.06 km to 30.1: the rule uses the rounded distance it shows.
    auto at_limit = opening();
    at_limit.location = east_at(30.04);
    auto beyond = opening();
    beyond.location = east_at(30.06);
    const auto s = settings();

    const auto check_limit = [&](const MatchCandidate& c, MatchOpening near, MatchOpening far) {
        REQUIRE(pair_distance_km(c, near) == 30.0);
        REQUIRE(pair_distance_km(c, far) == 30.1);
        REQUIRE(reach_limit_km(c, near, s) == 30);
        CHECK(within_reach(c, near, s));
        const auto e = eval(c, near, s);
        REQUIRE(e.feasible());
        CHECK(*e.distance == 30.0);
        CHECK(part(e, Part::distance) == 0); // falls linearly to 0 at the limit
        CHECK_FALSE(within_reach(c, far, s));
        const auto f = eval(c, far, s);
        CHECK(f.failed == Rule::too_far);
        CHECK_THAT(f.failure, Catch::Contains("lives 30.1 km away"));
    };
    SECTION("the candidate's radius") {
        check_limit(candidate(), at_limit, beyond); // radius_km 30
    }
    SECTION("the default radius when the agency gave none") {
        auto c = candidate();
        c.radius_km.reset();
        REQUIRE(s.default_radius_km == 30);
        check_limit(c, at_limit, beyond);
    }
    SECTION("the opening's limit when it is larger than the radius") {
        auto c = candidate();
        c.radius_km = 10;
        at_limit.max_distance_km = 30;
        beyond.max_distance_km = 30;
        check_limit(c, at_limit, beyond);
    }
}

TEST_CASE("availability falls to 0 over 90 days when the opening has no latest start", "[match]") {
    auto o = opening();
    o.latest_start.reset(); // starts 2027-02-01
    const Date start = *o.start_date;
    auto c = candidate();
    const auto availability = [&](long days_late) {
        c.available_from = start + days_late;
        const auto e = eval(c, o);
        REQUIRE(e.feasible()); // without a latest start, lateness is scored, never excluded
        return part(e, Part::availability);
    };
    CHECK(availability(0) == 5000);
    CHECK(availability(30) == std::llround(5000.0 * (1.0 - 30.0 / 90.0)));
    CHECK(availability(89) == std::llround(5000.0 / 90.0));
    CHECK(availability(90) == 0);
    CHECK(availability(200) == 0);
}

TEST_CASE("the permit part: a Blue Card is no friction, limited titles are half", "[match]") {
    auto c = candidate();
    const auto free_points = part(eval(c, opening()), Part::permit);
    CHECK(free_points == 10000);

    // Since 18.11.2023 a new employer of a Blue Card holder is notified, not approved.
    c.residence = ResidenceStatus::blaue_karte;
    const auto blue = eval(c, opening());
    CHECK(part(blue, Part::permit) == free_points);
    CHECK_THAT(blue.parts[3].reason,
               Catch::Contains("a change of employer needs only a notice to the Ausländerbehörde"));

    // A title of a fixed job still needs the authority for another one.
    c.residence = ResidenceStatus::fachkraft;
    CHECK(part(eval(c, opening()), Part::permit) == 5000);

    for (const auto status : {ResidenceStatus::studium, ResidenceStatus::chancenkarte}) {
        c.residence = status;
        const auto e = eval(c, opening());
        INFO("status " << to_string(status));
        REQUIRE(e.feasible());
        CHECK(part(e, Part::permit) == 5000);
        CHECK_THAT(e.parts[3].reason, Catch::Contains("only within the hours or days the title "
                                                      "allows"));
        // Known now, so no longer flagged as unclear.
        CHECK(std::find(e.notes.begin(), e.notes.end(),
                        "residence status needs clarifying before a hire") == e.notes.end());
    }

    // A status the table did not know fell to "unknown" before: now it is scored as the law says.
    c.residence = ResidenceStatus::familie;
    CHECK(part(eval(c, opening()), Part::permit) == free_points);
    c.residence = ResidenceStatus::ausland;
    CHECK(part(eval(c, opening()), Part::permit) == 2500);
}

TEST_CASE("a permit that ended before the reference day excludes, with the reason",
          "[match][pool]") {
    const auto s = settings(); // today 2026-12-01
    auto c = candidate();
    c.permit_until = s.today; // its last day: still valid
    CHECK(eval(c, opening(), s).feasible());
    CHECK_FALSE(candidate_excluded(c, s, WorkRules::shipped()));
    c.permit_until = s.today + -1;
    const auto e = eval(c, opening(), s);
    CHECK(e.failed == Rule::permit_ended);
    CHECK(e.failure.find("residence title ended on 2026-11-30") != std::string::npos);
    CHECK(candidate_excluded(c, s, WorkRules::shipped()));
    CHECK(freshness_rule(c, s) == Rule::permit_ended);
    CHECK(to_string(Rule::permit_ended) == "permit-ended");
}

TEST_CASE("a permit ending before the start plus permit_warn_days warns and scores the same",
          "[match][pool]") {
    const auto s = settings(); // warn 60 days; the opening starts 2027-02-01
    const auto plain = eval(candidate(), opening(), s);
    REQUIRE(plain.feasible());
    CHECK_FALSE(plain.permit_warning);
    auto c = candidate();
    c.permit_until = Date::parse_iso("2027-04-01"); // start + 59 days
    auto e = eval(c, opening(), s);
    REQUIRE(e.feasible());
    CHECK(e.permit_warning == c.permit_until);
    CHECK(e.total_milli == plain.total_milli);
    for (std::size_t i = 0; i < k_part_count; ++i) {
        CHECK(e.parts[i].milli == plain.parts[i].milli);
    }
    CHECK(std::any_of(e.notes.begin(), e.notes.end(), [](const std::string& n) {
        return n.find("warning: residence title valid only until 2027-04-01") != std::string::npos;
    }));
    c.permit_until = Date::parse_iso("2027-04-02"); // start + 60 days: no warning
    CHECK_FALSE(eval(c, opening(), s).permit_warning);
    // Without a start date the reference day counts.
    auto o = opening();
    o.start_date.reset();
    c.permit_until = Date::parse_iso("2027-01-29");
    CHECK(permit_warning(c, o, s) == c.permit_until);
    c.permit_until = Date::parse_iso("2027-01-30");
    CHECK_FALSE(permit_warning(c, o, s));
}

TEST_CASE("a candidate not confirmed for pause_days is paused, the day before not",
          "[match][pool]") {
    auto s = settings(); // today 2026-12-01, pause 180 days
    auto c = candidate();
    c.last_confirmed = s.today + -179;
    CHECK(eval(c, opening(), s).feasible());
    c.last_confirmed = s.today + -180;
    const auto e = eval(c, opening(), s);
    CHECK(e.failed == Rule::paused);
    CHECK(e.failure.find("not confirmed for 180 days (since 2026-06-04") != std::string::npos);
    CHECK(e.failure.find("werkstatt candidate confirm 1") != std::string::npos);
    CHECK(candidate_excluded(c, s, WorkRules::shipped()));
    s.pause_days = 365;
    CHECK(eval(c, opening(), s).feasible());
    c.last_confirmed.reset(); // not known: never paused
    s.pause_days = 0;
    CHECK(eval(c, opening(), s).feasible());
}
