// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/toml_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt::advisory_detail {

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
        fail(*node,
             fmt::format("'{}' must be a date without quotes, e.g. {} = 2025-01-01", key, key));
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

std::vector<AdvisoryTopic> TableReader::topics(std::string_view key) const {
    std::vector<AdvisoryTopic> out;
    for (const auto& name : texts(key)) {
        const auto topic = parse_advisory_topic(name);
        if (!topic) {
            fail(*m_table.get(key), fmt::format("unknown topic '{}'; the known topics are {}", name,
                                                known_advisory_topics()));
        }
        out.push_back(*topic);
    }
    return out;
}

namespace {

constexpr std::string_view k_permissions = "free, title-job, permit-required, not-allowed, unknown";
constexpr std::string_view k_statuses =
    "eu, niederlassung, schutz, ukraine, bleiberecht, fachkraft, blaue-karte, ausbildung, "
    "anerkennung, beschaeftigung, fiktion, gestattung, duldung, duldung-60b, ausbildungsduldung, "
    "unknown";
constexpr std::string_view k_recognitions =
    "not-required, not-applied, counselling, pending, full, partial, compensation-required, "
    "rejected, unrecorded";

template <typename T, typename Parse>
std::vector<T> parsed_list(const TableReader& r, std::string_view key, Parse parse,
                           std::string_view known) {
    std::vector<T> out;
    for (const auto& name : r.texts(key)) {
        const auto value = parse(name);
        if (!value) {
            r.fail(*r.node().get(key),
                   fmt::format("'{}' in {} is unknown; use {}", name, key, known));
        }
        out.push_back(*value);
    }
    return out;
}

std::vector<std::optional<Recognition>> recognitions(const TableReader& r, std::string_view key) {
    std::vector<std::optional<Recognition>> out;
    for (const auto& name : r.texts(key)) {
        std::optional<Recognition> value;
        if (!parse_recognition_or_unrecorded(name, value)) {
            r.fail(*r.node().get(key),
                   fmt::format("'{}' in {} is unknown; use {}", name, key, k_recognitions));
        }
        out.push_back(value);
    }
    return out;
}

std::optional<CefrLevel> level_of(const TableReader& r, std::string_view key) {
    const auto text = r.text(key, false);
    if (text.empty()) {
        return std::nullopt;
    }
    const auto level = CefrLevel::parse(text);
    if (!level) {
        r.fail(*r.node().get(key), fmt::format("'{}' must be a CEFR level A1 to C2", key));
    }
    return level;
}

std::optional<bool> flag_of(const TableReader& r, std::string_view key) {
    const toml::node* node = r.node().get(key);
    if (node == nullptr) {
        return std::nullopt;
    }
    const auto value = node->value<bool>();
    if (!value) {
        r.fail(*node, fmt::format("'{}' must be true or false", key));
    }
    return value;
}

} // namespace

SituationCondition read_condition(const TableReader& r) {
    SituationCondition c;
    c.permission =
        parsed_list<WorkPermission>(r, "permission", parse_work_permission, k_permissions);
    c.permission_not =
        parsed_list<WorkPermission>(r, "permission_not", parse_work_permission, k_permissions);
    c.status = parsed_list<ResidenceStatus>(r, "status", parse_residence_status, k_statuses);
    c.status_not =
        parsed_list<ResidenceStatus>(r, "status_not", parse_residence_status, k_statuses);
    c.recognition = recognitions(r, "recognition");
    c.recognition_not = recognitions(r, "recognition_not");
    c.german_below = level_of(r, "german_below");
    c.german_at_least = level_of(r, "german_at_least");
    c.german_below_opening = flag_of(r, "german_below_opening");
    c.level = parsed_list<RequirementLevel>(r, "level", parse_requirement_level,
                                            "helper, skilled, specialist, expert");
    c.regulated = flag_of(r, "regulated");
    return c;
}

} // namespace werkstatt::advisory_detail
