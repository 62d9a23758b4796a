// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/records.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

using werkstatt::Color;
using werkstatt::Detail;
using werkstatt::Format;
using werkstatt::Records;
using werkstatt::Value;

namespace {

Records sample() {
    Records r;
    r.columns = {"id", "key", "name", "can_host", "capacity", "share", "member_since"};
    r.rows.push_back({std::int64_t{1}, std::string("mueller"), std::string("Müller Metallbau GmbH"),
                      true, std::int64_t{40}, 0.5, std::string("2021-03-01")});
    r.rows.push_back({std::int64_t{12}, std::string("abc"), std::string("ABC \"Bau\", Halle"),
                      false, Value{}, 12.25, Value{}});
    return r;
}

std::string render(const Records& r, Format format, Color color = Color::no) {
    std::ostringstream out;
    werkstatt::write_records(out, r, format, color);
    return out.str();
}

std::string render(const Detail& d, Format format, Color color = Color::no) {
    std::ostringstream out;
    werkstatt::write_detail(out, d, format, color);
    return out.str();
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    std::string line;
    while (std::getline(in, line)) {
        lines.push_back(line);
    }
    return lines;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& s) {
    std::istringstream in(s);
    werkstatt::CsvReader reader(in, "out.csv");
    werkstatt::CsvRecord record;
    std::vector<std::vector<std::string>> rows;
    while (reader.next(record)) {
        rows.push_back(record.fields);
    }
    return rows;
}

// Return the display column at which `needle` starts in `line`.
std::size_t column_of(const std::string& line, const std::string& needle) {
    const auto pos = line.find(needle);
    REQUIRE(pos != std::string::npos);
    return werkstatt::text::display_width(line.substr(0, pos));
}

} // namespace

TEST_CASE("io::parse_format and display_text", "[io]") {
    CHECK(werkstatt::parse_format("table") == Format::table);
    CHECK(werkstatt::parse_format("json") == Format::json);
    CHECK(werkstatt::parse_format("csv") == Format::csv);
    CHECK_FALSE(werkstatt::parse_format("JSON").has_value());
    CHECK_FALSE(werkstatt::parse_format("").has_value());
    CHECK_FALSE(werkstatt::parse_format("xml").has_value());

    CHECK(werkstatt::display_text(Value{}) == "");
    CHECK(werkstatt::display_text(Value{true}) == "yes");
    CHECK(werkstatt::display_text(Value{false}) == "no");
    CHECK(werkstatt::display_text(Value{std::int64_t{-7}}) == "-7");
    CHECK(werkstatt::display_text(Value{2.5}) == "2.5");
    CHECK(werkstatt::display_text(Value{std::string("Börde")}) == "Börde");

    CHECK(std::holds_alternative<std::monostate>(werkstatt::text_or_null("")));
    CHECK(std::get<std::string>(werkstatt::text_or_null("x")) == "x");
    CHECK(std::holds_alternative<std::monostate>(
        werkstatt::optional_value(std::optional<std::int64_t>{})));
    CHECK(std::get<std::int64_t>(werkstatt::optional_value(std::optional<int>{5})) == 5);
    CHECK(std::get<std::string>(werkstatt::optional_value(std::optional<std::string>{"a"})) == "a");
}

TEST_CASE("io::write_records writes JSON as an array of typed objects", "[io]") {
    const auto text = render(sample(), Format::json);
    const auto json = nlohmann::json::parse(text); // throws if it is not valid JSON
    REQUIRE(json.is_array());
    REQUIRE(json.size() == 2);
    const auto& first = json[0];
    CHECK(first.size() == 7);
    CHECK(first["id"] == 1);
    CHECK(first["id"].is_number_integer());
    CHECK(first["key"] == "mueller");
    CHECK(first["name"] == "Müller Metallbau GmbH");
    CHECK(first["can_host"].is_boolean());
    CHECK(first["can_host"] == true);
    CHECK(first["capacity"] == 40);
    CHECK(first["share"].is_number_float());
    CHECK(first["share"].get<double>() == Approx(0.5));
    CHECK(first["member_since"] == "2021-03-01");
    const auto& second = json[1];
    CHECK(second["name"] == "ABC \"Bau\", Halle");
    CHECK(second["can_host"] == false);
    CHECK(second["capacity"].is_null());
    CHECK(second["member_since"].is_null());
    CHECK(second.contains("member_since"));

    // Keys keep the column order.
    const auto ordered = nlohmann::ordered_json::parse(text);
    std::vector<std::string> keys;
    for (const auto& item : ordered[0].items()) {
        keys.push_back(item.key());
    }
    CHECK(keys == sample().columns);

    Records empty;
    empty.columns = {"a"};
    CHECK(nlohmann::json::parse(render(empty, Format::json)) == nlohmann::json::array());
}

