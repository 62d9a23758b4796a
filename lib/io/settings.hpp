// SPDX-License-Identifier: GPL-3.0-or-later
// How listings are written for people and scripts ([output]).
#pragma once

#include "core/i18n.hpp"
#include "core/settings.hpp"
#include "io/records.hpp"

#include <functional>
#include <string>

namespace werkstatt {

// When a table may use colour.
enum class ColorMode { auto_detect, always, never };

struct OutputSettings {
    Format format = Format::table;
    ColorMode color = ColorMode::auto_detect;
};

// Return the keys output.format and output.color.
const SettingTable<OutputSettings>& output_settings_table();

// The languages werkstatt speaks ([ui], [documents]).
struct LanguageSettings {
    std::string ui = "auto";      // messages, tables, help: auto (the locale), de or en
    std::string documents = "de"; // what others read (cards, checklists, calendars, e-mails)
};

// Return the keys ui.lang and documents.lang.
const SettingTable<LanguageSettings>& language_settings_table();

// Return the language `setting` (a value of ui.lang or documents.lang, named `key`) asks for:
// "auto" (ui.lang only) is the locale's (language_from_environment()); a language werkstatt does
// not speak is English, and `warn` is told so in one line.
Language resolve_language(const std::string& key, const std::string& setting,
                          const std::function<void(const std::string&)>& warn);

} // namespace werkstatt
