// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/planning.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "members/members.hpp"
#include "store/company_store.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

std::vector<HostCandidate> host_pool(Database& db, const std::vector<std::string>& north) {
    std::map<std::int64_t, std::vector<Period>> blocks;
    for (const auto& b : list_host_blocks(db, std::nullopt)) {
        blocks[b.company_id].push_back(b.period);
    }
    std::vector<HostCandidate> pool;
    // Every company: who may host (active, can host, big enough, not blocked) is decided by
    // plan_rotation alone.
    for (const auto& c : list_companies(db, CompanyFilter{true, std::nullopt, false})) {
        pool.push_back(HostCandidate{c.id, c.key, c.name, c.active, c.can_host, c.capacity,
                                     region_of_district(c.district_ags, north), c.member_since,
                                     blocks[c.id]});
    }
    return pool;
}

std::vector<TopicUse> topic_uses(Database& db) {
    std::map<std::string, Date> last;
    for (const auto& [key, date] : topic_last_covered(db)) {
        last.emplace(key, date);
    }
    std::vector<TopicUse> uses;
    int order = 0;
    for (const auto& t : list_topics(db)) {
        const auto it = last.find(t.key);
        uses.push_back(
            TopicUse{t.key, ++order, it == last.end() ? std::nullopt : std::optional(it->second)});
    }
    return uses;
}

RotationInput rotation_input(Database& db, const PlanRequest& request,
                             const PlannerHolidays& holidays) {
    RotationInput input;
    input.from = request.from;
    input.quarters = request.quarters;
    input.rules = request.planner.rules;
    input.rules.school_holidays.clear();
    for (const auto& h : holidays.holidays) {
        input.rules.school_holidays.push_back(h.period);
    }
    input.companies = host_pool(db, request.planner.north_districts);
    input.topics = topic_uses(db);
    EventFilter filter;
    filter.kind = EventKind::werkstatt;
    for (const auto& e : list_events(db, filter)) {
        if (e.status == EventStatus::cancelled) {
            continue;
        }
        input.history.push_back(PastHosting{e.host_id, e.date});
        input.quarters_with_werkstatt.push_back(Quarter::containing(e.date));
    }
    return input;
}

Event meeting_event(const PlannedMeeting& m, const EventDefaults& defaults) {
    Event e;
    e.kind = EventKind::werkstatt;
    e.date = *m.date;
    e.start = TimeOfDay::parse(defaults.start);
    e.end = TimeOfDay::parse(defaults.end);
    e.host_id = *m.host_id;
    e.host_key = m.host_key;
    e.title = fmt::format("Werkstatt {}", m.quarter.str());
    e.topic_keys = m.topic_keys;
    return e;
}

// Name, in the explanation of each skipped quarter of `result`, the Werkstatt it has; warn of
// each whose host is archived, for the quarter keeps it and gets no other.
void explain_skipped(Database& db, PlanResult& result) {
    std::map<std::int64_t, bool> active;
    for (const auto& c : list_companies(db, CompanyFilter{true, std::nullopt, false})) {
        active[c.id] = c.active;
    }
    for (auto& m : result.meetings) {
        if (!m.skipped) {
            continue;
        }
        EventFilter filter;
        filter.kind = EventKind::werkstatt;
        filter.period = m.quarter.period();
        for (const auto& e : list_events(db, filter)) {
            if (e.status == EventStatus::cancelled) {
                continue;
            }
            const Language lang = ui_language();
            // The status stays its code (planned, held): the word of 'event list --status'.
            m.explanation.push_back(_f("its Werkstatt: event {} on {} ({}) at {}", e.id,
                                       format_date(e.date, lang), to_string(e.status), e.host_key));
            if (active[e.host_id] || e.status == EventStatus::held) {
                continue;
            }
            const auto line =
                _f("{} event {} on {} has lost its host: company {} is archived; give it another "
                   "with 'werkstatt event edit {} --host KEY', or cancel it with 'werkstatt event "
                   "cancel {}' and plan {} again",
                   to_string(e.status), e.id, format_date(e.date, lang), e.host_key, e.id, e.id,
                   m.quarter.str());
            m.explanation.push_back(line);
            result.warnings.push_back(fmt::format("{}: {}", m.quarter.str(), line));
        }
    }
}

