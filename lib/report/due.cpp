// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/due.hpp"
#include "core/i18n.hpp"

#include "advisory/advisors.hpp"
#include "applicants/consent.hpp"
#include "applicants/exchange.hpp"
#include "applicants/pool.hpp"
#include "match/followups.hpp"
#include "store/advisory_store.hpp"
#include "store/company_store.hpp"
#include "store/event_store.hpp"
#include "store/match_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace werkstatt {

namespace {

// The order of kinds among items due on the same day: what ends a person's chances first.
int rank(const std::string& kind) {
    static const std::vector<std::string> order = {
        "consent-ended", "permit-ended", "paused", "consent-ending", "permit-ending",
        "followup",      "confirmation", "stuck",  "event",          "advisor-check"};
    const auto it = std::find(order.begin(), order.end(), kind);
    return static_cast<int>(it - order.begin());
}

std::set<std::int64_t> active_candidates(Database& db) {
    std::set<std::int64_t> ids;
    for (const auto& r : list_exchange(db, RecordKind::candidate, ExchangeFilter{})) {
        ids.insert(r.id);
    }
    return ids;
}

// Consents to be matched or to have the profile shared that ended or end soon, one item per
// candidate and day.
void add_consents(Database& db, const DueQuery& q, const std::set<std::int64_t>& active,
                  std::vector<DueItem>& items) {
    const auto horizon = q.today + q.within_days;
    std::map<std::pair<std::int64_t, Date>, std::vector<std::string>> ending;
    for (const auto scope : {Scope::matching, Scope::sharing}) {
        for (const auto& [id, c] : consents_of_scope(db, scope)) {
            if (!active.count(id) || c.withdrawn_on || !c.valid_until || horizon < *c.valid_until) {
                continue;
            }
            ending[{id, *c.valid_until}].emplace_back(to_string(scope));
        }
    }
    for (const auto& [key, scopes] : ending) {
        const auto& [id, until] = key;
        const bool ended = until < q.today;
        // The scopes stay their codes (the words of --scope); one sentence per case.
        const auto on = format_date(until, ui_language());
        std::string what;
        if (scopes.size() == 1) {
            what = ended ? _f("consent to {} ended on {}", scopes.front(), on)
                         : _f("consent to {} ends on {}", scopes.front(), on);
        } else {
            what = ended ? _f("consent to {} and {} ended on {}", scopes[0], scopes[1], on)
                         : _f("consent to {} and {} ends on {}", scopes[0], scopes[1], on);
        }
        items.push_back(
            {ended ? "consent-ended" : "consent-ending", until, "candidate", id, std::move(what),
             _f("ask for a renewal: werkstatt candidate consent {} --scope {} --until DAY; or "
                "archive the candidate",
                id, scopes.size() == 1 ? scopes.front() : "matching,sharing")});
    }
}

void add_permits(Database& db, const DueQuery& q, std::vector<DueItem>& items) {
    for (const auto& p : permits_ending(db, q.today, q.within_days)) {
        const bool ended = p.until < q.today;
        items.push_back(
            {ended ? "permit-ended" : "permit-ending", p.until, "candidate", p.candidate_id,
             ended ? _f("residence title ended on {}", format_date(p.until, ui_language()))
                   : _f("residence title ends on {}", format_date(p.until, ui_language())),
             _f("ask about the extension, then werkstatt candidate edit {} --permit-until DAY",
                p.candidate_id)});
    }
}

void add_confirmations(Database& db, const DueQuery& q, std::vector<DueItem>& items) {
    for (const auto& c : confirmations_due(db, q.today + q.within_days, q.exchange)) {
        const auto paused_on = c.last + q.exchange.pause_days;
        const bool paused = !(q.today < paused_on);
        items.push_back(
            {paused ? "paused" : "confirmation",
             paused ? paused_on : c.last + q.exchange.reconfirm_days, "candidate", c.candidate_id,
             paused ? _f("last confirmed {} ({} days ago); paused from matching",
                         format_date(c.last, ui_language()), q.today.days() - c.last.days())
                    : _f("last confirmed {} ({} days ago)", format_date(c.last, ui_language()),
                         q.today.days() - c.last.days()),
             _f("ask whether they still want to be placed: werkstatt candidate confirm {}",
                c.candidate_id)});
    }
}

void add_followups(Database& db, const DueQuery& q, std::vector<DueItem>& items) {
    for (const auto& f : list_followups(db, q.today + q.within_days)) {
        const auto due = Date::parse_iso(f.due_on).value_or(q.today);
        const auto hired_text = format_date_text(f.hired_on, ui_language());
        items.push_back(
            {"followup", due, "followup", f.id,
             fmt::format(fmt::runtime(n_("candidate {0} at {1} ({2}), {3} month "
                                         "after the hire on {4}",
                                         "candidate {0} at {1} ({2}), {3} months "
                                         "after the hire on {4}",
                                         static_cast<std::uint64_t>(f.months))),
                         f.candidate_id, f.company, f.opening_title, f.months, hired_text),
             _f("ask, then werkstatt followup record {} --outcome "
                "employed|left|changed-employer|unknown",
                f.id)});
    }
}

void add_stuck(Database& db, const DueQuery& q, std::vector<DueItem>& items) {
    const auto horizon = q.today + q.within_days;
    for (const auto* status : {"introduced", "interview"}) {
        PlacementFilter filter;
        filter.status = status;
        for (const auto& p : list_placements(db, filter)) {
            const auto& step =
                std::string(status) == "introduced" ? p.days.introduced_on : p.days.interview_on;
            const auto since =
                Date::parse_iso(step.value_or(p.updated_at.substr(0, 10))).value_or(q.today);
            const auto due = since + q.exchange.stuck_days;
            if (horizon < due) {
                continue;
            }
            const auto on = format_date(since, ui_language());
            // One whole sentence per step: the step is no word to splice into another language.
            auto what = std::string(status) == "introduced"
                            ? _f("candidate {} at {} ({}) introduced since {}", p.candidate_id,
                                 p.company, p.opening_title, on)
                            : _f("candidate {} at {} ({}) interview since {}", p.candidate_id,
                                 p.company, p.opening_title, on);
            items.push_back({"stuck", due, "placement", p.id, std::move(what),
                             _f("ask the company, then werkstatt placement set {} {} "
                                "interview|hired|declined|withdrawn",
                                p.candidate_id, p.opening_id)});
        }
    }
}

// Advisory entries to check, as one item: a fresh catalogue has dozens never verified, and one
// line per entry would bury the rest of the list.
void add_advisors(Database& db, const DueQuery& q, std::vector<DueItem>& items) {
    const VerifyPolicy policy{q.today + q.within_days, q.verify_after_days};
    std::vector<AdvisoryService> due;
    int never = 0;
    for (auto& s : list_advisors(db)) {
        if (needs_check(s, policy)) {
            never += s.last_verified ? 0 : 1;
            due.push_back(std::move(s));
        }
    }
    if (due.empty()) {
        return;
    }
    auto when = [&](const AdvisoryService& s) {
        return s.last_verified ? *s.last_verified + q.verify_after_days : q.today;
    };
    const auto first = std::min_element(
        due.begin(), due.end(), [&](const auto& a, const auto& b) { return when(a) < when(b); });
    const auto older = static_cast<int>(due.size()) - never;
    std::string what;
    if (due.size() == 1) {
        what = first->last_verified
                   ? _f("advisory entry {} ({}): last verified {}", first->key, first->organisation,
                        format_date(*first->last_verified, ui_language()))
                   : _f("advisory entry {} ({}): never verified", first->key, first->organisation);
    } else {
        // The plural follows the number of entries; the other numbers sit in parentheses as
        // counts, which read the same for one and many.
        what = fmt::format(fmt::runtime(n_("{0} advisory entry to check ({1} never verified, {2} "
                                           "verified more than {3} days ago), first {4}",
                                           "{0} advisory entries to check ({1} never verified, {2} "
                                           "verified more than {3} days ago), first {4}",
                                           due.size())),
                           due.size(), never, older, q.verify_after_days, first->key);
    }
    items.push_back({"advisor-check", when(*first), "advisor", first->id, std::move(what),
                     _("check each (werkstatt advisor find shows CHECK), then werkstatt advisor "
                       "edit KEY --verified DAY")});
}

void add_next_event(Database& db, const DueQuery& q, std::vector<DueItem>& items) {
    EventFilter filter;
    filter.period = Period::between(q.today, q.today + q.within_days);
    for (const auto& e : list_events(db, filter)) {
        if (e.status == EventStatus::cancelled || e.status == EventStatus::held) {
            continue;
        }
        const auto registered = list_registrations(db, e.id).size();
        std::optional<std::int64_t> seats = e.capacity;
        if (!seats) {
            if (const auto host = find_company(db, e.host_key)) {
                seats = host->capacity;
            }
        }
        auto what = seats ? fmt::format(fmt::runtime(n_("{} at {}: {} registered of {} seat",
                                                        "{} at {}: {} registered of {} seats",
                                                        static_cast<std::uint64_t>(*seats))),
                                        e.title, e.host_key, registered, *seats)
                          : _f("{} at {}: {} registered", e.title, e.host_key, registered);
        items.push_back({"event", e.date, "event", e.id, std::move(what),
                         fmt::format("werkstatt event show {}", e.id)});
        break; // the next one only
    }
}

} // namespace

