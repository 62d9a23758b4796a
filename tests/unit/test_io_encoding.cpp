// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/encoding.hpp"

#include "io/csv.hpp"
#include "io/file_hash.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using werkstatt::CsvReader;
using werkstatt::CsvRecord;
using werkstatt::DecodingStreambuf;
using werkstatt::Encoding;
using werkstatt::ErrorKind;
using werkstatt::test::failure_of;
using werkstatt::test::TempDir;
using werkstatt::test::write_text;
using namespace std::string_literals;

namespace {

const std::filesystem::path k_data = std::filesystem::path(WERKSTATT_TEST_DATA) / "encoding";

// The text of every fixture, decoded; the UTF-16 one separates fields with tabs, as Excel's
// "Unicode-Text" does.
const std::string k_semicolons = "Firma;Ort;Hinweis\r\n"
                                 "Müller;Straße;€\r\n"
                                 "„Bäckerei“;Köln;Öl\r\n";
const std::string k_tabs = "Firma\tOrt\tHinweis\r\n"
                           "Müller\tStraße\t€\r\n"
                           "„Bäckerei“\tKöln\tÖl\r\n";

using Fields = std::vector<std::string>;
const std::vector<Fields> k_records = {
    {"Firma", "Ort", "Hinweis"}, {"Müller", "Straße", "€"}, {"„Bäckerei“", "Köln", "Öl"}};

// Return everything `in` delivers.
std::string read_all(std::istream& in) {
    std::string text;
    std::string block(4096, '\0');
    while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0) {
        text.append(block, 0, static_cast<std::size_t>(in.gcount()));
    }
    return text;
}

// Return the UTF-8 text of `bytes` decoded as `encoding`.
std::string decode(const std::string& bytes, Encoding encoding) {
    std::istringstream source(bytes);
    DecodingStreambuf buffer(source, encoding, "test.csv");
    std::istream in(&buffer);
    in.exceptions(std::ios::badbit);
    return read_all(in);
}

// Decode `bytes` as `encoding` one character at a time; return the text delivered before the
// error and the error.
std::pair<std::string, werkstatt::test::Failure> decode_until_error(const std::string& bytes,
                                                                    Encoding encoding) {
    std::istringstream source(bytes);
    DecodingStreambuf buffer(source, encoding, "test.csv");
    std::string text;
    const auto failure = failure_of([&] {
        for (auto c = buffer.sbumpc(); c != std::char_traits<char>::eof(); c = buffer.sbumpc()) {
            text += static_cast<char>(c);
        }
    });
    return {text, failure};
}

// Return the message of the error decoding `bytes` as `encoding` throws (empty if none).
std::string decode_error(const std::string& bytes, Encoding encoding) {
    const auto failure = failure_of([&] { decode(bytes, encoding); });
    if (failure.kind) {
        CHECK(*failure.kind == ErrorKind::bad_data);
    }
    return failure.message;
}

// Return `text` as UTF-16 code units in the byte order of `encoding` (code points below U+10000
// only, surrogates as given).
std::string utf16(const std::u16string& text, Encoding encoding) {
    std::string out;
    for (char16_t unit : text) {
        const auto lo = static_cast<char>(unit & 0xFF);
        const auto hi = static_cast<char>(unit >> 8);
        if (encoding == Encoding::utf16le) {
            out += lo;
            out += hi;
        } else {
            out += hi;
            out += lo;
        }
    }
    return out;
}

// Return every record a CsvReader reads from `in`, and the delimiter it detected.
std::pair<std::vector<Fields>, char> records_of(std::istream& in) {
    CsvReader reader(in, "test.csv");
    std::vector<Fields> records;
    CsvRecord record;
    while (reader.next(record)) {
        records.push_back(record.fields);
    }
    return {records, reader.delimiter()};
}

} // namespace

