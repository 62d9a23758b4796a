// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace text = werkstatt::text;
using namespace std::string_literals;

TEST_CASE("core::text::trim removes ASCII white space at both ends only", "[core]") {
    CHECK(text::trim("  a b \t\r\n") == "a b");
    CHECK(text::trim("\f\vx\v\f") == "x");
    CHECK(text::trim("abc") == "abc");
    CHECK(text::trim("") == "");
    CHECK(text::trim(" \t\r\n ") == "");
    CHECK(text::trim("a  b") == "a  b");
    // A no-break space (U+00A0) is not ASCII white space.
    CHECK(text::trim("\xC2\xA0x\xC2\xA0") == "\xC2\xA0x\xC2\xA0");
}

TEST_CASE("core::text::ascii_lower lowers ASCII letters and leaves other bytes", "[core]") {
    CHECK(text::ascii_lower("Hello WORLD 123_-") == "hello world 123_-");
    CHECK(text::ascii_lower("") == "");
    CHECK(text::ascii_lower("ÄÖÜ Straße") == "ÄÖÜ straße");
    CHECK(text::ascii_lower("@[`{") == "@[`{"); // neighbours of A-Z and a-z
}

TEST_CASE("core::text::split keeps empty parts", "[core]") {
    using Parts = std::vector<std::string_view>;
    CHECK(text::split("a;b;c", ';') == Parts{"a", "b", "c"});
    CHECK(text::split("a;;b", ';') == Parts{"a", "", "b"});
    CHECK(text::split(";a;", ';') == Parts{"", "a", ""});
    CHECK(text::split("", ';') == Parts{""});
    CHECK(text::split(";", ';') == Parts{"", ""});
    CHECK(text::split("abc", ',') == Parts{"abc"});
}

TEST_CASE("core::text::join puts the separator between parts only", "[core]") {
    CHECK(text::join({}, ", ") == "");
    CHECK(text::join({"a"}, ", ") == "a");
    CHECK(text::join({"a", "b", "c"}, ", ") == "a, b, c");
    CHECK(text::join({"", ""}, ",") == ",");
    CHECK(text::join({"x", "y"}, "") == "xy");
}

TEST_CASE("core::text::is_valid_utf8 accepts well-formed text", "[core]") {
    CHECK(text::is_valid_utf8(""));
    CHECK(text::is_valid_utf8("plain ASCII"));
    CHECK(text::is_valid_utf8("Grüße aus Dessau-Roßlau"));
    CHECK(text::is_valid_utf8("\xE2\x82\xAC"));     // € (3 bytes)
    CHECK(text::is_valid_utf8("\xF0\x9F\x98\x80")); // 😀 (4 bytes)
    CHECK(text::is_valid_utf8("\xC2\x80"));         // U+0080, smallest 2-byte
    CHECK(text::is_valid_utf8("\xE0\xA0\x80"));     // U+0800, smallest 3-byte
    CHECK(text::is_valid_utf8("\xF0\x90\x80\x80")); // U+10000, smallest 4-byte
    CHECK(text::is_valid_utf8("\xED\x9F\xBF"));     // U+D7FF, just below the surrogates
    CHECK(text::is_valid_utf8("sixteen bytes ok\xC3\xBC and more after it")); // ASCII in words

    CHECK(text::is_valid_utf8("\xEE\x80\x80"));     // U+E000, just above the surrogates
    CHECK(text::is_valid_utf8("\xF4\x8F\xBF\xBF")); // U+10FFFF, the last code point
    CHECK(text::is_valid_utf8("a\0b"s));            // NUL is a code point
}

