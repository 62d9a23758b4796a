// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/toml_reader.hpp"
#include "support.hpp"

#include <algorithm>

using namespace werkstatt;
using werkstatt::test::failure_of;
using werkstatt::test::TempDir;
using werkstatt::test::write_text;

namespace {

// `depth` nested levels written as one dotted key: a.a.a...=1.
std::string dotted(std::size_t depth) {
    std::string key = "a";
    for (std::size_t i = 1; i < depth; ++i) {
        key += ".a";
    }
    return key + " = 1\n";
}

// `depth` nested levels of inline tables: x = {a = {a = ... 1}}; x is the first level.
std::string inline_tables(std::size_t depth) {
    std::string out = "x = ";
    for (std::size_t i = 1; i < depth; ++i) {
        out += "{a = ";
    }
    out += "1";
    for (std::size_t i = 1; i < depth; ++i) {
        out += "}";
    }
    return out + "\n";
}

// `levels` nested lists: x = [[[1]]].
std::string lists(std::size_t levels) {
    return "x = " + std::string(levels, '[') + "1" + std::string(levels, ']') + "\n";
}

// The message check_toml_limits throws for `text`, or "" if it lets it pass.
std::string refusal(const std::string& text) {
    return failure_of([&] { check_toml_limits(text, "f.toml"); }).message;
}

} // namespace

TEST_CASE("io::check_toml_limits lets 64 levels pass and refuses 65", "[io]") {
    CHECK(refusal(dotted(64)).empty());
    CHECK(refusal(inline_tables(64)).empty());
    CHECK(refusal(lists(63)).empty());
    CHECK(refusal("[" + dotted(64).substr(0, dotted(64).size() - 5) + "]\nk = 1\n").size() > 0);
    CHECK_THAT(refusal(dotted(65)), Catch::Contains("f.toml:1: nested more than 64 levels"));
    CHECK_THAT(refusal(inline_tables(65)), Catch::Contains("nested more than 64 levels"));
    CHECK_THAT(refusal(lists(64)), Catch::Contains("nested more than 64 levels"));
}

TEST_CASE("io::check_toml_limits adds a table header's levels to the keys below it", "[io]") {
    const std::string header32 = "[" + dotted(32).substr(0, dotted(32).size() - 5) + "]\n";
    CHECK(refusal(header32 + dotted(32)).empty());
    CHECK_THAT(refusal(header32 + "# a comment\n" + dotted(33)),
               Catch::Contains("f.toml:3: nested more than 64"));
    CHECK_THAT(refusal("[[" + dotted(40).substr(0, dotted(40).size() - 5) + "]]\n" + dotted(25)),
               Catch::Contains("nested more than 64"));
    // A UTF-8 byte order mark before the header does not hide it.
    CHECK(refusal("\xEF\xBB\xBF" + header32 + dotted(32)).empty());
    CHECK_THAT(refusal("\xEF\xBB\xBF" + header32 + dotted(33)),
               Catch::Contains("f.toml:2: nested more than 64"));
}

TEST_CASE("io::check_toml_limits does not count dots and brackets in strings or comments", "[io]") {
    const std::string many(200, '.');
    const std::string brackets(200, '[');
    CHECK(refusal("a = \"" + many + brackets + "\"\n").empty());
    CHECK(refusal("a = '" + brackets + "'\n").empty());
    CHECK(refusal("a = \"\"\"\n" + brackets + "\\\"\"\"\n" + many + "\"\"\"\n").empty());
    CHECK(refusal("a = '''\n" + brackets + "\n'''\n").empty());
    CHECK(refusal("# " + brackets + many + "\na = 1\n").empty());
    CHECK(refusal("\"" + many + "\" = 1\n").empty());
    CHECK(refusal("a = [" + std::string(100, ' ') + "1.5, 2.5, 3.5]\n").empty());
    // After a multi-line string the scan goes on counting.
    CHECK_THAT(refusal("a = '''\n[[\n'''\n" + dotted(65)),
               Catch::Contains("f.toml:4: nested more than 64"));
}

TEST_CASE("io::check_toml_limits refuses a text over 1 MiB", "[io]") {
    std::string big = "a = \"";
    big += std::string(k_toml_max_bytes, 'x');
    big += "\"\n";
    CHECK_THAT(refusal(big), Catch::Contains("f.toml is larger than 1 MiB"));
    CHECK(refusal(big.substr(big.size() - k_toml_max_bytes + 2) + "\"\n").empty());
}

TEST_CASE("io::parse_toml refuses 40,000 levels before toml++ can overflow the stack", "[io]") {
    for (const auto& text : {dotted(40000), inline_tables(40000), lists(40000)}) {
        const auto f = failure_of([&] { parse_toml(text, "deep.toml"); });
        CHECK(f.kind == ErrorKind::config);
        CHECK_THAT(f.message, Catch::Contains("deep.toml:1: nested more than 64 levels"));
    }
}

TEST_CASE("io::parse_toml_file refuses a file over 1 MiB and reads one below", "[io]") {
    TempDir dir;
    const auto path = dir.file("big.toml");
    write_text(path, "a = \"" + std::string(k_toml_max_bytes, 'x') + "\"\n");
    const auto f = failure_of([&] { parse_toml_file(path, "configuration file"); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::Contains(path.string() + " is larger than 1 MiB"));
    write_text(path, "a.b = 1\n");
    CHECK(parse_toml_file(path, "configuration file")["a"]["b"].value<int>() == 1);
    const auto missing = failure_of([&] { parse_toml_file(dir.file("no.toml"), "rule file"); });
    CHECK_THAT(missing.message, Catch::Contains("cannot read rule file"));
}

TEST_CASE("io::check_toml_limits lets every shipped TOML file pass", "[io]") {
    int files = 0;
    const std::filesystem::path config = WERKSTATT_SOURCE_DIR "/config";
    for (const auto& entry : std::filesystem::recursive_directory_iterator(config)) {
        if (entry.path().extension() == ".toml") {
            INFO(entry.path().string());
            CHECK(refusal(werkstatt::test::read_text(entry.path())).empty());
            ++files;
        }
    }
    CHECK(files >= 5);
}

// Found by tests/fuzz/fuzz_config.cpp: the parser's description quotes what it saw ("expected
// 'true', saw 'tr\x1b'"), and a control character there reached the one-line error unescaped.
TEST_CASE("io::parse_toml escapes the text a syntax error quotes", "[io]") {
    const auto f = failure_of([] { parse_toml("a = 1\nflag = tr\x1b[2J\n", "f.toml"); });
    CHECK(f.kind == ErrorKind::config);
    CHECK_THAT(f.message, Catch::StartsWith("f.toml:2: "));
    CHECK(std::none_of(f.message.begin(), f.message.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
}