TEST_CASE("io::write_records escapes text for JSON", "[io]") {
    Records r;
    r.columns = {"text"};
    r.rows.push_back({std::string("line1\nline2\t\"q\" \\ \x01")});
    const auto json = nlohmann::json::parse(render(r, Format::json));
    CHECK(json[0]["text"] == "line1\nline2\t\"q\" \\ \x01");
}

TEST_CASE("io::write_records writes CSV with a header and machine forms", "[io]") {
    const auto text = render(sample(), Format::csv);
    CHECK(text.find("\r\n") != std::string::npos);
    const auto rows = csv_rows(text);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == sample().columns);
    CHECK(rows[1] == std::vector<std::string>{"1", "mueller", "Müller Metallbau GmbH", "true", "40",
                                              "0.5", "2021-03-01"});
    CHECK(rows[2] ==
          std::vector<std::string>{"12", "abc", "ABC \"Bau\", Halle", "false", "", "12.25", ""});
    // Header line exactly, rows end in CRLF.
    CHECK(text.rfind("id,key,name,can_host,capacity,share,member_since\r\n", 0) == 0);
    CHECK(text.substr(text.size() - 2) == "\r\n");
}

TEST_CASE("io::write_records neutralises formulas in CSV", "[io]") {
    Records r;
    r.columns = {"a"};
    r.rows.push_back({std::string("=HYPERLINK(\"x\")")});
    r.rows.push_back({std::int64_t{-5}});
    const auto rows = csv_rows(render(r, Format::csv));
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][0] == "'=HYPERLINK(\"x\")");
    CHECK(werkstatt::restore_formula(rows[2][0]) == "-5");
}

TEST_CASE("io::write_records writes an aligned table", "[io]") {
    Records r;
    r.columns = {"key", "city", "capacity", "can_host"};
    r.rows.push_back({std::string("a"), std::string("Köthen (Anhalt)"), std::int64_t{5}, true});
    r.rows.push_back({std::string("bbbb"), std::string("Gröningen"), std::int64_t{1200}, false});
    r.rows.push_back({std::string("cc"), std::string("Halle"), Value{}, Value{}});
    const auto text = render(r, Format::table);
    const auto lines = lines_of(text);
    REQUIRE(lines.size() == 4);

    SECTION("header upper-cased, underscores as blanks") {
        CHECK_THAT(lines[0], Catch::StartsWith("KEY"));
        CHECK(lines[0].find("CITY") != std::string::npos);
        CHECK(lines[0].find("CAN HOST") != std::string::npos);
        CHECK(lines[0].find("can_host") == std::string::npos);
    }
    SECTION("text columns left-aligned, counting umlauts as one column") {
        const auto city = column_of(lines[0], "CITY");
        CHECK(column_of(lines[1], "Köthen") == city);
        CHECK(column_of(lines[2], "Gröningen") == city);
        CHECK(column_of(lines[3], "Halle") == city);
        // The key column is as wide as its widest cell plus two blanks.
        CHECK(city == 4 + 2);
    }
    SECTION("number columns right-aligned") {
        // "1200" ends where "CAPACITY" ends; "5" ends there as well.
        const auto end = column_of(lines[0], "CAPACITY") + 8;
        CHECK(column_of(lines[1], "5 ") + 1 == end);
        CHECK(column_of(lines[2], "1200") + 4 == end);
    }
    SECTION("all lines have the same width up to the last column, no trailing blanks") {
        for (const auto& line : lines) {
            INFO(line);
            REQUIRE_FALSE(line.empty());
            CHECK(line.back() != ' ');
        }
        CHECK(lines[1].find("yes") != std::string::npos);
        CHECK(lines[2].find("no") != std::string::npos);
        CHECK(lines[3] == "cc    Halle");
    }
    SECTION("no escape codes without colour; bold header with colour") {
        CHECK(text.find('\x1b') == std::string::npos);
        const auto coloured = lines_of(render(r, Format::table, Color::yes));
        CHECK_THAT(coloured[0], Catch::StartsWith("\x1b[1m") && Catch::EndsWith("\x1b[0m"));
        CHECK(coloured[1] == lines[1]);
    }
}

