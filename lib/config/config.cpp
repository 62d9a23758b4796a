// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/config.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/event.hpp"
#include "domain/period.hpp"
#include "reference/plz_directory.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>
#include <toml++/toml.h>
#include <variant>

namespace werkstatt {

namespace {

using Setting = std::variant<std::string, std::int64_t, bool, std::vector<std::string>, double>;

// One key of the key table: its TOML type, how to set it from a value, how to show it.
struct KeyDef {
    const char* key;
    const char* type; // "string", "integer", "number", "boolean", "list"
    // Set the value, or return why the value is not allowed.
    std::function<std::optional<std::string>(Config&, const Setting&)> set;
    std::function<std::string(const Config&)> get;
};

template <typename Enum>
struct Choice {
    const char* name;
    Enum value;
};

// Build a KeyDef for a string key whose value must be one of `choices`.
template <typename Enum, std::size_t N>
KeyDef choice_key(const char* key, Enum Config::*member, const Choice<Enum> (&choices)[N]) {
    std::vector<Choice<Enum>> list(choices, choices + N);
    return KeyDef{key, "string",
                  [member, list](Config& c, const Setting& v) -> std::optional<std::string> {
                      const auto& s = std::get<std::string>(v);
                      std::string names;
                      for (const auto& choice : list) {
                          if (s == choice.name) {
                              c.*member = choice.value;
                              return std::nullopt;
                          }
                          names += names.empty() ? "" : ", ";
                          names += choice.name;
                      }
                      return fmt::format("must be one of {}", names);
                  },
                  [member, list](const Config& c) -> std::string {
                      for (const auto& choice : list) {
                          if (c.*member == choice.value) {
                              return choice.name;
                          }
                      }
                      return "";
                  }};
}

// A check of a string value: nothing if it is fine, else why not.
using TextCheck = std::function<std::optional<std::string>(const std::string&)>;

KeyDef string_key(const char* key, std::string Config::*member, TextCheck check = {}) {
    return KeyDef{key, "string",
                  [member, check](Config& c, const Setting& v) -> std::optional<std::string> {
                      const auto& s = std::get<std::string>(v);
                      if (check) {
                          if (auto why = check(s)) {
                              return why;
                          }
                      }
                      c.*member = s;
                      return std::nullopt;
                  },
                  [member](const Config& c) { return c.*member; }};
}

KeyDef integer_key(const char* key, std::int64_t Config::*member, std::int64_t min,
                   std::int64_t max, const char* unit) {
    return KeyDef{key, "integer",
                  [=](Config& c, const Setting& v) -> std::optional<std::string> {
                      const auto n = std::get<std::int64_t>(v);
                      if (n < min || n > max) {
                          return fmt::format("must be between {} and {}{}", min, max, unit);
                      }
                      c.*member = n;
                      return std::nullopt;
                  },
                  [member](const Config& c) { return std::to_string(c.*member); }};
}

// A number of zero or more (TOML integer or float).
KeyDef weight_key(const char* key, double Config::*member) {
    return KeyDef{key, "number",
                  [=](Config& c, const Setting& v) -> std::optional<std::string> {
                      const auto x = std::get<double>(v);
                      if (!std::isfinite(x) || x < 0 || x > 1000000) {
                          return "must be a number from 0 to 1000000";
                      }
                      c.*member = x;
                      return std::nullopt;
                  },
                  [member](const Config& c) { return fmt::format("{}", c.*member); }};
}

KeyDef boolean_key(const char* key, bool Config::*member) {
    return KeyDef{key, "boolean",
                  [member](Config& c, const Setting& v) -> std::optional<std::string> {
                      c.*member = std::get<bool>(v);
                      return std::nullopt;
                  },
                  [member](const Config& c) { return c.*member ? "true" : "false"; }};
}

KeyDef list_key(const char* key, std::vector<std::string> Config::*member, TextCheck check) {
    return KeyDef{key, "list",
                  [member, check](Config& c, const Setting& v) -> std::optional<std::string> {
                      const auto& items = std::get<std::vector<std::string>>(v);
                      for (const auto& item : items) {
                          if (auto why = check(item)) {
                              return why;
                          }
                      }
                      c.*member = items;
                      return std::nullopt;
                  },
                  [member](const Config& c) { return text::join(c.*member, ", "); }};
}

std::optional<std::string> check_time(const std::string& s) {
    if (TimeOfDay::parse(s)) {
        return std::nullopt;
    }
    return fmt::format("must be a time HH:MM, not '{}'", s);
}

std::optional<std::string> check_period(const std::string& s) {
    if (Period::parse(s)) {
        return std::nullopt;
    }
    return fmt::format("has '{}', which is not a period like 2027-02-06..2027-02-13", s);
}

std::optional<std::string> check_path(const std::string& s) {
    if (s.empty()) {
        return "has an empty path; name a file or remove the entry";
    }
    return std::nullopt;
}

std::optional<std::string> check_district(const std::string& s) {
    if (PlzDirectory::shipped().district(s)) {
        return std::nullopt;
    }
    return fmt::format("has '{}', which is not a district key of Sachsen-Anhalt (15001 to 15091)",
                       s);
}

const Choice<Format> k_formats[] = {
    {"table", Format::table}, {"json", Format::json}, {"csv", Format::csv}};
const Choice<ColorMode> k_colors[] = {
    {"auto", ColorMode::auto_detect}, {"always", ColorMode::always}, {"never", ColorMode::never}};
const Choice<OutsidePlz> k_outside[] = {{"warn", OutsidePlz::warn}, {"reject", OutsidePlz::reject}};
const Choice<std::int64_t> k_weekdays[] = {
    {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5}};

const std::vector<KeyDef>& key_table() {
    static const std::vector<KeyDef> table = {
        string_key("database.path", &Config::database_path),
        integer_key("database.busy_timeout_ms", &Config::busy_timeout_ms, 0, 600000,
                    " milliseconds"),
        choice_key("output.format", &Config::output_format, k_formats),
        choice_key("output.color", &Config::output_color, k_colors),
        choice_key("companies.outside_plz", &Config::outside_plz, k_outside),
        string_key("events.default_start", &Config::event_start, check_time),
        string_key("events.default_end", &Config::event_end, check_time),
        choice_key("planner.weekday", &Config::planner_weekday, k_weekdays),
        integer_key("planner.week", &Config::planner_week, 1, 5, " (5 = the last)"),
        integer_key("planner.min_capacity", &Config::planner_min_capacity, 0, 100000, " seats"),
        integer_key("planner.min_quarters_between", &Config::planner_min_quarters_between, 0, 40,
                    " quarters (0 = until every eligible company has hosted once)"),
        boolean_key("planner.alternate_regions", &Config::planner_alternate_regions),
        integer_key("planner.topics_per_event", &Config::planner_topics_per_event, 0, 10, ""),
        list_key("planner.school_holidays", &Config::planner_school_holidays, check_period),
        list_key("planner.north_districts", &Config::planner_north_districts, check_district),
        integer_key("advisor.verify_after_days", &Config::advisor_verify_after_days, 1, 3650,
                    " days"),
        list_key("catalogue.advisor_files", &Config::catalogue_advisor_files, check_path),
        list_key("catalogue.funding_files", &Config::catalogue_funding_files, check_path),
        string_key("hiring.rules_file", &Config::hiring_rules_file),
        string_key("audit.user", &Config::audit_user),
        weight_key("match.weights.occupation", &Config::match_weight_occupation),
        weight_key("match.weights.german", &Config::match_weight_german),
        weight_key("match.weights.distance", &Config::match_weight_distance),
        weight_key("match.weights.permit", &Config::match_weight_permit),
        weight_key("match.weights.recognition", &Config::match_weight_recognition),
        weight_key("match.weights.availability", &Config::match_weight_availability),
        integer_key("match.default_radius_km", &Config::match_default_radius_km, 0, 1000, " km"),
        integer_key("match.min_kldb_digits", &Config::match_min_kldb_digits, 0, 5,
                    " (0 = occupation does not filter)"),
        integer_key("match.top", &Config::match_top, 1, 100000, ""),
    };
    return table;
}

const KeyDef* find_key(std::string_view key) {
    for (const auto& def : key_table()) {
        if (key == def.key) {
            return &def;
        }
    }
    return nullptr;
}

// Turn a TOML node into a Setting of the key's type, or say why it cannot be one.
std::optional<Setting> node_setting(const KeyDef& def, const toml::node& node) {
    const std::string_view type = def.type;
    if (type == "string" && node.is_string()) {
        return Setting{*node.value<std::string>()};
    }
    if (type == "integer" && node.is_integer()) {
        return Setting{*node.value<std::int64_t>()};
    }
    if (type == "boolean" && node.is_boolean()) {
        return Setting{*node.value<bool>()};
    }
    if (type == "number" && (node.is_floating_point() || node.is_integer())) {
        return Setting{*node.value<double>()};
    }
    if (type == "list" && node.is_array()) {
        std::vector<std::string> items;
        for (const auto& item : *node.as_array()) {
            if (!item.is_string()) {
                return std::nullopt;
            }
            items.push_back(*item.value<std::string>());
        }
        return Setting{items};
    }
    return std::nullopt;
}

// Turn text from --set or the environment into a Setting of the key's type.
std::optional<Setting> text_setting(const KeyDef& def, const std::string& text) {
    const std::string_view type = def.type;
    if (type == "integer") {
        if (const auto n = text::parse_int(text)) {
            return Setting{*n};
        }
        return std::nullopt;
    }
    if (type == "number") {
        if (const auto x = text::parse_double(text)) {
            return Setting{*x};
        }
        return std::nullopt;
    }
    if (type == "boolean") {
        if (text == "true" || text == "false") {
            return Setting{text == "true"};
        }
        return std::nullopt;
    }
    if (type == "list") {
        std::vector<std::string> items;
        if (!text::trim(text).empty()) {
            for (const auto part : text::split(text, ',')) {
                items.emplace_back(text::trim(part));
            }
        }
        return Setting{items};
    }
    return Setting{text};
}

std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a number";
    case toml::node_type::boolean:
        return "true/false";
    case toml::node_type::array:
        return "an array with an item that is not a string";
    case toml::node_type::table:
        return "a table";
    default:
        return "a date or time";
    }
}

