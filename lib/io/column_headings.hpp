// SPDX-License-Identifier: GPL-3.0-or-later
// The headings of table columns and the labels of a record's fields in the language of the
// program (ui_language()): the JSON key in English, its translation from the catalogue (context
// "column") in German. JSON keys and CSV column names never change with the language.
#pragma once

#include <string>
#include <string_view>

namespace werkstatt {

// Return whether `column` is one of the names listings show, which the catalogue translates.
bool has_heading(std::string_view column);
// Return the label of field `column` in a record's view: its translation, or the name itself.
std::string field_label(std::string_view column);
// Return the heading of column `column` of a table: its label in capitals, "_" as a blank
// (FIRST NAME, VORNAME, GRÖSSE).
std::string column_heading(std::string_view column);

} // namespace werkstatt
