// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/config.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/toml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>
#include <toml++/toml.h>
#include <variant>

namespace werkstatt {

namespace {

using KeyDef = SettingDef<Config>;

const KeyDef* find_key(std::string_view key) {
    for (const auto& def : config_table().defs()) {
        if (key == def.key) {
            return &def;
        }
    }
    return nullptr;
}

// Turn a TOML node into a Setting of the key's type, or say why it cannot be one.
std::optional<SettingValue> node_setting(const KeyDef& def, const toml::node& node) {
    const auto type = def.type;
    if (type == SettingType::string && node.is_string()) {
        return SettingValue{*node.value<std::string>()};
    }
    if (type == SettingType::integer && node.is_integer()) {
        return SettingValue{*node.value<std::int64_t>()};
    }
    if (type == SettingType::boolean && node.is_boolean()) {
        return SettingValue{*node.value<bool>()};
    }
    if (type == SettingType::number && (node.is_floating_point() || node.is_integer())) {
        return SettingValue{*node.value<double>()};
    }
    if (type == SettingType::list && node.is_array()) {
        std::vector<std::string> items;
        for (const auto& item : *node.as_array()) {
            if (item.is_integer()) { // [1, 3, 6]: the key's check reads the numbers
                items.push_back(std::to_string(*item.value<std::int64_t>()));
            } else if (item.is_string()) {
                items.push_back(*item.value<std::string>());
            } else {
                return std::nullopt;
            }
        }
        return SettingValue{items};
    }
    return std::nullopt;
}

// Turn text from --set or the environment into a Setting of the key's type.
std::optional<SettingValue> text_setting(const KeyDef& def, const std::string& text) {
    const auto type = def.type;
    if (type == SettingType::integer) {
        if (const auto n = text::parse_int(text)) {
            return SettingValue{*n};
        }
        return std::nullopt;
    }
    if (type == SettingType::number) {
        if (const auto x = text::parse_double(text)) {
            return SettingValue{*x};
        }
        return std::nullopt;
    }
    if (type == SettingType::boolean) {
        if (text == "true" || text == "false") {
            return SettingValue{text == "true"};
        }
        return std::nullopt;
    }
    if (type == SettingType::list) {
        std::vector<std::string> items;
        if (!text::trim(text).empty()) {
            for (const auto part : text::split(text, ',')) {
                items.emplace_back(text::trim(part));
            }
        }
        return SettingValue{items};
    }
    return SettingValue{text};
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

std::string an(SettingType type) {
    switch (type) {
    case SettingType::list:
        return "a list of strings";
    case SettingType::integer:
        return "an integer";
    case SettingType::number:
        return "a number";
    case SettingType::boolean:
        return "true or false";
    case SettingType::string:
        break;
    }
    return "a string";
}

// Whether [report.NAME] holds settings (report.csv.*, or the replaced report.sensitive.*)
// rather than a named report.
bool is_settings_table(const std::string& key) {
    const auto prefix = key + ".";
    const auto& replaced = replaced_privacy_keys();
    if (std::any_of(replaced.begin(), replaced.end(), [&](const ReplacedKey& r) {
            return r.key.substr(0, prefix.size()) == prefix;
        })) {
        return true; // so that a replaced key is named as such, not read as a named report
    }
    return std::any_of(config_table().defs().begin(), config_table().defs().end(),
                       [&](const KeyDef& def) { return def.key.rfind(prefix, 0) == 0; });
}

// Say that `key` is unknown; for report.sensitive.kind and the like, that the table holds
// settings and cannot be a named report.
std::string unknown_key_message(const std::string& key) {
    // The key as written, escaped: a quoted TOML key or a --set may hold any character.
    const auto shown = text::printable(key, 80);
    for (const auto& r : replaced_privacy_keys()) {
        if (r.key == key) {
            return fmt::format("key '{}' was replaced by {} (one switch for disability and "
                               "minority); remove it and set {} = true under [privacy] to "
                               "collect them",
                               shown, r.now, r.now.substr(r.now.find('.') + 1));
        }
    }
    const auto last_dot = key.rfind('.');
    const auto table = key.substr(0, last_dot);
    const auto leaf = key.substr(last_dot + 1);
    const auto& report_keys = named_report_keys();
    if (table.rfind("report.", 0) == 0 && table.find('.', 7) == std::string::npos &&
        std::find(report_keys.begin(), report_keys.end(), leaf) != report_keys.end()) {
        if (const auto why = why_not_report_name(table.substr(7))) {
            return fmt::format("unknown key '{}'; {}", shown, *why);
        }
    }
    return fmt::format("unknown key '{}'; werkstatt-config(1) and 'werkstatt config show' list "
                       "the keys",
                       shown);
}

// What a walk does with each node: a value, an import profile, a named report.
struct Visitor {
    std::function<void(const std::string&, const toml::node&)> leaf;
    std::function<void(const std::string&, const toml::node&)> profile;
    std::function<void(const std::string&, const toml::node&)> report;
};

// Walk `table`, calling `leaf(key, node)` for each value that is not a table; the tables under
// [import.profile] (import profiles, checked by lib/import) are not walked but passed to
// `profile`, the tables [report.NAME] that hold no settings to `report`.
void walk(const toml::table& table, const std::string& prefix, const Visitor& visit) {
    for (const auto& [k, node] : table) {
        const std::string key =
            prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
        if (key == "import.profile" && node.is_table()) {
            for (const auto& [name, sub] : *node.as_table()) {
                visit.profile(std::string(name.str()), sub);
            }
        } else if (prefix == "report" && node.is_table() && !is_settings_table(key)) {
            visit.report(std::string(k.str()), node);
        } else if (const auto* sub = node.as_table()) {
            walk(*sub, key, visit);
        } else {
            visit.leaf(key, node);
        }
    }
}

// Read the named report [report.`name`] from `node` into `reports` (replacing one of the same
// name), or add what is wrong with it to `problems`.
void read_named_report(const std::string& name, const toml::node& node, const std::string& origin,
                       std::vector<NamedReport>& reports, std::vector<ConfigProblem>& problems) {
    const auto line = node.source().begin.line;
    if (const auto why = why_not_report_name(name)) {
        problems.push_back({line, *why});
        return;
    }
    NamedReport report;
    report.name = name;
    report.origin = fmt::format("{}:{}", origin, line);
    bool valid = true;
    for (const auto& [k, value] : *node.as_table()) {
        const auto key_line = value.source().begin.line;
        const std::string key(k.str());
        if (!value.is_string()) {
            problems.push_back({key_line, fmt::format("[report.{}] {} must be a string, not {}; "
                                                      "put the value in quotes",
                                                      name, key, type_name(value))});
            valid = false;
        } else if (const auto why =
                       set_named_report_key(report, key, *value.value<std::string>())) {
            problems.push_back({key_line, fmt::format("[report.{}] {}", name, *why)});
            valid = false;
        }
    }
    if (!valid) {
        return;
    }
    if (const auto why = why_not_named_report(report)) {
        problems.push_back({line, fmt::format("[report.{}] {}", name, *why)});
        return;
    }
    reports.erase(std::remove_if(reports.begin(), reports.end(),
                                 [&](const NamedReport& r) { return r.name == name; }),
                  reports.end());
    const auto at =
        std::lower_bound(reports.begin(), reports.end(), name,
                         [](const NamedReport& r, const std::string& n) { return r.name < n; });
    reports.insert(at, std::move(report));
}

toml::table parse_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw Error(ErrorKind::config, _f("configuration file {} is a folder; name a "
                                          "TOML file",
                                          path.string()));
    }
    return parse_toml_file(path, "configuration file");
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
    Visitor visit;
    visit.profile = profile;
    visit.report = [&](const std::string& name, const toml::node& node) {
        read_named_report(name, node, origin, config.named_reports, problems);
    };
    visit.leaf = [&](const std::string& key, const toml::node& node) {
        const auto line = node.source().begin.line;
        const KeyDef* def = find_key(key);
        if (def == nullptr) {
            problems.push_back({line, unknown_key_message(key)});
            return;
        }
        const auto setting = node_setting(*def, node);
        if (!setting) {
            const bool bad_item = def->type == SettingType::list && node.is_array();
            problems.push_back(
                {line, bad_item ? fmt::format("key '{}' must be a list of strings; put every "
                                              "item in quotes",
                                              key)
                                : fmt::format("key '{}' must be {}, not {}; change the value", key,
                                              an(def->type), type_name(node))});
            return;
        }
        if (const auto why = def->set(config, *setting)) {
            // A setting's own check quotes the value, which may hold any character: escaped.
            problems.push_back({line, fmt::format("key '{}' {}; change the value", key,
                                                  text::printable(*why, 300))});
            return;
        }
        if (origins != nullptr) {
            (*origins)[key] = fmt::format("{}:{}", origin, line);
        }
    };
    walk(table, "", visit);
    return problems;
}

void apply_text(LoadedConfig& loaded, const std::string& key, const std::string& value,
                const std::string& origin) {
    const KeyDef* def = find_key(key);
    if (def == nullptr) {
        const auto message = unknown_key_message(key);
        throw Error(ErrorKind::config,
                    message.rfind("key '", 0) == 0
                        ? fmt::format("{}: {}", origin, message)
                        : fmt::format("{}: unknown key '{}'; 'werkstatt config show' lists the "
                                      "keys",
                                      origin, text::printable(key, 80)));
    }
    const auto setting = text_setting(*def, value);
    if (!setting) {
        throw Error(ErrorKind::config, _f("{}: key '{}' must be {}, not '{}'; change the value",
                                          origin, key, an(def->type), text::printable(value, 80)));
    }
    if (const auto why = def->set(loaded.config, *setting)) {
        throw Error(ErrorKind::config, _f("{}: key '{}' {}; change the value", origin, key,
                                          text::printable(*why, 300)));
    }
    loaded.origins[key] = origin;
}

void apply_file(LoadedConfig& loaded, const std::filesystem::path& path) {
    const auto table = parse_file(path);
    const auto problems = problems_in(table, loaded.config, &loaded.origins, path.string());
    if (!problems.empty()) {
        throw Error(ErrorKind::config, _f("{}:{}: {}", path.string(), problems.front().line,
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
    for (const auto& def : config_table().defs()) {
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
            throw Error(ErrorKind::usage, _f("--set '{}' has no '='; write --set "
                                             "key=value",
                                             text::printable(assignment, 80)));
        }
        apply_text(loaded, std::string(text::trim(assignment.substr(0, eq))),
                   std::string(text::trim(assignment.substr(eq + 1))), "option --set");
    }
    for (const auto& [key, value] : sources.flags) {
        apply_text(loaded, key, value, "option --" + flag_name(key));
    }
    if (loaded.config.store.database_path.empty()) {
        const auto home = env_or(sources.environment, "HOME", ".");
        const auto data = env_or(sources.environment, "XDG_DATA_HOME", home + "/.local/share");
        loaded.config.store.database_path = data + "/werkstatt/werkstatt.db";
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
    for (const auto& def : config_table().defs()) {
        records.rows.push_back(
            {std::string(def.key), def.show(loaded.config), loaded.origins.at(def.key)});
    }
    return records;
}

std::vector<std::string> config_keys() {
    std::vector<std::string> keys;
    for (const auto& def : config_table().defs()) {
        keys.emplace_back(def.key);
    }
    return keys;
}

} // namespace werkstatt

namespace werkstatt {

const SettingTable<Config>& config_table() {
    static const auto table = SettingTable<Config>()
                                  .include(&Config::store, store_settings_table())
                                  .include(&Config::output, output_settings_table())
                                  .include(&Config::lang, language_settings_table())
                                  .include(&Config::companies, member_settings_table())
                                  .include(&Config::events, event_settings_table())
                                  .include(&Config::planner, planner_settings_table())
                                  .include(&Config::advisory, advisory_settings_table())
                                  .include(&Config::store, audit_settings_table())
                                  .include(&Config::match, match_settings_table())
                                  .include(&Config::exchange, exchange_settings_table())
                                  .include(&Config::report, report_settings_table())
                                  .include(&Config::privacy, privacy_settings_table());
    return table;
}

Records describe_keys() {
    Records records;
    records.columns = {"key", "type", "default", "doc"};
    const Config defaults;
    for (const auto& def : config_table().defs()) {
        records.rows.push_back(
            {def.key, std::string(to_string(def.type)), def.show(defaults), def.doc});
    }
    return records;
}

} // namespace werkstatt
