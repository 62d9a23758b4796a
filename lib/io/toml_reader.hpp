// SPDX-License-Identifier: GPL-3.0-or-later
// The one TOML reader: configuration, import profiles, rule and catalogue files are parsed here,
// and every error names the file and line.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

namespace werkstatt {

// Parse `text` as TOML; throw Error(config) naming `source` and the line on a syntax error.
toml::table parse_toml(std::string_view text, std::string_view source);

// Parse the file at `path` as TOML; throw Error(config) naming the file and line on a syntax
// error, or saying that the `what` ("configuration file") cannot be read.
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
