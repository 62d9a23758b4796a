// SPDX-License-Identifier: GPL-3.0-or-later
// Public holidays (gesetzliche Feiertage) of Sachsen-Anhalt, for planning meetings around them.
#pragma once

#include "core/date.hpp"

#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// The first and last year whose holidays werkstatt knows.
inline constexpr int k_first_holiday_year = 1991;
inline constexpr int k_last_holiday_year = 2100;

// A public holiday of Sachsen-Anhalt: its day and its German name ("Reformationstag").
struct Holiday {
    Date date;
    std::string name;

    bool operator==(const Holiday&) const = default;
};

// Return Easter Sunday of `year` (1583 to 9999) by the Gregorian computus; throw a usage Error
// for other years.
Date easter_sunday(int year);

// Return the public holidays of Sachsen-Anhalt in `year` (1991 to 2100), sorted by date (two may
// share a day: Tag der Arbeit and Christi Himmelfahrt in 2008); throw a usage Error for other
// years.
std::vector<Holiday> holidays_of_year(int year);

// Return the public holiday of Sachsen-Anhalt on `day` (the first, should two share it), or
// nothing if there is none; throw a usage Error if the year of `day` is outside 1991 to 2100.
std::optional<Holiday> holiday_on(const Date& day);

} // namespace werkstatt
