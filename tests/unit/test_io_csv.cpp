// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csv.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

using werkstatt::CsvReader;
using werkstatt::CsvReadOptions;
using werkstatt::CsvRecord;
using werkstatt::CsvWriter;
using werkstatt::ErrorKind;
using werkstatt::test::failure_of;

namespace {

using Fields = std::vector<std::string>;

// Return every record of `csv`.
std::vector<CsvRecord> read_all(const std::string& csv, CsvReadOptions options = {}) {
    std::istringstream in(csv);
    CsvReader reader(in, "test.csv", options);
    std::vector<CsvRecord> records;
    CsvRecord record;
    while (reader.next(record)) {
        records.push_back(record);
    }
    return records;
}

// Return the fields of every record of `csv`.
std::vector<Fields> fields_of(const std::string& csv, CsvReadOptions options = {}) {
    std::vector<Fields> out;
    for (const auto& r : read_all(csv, options)) {
        out.push_back(r.fields);
    }
    return out;
}

// Return the delimiter the reader detects in `csv`.
char detected(const std::string& csv) {
    std::istringstream in(csv);
    CsvReader reader(in, "test.csv");
    CsvRecord record;
    reader.next(record);
    return reader.delimiter();
}

std::string write_rows(const std::vector<Fields>& rows, char delimiter = ',') {
    std::ostringstream out;
    CsvWriter writer(out, delimiter);
    for (const auto& row : rows) {
        writer.write_row(row);
    }
    return out.str();
}

} // namespace

TEST_CASE("io::CsvReader detects the delimiter from the first line", "[io]") {
    CHECK(detected("key;name;plz\n") == ';');
    CHECK(detected("key,name,plz\n") == ',');
    CHECK(detected("key\tname\tplz\n") == '\t');
    CHECK(detected("a;b,c;d\n") == ';');                // more semicolons than commas
    CHECK(detected("a,b;c,d\n") == ',');                // more commas
    CHECK(detected("\"a;b;c\",d\n") == ',');            // quoted delimiters do not count
    CHECK(detected("single\n") == ';');                 // nothing to go by: the German default
    CHECK(detected("a,b\nc;d;e;f;g\n") == ',');         // only the first line counts
    CHECK(detected("\xEF\xBB\xBFk\tn\tp\r\n") == '\t'); // after a byte order mark

    CHECK(fields_of("a;b,c\n1;2,3\n") == std::vector<Fields>{{"a", "b,c"}, {"1", "2,3"}});
    CHECK(fields_of("a\tb c\n") == std::vector<Fields>{{"a", "b c"}});
}

TEST_CASE("io::CsvReader uses a given delimiter without detecting", "[io]") {
    std::istringstream in("a;b;c,d\n");
    CsvReader reader(in, "test.csv", CsvReadOptions{',', 1u << 20});
    CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(reader.delimiter() == ',');
    CHECK(record.fields == Fields{"a;b;c", "d"});
}

