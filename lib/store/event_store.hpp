// SPDX-License-Identifier: GPL-3.0-or-later
// Rows of the event, event_topic, registration and host_block tables as domain structs.
#pragma once

#include "domain/event.hpp"
#include "store/database.hpp"

#include <optional>
#include <vector>

namespace werkstatt {

// Which events a listing shows.
struct EventFilter {
    std::optional<Period> period;
    std::optional<EventStatus> status;
    std::optional<EventKind> kind;
    std::optional<std::int64_t> host_id;
};

// Return the event with `id`, or nothing.
std::optional<Event> find_event(Database& db, std::int64_t id);
// Return the events that pass `filter`, by date, start time and id.
std::vector<Event> list_events(Database& db, const EventFilter& filter);
// Insert `event` (with its topics) and return its new id.
std::int64_t insert_event(Database& db, const Event& event);
// Write every field of `event` (and its topics) over the row with its id.
void update_event(Database& db, const Event& event);

// Return the id of the topic with `key`, or nothing.
std::optional<std::int64_t> find_topic_id(Database& db, std::string_view key);
// Return, per topic key, the date of the latest non-cancelled event that covered it.
std::vector<std::pair<std::string, Date>> topic_last_covered(Database& db);

// Return the registrations of event `event_id`, by company key and name.
std::vector<Registration> list_registrations(Database& db, std::int64_t event_id);
// Insert `registration` and return its new id.
std::int64_t insert_registration(Database& db, const Registration& registration);
// Set the status of registration `id` to `status`.
void update_registration_status(Database& db, std::int64_t id, AttendanceStatus status);

// Return the host blocks of `company_id` (all companies if empty), by company key and start.
std::vector<HostBlock> list_host_blocks(Database& db, std::optional<std::int64_t> company_id);
// Insert `block` and return its new id.
std::int64_t insert_host_block(Database& db, const HostBlock& block);
// Delete the host block with `id`.
void delete_host_block(Database& db, std::int64_t id);

} // namespace werkstatt
