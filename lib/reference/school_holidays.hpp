// SPDX-License-Identifier: GPL-3.0-or-later
// The school holidays (Schulferien) of Sachsen-Anhalt as the Land fixed them, shipped as rule
// data (config/data/school_holidays.toml, compiled in) with the day they were checked and the
// last day they cover, because the Land decides them only some years ahead.
#pragma once

#include "domain/period.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// One span of school holidays ("Sommerferien" 2027-07-10..2027-08-20 of the school year
// 2026/27); `note` says why a row is less certain, or is empty.
struct SchoolHoliday {
    std::string school_year;
    std::string name;
    Period period;
    std::string note;
};

class SchoolHolidays {
  public:
    // Read the holidays from the TOML `text`; `source` names it in messages. Throw Error(config)
    // naming source and line on a TOML syntax error, an unknown or missing key, a date that is
    // not a date, a span that ends before it starts or after valid_until.
    static SchoolHolidays from_toml(std::string_view text, std::string_view source);
    // Return the holidays shipped in the binary (config/data/school_holidays.toml).
    static const SchoolHolidays& shipped();
    // Return the shipped holidays if `path` is empty, else read the file at `path` (an admin's
    // copy, planner.school_holidays_file); throw Error(config) if it cannot be read or is
    // invalid.
    static SchoolHolidays load(const std::string& path);

    // Return the spans, in the order of the file.
    const std::vector<SchoolHoliday>& holidays() const { return m_holidays; }
    // Return the day the dates were last checked, as YYYY-MM-DD.
    const std::string& valid_as_of() const { return m_valid_as_of; }
    // Return the last day the data covers: after it, school holidays are unknown.
    const Date& valid_until() const { return m_valid_until; }
    // Return where the dates come from (may be empty in an admin's copy).
    const std::vector<std::string>& sources() const { return m_sources; }
    // Return the file they were read from: "school_holidays.toml" or the admin's path.
    const std::string& origin() const { return m_origin; }

  private:
    SchoolHolidays() = default;
    std::vector<SchoolHoliday> m_holidays;
    std::string m_valid_as_of;
    Date m_valid_until;
    std::vector<std::string> m_sources;
    std::string m_origin;
};

} // namespace werkstatt
