// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV renderer on hand-made tables, and write_report's CSV folder and --table.
#include "report/render.hpp"

#include "support.hpp"

#include <sstream>
#include <sys/stat.h>

using namespace werkstatt;
using namespace werkstatt::report;

namespace {

Cell suppressed(std::int64_t count, Suppression how) {
    auto cell = Cell::of_count(count);
    cell.suppression = how;
    return cell;
}

// A table with every kind of cell.
Table every_kind_table() {
    Table table;
    table.id = "candidates_by_gender";
    table.title = "Teilnehmende nach Geschlecht";
    table.columns = {{"gender", "Geschlecht"},
                     {"count", "Anzahl"},
                     {"share", "Anteil in %"},
                     {"since", "Seit"},
                     {"disability", "Behinderung"}};
    table.rows = {
        {Cell::of_text("weiblich", "female"), Cell::of_count(1234), Cell::of_number(12.25, 1),
         Cell::of_date(*Date::from_ymd(2026, 11, 25)), Cell::of_not_collected()},
        {Cell::of_text("Müller; \"Meier\"", ""), suppressed(2, Suppression::primary),
         Cell::of_number(-1.5, 2), Cell::of_missing(), Cell{}},
        {Cell::of_text("=SUM(A1)", ""), suppressed(7, Suppression::secondary),
         Cell::of_number(2.5, 0), Cell::of_missing(), Cell::of_count(0)},
    };
    return table;
}

Report report_with(std::vector<Table> tables, std::string kind = "esf") {
    Report report;
    report.kind = std::move(kind);
    report.title = "ESF-Bericht 2027";
    report.lang = "de";
    report.min_cell = 3;
    Section section;
    section.id = "participants";
    section.title = "Teilnehmende";
    section.tables = std::move(tables);
    report.sections.push_back(std::move(section));
    return report;
}

ReportSettings csv_settings(std::string delimiter, bool bom) {
    ReportSettings settings;
    settings.csv_delimiter = std::move(delimiter);
    settings.csv_bom = bom;
    return settings;
}

// Return `text` with each line ended by CRLF.
std::string crlf(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) {
        out += line + "\r\n";
    }
    return out;
}

