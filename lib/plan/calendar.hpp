// SPDX-License-Identifier: GPL-3.0-or-later
// The year calendar: Sachsen-Anhalt's public holidays and the network's events of one year.
#pragma once

#include "io/records.hpp"
#include "store/database.hpp"

namespace werkstatt {

// Return the public holidays of Sachsen-Anhalt and the events of `year`, by date.
Records year_calendar(Database& db, int year);

} // namespace werkstatt
