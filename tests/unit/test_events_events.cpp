// SPDX-License-Identifier: GPL-3.0-or-later
// Events: adding and editing with their warnings, status changes, host blocks and views.
#include "events/events.hpp"

#include "members/members.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;

using Strings = std::vector<std::string>;

namespace {

struct Events {
    TestDatabase t;
    Database& db = t.db();

    Events() {
        company("mueller", true, 40);
        company("klein", false, std::nullopt);
    }

    void company(const std::string& key, bool can_host, std::optional<std::int64_t> capacity) {
        CompanyFields c;
        c.key = key;
        c.name = key + " GmbH";
        c.plz = "39104";
        c.city = "Magdeburg";
        c.can_host = can_host;
        c.capacity = capacity;
        add_company(db, c, MemberPolicy{}, DryRun::no);
    }

    EventOutcome add(const std::string& date, const std::string& host = "mueller",
                     EventFields f = {}) {
        f.date = date;
        f.host = host;
        return add_event(db, f, EventDefaults{}, DryRun::no);
    }

    int count(const std::string& sql) { return db.sql().execAndGet(sql).getInt(); }
};

bool any_contains(const Strings& list, const std::string& part) {
    return std::any_of(list.begin(), list.end(),
                       [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

bool contains(const Strings& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

EventFields kind(const std::string& k) {
    EventFields f;
    f.kind = k;
    return f;
}

} // namespace

TEST_CASE("events: an ordinary weekday at a host that can host gives no warning", "[events]") {
    Events e;
    const auto out = e.add("2027-05-12"); // a Wednesday
    CHECK(out.warnings.empty());
    CHECK(out.event.id > 0);
    CHECK(out.event.status == EventStatus::planned);
    CHECK(out.event.kind == EventKind::werkstatt);
    // The default times apply when none are given.
    REQUIRE(out.event.start);
    REQUIRE(out.event.end);
    CHECK(out.event.start->str() == "14:00");
    CHECK(out.event.end->str() == "17:00");
    CHECK_THAT(out.event.uid, Catch::EndsWith("@werkstatt"));
    CHECK(out.event.uid.size() == 32 + std::string("@werkstatt").size());
    CHECK(out.event.uid != new_event_uid());

    const auto stored = require_event(e.db, out.event.id);
    CHECK(stored.date.iso() == "2027-05-12");
    CHECK(stored.host_key == "mueller");
    CHECK(stored.uid == out.event.uid);
    CHECK(e.count("SELECT count(*) FROM audit_log WHERE entity = 'event' AND action = 'add'") == 1);
}

TEST_CASE("events: a public holiday in Sachsen-Anhalt is a warning", "[events]") {
    Events e;
    SECTION("Christi Himmelfahrt 2027: Easter is 28 March, plus 39 days") {
        const auto out = e.add("2027-05-06");
        REQUIRE(out.warnings.size() == 1);
        CHECK_THAT(out.warnings[0], Catch::Contains("public holiday"));
        CHECK_THAT(out.warnings[0], Catch::Contains("Christi Himmelfahrt"));
    }
    SECTION("Heilige Drei Könige is a holiday in Sachsen-Anhalt") {
        const auto out = e.add("2027-01-06", "mueller", kind("site-visit"));
        REQUIRE(out.warnings.size() == 1);
        CHECK_THAT(out.warnings[0], Catch::Contains("Heilige Drei Könige"));
    }
    SECTION("the Thursday a week after Christi Himmelfahrt is none") {
        CHECK(e.add("2027-05-13").warnings.empty());
    }
}

TEST_CASE("events: a weekend is a warning", "[events]") {
    Events e;
    const auto saturday = e.add("2027-05-15", "mueller", kind("fireside"));
    REQUIRE(saturday.warnings.size() == 1);
    CHECK(saturday.warnings[0] == "2027-05-15 is a Saturday");
    const auto sunday = e.add("2027-05-16", "mueller", kind("fireside"));
    REQUIRE(sunday.warnings.size() == 1);
    CHECK(sunday.warnings[0] == "2027-05-16 is a Sunday");
    // Reformationstag 2027 falls on a Sunday: two warnings.
    const auto both = e.add("2027-10-31", "mueller", kind("fireside"));
    CHECK(both.warnings.size() == 2);
    CHECK(any_contains(both.warnings, "Reformationstag"));
    CHECK(any_contains(both.warnings, "Sunday"));
}

TEST_CASE("events: a host that cannot host or is too small is a warning", "[events]") {
    Events e;
    const auto cannot = e.add("2027-05-12", "klein");
    REQUIRE(cannot.warnings.size() == 1);
    CHECK_THAT(cannot.warnings[0], Catch::Contains("klein is not marked as able to host"));

    EventFields f = kind("site-visit");
    f.capacity = 41; // the venue seats 40
    const auto big = e.add("2027-06-09", "mueller", f);
    REQUIRE(big.warnings.size() == 1);
    CHECK_THAT(big.warnings[0], Catch::Contains("expects 41 participants"));
    CHECK_THAT(big.warnings[0], Catch::Contains("seats 40"));

    f.capacity = 40; // exactly the venue's seats
    CHECK(e.add("2027-06-16", "mueller", f).warnings.empty());
}

TEST_CASE("events: a second Werkstatt in a quarter is a warning", "[events]") {
    Events e;
    const auto first = e.add("2027-04-07"); // 2027Q2
    CHECK(first.warnings.empty());
    const auto second = e.add("2027-06-30"); // last day of 2027Q2
    REQUIRE(second.warnings.size() == 1);
    CHECK_THAT(second.warnings[0], Catch::Contains("2027Q2 has a Werkstatt already"));
    CHECK_THAT(second.warnings[0],
               Catch::Contains("event " + std::to_string(first.event.id) + " on 2027-04-07"));
    // The next quarter and other kinds are fine.
    CHECK(e.add("2027-07-07").warnings.empty());
    CHECK(e.add("2027-05-19", "mueller", kind("site-visit")).warnings.empty());

    SECTION("a cancelled Werkstatt does not count") {
        set_event_status(e.db, first.event.id, EventStatus::cancelled, "Krankheit", DryRun::no);
        set_event_status(e.db, second.event.id, EventStatus::cancelled, "", DryRun::no);
        CHECK(e.add("2027-05-26").warnings.empty());
    }
}

TEST_CASE("events: bad fields are refused and nothing is written", "[events]") {
    Events e;
    const int before = e.count("SELECT count(*) FROM event");
    const auto refused = [&](EventFields f) {
        return failure_of([&] { e.add("2027-05-12", "mueller", f); });
    };

    EventFields end_first;
    end_first.start = "17:00";
    end_first.end = "14:00";
    CHECK(refused(end_first).kind == ErrorKind::bad_data);
    EventFields same;
    same.start = "14:00";
    same.end = "14:00";
    CHECK(refused(same).kind == ErrorKind::bad_data);
    EventFields end_only;
    end_only.end = "14:00";
    CHECK(refused(end_only).kind == ErrorKind::bad_data);
    EventFields bad_time;
    bad_time.start = "25:00";
    CHECK(refused(bad_time).kind == ErrorKind::bad_data);
    CHECK(refused(kind("party")).kind == ErrorKind::bad_data);
    EventFields topic;
    topic.topics = Strings{"sprache,kochen"};
    const auto t = refused(topic);
    CHECK(t.kind == ErrorKind::bad_data);
    CHECK_THAT(t.message, Catch::Contains("kochen"));
    EventFields cap;
    cap.capacity = -1;
    CHECK(refused(cap).kind == ErrorKind::bad_data);

    CHECK(failure_of([&] { e.add("2027-02-30"); }).kind == ErrorKind::bad_data);
    CHECK(failure_of([&] { e.add("2027-05-12", "nobody"); }).kind == ErrorKind::not_found);
    EventFields no_host;
    no_host.date = "2027-05-12";
    CHECK(failure_of([&] { add_event(e.db, no_host, EventDefaults{}, DryRun::no); }).kind ==
          ErrorKind::usage);
    archive_company(e.db, "klein", ArchiveAction::archive, DryRun::no);
    CHECK(failure_of([&] { e.add("2027-05-12", "klein"); }).kind == ErrorKind::bad_data);
    CHECK(e.count("SELECT count(*) FROM event") == before);
}

TEST_CASE("events: topics are kept in agenda order without repeats", "[events]") {
    Events e;
    EventFields f;
    f.topics = Strings{"sprache, foerderung", "sprache", "arbeitsrecht"};
    const auto out = e.add("2027-05-12", "mueller", f);
    CHECK(out.event.topic_keys == Strings{"sprache", "foerderung", "arbeitsrecht"});
    CHECK(require_event(e.db, out.event.id).topic_keys ==
          Strings{"sprache", "foerderung", "arbeitsrecht"});
}

TEST_CASE("events: a dry run adds nothing", "[events]") {
    Events e;
    EventFields f;
    f.date = "2027-05-12";
    f.host = "mueller";
    const auto out = add_event(e.db, f, EventDefaults{}, DryRun::yes);
    CHECK(out.event.id > 0);
    CHECK(e.count("SELECT count(*) FROM event") == 0);
    CHECK(failure_of([&] { require_event(e.db, out.event.id); }).kind == ErrorKind::not_found);
}

TEST_CASE("events: edit_event changes fields, warns and counts the revision", "[events]") {
    Events e;
    const auto added = e.add("2027-05-12");
    CHECK(added.event.sequence == 0);

    SECTION("a move to a holiday warns and raises the sequence") {
        EventFields f;
        f.date = "2027-05-06";
        f.title = "Frühjahrswerkstatt";
        const auto out = edit_event(e.db, added.event.id, f, DryRun::no);
        CHECK(out.changed == Strings{"date", "title"});
        CHECK(any_contains(out.warnings, "Christi Himmelfahrt"));
        CHECK(out.event.sequence == 1);
        const auto stored = require_event(e.db, added.event.id);
        CHECK(stored.date.iso() == "2027-05-06");
        CHECK(stored.title == "Frühjahrswerkstatt");
        CHECK(stored.sequence == 1);
    }
    SECTION("the same values change nothing") {
        EventFields f;
        f.date = "2027-05-12";
        f.start = "14:00";
        const auto out = edit_event(e.db, added.event.id, f, DryRun::no);
        CHECK(out.changed.empty());
        CHECK(require_event(e.db, added.event.id).sequence == 0);
    }
    SECTION("the event itself does not count as a second Werkstatt") {
        EventFields f;
        f.date = "2027-05-19";
        const auto out = edit_event(e.db, added.event.id, f, DryRun::no);
        CHECK(out.warnings.empty());
    }
    SECTION("a new host that cannot host warns") {
        EventFields f;
        f.host = "klein";
        const auto out = edit_event(e.db, added.event.id, f, DryRun::no);
        CHECK(contains(out.changed, "host"));
        CHECK(any_contains(out.warnings, "klein is not marked"));
        CHECK(require_event(e.db, added.event.id).host_key == "klein");
    }
    SECTION("capacity 0 clears it") {
        EventFields f;
        f.capacity = 20;
        edit_event(e.db, added.event.id, f, DryRun::no);
        CHECK(require_event(e.db, added.event.id).capacity == std::optional<std::int64_t>(20));
        f.capacity = 0;
        edit_event(e.db, added.event.id, f, DryRun::no);
        CHECK_FALSE(require_event(e.db, added.event.id).capacity);
    }
    SECTION("an end before the kept start is refused") {
        EventFields f;
        f.end = "13:00";
        CHECK(failure_of([&] { edit_event(e.db, added.event.id, f, DryRun::no); }).kind ==
              ErrorKind::bad_data);
        CHECK(require_event(e.db, added.event.id).end->str() == "17:00");
    }
    SECTION("a dry run keeps the event") {
        EventFields f;
        f.date = "2027-05-19";
        edit_event(e.db, added.event.id, f, DryRun::yes);
        CHECK(require_event(e.db, added.event.id).date.iso() == "2027-05-12");
    }
    CHECK(failure_of([&] { edit_event(e.db, 999, EventFields{}, DryRun::no); }).kind ==
          ErrorKind::not_found);
}

TEST_CASE("events: status changes that make sense are made", "[events]") {
    Events e;
    const auto id = e.add("2026-05-13").event.id; // in the past

    auto out = set_event_status(e.db, id, EventStatus::confirmed, "", DryRun::no);
    CHECK(out.changed == Strings{"status"});
    CHECK(out.event.sequence == 1);
    CHECK(require_event(e.db, id).status == EventStatus::confirmed);

    out = set_event_status(e.db, id, EventStatus::confirmed, "", DryRun::no);
    CHECK(out.changed.empty());
    CHECK(any_contains(out.warnings, "confirmed already"));
    CHECK(require_event(e.db, id).sequence == 1);

    out = set_event_status(e.db, id, EventStatus::cancelled, "  Gastgeber krank ", DryRun::no);
    auto stored = require_event(e.db, id);
    CHECK(stored.status == EventStatus::cancelled);
    CHECK(stored.cancel_reason == "Gastgeber krank");

    // A cancelled event may be reinstated, and the reason goes.
    set_event_status(e.db, id, EventStatus::confirmed, "wieder gesund", DryRun::no);
    stored = require_event(e.db, id);
    CHECK(stored.status == EventStatus::confirmed);
    CHECK(stored.cancel_reason.empty());

    out = set_event_status(e.db, id, EventStatus::held, "", DryRun::no);
    CHECK(out.warnings.empty()); // it is in the past
    CHECK(require_event(e.db, id).status == EventStatus::held);
    CHECK(require_event(e.db, id).sequence == 4);
}

TEST_CASE("events: status changes that make no sense are conflicts", "[events]") {
    Events e;
    const auto held = e.add("2026-05-13").event.id;
    set_event_status(e.db, held, EventStatus::held, "", DryRun::no);
    const auto cancelled = e.add("2026-06-10", "mueller", kind("site-visit")).event.id;
    set_event_status(e.db, cancelled, EventStatus::cancelled, "Regen", DryRun::no);

    for (const auto to : {EventStatus::cancelled, EventStatus::planned, EventStatus::confirmed}) {
        INFO(to_string(to));
        const auto f = failure_of([&] { set_event_status(e.db, held, to, "", DryRun::no); });
        CHECK(f.kind == ErrorKind::conflict);
        CHECK(require_event(e.db, held).status == EventStatus::held);
    }
    const auto f =
        failure_of([&] { set_event_status(e.db, cancelled, EventStatus::held, "", DryRun::no); });
    CHECK(f.kind == ErrorKind::conflict);
    CHECK_THAT(f.message, Catch::Contains("cancelled"));
    CHECK(require_event(e.db, cancelled).status == EventStatus::cancelled);
    CHECK(failure_of([&] {
              set_event_status(e.db, 999, EventStatus::confirmed, "", DryRun::no);
          }).kind == ErrorKind::not_found);
}

TEST_CASE("events: an event ahead can be marked held, with a warning", "[events]") {
    Events e;
    const auto id = e.add("2099-06-03").event.id;
    const auto out = set_event_status(e.db, id, EventStatus::held, "", DryRun::no);
    CHECK(any_contains(out.warnings, "still ahead"));
    CHECK(require_event(e.db, id).status == EventStatus::held);

    SECTION("a dry run of a status change writes nothing") {
        const auto other = e.add("2099-09-02").event.id;
        set_event_status(e.db, other, EventStatus::cancelled, "x", DryRun::yes);
        CHECK(require_event(e.db, other).status == EventStatus::planned);
    }
}

TEST_CASE("events: host blocks are added, refused twice and lifted", "[events]") {
    Events e;
    const auto b = add_host_block(e.db, "mueller", "2027Q3", "Umbau", DryRun::no);
    CHECK(b.id > 0);
    CHECK(b.company_key == "mueller");
    CHECK(b.period.first().iso() == "2027-07-01");
    CHECK(b.period.last().iso() == "2027-09-30");
    CHECK(list_host_blocks(e.db, std::nullopt).size() == 1);

    CHECK(failure_of([&] { add_host_block(e.db, "mueller", "2027q3", "", DryRun::no); }).kind ==
          ErrorKind::conflict);
    CHECK(failure_of([&] { add_host_block(e.db, "mueller", "Sommer", "", DryRun::no); }).kind ==
          ErrorKind::bad_data);
    CHECK(failure_of([&] { add_host_block(e.db, "nobody", "2027", "", DryRun::no); }).kind ==
          ErrorKind::not_found);
    // Another company may be blocked for the same period.
    add_host_block(e.db, "klein", "2027Q3", "", DryRun::no);
    CHECK(list_host_blocks(e.db, std::nullopt).size() == 2);

    const auto records = host_block_records(list_host_blocks(e.db, b.company_id));
    REQUIRE(records.rows.size() == 1);
    CHECK(records.columns == Strings{"id", "company", "period", "first_day", "last_day", "reason"});
    // Days are dates, not text: an Excel file gets a date, JSON and CSV the ISO form.
    CHECK(records.rows[0][3] == Value{*Date::parse_iso("2027-07-01")});
    CHECK(records.rows[0][4] == Value{*Date::parse_iso("2027-09-30")});
    CHECK(records.rows[0][5] == Value{std::string("Umbau")});

    CHECK(failure_of([&] { remove_host_block(e.db, "mueller", "2027Q4", DryRun::no); }).kind ==
          ErrorKind::not_found);
    // The same days written another way do not lift the block stored as 2027Q3.
    CHECK(failure_of([&] {
              remove_host_block(e.db, "mueller", "2027-07..2027-09", DryRun::no);
          }).kind == ErrorKind::not_found);
    CHECK(list_host_blocks(e.db, b.company_id).size() == 1);
    remove_host_block(e.db, "mueller", "2027Q3", DryRun::yes);
    CHECK(list_host_blocks(e.db, b.company_id).size() == 1);
    CHECK(remove_host_block(e.db, "mueller", " 2027q3 ", DryRun::no).period.str() == "2027Q3");
    CHECK(list_host_blocks(e.db, b.company_id).empty());
    CHECK(list_host_blocks(e.db, std::nullopt).size() == 1);
    CHECK(failure_of([&] { remove_host_block(e.db, "mueller", "2027Q3", DryRun::no); }).kind ==
          ErrorKind::not_found);
}

TEST_CASE("events: event_records and event_detail show every field", "[events]") {
    Events e;
    EventFields f;
    f.title = "Sommerwerkstatt";
    f.capacity = 25;
    f.topics = Strings{"sprache", "foerderung"};
    f.notes = "Parken im Hof";
    const auto ev = e.add("2027-06-09", "mueller", f).event;
    const auto r = event_records({require_event(e.db, ev.id)});
    CHECK(r.columns == Strings{"id", "date", "start", "end", "kind", "host", "title", "capacity",
                               "status", "topics"});
    REQUIRE(r.rows.size() == 1);
    const std::vector<Value> expected{ev.id,
                                      *Date::parse_iso("2027-06-09"),
                                      std::string("14:00"),
                                      std::string("17:00"),
                                      std::string("werkstatt"),
                                      std::string("mueller"),
                                      std::string("Sommerwerkstatt"),
                                      std::int64_t{25},
                                      std::string("planned"),
                                      std::string("sprache,foerderung")};
    CHECK(r.rows[0] == expected);

    const auto d = event_detail(e.db, require_event(e.db, ev.id));
    const auto field = [&](const std::string& name) {
        for (const auto& [k, v] : d.fields) {
            if (k == name) {
                return v;
            }
        }
        FAIL("no field " << name);
        return Value{};
    };
    CHECK(field("uid") == Value{ev.uid});
    CHECK(field("notes") == Value{std::string("Parken im Hof")});
    CHECK(field("cancel_reason") == Value{std::string()});
    REQUIRE(d.children.size() == 1);
    CHECK(d.children[0].first == "registrations");
    CHECK(d.children[0].second.rows.empty());

    // Without times or capacity the cells are empty.
    EventFields none;
    none.date = "2027-06-16";
    none.host = "mueller";
    none.start = "";
    none.end = "";
    const auto bare = add_event(e.db, none, EventDefaults{}, DryRun::no).event;
    const auto r2 = event_records({require_event(e.db, bare.id)});
    CHECK(r2.rows[0][2] == Value{});
    CHECK(r2.rows[0][3] == Value{});
    CHECK(r2.rows[0][7] == Value{});
}

// Use cases moved out of cmd/ (one library call per command action).
namespace moved_from_cmd {

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

} // namespace moved_from_cmd