TEST_CASE("io::encoding parse_encoding knows the usual names, in any case", "[encoding]") {
    using werkstatt::parse_encoding;
    CHECK(parse_encoding("utf-8") == Encoding::utf8);
    CHECK(parse_encoding("UTF8") == Encoding::utf8);
    CHECK(parse_encoding("utf-8-sig") == Encoding::utf8_bom);
    CHECK(parse_encoding("windows-1252") == Encoding::windows1252);
    CHECK(parse_encoding("CP1252") == Encoding::windows1252);
    CHECK(parse_encoding("latin1") == Encoding::windows1252);
    CHECK(parse_encoding("ISO-8859-1") == Encoding::windows1252);
    CHECK(parse_encoding("ANSI") == Encoding::windows1252);
    CHECK(parse_encoding("utf-16le") == Encoding::utf16le);
    CHECK(parse_encoding("UTF-16") == Encoding::utf16le);
    CHECK(parse_encoding("Unicode") == Encoding::utf16le);
    CHECK(parse_encoding("utf_16_be") == Encoding::utf16be);
    CHECK_FALSE(parse_encoding("").has_value());
    CHECK_FALSE(parse_encoding("utf-32").has_value());
    CHECK_FALSE(parse_encoding("iso-8859-15").has_value()); // € is elsewhere than in Windows-1252
    CHECK_FALSE(parse_encoding("utf-8x").has_value());
    for (const auto e : {Encoding::utf8, Encoding::utf8_bom, Encoding::windows1252,
                         Encoding::utf16le, Encoding::utf16be}) {
        CHECK(parse_encoding(werkstatt::encoding_name(e)) == e);
    }
    CHECK(werkstatt::encoding_name(Encoding::utf8_bom) == "UTF-8 with BOM");
    CHECK(werkstatt::encoding_name(Encoding::windows1252) == "Windows-1252");
}

TEST_CASE("io::encoding detect_encoding goes by the byte order mark first", "[encoding]") {
    using werkstatt::detect_encoding;
    CHECK(detect_encoding("\xEF\xBB\xBF"
                          "Firma;Ort") == Encoding::utf8_bom);
    CHECK(detect_encoding("\xFF\xFE"
                          "F\0i\0"s) == Encoding::utf16le);
    CHECK(detect_encoding("\xFE\xFF\0F\0i"s) == Encoding::utf16be);
    // A BOM wins over content that is not valid in the encoding it names.
    CHECK(detect_encoding("\xEF\xBB\xBF\xFC") == Encoding::utf8_bom);
}

TEST_CASE("io::encoding detect_encoding tells UTF-8 from Windows-1252", "[encoding]") {
    using werkstatt::detect_encoding;
    CHECK(detect_encoding("") == Encoding::utf8);
    CHECK(detect_encoding("Firma;Ort\r\nAcme;Halle\r\n") == Encoding::utf8);
    CHECK(detect_encoding(k_semicolons) == Encoding::utf8);
    CHECK(detect_encoding("M\xFCller;Stra\xDF"
                          "e") == Encoding::windows1252);
    CHECK(detect_encoding("Preis;\x80") == Encoding::windows1252);
    CHECK(detect_encoding("\x84Zitat\x93") == Encoding::windows1252);
    CHECK(detect_encoding("\xC4rger") == Encoding::windows1252); // Ä before a consonant
    // Sequences that look like UTF-8 but are not: overlong, a surrogate, above U+10FFFF.
    CHECK(detect_encoding("\xC0\xAF") == Encoding::windows1252);
    CHECK(detect_encoding("\xED\xA0\x80") == Encoding::windows1252);
    CHECK(detect_encoding("\xF4\x90\x80\x80") == Encoding::windows1252);
}