std::vector<std::string> files_in(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("render_csv writes keys, machine values and markers for German Excel", "[report]") {
    const auto report = report_with({every_kind_table()});
    const auto csv = render_csv(report.sections[0].tables[0], report, csv_settings(";", true));
    CHECK(csv == "\xEF\xBB\xBF" + crlf({
                                      "gender;count;share;since;disability",
                                      "female;1234;12,3;2026-11-25;",
                                      "\"Müller; \"\"Meier\"\"\";<4;-1,50;;",
                                      "'=SUM(A1);x;3;;0",
                                  }));
}

TEST_CASE("render_csv with ',' writes decimal points and no BOM", "[report]") {
    const auto report = report_with({every_kind_table()});
    const auto csv = render_csv(report.sections[0].tables[0], report, csv_settings(",", false));
    CHECK(csv == crlf({
                     "gender,count,share,since,disability",
                     "female,1234,12.3,2026-11-25,",
                     "\"Müller; \"\"Meier\"\"\",<4,-1.50,,",
                     "'=SUM(A1),x,3,,0",
                 }));
}

TEST_CASE("render_csv with a tab keeps decimal points", "[report]") {
    Table table;
    table.id = "t";
    table.columns = {{"median_days", "Median"}};
    table.rows = {{Cell::of_number(1234.5, 1)}};
    const auto report = report_with({table});
    CHECK(render_csv(report.sections[0].tables[0], report, csv_settings("\t", false)) ==
          crlf({"median_days", "1234.5"}));
}

TEST_CASE("render_csv does not change with the report's language", "[report]") {
    auto german = report_with({every_kind_table()});
    auto english = german;
    english.lang = "en";
    const auto settings = csv_settings(";", true);
    CHECK(render_csv(german.sections[0].tables[0], german, settings) ==
          render_csv(english.sections[0].tables[0], english, settings));
}

TEST_CASE("render_csv prints the primary marker from min_cell", "[report]") {
    auto report = report_with({every_kind_table()});
    report.min_cell = 5;
    const auto csv = render_csv(report.sections[0].tables[0], report, csv_settings(";", false));
    CHECK(csv.find(";<6;") != std::string::npos);
    CHECK(csv.find("<4") == std::string::npos);
}

TEST_CASE("write_report writes one CSV file per table into the folder", "[report]") {
    test::TempDir tmp;
    auto second = every_kind_table();
    second.id = "exits";
    const auto report = report_with({every_kind_table(), second});
    std::ostringstream out;
    const auto dir = tmp.file("csv");
    write_report(report, ReportFormat::csv, dir, std::nullopt, csv_settings(";", true), out);
    CHECK(out.str().empty());
    CHECK(files_in(dir) == std::vector<std::string>{"candidates_by_gender.csv", "exits.csv"});
    CHECK(test::read_text(dir / "exits.csv") ==
          render_csv(report.sections[0].tables[1], report, csv_settings(";", true)));
    struct stat st {};
    REQUIRE(::stat((dir / "exits.csv").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0644);

    SECTION("an existing folder is written into") {
        write_report(report, ReportFormat::csv, dir, std::nullopt, csv_settings(",", false), out);
        CHECK(test::read_text(dir / "exits.csv").rfind("gender,count", 0) == 0);
    }
}

TEST_CASE("write_report keeps the earlier files whole when one table cannot be written",
          "[report]") {
    test::TempDir tmp;
    auto second = every_kind_table();
    second.id = "exits";
    const auto report = report_with({every_kind_table(), second});
    std::ostringstream out;
    const auto dir = tmp.file("csv");
    write_report(report, ReportFormat::csv, dir, std::nullopt, csv_settings(";", true), out);
    const auto before = test::read_text(dir / "candidates_by_gender.csv");
    // The second table's file cannot be written: a folder has taken its name.
    std::filesystem::remove(dir / "exits.csv");
    std::filesystem::create_directory(dir / "exits.csv");
    const auto failure = test::failure_of([&] {
        write_report(report, ReportFormat::csv, dir, std::nullopt, csv_settings(",", false), out);
    });
    CHECK(failure.kind == ErrorKind::output);
    CHECK(test::read_text(dir / "candidates_by_gender.csv") == before);
    CHECK(files_in(dir) == std::vector<std::string>{"candidates_by_gender.csv", "exits.csv"});
}

TEST_CASE("write_report keeps the exchange report's CSV files private", "[report]") {
    test::TempDir tmp;
    const auto report = report_with({every_kind_table()}, "exchange");
    std::ostringstream out;
    write_report(report, ReportFormat::csv, tmp.file("x"), std::nullopt, csv_settings(";", true),
                 out);
    struct stat st {};
    REQUIRE(::stat(tmp.file("x/candidates_by_gender.csv").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("write_report --table writes one table to a file or stdout", "[report]") {
    test::TempDir tmp;
    auto second = every_kind_table();
    second.id = "exits";
    second.rows.pop_back();
    const auto report = report_with({every_kind_table(), second});
    const auto settings = csv_settings(";", false);
    std::ostringstream out;
    write_report(report, ReportFormat::csv, std::nullopt, std::string("exits"), settings, out);
    CHECK(out.str() == render_csv(second, report, settings));

    write_report(report, ReportFormat::csv, tmp.file("exits.csv"), std::string("exits"), settings,
                 out);
    CHECK(test::read_text(tmp.file("exits.csv")) == render_csv(second, report, settings));
}

TEST_CASE("write_report refuses a table the report does not have, writing nothing", "[report]") {
    test::TempDir tmp;
    const auto report = report_with({every_kind_table()});
    std::ostringstream out;
    const auto failure = test::failure_of([&] {
        write_report(report, ReportFormat::csv, tmp.file("t.csv"), std::string("nope"),
                     csv_settings(";", true), out);
    });
    CHECK(failure.kind == ErrorKind::usage);
    CHECK_THAT(failure.message,
               Catch::Contains("'nope'") && Catch::Contains("candidates_by_gender"));
    CHECK(files_in(tmp.path()).empty());
    CHECK(out.str().empty());
}

TEST_CASE("write_report csv without --output or --table is a usage error", "[report]") {
    const auto report = report_with({every_kind_table()});
    std::ostringstream out;
    const auto failure = test::failure_of([&] {
        write_report(report, ReportFormat::csv, std::nullopt, std::nullopt, csv_settings(";", true),
                     out);
    });
    CHECK(failure.kind == ErrorKind::usage);
    CHECK(out.str().empty());
}

TEST_CASE("write_report leaves no CSV file behind when one cannot be written", "[report]") {
    test::TempDir tmp;
    auto second = every_kind_table();
    second.id = "exits";
    const auto report = report_with({every_kind_table(), second});
    std::ostringstream out;

    SECTION("a folder in the way of the second file: the first is removed, and the folder") {
        const auto dir = tmp.file("csv");
        std::filesystem::create_directories(dir / "exits.csv");
        const auto failure = test::failure_of([&] {
            write_report(report, ReportFormat::csv, dir, std::nullopt, csv_settings(";", true),
                         out);
        });
        CHECK(failure.kind == ErrorKind::output);
        CHECK_THAT(failure.message, Catch::Contains("exits.csv"));
        CHECK(files_in(dir) == std::vector<std::string>{"exits.csv"}); // only what was there
    }
    SECTION("a missing parent folder") {
        const auto failure = test::failure_of([&] {
            write_report(report, ReportFormat::csv, tmp.file("missing/csv"), std::nullopt,
                         csv_settings(";", true), out);
        });
        CHECK(failure.kind == ErrorKind::output);
        CHECK_THAT(failure.message, Catch::Contains("missing/csv"));
        CHECK(files_in(tmp.path()).empty());
    }
    SECTION("a file where the folder should be") {
        test::write_text(tmp.file("plain"), "x");
        const auto failure = test::failure_of([&] {
            write_report(report, ReportFormat::csv, tmp.file("plain"), std::nullopt,
                         csv_settings(";", true), out);
        });
        CHECK(failure.kind == ErrorKind::output);
        CHECK(test::read_text(tmp.file("plain")) == "x");
    }
}