// Return the warning for the meetings of `meetings` after `known_until`, or "".
std::string unknown_holidays_warning(const std::vector<PlannedMeeting>& meetings,
                                     const Date& known_until) {
    std::vector<std::string> quarters;
    for (const auto& m : meetings) {
        if (!m.skipped && (m.date ? *m.date : m.quarter.last_day()) > known_until) {
            quarters.push_back(m.quarter.str());
        }
    }
    if (quarters.empty()) {
        return "";
    }
    return fmt::format(
        fmt::runtime(n_("school holidays are known only up to {0}, so {1} was planned without "
                        "them; add the later holidays with planner.school_holidays or "
                        "planner.school_holidays_file",
                        "school holidays are known only up to {0}, so {1} were planned without "
                        "them; add the later holidays with planner.school_holidays or "
                        "planner.school_holidays_file",
                        quarters.size())),
        format_date(known_until, ui_language()), text::join(quarters, ", "));
}

} // namespace

PlannerHolidays planner_holidays(const PlannerSettings& planner) {
    const auto data = SchoolHolidays::load(planner.school_holidays_file);
    PlannerHolidays out{data.holidays(), data.valid_until()};
    for (const auto& period : planner.rules.school_holidays) {
        out.holidays.push_back(SchoolHoliday{"", "planner.school_holidays", period, ""});
        out.known_until = std::max(out.known_until, period.last());
    }
    return out;
}

PlanResult plan_werkstatt(Database& db, const PlanRequest& request, DryRun commit) {
    const auto start = TimeOfDay::parse(request.defaults.start);
    const auto end = TimeOfDay::parse(request.defaults.end);
    if (start && end && *end <= *start) {
        throw Error(ErrorKind::config,
                    _f("events.default_end {} is not after events.default_start {}; "
                       "correct the configuration",
                       request.defaults.end, request.defaults.start));
    }
    const auto holidays = planner_holidays(request.planner);
    PlanResult result;
    const auto plan = [&] {
        result.meetings = plan_rotation(rotation_input(db, request, holidays));
        if (auto w = unknown_holidays_warning(result.meetings, holidays.known_until); !w.empty()) {
            result.warnings.push_back(std::move(w));
        }
    };
    if (commit == DryRun::yes) {
        plan();
        explain_skipped(db, result);
        return result;
    }
    WriteTransaction txn(db);
    plan();
    explain_skipped(db, result);
    for (const auto& m : result.meetings) {
        if (m.skipped || !m.host_id || !m.date) {
            continue;
        }
        auto e = meeting_event(m, request.defaults);
        e.uid = new_event_uid();
        result.event_ids.push_back(insert_event(db, e));
    }
    txn.audit("event", std::nullopt, "plan",
              fmt::format("from={} quarters={} events={}", request.from.str(), request.quarters,
                          result.event_ids.size()));
    txn.finish(DryRun::no);
    return result;
}

Records plan_records(const PlanResult& result) {
    Records r;
    r.columns = {"quarter", "date", "host", "host_name", "topics", "event_id", "explanation"};
    std::size_t created = 0;
    for (const auto& m : result.meetings) {
        Value event_id;
        if (!m.skipped && m.host_id && m.date && created < result.event_ids.size()) {
            event_id = result.event_ids[created++];
        }
        r.rows.push_back({m.quarter.str(), day_value(m.date), text_or_null(m.host_key),
                          text_or_null(m.host_name), text::join(m.topic_keys, ","), event_id,
                          text::join(m.explanation, "; ")});
    }
    return r;
}

} // namespace werkstatt
