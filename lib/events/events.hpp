// SPDX-License-Identifier: GPL-3.0-or-later
// Events of the Werkstatt: validated writes, status changes, attendance, host blocks, and their
// views. One transaction and one audit row per write.
#pragma once

#include "domain/company.hpp"
#include "domain/event.hpp"
#include "events/settings.hpp"
#include "io/records.hpp"
#include "store/database.hpp"
#include "store/event_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// Event fields as a user gave them; an empty optional leaves a field alone.
struct EventFields {
    std::optional<std::string> date;
    std::optional<std::string> host; // company key
    std::optional<std::string> kind;
    std::optional<std::string> start;
    std::optional<std::string> end;
    std::optional<std::string> title;
    std::optional<std::string> notes;
    std::optional<std::vector<std::string>> topics; // topic keys, in agenda order
    std::optional<std::int64_t> capacity;           // 0 clears it
};

// An event after a write, with the fields that changed and warnings for the user.
struct EventOutcome {
    Event event;
    std::vector<std::string> changed;
    std::vector<std::string> warnings;
};

// Return a new random iCalendar UID for an event ("<32 hex digits>@werkstatt").
std::string new_event_uid();

// Return the event with `id`; throw Error(not_found) otherwise.
Event require_event(Database& db, std::int64_t id);

// Add an event from `fields` (date and host required). Warn on a public holiday, a weekend, a
// host that cannot host or is too small, or a second Werkstatt in one quarter.
EventOutcome add_event(Database& db, const EventFields& fields, const EventDefaults& defaults,
                       DryRun dry_run);

// Change event `id` by the given `fields`, with the same checks as add_event; warn too when the
// event has more registrations than its seats (its capacity, else its host's).
EventOutcome edit_event(Database& db, std::int64_t id, const EventFields& fields, DryRun dry_run);

// Move event `id` to `status` (confirmed, held or cancelled with `reason`). Throw
// Error(conflict) for a change that makes no sense (cancelling a held event, holding a
// cancelled one).
EventOutcome set_event_status(Database& db, std::int64_t id, EventStatus status,
                              const std::string& reason, DryRun dry_run);

// Return the warnings for `event` at its host `host` (holiday, weekend, venue, more
// registrations than seats, quarter).
std::vector<std::string> event_warnings(Database& db, const Event& event, const Company& host);

// Whether a registration may exceed the event's capacity.
enum class Force { no, yes };

// Register contact `contact_id`, or a seat for the company with key `company_key`, for event
// `event_id`. Throw Error(conflict) when the event is full (unless `force`), cancelled or held,
// or the contact is registered already.
Registration register_for_event(Database& db, std::int64_t event_id,
                                std::optional<std::int64_t> contact_id,
                                std::optional<std::string> company_key, Force force,
                                DryRun dry_run);

// Record that contact `contact_id` `status` (attended, no-show, excused) event `event_id`;
// a contact who was not registered is registered on the way (`walk_in` says so).
Registration record_attendance(Database& db, std::int64_t event_id, std::int64_t contact_id,
                               AttendanceStatus status, bool& walk_in, DryRun dry_run);

// Block the company with key `company_key` from hosting during `period` (text as given).
HostBlock add_host_block(Database& db, const std::string& company_key, const std::string& period,
                         const std::string& reason, DryRun dry_run);
// Lift the block of `company_key` whose stored period reads as `period` in canonical form (not
// merely one that covers the same days) and return it; throw Error(not_found) if there is none.
HostBlock remove_host_block(Database& db, const std::string& company_key, const std::string& period,
                            DryRun dry_run);
// Return the host blocks, only those of the company with key `company_key` when given; throw
// Error(not_found) for an unknown company.
std::vector<HostBlock> host_blocks(Database& db, const std::optional<std::string>& company_key);
// Return the registrations of event `event_id`; throw Error(not_found) if there is no such event.
std::vector<Registration> event_registrations(Database& db, std::int64_t event_id);

// Return `events` as a listing.
Records event_records(const std::vector<Event>& events);
// Return one event with its agenda and registrations.
Detail event_detail(Database& db, const Event& event);
// Return event `id` with its agenda and registrations; throw Error(not_found) if there is none.
Detail event_detail(Database& db, std::int64_t id);
// Return `registrations` as a listing.
Records registration_records(const std::vector<Registration>& registrations);
// Return `blocks` as a listing.
Records host_block_records(const std::vector<HostBlock>& blocks);

} // namespace werkstatt
