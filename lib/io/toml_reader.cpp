// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/toml_reader.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <vector>

namespace werkstatt {

namespace {

[[noreturn]] void too_large(std::string_view source) {
    throw Error(ErrorKind::config,
                _f("{} is larger than {} MiB, more than werkstatt reads from a TOML file; "
                   "shorten it (see werkstatt-config(1), LIMITS)",
                   source, k_toml_max_bytes >> 20));
}

// Walks a TOML text and keeps the nesting depth, skipping strings and comments.
class DepthScan {
  public:
    DepthScan(std::string_view text, std::string_view source) : m_text(text), m_source(source) {}

    void run() {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF") {
            m_at = 3; // a UTF-8 byte order mark, which toml++ skips too
        }
        while (m_at < m_text.size()) {
            step(m_text[m_at++]);
        }
    }

  private:
    void step(char c) {
        switch (c) {
        case '\n':
            ++m_line;
            reset();
            m_line_start = m_open.empty();
            return;
        case ' ':
        case '\t':
        case '\r':
            return;
        case '#':
            skip_until_newline();
            return;
        case '"':
        case '\'':
            skip_string(c);
            break;
        case '.':
            if (m_counting) {
                ++m_dots;
                check(depth() + m_dots + 1);
            }
            break;
        case '=':
            m_key = m_dots + 1;
            check(depth() + m_key);
            m_dots = 0;
            m_counting = false;
            break;
        case '[':
            if (m_line_start) {
                header();
                return;
            }
            push(m_key + 1);
            break;
        case '{':
            push(m_key);
            break;
        case ']':
        case '}':
            if (!m_open.empty()) {
                m_sum -= m_open.back();
                m_open.pop_back();
            }
            reset();
            break;
        case ',':
            reset();
            break;
        default:
            break;
        }
        m_line_start = false;
    }

    std::size_t depth() const { return m_header + m_sum; }

    void check(std::size_t depth) const {
        if (depth > k_toml_max_depth) {
            throw Error(ErrorKind::config,
                        _f("{}:{}: nested more than {} levels deep, more than werkstatt "
                           "reads from a TOML file; flatten the keys, tables and lists "
                           "(see werkstatt-config(1), LIMITS)",
                           m_source, m_line, k_toml_max_depth));
        }
    }

    void push(std::size_t levels) {
        m_open.push_back(levels);
        m_sum += levels;
        check(depth());
        reset();
    }

    void reset() {
        m_dots = 0;
        m_key = 0;
        m_counting = true;
    }

    // A table header [a.b] or [[a.b]] at the start of a line: its segments (one more for an
    // array of tables) are the depth of the keys below it.
    void header() {
        std::size_t levels = 1;
        if (m_at < m_text.size() && m_text[m_at] == '[') {
            ++m_at;
            ++levels;
        }
        while (m_at < m_text.size() && m_text[m_at] != ']' && m_text[m_at] != '\n') {
            const char c = m_text[m_at++];
            if (c == '"' || c == '\'') {
                skip_string(c);
            } else if (c == '.') {
                ++levels;
                check(levels);
            }
        }
        m_header = levels;
        check(m_header);
        while (m_at < m_text.size() && m_text[m_at] == ']') {
            ++m_at;
        }
        reset();
        m_line_start = false;
    }

    void skip_until_newline() {
        while (m_at < m_text.size() && m_text[m_at] != '\n') {
            ++m_at;
        }
    }

    // Skip the rest of a string opened by `quote` (a basic "..." or literal '...' string, or a
    // multi-line one of three quotes); a one-line string ends at the latest at the line's end.
    void skip_string(char quote) {
        const bool escapes = quote == '"';
        if (m_text.substr(m_at, 2) == std::string(2, quote)) {
            m_at += 2;
            const std::string closing(3, quote);
            while (m_at < m_text.size()) {
                if (escapes && m_text[m_at] == '\\') {
                    if (m_text.substr(m_at + 1, 1) == "\n") {
                        ++m_line;
                    }
                    m_at += 2;
                    continue;
                }
                if (m_text[m_at] == '\n') {
                    ++m_line;
                }
                if (m_text.substr(m_at, 3) == closing) {
                    m_at += 3;
                    while (m_at < m_text.size() && m_text[m_at] == quote) {
                        ++m_at; // up to two quotes may end the content
                    }
                    return;
                }
                ++m_at;
            }
            return;
        }
        while (m_at < m_text.size() && m_text[m_at] != '\n') {
            const char c = m_text[m_at++];
            if (escapes && c == '\\') {
                if (m_at < m_text.size() && m_text[m_at] != '\n') {
                    ++m_at;
                }
            } else if (c == quote) {
                return;
            }
        }
    }

    std::string_view m_text;
    std::string_view m_source;
    std::size_t m_at = 0;
    std::size_t m_line = 1;
    std::vector<std::size_t> m_open; // the levels each open list or inline table adds
    std::size_t m_sum = 0;           // their sum
    std::size_t m_header = 0;        // the levels of the last table header
    std::size_t m_dots = 0;          // dots of the key being read
    std::size_t m_key = 0;           // the levels of the key before the last '='
    bool m_counting = true;          // false in a value, where a dot is part of a number
    bool m_line_start = true;        // nothing but blanks since the line began, outside lists
};

} // namespace

void check_toml_limits(std::string_view text, std::string_view source) {
    if (text.size() > k_toml_max_bytes) {
        too_large(source);
    }
    DepthScan(text, source).run();
}

toml::table parse_toml(std::string_view text, std::string_view source) {
    check_toml_limits(text, source);
    try {
        return toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        // The parser's description quotes the text it saw, which may hold any byte: escaped.
        throw Error(ErrorKind::config,
                    _f("{}:{}: {}; fix the TOML syntax", source, e.source().begin.line,
                       text::printable(e.description(), 200)));
    }
}

TableReader::TableReader(std::string_view source, const toml::table& table, std::string_view what)
    : m_source(source), m_table(table), m_what(what) {}

void TableReader::fail(const toml::node& node, const std::string& message) const {
    throw Error(ErrorKind::config, _f("{}:{}: {}", m_source, node.source().begin.line, message));
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
                    _f("{}: '{}' is missing; add {} = YYYY-MM-DD, the day the data was "
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

std::optional<std::string> read_toml_text(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > k_toml_max_bytes) {
        too_large(path.string());
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    // Read one byte more than allowed, so that a file that grew (or a device) is still refused.
    std::string text(k_toml_max_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) {
        return std::nullopt;
    }
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > k_toml_max_bytes) {
        too_large(path.string());
    }
    return text;
}

toml::table parse_toml_file(const std::filesystem::path& path, std::string_view what) {
    const auto text = read_toml_text(path);
    if (!text) {
        throw Error(ErrorKind::config, _f("cannot read {} {}; check that it exists and is readable",
                                          what, path.string()));
    }
    return parse_toml(*text, path.string());
}

} // namespace werkstatt
