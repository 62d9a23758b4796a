// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/values.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace werkstatt {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_lower_alnum(char c) {
    return (c >= 'a' && c <= 'z') || is_digit(c);
}

} // namespace

std::optional<Plz> Plz::parse(std::string_view text) {
    text = text::trim(text);
    if (text.size() != 5 || !std::all_of(text.begin(), text.end(), is_digit)) {
        return std::nullopt;
    }
    return Plz(std::string(text));
}

std::optional<Plz> Plz::parse_lost_zero(std::string_view text) {
    text = text::trim(text);
    if (text.size() != 4 || !std::all_of(text.begin(), text.end(), is_digit)) {
        return std::nullopt;
    }
    return Plz("0" + std::string(text));
}

std::optional<Email> Email::parse(std::string_view text) {
    text = text::trim(text);
    if (text.empty() || text.size() > 254) {
        return std::nullopt;
    }
    const auto at = text.find('@');
    if (at == 0 || at == std::string_view::npos ||
        text.find('@', at + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    const auto local = text.substr(0, at);
    const auto domain = text.substr(at + 1);
    const auto bad_char = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u <= 0x20 || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' ||
               c == '<' || c == '>' || c == '[' || c == ']' || c == '\\' || u == 0x7F;
    };
    if (local.size() > 64 || std::any_of(text.begin(), text.end(), bad_char)) {
        return std::nullopt;
    }
    const auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size() ||
        domain.find("..") != std::string_view::npos || local.find("..") != std::string_view::npos ||
        local.front() == '.' || local.back() == '.' || domain.front() == '-' ||
        domain.front() == '.') {
        return std::nullopt;
    }
    return Email(std::string(text));
}

std::optional<Phone> Phone::parse(std::string_view text) {
    text = text::trim(text);
    int digits = 0;
    for (char c : text) {
        if (is_digit(c)) {
            ++digits;
        } else if (c != ' ' && c != '+' && c != '(' && c != ')' && c != '/' && c != '-' &&
                   c != '.') {
            return std::nullopt;
        }
    }
    if (digits < 5 || digits > 20 || text.size() > 40) {
        return std::nullopt;
    }
    return Phone(std::string(text));
}

std::optional<RecordKey> RecordKey::parse(std::string_view text) {
    if (text.empty() || text.size() > 40 || !is_lower_alnum(text.front())) {
        return std::nullopt;
    }
    const auto ok = [](char c) { return is_lower_alnum(c) || c == '-' || c == '_'; };
    if (!std::all_of(text.begin(), text.end(), ok)) {
        return std::nullopt;
    }
    return RecordKey(std::string(text));
}

} // namespace werkstatt
