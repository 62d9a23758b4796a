// SPDX-License-Identifier: GPL-3.0-or-later
// The typed configuration, its defaults, and the layers it is read from.
#pragma once

#include "io/records.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace werkstatt {

// When a table may use colour.
enum class ColorMode { auto_detect, always, never };

// What to do with a postal code outside Sachsen-Anhalt's reference data.
enum class OutsidePlz { warn, reject };

// An import profile ([import.profile.NAME]) and the configuration file that defines it; the
// profile's content is read and checked by lib/import.
struct ProfileSource {
    std::string name;
    std::string file;
};

// Every setting werkstatt reads; the member initialisers are the built-in defaults.
// config/werkstatt.toml documents each key.
struct Config {
    std::string database_path;                        // database.path ("" = XDG data folder)
    std::int64_t busy_timeout_ms = 5000;              // database.busy_timeout_ms
    Format output_format = Format::table;             // output.format
    ColorMode output_color = ColorMode::auto_detect;  // output.color
    OutsidePlz outside_plz = OutsidePlz::warn;        // companies.outside_plz
    std::string event_start = "14:00";                // events.default_start
    std::string event_end = "17:00";                  // events.default_end
    std::int64_t planner_weekday = 4;                 // planner.weekday (ISO, 4 = Thursday)
    std::int64_t planner_week = 2;                    // planner.week (Nth weekday, 5 = last)
    std::int64_t planner_min_capacity = 20;           // planner.min_capacity
    std::int64_t planner_min_quarters_between = 0;    // planner.min_quarters_between
    bool planner_alternate_regions = true;            // planner.alternate_regions
    std::int64_t planner_topics_per_event = 2;        // planner.topics_per_event
    std::vector<std::string> planner_school_holidays; // planner.school_holidays (periods)
    // planner.north_districts: the former Regierungsbezirk Magdeburg; the rest is south.
    std::vector<std::string> planner_north_districts = {"15003", "15081", "15083", "15085",
                                                        "15086", "15089", "15090"};
    std::int64_t advisor_verify_after_days = 365;     // advisor.verify_after_days
    std::vector<std::string> catalogue_advisor_files; // catalogue.advisor_files
    std::vector<std::string> catalogue_funding_files; // catalogue.funding_files
    std::string hiring_rules_file;                    // hiring.rules_file ("" = shipped rules)
    std::vector<ProfileSource> import_profiles;       // import.profile.* (later files win)
    std::string audit_user;                           // audit.user ("" = the operating-system user)
    // match.weights.*: the points each part of a match score can give at most.
    double match_weight_occupation = 40;
    double match_weight_german = 25;
    double match_weight_distance = 15;
    double match_weight_permit = 10;
    double match_weight_recognition = 5;
    double match_weight_availability = 5;
    std::int64_t match_default_radius_km = 30; // match.default_radius_km
    std::int64_t match_min_kldb_digits = 2;    // match.min_kldb_digits
    std::int64_t match_top = 10;               // match.top
};

// Where configuration comes from, lowest precedence first.
struct ConfigSources {
    std::optional<std::filesystem::path> system_file;   // /etc/werkstatt/config.toml
    std::optional<std::filesystem::path> user_file;     // $XDG_CONFIG_HOME/werkstatt/config.toml
    std::optional<std::filesystem::path> explicit_file; // --config FILE (must exist)
    std::map<std::string, std::string> environment;     // WERKSTATT_* variables, HOME, XDG_*
    std::vector<std::string> assignments;               // --set key=value, in order
    std::vector<std::pair<std::string, std::string>> flags; // (key, value) from flags like --db
};

// The effective configuration and, per key, where its value came from.
struct LoadedConfig {
    Config config;
    std::map<std::string, std::string> origins;
    std::vector<std::filesystem::path> files_read;
};

// Read the layers of `sources` over the defaults. Throw Error(config) naming file, line and key
// for an unreadable file, an unknown key or a value of the wrong type.
LoadedConfig load_config(const ConfigSources& sources);

// One thing wrong with a configuration file.
struct ConfigProblem {
    std::size_t line = 0;
    std::string message;
};

// Check the file at `path` and return every problem found, in line order (empty if valid).
std::vector<ConfigProblem> check_config_file(const std::filesystem::path& path);

// Return the effective settings as a listing (key, value, origin) in key order.
Records describe_config(const LoadedConfig& loaded);

// Return the names of all known keys, in order.
std::vector<std::string> config_keys();

} // namespace werkstatt
