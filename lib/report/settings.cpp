// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/settings.hpp"

#include "report/render.hpp"
#include "report/report.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt {

namespace {

std::optional<std::string> check_lang(const std::string& s) {
    if (s.empty() || s == "de" || s == "en") {
        return std::nullopt;
    }
    return fmt::format("must be de or en, not '{}'", s);
}

std::optional<std::string> check_delimiter(const std::string& s) {
    if (s == ";" || s == "," || s == "\t") {
        return std::nullopt;
    }
    return fmt::format("must be ';', ',' or a tab, not '{}'", s);
}

} // namespace

const SettingTable<ReportSettings>& report_settings_table() {
    static const auto table =
        SettingTable<ReportSettings>()
            .text("report.lang", &ReportSettings::lang,
                  "The language of reports without --lang: de (German) or en (English); empty: "
                  "documents.lang",
                  check_lang)
            .integer("report.min_cell", &ReportSettings::min_cell, 1, 99, "",
                     "Counts of persons from 1 to this are not published (shown as <N, N one "
                     "more); further cells are hidden so that none can be worked out")
            .text("report.network", &ReportSettings::network,
                  "The network's name at the head of every report")
            .text("report.csv.delimiter", &ReportSettings::csv_delimiter,
                  "The field separator of report CSV files: ';' (German Excel), ',' or a tab",
                  check_delimiter)
            .boolean("report.csv.bom", &ReportSettings::csv_bom,
                     "Begin report CSV files with a UTF-8 byte order mark (Excel then reads "
                     "umlauts right)");
    return table;
}

} // namespace werkstatt

namespace werkstatt {

namespace {

constexpr std::string_view k_period = "{period}";
constexpr std::string_view k_date = "{date}";

} // namespace

const std::vector<std::string_view>& named_report_keys() {
    static const std::vector<std::string_view> keys = {"kind",   "period", "format",
                                                       "output", "lang",   "table"};
    return keys;
}

std::optional<std::string> why_not_report_name(std::string_view name) {
    const std::string prefix = fmt::format("report.{}", name);
    for (const auto& def : report_settings_table().defs()) {
        const std::string_view key = def.key;
        if (key == prefix ||
            (key.size() > prefix.size() && key.substr(0, prefix.size()) == prefix &&
             key[prefix.size()] == '.')) {
            return fmt::format("'{}' cannot name a report: [report.{}] holds the setting {}; "
                               "choose another name",
                               name, name, key);
        }
    }
    if (name == "sensitive") { // [report.sensitive] of earlier versions: a retired table
        return fmt::format("'{}' cannot name a report: [report.{}] held the settings "
                           "report.sensitive.disability and report.sensitive.minority (now "
                           "privacy.special_categories); choose another name",
                           name, name);
    }
    const bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
    });
    if (!valid) {
        return fmt::format("'{}' cannot name a report: use ASCII letters, digits, - and _, "
                           "e.g. [report.quartalsbericht]",
                           name);
    }
    return std::nullopt;
}

std::optional<std::string> set_named_report_key(NamedReport& report, std::string_view key,
                                                const std::string& value) {
    std::optional<std::string> why;
    if (key == "kind") {
        if (const auto kind = report::parse_kind(value)) {
            report.kind = *kind;
        } else {
            why = fmt::format("'{}' is not a kind of report; use quarterly, annual, esf, "
                              "rotation, exchange or members",
                              value);
        }
    } else if (key == "period") {
        // A relative period resolves on every day, an absolute one on none or all.
        if (report::resolve_period(value, *Date::from_ymd(2000, 1, 1))) {
            report.period = value;
        } else {
            why = report::why_not_period(value);
        }
    } else if (key == "format") {
        if (report::parse_report_format(value)) {
            report.format = value;
        } else {
            why =
                fmt::format("'{}' is not a report format; use md, html, csv, json or xlsx", value);
        }
    } else if (key == "output") {
        why = why_not_output_template(value);
        report.output = value;
    } else if (key == "lang") {
        why = check_lang(value);
        report.lang = value;
    } else if (key == "table") {
        if (value.empty()) {
            why = "must name a table; leave it out for every table";
        }
        report.table = value;
    } else {
        return fmt::format("unknown key '{}'; the keys of a named report are {}", key,
                           fmt::join(named_report_keys(), ", "));
    }
    if (why) {
        return fmt::format("{}: {}", key, *why);
    }
    return std::nullopt;
}

std::optional<std::string> why_not_named_report(const NamedReport& report) {
    if (report.kind.empty()) {
        return std::string("has no kind; add kind = \"quarterly\" (or annual, esf, rotation, "
                           "exchange, members)");
    }
    if (report.period.empty()) {
        return std::string("has no period; add period = \"last-quarter\" (or another period)");
    }
    if (!report.table.empty() && report.format != "csv") {
        return std::string("has a table but is not csv; add format = \"csv\" or leave out table");
    }
    if (report.output.empty() && report.format == "xlsx") {
        return std::string("is xlsx without an output file; add output = \"...xlsx\"");
    }
    if (report.output.empty() && report.format == "csv" && report.table.empty()) {
        return std::string("is csv without an output folder; add output = \"FOLDER\" or a table");
    }
    return std::nullopt;
}

std::string expand_output(std::string_view output, std::string_view period, std::string_view date) {
    std::string expanded;
    for (std::size_t i = 0; i < output.size();) {
        if (output.substr(i, k_period.size()) == k_period) {
            expanded += period;
            i += k_period.size();
        } else if (output.substr(i, k_date.size()) == k_date) {
            expanded += date;
            i += k_date.size();
        } else {
            expanded += output[i++];
        }
    }
    return expanded;
}

std::optional<std::string> why_not_output_template(std::string_view output) {
    const auto rest = expand_output(output, "", "");
    const auto brace = rest.find_first_of("{}");
    if (brace == std::string::npos) {
        return std::nullopt;
    }
    return fmt::format("'{}' has a brace that is not {{period}} or {{date}}; those two are the "
                       "placeholders of an output path",
                       output);
}

} // namespace werkstatt
