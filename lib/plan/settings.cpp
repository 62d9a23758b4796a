// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/settings.hpp"

#include "reference/plz_directory.hpp"

namespace werkstatt {

namespace {

std::optional<std::string> check_district(const std::string& s) {
    if (PlzDirectory::shipped().district(s)) {
        return std::nullopt;
    }
    return fmt::format("has '{}', which is not a district key of Sachsen-Anhalt (15001 to 15091)",
                       s);
}

std::optional<std::string> set_holidays(RotationRules& rules, const SettingValue& v) {
    std::vector<Period> periods;
    for (const auto& item : std::get<std::vector<std::string>>(v)) {
        const auto period = Period::parse(item);
        if (!period) {
            return fmt::format("has '{}', which is not a period like 2027-02-06..2027-02-13", item);
        }
        periods.push_back(*period);
    }
    rules.school_holidays = std::move(periods);
    return std::nullopt;
}

std::string show_holidays(const RotationRules& rules) {
    std::string out;
    for (const auto& p : rules.school_holidays) {
        out += out.empty() ? "" : ", ";
        out += p.str();
    }
    return out;
}

const SettingTable<RotationRules>& rotation_table() {
    static const auto table =
        SettingTable<RotationRules>()
            .choice(
                "planner.weekday", &RotationRules::weekday,
                {{"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5}},
                "The weekday of the meeting, monday to friday")
            .integer("planner.week", &RotationRules::week, 1, 5, " (5 = the last)",
                     "The meeting is the Nth such weekday of the quarter's middle month (5 = the "
                     "last)")
            .integer("planner.min_capacity", &RotationRules::min_capacity, 0, 100000, " seats",
                     "Seats a host's venue needs at least (an unknown capacity fails when above "
                     "0)")
            .integer("planner.min_quarters_between", &RotationRules::min_quarters_between, 0, 40,
                     " quarters (0 = until every eligible company has hosted once)",
                     "Quarters before a company hosts again; 0: in rounds, until every eligible "
                     "company has hosted once")
            .boolean("planner.alternate_regions", &RotationRules::alternate_regions,
                     "Alternate hosts between the north and the south of the state")
            .integer("planner.topics_per_event", &RotationRules::topics_per_event, 0, 10, "",
                     "Topics proposed per meeting, least recently covered first")
            .custom("planner.school_holidays", SettingType::list,
                    "More periods meetings are kept out of, besides the school holidays of "
                    "Sachsen-Anhalt that werkstatt ships",
                    set_holidays, show_holidays);
    return table;
}

} // namespace

const SettingTable<PlannerSettings>& planner_settings_table() {
    static const auto table =
        SettingTable<PlannerSettings>()
            .include(&PlannerSettings::rules, rotation_table())
            .list("planner.north_districts", &PlannerSettings::north_districts,
                  "District keys (AGS) of the north; the other districts are the south",
                  check_district)
            .text("planner.school_holidays_file", &PlannerSettings::school_holidays_file,
                  "An edited copy of the school holidays (format of school_holidays.toml) used "
                  "instead of the shipped ones; empty: the shipped ones");
    return table;
}

} // namespace werkstatt
