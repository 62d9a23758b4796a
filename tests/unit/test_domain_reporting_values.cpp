// SPDX-License-Identifier: GPL-3.0-or-later
// The parsers of the facts kept for the reports (#13): one parser per fact, shared by
// `candidate edit`, the import and `company add/edit/import`.
#include "domain/reporting_values.hpp"

#include <catch2/catch.hpp>

using namespace werkstatt;

TEST_CASE("is_unknown_fact: empty, unknown and unbekannt clear a fact", "[reporting]") {
    for (const char* text : {"", "  ", "unknown", "Unknown", "UNBEKANNT", " unbekannt "}) {
        INFO("input: '" << text << "'");
        CHECK(is_unknown_fact(text));
    }
    for (const char* text : {"no", "-", "unknow", "keine"}) {
        INFO("input: '" << text << "'");
        CHECK_FALSE(is_unknown_fact(text));
    }
}

TEST_CASE("parse_yes_no reads yes and no in English and German", "[reporting]") {
    CHECK(parse_yes_no("yes") == true);
    CHECK(parse_yes_no("Ja") == true);
    CHECK(parse_yes_no("1") == true);
    CHECK(parse_yes_no("NO") == false);
    CHECK(parse_yes_no("nein") == false);
    CHECK(parse_yes_no("0") == false);
    CHECK(parse_yes_no("WAHR") == true); // German Excel's TRUE and FALSE
    CHECK(parse_yes_no("falsch") == false);
    CHECK_FALSE(parse_yes_no("vielleicht").has_value());
    CHECK_FALSE(parse_yes_no("").has_value());
}

TEST_CASE("parse_housing reads the three situations and German words", "[reporting]") {
    CHECK(parse_housing("homeless") == Housing::homeless);
    CHECK(parse_housing("Wohnungslos") == Housing::homeless);
    CHECK(parse_housing("obdachlos") == Housing::homeless);
    CHECK(parse_housing("housing-exclusion") == Housing::housing_exclusion);
    CHECK(parse_housing("housing_exclusion") == Housing::housing_exclusion);
    CHECK(parse_housing("Wohnungsnotfall") == Housing::housing_exclusion);
    CHECK(parse_housing("housed") == Housing::housed);
    CHECK_FALSE(parse_housing("maybe").has_value());
    CHECK_FALSE(parse_housing("").has_value());
    for (const auto h : {Housing::homeless, Housing::housing_exclusion, Housing::housed}) {
        CHECK(parse_housing(to_string(h)) == h);
    }
    CHECK(to_string(Housing::housing_exclusion) == "housing-exclusion");
}

TEST_CASE("parse_sensitive_answer reads yes, no and declined", "[reporting]") {
    CHECK(parse_sensitive_answer("yes") == SensitiveAnswer::yes);
    CHECK(parse_sensitive_answer("JA") == SensitiveAnswer::yes);
    CHECK(parse_sensitive_answer("nein") == SensitiveAnswer::no);
    CHECK(parse_sensitive_answer("declined") == SensitiveAnswer::declined);
    CHECK(parse_sensitive_answer("abgelehnt") == SensitiveAnswer::declined);
    CHECK_FALSE(parse_sensitive_answer("1").has_value());
    CHECK_FALSE(parse_sensitive_answer("unknown").has_value());
    CHECK(to_string(SensitiveAnswer::declined) == "declined");
}

TEST_CASE("parse_exit_situation and parse_follow_up_status read the stored names", "[reporting]") {
    for (const auto s :
         {ExitSituation::job_searching, ExitSituation::education, ExitSituation::qualification,
          ExitSituation::employed, ExitSituation::self_employed, ExitSituation::other}) {
        CHECK(parse_exit_situation(to_string(s)) == s);
    }
    CHECK(to_string(ExitSituation::job_searching) == "job-searching");
    CHECK(parse_exit_situation("Self_Employed") == ExitSituation::self_employed);
    CHECK_FALSE(parse_exit_situation("inactive").has_value()); // a follow-up status only
    for (const auto s :
         {FollowUpStatus::employed, FollowUpStatus::self_employed, FollowUpStatus::job_searching,
          FollowUpStatus::education, FollowUpStatus::inactive, FollowUpStatus::other}) {
        CHECK(parse_follow_up_status(to_string(s)) == s);
    }
    CHECK(parse_follow_up_status("inactive") == FollowUpStatus::inactive);
    CHECK_FALSE(parse_follow_up_status("qualification").has_value()); // an exit situation only
}

TEST_CASE("parse_company_size reads the KMU classes in English and German", "[reporting]") {
    CHECK(parse_company_size("micro") == CompanySize::micro);
    CHECK(parse_company_size("Kleinst") == CompanySize::micro);
    CHECK(parse_company_size("small") == CompanySize::small);
    CHECK(parse_company_size("mittel") == CompanySize::medium);
    CHECK(parse_company_size("groß") == CompanySize::large);
    CHECK(parse_company_size("LARGE") == CompanySize::large);
    CHECK_FALSE(parse_company_size("huge").has_value());
    CHECK_FALSE(parse_company_size("").has_value());
    CHECK(to_string(CompanySize::medium) == "medium");
}
