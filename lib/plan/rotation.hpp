// SPDX-License-Identifier: GPL-3.0-or-later
// The quarterly host rotation (Gastgeber-Rotation): which member company hosts the Werkstatt in
// which quarter, on which day, and which topics (Themen) it takes up. Pure logic over plain
// structs; the caller reads companies, history and topics from the store and prints the plan.
#pragma once

#include "core/date.hpp"
#include "domain/period.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// The part of Sachsen-Anhalt a company lies in; the caller maps its district (Landkreis) to this.
enum class Region { north, south, unknown };

// Return the region of the district `ags` (none: unknown): north if `north` lists it, else south.
Region region_of_district(const std::optional<std::string>& ags,
                          const std::vector<std::string>& north);

// A member company as the planner sees it.
struct HostCandidate {
    std::int64_t id = 0;
    std::string key;                      // "mueller"
    std::string name;                     // "Müller Metallbau GmbH"
    bool active = true;                   // false once archived
    bool can_host = false;                // may host a Werkstatt meeting
    std::optional<std::int64_t> capacity; // seats at the venue; empty when unknown
    Region region = Region::unknown;      // from its district (caller maps district -> region)
    std::optional<Date> member_since;
    std::vector<Period> blocked; // periods in which it cannot host
};

// An earlier Werkstatt meeting (held or planned, not cancelled) hosted by `company_id` on `date`.
struct PastHosting {
    std::int64_t company_id = 0;
    Date date;
};

// A topic of the catalogue with its place `order` and the day it was `last_covered`, if ever.
struct TopicUse {
    std::string key;
    int order = 0;
    std::optional<Date> last_covered;
};

// The rules of the rotation, from the configuration.
struct RotationRules {
    // The venue must seat at least this many; an unknown capacity is not enough when > 0.
    std::int64_t min_capacity = 20;
    // A company hosts again only after this many quarters; 0 = once every eligible one has hosted.
    int min_quarters_between = 0;
    int weekday = 4; // ISO weekday of the meeting, 1 = Monday ... 7 = Sunday; 4 = Thursday
    int week = 2;    // the Nth such weekday of the middle month (1..4; 5 or -1 = last)
    bool alternate_regions = true; // prefer the other region than the previous host's
    int topics_per_event = 2;
    std::vector<Period> school_holidays; // meeting dates are moved off these and public holidays
};

// Return true if a venue that seats `capacity` (none: unknown) is big enough under `rules`: at
// least rules.min_capacity seats; an unknown capacity only when min_capacity is 0.
bool seats_enough(const std::optional<std::int64_t>& capacity, const RotationRules& rules);

// What the planner is asked: `quarters` quarters from `from`, with the pool, history and topics.
struct RotationInput {
    Quarter from{};
    int quarters = 0;
    std::vector<HostCandidate> companies;
    std::vector<PastHosting> history;
    std::vector<Quarter> quarters_with_werkstatt; // already have one: skipped, not planned again
    std::vector<TopicUse> topics;
    RotationRules rules;
};

// One quarter of the plan.
struct PlannedMeeting {
    Quarter quarter{};
    std::optional<std::int64_t> host_id; // empty when no host could be found (see explanation)
    std::string host_key;
    std::string host_name;
    std::optional<Date> date;
    std::vector<std::string> topic_keys;  // least recently covered first
    std::vector<std::string> explanation; // lines for people: host, date, topics, exclusions
    bool skipped = false;                 // the quarter already had a Werkstatt
};

// Plan one Werkstatt per quarter from `input.from` for `input.quarters` quarters and return one
// entry per quarter, in order. The rules:
//
// - A quarter listed in `quarters_with_werkstatt` is returned skipped, with nothing planned; it
//   still counts among the `quarters`. A hosting counts for the quarters after its own: history
//   entries by the quarter of their date, each planned meeting for the quarters that follow.
// - A company is eligible in a quarter if it is active, can host, seats at least `min_capacity`
//   (unknown capacity fails when `min_capacity` > 0), is not blocked (a blocked period contains
//   the meeting date; when the quarter has no date, a blocked period touching the quarter), and
//   is within the repeat limit. With `min_quarters_between` = N > 0, a company that hosted in any
//   of the N quarters before this one is out. With 0, the rotation goes in rounds over the
//   companies otherwise eligible now: a round ends when each of them has hosted (other hostings
//   are ignored), and a company that hosted in the current round is out.
// - Among the eligible, if `alternate_regions` and the previous host (the last hosting before the
//   quarter) has a known region and some eligible company lies in the other region, only those
//   are considered. Then the one whose last hosting is longest ago goes first (never hosted
//   first), ties by earlier `member_since` (unknown last), then by key, then by id; so the order
//   of `companies` does not matter.
// - The explanation names each company excluded for its capacity, a block or the repeat limit;
//   archived companies and those that cannot host are left out of it (they never host).
// - If nobody is eligible the meeting has no host, the explanation says why, and planning goes on.
// - Each planned meeting (with or without host) proposes the `topics_per_event` topics covered
//   least recently (never first, then oldest, ties by `order`, then key); they count as covered
//   on the meeting's date (the quarter's first day when it has none) for later quarters.
// - The date is meeting_date(); when there is none the meeting has no date and the explanation
//   says so.
//
// Throw a usage Error for a negative `quarters`, `min_quarters_between` or `topics_per_event`,
// for rules that meeting_date() refuses, and for quarters outside the holiday calendar.
std::vector<PlannedMeeting> plan_rotation(const RotationInput& input);

// Return the meeting date of quarter `q` under `rules`: the `rules.week`-th `rules.weekday` of
// the middle month, moved a week later (then earlier from the first choice, once the quarter's
// end is reached) until it is neither a public holiday of Sachsen-Anhalt nor inside one of
// `rules.school_holidays`; nothing if no such day exists in the quarter. Throw a usage Error if
// `rules.weekday` is not 1 to 7, `rules.week` not 1 to 5 or -1, or the year has no holiday
// calendar (see holidays_of_year).
std::optional<Date> meeting_date(const Quarter& q, const RotationRules& rules);

} // namespace werkstatt
