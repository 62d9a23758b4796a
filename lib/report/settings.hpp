// SPDX-License-Identifier: GPL-3.0-or-later
// What shapes every report besides the data ([report]): its language, the smallest count it
// publishes, whether special categories of personal data are collected, and how CSV is written.
#pragma once

#include "core/settings.hpp"

#include <cstdint>
#include <string>

namespace werkstatt {

// The settings of `werkstatt report` ([report], [report.sensitive], [report.csv]).
struct ReportSettings {
    std::string lang = "de"; // the language of a report without --lang: de or en
    int min_cell = 3;        // counts from 1 to min_cell are not published ("<4")
    std::string network = "Betriebliche Werkstatt Arbeits-(Kultur-)Integration";
    bool sensitive_disability = false; // record and report disability (Art. 9 GDPR)
    bool sensitive_minority = false;   // record and report membership of a minority (Art. 9)
    std::string csv_delimiter = ";";   // German Excel reads ; as the field separator
    bool csv_bom = true;               // a UTF-8 byte order mark, so that Excel reads UTF-8
};

// Return the keys report.lang, report.min_cell, report.network, report.sensitive.disability,
// report.sensitive.minority, report.csv.delimiter and report.csv.bom.
const SettingTable<ReportSettings>& report_settings_table();

} // namespace werkstatt
