// SPDX-License-Identifier: GPL-3.0-or-later
// What decides a match besides the records: the scored parts and their weights, the default
// radius, the occupation filter ([match], [match.weights]). Adding a scored part touches this
// file, its .cpp and the model (lib/match/model.cpp), nothing else.
#pragma once

#include "core/date.hpp"
#include "core/settings.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace werkstatt {

// The scored parts, in output order.
enum class Part { occupation, german, distance, permit, recognition, availability };
inline constexpr std::size_t k_part_count = 6;

// Return the name of `part` as in [match.weights] and in output columns ("occupation").
std::string_view to_string(Part part);
// Return every part, in output order.
const std::array<Part, k_part_count>& all_parts();

// The points each part can give at most ([match.weights]); all zero or more.
struct Weights {
    std::array<double, k_part_count> points = {40, 25, 15, 10, 5, 5};
    const double& operator[](Part part) const { return points[static_cast<std::size_t>(part)]; }
    double& operator[](Part part) { return points[static_cast<std::size_t>(part)]; }
};

// Everything besides the records that decides a score.
struct MatchSettings {
    Weights weights;
    std::int64_t default_radius_km = 30; // a candidate's radius when the agency gave none
    int min_kldb_digits = 2;             // leading KldB digits a pair must share (0 = any)
    std::int64_t top = 10;               // how many a ranking shows without --top
    std::int64_t permit_warn_days = 60;  // warn when a permit ends this soon after the start
    Date today;                          // the day consent and availability are judged on
    // Days without confirmation after which a candidate is paused (exchange.pause_days, set by
    // the caller from the exchange settings; not a match.* key).
    std::int64_t pause_days = 180;
};

// Return the match.* keys.
const SettingTable<MatchSettings>& match_settings_table();

// Return the settings that decide scores and the pool as "weights.occupation=40; ...;
// min_kldb_digits=2; exchange.pause_days=180", for the record of a match run.
std::string describe_settings(const MatchSettings& settings);

} // namespace werkstatt
