// SPDX-License-Identifier: GPL-3.0-or-later
// Events as an iCalendar file: one VEVENT each, with the host's address and the agenda.
#include "events/ics.hpp"

#include "events/events.hpp"
#include "members/members.hpp"
#include "store/event_store.hpp"
#include "support.hpp"

#include <string>
#include <vector>

using namespace werkstatt;
using werkstatt::test::TestDatabase;

namespace {

struct Calendar {
    TestDatabase t;
    Database& db = t.db();

    Calendar() {
        CompanyFields c;
        c.key = "mueller";
        c.name = "Müller Metallbau GmbH";
        c.street = "Hauptstraße 1";
        c.plz = "39104";
        c.city = "Magdeburg";
        c.can_host = true;
        add_company(db, c, MemberPolicy{}, DryRun::no);
        CompanyFields d;
        d.key = "schmidt";
        d.name = "Schmidt Logistik";
        d.plz = "06108";
        d.city = "Halle (Saale)";
        d.can_host = true;
        add_company(db, d, MemberPolicy{}, DryRun::no);
    }

    Event add(const std::string& date, const std::string& host, EventFields f = {}) {
        f.date = date;
        f.host = host;
        const auto id = add_event(db, f, EventDefaults{}, DryRun::no).event.id;
        return require_event(db, id);
    }

    // The calendar of `events` in `lang` with folded lines joined again.
    std::string ics(const std::vector<Event>& events, Language lang = Language::de) {
        auto text = events_icalendar(db, events, lang);
        std::string out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text.compare(i, 3, "\r\n ") == 0) {
                i += 2;
                continue;
            }
            out += text[i];
        }
        return out;
    }
};

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) {
        ++n;
    }
    return n;
}

// Return the text of the VEVENT with `uid`.
std::string vevent(const std::string& ics, const std::string& uid) {
    const auto at = ics.find("UID:" + uid);
    REQUIRE(at != std::string::npos);
    const auto begin = ics.rfind("BEGIN:VEVENT", at);
    const auto end = ics.find("END:VEVENT", at);
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    return ics.substr(begin, end - begin);
}

} // namespace

TEST_CASE("ics: one VEVENT per event with its UID", "[events][ics]") {
    Calendar c;
    const auto a = c.add("2027-05-12", "mueller");
    const auto b = c.add("2027-06-09", "schmidt");
    const auto text = c.ics({a, b});
    CHECK_THAT(text, Catch::StartsWith("BEGIN:VCALENDAR\r\n"));
    CHECK(count(text, "BEGIN:VEVENT") == 2);
    CHECK(count(text, "END:VEVENT") == 2);
    CHECK(count(text, "UID:" + a.uid + "\r\n") == 1);
    CHECK(count(text, "UID:" + b.uid + "\r\n") == 1);
    // In the order given.
    CHECK(text.find(a.uid) < text.find(b.uid));
    CHECK(c.ics({b, a}).find(b.uid) < c.ics({b, a}).find(a.uid));
    CHECK(count(c.ics({}), "BEGIN:VEVENT") == 0);
}

TEST_CASE("ics: the host's address is the location and the summary names the host",
          "[events][ics]") {
    Calendar c;
    const auto a = c.add("2027-05-12", "mueller");
    const auto ev = vevent(c.ics({a}), a.uid);
    // Commas are escaped in iCalendar text.
    CHECK_THAT(ev, Catch::Contains(
                       "LOCATION:Müller Metallbau GmbH\\, Hauptstraße 1\\, 39104 Magdeburg\r\n"));
    CHECK_THAT(ev, Catch::Contains("SUMMARY:Betriebliche Werkstatt bei Müller Metallbau GmbH\r\n"));
    CHECK_THAT(ev, Catch::Contains("STATUS:TENTATIVE\r\n"));
    CHECK_THAT(ev, Catch::Contains("SEQUENCE:0\r\n"));
    CHECK_THAT(ev, Catch::Contains("20270512T140000"));
    CHECK_THAT(ev, Catch::Contains("20270512T170000"));
    CHECK_THAT(ev, !Catch::Contains("DESCRIPTION"));

    // Without a street the address has no empty part.
    EventFields f;
    f.title = "Kamingespräch";
    const auto b = c.add("2027-06-09", "schmidt", f);
    const auto ev2 = vevent(c.ics({b}), b.uid);
    CHECK_THAT(ev2, Catch::Contains("LOCATION:Schmidt Logistik\\, 06108 Halle (Saale)\r\n"));
    CHECK_THAT(ev2, Catch::Contains("SUMMARY:Kamingespräch bei Schmidt Logistik\r\n"));
}

