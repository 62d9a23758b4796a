// SPDX-License-Identifier: GPL-3.0-or-later
// What shapes every report besides the data ([report]): its language, the smallest count it
// publishes, and how CSV is written.
#pragma once

#include "core/settings.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// The settings of `werkstatt report` ([report], [report.csv]); whether special categories are
// collected is privacy.special_categories (lib/privacy/settings.hpp).
struct ReportSettings {
    std::string lang; // the language of a report without --lang: de or en; empty: documents.lang
    int min_cell = 3; // counts from 1 to min_cell are not published ("<4")
    std::string network = "Betriebliche Werkstatt Arbeits-(Kultur-)Integration";
    std::string csv_delimiter = ";"; // German Excel reads ; as the field separator
    bool csv_bom = true;             // a UTF-8 byte order mark, so that Excel reads UTF-8
};

// Return the keys report.lang, report.min_cell, report.network, report.csv.delimiter and
// report.csv.bom.
const SettingTable<ReportSettings>& report_settings_table();

// A named report ([report.NAME]): a report with its options kept in the configuration, which
// `werkstatt report run NAME` writes, for cron. Values are checked when the file is read.
struct NamedReport {
    std::string name;          // NAME, e.g. "quartalsbericht"
    std::string kind;          // the kind's English name (a German alias is accepted in the file)
    std::string period;        // e.g. "last-quarter", resolved against --date when run
    std::string format = "md"; // md, html, csv, json or xlsx
    std::string output;        // file (csv: folder) with {period} and {date}; empty: stdout
    std::string lang;          // de or en; empty: report.lang
    std::string table;         // csv only: this one table; empty: every table
    std::string origin;        // "FILE:LINE" of its table
};

// Return the keys of a [report.NAME] table: kind, period, format, output, lang, table.
const std::vector<std::string_view>& named_report_keys();
// Return why `name` cannot name a report (a name taken by a setting or a table of settings,
// such as sensitive and csv, or characters other than ASCII letters, digits, - and _), or
// nothing.
std::optional<std::string> why_not_report_name(std::string_view name);
// Set `key` of `report` to `value` (the kind's German name becomes the English one); return why
// not (an unknown key, a value that is not allowed), or nothing.
std::optional<std::string> set_named_report_key(NamedReport& report, std::string_view key,
                                                const std::string& value);
// Return what is wrong with the whole of `report` (no kind or period, a table without csv, a
// format that needs an output file), or nothing.
std::optional<std::string> why_not_named_report(const NamedReport& report);
// Return `output` with {period} replaced by `period` ("2027Q1") and {date} by `date`
// ("2027-04-01"); other text in braces is left as it is (why_not_output_template refuses it).
std::string expand_output(std::string_view output, std::string_view period, std::string_view date);
// Return why `output` is not a valid output template (braces other than {period} and {date}),
// or nothing.
std::optional<std::string> why_not_output_template(std::string_view output);

} // namespace werkstatt
