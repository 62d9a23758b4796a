// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/xlsx_library.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace werkstatt;
using werkstatt::test::failure_of;

TEST_CASE("libxlsxwriter loads when asked, with every function werkstatt calls", "[xlsx]") {
    const auto& lib = xlsx_library();
#define WERKSTATT_XLSX_CHECK(name) CHECK(lib.name != nullptr);
    WERKSTATT_XLSX_FUNCTIONS(WERKSTATT_XLSX_CHECK)
#undef WERKSTATT_XLSX_CHECK
    CHECK(&xlsx_library() == &lib); // loaded once
    CHECK(std::string(lib.lxw_strerror(LXW_NO_ERROR)) == "No error.");
}

TEST_CASE("a missing libxlsxwriter is a configuration error that says what to install", "[xlsx]") {
    const auto f = failure_of([] { load_xlsx_library("libxlsxwriter-missing.so.99"); });
    CHECK(f.kind == ErrorKind::config);
    CHECK(f.message.find("libxlsxwriter-missing.so.99") != std::string::npos);
    CHECK(f.message.find("libxlsxwriter4") != std::string::npos);
    // A library without the functions (libm has none of them) is refused by name.
    const auto g = failure_of([] { load_xlsx_library("libm.so.6"); });
    CHECK(g.kind == ErrorKind::config);
    CHECK(g.message.find("lacks the function workbook_new") != std::string::npos);
}
