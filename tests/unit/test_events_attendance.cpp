// SPDX-License-Identifier: GPL-3.0-or-later
// Registrations for events and the attendance recorded after them.
#include "events/events.hpp"
#include "events/paperwork.hpp"

#include "members/members.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sstream>
#include <string>
#include <vector>

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TestDatabase;

namespace {

struct Attendance {
    TestDatabase t;
    Database& db = t.db();
    std::int64_t event = 0;
    std::vector<std::int64_t> contacts; // three of mueller, one of schmidt

    // A Werkstatt at mueller, whose venue seats `seats`.
    explicit Attendance(std::optional<std::int64_t> seats = 2) {
        company("mueller", seats);
        company("schmidt", std::nullopt);
        for (const char* name : {"Anna Roth", "Ben Kurz", "Cem Aydin"}) {
            contacts.push_back(contact("mueller", name));
        }
        contacts.push_back(contact("schmidt", "Dora Lang"));
        EventFields f;
        f.date = "2027-05-12";
        f.host = "mueller";
        event = add_event(db, f, EventDefaults{}, DryRun::no).event.id;
    }

    void company(const std::string& key, std::optional<std::int64_t> capacity) {
        CompanyFields c;
        c.key = key;
        c.name = key + " GmbH";
        c.plz = "39104";
        c.can_host = true;
        c.capacity = capacity;
        add_company(db, c, MemberPolicy{}, DryRun::no);
    }

    std::int64_t contact(const std::string& company, const std::string& name) {
        ContactFields c;
        c.company = company;
        c.name = name;
        return add_contact(db, c, DryRun::no).id;
    }

    Registration reg(std::int64_t contact_id, Force force = Force::no) {
        return register_for_event(db, event, contact_id, std::nullopt, force, DryRun::no);
    }

    std::size_t registered() { return list_registrations(db, event).size(); }
};

} // namespace

TEST_CASE("attendance: a contact is registered with their company", "[events][attendance]") {
    Attendance a;
    const auto r = a.reg(a.contacts[3]);
    CHECK(r.id > 0);
    CHECK(r.event_id == a.event);
    CHECK(r.contact_id == a.contacts[3]);
    CHECK(r.contact_name == "Dora Lang");
    CHECK(r.company_key == "schmidt");
    CHECK(r.status == AttendanceStatus::registered);
    const auto regs = list_registrations(a.db, a.event);
    REQUIRE(regs.size() == 1);
    CHECK(regs[0].id == r.id);
    CHECK(regs[0].company_key == "schmidt");

    const auto again = failure_of([&] { a.reg(a.contacts[3]); });
    CHECK(again.kind == ErrorKind::conflict);
    CHECK_THAT(again.message, Catch::Contains("already"));
    CHECK(a.registered() == 1);
}

TEST_CASE("attendance: a company seat needs no contact", "[events][attendance]") {
    Attendance a;
    const auto r =
        register_for_event(a.db, a.event, std::nullopt, "schmidt", Force::no, DryRun::no);
    CHECK_FALSE(r.contact_id);
    CHECK(r.company_key == "schmidt");
    // Two seats of one company are fine.
    register_for_event(a.db, a.event, std::nullopt, "schmidt", Force::no, DryRun::no);
    CHECK(a.registered() == 2);

    CHECK(failure_of([&] {
              register_for_event(a.db, a.event, std::nullopt, std::nullopt, Force::no, DryRun::no);
          }).kind == ErrorKind::usage);
    CHECK(failure_of([&] {
              register_for_event(a.db, a.event, a.contacts[0], "mueller", Force::no, DryRun::no);
          }).kind == ErrorKind::usage);
    CHECK(failure_of([&] {
              register_for_event(a.db, a.event, std::nullopt, "nobody", Force::yes, DryRun::no);
          }).kind == ErrorKind::not_found);
    CHECK(failure_of([&] { a.reg(4711); }).kind == ErrorKind::not_found);
    CHECK(failure_of([&] {
              register_for_event(a.db, 999, a.contacts[0], std::nullopt, Force::no, DryRun::no);
          }).kind == ErrorKind::not_found);
}

TEST_CASE("attendance: the venue's seats are the limit unless forced", "[events][attendance]") {
    Attendance a; // the venue seats 2
    a.reg(a.contacts[0]);
    a.reg(a.contacts[1]);
    const auto full = failure_of([&] { a.reg(a.contacts[2]); });
    CHECK(full.kind == ErrorKind::conflict);
    CHECK_THAT(full.message, Catch::Contains("full (2 of 2 seats taken)"));
    CHECK(a.registered() == 2);
    const auto forced = a.reg(a.contacts[2], Force::yes);
    CHECK(forced.id > 0);
    CHECK(a.registered() == 3);
}

TEST_CASE("attendance: the event's own capacity wins over the venue's", "[events][attendance]") {
    Attendance a(std::nullopt); // the venue has no limit
    a.reg(a.contacts[0]);
    a.reg(a.contacts[1]);
    a.reg(a.contacts[2]); // no limit at all
    EventFields f;
    f.capacity = 4;
    edit_event(a.db, a.event, f, DryRun::no);
    a.reg(a.contacts[3]);
    CHECK(failure_of([&] {
              register_for_event(a.db, a.event, std::nullopt, "schmidt", Force::no, DryRun::no);
          }).kind == ErrorKind::conflict);
    CHECK(a.registered() == 4);
}

