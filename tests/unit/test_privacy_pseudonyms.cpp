// SPDX-License-Identifier: GPL-3.0-or-later
#include "privacy/pseudonyms.hpp"

#include <catch2/catch.hpp>
#include <string>

using werkstatt::Detail;
using werkstatt::Records;
using werkstatt::Value;

TEST_CASE("a pseudonym is B- and the candidate's number", "[privacy]") {
    CHECK(werkstatt::pseudonym_of(17) == "B-17");
    CHECK(werkstatt::is_identifying_column("last_name"));
    CHECK(werkstatt::is_identifying_column("phone"));
    CHECK_FALSE(werkstatt::is_identifying_column("reference"));
}

TEST_CASE("records lose names and contacts, the pseudonym stands where the first name stood",
          "[privacy]") {
    Records r;
    r.columns = {"id", "reference", "first_name", "last_name", "email", "phone", "plz"};
    r.rows.push_back({std::int64_t{3}, std::string("CP-A"), std::string("Amal"),
                      std::string("Haddad"), std::string("a@x.de"), std::string("0391"),
                      std::string("39104")});
    r.rows.push_back({std::int64_t{12}, std::string("CP-B"), std::string("Bernd"), Value{}, Value{},
                      Value{}, std::string("39106")});
    const auto p = werkstatt::pseudonymise_records(r);
    CHECK(p.columns == std::vector<std::string>{"id", "reference", "pseudonym", "plz"});
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows[0] == std::vector<Value>{std::int64_t{3}, std::string("CP-A"), std::string("B-3"),
                                          std::string("39104")});
    CHECK(p.rows[1][2] == Value{std::string("B-12")});
}

TEST_CASE("records without name columns get the pseudonym at the end", "[privacy]") {
    Records r;
    r.columns = {"candidate_id", "score"};
    r.rows.push_back({std::int64_t{5}, 9.5});
    const auto p = werkstatt::pseudonymise_records(r, "candidate_id");
    CHECK(p.columns == std::vector<std::string>{"candidate_id", "score", "pseudonym"});
    CHECK(p.rows[0][2] == Value{std::string("B-5")});
}

TEST_CASE("a detail loses names and contacts and keeps its lists", "[privacy]") {
    Detail d;
    d.fields = {{"id", std::int64_t{7}},
                {"first_name", std::string("Olha")},
                {"last_name", std::string("Kovalenko")},
                {"email", std::string("o@x.de")},
                {"german", std::string("A1")}};
    d.children.push_back({"placements", Records{}});
    const auto p = werkstatt::pseudonymise_detail(d);
    REQUIRE(p.fields.size() == 3);
    CHECK(p.fields[0].first == "id");
    CHECK(p.fields[1] == std::pair<std::string, Value>{"pseudonym", std::string("B-7")});
    CHECK(p.fields[2].first == "german");
    CHECK(p.children.size() == 1);
}
