// SPDX-License-Identifier: GPL-3.0-or-later
// Import profiles ([import.profile.NAME]): which column of an agency's file feeds which field,
// how dates are written, and how the agency spells values werkstatt knows by code.
#pragma once

#include "applicants/fields.hpp"
#include "import/settings.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// Where a field's value stands in a row: under a header, or at a 1-based position.
struct ColumnRef {
    std::string header;
    int position = 0;
};

struct ImportProfile {
    std::string name;
    std::string origin; // the file that defines it
    RecordKind kind = RecordKind::candidate;
    bool header = true;
    DateFormat date_format = DateFormat::german;
    std::string source;
    std::string encoding = "auto";
    char delimiter = '\0';                                  // '\0': detect
    std::vector<std::pair<std::string, ColumnRef>> columns; // field -> column, in file order
    // field -> (folded agency spelling -> werkstatt code)
    std::map<std::string, std::map<std::string, std::string>> values;
};

// Return the profile `name`: from `sources` (later files win) or the shipped ones. Throw
// Error(usage) naming the known profiles if there is none, Error(config) naming file and line if
// it is malformed.
ImportProfile find_profile(const std::vector<ProfileSource>& sources, std::string_view name);

// Return every profile: shipped ones, then those of `sources` (which replace same names).
std::vector<ImportProfile> all_profiles(const std::vector<ProfileSource>& sources);

// Return the problems of the profiles in `sources` (empty if none), as "FILE:LINE: message".
std::vector<std::string> check_profiles(const std::vector<ProfileSource>& sources);

} // namespace werkstatt
