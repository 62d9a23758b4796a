// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/icalendar.hpp"

#include "core/text.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using werkstatt::Date;
using werkstatt::ErrorKind;
using werkstatt::IcsEvent;
using werkstatt::write_icalendar;
using werkstatt::test::failure_of;

namespace {

constexpr const char* k_product = "-//Arbeitgebernetzwerk Sachsen-Anhalt//werkstatt//DE";

// Return a confirmed timed event on `iso_date` from 14:00 to 16:30 with the UID `uid`.
IcsEvent meeting(const std::string& uid, const std::string& iso_date = "2027-03-18") {
    return IcsEvent{.uid = uid,
                    .sequence = 2,
                    .dtstamp_utc = "2027-02-01T09:30:00Z",
                    .date = *Date::parse_iso(iso_date),
                    .start_minute = 14 * 60,
                    .end_minute = 16 * 60 + 30,
                    .summary = "Netzwerktreffen Q1",
                    .location = "Müller GmbH, Am Hafen 3, 39104 Magdeburg",
                    .description = "Begrüßung\nRundgang",
                    .cancelled = false,
                    .confirmed = true,
                    .organizer = std::nullopt,
                    .attendees = {}};
}

// Return the physical lines of `ics` without their CRLF; fail if any line ends otherwise.
std::vector<std::string> physical_lines(const std::string& ics) {
    std::vector<std::string> lines;
    std::size_t begin = 0;
    while (begin < ics.size()) {
        const auto end = ics.find("\r\n", begin);
        REQUIRE(end != std::string::npos);
        lines.push_back(ics.substr(begin, end - begin));
        begin = end + 2;
    }
    return lines;
}

// Return the content lines of `ics` with every fold undone.
std::vector<std::string> content_lines(const std::string& ics) {
    std::vector<std::string> lines;
    for (const std::string& line : physical_lines(ics)) {
        if (!line.empty() && line[0] == ' ') {
            REQUIRE_FALSE(lines.empty());
            lines.back() += line.substr(1);
        } else {
            lines.push_back(line);
        }
    }
    return lines;
}

// Return the content line of `ics` that starts with `prefix`; fail unless there is exactly one.
std::string line_starting(const std::string& ics, const std::string& prefix) {
    std::vector<std::string> found;
    for (const std::string& line : content_lines(ics)) {
        if (line.rfind(prefix, 0) == 0) {
            found.push_back(line);
        }
    }
    REQUIRE(found.size() == 1);
    return found.front();
}

// Return how often `needle` occurs in `haystack`.
std::size_t count_of(const std::string& haystack, const std::string& needle) {
    std::size_t count = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos;
         pos = haystack.find(needle, pos + 1)) {
        ++count;
    }
    return count;
}

// Return true if `c` is the second, third or fourth byte of a UTF-8 sequence.
bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u;
}

} // namespace

TEST_CASE("io::write_icalendar writes the calendar frame and one VEVENT per event in order",
          "[icalendar]") {
    const std::string ics =
        write_icalendar({meeting("b@werkstatt"), meeting("a@werkstatt", "2027-01-05")}, k_product);
    const auto lines = content_lines(ics);
    REQUIRE(lines.size() >= 8);
    CHECK(lines[0] == "BEGIN:VCALENDAR");
    CHECK(lines[1] == "PRODID:-//Arbeitgebernetzwerk Sachsen-Anhalt//werkstatt//DE");
    CHECK(lines[2] == "VERSION:2.0");
    CHECK(lines[3] == "CALSCALE:GREGORIAN");
    CHECK(lines[4] == "METHOD:PUBLISH");
    CHECK(lines[5] == "BEGIN:VTIMEZONE");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(count_of(ics, "BEGIN:VEVENT\r\n") == 2);
    CHECK(count_of(ics, "END:VEVENT\r\n") == 2);
    CHECK(ics.find("UID:b@werkstatt") < ics.find("UID:a@werkstatt"));
    CHECK(ics.find("END:VTIMEZONE") < ics.find("BEGIN:VEVENT"));
    CHECK(line_starting(ics, "UID:b") == "UID:b@werkstatt");
    CHECK(count_of(ics, "SEQUENCE:2\r\n") == 2);
    CHECK(count_of(ics, "DTSTAMP:20270201T093000Z\r\n") == 2);
}

