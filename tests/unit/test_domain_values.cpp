// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/values.hpp"

#include <catch2/catch.hpp>
#include <string>

using werkstatt::Email;
using werkstatt::Phone;
using werkstatt::Plz;
using werkstatt::RecordKey;

TEST_CASE("domain::Plz keeps five digits with their leading zero", "[domain]") {
    REQUIRE(Plz::parse("06108").has_value());
    CHECK(Plz::parse("06108")->str() == "06108");
    CHECK(Plz::parse("39104")->str() == "39104");
    CHECK(Plz::parse("00000")->str() == "00000");
    CHECK(Plz::parse("  06844\t")->str() == "06844");
    CHECK(*Plz::parse("06108") == *Plz::parse(" 06108 "));
    CHECK_FALSE(*Plz::parse("06108") == *Plz::parse("06110"));
}

TEST_CASE("domain::Plz gets back the leading zero a spreadsheet's number lost", "[domain]") {
    CHECK(Plz::parse_lost_zero("6844")->str() == "06844");
    CHECK(Plz::parse_lost_zero(" 6108 ")->str() == "06108");
    for (const char* other : {"", "06844", "39104", "684", "684a", "-684", "6844.5"}) {
        CHECK_FALSE(Plz::parse_lost_zero(other));
    }
}

TEST_CASE("domain::Plz rejects anything but five digits", "[domain]") {
    for (const char* bad : {"", "     ", "6108", "061080", "1234", "123456", "0610a", "O6108",
                            "06 108", "06-108", "-6108", "+6108", "6108.", "D-06108",
                            "\xEF\xBC\x90\xEF\xBC\x96\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x98"}) {
        INFO("input: '" << bad << "'");
        CHECK_FALSE(Plz::parse(bad).has_value());
    }
}

TEST_CASE("domain::Email accepts plain addresses", "[domain]") {
    for (const char* good : {"info@firma.de", "a.b-c_d+tag@sub.firma-gmbh.de", "x@y.io", "a@b.c",
                             "personal.leitung@mueller-metallbau.de", "müller@firma.de",
                             "o'brien@firma.de", "1234@567.de"}) {
        INFO("input: '" << good << "'");
        REQUIRE(Email::parse(good).has_value());
        CHECK(Email::parse(good)->str() == good);
    }
    CHECK(Email::parse("  info@firma.de \t")->str() == "info@firma.de");
}

TEST_CASE("domain::Email rejects the many invalid forms", "[domain]") {
    const std::string local64(64, 'a');
    const std::string long_domain = std::string(245, 'd') + ".de"; // 248 bytes
    CHECK(Email::parse(local64 + "@firma.de").has_value());
    CHECK_FALSE(Email::parse(local64 + "a@firma.de").has_value());   // local part over 64 bytes
    CHECK(Email::parse("ab@" + long_domain).has_value());            // 251 bytes
    CHECK_FALSE(Email::parse("abcdefg@" + long_domain).has_value()); // 256 bytes

    for (const char* bad : {
             "",
             "   ",
             "firma.de",        // no @
             "@firma.de",       // no local part
             "info@",           // no domain
             "info@firma",      // no dot in the domain
             "info@firma.",     // empty top-level domain
             "info@.de",        // empty first label
             "info@firma..de",  // empty label
             "info@-firma.de",  // domain starting with a hyphen
             "info@@firma.de",  // two @
             "in@fo@firma.de",  // two @
             ".info@firma.de",  // local part starting with a dot
             "info.@firma.de",  // local part ending with a dot
             "in fo@firma.de",  // blank
             "info@fir ma.de",  // blank in the domain
             "info@firma.de x", // text after the address
             "Info <info@firma.de>",
             "\"info\"@firma.de", // quoted local parts are not the plain form
             "info(x)@firma.de",
             "in,fo@firma.de",
             "in;fo@firma.de",
             "in:fo@firma.de",
             "info@[192.168.0.1]",
             "in\\fo@firma.de",
             "in\tfo@firma.de",
             "in\x7Fo@firma.de",
         }) {
        INFO("input: '" << bad << "'");
        CHECK_FALSE(Email::parse(bad).has_value());
    }
}

TEST_CASE("domain::Email rejects two dots in a row in the local part", "[domain]") {
    // Like a leading or trailing dot (which are rejected), ".." is not allowed in the local part
    // of a plain address (RFC 5322 dot-atom); mail to it bounces.
    CHECK_FALSE(Email::parse("in..fo@firma.de").has_value());
    CHECK_FALSE(Email::parse("a...b@firma.de").has_value());
}

TEST_CASE("domain::Phone accepts numbers as people write them", "[domain]") {
    for (const char* good : {"0391 1234567", "+49 391 123 45 67", "(0391) 123-4567", "0391/12345",
                             "0345.12345", "12345", "+49 (0) 345 / 123 45-67"}) {
        INFO("input: '" << good << "'");
        REQUIRE(Phone::parse(good).has_value());
        CHECK(Phone::parse(good)->str() == good);
    }
    CHECK(Phone::parse("  0391 12345  ")->str() == "0391 12345");
    CHECK(Phone::parse(std::string(20, '1')).has_value());
}

TEST_CASE("domain::Phone rejects letters, too few or too many digits", "[domain]") {
    for (const char* bad : {"", "   ", "1234", "+49 12", "(0)-/.", "0391 CALL-ME", "0391 12345 ext",
                            "0391#12345", "0391_12345", "0391,12345", "tel:039112345"}) {
        INFO("input: '" << bad << "'");
        CHECK_FALSE(Phone::parse(bad).has_value());
    }
    CHECK_FALSE(Phone::parse(std::string(21, '1')).has_value()); // 21 digits
    // 41 characters with few digits.
    CHECK_FALSE(Phone::parse("0391 " + std::string(31, ' ') + "12345").has_value());
}

TEST_CASE("domain::RecordKey takes lower-case letters, digits, '-' and '_'", "[domain]") {
    for (const char* good :
         {"mueller", "a", "9", "mueller-metallbau", "firma_2", "0abc", "a-", "a_b-c9"}) {
        INFO("input: '" << good << "'");
        REQUIRE(RecordKey::parse(good).has_value());
        CHECK(RecordKey::parse(good)->str() == good);
    }
    CHECK(RecordKey::parse(std::string(40, 'k')).has_value());
    CHECK_FALSE(RecordKey::parse(std::string(41, 'k')).has_value());
    for (const char* bad : {"", "Mueller", "MUELLER", "-mueller", "_mueller", "mül", "mueller gmbh",
                            " mueller", "mueller ", "a.b", "a/b", "a@b"}) {
        INFO("input: '" << bad << "'");
        CHECK_FALSE(RecordKey::parse(bad).has_value());
    }
}