std::vector<DueItem> due_items(Database& db, const DueQuery& query) {
    std::vector<DueItem> items;
    const auto active = active_candidates(db);
    add_consents(db, query, active, items);
    add_permits(db, query, items);
    add_confirmations(db, query, items);
    add_followups(db, query, items);
    add_stuck(db, query, items);
    add_advisors(db, query, items);
    add_next_event(db, query, items);
    std::stable_sort(items.begin(), items.end(), [](const DueItem& a, const DueItem& b) {
        if (a.date != b.date) {
            return a.date < b.date;
        }
        if (rank(a.kind) != rank(b.kind)) {
            return rank(a.kind) < rank(b.kind);
        }
        return a.id < b.id;
    });
    return items;
}

Records due_records(const std::vector<DueItem>& items, Date today) {
    Records r;
    r.columns = {"due_on", "days", "kind", "entity", "id", "what", "action"};
    for (const auto& i : items) {
        r.rows.push_back({i.date, static_cast<std::int64_t>(i.date.days() - today.days()), i.kind,
                          i.entity, i.id, i.what, i.action});
    }
    return r;
}

std::string due_markdown(const std::vector<DueItem>& items, Date today) {
    const auto lang = ui_language();
    std::string out = "# " + _f("Due on {}", format_date(today, lang)) + "\n\n";
    if (items.empty()) {
        return out + _("Nothing is due.") + "\n";
    }
    for (const auto& i : items) {
        const auto days = i.date.days() - today.days();
        const auto count = static_cast<std::uint64_t>(days < 0 ? -days : days);
        const auto when =
            days < 0
                ? fmt::format(fmt::runtime(n_("{} day overdue", "{} days overdue", count)), count)
            : days == 0 ? _("today")
                        : fmt::format(fmt::runtime(n_("in {} day", "in {} days", count)), count);
        out += fmt::format("- **{}** ({}), {} {} {}: {}  \n  `{}`\n", format_date(i.date, lang),
                           when, i.kind, i.entity, i.id, i.what, i.action);
    }
    return out;
}

} // namespace werkstatt