TEST_CASE("core::text::is_valid_utf8 rejects malformed text", "[core]") {
    SECTION("a bad byte after, between and inside runs of eight ASCII bytes") {
        for (std::size_t at = 0; at < 20; ++at) {
            std::string s(20, 'a');
            s[at] = '\xFF';
            CHECK_FALSE(text::is_valid_utf8(s));
            s[at] = '\xC3'; // a lead byte without its continuation
            CHECK_FALSE(text::is_valid_utf8(s));
        }
    }
    SECTION("overlong encodings") {
        CHECK_FALSE(text::is_valid_utf8("\xC0\xAF"));         // '/' in 2 bytes
        CHECK_FALSE(text::is_valid_utf8("\xC1\xBF"));         // U+007F in 2 bytes
        CHECK_FALSE(text::is_valid_utf8("\xE0\x80\xAF"));     // '/' in 3 bytes
        CHECK_FALSE(text::is_valid_utf8("\xE0\x9F\xBF"));     // U+07FF in 3 bytes
        CHECK_FALSE(text::is_valid_utf8("\xF0\x80\x80\xAF")); // '/' in 4 bytes
        CHECK_FALSE(text::is_valid_utf8("\xF0\x8F\xBF\xBF")); // U+FFFF in 4 bytes
        CHECK_FALSE(text::is_valid_utf8("\xC0\x80"));         // modified-UTF-8 NUL
    }
    SECTION("surrogates") {
        CHECK_FALSE(text::is_valid_utf8("\xED\xA0\x80"));             // U+D800
        CHECK_FALSE(text::is_valid_utf8("\xED\xBF\xBF"));             // U+DFFF
        CHECK_FALSE(text::is_valid_utf8("\xED\xA0\xBD\xED\xB8\x80")); // CESU-8 pair
    }
    SECTION("truncated sequences") {
        CHECK_FALSE(text::is_valid_utf8("\xC3"));
        CHECK_FALSE(text::is_valid_utf8("Gr\xC3"));
        CHECK_FALSE(text::is_valid_utf8("\xE2\x82"));
        CHECK_FALSE(text::is_valid_utf8("\xF0\x9F\x98"));
        CHECK_FALSE(text::is_valid_utf8("\xE2\x82x"));    // continuation replaced by ASCII
        CHECK_FALSE(text::is_valid_utf8("\xC3\xC3\xBC")); // lead byte followed by lead byte
    }
    SECTION("bytes that never start a character") {
        CHECK_FALSE(text::is_valid_utf8("\x80"));
        CHECK_FALSE(text::is_valid_utf8("a\xBF"));
        CHECK_FALSE(text::is_valid_utf8("\xF8\x88\x80\x80\x80")); // old 5-byte form
        CHECK_FALSE(text::is_valid_utf8("\xFE"));
        CHECK_FALSE(text::is_valid_utf8("\xFF"));
        CHECK_FALSE(text::is_valid_utf8("M\xFCller")); // Latin-1 ü
    }
    SECTION("beyond U+10FFFF") {
        CHECK_FALSE(text::is_valid_utf8("\xF4\x90\x80\x80"));
        CHECK_FALSE(text::is_valid_utf8("\xF7\xBF\xBF\xBF"));
    }
}

TEST_CASE("core::text::display_width counts terminal columns", "[core]") {
    CHECK(text::display_width("") == 0);
    CHECK(text::display_width("Magdeburg") == 9);
    CHECK(text::display_width("Müller") == 6);
    CHECK(text::display_width("ÄÖÜäöüß") == 7);
    CHECK(text::display_width("Börde") == 5);
    CHECK(text::display_width("日本") == 4);
    CHECK(text::display_width("한국어") == 6);
    CHECK(text::display_width("ab日c") == 5);
    CHECK(text::display_width("\xF0\x9F\x98\x80") == 2); // emoji are wide
    CHECK(text::display_width("e\xCC\x81") == 1);        // e + combining acute accent
    CHECK(text::display_width("\xE2\x82\xAC") == 1);     // € is narrow
    CHECK(text::display_width("M\xFCller") == 6);        // a stray byte shows as one character
}