TEST_CASE("io::encoding detect_encoding allows a character cut off at the end of the head",
          "[encoding]") {
    using werkstatt::detect_encoding;
    const std::string text = "Preis;" + std::string(100, 'x') + "€";
    for (std::size_t cut = 1; cut <= 2; ++cut) {
        CHECK(detect_encoding(text.substr(0, text.size() - cut)) == Encoding::utf8);
    }
    CHECK(detect_encoding("Gr\xC3") == Encoding::utf8);
    CHECK(detect_encoding("\xF0\x9F\x98") == Encoding::utf8);
    // Cut inside, but already wrong: E0 must be followed by A0..BF.
    CHECK(detect_encoding("x\xE0\x80") == Encoding::windows1252);
}

TEST_CASE("io::encoding open_decoded reads each fixture as the same UTF-8 text", "[encoding]") {
    struct Case {
        const char* file;
        Encoding encoding;
        const std::string& text;
    };
    for (const auto& c : {Case{"utf8_bom.csv", Encoding::utf8_bom, k_semicolons},
                          Case{"windows1252.csv", Encoding::windows1252, k_semicolons},
                          Case{"utf16le_bom.txt", Encoding::utf16le, k_tabs}}) {
        INFO(c.file);
        const auto path = k_data / c.file;
        auto input = werkstatt::open_decoded(path, std::nullopt);
        CHECK(input->encoding() == c.encoding);
        CHECK(input->size() == std::filesystem::file_size(path));
        CHECK(input->bytes_consumed() == 0);
        CHECK(read_all(input->stream()) == c.text);
        CHECK(input->bytes_consumed() == input->size());
    }
}

TEST_CASE("io::encoding fixtures read through CsvReader give the same records", "[encoding]") {
    struct Case {
        const char* file;
        char delimiter;
    };
    for (const auto& c :
         {Case{"utf8_bom.csv", ';'}, Case{"windows1252.csv", ';'}, Case{"utf16le_bom.txt", '\t'}}) {
        INFO(c.file);
        auto input = werkstatt::open_decoded(k_data / c.file, std::nullopt);
        const auto [records, delimiter] = records_of(input->stream());
        CHECK(delimiter == c.delimiter);
        CHECK(records == k_records);
    }
}

TEST_CASE("io::encoding UTF-16BE and UTF-16 surrogate pairs decode", "[encoding]") {
    const std::u16string text = u"Müller\t€\t\U0001F600\r\n";
    CHECK(decode("\xFE\xFF"s + utf16(text, Encoding::utf16be), Encoding::utf16be) ==
          "Müller\t€\t\U0001F600\r\n");
    CHECK(decode(utf16(text, Encoding::utf16le), Encoding::utf16le) == "Müller\t€\t\U0001F600\r\n");
    CHECK(decode("", Encoding::utf16le).empty());
    CHECK(decode("\xFF\xFE", Encoding::utf16le).empty());
}

TEST_CASE("io::encoding UTF-8 across many chunks with a character on every boundary",
          "[encoding]") {
    constexpr std::size_t chunk = 1u << 16;
    const std::vector<std::string> straddlers = {"ä", "€", "\U0001F600"};
    std::string text;
    for (std::size_t k = 1; k <= 48; ++k) {
        const auto& c = straddlers[k % straddlers.size()];
        // Start the character 1 .. size-1 bytes before the boundary.
        const std::size_t before = 1 + k % (c.size() - 1);
        while (text.size() < k * chunk - before) {
            text += text.size() % 61 == 60 ? '\n' : static_cast<char>('a' + text.size() % 26);
        }
        text += c;
    }
    SECTION("without a BOM") {
        CHECK(decode(text, Encoding::utf8) == text);
    }
    SECTION("with a BOM, which moves the boundaries by three bytes") {
        CHECK(decode("\xEF\xBB\xBF" + text, Encoding::utf8_bom) == text);
    }
    SECTION("an error after many chunks names its offset in the file") {
        const std::string bad = text + "ok\xFFrest";
        CHECK(decode_error(bad, Encoding::utf8) ==
              fmt::format("test.csv: byte {}: invalid UTF-8 (0xFF is not a character); save "
                          "the file as UTF-8 or name its encoding with --encoding",
                          text.size() + 2));
    }
}

