// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/calendar.hpp"

#include "core/i18n.hpp"
#include "members/members.hpp"
#include "reference/holidays.hpp"
#include "store/event_store.hpp"

#include <algorithm>
#include <tuple>

namespace werkstatt {

Records year_calendar(Database& db, int year, const PlannerHolidays& school_holidays) {
    struct Row {
        Date date;
        std::string time;
        std::string type;
        std::string name;
        Value event_id;
        std::string status;
    };
    std::vector<Row> rows;
    for (const auto& h : holidays_of_year(year)) {
        rows.push_back({h.date, "", "holiday", h.name, {}, ""});
    }
    const auto year_period = Period::parse(std::to_string(year));
    for (const auto& h : school_holidays.holidays) {
        if (h.period.last() < year_period->first() || year_period->last() < h.period.first()) {
            continue;
        }
        rows.push_back({std::max(h.period.first(), year_period->first()),
                        "",
                        "school-holidays",
                        h.name + " " + h.period.str(),
                        {},
                        ""});
    }
    EventFilter filter;
    filter.period = Period::parse(std::to_string(year));
    for (const auto& e : list_events(db, filter)) {
        const auto host = require_company(db, e.host_key);
        const auto name = _f(
            "{} at {}", e.title.empty() ? kind_label(e.kind, ui_language()) : e.title, host.name);
        rows.push_back({e.date, e.start ? e.start->str() : "", std::string(to_string(e.kind)), name,
                        Value{e.id}, std::string(to_string(e.status))});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return std::tie(a.date, a.time) < std::tie(b.date, b.time);
    });
    Records r;
    r.columns = {"date", "weekday", "time", "type", "name", "event_id", "status"};
    // Abbreviations for people, in the UI language (ISO order, Monday first).
    static const char* const k_days[] = {
        NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
        NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun")};
    for (const auto& row : rows) {
        const char* day = k_days[row.date.iso_weekday() - 1];
        r.rows.push_back({row.date, tr_context(ui_language(), "weekday", day).value_or(day),
                          text_or_null(row.time), row.type, row.name, row.event_id,
                          text_or_null(row.status)});
    }
    return r;
}

} // namespace werkstatt
