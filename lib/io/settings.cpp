// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/settings.hpp"

#include "core/text.hpp"

#include <fmt/format.h>

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

const SettingTable<LanguageSettings>& language_settings_table() {
    // Not refused when unknown: a language werkstatt does not speak falls back to English.
    static const auto table =
        SettingTable<LanguageSettings>()
            .text("ui.lang", &LanguageSettings::ui,
                  "The language of messages, tables and help: auto (the locale: LC_ALL, "
                  "LC_MESSAGES, LANG), de or en")
            .text("documents.lang", &LanguageSettings::documents,
                  "The language of what others read (candidate cards, checklists, calendar "
                  "entries, invitations): de or en");
    return table;
}

Language resolve_language(const std::string& key, const std::string& setting,
                          const std::function<void(const std::string&)>& warn) {
    if (setting == "auto" && key == "ui.lang") {
        return language_from_environment();
    }
    if (const auto lang = parse_language(setting)) {
        return *lang;
    }
    if (warn) {
        warn(_f("{} = \"{}\" is not a language werkstatt speaks (de, en): "
                "using English",
                key, text::display_safe(setting, 20)));
    }
    return Language::en;
}

} // namespace werkstatt