TEST_CASE("io::encoding UTF-16 across many chunks with a surrogate pair on every boundary",
          "[encoding]") {
    constexpr std::size_t chunk = 1u << 16;
    std::u16string text;
    std::string expected;
    for (std::size_t k = 1; k <= 20; ++k) {
        // With the two-byte BOM, the pair starts two bytes before the boundary.
        while (2 * (text.size() + 1) < k * chunk - 2) {
            text += k % 2 == 0 ? u'ü' : u'x';
            expected += k % 2 == 0 ? "ü" : "x";
        }
        text += u"\U0001F600";
        expected += "\U0001F600";
    }
    CHECK(decode("\xFF\xFE" + utf16(text, Encoding::utf16le), Encoding::utf16le) == expected);
    CHECK(decode("\xFE\xFF" + utf16(text, Encoding::utf16be), Encoding::utf16be) == expected);
}

TEST_CASE("io::encoding Windows-1252 across many chunks, text three times as long", "[encoding]") {
    // 0x80 (€) becomes three bytes: the converted text of a chunk exceeds any one buffer.
    std::string bytes;
    std::string expected;
    for (std::size_t i = 0; i < 5 * (1u << 16); ++i) {
        const bool euro = i % 1000 != 999;
        bytes += euro ? '\x80' : '\n';
        expected += euro ? "€" : "\n";
    }
    bytes += "M\xFCller";
    expected += "Müller";
    CHECK(decode(bytes, Encoding::windows1252) == expected);
    CHECK(decode_error(bytes + "\x81", Encoding::windows1252) ==
          fmt::format("test.csv: byte {}: invalid Windows-1252 (0x81 is not assigned to any "
                      "character); save the file as UTF-8 or name its encoding with --encoding",
                      bytes.size()));
}

TEST_CASE("io::encoding invalid UTF-8 names the byte offset, after the text before it",
          "[encoding]") {
    const auto [text, failure] = decode_until_error("Gr\xC3\xBC\xC3(e", Encoding::utf8);
    CHECK(text == "Grü");
    CHECK(failure.kind == ErrorKind::bad_data);
    CHECK(failure.message == "test.csv: byte 4: invalid UTF-8 (0xC3 0x28 is not a character); "
                             "save the file as UTF-8 or name its encoding with --encoding");
    // The offset counts the BOM, which is part of the file.
    CHECK(decode_error("\xEF\xBB\xBF"
                       "ab\x80",
                       Encoding::utf8_bom)
              .starts_with("test.csv: byte 5: invalid UTF-8 (0x80 is not a character)"));
    CHECK(decode_error("\xED\xA0\x80", Encoding::utf8)
              .starts_with("test.csv: byte 0: invalid UTF-8 (0xED 0xA0 is not a character)"));
    CHECK(decode_error("Gr\xC3", Encoding::utf8)
              .starts_with("test.csv: byte 2: invalid UTF-8 (the file ends inside a character)"));
    // The error stays: reading again throws again.
    std::istringstream source("a\xFF");
    DecodingStreambuf buffer(source, Encoding::utf8, "x.csv");
    CHECK(buffer.sbumpc() == 'a');
    CHECK(failure_of([&] { buffer.sbumpc(); }).kind == ErrorKind::bad_data);
    CHECK(failure_of([&] { buffer.sbumpc(); }).kind == ErrorKind::bad_data);
}

TEST_CASE("io::encoding an odd number of bytes in UTF-16 is an error", "[encoding]") {
    const auto [text, failure] = decode_until_error("\xFF\xFE\x41\x00\x42"s, Encoding::utf16le);
    CHECK(text == "A");
    CHECK(failure.message ==
          "test.csv: byte 4: invalid UTF-16LE (the file has an odd number of bytes, so its last "
          "character is cut off); save the file as UTF-8 or name its encoding with --encoding");
    CHECK(decode_error("\0A\0"s, Encoding::utf16be)
              .starts_with("test.csv: byte 2: invalid UTF-16BE (the file has an odd number"));
}

