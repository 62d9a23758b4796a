// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/expat_library.hpp"
#include "io/row_source.hpp"
#include "io/xlsx_reader.hpp"
#include "io/zip_library.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <dlfcn.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <minizip/zip.h>
#include <sstream>
#include <unistd.h>

using namespace werkstatt;
using werkstatt::test::failure_of;

namespace {

// Return a zip file (in memory) of `parts`, each written `times` times over (a zip bomb),
// with minizip's own writer loaded from the same library the reader uses.
struct XlsxTestPart {
    XlsxTestPart(std::string n, std::string c, std::size_t t = 1, std::string p = {})
        : name(std::move(n)), content(std::move(c)), times(t), prefix(std::move(p)) {}
    std::string name;
    std::string content;
    std::size_t times = 1;
    std::string prefix; // written once before
};

std::string xlsx_test_zip(const std::vector<XlsxTestPart>& parts) {
    void* lib = dlopen(k_zip_soname, RTLD_NOW | RTLD_LOCAL);
    REQUIRE(lib != nullptr);
    const auto open = reinterpret_cast<decltype(&zipOpen64)>(dlsym(lib, "zipOpen64"));
    const auto add =
        reinterpret_cast<decltype(&zipOpenNewFileInZip)>(dlsym(lib, "zipOpenNewFileInZip"));
    const auto write =
        reinterpret_cast<decltype(&zipWriteInFileInZip)>(dlsym(lib, "zipWriteInFileInZip"));
    const auto close_file =
        reinterpret_cast<decltype(&zipCloseFileInZip)>(dlsym(lib, "zipCloseFileInZip"));
    const auto close = reinterpret_cast<decltype(&zipClose)>(dlsym(lib, "zipClose"));
    REQUIRE((open && add && write && close_file && close));
    // Its own name per process: ctest runs the cases in parallel processes.
    const auto path = std::filesystem::temp_directory_path() /
                      ("werkstatt-xlsx-test-" + std::to_string(::getpid()) + ".zip");
    std::filesystem::remove(path);
    zipFile z = open(path.c_str(), 0);
    REQUIRE(z != nullptr);
    for (const auto& part : parts) {
        REQUIRE(add(z, part.name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                    1) == ZIP_OK);
        REQUIRE(write(z, part.prefix.data(), static_cast<unsigned>(part.prefix.size())) == ZIP_OK);
        bool written = true;
        for (std::size_t i = 0; i < part.times; ++i) {
            written = written && write(z, part.content.data(),
                                       static_cast<unsigned>(part.content.size())) == ZIP_OK;
        }
        REQUIRE(written);
        REQUIRE(close_file(z) == ZIP_OK);
    }
    REQUIRE(close(z, nullptr) == ZIP_OK);
    dlclose(lib);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    std::filesystem::remove(path);
    return out.str();
}

const char* const k_test_workbook =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr DATE1904/><sheets><sheet name="Tabelle1" sheetId="1" r:id="rId1"/>
<sheet name="Zweite Seite" sheetId="2" r:id="rId2"/></sheets></workbook>)";

const char* const k_test_rels =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/other.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>)";

// Shared texts: 0 "name", 1 rich text "Jö" + "rg" with a phonetic run left out.
const char* const k_test_shared =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>name</t></si>
<si><r><t>Jö</t></r><r><t xml:space="preserve">rg</t></r><rPh><t>X</t></rPh></si></sst>)";

// Styles: 0 general, 1 built-in date (14), 2 custom date, 3 custom time, 4 percent.
const char* const k_test_styles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts><numFmt numFmtId="164" formatCode="DD.MM.YYYY"/><numFmt numFmtId="165" formatCode="hh:mm"/></numFmts>
<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/></cellXfs>
</styleSheet>)";

std::string xlsx_test_sheet(const std::string& rows) {
    return R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
           rows + "</sheetData></worksheet>";
}