TEST_CASE("io::write_records keeps table cells on one line and handles CJK width", "[io]") {
    Records r;
    r.columns = {"name", "n"};
    r.rows.push_back({std::string("日本"), std::int64_t{1}});
    r.rows.push_back({std::string("two\nlines\tand\rcr"), std::int64_t{2}});
    r.rows.push_back({std::string("ab"), std::int64_t{3}});
    const auto lines = lines_of(render(r, Format::table));
    REQUIRE(lines.size() == 4);
    CHECK(lines[2] == "two lines and cr  2");
    const auto n = column_of(lines[2], "2");
    CHECK(column_of(lines[1], "1") == n);
    CHECK(column_of(lines[3], "3") == n);
    CHECK(lines[0] == "NAME" + std::string(14, ' ') + "N");
}

TEST_CASE("io::write_records writes only a header for no rows", "[io]") {
    Records r;
    r.columns = {"key", "name"};
    CHECK(render(r, Format::table) == "KEY  NAME\n");
    CHECK(render(r, Format::csv) == "key,name\r\n");
}

namespace {

Detail sample_detail() {
    Detail d;
    d.fields = {{"id", std::int64_t{3}},
                {"name", std::string("Müller")},
                {"capacity", Value{}},
                {"can_host", true},
                {"member_since", std::string("2020-01-01")}};
    Records contacts;
    contacts.columns = {"id", "name", "email"};
    contacts.rows.push_back({std::int64_t{7}, std::string("Anna Schmidt"), Value{}});
    d.children.emplace_back("contacts", contacts);
    d.children.emplace_back("notes", Records{{"text"}, {}});
    return d;
}

} // namespace

TEST_CASE("io::write_detail writes one JSON object with children as arrays", "[io]") {
    const auto json = nlohmann::json::parse(render(sample_detail(), Format::json));
    REQUIRE(json.is_object());
    CHECK(json["id"] == 3);
    CHECK(json["name"] == "Müller");
    CHECK(json["capacity"].is_null());
    CHECK(json["can_host"] == true);
    REQUIRE(json["contacts"].is_array());
    REQUIRE(json["contacts"].size() == 1);
    CHECK(json["contacts"][0]["name"] == "Anna Schmidt");
    CHECK(json["contacts"][0]["email"].is_null());
    CHECK(json["notes"] == nlohmann::json::array());
}

TEST_CASE("io::write_detail writes CSV as one row under a header without children", "[io]") {
    const auto text = render(sample_detail(), Format::csv);
    const auto rows = csv_rows(text);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] ==
          std::vector<std::string>{"id", "name", "capacity", "can_host", "member_since"});
    CHECK(rows[1] == std::vector<std::string>{"3", "Müller", "", "true", "2020-01-01"});
    CHECK(text.find("Anna") == std::string::npos);
}

TEST_CASE("io::write_detail writes a table of fields and lists", "[io]") {
    const auto lines = lines_of(render(sample_detail(), Format::table));
    REQUIRE(lines.size() == 12);
    CHECK(lines[0] == "id            3");
    CHECK(lines[1] == "name          Müller");
    CHECK(lines[2] == "capacity");
    CHECK(lines[3] == "can_host      yes");
    CHECK(lines[4] == "member_since  2020-01-01");
    CHECK(lines[5] == "");
    CHECK(lines[6] == "contacts:");
    CHECK(lines[7] == "ID  NAME          EMAIL");
    CHECK(lines[8] == " 7  Anna Schmidt");
    CHECK(lines[9] == "");
    CHECK(lines[10] == "notes:");
    CHECK(lines[11] == "(none)");
    for (const auto& line : lines) {
        INFO(line);
        CHECK((line.empty() || line.back() != ' '));
    }
}

