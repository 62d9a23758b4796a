// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/mail.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>
#include <string>

using werkstatt::encode_header_text;
using werkstatt::ErrorKind;
using werkstatt::MailMessage;
using werkstatt::quoted_printable;
using werkstatt::split_command;
using werkstatt::write_mail;
using werkstatt::test::failure_of;

namespace {

// Return a message from the network to Kim Öztürk with one calendar attached.
MailMessage mail_test_message() {
    MailMessage m;
    m.from = {"IQ Netzwerk", "netzwerk@example.org"};
    m.to = {"Kim Öztürk", "kim@example.org"};
    m.subject = "Einladung: Werkstatt am 11.02.2027 – Förderung";
    m.text = "Guten Tag Kim Öztürk,\n\nMit freundlichen Grüßen\n";
    m.date = 1800000000;
    m.message_id = "abc@example.org";
    m.attachments.push_back({"text/calendar; charset=UTF-8; method=REQUEST", "einladung.ics",
                             "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"});
    return m;
}

} // namespace

TEST_CASE("encode_header_text leaves ASCII alone and encodes UTF-8 as short encoded words",
          "[io][mail]") {
    CHECK(encode_header_text("Einladung") == "Einladung");
    CHECK(encode_header_text("Öl") == "=?UTF-8?B?w5Zs?=");
    const std::string long_text(33, 'a');
    const auto encoded = encode_header_text(long_text + "ääää");
    CHECK(encoded.find("\r\n ") != std::string::npos); // two words
    for (std::size_t start = 0, end = 0; start < encoded.size(); start = end + 3) {
        end = encoded.find("\r\n ", start);
        if (end == std::string::npos) {
            end = encoded.size();
        }
        CHECK(end - start <= 60);
    }
}

TEST_CASE("quoted_printable encodes '=', non-ASCII and trailing blanks, CRLF line ends",
          "[io][mail]") {
    CHECK(quoted_printable("a=b\n") == "a=3Db\r\n");
    CHECK(quoted_printable("Grüße") == "Gr=C3=BC=C3=9Fe\r\n");
    CHECK(quoted_printable("end \nx") == "end=20\r\nx\r\n");
    const auto wrapped = quoted_printable(std::string(100, 'x'));
    CHECK(wrapped == std::string(75, 'x') + "=\r\n" + std::string(25, 'x') + "\r\n");
}

TEST_CASE("write_mail writes the headers, the text and the attachment as MIME", "[io][mail]") {
    const auto out = write_mail(mail_test_message());
    CHECK(out.find("From: \"IQ Netzwerk\" <netzwerk@example.org>\r\n") != std::string::npos);
    CHECK(out.find("To: =?UTF-8?B?") == out.find("To: "));
    CHECK(out.find("Message-ID: <abc@example.org>\r\n") != std::string::npos);
    CHECK(out.find("MIME-Version: 1.0\r\n") != std::string::npos);
    CHECK(out.find("Content-Type: multipart/mixed;\r\n boundary=") != std::string::npos);
    CHECK(out.find("Content-Type: text/calendar; charset=UTF-8; method=REQUEST;\r\n "
                   "name=\"einladung.ics\"") != std::string::npos);
    CHECK(out.find("QkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo=") != std::string::npos);
    for (std::size_t i = 0; i < out.size(); ++i) {
        CHECK(static_cast<unsigned char>(out[i]) < 0x80u);
        if (out[i] == '\n') {
            REQUIRE(i > 0);
            CHECK(out[i - 1] == '\r');
        }
    }
}

TEST_CASE("write_mail sends an invitation as the text's alternative and as an .ics file",
          "[io][mail]") {
    auto m = mail_test_message();
    m.attachments.clear();
    m.invitation = MailAttachment{"text/calendar; charset=UTF-8; method=REQUEST", "einladung.ics",
                                  "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"};
    const auto out = write_mail(m);
    const auto mixed = out.find("Content-Type: multipart/mixed;");
    const auto alternative = out.find("Content-Type: multipart/alternative;");
    const auto text = out.find("Content-Type: text/plain; charset=UTF-8");
    const auto inline_calendar =
        out.find("Content-Type: text/calendar; charset=UTF-8; method=REQUEST\r\n");
    const auto file = out.find("Content-Type: application/ics;\r\n name=\"einladung.ics\"");
    REQUIRE(mixed != std::string::npos);
    REQUIRE(alternative != std::string::npos);
    REQUIRE(inline_calendar != std::string::npos);
    REQUIRE(file != std::string::npos);
    // In this order: the alternatives (text first, as the least preferred), then the file.
    CHECK(mixed < alternative);
    CHECK(alternative < text);
    CHECK(text < inline_calendar);
    CHECK(inline_calendar < file);
    // The inline calendar is no attachment; the file is; the calendar's bytes are in both.
    CHECK(out.find("Content-Disposition", inline_calendar) > file);
    const std::string encoded = "QkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo=";
    CHECK(out.find(encoded, inline_calendar) < file);
    CHECK(out.find(encoded, file) != std::string::npos);
}

TEST_CASE("write_mail refuses a bad address and a header with a line break", "[io][mail]") {
    auto m = mail_test_message();
    m.to.address = "kein-at-zeichen";
    CHECK(failure_of([&] { write_mail(m); }).kind == ErrorKind::bad_data);
    m = mail_test_message();
    m.subject = "Einladung\r\nBcc: alle@example.org";
    const auto f = failure_of([&] { write_mail(m); });
    CHECK(f.kind == ErrorKind::bad_data);
    CHECK(f.message.find("line break") != std::string::npos);
}

TEST_CASE("split_command splits at blanks without a shell", "[io][mail]") {
    CHECK(split_command("/usr/sbin/sendmail  -t -i") ==
          std::vector<std::string>{"/usr/sbin/sendmail", "-t", "-i"});
    CHECK(split_command("  ").empty());
}

TEST_CASE("split_command keeps quoted words whole and expands nothing", "[io][mail]") {
    CHECK(split_command("msmtp -a 'IQ Büro' -t") ==
          std::vector<std::string>{"msmtp", "-a", "IQ Büro", "-t"});
    CHECK(split_command(R"(prog "a \"b\" \\ c" x\ y '' $HOME *)") ==
          std::vector<std::string>{"prog", R"(a "b" \ c)", "x y", "", "$HOME", "*"});
    CHECK(split_command("prog 'a b'c") == std::vector<std::string>{"prog", "a bc"});
    const auto f = failure_of([] { split_command("msmtp -a 'IQ Büro -t"); });
    CHECK(f.kind == ErrorKind::config);
    CHECK(f.message.find("unclosed") != std::string::npos);
}
