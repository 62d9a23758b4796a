// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/settings.hpp"

namespace werkstatt {

const SettingTable<OutputSettings>& output_settings_table() {
    static const auto table =
        SettingTable<OutputSettings>()
            .choice("output.format", &OutputSettings::format,
                    {{"table", Format::table}, {"json", Format::json}, {"csv", Format::csv}},
                    "The default format of listings: table for people, json or csv for scripts")
            .choice("output.color", &OutputSettings::color,
                    {{"auto", ColorMode::auto_detect},
                     {"always", ColorMode::always},
                     {"never", ColorMode::never}},
                    "Colour in tables and warnings: auto (on a terminal without NO_COLOR), "
                    "always or never")
            .choice("csv.dialect", &OutputSettings::csv_dialect,
                    {{"rfc4180", CsvDialect::rfc4180}, {"excel-de", CsvDialect::excel_de}},
                    "CSV of listings: rfc4180 (',', decimal point) or excel-de (';', UTF-8 with "
                    "byte order mark, decimal comma), both with CRLF");
    return table;
}

} // namespace werkstatt