// A workbook with `sheet1` as its first sheet (its rows `times` times over); `date1904` chooses
// the day count.
std::string xlsx_test_book(const std::string& sheet1, bool date1904 = false,
                           std::size_t times = 1) {
    std::string workbook = k_test_workbook;
    workbook.replace(workbook.find("DATE1904"), 8, date1904 ? "date1904=\"1\"" : "");
    const std::string head =
        R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
    return xlsx_test_zip(
        {{"[Content_Types].xml", "<Types/>"},
         {"xl/workbook.xml", workbook},
         {"xl/_rels/workbook.xml.rels", k_test_rels},
         {"xl/sharedStrings.xml", k_test_shared},
         {"xl/styles.xml", k_test_styles},
         {"xl/worksheets/other.xml",
          xlsx_test_sheet(R"(<row r="1"><c t="inlineStr"><is><t>zwei</t></is></c></row>)")},
         times == 1 ? XlsxTestPart{"xl/worksheets/sheet1.xml", xlsx_test_sheet(sheet1)}
                    : XlsxTestPart{"xl/worksheets/sheet1.xml", sheet1, times, head}});
}

std::vector<XlsxRow> xlsx_test_rows(const std::string& book, XlsxReadOptions options = {}) {
    XlsxSheetReader reader(book, "t.xlsx", std::move(options));
    std::vector<XlsxRow> rows;
    XlsxRow row;
    while (reader.next(row)) {
        rows.push_back(row);
    }
    return rows;
}

} // namespace

TEST_CASE("Excel serial days in the 1900 system, with its 29.02.1900 that never was", "[xlsx]") {
    CHECK(excel_serial_date(1, false)->iso() == "1900-01-01");
    CHECK(excel_serial_date(59, false)->iso() == "1900-02-28");
    CHECK_FALSE(excel_serial_date(60, false)); // 29.02.1900
    CHECK(excel_serial_date(61, false)->iso() == "1900-03-01");
    CHECK(excel_serial_date(25569, false)->iso() == "1970-01-01");
    CHECK(excel_serial_date(46351, false)->iso() == "2026-11-25");
    CHECK(excel_serial_date(2958465, false)->iso() == "9999-12-31");
    CHECK_FALSE(excel_serial_date(2958466, false));
    CHECK_FALSE(excel_serial_date(0, false));
    CHECK_FALSE(excel_serial_date(-1, false));
}

TEST_CASE("Excel serial days in the 1904 system", "[xlsx]") {
    CHECK(excel_serial_date(0, true)->iso() == "1904-01-01");
    CHECK(excel_serial_date(59, true)->iso() == "1904-02-29");
    CHECK(excel_serial_date(46351 - 1462, true)->iso() == "2026-11-25");
    CHECK_FALSE(excel_serial_date(-1, true));
    CHECK_FALSE(excel_serial_date(2958465, true)); // past 9999 in this count
}

TEST_CASE("date-times as text, with a time when the format shows one", "[xlsx]") {
    CHECK(xlsx_date_text(46351.0, false, false) == "2026-11-25");
    CHECK(xlsx_date_text(46351.75, false, false) == "2026-11-25");
    CHECK(xlsx_date_text(46351.604166666664, false, true) == "2026-11-25 14:30");
    CHECK(xlsx_date_text(46351.0 + 5.0 / 86400, false, true) == "2026-11-25 00:00:05");
    CHECK(xlsx_date_text(46351.9999999, false, true) == "2026-11-26 00:00");
    CHECK_FALSE(xlsx_date_text(60.5, false, false));
    CHECK_FALSE(xlsx_date_text(1e12, false, false));
}

TEST_CASE("number formats that show dates", "[xlsx]") {
    for (int id : {14, 15, 16, 17, 22}) {
        CHECK(xlsx_date_format(id, ""));
    }
    for (int id : {0, 1, 2, 9, 10, 18, 21, 45, 49}) {
        CHECK_FALSE(xlsx_date_format(id, ""));
    }
    CHECK(xlsx_date_format(164, "DD.MM.YYYY"));
    CHECK(xlsx_date_format(164, "[$-407]d. mmmm yyyy"));
    CHECK(xlsx_date_format(164, "mmm"));
    CHECK(xlsx_date_format(164, "yyyy-mm-dd hh:mm"));
    CHECK_FALSE(xlsx_date_format(164, "hh:mm"));
    CHECK_FALSE(xlsx_date_format(164, "[h]:mm:ss"));
    CHECK_FALSE(xlsx_date_format(164, "mm:ss"));
    CHECK_FALSE(xlsx_date_format(164, "0.00"));
    CHECK_FALSE(xlsx_date_format(164, R"(#,##0 "Tage")")); // d and a inside quotes
    CHECK_FALSE(xlsx_date_format(164, R"(0\d)"));
    CHECK_FALSE(xlsx_date_format(164, "[Red]0.0"));
    CHECK(xlsx_format_has_time(22, ""));
    CHECK(xlsx_format_has_time(164, "dd.mm.yyyy hh:mm"));
    CHECK_FALSE(xlsx_format_has_time(164, "dd.mm.yyyy"));
    CHECK_FALSE(xlsx_format_has_time(14, ""));
}

