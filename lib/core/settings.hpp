// SPDX-License-Identifier: GPL-3.0-or-later
// Settings declared where they are used: a capability keeps its settings in a plain struct whose
// member initialisers are the defaults, and declares next to it a SettingTable that names each
// configuration key, its type, its bounds and a one-line doc. lib/config binds TOML keys to these
// tables; `config show`, `config keys`, `config check` and the commented config/werkstatt.toml are
// checked against them, so a key is spelled in one place.
#pragma once

#include "core/i18n.hpp"

#include <cstdint>
#include <fmt/format.h>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace werkstatt {

// The type of a configuration key's value as written in TOML.
enum class SettingType { string, integer, number, boolean, list };

// Return the name of `type` for messages and listings ("integer").
inline const char* to_string(SettingType type) {
    switch (type) {
    case SettingType::string:
        return "string";
    case SettingType::integer:
        return "integer";
    case SettingType::number:
        return "number";
    case SettingType::boolean:
        return "boolean";
    case SettingType::list:
        return "list";
    }
    return "string";
}

// A value read from a file, the environment or --set, already of the key's type.
using SettingValue =
    std::variant<std::string, std::int64_t, bool, std::vector<std::string>, double>;

// A check of one text value (a list item, a string): nothing if it is fine, else why not
// ("has 'x', which is not a period like 2027-02-06..2027-02-13").
using TextCheck = std::function<std::optional<std::string>(const std::string&)>;

// One configuration key of the settings struct S.
template <typename S>
struct SettingDef {
    std::string key; // "match.weights.german"
    SettingType type = SettingType::string;
    std::string doc; // one line: what it decides
    // Set the value in `s`, or return why `v` is not allowed ("must be between 0 and 1000 km").
    std::function<std::optional<std::string>(S&, const SettingValue&)> set;
    // Return the value in `s` as `config show` prints it.
    std::function<std::string(const S&)> show;
};

// The keys of the settings struct S, in the order `config show` lists them.
template <typename S>
class SettingTable {
  public:
    // Declare the string key `key` stored in `member`; `check` may refuse a value.
    SettingTable& text(std::string key, std::string S::*member, std::string doc,
                       TextCheck check = {}) {
        return add(
            std::move(key), SettingType::string, std::move(doc),
            [member, check](S& s, const SettingValue& v) -> std::optional<std::string> {
                const auto& text = std::get<std::string>(v);
                if (check) {
                    if (auto why = check(text)) {
                        return why;
                    }
                }
                s.*member = text;
                return std::nullopt;
            },
            [member](const S& s) { return s.*member; });
    }

    // Declare the integer key `key` stored in `member`, from `min` to `max` (`unit` follows the
    // bounds in messages: " km").
    template <typename I>
    SettingTable& integer(std::string key, I S::*member, std::int64_t min, std::int64_t max,
                          std::string unit, std::string doc) {
        static_assert(std::is_integral_v<I>);
        return add(
            std::move(key), SettingType::integer, std::move(doc),
            [=](S& s, const SettingValue& v) -> std::optional<std::string> {
                const auto n = std::get<std::int64_t>(v);
                if (n < min || n > max) {
                    return _f("must be between {} and {}{}", min, max, unit);
                }
                s.*member = static_cast<I>(n);
                return std::nullopt;
            },
            [member](const S& s) { return std::to_string(s.*member); });
    }

    // Declare the number key `key` (TOML integer or float, `min` to `max`) found in a struct by
    // `field`, a callable that takes the struct (const or not) and returns a reference to the
    // double (so that an array element can be a key).
    template <typename Field>
    SettingTable& number(std::string key, Field field, double min, double max, std::string doc) {
        return add(
            std::move(key), SettingType::number, std::move(doc),
            [=](S& s, const SettingValue& v) -> std::optional<std::string> {
                const auto x = std::get<double>(v);
                if (!(x >= min && x <= max)) { // also refuses NaN
                    return _f("must be a number from {} to {}", min, max);
                }
                field(s) = x;
                return std::nullopt;
            },
            [field](const S& s) { return fmt::format("{}", field(s)); });
    }

    // Declare the boolean key `key` stored in `member`.
    SettingTable& boolean(std::string key, bool S::*member, std::string doc) {
        return add(
            std::move(key), SettingType::boolean, std::move(doc),
            [member](S& s, const SettingValue& v) -> std::optional<std::string> {
                s.*member = std::get<bool>(v);
                return std::nullopt;
            },
            [member](const S& s) { return std::string(s.*member ? "true" : "false"); });
    }

    // Declare the list-of-strings key `key` stored in `member`; `check` may refuse an item.
    SettingTable& list(std::string key, std::vector<std::string> S::*member, std::string doc,
                       TextCheck check = {}) {
        return add(
            std::move(key), SettingType::list, std::move(doc),
            [member, check](S& s, const SettingValue& v) -> std::optional<std::string> {
                const auto& items = std::get<std::vector<std::string>>(v);
                if (check) {
                    for (const auto& item : items) {
                        if (auto why = check(item)) {
                            return why;
                        }
                    }
                }
                s.*member = items;
                return std::nullopt;
            },
            [member](const S& s) { return join(s.*member); });
    }

    // Declare the string key `key` whose value must be one of `choices` (name, value), stored
    // in `member`.
    template <typename E>
    SettingTable& choice(std::string key, E S::*member,
                         std::vector<std::pair<std::string, E>> choices, std::string doc) {
        return add(
            std::move(key), SettingType::string, std::move(doc),
            [member, choices](S& s, const SettingValue& v) -> std::optional<std::string> {
                const auto& text = std::get<std::string>(v);
                std::string names;
                for (const auto& [name, value] : choices) {
                    if (text == name) {
                        s.*member = value;
                        return std::nullopt;
                    }
                    names += names.empty() ? "" : ", ";
                    names += name;
                }
                return _f("must be one of {}", names);
            },
            [member, choices](const S& s) -> std::string {
                for (const auto& [name, value] : choices) {
                    if (s.*member == value) {
                        return name;
                    }
                }
                return "";
            });
    }

    // Declare a key whose value is set and shown by the given functions (for a typed list, such
    // as periods).
    SettingTable& custom(std::string key, SettingType type, std::string doc,
                         std::function<std::optional<std::string>(S&, const SettingValue&)> set,
                         std::function<std::string(const S&)> show) {
        return add(std::move(key), type, std::move(doc), std::move(set), std::move(show));
    }

    // Add every key of `inner`, the table of the member `group` of S, in its order.
    template <typename G>
    SettingTable& include(G S::*group, const SettingTable<G>& inner) {
        for (const auto& def : inner.defs()) {
            add(
                def.key, def.type, def.doc,
                [group, set = def.set](S& s, const SettingValue& v) { return set(s.*group, v); },
                [group, show = def.show](const S& s) { return show(s.*group); });
        }
        return *this;
    }

    // Return the keys in declaration order.
    const std::vector<SettingDef<S>>& defs() const { return m_defs; }

  private:
    SettingTable& add(std::string key, SettingType type, std::string doc,
                      std::function<std::optional<std::string>(S&, const SettingValue&)> set,
                      std::function<std::string(const S&)> show) {
        m_defs.push_back(
            SettingDef<S>{std::move(key), type, std::move(doc), std::move(set), std::move(show)});
        return *this;
    }
    static std::string join(const std::vector<std::string>& items) {
        std::string out;
        for (const auto& item : items) {
            out += out.empty() ? "" : ", ";
            out += item;
        }
        return out;
    }

    std::vector<SettingDef<S>> m_defs;
};

} // namespace werkstatt
