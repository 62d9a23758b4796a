// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/settings.hpp"

namespace werkstatt {

namespace {

std::optional<std::string> check_lang(const std::string& s) {
    if (s == "de" || s == "en") {
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
                  "The language of reports without --lang: de (German) or en (English)", check_lang)
            .integer("report.min_cell", &ReportSettings::min_cell, 1, 99, "",
                     "Counts of persons from 1 to this are not published (shown as <N, N one "
                     "more); further cells are hidden so that none can be worked out")
            .text("report.network", &ReportSettings::network,
                  "The network's name at the head of every report")
            .boolean("report.sensitive.disability", &ReportSettings::sensitive_disability,
                     "Record and report disability (Art. 9 GDPR), only for persons who "
                     "consented; off: the ESF report says not collected")
            .boolean("report.sensitive.minority", &ReportSettings::sensitive_minority,
                     "Record and report membership of a minority (Art. 9 GDPR), only for "
                     "persons who consented; off: the ESF report says not collected")
            .text("report.csv.delimiter", &ReportSettings::csv_delimiter,
                  "The field separator of report CSV files: ';' (German Excel), ',' or a tab",
                  check_delimiter)
            .boolean("report.csv.bom", &ReportSettings::csv_bom,
                     "Begin report CSV files with a UTF-8 byte order mark (Excel then reads "
                     "umlauts right)");
    return table;
}

} // namespace werkstatt
