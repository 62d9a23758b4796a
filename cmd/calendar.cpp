// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt calendar: public and school holidays of Sachsen-Anhalt and the network's events of a
// year.
#include "plan/calendar.hpp"
#include "commands.hpp"
#include "core/date.hpp"
#include "core/i18n.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

void setup_calendar(CLI::App& app, Runtime& rt) {
    static int year = Date::today().year();
    static std::optional<std::string> format;
    auto* cmd =
        app.add_subcommand("calendar", _("Public and school holidays and events of a year"));
    cmd->add_option("--year", year, _("Year, 1991 to 2100 (default: this year)"))
        ->check(CLI::Range(1991, 2100));
    add_format_option(cmd, format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto school_holidays = planner_holidays(rt.config().config.planner);
            auto db = rt.open(Access::read_only);
            rt.print(year_calendar(db, year, school_holidays), format);
            if (Date::from_ymd(year, 12, 31) > school_holidays.known_until) {
                rt.warn(_f("school holidays are known only up to {}; later ones are "
                           "missing from this calendar",
                           human_date(school_holidays.known_until)));
            }
        };
    });
}

} // namespace werkstatt::cli