TEST_CASE("io::write_icalendar ends every line with CRLF and nothing else", "[icalendar]") {
    IcsEvent event = meeting("crlf@werkstatt");
    event.description = "eins\r\nzwei\ndrei\rvier";
    const std::string ics = write_icalendar({event}, k_product);
    REQUIRE(ics.size() > 2);
    CHECK(ics.substr(ics.size() - 2) == "\r\n");
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics[i] == '\r') {
            REQUIRE(i + 1 < ics.size());
            CHECK(ics[i + 1] == '\n');
        }
        if (ics[i] == '\n') {
            REQUIRE(i > 0);
            CHECK(ics[i - 1] == '\r');
        }
    }
    CHECK(line_starting(ics, "DESCRIPTION:") == "DESCRIPTION:eins\\nzwei\\ndrei\\nvier");
}

TEST_CASE("io::write_icalendar folds at exactly 75 octets", "[icalendar]") {
    // "SUMMARY:" is 8 octets, so 67 more make a line of exactly 75 that stays whole.
    IcsEvent event = meeting("fold@werkstatt");
    event.summary = std::string(67, 'x');
    std::string ics = write_icalendar({event}, k_product);
    CHECK(count_of(ics, "SUMMARY:" + event.summary + "\r\n") == 1);

    // One octet more folds after the 75th octet; the continuation carries one space and the rest.
    event.summary = std::string(68, 'x');
    ics = write_icalendar({event}, k_product);
    CHECK(count_of(ics, "SUMMARY:" + std::string(67, 'x') + "\r\n x\r\n") == 1);

    // Continuation lines hold 74 octets after their space.
    event.summary = std::string(67 + 74 + 1, 'y');
    ics = write_icalendar({event}, k_product);
    CHECK(count_of(ics, "\r\n " + std::string(74, 'y') + "\r\n y\r\n") == 1);
}

TEST_CASE("io::write_icalendar folds long German text without splitting a UTF-8 character",
          "[icalendar]") {
    IcsEvent event = meeting("umlaut@werkstatt");
    event.description = "Tagesordnung für das Treffen der Arbeitgeber in Sachsen-Anhalt:\n"
                        "1. Begrüßung durch die Geschäftsführung der Müller GmbH 👋\n"
                        "2. Fachkräftesicherung – Erfahrungen mit ausländischen Fachkräften, "
                        "Anerkennung; Sprachförderung\n"
                        "3. Rundgang durch die Fertigungshalle (Größe: 2.500 m²) 🏭🏭🏭🏭🏭\n"
                        "4. Äußerungen, Fragen und Übergänge; Ende gegen 16:30 Uhr ÄÖÜäöüß€";
    // Shift the text by one to three octets so that folds land on every byte of multi-byte
    // characters at least once.
    for (const std::string prefix : {"", "a", "ab", "abc"}) {
        IcsEvent shifted = event;
        shifted.description = prefix + event.description;
        const std::string ics = write_icalendar({shifted}, k_product);
        const auto lines = physical_lines(ics);
        std::size_t continuations = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string& line = lines[i];
            INFO("line " << i << ": " << line);
            CHECK(line.size() <= 75);
            if (!line.empty()) {
                const std::size_t first = line[0] == ' ' ? 1 : 0;
                continuations += first;
                // No physical line starts or ends inside a UTF-8 sequence.
                if (line.size() > first) {
                    CHECK_FALSE(is_continuation_byte(line[first]));
                }
                CHECK(werkstatt::text::is_valid_utf8(line));
            }
            if (i + 1 < lines.size() && !lines[i + 1].empty() && lines[i + 1][0] == ' ' &&
                line.size() < 75) {
                // A fold came early: only because the next character would have crossed 75.
                CHECK(line.size() >= 72);
            }
        }
        CHECK(continuations >= 4);
        const std::string expected = "DESCRIPTION:" + prefix +
                                     "Tagesordnung für das Treffen der Arbeitgeber in "
                                     "Sachsen-Anhalt:\\n1. Begrüßung durch die Geschäftsführung "
                                     "der Müller GmbH 👋\\n2. Fachkräftesicherung – Erfahrungen "
                                     "mit ausländischen Fachkräften\\, Anerkennung\\; "
                                     "Sprachförderung\\n3. Rundgang durch die Fertigungshalle "
                                     "(Größe: 2.500 m²) 🏭🏭🏭🏭🏭\\n4. Äußerungen\\, Fragen und "
                                     "Übergänge\\; Ende gegen 16:30 Uhr ÄÖÜäöüß€";
        CHECK(line_starting(ics, "DESCRIPTION:") == expected);
        CHECK(line_starting(ics, "LOCATION:") ==
              "LOCATION:Müller GmbH\\, Am Hafen 3\\, 39104 Magdeburg");
    }
}

