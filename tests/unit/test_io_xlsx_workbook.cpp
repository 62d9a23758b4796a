// SPDX-License-Identifier: GPL-3.0-or-later
// A listing as a workbook of one sheet: the sheet's XML read back from the file (unzip), the
// bytes a stream gets, and the same bytes every time. tests/cli/test_listing_xlsx.sh reads the
// workbooks of every listing back with openpyxl.
#include "io/xlsx_workbook.hpp"

#include "support.hpp"

#include <cstdio>
#include <sstream>

using namespace werkstatt;
using namespace werkstatt::test;

namespace {

// Return the entry `member` of the zip file `file`, read with unzip(1).
std::string unzipped(const std::filesystem::path& file, const char* member) {
    const auto command = "unzip -p '" + file.string() + "' " + member;
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
            out.append(buffer, n);
        }
        ::pclose(pipe);
    }
    return out;
}

Records listing_sample() {
    Records r;
    r.columns = {"id", "name", "share", "active", "day", "note"};
    r.rows.push_back(
        {std::int64_t{7}, std::string("=SUMME(A1)"), 2.5, true, day("2026-11-25"), Value{}});
    r.rows.push_back(
        {std::int64_t{8}, std::string("Müller"), Value{}, false, Value{}, std::string("x")});
    return r;
}

} // namespace

TEST_CASE("io::xlsx_workbook: a listing as one sheet with typed cells", "[io][xlsx]") {
    if (std::system("command -v unzip >/dev/null 2>&1") != 0) {
        WARN("unzip(1) is not installed; the sheet's XML is not read back");
        return;
    }
    TempDir dir;
    const auto file = dir.path() / "listing.xlsx";
    write_records_workbook(listing_sample(), file, file, Language::de, "werkstatt");
    const auto workbook = unzipped(file, "xl/workbook.xml");
    CHECK(workbook.find("name=\"werkstatt\"") != std::string::npos);
    CHECK(workbook.find("sheet2") == std::string::npos); // one sheet
    const auto sheet = unzipped(file, "xl/worksheets/sheet1.xml");
    CHECK(sheet.find("ySplit=\"1\"") != std::string::npos);         // the header is frozen
    CHECK(sheet.find("<c r=\"A2\" t=\"n\"") == std::string::npos);  // numbers carry no t=
    CHECK(sheet.find("<c r=\"A2\"><v>7</v>") != std::string::npos); // a number
    CHECK(sheet.find("<c r=\"C2\"><v>2.5</v>") != std::string::npos);
    CHECK(sheet.find("<c r=\"D2\" t=\"b\"><v>1</v>") != std::string::npos); // a boolean
    CHECK(sheet.find("<c r=\"D3\" t=\"b\"><v>0</v>") != std::string::npos);
    // 2026-11-25 is day 46351 of Excel's 1900 system, with the date format.
    CHECK(sheet.find("<v>46351</v>") != std::string::npos);
    CHECK(sheet.find("<c r=\"E3\"") == std::string::npos); // empty cells are left out
    CHECK(sheet.find("<f>") == std::string::npos);         // text is never a formula
    CHECK(sheet.find("<col ") != std::string::npos);       // widths fitted
    const auto styles = unzipped(file, "xl/styles.xml");
    CHECK(styles.find("dd.mm.yyyy") != std::string::npos);
    CHECK(styles.find("<b/>") != std::string::npos); // the bold header
    const auto strings = unzipped(file, "xl/sharedStrings.xml");
    CHECK(strings.find("=SUMME(A1)") != std::string::npos);
    CHECK(strings.find("Müller") != std::string::npos);
}

TEST_CASE("io::xlsx_workbook: the same listing gives the same bytes, also to a stream",
          "[io][xlsx]") {
    TempDir dir;
    const auto file = dir.path() / "a.xlsx";
    write_records_workbook(listing_sample(), file, file, Language::en, "werkstatt");
    const auto before = ui_language();
    set_ui_language(Language::en);
    std::ostringstream streamed;
    write_records(streamed, listing_sample(), Format::xlsx, Color::no);
    CHECK(streamed.str().substr(0, 2) == "PK");
    std::ostringstream again;
    write_records(again, listing_sample(), Format::xlsx, Color::no);
    set_ui_language(before);
    CHECK(again.str() == streamed.str());
    CHECK(read_text(file) == streamed.str()); // no time in the file: the same bytes
    // The creation time is fixed, not the clock's (which made the bytes differ across a second).
    CHECK_THAT(unzipped(file, "docProps/core.xml"),
               Catch::Contains(">1980-01-01T00:00:00Z</dcterms:created>"));
}