TEST_CASE("core::text::parse_int accepts whole decimal integers only", "[core]") {
    CHECK(text::parse_int("0") == 0);
    CHECK(text::parse_int("42") == 42);
    CHECK(text::parse_int("-42") == -42);
    CHECK(text::parse_int("+42") == 42);
    CHECK(text::parse_int("007") == 7);
    CHECK(text::parse_int("9223372036854775807") == std::numeric_limits<std::int64_t>::max());
    CHECK(text::parse_int("-9223372036854775808") == std::numeric_limits<std::int64_t>::min());

    CHECK_FALSE(text::parse_int("").has_value());
    CHECK_FALSE(text::parse_int("+").has_value());
    CHECK_FALSE(text::parse_int("-").has_value());
    CHECK_FALSE(text::parse_int(" 42").has_value());
    CHECK_FALSE(text::parse_int("42 ").has_value());
    CHECK_FALSE(text::parse_int("4 2").has_value());
    CHECK_FALSE(text::parse_int("42x").has_value());
    CHECK_FALSE(text::parse_int("4.2").has_value());
    CHECK_FALSE(text::parse_int("1e3").has_value());
    CHECK_FALSE(text::parse_int("0x10").has_value());
    CHECK_FALSE(text::parse_int("9223372036854775808").has_value());
    CHECK_FALSE(text::parse_int("-9223372036854775809").has_value());
    CHECK_FALSE(text::parse_int("++5").has_value());
    CHECK_FALSE(text::parse_int("--5").has_value());
}

TEST_CASE("core::text::parse_int takes one sign only", "[core]") {
    // "+-5" and "+-0" are not decimal integers; the '+' must not be stripped before a '-'.
    CHECK_FALSE(text::parse_int("+-5").has_value());
    CHECK_FALSE(text::parse_int("+-0").has_value());
}

TEST_CASE("core::text::parse_double accepts decimal numbers with a point", "[core]") {
    CHECK(text::parse_double("0") == Approx(0.0));
    CHECK(text::parse_double("52.1205") == Approx(52.1205));
    CHECK(text::parse_double("-11.5") == Approx(-11.5));
    CHECK(text::parse_double("11") == Approx(11.0));

    CHECK_FALSE(text::parse_double("").has_value());
    CHECK_FALSE(text::parse_double("52,12").has_value()); // German comma is not the separator
    CHECK_FALSE(text::parse_double(" 1.5").has_value());
    CHECK_FALSE(text::parse_double("1.5 ").has_value());
    CHECK_FALSE(text::parse_double("1.5x").has_value());
    CHECK_FALSE(text::parse_double("abc").has_value());
    CHECK_FALSE(text::parse_double("1.2.3").has_value());
    CHECK_FALSE(text::parse_double("-").has_value());
    CHECK_FALSE(text::parse_double(".").has_value());
}

TEST_CASE("core::text::parse_double rejects infinities and NaN", "[core]") {
    // "A whole decimal number": the words inf and nan are not numbers a file should contain.
    CHECK_FALSE(text::parse_double("nan").has_value());
    CHECK_FALSE(text::parse_double("NaN").has_value());
    CHECK_FALSE(text::parse_double("inf").has_value());
    CHECK_FALSE(text::parse_double("-infinity").has_value());
}

TEST_CASE("core::text::fold_german folds umlauts and ß and lowers", "[core]") {
    CHECK(text::fold_german("Börde") == "boerde");
    CHECK(text::fold_german("Mansfeld-Südharz") == "mansfeld-suedharz");
    CHECK(text::fold_german("Dessau-Roßlau") == "dessau-rosslau");
    CHECK(text::fold_german("ÄÖÜ") == "aeoeue");
    CHECK(text::fold_german("äöü") == "aeoeue");
    CHECK(text::fold_german("Halle (Saale)") == "halle (saale)");
    CHECK(text::fold_german("") == "");
    CHECK(text::fold_german("boerde") == "boerde");
    // Other accented letters stay as they are.
    CHECK(text::fold_german("Café") == "café");
    // A lone lead byte at the end is kept as it is.
    CHECK(text::fold_german("a\xC3") == "a\xC3");
    // Folding makes the spellings people type compare equal.
    CHECK(text::fold_german("GRÖNINGEN") == text::fold_german("Groeningen"));
}

