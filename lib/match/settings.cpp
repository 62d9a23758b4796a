// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/settings.hpp"

namespace werkstatt {

namespace {

// What each part scores, one line per part, in the order of Part.
constexpr std::string_view k_part_docs[k_part_count] = {
    "Points for the occupation: same first 4 KldB digits 100 %, 3 digits 67 %, 2 digits 33 %, "
    "times the level's share (below 60/25/0 %, above 90/80/70 %)",
    "Points for German: full when the candidate meets the opening's CEFR level, a third less per "
    "level below",
    "Points for distance: full at the same place, falling to 0 at the allowed distance",
    "Points for permit friction: free 100 %, title-bound 50 %, permit required 25 %, unclear 50 %",
    "Points for recognition of a foreign qualification: full, not required or a German "
    "qualification 100 % ... rejected 0 %",
    "Points for availability: by the opening's start 100 %, falling to 0 at its latest start",
};

} // namespace

std::string_view to_string(Part part) {
    static constexpr std::string_view k_names[] = {"occupation", "german",      "distance",
                                                   "permit",     "recognition", "availability"};
    return k_names[static_cast<std::size_t>(part)];
}

const std::array<Part, k_part_count>& all_parts() {
    static constexpr std::array<Part, k_part_count> k_all = {Part::occupation,  Part::german,
                                                             Part::distance,    Part::permit,
                                                             Part::recognition, Part::availability};
    return k_all;
}

const SettingTable<MatchSettings>& match_settings_table() {
    static const auto table = [] {
        SettingTable<MatchSettings> t;
        for (const auto part : all_parts()) {
            t.number(
                fmt::format("match.weights.{}", to_string(part)),
                [part](auto& s) -> auto& { return s.weights[part]; }, 0, 1000000,
                std::string(k_part_docs[static_cast<std::size_t>(part)]));
        }
        t.integer("match.default_radius_km", &MatchSettings::default_radius_km, 0, 1000, " km",
                  "A candidate's travel radius when the agency gave none");
        t.integer("match.min_kldb_digits", &MatchSettings::min_kldb_digits, 0, 5,
                  " (0 = occupation does not filter)",
                  "Leading KldB digits a candidate's target occupation must share with the "
                  "opening (0 = no filter)");
        t.integer("match.top", &MatchSettings::top, 1, 100000, "",
                  "How many candidates or openings a ranking shows without --top");
        t.integer("match.permit_warn_days", &MatchSettings::permit_warn_days, 0, 3650, " days",
                  "Warn about a pair when the candidate's residence title ends before the "
                  "opening's start plus these days");
        return t;
    }();
    return table;
}

std::string describe_settings(const MatchSettings& settings) {
    std::string out;
    for (const auto& def : match_settings_table().defs()) {
        if (def.key == "match.top" || def.key == "match.permit_warn_days") {
            continue; // decide what is shown, not what is proposed
        }
        out += out.empty() ? "" : "; ";
        out += fmt::format("{}={}", def.key.substr(6), def.show(settings));
    }
    // The pause takes people out of the pool, so it decides the proposal too (AGG § 22: a run
    // keeps what it was computed with).
    out += fmt::format("; exchange.pause_days={}", settings.pause_days);
    return out;
}

} // namespace werkstatt