TEST_CASE("io::write_icalendar escapes text values per RFC 5545 3.3.11", "[icalendar]") {
    IcsEvent event = meeting("esc@werkstatt");
    event.summary = R"(A\B; C, D)";
    event.location = "Halle (Saale); Tor 2, Halle\tB";
    event.description = "Zeile 1\nZeile 2: \"zitiert\"";
    const std::string ics = write_icalendar({event}, k_product);
    CHECK(line_starting(ics, "SUMMARY:") == R"(SUMMARY:A\\B\; C\, D)");
    CHECK(line_starting(ics, "LOCATION:") == "LOCATION:Halle (Saale)\\; Tor 2\\, Halle\tB");
    CHECK(line_starting(ics, "DESCRIPTION:") == "DESCRIPTION:Zeile 1\\nZeile 2: \"zitiert\"");
}

TEST_CASE("io::write_icalendar writes timed events in Europe/Berlin", "[icalendar]") {
    const std::string ics = write_icalendar({meeting("timed@werkstatt")}, k_product);
    CHECK(line_starting(ics, "DTSTART;") == "DTSTART;TZID=Europe/Berlin:20270318T140000");
    CHECK(line_starting(ics, "DTEND;") == "DTEND;TZID=Europe/Berlin:20270318T163000");

    IcsEvent one_hour = meeting("hour@werkstatt", "2027-10-31");
    one_hour.start_minute = 9 * 60 + 5;
    one_hour.end_minute.reset();
    const std::string hour = write_icalendar({one_hour}, k_product);
    CHECK(line_starting(hour, "DTSTART;") == "DTSTART;TZID=Europe/Berlin:20271031T090500");
    CHECK(line_starting(hour, "DTEND;") == "DTEND;TZID=Europe/Berlin:20271031T100500");

    IcsEvent late = meeting("late@werkstatt", "2027-12-31");
    late.start_minute = 23 * 60 + 30;
    late.end_minute.reset();
    const std::string night = write_icalendar({late}, k_product);
    CHECK(line_starting(night, "DTSTART;") == "DTSTART;TZID=Europe/Berlin:20271231T233000");
    CHECK(line_starting(night, "DTEND;") == "DTEND;TZID=Europe/Berlin:20280101T003000");
}

TEST_CASE("io::write_icalendar writes all-day events as dates ending the next day", "[icalendar]") {
    IcsEvent event = meeting("allday@werkstatt", "2028-02-29");
    event.start_minute.reset();
    event.end_minute.reset();
    const std::string ics = write_icalendar({event}, k_product);
    CHECK(line_starting(ics, "DTSTART;") == "DTSTART;VALUE=DATE:20280229");
    CHECK(line_starting(ics, "DTEND;") == "DTEND;VALUE=DATE:20280301");
    CHECK(count_of(ics, "TZID=Europe/Berlin:") == 0);
}

