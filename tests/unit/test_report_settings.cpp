// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/settings.hpp"

#include <catch2/catch.hpp>
#include <string>

using werkstatt::NamedReport;

TEST_CASE("report settings: a named report takes its keys and checks each value", "[report]") {
    NamedReport r;
    r.name = "quartalsbericht";
    CHECK_FALSE(werkstatt::set_named_report_key(r, "kind", "Quartalsbericht"));
    CHECK(r.kind == "quarterly");
    CHECK_FALSE(werkstatt::set_named_report_key(r, "period", "last-quarter"));
    CHECK_FALSE(werkstatt::set_named_report_key(r, "period", "2027Q1..2027Q2"));
    CHECK(r.period == "2027Q1..2027Q2");
    CHECK_FALSE(werkstatt::set_named_report_key(r, "format", "html"));
    CHECK_FALSE(werkstatt::set_named_report_key(r, "output", "/srv/q-{period}-{date}.html"));
    CHECK_FALSE(werkstatt::set_named_report_key(r, "lang", "en"));
    CHECK(r.format == "html");
    CHECK(r.lang == "en");
    CHECK_FALSE(werkstatt::why_not_named_report(r));

    const auto why_kind = werkstatt::set_named_report_key(r, "kind", "wochenbericht");
    REQUIRE(why_kind);
    CHECK(*why_kind == "kind: 'wochenbericht' is not a kind of report; use quarterly, annual, "
                       "esf, rotation, exchange or members");
    CHECK(r.kind == "quarterly");
    const auto why_period = werkstatt::set_named_report_key(r, "period", "next-quarter");
    REQUIRE(why_period);
    CHECK_THAT(*why_period, Catch::StartsWith("period: period 'next-quarter' does not parse"));
    CHECK_THAT(*why_period, Catch::Contains("last-quarter"));
    CHECK(werkstatt::set_named_report_key(r, "format", "pdf"));
    CHECK(werkstatt::set_named_report_key(r, "lang", "fr"));
    CHECK(werkstatt::set_named_report_key(r, "table", ""));
    CHECK(werkstatt::set_named_report_key(r, "output", "q-{quarter}.md"));
    const auto unknown = werkstatt::set_named_report_key(r, "ouput", "x.md");
    REQUIRE(unknown);
    CHECK(*unknown == "unknown key 'ouput'; the keys of a named report are kind, period, "
                      "format, output, lang, table");
}

TEST_CASE("report settings: a named report needs a kind and a period, and fitting options",
          "[report]") {
    NamedReport r;
    r.name = "q";
    CHECK_THAT(werkstatt::why_not_named_report(r).value_or(""), Catch::StartsWith("has no kind"));
    r.kind = "quarterly";
    CHECK_THAT(werkstatt::why_not_named_report(r).value_or(""), Catch::StartsWith("has no period"));
    r.period = "last-quarter";
    CHECK_FALSE(werkstatt::why_not_named_report(r)); // md to stdout
    r.table = "events";
    CHECK_THAT(werkstatt::why_not_named_report(r).value_or(""),
               Catch::StartsWith("has a table but is not csv"));
    r.format = "csv";
    CHECK_FALSE(werkstatt::why_not_named_report(r)); // one table to stdout
    r.table.clear();
    CHECK_THAT(werkstatt::why_not_named_report(r).value_or(""),
               Catch::StartsWith("is csv without an output folder"));
    r.output = "/srv/q-{period}";
    CHECK_FALSE(werkstatt::why_not_named_report(r));
    r.format = "xlsx";
    r.output.clear();
    CHECK_THAT(werkstatt::why_not_named_report(r).value_or(""),
               Catch::StartsWith("is xlsx without an output file"));
}

TEST_CASE("report settings: names of settings and odd characters cannot name a report",
          "[report]") {
    CHECK_FALSE(werkstatt::why_not_report_name("quartalsbericht"));
    CHECK_FALSE(werkstatt::why_not_report_name("Jahres-Bericht_2"));
    for (const char* taken : {"sensitive", "csv", "lang", "min_cell", "network"}) {
        INFO(taken);
        const auto why = werkstatt::why_not_report_name(taken);
        REQUIRE(why);
        CHECK_THAT(*why, Catch::Contains("cannot name a report: [report."));
    }
    CHECK_FALSE(werkstatt::why_not_report_name("sens")); // a prefix of a table is a name
    for (const char* odd : {"", "mein bericht", "bericht.2", "ärzte"}) {
        INFO(odd);
        CHECK_THAT(werkstatt::why_not_report_name(odd).value_or(""),
                   Catch::Contains("use ASCII letters, digits, - and _"));
    }
}

TEST_CASE("report settings: {period} and {date} are replaced in an output path", "[report]") {
    CHECK(werkstatt::expand_output("/srv/q-{period}-{date}.md", "2027Q1", "2027-04-01") ==
          "/srv/q-2027Q1-2027-04-01.md");
    CHECK(werkstatt::expand_output("{period}/{period}.csv", "2027", "x") == "2027/2027.csv");
    CHECK(werkstatt::expand_output("plain.md", "2027", "x") == "plain.md");
    CHECK(werkstatt::expand_output("{perio}{date", "2027", "x") == "{perio}{date");
    CHECK_FALSE(werkstatt::why_not_output_template("/srv/{period}-{date}.md"));
    for (const char* bad : {"{perio}.md", "q-{date.md", "q}.md", "{{period}}"}) {
        INFO(bad);
        CHECK_THAT(werkstatt::why_not_output_template(bad).value_or(""),
                   Catch::Contains("is not {period} or {date}"));
    }
}
