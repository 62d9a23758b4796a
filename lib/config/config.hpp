// SPDX-License-Identifier: GPL-3.0-or-later
// The configuration: the layers it is read from (defaults, files, environment, flags) bound to
// the settings structs the capabilities declare.
#pragma once

#include "advisory/settings.hpp"
#include "applicants/settings.hpp"
#include "events/settings.hpp"
#include "import/settings.hpp"
#include "io/settings.hpp"
#include "match/settings.hpp"
#include "members/settings.hpp"
#include "plan/settings.hpp"
#include "privacy/settings.hpp"
#include "report/settings.hpp"
#include "store/settings.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace werkstatt {

// Every setting werkstatt reads, one struct per capability that declares it (with its defaults,
// keys and docs in that capability's settings.hpp).
struct Config {
    StoreSettings store;                        // [database], [audit]
    OutputSettings output;                      // [output]
    LanguageSettings lang;                      // [ui], [documents]
    MemberPolicy companies;                     // [companies]
    EventDefaults events;                       // [events]
    PlannerSettings planner;                    // [planner]
    AdvisorySettings advisory;                  // [advisor], [catalogue], [hiring], [rules]
    MatchSettings match;                        // [match], [match.weights]
    ExchangeSettings exchange;                  // [exchange]
    ReportSettings report;                      // [report], [report.sensitive], [report.csv]
    PrivacySettings privacy;                    // [privacy]
    std::vector<ProfileSource> import_profiles; // [import.profile.*] (later files win)
    std::vector<NamedReport> named_reports;     // [report.NAME] (later files win), by name
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

// Return every key with its type, built-in default and doc (key, type, default, doc), in order.
Records describe_keys();

// Return the table of every key of Config, in the order `config show` lists them.
const SettingTable<Config>& config_table();

} // namespace werkstatt