TEST_CASE("io::write_icalendar writes the status", "[icalendar]") {
    IcsEvent confirmed = meeting("c@werkstatt");
    IcsEvent tentative = meeting("t@werkstatt");
    tentative.confirmed = false;
    IcsEvent cancelled = meeting("x@werkstatt");
    cancelled.cancelled = true;
    cancelled.sequence = 3;
    const std::string ics = write_icalendar({confirmed, tentative, cancelled}, k_product);
    const auto status_after = [&ics](const std::string& uid) {
        const auto at = ics.find("STATUS:", ics.find("UID:" + uid));
        return ics.substr(at, ics.find("\r\n", at) - at);
    };
    CHECK(status_after("c@werkstatt") == "STATUS:CONFIRMED");
    CHECK(status_after("t@werkstatt") == "STATUS:TENTATIVE");
    CHECK(status_after("x@werkstatt") == "STATUS:CANCELLED");
    CHECK(count_of(ics, "SEQUENCE:3\r\n") == 1);
}

TEST_CASE("io::write_icalendar writes one Europe/Berlin VTIMEZONE with CET/CEST rules",
          "[icalendar]") {
    for (const std::size_t n : {0u, 1u, 3u}) {
        std::vector<IcsEvent> events;
        for (std::size_t i = 0; i < n; ++i) {
            events.push_back(meeting("tz" + std::to_string(i) + "@werkstatt"));
        }
        const std::string ics = write_icalendar(events, k_product);
        CHECK(count_of(ics, "BEGIN:VTIMEZONE\r\n") == 1);
        CHECK(count_of(ics, "END:VTIMEZONE\r\n") == 1);
        CHECK(count_of(ics, "TZID:Europe/Berlin\r\n") == 1);
    }
    const std::string ics = write_icalendar({}, k_product);
    const std::string summer_rule = "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
                                    "TZNAME:CEST\r\nDTSTART:19700329T020000\r\n"
                                    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n";
    const std::string winter_rule = "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
                                    "TZNAME:CET\r\nDTSTART:19701025T030000\r\n"
                                    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n";
    const std::string zone = "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n" + summer_rule +
                             winter_rule + "END:VTIMEZONE\r\n";
    CHECK(ics.substr(ics.find("BEGIN:VTIMEZONE")) == zone + "END:VCALENDAR\r\n");
    // The first onsets in the rules really are the last Sundays of March and October 1970.
    CHECK(Date::parse_iso("1970-03-29")->iso_weekday() == 7);
    CHECK(Date::parse_iso("1970-10-25")->iso_weekday() == 7);
    CHECK(Date::parse_iso("1970-03-29")->month() != (*Date::parse_iso("1970-03-29") + 7).month());
    CHECK(Date::parse_iso("1970-10-25")->month() != (*Date::parse_iso("1970-10-25") + 7).month());
}

TEST_CASE("io::write_icalendar leaves out an empty location and description", "[icalendar]") {
    IcsEvent event = meeting("bare@werkstatt");
    event.location.clear();
    event.description.clear();
    const std::string ics = write_icalendar({event}, k_product);
    CHECK(count_of(ics, "LOCATION") == 0);
    CHECK(count_of(ics, "DESCRIPTION") == 0);
    CHECK(count_of(ics, "SUMMARY:Netzwerktreffen Q1\r\n") == 1);
}

TEST_CASE("io::write_icalendar is deterministic", "[icalendar]") {
    std::vector<IcsEvent> events = {meeting("d1@werkstatt"), meeting("d2@werkstatt", "2027-06-17")};
    events[1].start_minute.reset();
    events[1].end_minute.reset();
    const std::string first = write_icalendar(events, k_product);
    CHECK(write_icalendar(events, k_product) == first);
    std::vector<IcsEvent> copy = events;
    CHECK(write_icalendar(copy, k_product) == first);
}

