// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/events.hpp"

#include "members/members.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;

namespace {

void add_member(Database& db, const std::string& key) {
    CompanyFields f;
    f.key = key;
    f.name = "Firma " + key;
    f.plz = "39104";
    add_company(db, f, MemberPolicy{}, DryRun::no);
}

std::int64_t add_meeting(Database& db, const std::string& host, const std::string& date) {
    EventFields f;
    f.host = host;
    f.date = date;
    return add_event(db, f, EventDefaults{}, DryRun::no).event.id;
}

} // namespace

TEST_CASE("an event's registrations and detail need the event to exist") {
    TestDatabase t;
    add_member(t.db(), "mueller");
    const auto id = add_meeting(t.db(), "mueller", "2027-03-18");
    CHECK(event_registrations(t.db(), id).empty());
    register_for_event(t.db(), id, std::nullopt, std::string("mueller"), Force::no, DryRun::no);
    const auto registrations = event_registrations(t.db(), id);
    REQUIRE(registrations.size() == 1);
    CHECK(registrations[0].company_key == "mueller");
    CHECK(event_detail(t.db(), id).children.size() == 1);

    auto f = failure_of([&] { event_registrations(t.db(), id + 1); });
    CHECK(f.kind == ErrorKind::not_found);
    f = failure_of([&] { event_detail(t.db(), id + 1); });
    CHECK(f.kind == ErrorKind::not_found);
}

TEST_CASE("host blocks are listed for all companies or one, which must exist") {
    TestDatabase t;
    add_member(t.db(), "mueller");
    add_member(t.db(), "schulze");
    add_host_block(t.db(), "mueller", "2027Q2", "", DryRun::no);
    add_host_block(t.db(), "schulze", "2027Q3", "", DryRun::no);
    CHECK(host_blocks(t.db(), std::nullopt).size() == 2);
    const auto one = host_blocks(t.db(), std::string("schulze"));
    REQUIRE(one.size() == 1);
    CHECK(one[0].company_key == "schulze");
    const auto f = failure_of([&] { host_blocks(t.db(), std::string("nobody")); });
    CHECK(f.kind == ErrorKind::not_found);
}
