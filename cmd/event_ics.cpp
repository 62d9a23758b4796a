// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt event ics: events as an iCalendar file for Outlook, Thunderbird, Google Calendar.
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "event.hpp"
#include "events/events.hpp"
#include "events/ics.hpp"
#include "io/atomic_file.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct IcsOptions {
    std::optional<std::int64_t> event;
    std::optional<std::string> period;
    std::optional<std::string> output;
    std::optional<std::string> lang;
};

} // namespace

void setup_event_ics(CLI::App& group, Runtime& rt) {
    static IcsOptions o;
    auto* cmd = group.add_subcommand("ics", _("Write events as an iCalendar (.ics) file"));
    auto* one = cmd->add_option("EVENT", o.event, _("One event (default: all, or --period)"));
    cmd->add_option("--period", o.period, _("Events in this period: 2027, 2027Q1, A..B"))
        ->excludes(one);
    cmd->add_option("--output,-o", o.output, _("Write to FILE (atomically) instead of stdout"));
    cmd->add_option("--lang", o.lang,
                    _("Language of the calendar entries: de or en (default: documents.lang)"));
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto lang = rt.documents_language(o.lang);
            auto db = rt.open(Access::read_only);
            std::vector<Event> events;
            if (o.event) {
                events.push_back(require_event(db, *o.event));
            } else {
                EventFilter filter;
                if (o.period) {
                    filter.period = parse_period_flag(*o.period);
                }
                events = list_events(db, filter);
            }
            const auto ics = events_icalendar(db, events, lang);
            if (!o.output) {
                rt.out() << ics;
                return;
            }
            write_file_atomically(*o.output, ics, FileMode::shared);
            rt.info(_f("wrote {} events to {}", events.size(), *o.output));
        };
    });
}

} // namespace werkstatt::cli