TEST_CASE("io::write_icalendar refuses events it cannot write faithfully", "[icalendar]") {
    const auto refuses = [](IcsEvent event, const std::string& words) {
        const auto failure = failure_of([&] {
            write_icalendar({meeting("ok@werkstatt"), event}, k_product);
        });
        INFO(failure.message);
        CHECK(failure.kind == ErrorKind::bad_data);
        CHECK(failure.message.find(words) != std::string::npos);
        CHECK(failure.message.find("; ") != std::string::npos);
    };
    IcsEvent event = meeting("bad@werkstatt");
    event.start_minute = 1440;
    refuses(event, "start minute 1440 is outside 0..1439");
    event.start_minute = -1;
    refuses(event, "start minute -1 is outside 0..1439");
    event = meeting("bad@werkstatt");
    event.end_minute = 1440;
    refuses(event, "end minute 1440 is outside 0..1439");
    event.end_minute = *event.start_minute;
    refuses(event, "not after its start at 14:00");
    event.end_minute = *event.start_minute - 1;
    refuses(event, "ends at 13:59");
    event = meeting("bad@werkstatt");
    event.start_minute.reset();
    refuses(event, "end time but no start time");
    event = meeting("");
    refuses(event, "UID is empty");
    event = meeting("bad@werkstatt");
    event.dtstamp_utc = "2027-02-01 09:30:00";
    refuses(event, "event bad@werkstatt: time stamp '2027-02-01 09:30:00'");
    event.dtstamp_utc = "2027-02-30T09:30:00Z";
    refuses(event, "time stamp");
    event.dtstamp_utc = "2027-02-01T24:00:00Z";
    refuses(event, "time stamp");
    event = meeting("bad@werkstatt");
    event.sequence = -1;
    refuses(event, "sequence -1 is negative");
    event = meeting("bad@werkstatt");
    event.summary = "Treffen\x01";
    refuses(event, "summary contains the control character 0x01");
    event = meeting("bad@werkstatt");
    event.location = "M\xFCller GmbH"; // Latin-1, not UTF-8
    refuses(event, "location is not valid UTF-8");
    event = meeting("bad\n@werkstatt");
    refuses(event, "UID contains the control character 0x0A");

    const auto bad_product = failure_of([] { write_icalendar({}, ""); });
    CHECK(bad_product.kind == ErrorKind::internal);
}

TEST_CASE("icalendar: an invitation has METHOD:REQUEST, its organizer and attendee with RSVP",
          "[io][icalendar]") {
    auto e = meeting("inv@werkstatt");
    e.organizer = werkstatt::IcsPerson{"IQ Netzwerk", "netzwerk@example.org"};
    e.attendees = {werkstatt::IcsPerson{"Kim \"K\" Öztürk", "kim@example.org"}};
    const auto ics = write_icalendar({e}, k_product, werkstatt::IcsMethod::request);
    CHECK(ics.find("METHOD:REQUEST\r\n") != std::string::npos);
    CHECK(ics.find("ORGANIZER;CN=\"IQ Netzwerk\":mailto:netzwerk@example.org\r\n") !=
          std::string::npos);
    const auto unfolded = [&] {
        std::string s = ics;
        for (auto pos = s.find("\r\n "); pos != std::string::npos; pos = s.find("\r\n ")) {
            s.erase(pos, 3);
        }
        return s;
    }();
    CHECK(unfolded.find("ATTENDEE;CN=\"Kim 'K' Öztürk\";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;"
                        "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:kim@example.org\r\n") !=
          std::string::npos);
    CHECK(write_icalendar({meeting("pub@werkstatt")}, k_product).find("METHOD:PUBLISH") !=
          std::string::npos);
    e.attendees = {werkstatt::IcsPerson{"X", "no-address"}};
    CHECK(failure_of([&] {
              write_icalendar({e}, k_product, werkstatt::IcsMethod::request);
          }).kind == ErrorKind::bad_data);
}
