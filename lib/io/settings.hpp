// SPDX-License-Identifier: GPL-3.0-or-later
// How listings are written for people and scripts ([output], [csv]).
#pragma once

#include "core/settings.hpp"
#include "io/records.hpp"

namespace werkstatt {

// When a table may use colour.
enum class ColorMode { auto_detect, always, never };

struct OutputSettings {
    Format format = Format::table;
    ColorMode color = ColorMode::auto_detect;
    CsvDialect csv_dialect = CsvDialect::rfc4180;
};

// Return the keys output.format, output.color and csv.dialect.
const SettingTable<OutputSettings>& output_settings_table();

} // namespace werkstatt
