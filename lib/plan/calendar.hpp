// SPDX-License-Identifier: GPL-3.0-or-later
// The year calendar: Sachsen-Anhalt's public holidays, school holidays and the network's events
// of one year.
#pragma once

#include "io/records.hpp"
#include "plan/planning.hpp"
#include "store/database.hpp"

namespace werkstatt {

// Return the public holidays of Sachsen-Anhalt, the spans of `school_holidays` that touch `year`
// (one row each, on its first day in the year) and the events of `year`, by date.
Records year_calendar(Database& db, int year, const PlannerHolidays& school_holidays);

} // namespace werkstatt
