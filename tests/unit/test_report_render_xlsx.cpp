// SPDX-License-Identifier: GPL-3.0-or-later
// The XLSX writer on a hand-made report: the file, its mode, the same bytes every time, and no
// file left behind on failure. What is inside is read back with openpyxl by
// tests/tools/check_xlsx.sh, which runs the hidden case "[.xlsx_sample]" below.
#include "report/render.hpp"

#include "support.hpp"

#include <cstdlib>
#include <sys/stat.h>

using namespace werkstatt;
using namespace werkstatt::report;

namespace {

Cell suppressed(std::int64_t count, Suppression how) {
    auto cell = Cell::of_count(count);
    cell.suppression = how;
    return cell;
}

// A report with two sections, tables of every kind of cell, suppressed counts, and titles that
// are too long, hold characters Excel forbids in sheet names, or repeat.
Report sample_report(Language lang, std::string kind = "esf") {
    const bool de = lang == Language::de;
    Report report;
    report.kind = std::move(kind);
    report.title = de ? "ESF-Bericht 2027Q1" : "ESF report 2027Q1";
    report.period = "2027Q1";
    report.first = *Date::from_ymd(2027, 1, 1);
    report.last = *Date::from_ymd(2027, 3, 31);
    report.reference_day = *Date::from_ymd(2027, 4, 2);
    report.lang = std::string(to_string(lang));
    report.network = "Betriebliche Werkstatt";
    report.min_cell = 3;

    Section participants;
    participants.id = "participants";
    participants.title = de ? "Teilnehmende" : "Participants";
    participants.paragraphs = {de ? "Eintritte im Zeitraum." : "Entries in the period."};
    Table gender;
    gender.id = "by_gender";
    gender.title = de ? "Teilnehmende nach Geschlecht: Eintritte [Q1] / Austritte"
                      : "Participants by gender: entries [Q1] / exits";
    gender.columns = {{"gender", de ? "Geschlecht" : "Gender"},
                      {"entries", de ? "Eintritte" : "Entries"},
                      {"exits", de ? "Austritte" : "Exits"},
                      {"total", de ? "Summe" : "Total"}};
    gender.rows = {
        {Cell::of_text(de ? "weiblich" : "female", "female"), Cell::of_count(1234),
         suppressed(2, Suppression::primary), suppressed(1236, Suppression::secondary)},
        {Cell::of_text(de ? "männlich" : "male", "male"), Cell::of_count(20),
         suppressed(5, Suppression::secondary), suppressed(25, Suppression::secondary)},
        {Cell::of_text(de ? "keine Angabe" : "not recorded", "missing"), Cell::of_count(0),
         Cell::of_count(0), Cell::of_count(0)},
        {Cell::of_text(de ? "Summe" : "Total", "total"), Cell::of_count(1254), Cell::of_count(7),
         Cell::of_count(1261)},
    };
    gender.totals = Totals::both;
    gender.note = de ? "Gezählt werden Personen." : "Persons are counted.";
    participants.tables.push_back(gender);
    Table again = gender; // the same title: the sheet name must differ
    again.id = "by_gender_again";
    participants.tables.push_back(again);
    report.sections.push_back(participants);

    Section events;
    events.id = "events";
    events.title = de ? "Treffen" : "Events";
    Table list;
    list.id = "events";
    list.title = "History"; // reserved by Excel: the sheet is named after the id
    list.columns = {{"date", de ? "Datum" : "Date"},
                    {"median_days", de ? "Median Tage" : "Median days"},
                    {"disability", de ? "Behinderung" : "Disability"}};
    list.rows = {
        {Cell::of_date(*Date::from_ymd(2027, 3, 18)), Cell::of_number(12.25, 1),
         Cell::of_not_collected()},
        {Cell::of_date(*Date::from_ymd(2027, 2, 1)), Cell::of_number(-3.5, 2), Cell::of_missing()},
    };
    events.tables.push_back(list);
    report.sections.push_back(events);
    return report;
}

std::vector<std::string> files_in(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

unsigned mode_of(const std::filesystem::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

} // namespace

TEST_CASE("write_xlsx writes a workbook and nothing else", "[report]") {
    test::TempDir tmp;
    const auto path = tmp.file("bericht.xlsx");
    write_xlsx(sample_report(Language::de), path);
    CHECK(files_in(tmp.path()) == std::vector<std::string>{"bericht.xlsx"});
    const auto bytes = test::read_text(path);
    REQUIRE(bytes.size() > 1000);
    CHECK(bytes.substr(0, 2) == "PK"); // a zip container
    CHECK(mode_of(path) == 0644);
}

TEST_CASE("write_xlsx gives the same bytes for the same report", "[report]") {
    test::TempDir tmp;
    write_xlsx(sample_report(Language::de), tmp.file("a.xlsx"));
    write_xlsx(sample_report(Language::de), tmp.file("b.xlsx"));
    CHECK(test::read_text(tmp.file("a.xlsx")) == test::read_text(tmp.file("b.xlsx")));
    // The reference day is the creation time: another day gives another file.
    auto later = sample_report(Language::de);
    later.reference_day = *Date::from_ymd(2027, 4, 3);
    write_xlsx(later, tmp.file("c.xlsx"));
    CHECK(test::read_text(tmp.file("a.xlsx")) != test::read_text(tmp.file("c.xlsx")));
}

TEST_CASE("write_xlsx keeps the exchange report private", "[report]") {
    test::TempDir tmp;
    write_xlsx(sample_report(Language::en, "exchange"), tmp.file("x.xlsx"));
    CHECK(mode_of(tmp.file("x.xlsx")) == 0600);
}

TEST_CASE("write_xlsx replaces an existing file whole", "[report]") {
    test::TempDir tmp;
    test::write_text(tmp.file("r.xlsx"), "old");
    write_xlsx(sample_report(Language::en), tmp.file("r.xlsx"));
    CHECK(test::read_text(tmp.file("r.xlsx")).substr(0, 2) == "PK");
    CHECK(files_in(tmp.path()) == std::vector<std::string>{"r.xlsx"});
}

TEST_CASE("write_xlsx leaves no file behind when it cannot write", "[report]") {
    test::TempDir tmp;
    SECTION("a missing folder") {
        const auto failure = test::failure_of(
            [&] { write_xlsx(sample_report(Language::de), tmp.file("missing/r.xlsx")); });
        CHECK(failure.kind == ErrorKind::output);
        CHECK_THAT(failure.message, Catch::Contains("missing/r.xlsx"));
        CHECK(files_in(tmp.path()).empty());
    }
    SECTION("a folder where the file should go") {
        std::filesystem::create_directory(tmp.file("r.xlsx"));
        const auto failure =
            test::failure_of([&] { write_xlsx(sample_report(Language::de), tmp.file("r.xlsx")); });
        CHECK(failure.kind == ErrorKind::output);
        CHECK_THAT(failure.message, Catch::Contains("r.xlsx"));
        CHECK(files_in(tmp.path()) == std::vector<std::string>{"r.xlsx"});
        CHECK(std::filesystem::is_empty(tmp.file("r.xlsx")));
    }
    SECTION("a text longer than a cell holds") {
        auto report = sample_report(Language::de);
        report.sections[0].paragraphs.push_back(std::string(40000, 'a'));
        const auto failure = test::failure_of([&] { write_xlsx(report, tmp.file("r.xlsx")); });
        CHECK(failure.kind == ErrorKind::output);
        CHECK_THAT(failure.message, Catch::Contains("r.xlsx"));
        CHECK(files_in(tmp.path()).empty());
    }
}

TEST_CASE("write_report xlsx needs --output", "[report]") {
    std::ostringstream out;
    const auto failure = test::failure_of([&] {
        write_report(sample_report(Language::de), ReportFormat::xlsx, std::nullopt, std::nullopt,
                     ReportSettings{}, out);
    });
    CHECK(failure.kind == ErrorKind::usage);
    CHECK(out.str().empty());
}

// Not run with the others: tests/tools/check_xlsx.sh runs it to get workbooks to read back.
TEST_CASE("write the sample workbooks into $WERKSTATT_XLSX_SAMPLE_DIR", "[.xlsx_sample]") {
    const char* dir = std::getenv("WERKSTATT_XLSX_SAMPLE_DIR");
    REQUIRE(dir != nullptr);
    write_xlsx(sample_report(Language::de), std::filesystem::path(dir) / "sample-de.xlsx");
    write_xlsx(sample_report(Language::en), std::filesystem::path(dir) / "sample-en.xlsx");
}
