// SPDX-License-Identifier: GPL-3.0-or-later
// The header of a CSV file whose columns have fixed names (the company and advisor imports): one
// way to compare names and one set of messages for unknown, doubled and missing columns.
#pragma once

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"

#include <fmt/format.h>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// Return a header name as the column tables spell it: trimmed, lower case, blanks and '-' as '_'
// ("Member Since" and "member-since" are member_since).
std::string csv_column_key(std::string_view header_name);

// Return field `number` (1-based) of a row under `header` as messages name it: column "plz",
// or field 4 where the header has no such column.
std::string csv_field_name(const std::vector<std::string>& header, std::size_t number);

// The columns a file of one kind may have.
template <typename Column>
struct CsvColumns {
    std::string_view what;                                   // "a company file", for messages
    const std::map<std::string, Column, std::less<>>& known; // by csv_column_key
    Column ignored;                         // known, read by nobody (id, district_ags)
    std::vector<std::string_view> required; // keys every file needs
    std::string_view help;                  // the columns, as a sentence for people
};

// Return the column of each field of `header` (from `source`). Throw Error(bad_data) naming file
// and line for an unknown column, a column given twice, or required columns that are missing.
template <typename Column>
std::vector<Column> map_csv_header(const CsvRecord& header, const std::string& source,
                                   const CsvColumns<Column>& spec) {
    const auto bad = [&](const std::string& what) {
        return Error(ErrorKind::bad_data, fmt::format("{}:{}: {}", source, header.line, what));
    };
    std::vector<Column> columns;
    std::map<Column, int> seen;
    for (const auto& raw : header.fields) {
        const auto it = spec.known.find(csv_column_key(raw));
        if (it == spec.known.end()) {
            throw bad(fmt::format("unknown column '{}'; {} has the columns {}",
                                  text::printable(raw, 40), spec.what, spec.help));
        }
        if (it->second != spec.ignored && ++seen[it->second] > 1) {
            throw bad(fmt::format("column '{}' appears twice; keep one", text::printable(raw, 40)));
        }
        columns.push_back(it->second);
    }
    std::vector<std::string> missing;
    for (const auto required : spec.required) {
        if (seen[spec.known.find(required)->second] == 0) {
            missing.push_back(fmt::format("'{}'", required));
        }
    }
    if (!missing.empty()) {
        throw bad(fmt::format(
            "{} {} missing; {} needs {}",
            (missing.size() == 1 ? "column " : "columns ") + text::join(missing, ", "),
            missing.size() == 1 ? "is" : "are", spec.what,
            text::join(std::vector<std::string>(spec.required.begin(), spec.required.end()),
                       ", ")));
    }
    return columns;
}

} // namespace werkstatt