TEST_CASE("core::text::cut_to_width ends a cut text in an ellipsis within the width", "[core]") {
    CHECK(text::cut_to_width("Magdeburg", 9) == "Magdeburg");
    CHECK(text::cut_to_width("Magdeburg", 20) == "Magdeburg");
    CHECK(text::cut_to_width("Magdeburg", 6) == "Magde…");
    // Umlauts are one column each, not two bytes.
    CHECK(text::cut_to_width("Bördeküche", 6) == "Börde…");
    CHECK(text::display_width(text::cut_to_width("Bördeküche", 6)) == 6);
    CHECK(text::cut_to_width("abc", 1) == "…");
    CHECK(text::cut_to_width("abc", 0) == "");
    // A wide character that does not fit is left out whole.
    CHECK(text::cut_to_width("a漢字b", 4) == "a漢…");
}

TEST_CASE("core::text::wrap_words breaks at blanks and keeps every word", "[core]") {
    using Lines = std::vector<std::string>;
    CHECK(text::wrap_words("Ausbildungsberatung der Handwerkskammer", 25) ==
          Lines{"Ausbildungsberatung der", "Handwerkskammer"});
    CHECK(text::wrap_words("kurz", 25) == Lines{"kurz"});
    CHECK(text::wrap_words("", 25) == Lines{""});
    CHECK(text::wrap_words("a  b\tc", 3) == Lines{"a b", "c"});
    // Umlauts count one column: "Süd Öl" is 6 wide.
    CHECK(text::wrap_words("Süd Öl Ärger", 6) == Lines{"Süd Öl", "Ärger"});
    // A word wider than a line is broken inside, nothing is lost.
    CHECK(text::wrap_words("Anerkennungsberatung xy", 8) ==
          Lines{"Anerkenn", "ungsbera", "tung xy"});
    for (const auto& line : text::wrap_words("Eine sehr lange Bezeichnung für eine Stelle", 10)) {
        CHECK(text::display_width(line) <= 10);
    }
}

TEST_CASE("core::text::display_safe shows control characters visibly", "[core]") {
    // ESC starting an OSC title sequence ending in BEL, and a colour sequence.
    CHECK(text::display_safe("a\x1b]0;pwned\x07z") == "a\\x1B]0;pwned\\x07z");
    CHECK(text::display_safe("\x1b[31mred") == "\\x1B[31mred");
    CHECK(text::display_safe("nul\0byte"s) == "nul\\x00byte");
    CHECK(text::display_safe("del\x7f") == "del\\x7F");
    CHECK(text::display_safe("cr\rlf\ntab\t") == "cr\\x0Dlf\\x0Atab\\x09");
    // C1 controls as code points (U+009B is CSI, U+0085 NEL).
    CHECK(text::display_safe("\xC2\x9B"
                             "2J\xC2\x85") == "\\u009B2J\\u0085");
    // Invisible characters that can hide or fake text: soft hyphen, Mongolian vowel separator,
    // Hangul filler, interlinear annotation, tag characters (outside the BMP: \U and 8 digits).
    CHECK(text::display_safe("Ah\xC2\xADmad") == "Ah\\u00ADmad");
    CHECK(text::display_safe("a\xE1\xA0\x8E"
                             "b") == "a\\u180Eb");
    CHECK(text::display_safe("\xE3\x85\xA4x") == "\\u3164x");
    CHECK(text::display_safe("\xEF\xBF\xB9y") == "\\uFFF9y");
    CHECK(text::display_safe("z\xF3\xA0\x81\x81") == "z\\U000E0041");
    // Emoji keep their variation selector; Persian keeps the zero-width non-joiner.
    CHECK(text::display_safe("\xE2\x9D\xA4\xEF\xB8\x8F") == "\xE2\x9D\xA4\xEF\xB8\x8F");
    CHECK(text::display_safe("\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xB4\xD9\x88\xD8\xAF") ==
          "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xB4\xD9\x88\xD8\xAF");
}