TEST_CASE("numbers as a person types them", "[xlsx]") {
    CHECK(xlsx_number_text("6844") == "6844");
    CHECK(xlsx_number_text("6844.0") == "6844");
    CHECK(xlsx_number_text("1.5") == "1.5");
    CHECK(xlsx_number_text("0.1") == "0.1");
    CHECK(xlsx_number_text("0.30000000000000004") == "0.30000000000000004");
    CHECK(xlsx_number_text("-3") == "-3");
    CHECK(xlsx_number_text("-0") == "0");
    CHECK(xlsx_number_text("1E3") == "1000");
    CHECK(xlsx_number_text("1.25E-3") == "0.00125");
    CHECK(xlsx_number_text("1e20") == "1e+20");
    CHECK_FALSE(xlsx_number_text("zwölf"));
    CHECK_FALSE(xlsx_number_text(""));
    CHECK_FALSE(xlsx_number_text("1.5x"));
}

TEST_CASE("cell references", "[xlsx]") {
    CHECK(xlsx_cell_ref(1, 1) == "A1");
    CHECK(xlsx_cell_ref(4, 17) == "D17");
    CHECK(xlsx_cell_ref(26, 2) == "Z2");
    CHECK(xlsx_cell_ref(27, 3) == "AA3");
    CHECK(xlsx_cell_ref(16384, 1048576) == "XFD1048576");
}

TEST_CASE("a sheet's cells become the text a person typed", "[xlsx]") {
    const auto book = xlsx_test_book(
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>plz</t></is></c>
<c r="C1" t="str"><v>since</v></c><c r="D1" t="inlineStr"><is><t>ok</t></is></c><c r="E1" t="inlineStr"><is><t>n</t></is></c></row>
<row r="3" spans="1:5"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>6844</v></c><c r="C3" s="1"><v>46351</v></c>
<c r="D3" t="b"><v>1</v></c><c r="E3" s="4"><v>0.25</v></c></row>
<row r="4"><c r="A4" s="2"><v>59</v></c><c r="C4" s="2"><v>61</v></c><c r="D4" t="b"><v>0</v></c></row>
<row r="5"><c r="A5" s="3"><v>0.5</v></c><c r="B5" t="d"><v>2026-11-25T00:00:00</v></c></row>
<row r="6"><c r="A6" s="1"/><c r="B6" t="inlineStr"><is><t></t></is></c></row>
<row r="7"><c r="B7"><f>A1+1</f><v>2</v></c></row>)");
    const auto rows =
        xlsx_test_rows(book, XlsxReadOptions{std::nullopt, "WAHR", "FALSCH", 1u << 20});
    REQUIRE(rows.size() == 5); // row 2 and the empty row 6 are not there
    CHECK(rows[0].cells == std::vector<std::string>{"name", "plz", "since", "ok", "n"});
    CHECK(rows[0].row == 1);
    CHECK(rows[1].cells == std::vector<std::string>{"Jörg", "6844", "2026-11-25", "WAHR", "0.25"});
    CHECK(rows[1].row == 3);
    CHECK(rows[1].numbers == std::vector<bool>{false, true, false, false, true});
    CHECK(rows[2].cells ==
          std::vector<std::string>{"1900-02-28", "", "1900-03-01", "FALSCH", ""}); // padded
    CHECK(rows[3].cells == std::vector<std::string>{"12:00", "2026-11-25", "", "", ""});
    CHECK(rows[4].cells == std::vector<std::string>{"", "2", "", "", ""}); // a formula's result
    CHECK(rows[4].row == 7);
}