std::string an(std::string_view type) {
    if (type == "list") {
        return "a list of strings";
    }
    return type == "integer"   ? "an integer"
           : type == "number"  ? "a number"
           : type == "boolean" ? "true or false"
                               : "a string";
}

// Walk `table`, calling `leaf(key, node)` for each value that is not a table; the tables under
// [import.profile] (import profiles, checked by lib/import) are not walked but passed to `profile`.
void walk(const toml::table& table, const std::string& prefix,
          const std::function<void(const std::string&, const toml::node&)>& leaf,
          const std::function<void(const std::string&, const toml::node&)>& profile) {
    for (const auto& [k, node] : table) {
        const std::string key =
            prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
        if (key == "import.profile" && node.is_table()) {
            for (const auto& [name, sub] : *node.as_table()) {
                profile(std::string(name.str()), sub);
            }
        } else if (const auto* sub = node.as_table()) {
            walk(*sub, key, leaf, profile);
        } else {
            leaf(key, node);
        }
    }
}

toml::table parse_file(const std::filesystem::path& path) {
    try {
        return toml::parse_file(path.string());
    } catch (const toml::parse_error& e) {
        const auto line = e.source().begin.line;
        if (line == 0) {
            throw Error(ErrorKind::config,
                        fmt::format("cannot read configuration file {}; check that it exists and "
                                    "is readable",
                                    path.string()));
        }
        throw Error(ErrorKind::config, fmt::format("{}:{}: {}; fix the TOML syntax", path.string(),
                                                   line, e.description()));
    }
}