TEST_CASE("core::text::display_safe keeps line feeds and tabs of a block of text only", "[core]") {
    const auto breaks = text::LineBreaks::keep;
    CHECK(text::display_safe("one\n\ttwo", 100, breaks) == "one\n\ttwo");
    CHECK(text::display_safe("one\r\x1b[2Ktwo", 100, breaks) == "one\\x0D\\x1B[2Ktwo");
}

TEST_CASE("core::text::display_safe shows bidi controls and invisible characters", "[core]") {
    // RIGHT-TO-LEFT OVERRIDE turns "exe.txt" around on screen.
    CHECK(text::display_safe("invoice\xE2\x80\xAEtxt.exe") == "invoice\\u202Etxt.exe");
    for (const char32_t cp :
         {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0x200E,
          0x200F, 0x2060, 0xFEFF, 0x2028, 0x2029, 0x061C}) {
        std::string utf8;
        if (cp < 0x800) {
            utf8 = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        } else {
            utf8 = {static_cast<char>(0xE0 | (cp >> 12)),
                    static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                    static_cast<char>(0x80 | (cp & 0x3F))};
        }
        CAPTURE(static_cast<unsigned>(cp));
        const auto shown = text::display_safe("a" + utf8 + "b");
        CHECK(shown.find(utf8) == std::string::npos);
        CHECK(shown.find("\\u") == 1);
    }
}

TEST_CASE("core::text::display_safe keeps the joiners of Persian spelling and emoji", "[core]") {
    // ZERO WIDTH NON-JOINER is part of Persian words (Mahdi-zadeh); ZERO WIDTH JOINER of emoji.
    const std::string persian =
        "\xD9\x85\xD9\x87\xD8\xAF\xDB\x8C\xE2\x80\x8C\xD8\xB2\xD8\xA7\xD8\xAF\xD9\x87";
    CHECK(text::display_safe(persian) == persian);
    const std::string family = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
    CHECK(text::display_safe(family) == family);
}

TEST_CASE("core::text::display_safe shows bytes that are not UTF-8 as \\xNN", "[core]") {
    CHECK(text::display_safe("M\xFCller") == "M\\xFCller");         // Windows-1252 ü
    CHECK(text::display_safe("\xC3") == "\\xC3");                   // cut-off sequence
    CHECK(text::display_safe("\xED\xA0\x80") == "\\xED\\xA0\\x80"); // a surrogate
    CHECK(text::display_safe("\xC0\xAF") == "\\xC0\\xAF");          // overlong "/"
    CHECK(text::is_valid_utf8(text::display_safe("\xFF\xFE\x80 x")));
}

TEST_CASE("core::text::display_safe leaves names of every script as they are", "[core]") {
    for (const std::string name :
         {"Jürgen Groß-Öztürk", "Preis 12 €", "محمد الأحمد", "Анна Кузнецова", "张伟",
          "Ngozi Okonjo-Iweala", "François d'Aubigné", "emoji 😀"}) {
        CHECK(text::display_safe(name) == name);
    }
}

TEST_CASE("core::text::display_safe shortens long values and says how long they were", "[core]") {
    const std::string longer(120 * 1024, 'x');
    const auto shown = text::display_safe(longer);
    CHECK(shown == std::string(80, 'x') + "… (122880 characters)");
    CHECK(text::display_safe(std::string(80, 'y')) == std::string(80, 'y')); // fits exactly
    CHECK(text::display_safe("ääääää", 4) == "ääää… (6 characters)");        // by characters
    // An escape is not cut in half; it counts with its visible length.
    CHECK(text::display_safe("ab\x1b"
                             "cd",
                             4) == "ab… (5 characters)");
    CHECK(text::display_safe("ab\x1b"
                             "cd",
                             6) == "ab\\x1B… (5 characters)");
}

TEST_CASE("core::text::printable marks a cut only where something was left out", "[core]") {
    CHECK(text::printable("Referenznummer", 14) == "Referenznummer");
    CHECK(text::printable("Referenznummer", 9) == "Referenzn…");
    CHECK(text::printable("a\x1b", 10) == "a\\x1B");
}
