// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.hpp"
#include "io/input_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

using namespace werkstatt;

namespace {

// A file with `bytes` in a fresh temporary folder, removed with the fixture.
struct TempFile {
    explicit TempFile(const std::string& bytes) {
        std::string templ = (std::filesystem::temp_directory_path() / "input-XXXXXX").string();
        REQUIRE(::mkdtemp(templ.data()) != nullptr);
        folder = templ;
        path = folder / "liste.csv";
        std::ofstream(path, std::ios::binary) << bytes;
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove_all(folder, ec);
    }
    std::filesystem::path folder;
    std::filesystem::path path;
};

std::string text_of(InputFile& input) {
    return std::string(std::istreambuf_iterator<char>(input.stream()), {});
}

// UTF-16LE of ASCII `s`, without a byte order mark.
std::string utf16le(const std::string& s) {
    std::string out;
    for (char c : s) {
        out += c;
        out += '\0';
    }
    return out;
}

} // namespace

TEST_CASE("io::open_input detects UTF-8 and Windows-1252 and hashes the bytes", "[io]") {
    TempFile utf8("a;b\nM\xC3\xBCller;1\n");
    auto in = open_input(utf8.path.string(), std::nullopt);
    CHECK(in.decoded->encoding() == Encoding::utf8);
    CHECK(in.file_name == "liste.csv");
    CHECK(in.name == utf8.path.string());
    CHECK(in.sha256.size() == 64);
    CHECK(text_of(in) == "a;b\nM\xC3\xBCller;1\n");

    TempFile cp1252("a;b\nM\xFCller;1\n");
    auto in2 = open_input(cp1252.path.string(), std::nullopt);
    CHECK(in2.decoded->encoding() == Encoding::windows1252);
    CHECK(text_of(in2) == "a;b\nM\xC3\xBCller;1\n");
}

TEST_CASE("io::open_input names UTF-16 without a byte order mark", "[io]") {
    TempFile le(utf16le("key;name;plz\nx;X GmbH;39104\n"));
    try {
        open_input(le.path.string(), std::nullopt);
        FAIL("UTF-16LE without a byte order mark was read");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::bad_data);
        CHECK_THAT(e.what(), Catch::Contains("looks like UTF-16LE without a byte order mark; try "
                                             "--encoding utf-16le"));
    }
    auto forced = open_input(le.path.string(), Encoding::utf16le);
    CHECK(text_of(forced) == "key;name;plz\nx;X GmbH;39104\n");
    // With its byte order mark it is detected as before.
    TempFile bom("\xFF\xFE" + utf16le("a;b\n"));
    CHECK(open_input(bom.path.string(), std::nullopt).decoded->encoding() == Encoding::utf16le);
}

TEST_CASE("io::open_input refuses a missing file and a folder, and knows standard input", "[io]") {
    TempFile file("a\n");
    const auto kind_of = [](const std::string& path) {
        try {
            open_input(path, std::nullopt);
        } catch (const Error& e) {
            return e.kind();
        }
        return ErrorKind::internal;
    };
    CHECK(kind_of((file.folder / "nope.csv").string()) == ErrorKind::not_found);
    CHECK(kind_of(file.folder.string()) == ErrorKind::bad_data);
    CHECK(is_standard_input("-"));
    CHECK(is_standard_input("/dev/stdin"));
    CHECK_FALSE(is_standard_input("liste.csv"));
    CHECK_FALSE(encoding_option(std::nullopt).has_value());
    CHECK_FALSE(encoding_option(std::string("auto")).has_value());
    CHECK(encoding_option(std::string("cp1252")) == Encoding::windows1252);
    CHECK_THROWS_AS(encoding_option(std::string("ebcdic")), Error);
}
