// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/rotation.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "reference/holidays.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <set>
#include <tuple>

namespace werkstatt {

bool seats_enough(const std::optional<std::int64_t>& capacity, const RotationRules& rules) {
    return capacity ? *capacity >= rules.min_capacity : rules.min_capacity <= 0;
}

Region region_of_district(const std::optional<std::string>& ags,
                          const std::vector<std::string>& north) {
    if (!ags) {
        return Region::unknown;
    }
    const bool is_north = std::find(north.begin(), north.end(), *ags) != north.end();
    return is_north ? Region::north : Region::south;
}

namespace {

// A hosting the planner knows of: from the history or planned in an earlier quarter.
struct Hosting {
    std::int64_t company_id;
    Date date;
    Quarter quarter;
};

// Why a company cannot host in a quarter.
enum class Exclusion { none, archived, cannot_host, too_small, blocked, hosted_recently };

// A company's standing in one quarter: excluded or not, and its last hosting before it.
struct Assessment {
    const HostCandidate* company;
    std::optional<Hosting> last;
    Exclusion exclusion = Exclusion::none;
    std::string why;
    std::size_t still_to_host = 0; // set when excluded because it hosted in the current round
};

// What the planner carries from one quarter to the next.
struct PlanState {
    std::vector<HostCandidate> companies; // sorted by key, then id
    std::vector<Hosting> hostings;        // sorted by date, then company id
    std::vector<TopicUse> topics;
};

// Return true if `x` comes before `y` in the order of hostings: by date, then company id.
bool hosted_before(const Hosting& x, const Hosting& y) {
    return std::tie(x.date, x.company_id) < std::tie(y.date, y.company_id);
}

long quarter_index(const Quarter& q) {
    return 4L * q.year + (q.q - 1);
}

const char* region_name(Region region) {
    return region == Region::north ? "north" : region == Region::south ? "south" : "unknown";
}

const char* weekday_name(int weekday) {
    static const char* const names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
    return names[weekday - 1];
}

void check_rules(const RotationRules& rules) {
    if (rules.weekday < 1 || rules.weekday > 7) {
        throw Error(ErrorKind::usage,
                    _f("meeting weekday {} does not exist; choose 1 (Monday) to 7 "
                       "(Sunday)",
                       rules.weekday));
    }
    if (rules.week != -1 && (rules.week < 1 || rules.week > 5)) {
        throw Error(ErrorKind::usage, _f("meeting week {} does not exist; choose 1 to 4, "
                                         "or 5 or -1 for the last",
                                         rules.week));
    }
}

// Return the `rules.week`-th `rules.weekday` of the middle month of `q`, before any move.
Date nominal_date(const Quarter& q, const RotationRules& rules) {
    const int month = q.middle_month();
    if (rules.week == -1 || rules.week == 5) {
        const Date last = *Date::from_ymd(q.year, month, days_in_month(q.year, month));
        return last + -((last.iso_weekday() - rules.weekday + 7) % 7);
    }
    const Date first = *Date::from_ymd(q.year, month, 1);
    return first + ((rules.weekday - first.iso_weekday() + 7) % 7 + 7 * (rules.week - 1));
}

// Return why no meeting can be held on `day` (a holiday's name, or the school holidays), or
// nothing.
std::optional<std::string> date_conflict(const Date& day, const RotationRules& rules) {
    if (const auto holiday = holiday_on(day)) {
        return holiday->name;
    }
    for (const Period& period : rules.school_holidays) {
        if (period.contains(day)) {
            return "school holidays " + period.str();
        }
    }
    return std::nullopt;
}

// Return the last hosting in `hostings` before quarter `q` (of `company_id` only, if given).
std::optional<Hosting> last_hosting(const std::vector<Hosting>& hostings, const Quarter& q,
                                    std::optional<std::int64_t> company_id) {
    std::optional<Hosting> last;
    for (const Hosting& h : hostings) {
        if (h.quarter < q && (!company_id || h.company_id == *company_id)) {
            last = h;
        }
    }
    return last;
}

// Return the blocked period of `c` that rules it out on `date` (or in `q` when there is no date).
std::optional<Period> blocking(const HostCandidate& c, const Quarter& q,
                               const std::optional<Date>& date) {
    for (const Period& p : c.blocked) {
        const bool hit =
            date ? p.contains(*date) : p.first() <= q.last_day() && q.first_day() <= p.last();
        if (hit) {
            return p;
        }
    }
    return std::nullopt;
}

// Mark `a` as excluded because of `reason`, described by `why`.
void exclude(Assessment& a, Exclusion reason, const std::string& why) {
    a.exclusion = reason;
    a.why = fmt::format("excluded: {} {}", a.company->key, why);
}

// Judge `a` by everything but the repeat limit: archive, hosting, capacity and blocked periods.
void assess_standing(Assessment& a, const Quarter& q, const std::optional<Date>& date,
                     const RotationRules& rules) {
    const HostCandidate& c = *a.company;
    if (!c.active) {
        exclude(a, Exclusion::archived, "archived");
    } else if (!c.can_host) {
        exclude(a, Exclusion::cannot_host, "cannot host");
    } else if (!seats_enough(c.capacity, rules)) {
        exclude(a, Exclusion::too_small,
                c.capacity ? fmt::format("seats {}, fewer than {}", *c.capacity, rules.min_capacity)
                           : std::string("capacity unknown"));
    } else if (const auto period = blocking(c, q, date)) {
        exclude(a, Exclusion::blocked, "blocked " + period->str());
    }
}

// Return the ids in `pool` that hosted in the current round: scan `hostings` before `q` in order
// and start a new round each time every company of the pool has hosted.
std::set<std::int64_t> hosted_this_round(const std::vector<Hosting>& hostings,
                                         const std::set<std::int64_t>& pool, const Quarter& q) {
    std::set<std::int64_t> round;
    for (const Hosting& h : hostings) {
        if (h.quarter < q && pool.count(h.company_id) > 0) {
            round.insert(h.company_id);
            if (round.size() == pool.size()) {
                round.clear();
            }
        }
    }
    return round;
}

// Exclude from `assessed` the companies that hosted too recently before `q` under `rules`.
void apply_repeat_limit(std::vector<Assessment>& assessed, const std::vector<Hosting>& hostings,
                        const Quarter& q, const RotationRules& rules) {
    const int n = rules.min_quarters_between;
    std::set<std::int64_t> pool;
    for (const Assessment& a : assessed) {
        if (a.exclusion == Exclusion::none) {
            pool.insert(a.company->id);
        }
    }
    const auto round = n == 0 ? hosted_this_round(hostings, pool, q) : std::set<std::int64_t>{};
    for (Assessment& a : assessed) {
        if (a.exclusion != Exclusion::none || !a.last) {
            continue;
        }
        const std::string when = a.last->quarter.str();
        if (n > 0 && quarter_index(q) - quarter_index(a.last->quarter) <= n) {
            exclude(a, Exclusion::hosted_recently,
                    fmt::format("hosted {}, within {} quarter(s) before", when, n));
        } else if (n == 0 && round.count(a.company->id) > 0) {
            exclude(a, Exclusion::hosted_recently, "hosted " + when);
            a.why = a.company->key + " " + when; // listed on one line with the others
            a.still_to_host = pool.size() - round.size();
        }
    }
}

// Return the standing of every company in `state` for quarter `q` with meeting `date`.
std::vector<Assessment> assess(const PlanState& state, const Quarter& q,
                               const std::optional<Date>& date, const RotationRules& rules) {
    std::vector<Assessment> assessed;
    for (const HostCandidate& c : state.companies) {
        Assessment a{&c, last_hosting(state.hostings, q, c.id), Exclusion::none, {}, 0};
        assess_standing(a, q, date, rules);
        assessed.push_back(std::move(a));
    }
    apply_repeat_limit(assessed, state.hostings, q, rules);
    return assessed;
}

// Return the day `a` last hosted, or nothing if never (which sorts first).
std::optional<Date> last_date(const Assessment* a) {
    return a->last ? std::optional<Date>(a->last->date) : std::nullopt;
}

// Return true if `x` should host before `y`: longest ago, earlier member, key, id.
bool goes_first(const Assessment* x, const Assessment* y) {
    if (last_date(x) != last_date(y)) {
        return last_date(x) < last_date(y);
    }
    const auto& since_x = x->company->member_since;
    const auto& since_y = y->company->member_since;
    if (since_x != since_y) {
        return since_x && (!since_y || *since_x < *since_y);
    }
    if (x->company->key != y->company->key) {
        return x->company->key < y->company->key;
    }
    return x->company->id < y->company->id;
}

// Return the region of the company that hosted last before `q`, or unknown.
Region previous_region(const PlanState& state, const Quarter& q) {
    const auto last = last_hosting(state.hostings, q, std::nullopt);
    for (const HostCandidate& c : state.companies) {
        if (last && c.id == last->company_id) {
            return c.region;
        }
    }
    return Region::unknown;
}

// Return the note on how the chosen host's tie with the runner-up in `pool` was broken, if any.
std::string tie_note(const std::vector<const Assessment*>& pool) {
    if (pool.size() < 2 || last_date(pool[0]) != last_date(pool[1])) {
        return "";
    }
    if (pool[0]->company->member_since != pool[1]->company->member_since) {
        return "; tie broken by earlier membership";
    }
    return "; tie broken by key";
}

// Choose the host among the eligible in `assessed` and describe the choice in `meeting`.
void choose_host(const PlanState& state, const std::vector<Assessment>& assessed, const Quarter& q,
                 const RotationRules& rules, PlannedMeeting& meeting) {
    std::vector<const Assessment*> pool;
    for (const Assessment& a : assessed) {
        if (a.exclusion == Exclusion::none) {
            pool.push_back(&a);
        }
    }
    const std::size_t eligible = pool.size();
    std::string region_note;
    const Region previous = previous_region(state, q);
    if (rules.alternate_regions && previous != Region::unknown) {
        const Region other = previous == Region::north ? Region::south : Region::north;
        std::vector<const Assessment*> there;
        std::copy_if(pool.begin(), pool.end(), std::back_inserter(there),
                     [other](const Assessment* a) { return a->company->region == other; });
        if (!there.empty()) {
            region_note =
                fmt::format("; region {} after {}", region_name(other), region_name(previous));
            pool = std::move(there);
        } else {
            region_note = fmt::format("; no eligible host in the {} to follow the {}",
                                      region_name(other), region_name(previous));
        }
    }
    std::sort(pool.begin(), pool.end(), goes_first);
    const Assessment& chosen = *pool.front();
    const std::string last =
        chosen.last ? "last hosted " + chosen.last->quarter.str() : std::string("never hosted");
    const bool all = pool.size() == eligible;
    const std::string where =
        all ? ""
            : fmt::format(" in the {} ({} in all)", region_name(chosen.company->region), eligible);
    const std::string among =
        pool.size() == 1 ? "the only one eligible" + where
                         : fmt::format("longest ago among {} eligible{}", pool.size(), where);
    meeting.host_id = chosen.company->id;
    meeting.host_key = chosen.company->key;
    meeting.host_name = chosen.company->name;
    meeting.explanation.push_back(fmt::format("{} ({}): {}, {}{}{}", chosen.company->name,
                                              chosen.company->key, last, among, tie_note(pool),
                                              region_note));
}

// Return the line that says why nobody in `assessed` can host.
std::string no_host_line(const std::vector<Assessment>& assessed) {
    const auto count = [&assessed](auto&& test) {
        return std::count_if(assessed.begin(), assessed.end(), test);
    };
    const auto hosts =
        count([](const Assessment& a) { return a.company->active && a.company->can_host; });
    if (hosts == 0) {
        return "no eligible host: no active company can host";
    }
    std::string line = fmt::format("no eligible host: {} {} can host", hosts,
                                   hosts == 1 ? "company" : "companies");
    for (const auto& [reason, text] :
         {std::pair{Exclusion::too_small, "too small"}, std::pair{Exclusion::blocked, "blocked"},
          std::pair{Exclusion::hosted_recently, "hosted recently"}}) {
        const auto n =
            count([reason = reason](const Assessment& a) { return a.exclusion == reason; });
        if (n > 0) {
            line += fmt::format(", {} {}", n, text);
        }
    }
    return line;
}

// Propose the topics covered least recently in `state` for `meeting`, covered on `covered_on`.
void propose_topics(PlanState& state, int count, const Date& covered_on, PlannedMeeting& meeting) {
    std::vector<TopicUse*> order;
    for (TopicUse& t : state.topics) {
        order.push_back(&t);
    }
    std::sort(order.begin(), order.end(), [](const TopicUse* x, const TopicUse* y) {
        return std::tie(x->last_covered, x->order, x->key) <
               std::tie(y->last_covered, y->order, y->key);
    });
    order.resize(std::min(order.size(), static_cast<std::size_t>(count)));
    std::string line = "topics:";
    for (TopicUse* t : order) {
        line += fmt::format("{} {} ({})", t == order.front() ? "" : ",", t->key,
                            t->last_covered ? "last covered " + t->last_covered->iso()
                                            : std::string("never covered"));
        meeting.topic_keys.push_back(t->key);
        t->last_covered = covered_on;
    }
    if (!order.empty()) {
        meeting.explanation.push_back(line);
    }
}

// Add the line that says how the date of `meeting` came about, if it was moved or is missing.
void explain_date(const Quarter& q, const RotationRules& rules, PlannedMeeting& meeting) {
    const Date nominal = nominal_date(q, rules);
    if (!meeting.date) {
        meeting.explanation.push_back(
            fmt::format("no meeting date: every {} of {} is a public holiday or in school holidays",
                        weekday_name(rules.weekday), q.str()));
    } else if (*meeting.date != nominal) {
        meeting.explanation.push_back(fmt::format("date moved from {} ({}) to {}", nominal.iso(),
                                                  *date_conflict(nominal, rules),
                                                  meeting.date->iso()));
    }
}

// Plan the Werkstatt of quarter `q` from `state` and record its hosting and topics there.
PlannedMeeting plan_quarter(PlanState& state, const Quarter& q, const RotationRules& rules) {
    PlannedMeeting meeting;
    meeting.quarter = q;
    meeting.date = meeting_date(q, rules);
    const auto assessed = assess(state, q, meeting.date, rules);
    if (std::any_of(assessed.begin(), assessed.end(),
                    [](const Assessment& a) { return a.exclusion == Exclusion::none; })) {
        choose_host(state, assessed, q, rules, meeting);
    } else {
        meeting.explanation.push_back(no_host_line(assessed));
    }
    explain_date(q, rules, meeting);
    const Date on = meeting.date.value_or(q.first_day());
    propose_topics(state, rules.topics_per_event, on, meeting);
    std::vector<std::string> this_round;
    std::size_t still_to_host = 0;
    for (const Assessment& a : assessed) {
        if (a.still_to_host > 0) {
            this_round.push_back(a.why);
            still_to_host = a.still_to_host;
        } else if (a.exclusion != Exclusion::none && a.exclusion != Exclusion::archived &&
                   a.exclusion != Exclusion::cannot_host) {
            // Archived companies and those that cannot host are never in the running: naming
            // them in every quarter would bury the exclusions that matter.
            meeting.explanation.push_back(a.why);
        }
    }
    if (!this_round.empty()) {
        std::string line =
            fmt::format("hosted in this round ({} eligible still to host):", still_to_host);
        for (std::size_t i = 0; i < this_round.size(); ++i) {
            line += (i == 0 ? " " : ", ") + this_round[i];
        }
        meeting.explanation.push_back(line);
    }
    if (meeting.host_id) {
        const Hosting planned{*meeting.host_id, on, q};
        state.hostings.insert(
            std::upper_bound(state.hostings.begin(), state.hostings.end(), planned, hosted_before),
            planned);
    }
    return meeting;
}

void check_input(const RotationInput& input) {
    check_rules(input.rules);
    const std::pair<int, const char*> counts[] = {
        {input.quarters, "number of quarters"},
        {input.rules.min_quarters_between, "minimum of quarters between hostings"},
        {input.rules.topics_per_event, "number of topics per meeting"}};
    for (const auto& [value, what] : counts) {
        if (value < 0) {
            throw Error(ErrorKind::usage, _f("the {} is {}; give 0 or more", what, value));
        }
    }
}

// Return the planner's starting state from `input`, sorted so that input order does not matter.
PlanState initial_state(const RotationInput& input) {
    PlanState state{input.companies, {}, input.topics};
    std::sort(state.companies.begin(), state.companies.end(),
              [](const HostCandidate& x, const HostCandidate& y) {
                  return std::tie(x.key, x.id) < std::tie(y.key, y.id);
              });
    for (const PastHosting& h : input.history) {
        state.hostings.push_back({h.company_id, h.date, Quarter::containing(h.date)});
    }
    std::sort(state.hostings.begin(), state.hostings.end(), hosted_before);
    return state;
}

} // namespace

std::optional<Date> meeting_date(const Quarter& q, const RotationRules& rules) {
    check_rules(rules);
    const Date nominal = nominal_date(q, rules);
    // Later weeks first, then earlier ones: every such weekday of the quarter is tried once.
    for (const int step : {7, -7}) {
        for (Date day = step > 0 ? nominal : nominal + step;
             q.first_day() <= day && day <= q.last_day(); day = day + step) {
            if (!date_conflict(day, rules)) {
                return day;
            }
        }
    }
    return std::nullopt;
}

std::vector<PlannedMeeting> plan_rotation(const RotationInput& input) {
    check_input(input);
    PlanState state = initial_state(input);
    const auto& done = input.quarters_with_werkstatt;
    std::vector<PlannedMeeting> plan;
    Quarter q = input.from;
    for (int i = 0; i < input.quarters; ++i, q = q.next()) {
        if (std::find(done.begin(), done.end(), q) != done.end()) {
            PlannedMeeting skipped;
            skipped.quarter = q;
            skipped.skipped = true;
            skipped.explanation.push_back(q.str() + " already has a Werkstatt: skipped");
            plan.push_back(std::move(skipped));
        } else {
            plan.push_back(plan_quarter(state, q, input.rules));
        }
    }
    return plan;
}

} // namespace werkstatt