TEST_CASE("io::CsvReader skips a UTF-8 byte order mark", "[io]") {
    const auto rows = fields_of("\xEF\xBB\xBFkey;name\nm;Müller\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == Fields{"key", "name"});
    CHECK(rows[1] == Fields{"m", "Müller"});
    // A BOM-like sequence later in the file is data.
    CHECK(fields_of("a\n\xEF\xBB\xBF"
                    "b\n")[1] == Fields{"\xEF\xBB\xBF"
                                        "b"});
}

TEST_CASE("io::CsvReader reads quoted fields", "[io]") {
    SECTION("delimiters inside quotes") {
        CHECK(fields_of("\"a;b\";c\n") == std::vector<Fields>{{"a;b", "c"}});
    }
    SECTION("doubled quotes") {
        CHECK(fields_of("\"say \"\"hi\"\"\";x\n") == std::vector<Fields>{{"say \"hi\"", "x"}});
        CHECK(fields_of("\"\"\"\"\n") == std::vector<Fields>{{"\""}});
        CHECK(fields_of("\"\";x\n") == std::vector<Fields>{{"", "x"}});
    }
    SECTION("line breaks inside quotes are kept as they are") {
        CHECK(fields_of("\"line1\nline2\";x\n") == std::vector<Fields>{{"line1\nline2", "x"}});
        CHECK(fields_of("\"line1\r\nline2\";x\r\n") ==
              std::vector<Fields>{{"line1\r\nline2", "x"}});
    }
    SECTION("a quoted field at the very end of the input") {
        CHECK(fields_of("a;\"b\"") == std::vector<Fields>{{"a", "b"}});
    }
}

TEST_CASE("io::CsvReader handles CRLF, LF, empty fields and a missing last newline", "[io]") {
    const std::vector<Fields> expected{{"k", "n"}, {"1", "2"}};
    CHECK(fields_of("k;n\r\n1;2\r\n") == expected);
    CHECK(fields_of("k;n\n1;2\n") == expected);
    CHECK(fields_of("k;n\n1;2") == expected);
    CHECK(fields_of("k;n\r\n1;2") == expected);
    CHECK(fields_of("k;n\r1;2\r") == expected); // old Mac line ends

    CHECK(fields_of(";;\n") == std::vector<Fields>{{"", "", ""}});
    CHECK(fields_of("a;;c;\n") == std::vector<Fields>{{"a", "", "c", ""}});
    // A blank line is a record with one empty field.
    CHECK(fields_of("a\n\nb\n") == std::vector<Fields>{{"a"}, {""}, {"b"}});
    CHECK(fields_of("").empty());
    CHECK(fields_of("\xEF\xBB\xBF").empty());
}

TEST_CASE("io::CsvReader numbers records by the line they start on", "[io]") {
    const std::string csv = "h1;h2\n"
                            "\"multi\nline\nfield\";x\n" // lines 2-4
                            "after;y\n"                  // line 5
                            "\"crlf\r\nbreak\";z\r\n"    // lines 6-7
                            "last;w";                    // line 8
    const auto records = read_all(csv);
    REQUIRE(records.size() == 5);
    CHECK(records[0].line == 1);
    CHECK(records[1].line == 2);
    CHECK(records[1].fields == Fields{"multi\nline\nfield", "x"});
    CHECK(records[2].line == 5);
    CHECK(records[2].fields == Fields{"after", "y"});
    CHECK(records[3].line == 6);
    CHECK(records[4].line == 8);
    CHECK(records[4].fields == Fields{"last", "w"});

    const auto crlf = read_all("a\r\nb\r\n\r\nc\r\n");
    REQUIRE(crlf.size() == 4);
    CHECK(crlf[3].line == 4);
    CHECK(crlf[3].fields == Fields{"c"});
}

TEST_CASE("io::CsvReader counts the bytes it consumed", "[io]") {
    std::istringstream in("\xEF\xBB\xBF"
                          "ab;c\r\nd\n");
    CsvReader reader(in, "test.csv");
    CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(reader.bytes_read() == 3 + 6);
    REQUIRE(reader.next(record));
    CHECK(reader.bytes_read() == 3 + 6 + 2);
    CHECK_FALSE(reader.next(record));
}

TEST_CASE("io::CsvReader reports malformed input as bad data naming source and line", "[io]") {
    const auto error_of = [](const std::string& csv, CsvReadOptions options = {}) {
        return failure_of([&] { read_all(csv, options); });
    };
    SECTION("unterminated quote") {
        const auto f = error_of("a;b\nc;\"open\nstill open\n");
        CHECK(f.kind == ErrorKind::bad_data);
        CHECK_THAT(f.message, Catch::StartsWith("test.csv:2:"));
        CHECK_THAT(f.message, Catch::Contains("never closed"));
    }
}

TEST_CASE("io::CsvReader notes a stray quote in the record and reads on", "[io]") {
    const auto records_of = [](const std::string& csv) {
        std::istringstream in(csv);
        CsvReader reader(in, "test.csv");
        std::vector<CsvRecord> out;
        CsvRecord record;
        while (reader.next(record)) {
            out.push_back(record);
        }
        return out;
    };
    SECTION("stray quote inside an unquoted field: kept as text, the next line is fine") {
        const auto r = records_of("a;b\nc;d\"e\nf;g\n");
        REQUIRE(r.size() == 3);
        CHECK(r[1].fields == Fields{"c", "d\"e"});
        CHECK_THAT(r[1].problem, Catch::Contains("stray quote"));
        CHECK(r[1].problem_field == 2);
        CHECK(r[2].problem.empty());
        CHECK(r[2].fields == Fields{"f", "g"});
    }
    SECTION("a blank and a second quoted part after a closing quote") {
        const auto r = records_of("\"x\" \"y\"\n");
        REQUIRE(r.size() == 1);
        CHECK(r[0].line == 1);
        CHECK(r[0].problem_field == 1);
        CHECK_FALSE(r[0].problem.empty());
    }
    SECTION("a second quote pair right after a closing quote") {
        // "x""y" is one field with a doubled quote; "x";"y" two fields; but "x"  "y" is not CSV.
        CHECK(fields_of("\"x\"\"y\"\n") == std::vector<Fields>{{"x\"y"}});
        const auto r = records_of("a\n\"x\"\t\"y\"\n");
        REQUIRE(r.size() == 2);
        CHECK_FALSE(r[1].problem.empty());
    }
    SECTION("text after the closing quote") {
        const auto r = records_of("h\n\"x\ny\"z;w\n");
        REQUIRE(r.size() == 2);
        CHECK(r[1].line == 2);
        CHECK_THAT(r[1].problem, Catch::Contains("after the closing quote"));
        CHECK(r[1].problem_field == 1);
        CHECK(r[1].fields == Fields{"x\nyz", "w"});
    }
}

TEST_CASE("io::CsvReader reports limits as bad data naming source and line", "[io]") {
    const auto error_of = [](const std::string& csv, CsvReadOptions options = {}) {
        return failure_of([&] { read_all(csv, options); });
    };
    SECTION("record longer than max_record_bytes") {
        const auto f = error_of("short\n" + std::string(200, 'x') + "\n", CsvReadOptions{';', 100});
        CHECK(f.kind == ErrorKind::bad_data);
        CHECK_THAT(f.message, Catch::StartsWith("test.csv:2:"));
        CHECK_THAT(f.message, Catch::Contains("100 bytes"));
    }
    SECTION("a quoted field never closed in a huge file hits the record limit") {
        const auto f = error_of("\"" + std::string(5000, 'x'), CsvReadOptions{';', 1000});
        CHECK(f.kind == ErrorKind::bad_data);
        CHECK_THAT(f.message, Catch::StartsWith("test.csv:1:"));
    }
    SECTION("records within the limit are fine") {
        CHECK(fields_of(std::string(99, 'x') + "\n", CsvReadOptions{';', 100}) ==
              std::vector<Fields>{{std::string(99, 'x')}});
    }
}

TEST_CASE("io::CsvReader reads records across its 64 KiB chunks", "[io]") {
    // Records of varying length, some with quotes, doubled quotes and line breaks, so that
    // chunk boundaries fall inside fields, between CR and LF and between doubled quotes.
    std::vector<Fields> rows;
    std::string csv;
    std::size_t line = 1;
    std::vector<std::size_t> lines;
    for (int i = 0; csv.size() < 3 * 65536 + 1000; ++i) {
        Fields row{"k" + std::to_string(i), std::string(static_cast<std::size_t>(i % 97), 'a'),
                   "say \"\"x\"\"", "two\r\nlines"};
        lines.push_back(line);
        csv += row[0] + ";" + row[1] + ";\"" + row[2] + "\";\"" + row[3] + "\"\r\n";
        row[2] = "say \"x\"";
        rows.push_back(row);
        line += 2;
    }
    // One field much longer than a chunk.
    const std::string big(70000, 'b');
    lines.push_back(line);
    csv += "big;\"" + big + "\";c;d";
    rows.push_back({"big", big, "c", "d"});

    const auto records = read_all(csv);
    REQUIRE(records.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        INFO("record " << i);
        REQUIRE(records[i].fields == rows[i]);
        REQUIRE(records[i].line == lines[i]);
    }

    // Every split of CRLF and "" over the boundary: shift the content byte by byte.
    for (std::size_t pad = 65530; pad < 65540; ++pad) {
        const std::string text = std::string(pad, 'p') + "\r\n\"q\"\"q\"\r\nz";
        const auto parts = fields_of(text);
        INFO("pad " << pad);
        REQUIRE(parts.size() == 3);
        CHECK(parts[0][0].size() == pad);
        CHECK(parts[1] == Fields{"q\"q"});
        CHECK(parts[2] == Fields{"z"});
    }
}

TEST_CASE("io::CsvWriter quotes where needed and ends rows with CRLF", "[io]") {
    CHECK(write_rows({{"a", "b", "c"}}) == "a,b,c\r\n");
    CHECK(write_rows({{"a,b", "c"}}) == "\"a,b\",c\r\n");
    CHECK(write_rows({{"a;b", "c"}}) == "a;b,c\r\n");
    CHECK(write_rows({{"a;b", "c"}}, ';') == "\"a;b\";c\r\n");
    CHECK(write_rows({{"say \"hi\""}}) == "\"say \"\"hi\"\"\"\r\n");
    CHECK(write_rows({{"two\nlines"}}) == "\"two\nlines\"\r\n");
    CHECK(write_rows({{"cr\rhere"}}) == "\"cr\rhere\"\r\n");
    CHECK(write_rows({{" lead", "trail ", "in side"}}) == "\" lead\",\"trail \",in side\r\n");
    CHECK(write_rows({{"", "", ""}}) == ",,\r\n");
    CHECK(write_rows({{"Müller"}}) == "Müller\r\n");
    CHECK(write_rows({{"a", "b"}, {"c", "d"}}) == "a,b\r\nc,d\r\n");
}

TEST_CASE("io::CsvWriter neutralises formulas", "[io]") {
    CHECK(write_rows({{"=SUM(A1:A9)"}}) == "'=SUM(A1:A9)\r\n");
    CHECK(write_rows({{"+49 391"}}) == "'+49 391\r\n");
    CHECK(write_rows({{"-5"}}) == "'-5\r\n");
    CHECK(write_rows({{"@cmd"}}) == "'@cmd\r\n");
    CHECK(write_rows({{"\tx"}}) == "'\tx\r\n");
    CHECK(write_rows({{"\rx"}}) == "\"'\rx\"\r\n");
    CHECK(write_rows({{"=a,b"}}) == "\"'=a,b\"\r\n");
    CHECK(write_rows({{"a=b", "x-y"}}) == "a=b,x-y\r\n");

    using werkstatt::neutralise_formula;
    using werkstatt::restore_formula;
    for (const char* s : {"=1+1", "+1", "-1", "@x", "\tx", "\rx", "=", "-"}) {
        INFO("field: '" << s << "'");
        CHECK(neutralise_formula(s) == std::string("'") + s);
        CHECK(restore_formula(neutralise_formula(s)) == s);
    }
    for (const char* s : {"", "plain", "a=b", "'quoted", "'", "''", " =x", "Müller"}) {
        INFO("field: '" << s << "'");
        CHECK(neutralise_formula(s) == s);
        CHECK(restore_formula(s) == s);
        CHECK(restore_formula(neutralise_formula(s)) == s);
    }
}

TEST_CASE("io::restore_formula undoes neutralise_formula for text that starts with an apostrophe",
          "[io]") {
    // Text that already begins with an apostrophe and a formula character must survive the
    // round trip too; otherwise an export and re-import silently drops the apostrophe.
    using werkstatt::neutralise_formula;
    using werkstatt::restore_formula;
    for (const char* s : {"'=1+1", "'-", "'@home"}) {
        INFO("field: '" << s << "'");
        CHECK(restore_formula(neutralise_formula(s)) == s);
    }
}

TEST_CASE("io::CsvWriter output reads back as the same fields", "[io]") {
    const std::vector<Fields> rows{
        {"key", "name", "notes"},
        {"mueller", "Müller Metallbau GmbH", "Hof \"Nord\"; Tor 2"},
        {"a,b", "two\r\nlines", "lf\nonly"},
        {"", " spaced ", ""},
        {"=formula", "-minus", "@at"},
        {"\"", "\"\"", ","},
    };
    for (char delim : {',', ';', '\t'}) {
        INFO("delimiter " << static_cast<int>(delim));
        const auto csv = write_rows(rows, delim);
        std::istringstream in(csv);
        CsvReader reader(in, "round.csv");
        CsvRecord record;
        for (const auto& expected : rows) {
            REQUIRE(reader.next(record));
            Fields restored;
            for (const auto& f : record.fields) {
                restored.push_back(werkstatt::restore_formula(f));
            }
            CHECK(restored == expected);
        }
        CHECK(reader.delimiter() == delim);
        CHECK_FALSE(reader.next(record));
    }
}