std::vector<ConfigProblem> problems_in(const toml::table& table, Config& config,
                                       std::map<std::string, std::string>* origins,
                                       const std::string& origin) {
    std::vector<ConfigProblem> problems;
    const auto profile = [&](const std::string& name, const toml::node& node) {
        const auto line = node.source().begin.line;
        if (!node.is_table()) {
            problems.push_back({line, fmt::format("import.profile.{} must be a table "
                                                  "([import.profile.{}]); see "
                                                  "werkstatt-candidate(1)",
                                                  name, name)});
            return;
        }
        auto& sources = config.import_profiles;
        sources.erase(std::remove_if(sources.begin(), sources.end(),
                                     [&](const ProfileSource& p) { return p.name == name; }),
                      sources.end());
        sources.push_back(ProfileSource{name, origin});
    };
    walk(
        table, "",
        [&](const std::string& key, const toml::node& node) {
            const auto line = node.source().begin.line;
            const KeyDef* def = find_key(key);
            if (def == nullptr) {
                problems.push_back({line, fmt::format("unknown key '{}'; werkstatt-config(1) and "
                                                      "'werkstatt config show' list the keys",
                                                      key)});
                return;
            }
            const auto setting = node_setting(*def, node);
            if (!setting) {
                const bool bad_item = std::string_view(def->type) == "list" && node.is_array();
                problems.push_back(
                    {line, bad_item ? fmt::format("key '{}' must be a list of strings; put every "
                                                  "item in quotes",
                                                  key)
                                    : fmt::format("key '{}' must be {}, not {}; change the value",
                                                  key, an(def->type), type_name(node))});
                return;
            }
            if (const auto why = def->set(config, *setting)) {
                problems.push_back({line, fmt::format("key '{}' {}; change the value", key, *why)});
                return;
            }
            if (origins != nullptr) {
                (*origins)[key] = fmt::format("{}:{}", origin, line);
            }
        },
        profile);
    return problems;
}