TEST_CASE("io::encoding an unpaired surrogate in UTF-16 is an error", "[encoding]") {
    CHECK(decode_error(utf16(u"A\xD83D"
                             u"B",
                             Encoding::utf16le),
                       Encoding::utf16le)
              .starts_with("test.csv: byte 2: invalid UTF-16LE (the high surrogate 0xD83D is not "
                           "followed by a low one)"));
    CHECK(decode_error("\xFF\xFE" + utf16(u"AB\xDE00", Encoding::utf16le), Encoding::utf16le)
              .starts_with("test.csv: byte 6: invalid UTF-16LE (the low surrogate 0xDE00 has no "
                           "high one before it)"));
    CHECK(decode_error(utf16(u"A\xD83D", Encoding::utf16be), Encoding::utf16be)
              .starts_with("test.csv: byte 2: invalid UTF-16BE (the file ends after the high "
                           "surrogate 0xD83D)"));
}

TEST_CASE("io::encoding the five undefined Windows-1252 bytes are errors", "[encoding]") {
    for (const char byte : {'\x81', '\x8D', '\x8F', '\x90', '\x9D'}) {
        const std::string bytes = "M\xFCller;"s + byte + ";\x80";
        const auto [text, failure] = decode_until_error(bytes, Encoding::windows1252);
        CHECK(text == "Müller;");
        CHECK(failure.message ==
              fmt::format("test.csv: byte 7: invalid Windows-1252 (0x{:02X} is not assigned to "
                          "any character); save the file as UTF-8 or name its encoding with "
                          "--encoding",
                          static_cast<unsigned char>(byte)));
    }
    // Every other byte has a character.
    std::string others;
    for (int b = 1; b < 256; ++b) {
        if (b != 0x81 && b != 0x8D && b != 0x8F && b != 0x90 && b != 0x9D) {
            others += static_cast<char>(b);
        }
    }
    CHECK(decode(others, Encoding::windows1252).size() > others.size());
}

TEST_CASE("io::encoding a decoding error reaches the caller through open_decoded and CsvReader",
          "[encoding]") {
    TempDir dir;
    // Detected as UTF-8 from the ASCII head; the Windows-1252 ü comes after it.
    const std::string head(werkstatt::encoding_detect_bytes + 10, 'x');
    write_text(dir.file("late.csv"), "a;b\n" + head + ";M\xFCller\n");
    auto input = werkstatt::open_decoded(dir.file("late.csv"), std::nullopt);
    CHECK(input->encoding() == Encoding::utf8);
    const auto failure = failure_of([&] { records_of(input->stream()); });
    CHECK(failure.kind == ErrorKind::bad_data);
    CHECK(failure.message ==
          fmt::format("{}: byte {}: invalid UTF-8 (0xFC is not a character); save the file as "
                      "UTF-8 or name its encoding with --encoding",
                      dir.file("late.csv").string(), 4 + head.size() + 2));
}

TEST_CASE("io::encoding open_decoded refuses a missing file and a folder", "[encoding]") {
    TempDir dir;
    const auto missing = failure_of([&] { werkstatt::open_decoded(dir.file("nope.csv"), {}); });
    CHECK(missing.kind == ErrorKind::not_found);
    CHECK(missing.message ==
          "no file " + dir.file("nope.csv").string() + "; check the name and the folder");
    const auto folder = failure_of([&] { werkstatt::open_decoded(dir.path(), {}); });
    CHECK(folder.kind == ErrorKind::bad_data);
    CHECK(folder.message == dir.path().string() + " is a folder; name a file");
    const auto forced =
        failure_of([&] { werkstatt::open_decoded(dir.file("nope.csv"), Encoding::utf8); });
    CHECK(forced.kind == ErrorKind::not_found);
}