namespace {

// Column priorities for the fitting tests: "id" and "name" stay, "name" and "notes" shrink,
// "hash" is low value, "city" is kept while shortening is enough.
werkstatt::ColumnFit test_fit(std::string_view column) {
    if (column == "id") {
        return {0, false};
    }
    if (column == "name") {
        return {0, true};
    }
    if (column == "notes") {
        return {1, true};
    }
    if (column == "hash") {
        return {werkstatt::ColumnFit::k_low_value, false};
    }
    return {1, false};
}

std::vector<std::string> fitted(const Records& r, std::size_t width) {
    std::ostringstream out;
    werkstatt::write_records(out, r, Format::table,
                             werkstatt::TableStyle{Color::no, width, &test_fit});
    return lines_of(out.str());
}

Records wide_sample() {
    Records r;
    r.columns = {"id", "name", "city", "notes", "hash"};
    r.rows.push_back({std::int64_t{1}, std::string("Müller Metallbau und Söhne GmbH & Co. KG"),
                      std::string("Köthen (Anhalt)"), std::string("ruft zurück, nur vormittags"),
                      std::string("9f86d081884c7d659a2feaa0c55ad015")});
    r.rows.push_back({std::int64_t{2}, std::string("Bäckerei Groß"), std::string("Halle"), Value{},
                      std::string("60303ae22b998861bce3b28f33eec1be")});
    return r;
}

} // namespace

TEST_CASE("io::write_records fits a table to a width", "[io]") {
    const auto r = wide_sample();
    const auto whole = lines_of(render(r, Format::table));
    REQUIRE(werkstatt::text::display_width(whole[1]) > 100);

    SECTION("a width the table fits changes nothing") {
        CHECK(fitted(r, 200) == whole);
    }
    SECTION("low-value columns go first, before any text is shortened") {
        const auto lines = fitted(r, 100);
        CHECK(lines[0].find("HASH") == std::string::npos);
        CHECK(lines[1].find("Müller Metallbau und Söhne GmbH & Co. KG") != std::string::npos);
        CHECK(lines[1].find("…") == std::string::npos);
    }
    SECTION("then long text is shortened with an ellipsis, widest first, within the width") {
        const auto lines = fitted(r, 60);
        for (const auto& line : lines) {
            INFO(line);
            CHECK(werkstatt::text::display_width(line) <= 60);
        }
        CHECK(lines[0].find("CITY") != std::string::npos);
        CHECK(lines[1].find("…") != std::string::npos);
        CHECK(lines[1].find("Köthen (Anhalt)") != std::string::npos);
        CHECK(lines[2].find("Bäckerei Groß") != std::string::npos);
    }
    SECTION("then further columns go, the rightmost first; id and name always stay") {
        const auto lines = fitted(r, 30);
        for (const auto& line : lines) {
            INFO(line);
            CHECK(werkstatt::text::display_width(line) <= 30);
        }
        CHECK_THAT(lines[0], Catch::StartsWith("ID  NAME"));
        CHECK(lines[0].find("NOTES") == std::string::npos);
        CHECK(lines[0].find("HASH") == std::string::npos);
    }
    SECTION("narrower than the columns that stay: they stay, at their floor") {
        const auto lines = fitted(r, 5);
        CHECK_THAT(lines[0], Catch::StartsWith("ID  NAME"));
        CHECK(lines[1] == " 1  Müller Meta…");
    }
}

TEST_CASE("io::records: a day is ISO in JSON and CSV and the UI language's in a table", "[io]") {
    const auto before = werkstatt::ui_language();
    Records r;
    r.columns = {"id", "date", "share"};
    r.rows.push_back({std::int64_t{1}, werkstatt::day_or_text("2026-11-25"), 2.5});
    r.rows.push_back({std::int64_t{2}, werkstatt::day_or_text(""), 3.0});
    r.rows.push_back({std::int64_t{3}, werkstatt::day_or_text("1. Advent"), Value{}});
    CHECK(std::holds_alternative<werkstatt::Date>(r.rows[0][1]));
    CHECK(std::holds_alternative<std::monostate>(r.rows[1][1]));
    CHECK(std::get<std::string>(r.rows[2][1]) == "1. Advent"); // not a day: kept as text
    CHECK(std::holds_alternative<std::monostate>(werkstatt::day_value(std::nullopt)));

    werkstatt::set_ui_language(werkstatt::Language::de);
    std::ostringstream json;
    werkstatt::write_records(json, r, Format::json, Color::no);
    CHECK(nlohmann::json::parse(json.str())[0]["date"] == "2026-11-25");
    std::ostringstream csv;
    werkstatt::write_records(csv, r, Format::csv, Color::no);
    CHECK(csv.str() == "id,date,share\r\n1,2026-11-25,2.5\r\n2,,3\r\n3,1. Advent,\r\n");
    std::ostringstream table;
    werkstatt::write_records(table, r, Format::table, Color::no);
    CHECK(table.str().find("25.11.2026") != std::string::npos);
    werkstatt::set_ui_language(werkstatt::Language::en);
    CHECK(werkstatt::display_text(r.rows[0][1]) == "2026-11-25");
    werkstatt::set_ui_language(before);
}