TEST_CASE("ics: the agenda and notes are the description", "[events][ics]") {
    Calendar c;
    EventFields f;
    f.topics = std::vector<std::string>{"sprache", "foerderung"};
    f.notes = "Parken im Hof";
    const auto a = c.add("2027-05-12", "mueller", f);
    const auto ev = vevent(c.ics({a}), a.uid);
    CHECK_THAT(ev, Catch::Contains("DESCRIPTION:Themen:\\n"
                                   "1. Sprachaspekte und Sprachenförderung in Unternehmen\\n"
                                   "2. Beratung und Fördermöglichkeiten\\n\\n"
                                   "Parken im Hof\r\n"));
}

TEST_CASE("ics: a confirmed event is CONFIRMED and a cancelled one CANCELLED", "[events][ics]") {
    Calendar c;
    const auto confirmed = c.add("2027-05-12", "mueller");
    set_event_status(c.db, confirmed.id, EventStatus::confirmed, "", DryRun::no);
    const auto cancelled = c.add("2027-06-09", "schmidt");
    set_event_status(c.db, cancelled.id, EventStatus::cancelled, "Gastgeber krank", DryRun::no);

    const auto text = c.ics({require_event(c.db, confirmed.id), require_event(c.db, cancelled.id)});
    const auto ev1 = vevent(text, confirmed.uid);
    CHECK_THAT(ev1, Catch::Contains("STATUS:CONFIRMED\r\n"));
    CHECK_THAT(ev1, Catch::Contains("SEQUENCE:1\r\n"));
    const auto ev2 = vevent(text, cancelled.uid);
    CHECK_THAT(ev2, Catch::Contains("STATUS:CANCELLED\r\n"));
    CHECK_THAT(ev2, !Catch::Contains("STATUS:CONFIRMED"));
    CHECK_THAT(ev2, Catch::Contains("DESCRIPTION:Abgesagt: Gastgeber krank\r\n"));
    CHECK_THAT(ev2, Catch::Contains("SEQUENCE:1\r\n"));
}

TEST_CASE("ics: what people read follows the language asked for; UIDs and codes do not",
          "[events][ics][i18n]") {
    Calendar c;
    EventFields f;
    f.topics = std::vector<std::string>{"sprache"};
    f.kind = "site-visit";
    const auto a = c.add("2027-05-12", "mueller", f);
    const auto b = c.add("2027-06-09", "schmidt");
    set_event_status(c.db, b.id, EventStatus::cancelled, "Gastgeber krank", DryRun::no);
    const std::vector<Event> events = {a, require_event(c.db, b.id)};

    const auto de = c.ics(events, Language::de);
    CHECK_THAT(vevent(de, a.uid),
               Catch::Contains("SUMMARY:Vor-Ort-Besuch bei Müller Metallbau GmbH\r\n"));
    CHECK_THAT(vevent(de, a.uid), Catch::Contains("DESCRIPTION:Themen:\\n1. "));
    CHECK_THAT(vevent(de, b.uid),
               Catch::Contains("SUMMARY:Betriebliche Werkstatt bei Schmidt Logistik\r\n"));

    const auto en = c.ics(events, Language::en);
    const auto ev_a = vevent(en, a.uid);
    const auto ev_b = vevent(en, b.uid);
    CHECK_THAT(ev_a, Catch::Contains("SUMMARY:Site visit at Müller Metallbau GmbH\r\n"));
    CHECK_THAT(ev_a, Catch::Contains("DESCRIPTION:Topics:\\n1. "));
    CHECK_THAT(ev_b, Catch::Contains("SUMMARY:Company Werkstatt at Schmidt Logistik\r\n"));
    CHECK_THAT(ev_b, Catch::Contains("DESCRIPTION:Cancelled: Gastgeber krank\r\n"));
    for (const auto* german : {" bei ", "Themen", "Abgesagt", "Vor-Ort", "Betriebliche"}) {
        CHECK_THAT(en, !Catch::Contains(german));
    }
    // The same entries apart from their words: UIDs, revisions, times and states.
    for (const auto* field : {"UID:", "SEQUENCE:", "DTSTART", "STATUS:", "LOCATION:"}) {
        CHECK(count(de, field) == count(en, field));
    }
    CHECK(count(en, "UID:" + a.uid + "\r\n") == 1);
    CHECK(count(en, "STATUS:CANCELLED\r\n") == 1);
}