TEST_CASE("io::encoding a forced encoding overrides detection", "[encoding]") {
    SECTION("UTF-8 read as Windows-1252 gives mojibake, not an error") {
        auto input = werkstatt::open_decoded(k_data / "utf8_bom.csv", Encoding::windows1252);
        CHECK(input->encoding() == Encoding::windows1252);
        CHECK(read_all(input->stream())
                  .starts_with("\xC3\xAF\xC2\xBB\xC2\xBF"
                               "Firma;")); // ï»¿
    }
    SECTION("Windows-1252 read as UTF-8 is an error") {
        auto input = werkstatt::open_decoded(k_data / "windows1252.csv", Encoding::utf8);
        CHECK(input->encoding() == Encoding::utf8);
        const auto failure = failure_of([&] { read_all(input->stream()); });
        CHECK(failure.kind == ErrorKind::bad_data);
        CHECK_THAT(failure.message, Catch::Contains("byte 20: invalid UTF-8 (0xFC is not"));
    }
    SECTION("a BOM is skipped when UTF-8 is named without one") {
        auto input = werkstatt::open_decoded(k_data / "utf8_bom.csv", Encoding::utf8);
        CHECK(read_all(input->stream()) == k_semicolons);
    }
    SECTION("UTF-16LE named as big-endian fails at the ß, 0xDF00 the wrong way round") {
        auto input = werkstatt::open_decoded(k_data / "utf16le_bom.txt", Encoding::utf16be);
        CHECK(input->encoding() == Encoding::utf16be);
        const auto failure = failure_of([&] { read_all(input->stream()); });
        CHECK(failure.kind == ErrorKind::bad_data);
        CHECK_THAT(failure.message,
                   Catch::Contains("byte 62: invalid UTF-16BE (the low surrogate 0xDF00 has no "
                                   "high one before it)"));
    }
}

TEST_CASE("io::scan_file finds UTF-8 across its 1 MiB chunks", "[io]") {
    TempDir dir;
    const auto path = dir.path() / "scan.csv";
    const std::size_t chunk = 1u << 20;
    const auto scan = [&](const std::string& text) {
        write_text(path, text);
        return werkstatt::scan_file(path);
    };
    // "ü" (C3 BC) and "€" (E2 82 AC) cut by the end of the first chunk.
    for (const std::string& ch : {"\xC3\xBC"s, "\xE2\x82\xAC"s}) {
        for (std::size_t before = chunk - ch.size() + 1; before < chunk; ++before) {
            const auto s = scan(std::string(before, 'a') + ch + "bcd");
            CHECK(s.valid_utf8);
            CHECK(s.utf8_before_error);
        }
    }
    // Plain ASCII: valid, and no multi-byte character at all.
    const auto ascii = scan(std::string(chunk + 17, 'x'));
    CHECK(ascii.valid_utf8);
    CHECK_FALSE(ascii.utf8_before_error);
    // A Windows-1252 "ü" (FC) after a megabyte of ASCII: not UTF-8, and nothing UTF-8 before it.
    const auto cp1252 = scan(std::string(chunk + 5, 'x') + "\xFC" + "y");
    CHECK_FALSE(cp1252.valid_utf8);
    CHECK_FALSE(cp1252.utf8_before_error);
    // A UTF-8 "ü" in the first chunk and a bad byte in the second: broken UTF-8.
    const auto broken = scan("\xC3\xBC" + std::string(chunk, 'x') + "\xFF");
    CHECK_FALSE(broken.valid_utf8);
    CHECK(broken.utf8_before_error);
    // A character cut off at the very end of the file.
    CHECK_FALSE(scan(std::string(chunk, 'x') + "\xC3").valid_utf8);
}
