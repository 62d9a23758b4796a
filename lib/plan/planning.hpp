// SPDX-License-Identifier: GPL-3.0-or-later
// The quarterly rotation over the store: read the pool, history and topics, plan, and on request
// write the planned meetings as events.
#pragma once

#include "events/events.hpp"
#include "plan/settings.hpp"
#include "reference/school_holidays.hpp"

#include <string>
#include <vector>

namespace werkstatt {

// What `event plan` asks for.
struct PlanRequest {
    Quarter from{};
    int quarters = 4;
    PlannerSettings planner; // [planner]
    EventDefaults defaults;  // [events]
};

// The plan and, when committed, the events it created (one per meeting with host and date),
// with warnings for the user.
struct PlanResult {
    std::vector<PlannedMeeting> meetings;
    std::vector<std::int64_t> event_ids;
    std::vector<std::string> warnings; // for people: dates past the known school holidays, a
                                       // planned event whose host is archived
};

// The school holidays meetings are kept out of, and the last day they are known for.
struct PlannerHolidays {
    std::vector<SchoolHoliday> holidays;
    Date known_until;
};

// Return the school holidays of `planner`: the shipped ones (or those of
// planner.school_holidays_file) followed by the periods of planner.school_holidays, and the last
// day they are known for (the data's valid_until, or a later end of a configured period). Throw
// Error(config) if planner.school_holidays_file cannot be read or is invalid.
PlannerHolidays planner_holidays(const PlannerSettings& planner);

// Plan the rotation of `request`, keeping meetings out of planner_holidays() as out of public
// holidays, and warn when a meeting falls after the last day the school holidays are known for;
// with `commit` = DryRun::no write each meeting that has a host and a date as a planned
// Werkstatt event, in one transaction with one audit row. A quarter skipped because it has a
// Werkstatt names that event in its explanation; if its host is archived, the explanation and a
// warning say so.
PlanResult plan_werkstatt(Database& db, const PlanRequest& request, DryRun commit);

// Return the plan as a listing (quarter, date, host, topics, explanation).
Records plan_records(const PlanResult& result);

} // namespace werkstatt
