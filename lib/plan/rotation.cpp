// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/rotation.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
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

// Return the label of `region` in the UI language (the same words as the rotation report's
// column); the explanations are read by people, the codes stay in the data.
std::string region_label(Region region) {
    return region == Region::north   ? _("north")
           : region == Region::south ? _("south")
                                     : _("unknown region");
}

std::string weekday_label(int weekday) {
    switch (weekday) {
    case 1:
        return _("Monday");
    case 2:
        return _("Tuesday");
    case 3:
        return _("Wednesday");
    case 4:
        return _("Thursday");
    case 5:
        return _("Friday");
    case 6:
        return _("Saturday");
    default:
        return _("Sunday");
    }
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

// Why no meeting can be held on a day: a public holiday (its name) or school holidays (their
// period).
struct DateConflict {
    std::optional<std::string> holiday;
    std::optional<Period> school_holidays;
};

// Return why no meeting can be held on `day`, or nothing.
std::optional<DateConflict> date_conflict(const Date& day, const RotationRules& rules) {
    if (const auto holiday = holiday_on(day)) {
        return DateConflict{holiday->name, std::nullopt};
    }
    for (const Period& period : rules.school_holidays) {
        if (period.contains(day)) {
            return DateConflict{std::nullopt, period};
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

// Mark `a` as excluded because of `reason`, described by the whole sentence `why`.
void exclude(Assessment& a, Exclusion reason, std::string why) {
    a.exclusion = reason;
    a.why = std::move(why);
}

// Judge `a` by everything but the repeat limit: archive, hosting, capacity and blocked periods.
void assess_standing(Assessment& a, const Quarter& q, const std::optional<Date>& date,
                     const RotationRules& rules) {
    const HostCandidate& c = *a.company;
    if (!c.active) {
        exclude(a, Exclusion::archived, _f("excluded: {} archived", c.key));
    } else if (!c.can_host) {
        exclude(a, Exclusion::cannot_host, _f("excluded: {} cannot host", c.key));
    } else if (!seats_enough(c.capacity, rules)) {
        exclude(a, Exclusion::too_small,
                c.capacity ? _f("excluded: {} seats {}, fewer than {}", c.key, *c.capacity,
                                rules.min_capacity)
                           : _f("excluded: {} capacity unknown", c.key));
    } else if (const auto period = blocking(c, q, date)) {
        // The period as written in the configuration (2027Q1, 2027-02-11, A..B): it is what
        // people look for there.
        exclude(a, Exclusion::blocked, _f("excluded: {} blocked {}", c.key, period->str()));
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
            exclude(
                a, Exclusion::hosted_recently,
                _f("excluded: {} hosted {}, within {} quarter(s) before", a.company->key, when, n));
        } else if (n == 0 && round.count(a.company->id) > 0) {
            // Listed on one line with the others: a key and a quarter, no words.
            exclude(a, Exclusion::hosted_recently, a.company->key + " " + when);
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
        return _("tie broken by earlier membership");
    }
    return _("tie broken by key");
}

// Return the sentence that names `chosen`, when it last hosted and among how many it was chosen:
// `in_pool` in its region's pool, `eligible` in all. One whole sentence per case for the
// translators.
std::string choice_sentence(const Assessment& chosen, std::size_t in_pool, std::size_t eligible) {
    const auto& name = chosen.company->name;
    const auto& key = chosen.company->key;
    const std::string region = region_label(chosen.company->region);
    const bool all = in_pool == eligible;
    if (!chosen.last) {
        if (in_pool == 1) {
            return all ? _f("{} ({}): never hosted, the only one eligible", name, key)
                       : fmt::format(fmt::runtime(
                                         n_("{0} ({1}): never hosted, the only one eligible in the "
                                            "{2} ({3} in all)",
                                            "{0} ({1}): never hosted, the only one eligible in the "
                                            "{2} ({3} in all)",
                                            eligible)),
                                     name, key, region, eligible);
        }
        return all ? fmt::format(
                         fmt::runtime(n_("{0} ({1}): never hosted, longest ago among {2} eligible",
                                         "{0} ({1}): never hosted, longest ago among {2} eligible",
                                         in_pool)),
                         name, key, in_pool)
                   : fmt::format(fmt::runtime(n_("{0} ({1}): never hosted, longest ago among {2} "
                                                 "eligible in the {3} ({4} in all)",
                                                 "{0} ({1}): never hosted, longest ago among {2} "
                                                 "eligible in the {3} ({4} in all)",
                                                 in_pool)),
                                 name, key, in_pool, region, eligible);
    }
    const std::string when = chosen.last->quarter.str();
    if (in_pool == 1) {
        return all ? _f("{} ({}): last hosted {}, the only one eligible", name, key, when)
                   : fmt::format(fmt::runtime(n_("{0} ({1}): last hosted {2}, the only one "
                                                 "eligible in the {3} ({4} in all)",
                                                 "{0} ({1}): last hosted {2}, the only one "
                                                 "eligible in the {3} ({4} in all)",
                                                 eligible)),
                                 name, key, when, region, eligible);
    }
    return all ? fmt::format(
                     fmt::runtime(n_("{0} ({1}): last hosted {2}, longest ago among {3} eligible",
                                     "{0} ({1}): last hosted {2}, longest ago among {3} eligible",
                                     in_pool)),
                     name, key, when, in_pool)
               : fmt::format(fmt::runtime(n_("{0} ({1}): last hosted {2}, longest ago among {3} "
                                             "eligible in the {4} ({5} in all)",
                                             "{0} ({1}): last hosted {2}, longest ago among {3} "
                                             "eligible in the {4} ({5} in all)",
                                             in_pool)),
                             name, key, when, in_pool, region, eligible);
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
            region_note = _f("region {} after {}", region_label(other), region_label(previous));
            pool = std::move(there);
        } else {
            region_note = _f("no eligible host in the {} to follow the {}", region_label(other),
                             region_label(previous));
        }
    }
    std::sort(pool.begin(), pool.end(), goes_first);
    const Assessment& chosen = *pool.front();
    meeting.host_id = chosen.company->id;
    meeting.host_key = chosen.company->key;
    meeting.host_name = chosen.company->name;
    // The clauses after the first are sentences of their own, joined by "; " as the lines of the
    // explanation are in JSON.
    std::string line = choice_sentence(chosen, pool.size(), eligible);
    for (const std::string& note : {tie_note(pool), region_note}) {
        if (!note.empty()) {
            line += "; " + note;
        }
    }
    meeting.explanation.push_back(std::move(line));
}

// Return the line that says why nobody in `assessed` can host.
std::string no_host_line(const std::vector<Assessment>& assessed) {
    const auto count = [&assessed](auto&& test) {
        return std::count_if(assessed.begin(), assessed.end(), test);
    };
    const auto hosts =
        count([](const Assessment& a) { return a.company->active && a.company->can_host; });
    if (hosts == 0) {
        return _("no eligible host: no active company can host");
    }
    std::string line =
        fmt::format(fmt::runtime(n_("no eligible host: {} company can host",
                                    "no eligible host: {} companies can host", hosts)),
                    hosts);
    // The counts follow as a list, each item whole ("3 too small").
    const auto too_small =
        count([](const Assessment& a) { return a.exclusion == Exclusion::too_small; });
    const auto blocked =
        count([](const Assessment& a) { return a.exclusion == Exclusion::blocked; });
    const auto recent =
        count([](const Assessment& a) { return a.exclusion == Exclusion::hosted_recently; });
    if (too_small > 0) {
        line += ", " + _f("{} too small", too_small);
    }
    if (blocked > 0) {
        line += ", " + _f("{} blocked", blocked);
    }
    if (recent > 0) {
        line += ", " + _f("{} hosted recently", recent);
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
    std::string items;
    for (TopicUse* t : order) {
        items += (t == order.front() ? "" : ", ") +
                 (t->last_covered ? _f("{} (last covered {})", t->key,
                                       format_date(*t->last_covered, ui_language()))
                                  : _f("{} (never covered)", t->key));
        meeting.topic_keys.push_back(t->key);
        t->last_covered = covered_on;
    }
    if (!order.empty()) {
        meeting.explanation.push_back(_f("topics: {}", items));
    }
}

// Add the line that says how the date of `meeting` came about, if it was moved or is missing.
void explain_date(const Quarter& q, const RotationRules& rules, PlannedMeeting& meeting) {
    const Date nominal = nominal_date(q, rules);
    if (!meeting.date) {
        meeting.explanation.push_back(
            _f("no meeting date: every {} of {} is a public holiday or in school holidays",
               weekday_label(rules.weekday), q.str()));
    } else if (*meeting.date != nominal) {
        const Language lang = ui_language();
        const DateConflict conflict = *date_conflict(nominal, rules);
        if (conflict.holiday) {
            meeting.explanation.push_back(_f("date moved from {} ({}) to {}",
                                             format_date(nominal, lang), *conflict.holiday,
                                             format_date(*meeting.date, lang)));
        } else {
            meeting.explanation.push_back(_f("date moved from {} (school holidays {}..{}) to {}",
                                             format_date(nominal, lang),
                                             format_date(conflict.school_holidays->first(), lang),
                                             format_date(conflict.school_holidays->last(), lang),
                                             format_date(*meeting.date, lang)));
        }
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
        meeting.explanation.push_back(fmt::format(
            fmt::runtime(n_("hosted in this round ({} eligible still to host): {}",
                            "hosted in this round ({} eligible still to host): {}", still_to_host)),
            still_to_host, text::join(this_round, ", ")));
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
            skipped.explanation.push_back(_f("{} already has a Werkstatt: skipped", q.str()));
            plan.push_back(std::move(skipped));
        } else {
            plan.push_back(plan_quarter(state, q, input.rules));
        }
    }
    return plan;
}

} // namespace werkstatt