void apply_text(LoadedConfig& loaded, const std::string& key, const std::string& value,
                const std::string& origin) {
    const KeyDef* def = find_key(key);
    if (def == nullptr) {
        throw Error(ErrorKind::config,
                    fmt::format("{}: unknown key '{}'; 'werkstatt config show' lists the keys",
                                origin, key));
    }
    const auto setting = text_setting(*def, value);
    if (!setting) {
        throw Error(ErrorKind::config,
                    fmt::format("{}: key '{}' must be {}, not '{}'; change the value", origin, key,
                                an(def->type), value));
    }
    if (const auto why = def->set(loaded.config, *setting)) {
        throw Error(ErrorKind::config,
                    fmt::format("{}: key '{}' {}; change the value", origin, key, *why));
    }
    loaded.origins[key] = origin;
}

void apply_file(LoadedConfig& loaded, const std::filesystem::path& path) {
    const auto table = parse_file(path);
    const auto problems = problems_in(table, loaded.config, &loaded.origins, path.string());
    if (!problems.empty()) {
        throw Error(ErrorKind::config,
                    fmt::format("{}:{}: {}", path.string(), problems.front().line,
                                problems.front().message));
    }
    loaded.files_read.push_back(path);
}

// Return the flag that sets `key` ("db" for database.path), for origins.
std::string flag_name(const std::string& key) {
    return key == "database.path" ? "db" : key;
}

std::string env_or(const std::map<std::string, std::string>& env, const std::string& name,
                   const std::string& fallback) {
    const auto it = env.find(name);
    return it == env.end() || it->second.empty() ? fallback : it->second;
}

} // namespace

LoadedConfig load_config(const ConfigSources& sources) {
    LoadedConfig loaded;
    for (const auto& def : key_table()) {
        loaded.origins[def.key] = "default";
    }
    std::error_code ec;
    for (const auto& file : {sources.system_file, sources.user_file}) {
        if (file && std::filesystem::exists(*file, ec)) {
            apply_file(loaded, *file);
        }
    }
    if (sources.explicit_file) {
        apply_file(loaded, *sources.explicit_file);
    }
    static const std::pair<const char*, const char*> k_env_keys[] = {
        {"WERKSTATT_DB", "database.path"}, {"WERKSTATT_FORMAT", "output.format"}};
    for (const auto& [var, key] : k_env_keys) {
        const auto it = sources.environment.find(var);
        if (it != sources.environment.end() && !it->second.empty()) {
            apply_text(loaded, key, it->second, fmt::format("environment {}", var));
        }
    }
    for (const auto& assignment : sources.assignments) {
        const auto eq = assignment.find('=');
        if (eq == std::string::npos) {
            throw Error(ErrorKind::usage, fmt::format("--set '{}' has no '='; write --set "
                                                      "key=value",
                                                      assignment));
        }
        apply_text(loaded, std::string(text::trim(assignment.substr(0, eq))),
                   std::string(text::trim(assignment.substr(eq + 1))), "option --set");
    }
    for (const auto& [key, value] : sources.flags) {
        apply_text(loaded, key, value, "option --" + flag_name(key));
    }
    if (loaded.config.database_path.empty()) {
        const auto home = env_or(sources.environment, "HOME", ".");
        const auto data = env_or(sources.environment, "XDG_DATA_HOME", home + "/.local/share");
        loaded.config.database_path = data + "/werkstatt/werkstatt.db";
    }
    return loaded;
}

std::vector<ConfigProblem> check_config_file(const std::filesystem::path& path) {
    try {
        const auto table = parse_file(path);
        Config scratch;
        auto problems = problems_in(table, scratch, nullptr, path.string());
        std::stable_sort(problems.begin(), problems.end(),
                         [](const auto& a, const auto& b) { return a.line < b.line; });
        return problems;
    } catch (const Error& e) {
        return {ConfigProblem{0, e.what()}};
    }
}

Records describe_config(const LoadedConfig& loaded) {
    Records records;
    records.columns = {"key", "value", "origin"};
    for (const auto& def : key_table()) {
        records.rows.push_back(
            {std::string(def.key), def.get(loaded.config), loaded.origins.at(def.key)});
    }
    return records;
}

std::vector<std::string> config_keys() {
    std::vector<std::string> keys;
    for (const auto& def : key_table()) {
        keys.emplace_back(def.key);
    }
    return keys;
}

} // namespace werkstatt