TEST_CASE("attendance: no registration for a cancelled or held event", "[events][attendance]") {
    Attendance a;
    SECTION("cancelled") {
        set_event_status(a.db, a.event, EventStatus::cancelled, "Sturm", DryRun::no);
        const auto f = failure_of([&] { a.reg(a.contacts[0], Force::yes); });
        CHECK(f.kind == ErrorKind::conflict);
        CHECK_THAT(f.message, Catch::Contains("cancelled"));
    }
    SECTION("held") {
        set_event_status(a.db, a.event, EventStatus::held, "", DryRun::no);
        const auto f = failure_of([&] { a.reg(a.contacts[0], Force::yes); });
        CHECK(f.kind == ErrorKind::conflict);
        CHECK_THAT(f.message, Catch::Contains("held"));
    }
    CHECK(a.registered() == 0);
}

TEST_CASE("attendance: a dry run registers nobody", "[events][attendance]") {
    Attendance a;
    register_for_event(a.db, a.event, a.contacts[0], std::nullopt, Force::no, DryRun::yes);
    CHECK(a.registered() == 0);
}

TEST_CASE("attendance: recording attendance of a registered contact", "[events][attendance]") {
    Attendance a;
    const auto r = a.reg(a.contacts[0]);
    bool walk_in = true;
    const auto out = record_attendance(a.db, a.event, a.contacts[0], AttendanceStatus::attended,
                                       walk_in, DryRun::no);
    CHECK_FALSE(walk_in);
    CHECK(out.id == r.id);
    CHECK(out.status == AttendanceStatus::attended);
    const auto regs = list_registrations(a.db, a.event);
    REQUIRE(regs.size() == 1);
    CHECK(regs[0].status == AttendanceStatus::attended);

    record_attendance(a.db, a.event, a.contacts[0], AttendanceStatus::excused, walk_in, DryRun::no);
    CHECK(list_registrations(a.db, a.event)[0].status == AttendanceStatus::excused);
}

TEST_CASE("attendance: a contact who was not registered is a walk-in", "[events][attendance]") {
    Attendance a;
    a.reg(a.contacts[0]);
    a.reg(a.contacts[1]); // full now: a walk-in is still recorded
    set_event_status(a.db, a.event, EventStatus::held, "", DryRun::no);
    bool walk_in = false;
    const auto out = record_attendance(a.db, a.event, a.contacts[3], AttendanceStatus::attended,
                                       walk_in, DryRun::no);
    CHECK(walk_in);
    CHECK(out.id > 0);
    CHECK(out.company_key == "schmidt");
    CHECK(out.contact_name == "Dora Lang");
    CHECK(a.registered() == 3);
    bool dry_walk_in = false;
    record_attendance(a.db, a.event, a.contacts[2], AttendanceStatus::attended, dry_walk_in,
                      DryRun::yes);
    CHECK(dry_walk_in);
    CHECK(a.registered() == 3);
}

TEST_CASE("attendance: refused attendance records", "[events][attendance]") {
    Attendance a;
    a.reg(a.contacts[0]);
    bool walk_in = false;
    CHECK(failure_of([&] {
              record_attendance(a.db, a.event, a.contacts[0], AttendanceStatus::registered, walk_in,
                                DryRun::no);
          }).kind == ErrorKind::usage);
    CHECK(failure_of([&] {
              record_attendance(a.db, a.event, 4711, AttendanceStatus::attended, walk_in,
                                DryRun::no);
          }).kind == ErrorKind::not_found);
    set_event_status(a.db, a.event, EventStatus::cancelled, "", DryRun::no);
    CHECK(failure_of([&] {
              record_attendance(a.db, a.event, a.contacts[0], AttendanceStatus::attended, walk_in,
                                DryRun::no);
          }).kind == ErrorKind::conflict);
    CHECK(list_registrations(a.db, a.event)[0].status == AttendanceStatus::registered);
}

TEST_CASE("attendance: registration_records lists who comes", "[events][attendance]") {
    Attendance a;
    a.reg(a.contacts[0]);
    register_for_event(a.db, a.event, std::nullopt, "schmidt", Force::no, DryRun::no);
    const auto r = registration_records(list_registrations(a.db, a.event));
    CHECK(r.columns == std::vector<std::string>{"id", "company", "contact_id", "name", "status"});
    REQUIRE(r.rows.size() == 2);
    // By company key: mueller first.
    CHECK(r.rows[0][1] == Value{std::string("mueller")});
    CHECK(r.rows[0][2] == Value{a.contacts[0]});
    CHECK(r.rows[0][3] == Value{std::string("Anna Roth")});
    CHECK(r.rows[0][4] == Value{std::string("registered")});
    CHECK(r.rows[1][1] == Value{std::string("schmidt")});
    CHECK(r.rows[1][2] == Value{});
    CHECK(r.rows[1][3] == Value{});
    // The event's detail carries them.
    const auto d = event_detail(a.db, require_event(a.db, a.event));
    REQUIRE(d.children.size() == 1);
    CHECK(d.children[0].second.rows.size() == 2);
}

