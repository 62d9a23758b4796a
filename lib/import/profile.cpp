// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/profile.hpp"
#include "core/i18n.hpp"

#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/encoding.hpp"
#include "io/toml_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <optional>
#include <toml++/toml.h>

namespace werkstatt {

namespace {

constexpr const char* k_shipped = "config/import-profiles.toml";

Error bad_profile(const std::string& origin, const toml::node& node, const std::string& what) {
    return Error(ErrorKind::config, _f("{}:{}: {}; see werkstatt-candidate(1)", origin,
                                       node.source().begin.line, what));
}

std::string string_of(const std::string& origin, const toml::node& node, const std::string& key) {
    if (!node.is_string()) {
        throw bad_profile(origin, node, fmt::format("'{}' must be a string", key));
    }
    return *node.value<std::string>();
}

bool known_field(RecordKind kind, const std::string& field) {
    const auto& fields = import_fields(kind);
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

ColumnRef column_of(const ImportProfile& p, const toml::node& node, const std::string& field) {
    if (p.header) {
        return ColumnRef{string_of(p.origin, node, "columns." + field), 0};
    }
    const auto pos = node.value<std::int64_t>();
    if (!pos || *pos < 1 || *pos > 1000) {
        throw bad_profile(
            p.origin, node,
            fmt::format("columns.{} must be a position 1 to 1000 (header = false)", field));
    }
    return ColumnRef{"", static_cast<int>(*pos)};
}

void read_columns(ImportProfile& p, const toml::node& node) {
    const auto* table = node.as_table();
    if (table == nullptr) {
        throw bad_profile(p.origin, node, "[columns] must be a table");
    }
    // toml++ hands the keys over sorted by name; the profile's own order (its lines) is the
    // order a person reads, and the order in which messages list missing columns.
    std::vector<std::pair<std::uint32_t, std::pair<std::string, ColumnRef>>> by_line;
    for (const auto& [k, v] : *table) {
        const std::string field(k.str());
        if (hand_only_field(p.kind, field)) {
            throw bad_profile(p.origin, v,
                              fmt::format("field '{}' cannot come from a file: special "
                                          "categories of personal data (Art. 9 GDPR), the "
                                          "consent to them and the exit are recorded by hand "
                                          "with 'werkstatt candidate edit' or 'candidate exit'",
                                          field));
        }
        if (!known_field(p.kind, field)) {
            throw bad_profile(p.origin, v,
                              fmt::format("unknown field '{}'; the fields are {}", field,
                                          text::join(import_fields(p.kind), ", ")));
        }
        by_line.emplace_back(v.source().begin.line, std::pair(field, column_of(p, v, field)));
    }
    std::stable_sort(by_line.begin(), by_line.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, column] : by_line) {
        p.columns.push_back(std::move(column));
    }
    std::stable_sort(p.columns.begin(), p.columns.end(), [](const auto& a, const auto& b) {
        return a.second.position < b.second.position;
    });
}

void read_values(ImportProfile& p, const toml::node& node) {
    const auto* table = node.as_table();
    if (table == nullptr) {
        throw bad_profile(p.origin, node, "[values] must be a table of tables");
    }
    for (const auto& [k, v] : *table) {
        const std::string field(k.str());
        if (!known_field(p.kind, field) || !v.is_table()) {
            throw bad_profile(p.origin, v,
                              fmt::format("values.{} must name a field and be a "
                                          "table",
                                          field));
        }
        for (const auto& [spelling, code] : *v.as_table()) {
            p.values[field][text::fold_for_match(spelling.str())] =
                string_of(p.origin, code, "values." + field);
        }
    }
}

ImportProfile read_profile(const std::string& name, const toml::node& node,
                           const std::string& origin) {
    ImportProfile p;
    p.name = name;
    p.origin = origin;
    p.source = name;
    const auto* table = node.as_table();
    if (table == nullptr) {
        throw bad_profile(origin, node, fmt::format("import.profile.{} must be a table", name));
    }
    if (const auto* kind = table->get("kind")) {
        const auto k = string_of(origin, *kind, "kind");
        if (k != "candidate" && k != "opening") {
            throw bad_profile(origin, *kind, "kind must be \"candidate\" or \"opening\"");
        }
        p.kind = k == "opening" ? RecordKind::opening : RecordKind::candidate;
    }
    for (const auto& [k, v] : *table) {
        const std::string key(k.str());
        if (key == "kind" || key == "columns" || key == "values" || key == "description") {
            continue;
        }
        if (key == "header") {
            if (!v.is_boolean()) {
                throw bad_profile(origin, v, "header must be true or false");
            }
            p.header = *v.value<bool>();
        } else if (key == "date_format") {
            const auto f = string_of(origin, v, key);
            if (f != "DD.MM.YYYY" && f != "YYYY-MM-DD") {
                throw bad_profile(origin, v,
                                  "date_format must be \"DD.MM.YYYY\" or "
                                  "\"YYYY-MM-DD\"");
            }
            p.date_format = f == "YYYY-MM-DD" ? DateFormat::iso : DateFormat::german;
        } else if (key == "source") {
            p.source = string_of(origin, v, key);
        } else if (key == "encoding") {
            p.encoding = string_of(origin, v, key);
        } else if (key == "delimiter") {
            const auto d = string_of(origin, v, key);
            if (d != "auto" && d != ";" && d != "," && d != "\t") {
                throw bad_profile(origin, v, "delimiter must be \"auto\", \";\", \",\" or \"\\t\"");
            }
            p.delimiter = d == "auto" ? '\0' : d[0];
        } else {
            throw bad_profile(origin, v,
                              fmt::format("unknown key '{}' in import.profile.{}", key, name));
        }
    }
    const auto* columns = table->get("columns");
    if (columns == nullptr) {
        throw bad_profile(origin, node, fmt::format("import.profile.{} has no [columns]", name));
    }
    read_columns(p, *columns);
    if (const auto* values = table->get("values")) {
        read_values(p, *values);
    }
    const std::vector<std::string> required =
        p.kind == RecordKind::opening ? std::vector<std::string>{"company", "title", "reference"}
                                      : std::vector<std::string>{"reference"};
    for (const auto& field : required) {
        const bool mapped = std::any_of(p.columns.begin(), p.columns.end(),
                                        [&](const auto& c) { return c.first == field; });
        if (!mapped) {
            throw bad_profile(origin, *columns,
                              fmt::format("import.profile.{} maps no column to '{}', which every "
                                          "row needs",
                                          name, field));
        }
    }
    if (p.encoding != "auto" && !parse_encoding(p.encoding)) {
        throw bad_profile(origin, node,
                          fmt::format("encoding '{}' of import.profile.{} is unknown; use auto, "
                                      "utf-8, windows-1252 or utf-16le",
                                      p.encoding, name));
    }
    return p;
}

// Read the profiles of the TOML `root` of `origin` into `out`, replacing same names; with `only`,
// just the profile of that name (a broken profile that is not asked for then stops nothing).
void read_profiles(const toml::table& root, const std::string& origin,
                   std::vector<ImportProfile>& out,
                   std::optional<std::string_view> only = std::nullopt) {
    const auto* profiles = root["import"]["profile"].as_table();
    if (profiles == nullptr) {
        return;
    }
    for (const auto& [name, node] : *profiles) {
        if (only && name.str() != *only) {
            continue;
        }
        auto profile = read_profile(std::string(name.str()), node, origin);
        out.erase(std::remove_if(out.begin(), out.end(),
                                 [&](const ImportProfile& p) { return p.name == profile.name; }),
                  out.end());
        out.push_back(std::move(profile));
    }
}

toml::table shipped_profiles() {
    const auto shipped = embedded_file(k_shipped);
    if (!shipped) {
        throw Error(ErrorKind::internal, _("the shipped import profiles were not compiled in; "
                                           "please report this"));
    }
    return parse_toml(*shipped, k_shipped);
}

} // namespace

std::vector<ImportProfile> all_profiles(const std::vector<ProfileSource>& sources) {
    std::vector<ImportProfile> out;
    read_profiles(shipped_profiles(), k_shipped, out);
    std::vector<std::string> files;
    for (const auto& s : sources) {
        if (std::find(files.begin(), files.end(), s.file) == files.end()) {
            files.push_back(s.file);
        }
    }
    for (const auto& file : files) {
        read_profiles(parse_toml_file(file, "import profile file"), file, out);
    }
    return out;
}

ImportProfile find_profile(const std::vector<ProfileSource>& sources, std::string_view name) {
    // The configuration said which file defines each profile (later files win): read that one
    // file once, and only the profile asked for.
    std::vector<ImportProfile> found;
    const auto defined = std::find_if(sources.rbegin(), sources.rend(),
                                      [&](const ProfileSource& s) { return s.name == name; });
    if (defined != sources.rend()) {
        read_profiles(parse_toml_file(defined->file, "import profile file"), defined->file, found,
                      name);
    } else {
        read_profiles(shipped_profiles(), k_shipped, found, name);
    }
    if (!found.empty()) {
        return found.front();
    }
    std::vector<std::string> names;
    const auto root = shipped_profiles();
    if (const auto* shipped = root["import"]["profile"].as_table()) {
        for (const auto& entry : *shipped) {
            names.emplace_back(entry.first.str());
        }
    }
    for (const auto& s : sources) {
        if (std::find(names.begin(), names.end(), s.name) == names.end()) {
            names.push_back(s.name);
        }
    }
    throw Error(ErrorKind::usage,
                _f("no import profile '{}'; the profiles are {}", name, text::join(names, ", ")));
}

std::vector<std::string> check_profiles(const std::vector<ProfileSource>& sources) {
    try {
        all_profiles(sources);
    } catch (const Error& e) {
        return {e.what()};
    }
    return {};
}

} // namespace werkstatt
