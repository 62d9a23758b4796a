// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/toml_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt {

toml::table parse_toml(std::string_view text, std::string_view source) {
    try {
        return toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        throw Error(ErrorKind::config, fmt::format("{}:{}: {}; fix the TOML syntax", source,
                                                   e.source().begin.line, e.description()));
    }
}

TableReader::TableReader(std::string_view source, const toml::table& table, std::string_view what)
    : m_source(source), m_table(table), m_what(what) {}

void TableReader::fail(const toml::node& node, const std::string& message) const {
    throw Error(ErrorKind::config,
                fmt::format("{}:{}: {}", m_source, node.source().begin.line, message));
}

void TableReader::check_keys(std::initializer_list<std::string_view> keys) const {
    for (const auto& [key, value] : m_table) {
        if (std::find(keys.begin(), keys.end(), key.str()) == keys.end()) {
            std::vector<std::string> names(keys.begin(), keys.end());
            fail(value, fmt::format("unknown key '{}' in {}; it may have {}", key.str(), m_what,
                                    text::join(names, ", ")));
        }
    }
}

std::string TableReader::text(std::string_view key, bool required) const {
    const toml::node* node = m_table.get(key);
    if (node == nullptr) {
        if (required) {
            fail(m_table, fmt::format("{} has no '{}'; add {} = \"...\"", m_what, key, key));
        }
        return "";
    }
    const auto value = node->value<std::string>();
    if (!value) {
        fail(*node, fmt::format("'{}' must be a text in quotes", key));
    }
    if (required && text::trim(*value).empty()) {
        fail(*node, fmt::format("'{}' must not be empty", key));
    }
    return *value;
}

std::string TableReader::present_text(std::string_view key) const {
    if (m_table.get(key) == nullptr) {
        fail(m_table, fmt::format("{} has no '{}'; add {} = \"...\"", m_what, key, key));
    }
    return text(key, false);
}

std::vector<std::string> TableReader::texts(std::string_view key) const {
    std::vector<std::string> out;
    const toml::node* node = m_table.get(key);
    if (node == nullptr) {
        return out;
    }
    const auto* array = node->as_array();
    if (array == nullptr) {
        fail(*node, fmt::format("'{}' must be a list such as [\"a\", \"b\"]", key));
    }
    for (const auto& item : *array) {
        const auto value = item.value<std::string>();
        if (!value) {
            fail(item, fmt::format("'{}' must list texts in quotes", key));
        }
        out.push_back(*value);
    }
    return out;
}

std::string TableReader::date(std::string_view key) const {
    const toml::node* node = m_table.get(key);
    if (node == nullptr) {
        throw Error(ErrorKind::config,
                    fmt::format("{}: '{}' is missing; add {} = YYYY-MM-DD, the day the data was "
                                "last checked",
                                m_source, key, key));
    }
    const auto* date = node->as_date();
    if (date == nullptr) {
        fail(*node, fmt::format("'{}' must be a date without quotes; write it like {} = 2025-01-01",
                                key, key));
    }
    const auto& day = date->get();
    return fmt::format("{:04}-{:02}-{:02}", day.year, day.month, day.day);
}

const toml::table* TableReader::table(std::string_view key) const {
    const toml::node* node = m_table.get(key);
    if (node == nullptr) {
        return nullptr;
    }
    if (!node->is_table()) {
        fail(*node, fmt::format("'{}' must be a table", key));
    }
    return node->as_table();
}

std::vector<const toml::table*> TableReader::tables(std::string_view key) const {
    std::vector<const toml::table*> out;
    const toml::node* node = m_table.get(key);
    if (node == nullptr) {
        return out;
    }
    const auto* array = node->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
        fail(*node, fmt::format("'{}' must be a list of [[{}]] tables", key, key));
    }
    for (const auto& item : *array) {
        out.push_back(item.as_table());
    }
    return out;
}

std::optional<bool> TableReader::flag(std::string_view key) const {
    const toml::node* node = m_table.get(key);
    if (node == nullptr) {
        return std::nullopt;
    }
    const auto value = node->value<bool>();
    if (!value) {
        fail(*node, fmt::format("'{}' must be true or false", key));
    }
    return value;
}

toml::table parse_toml_file(const std::filesystem::path& path, std::string_view what) {
    try {
        return toml::parse_file(path.string());
    } catch (const toml::parse_error& e) {
        const auto line = e.source().begin.line;
        if (line == 0) {
            throw Error(ErrorKind::config,
                        fmt::format("cannot read {} {}; check that it exists and is readable", what,
                                    path.string()));
        }
        throw Error(ErrorKind::config, fmt::format("{}:{}: {}; fix the TOML syntax", path.string(),
                                                   line, e.description()));
    }
}

} // namespace werkstatt