TEST_CASE("an attendance list records every row in one go, or none", "[events][paperwork]") {
    Attendance a;
    a.reg(a.contacts[0]);
    std::istringstream list("Firma;Name;Anwesenheit\n"
                            "mueller;Anna Roth;x\n"
                            "mueller GmbH;ben kurz;entschuldigt\n"
                            "schmidt;Dora Lang;\n"
                            ";;\n");
    const auto r = record_attendance_list(a.db, a.event, list, "liste.csv", DryRun::no);
    CHECK(r.problems.empty());
    CHECK(r.recorded == 2);
    CHECK(r.walk_ins == 1); // Ben Kurz was not registered
    CHECK(r.skipped == 1);
    const auto regs = list_registrations(a.db, a.event);
    REQUIRE(regs.size() == 2);
    CHECK(regs[0].status == AttendanceStatus::attended);
    CHECK(regs[1].status == AttendanceStatus::excused);

    std::istringstream bad("company,name,status\n"
                           "mueller,Cem Aydin,nein\n"
                           "mueller,Niemand,x\n");
    const auto before = list_registrations(a.db, a.event).size();
    const auto b = record_attendance_list(a.db, a.event, bad, "bad.csv", DryRun::no);
    REQUIRE(b.problems.size() == 1);
    CHECK(b.problems[0].rfind("bad.csv:3: 'Niemand' is no contact of mueller", 0) == 0);
    CHECK(b.recorded == 0);
    CHECK(list_registrations(a.db, a.event).size() == before);

    std::istringstream no_columns("wer,was\n");
    CHECK(failure_of([&] {
              record_attendance_list(a.db, a.event, no_columns, "x.csv", DryRun::no);
          }).kind == ErrorKind::bad_data);
}

TEST_CASE("the greeting follows the stored salutation, never the name", "[events][paperwork]") {
    Contact c;
    c.name = "Anna Roth";
    c.salutation = "frau";
    CHECK(contact_greeting(c, Language::en) == "Dear Ms Anna Roth");
    c.salutation = "herr";
    CHECK(contact_greeting(c, Language::en) == "Dear Mr Anna Roth");
    c.salutation = "";
    CHECK(contact_greeting(c, Language::en) == "Hello Anna Roth");
}

TEST_CASE("invitations go to the invited contacts of active members with an address",
          "[events][paperwork]") {
    Attendance a;
    ContactFields f;
    f.email = "anna@mueller.de";
    f.salutation = "frau";
    std::vector<std::string> changed;
    edit_contact(a.db, a.contacts[0], f, changed, DryRun::no); // Anna Roth: invited
    f.email = "ben@mueller.de";
    f.salutation = "neutral";
    f.invited = false;
    edit_contact(a.db, a.contacts[1], f, changed, DryRun::no); // Ben Kurz: does not want them
    ContactFields dora;
    dora.email = "dora@schmidt.de";
    edit_contact(a.db, a.contacts[3], dora, changed, DryRun::no);
    archive_company(a.db, "schmidt", ArchiveAction::archive, DryRun::no); // Dora: archived
    // Cem Aydin has no address.
    const auto list = event_invitations(a.db, a.event, Language::en);
    REQUIRE(list.records.rows.size() == 1);
    CHECK(list.without_email == 1);
    CHECK(list.records.rows[0][2] == Value{std::string("Dear Ms Anna Roth")});
    CHECK(list.records.rows[0][7] == Value{std::string("anna@mueller.de")});

    MailSettings mail;
    CHECK(failure_of([&] { invitation_mails(a.db, a.event, mail, Language::de, 0); }).kind ==
          ErrorKind::config);
    mail.from = "Netzwerk <netzwerk@example.org>";
    const auto mails = invitation_mails(a.db, a.event, mail, Language::en, 1800000000);
    REQUIRE(mails.size() == 1);
    CHECK(mails[0].message.find("To: \"Anna Roth\" <anna@mueller.de>\r\n") != std::string::npos);
    CHECK(mails[0].message.find("Dear Ms Anna Roth,") != std::string::npos);
    mail.body = "{anrede} {vorname}";
    const auto bad = failure_of([&] { invitation_mails(a.db, a.event, mail, Language::de, 0); });
    CHECK(bad.kind == ErrorKind::config);
    CHECK(bad.message.find("{vorname}") != std::string::npos);
}

TEST_CASE("the sign-in sheet escapes what people typed", "[events][paperwork]") {
    Attendance a;
    ContactFields f;
    f.role = "<script>alert(1)</script>";
    std::vector<std::string> changed;
    edit_contact(a.db, a.contacts[0], f, changed, DryRun::no);
    a.reg(a.contacts[0]);
    const auto html = sign_in_sheet_html(a.db, a.event, Language::en, 2);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("Anna Roth") != std::string::npos);
    CHECK(html.find("size: A4") != std::string::npos);
}
