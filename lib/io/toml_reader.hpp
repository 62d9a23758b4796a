// SPDX-License-Identifier: GPL-3.0-or-later
// The one TOML reader: configuration, import profiles, rule and catalogue files are parsed here,
// and every error names the file and line.
#pragma once

#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

namespace werkstatt {

// The largest TOML file werkstatt reads (1 MiB) and the deepest nesting of keys, tables and
// lists in it (64 levels); no real configuration or rule file comes near either. A file nested
// thousands of levels deep would overflow the stack of the TOML parser.
inline constexpr std::size_t k_toml_max_bytes = std::size_t{1} << 20;
inline constexpr std::size_t k_toml_max_depth = 64;

// Throw Error(config) naming `source` if `text` is larger than k_toml_max_bytes, or naming the
// line where it nests deeper than k_toml_max_depth: the segments of dotted keys and table
// headers plus the open lists and inline tables, outside strings and comments. A pre-scan, not a
// parser: it counts a dot in a number as a level, which only matters 64 levels down.
void check_toml_limits(std::string_view text, std::string_view source);

// Parse `text` as TOML after check_toml_limits(); throw Error(config) naming `source` and the
// line on a syntax error.
toml::table parse_toml(std::string_view text, std::string_view source);

// Return the text of the TOML file at `path` for parse_toml(), or nothing if it cannot be opened;
// throw Error(config) naming the file if it is larger than k_toml_max_bytes (read no further).
std::optional<std::string> read_toml_text(const std::filesystem::path& path);

// Parse the file at `path` as TOML as parse_toml() does, refusing a file over k_toml_max_bytes
// before reading it; throw Error(config) naming the file and line on a syntax error, or saying
// that the `what` ("configuration file") cannot be read.
toml::table parse_toml_file(const std::filesystem::path& path, std::string_view what);

// Reads one table of a rule or catalogue file.
class TableReader {
  public:
    // Read `table` of the file `source`; `what` names the table in messages ("an instrument").
    TableReader(std::string_view source, const toml::table& table, std::string_view what);

    // Throw Error(config) naming the line of `node`.
    [[noreturn]] void fail(const toml::node& node, const std::string& message) const;
    // Throw unless every key is one of `keys`.
    void check_keys(std::initializer_list<std::string_view> keys) const;
    // Return the text of `key`; a missing key is an error if `required`, else "".
    std::string text(std::string_view key, bool required) const;
    // Return the text of `key`, which must be there but may be empty.
    std::string present_text(std::string_view key) const;
    // Return the texts of the list `key` (empty if missing).
    std::vector<std::string> texts(std::string_view key) const;
    // Return the date of `key` as YYYY-MM-DD; it must be there.
    std::string date(std::string_view key) const;
    // Return the table of `key`, or nullptr.
    const toml::table* table(std::string_view key) const;
    // Return the list of tables `key` (empty if missing).
    std::vector<const toml::table*> tables(std::string_view key) const;
    // Return the boolean of `key`, or nothing if it is missing.
    std::optional<bool> flag(std::string_view key) const;

    const toml::table& node() const { return m_table; }
    std::string_view source() const { return m_source; }

  private:
    std::string_view m_source;
    const toml::table& m_table;
    std::string m_what;
};

} // namespace werkstatt