TEST_CASE("the 1904 system counts from 1904-01-01", "[xlsx]") {
    const auto book =
        xlsx_test_book(R"(<row><c s="1"><v>0</v></c><c s="2"><v>44889</v></c></row>)", true);
    XlsxSheetReader reader(book, "t.xlsx");
    CHECK(reader.date1904());
    XlsxRow row;
    REQUIRE(reader.next(row));
    CHECK(row.cells == std::vector<std::string>{"1904-01-01", "2026-11-25"});
}

TEST_CASE("a sheet chosen by name (--sheet), and a missing one lists those there are", "[xlsx]") {
    const auto book = xlsx_test_book("");
    XlsxSheetReader reader(book, "t.xlsx",
                           XlsxReadOptions{"Zweite Seite", "true", "false", 1u << 20});
    CHECK(reader.sheet_name() == "Zweite Seite");
    CHECK(reader.sheet_names() == std::vector<std::string>{"Tabelle1", "Zweite Seite"});
    XlsxRow row;
    REQUIRE(reader.next(row));
    CHECK(row.cells == std::vector<std::string>{"zwei"});
    const auto f = failure_of([&] {
        XlsxSheetReader(book, "t.xlsx", XlsxReadOptions{"Daten", "true", "false", 1u << 20});
    });
    CHECK(f.kind == ErrorKind::bad_data);
    CHECK(f.message == "t.xlsx has no sheet named 'Daten'; its sheets are 'Tabelle1', 'Zweite "
                       "Seite': name one with --sheet");
}

TEST_CASE("a damaged sheet names the cell and what to do", "[xlsx]") {
    const auto fails = [](const std::string& rows) {
        return failure_of([&] { xlsx_test_rows(xlsx_test_book(rows)); });
    };
    const auto formula = fails(R"(<row r="17"><c r="D17"><f>SUM(A1:A3)</f></c></row>)");
    CHECK(formula.kind == ErrorKind::bad_data);
    CHECK(formula.message.starts_with("t.xlsx: Tabelle1!D17: the formula has no saved result"));
    const auto empty = fails(R"(<row r="3"><c r="A3" s="1"><f>TODAY()</f><v></v></c></row>)");
    CHECK(empty.message.starts_with("t.xlsx: Tabelle1!A3: the formula has no saved result"));
    const auto shared = fails(R"(<row r="2"><c r="B2" t="s"><v>7</v></c></row>)");
    CHECK(shared.message.starts_with("t.xlsx: Tabelle1!B2: the cell refers to shared text '7', "
                                     "but the workbook has 2"));
    const auto leap = fails(R"(<row r="3"><c r="C3" s="1"><v>60</v></c></row>)");
    CHECK(leap.message.starts_with("t.xlsx: Tabelle1!C3: the date is 29.02.1900 (Excel day 60)"));
    const auto range = fails(R"(<row r="4"><c r="A4" s="2"><v>3000000</v></c></row>)");
    CHECK(range.message.starts_with(
        "t.xlsx: Tabelle1!A4: the date is out of range (Excel day 3000000)"));
    const auto error = fails(R"(<row r="5"><c r="E5" t="e"><v>#DIV/0!</v></c></row>)");
    CHECK(error.message.starts_with("t.xlsx: Tabelle1!E5: the cell holds the error #DIV/0!"));
    const auto ref = fails(R"(<row r="5"><c r="XFE5"><v>1</v></c></row>)");
    CHECK(ref.message.starts_with("t.xlsx: Tabelle1: cell reference 'XFE5' is not one"));
    const auto xml = fails(R"(<row r="5"><c r="A5"><v>1</v></row>)");
    CHECK(xml.message.starts_with("t.xlsx: the part xl/worksheets/sheet1.xml of the workbook is "
                                  "damaged (XML, line 1: mismatched tag)"));
}