TEST_CASE("io::records: the German Excel CSV dialect", "[io]") {
    CHECK(werkstatt::parse_csv_dialect("rfc4180") == werkstatt::CsvDialect::rfc4180);
    CHECK(werkstatt::parse_csv_dialect("excel-de") == werkstatt::CsvDialect::excel_de);
    CHECK_FALSE(werkstatt::parse_csv_dialect("excel").has_value());
    CHECK(werkstatt::parse_format("xlsx") == Format::xlsx);

    Records r;
    r.columns = {"id", "name", "share", "active", "day"};
    r.rows.push_back({std::int64_t{-4}, std::string("Müller; Söhne"), -12.25, true,
                      werkstatt::day_or_text("2027-01-15")});
    r.rows.push_back({std::int64_t{1200}, std::string("=1+1"), 3.0, false, Value{}});
    werkstatt::TableStyle style;
    style.csv = werkstatt::CsvDialect::excel_de;
    std::ostringstream out;
    werkstatt::write_records(out, r, Format::csv, style);
    CHECK(out.str() == "\xEF\xBB\xBF"
                       "id;name;share;active;day\r\n"
                       "-4;\"Müller; Söhne\";-12,25;true;2027-01-15\r\n"
                       "1200;'=1+1;3;false;\r\n");

    // A stream writes the same bytes.
    std::ostringstream streamed;
    werkstatt::RecordStream stream(streamed, r.columns, Format::csv, style);
    for (const auto& row : r.rows) {
        stream.row(row);
    }
    stream.finish();
    CHECK(streamed.str() == out.str());

    // A detail in the dialect: one header and one row.
    Detail d;
    d.fields = {{"id", Value{std::int64_t{1}}}, {"share", Value{0.5}}};
    std::ostringstream detail;
    werkstatt::write_detail(detail, d, Format::csv, style);
    CHECK(detail.str() == "\xEF\xBB\xBFid;share\r\n1;0,5\r\n");
}

TEST_CASE("records: a table speaks the UI language, JSON and CSV do not", "[records][i18n]") {
    const auto before = werkstatt::ui_language();
    Records r{{"plz", "active", "distance_km"},
              {{std::string("06108"), true, 1234.5}, {std::string("39104"), false, -0.25}}};
    const auto table = [&] {
        std::ostringstream out;
        werkstatt::write_records(out, r, Format::table, Color::no);
        return out.str();
    };
    const auto csv = [&] {
        std::ostringstream out;
        werkstatt::write_records(out, r, Format::csv, Color::no);
        return out.str();
    };
    werkstatt::set_ui_language(werkstatt::Language::en);
    const auto english = table();
    const auto english_csv = csv();
    CHECK(english.find("ACTIVE") != std::string::npos);
    CHECK(english.find("DISTANCE KM") != std::string::npos);
    CHECK(english.find("yes") != std::string::npos);
    CHECK(english.find("1,234.5") != std::string::npos);
    CHECK(english.find("-0.25") != std::string::npos);
    werkstatt::set_ui_language(werkstatt::Language::de);
    const auto german = table();
    CHECK(german.find("1.234,5") != std::string::npos);
    CHECK(german.find("-0,25") != std::string::npos);
    REQUIRE(werkstatt::catalogue_found(werkstatt::Language::de)); // the build's po/de.po
    CHECK(german.find("AKTIV") != std::string::npos);
    CHECK(german.find("ENTFERNUNG (KM)") != std::string::npos);
    CHECK(german.find("ja") != std::string::npos);
    CHECK(german.find("nein") != std::string::npos);
    CHECK(csv() == english_csv); // machine formats keep the keys and the point
    CHECK(english_csv.find("1234.5") != std::string::npos);
    werkstatt::set_ui_language(before);
}
