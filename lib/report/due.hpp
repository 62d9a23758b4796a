// SPDX-License-Identifier: GPL-3.0-or-later
// The coordinator's one list of what is due (`werkstatt due`): consents and residence titles that
// end, follow-ups of hires, confirmations of the pool, placements that got stuck, advisory
// services to check and the next meeting. Each item names a record by number and kind, never a
// person's name or contact data, and says what to do.
#pragma once

#include "applicants/settings.hpp"
#include "core/date.hpp"
#include "io/records.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace werkstatt {

// What a due list looks at.
struct DueQuery {
    Date today;
    int within_days = 14;                 // what falls due up to this many days ahead
    ExchangeSettings exchange;            // confirmations, stuck placements, follow-ups
    std::int64_t verify_after_days = 365; // advisor.verify_after_days
    int permit_warn_days = 60;            // unused when within_days is longer
};

// One thing that is due.
struct DueItem {
    std::string kind;    // consent-ended, consent-ending, permit-ended, permit-ending, followup,
                         // confirmation, paused, stuck, advisor-check, event
    Date date;           // the day it fell or falls due
    std::string entity;  // candidate, placement, followup, advisor, event
    std::int64_t id = 0; // the record's number
    std::string what;    // what it is, in a few words
    std::string action;  // the command that deals with it
};

// Return what is due on `query.today`, most urgent first: by the day it fell or falls due, the
// oldest first, then by kind and record.
std::vector<DueItem> due_items(Database& db, const DueQuery& query);

// Return `items` as a listing (due_on, days, kind, entity, id, what, action); days is negative
// for what is overdue.
Records due_records(const std::vector<DueItem>& items, Date today);

// Return `items` as Markdown for a mail: a heading and one bullet per item.
std::string due_markdown(const std::vector<DueItem>& items, Date today);

} // namespace werkstatt