TEST_CASE("what is not a workbook is said so", "[xlsx]") {
    const auto not_zip = failure_of([] { XlsxSheetReader("name;plz\n", "t.xlsx"); });
    CHECK(not_zip.kind == ErrorKind::bad_data);
    CHECK(not_zip.message.starts_with("t.xlsx is not an Excel workbook (.xlsx)"));
    const auto cut =
        failure_of([] { XlsxSheetReader(std::string("PK\x03\x04garbage", 11), "t.xlsx"); });
    CHECK(cut.kind == ErrorKind::bad_data);
    CHECK(cut.message.starts_with("t.xlsx starts like an Excel workbook (.xlsx) but is no zip"));
    const auto other = xlsx_test_zip({{"word/document.xml", "<w/>"}});
    const auto no_book = failure_of([&] { XlsxSheetReader(other, "t.docx"); });
    CHECK(no_book.kind == ErrorKind::bad_data);
    CHECK(no_book.message.starts_with("t.docx is a zip file but no Excel workbook"));
}

TEST_CASE("a zip bomb stops at the cap on unpacked bytes", "[xlsx]") {
    // 300 MiB of one repeated row deflate to well under a MiB.
    const std::string row =
        R"(<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>)";
    const auto book = xlsx_test_book(row, false, (std::size_t{300} << 20) / row.size());
    CHECK(book.size() < (std::size_t{4} << 20));
    XlsxSheetReader reader(book, "bomb.xlsx");
    const auto f = failure_of([&] {
        XlsxRow r;
        while (reader.next(r)) {
        }
    });
    CHECK(f.kind == ErrorKind::bad_data);
    CHECK(f.message == "bomb.xlsx unpacks to more than 256 MiB; split the sheet into smaller "
                       "files or save it as CSV");
}

TEST_CASE("open_rows reads a workbook by its content, whatever its name", "[xlsx]") {
    const auto path = std::filesystem::temp_directory_path() /
                      ("werkstatt-xlsx-rows-" + std::to_string(::getpid()) + ".csv");
    const auto book = xlsx_test_book(R"(<row><c t="inlineStr"><is><t>a</t></is></c></row>)");
    test::write_text(path, book);
    auto input = open_rows(path.string(), std::nullopt);
    CHECK(input.file.workbook);
    CHECK(input.rows->sheet() == "Tabelle1");
    CHECK(input.rows->where() == path.string() + ", Tabelle1");
    CsvRecord record;
    REQUIRE(input.rows->next(record));
    CHECK(record.fields == std::vector<std::string>{"a"});
    CHECK(record.line == 1);
    CHECK_FALSE(input.rows->next(record));
    CHECK(input.rows->bytes_read(1000) == 1000); // the whole sheet, as a share of the file
    test::write_text(path, "a;b\n1;2\n");
    auto csv = open_rows(path.string(), std::nullopt);
    CHECK_FALSE(csv.file.workbook);
    CHECK_FALSE(csv.rows->sheet());
    REQUIRE(csv.rows->next(record));
    CHECK(csv.rows->delimiter() == ';');
    RowSourceOptions sheet;
    sheet.sheet = "Tabelle1";
    const auto f = failure_of([&] { open_rows(path.string(), std::nullopt, sheet); });
    CHECK(f.kind == ErrorKind::usage);
    std::filesystem::remove(path);
}

TEST_CASE("minizip and expat load when asked, and missing they are a configuration error",
          "[xlsx]") {
    const auto& zip = zip_library();
#define WERKSTATT_ZIP_CHECK(name) CHECK(zip.name != nullptr);
    WERKSTATT_ZIP_FUNCTIONS(WERKSTATT_ZIP_CHECK)
#undef WERKSTATT_ZIP_CHECK
    const auto& expat = expat_library();
#define WERKSTATT_EXPAT_CHECK(name) CHECK(expat.name != nullptr);
    WERKSTATT_EXPAT_FUNCTIONS(WERKSTATT_EXPAT_CHECK)
#undef WERKSTATT_EXPAT_CHECK
    const auto f = failure_of([] { load_zip_library("libminizip-missing.so.9"); });
    CHECK(f.kind == ErrorKind::config);
    CHECK(f.message.find("libminizip-missing.so.9") != std::string::npos);
    CHECK(f.message.find("libminizip1") != std::string::npos);
    const auto g = failure_of([] { load_expat_library("libexpat-missing.so.9"); });
    CHECK(g.kind == ErrorKind::config);
    CHECK(g.message.find("libexpat1") != std::string::npos);
    const auto h = failure_of([] { load_expat_library("libm.so.6"); });
    CHECK(h.kind == ErrorKind::config);
    CHECK(h.message.find("lacks the function XML_ParserCreate") != std::string::npos);
}
