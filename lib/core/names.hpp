// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers shared by the value types and the capabilities.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace werkstatt {

// Return the value whose name in `table` is `text`, or nothing.
template <typename Enum, std::size_t N>
std::optional<Enum> lookup_name(const std::pair<std::string_view, Enum> (&table)[N],
                                std::string_view text) {
    for (const auto& [name, value] : table) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

// Return the name of `value` in `table`, or "" if it has none.
template <typename Enum, std::size_t N>
std::string_view name_in(const std::pair<std::string_view, Enum> (&table)[N], Enum value) {
    for (const auto& [name, v] : table) {
        if (v == value) {
            return name;
        }
    }
    return "";
}

// Set `target` to `value`; if that changes it, append `field` to `changed`.
template <typename T>
void assign_changed(T& target, T value, const char* field, std::vector<std::string>& changed) {
    if (target != value) {
        target = std::move(value);
        changed.emplace_back(field);
    }
}

} // namespace werkstatt
