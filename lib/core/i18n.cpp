// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the gettext catalogue lands: translation returns the msgid.
#include "core/i18n.hpp"

#include <cmath>
#include <fmt/format.h>

namespace werkstatt {

std::optional<Language> parse_language(std::string_view text) {
    if (text == "de") {
        return Language::de;
    }
    if (text == "en") {
        return Language::en;
    }
    return std::nullopt;
}

std::string_view to_string(Language lang) {
    return lang == Language::de ? "de" : "en";
}

std::string tr(Language, const char* msgid) {
    return msgid;
}

std::string trn(Language, const char* singular, const char* plural, std::uint64_t n) {
    return n == 1 ? singular : plural;
}

namespace {

std::string group_digits(std::string digits, char separator) {
    std::string out;
    const auto size = digits.size();
    for (std::size_t i = 0; i < size; ++i) {
        if (i > 0 && (size - i) % 3 == 0) {
            out += separator;
        }
        out += digits[i];
    }
    return out;
}

} // namespace

std::string format_count(std::int64_t n, Language lang) {
    const auto sep = lang == Language::de ? '.' : ',';
    const auto magnitude = n < 0 ? -static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    return (n < 0 ? "-" : "") + group_digits(std::to_string(magnitude), sep);
}

std::string format_number(double x, int decimals, Language lang) {
    auto text = fmt::format("{:.{}f}", std::fabs(x), decimals);
    const auto dot = text.find('.');
    auto whole = text.substr(0, dot);
    auto fraction = dot == std::string::npos ? std::string() : text.substr(dot + 1);
    const auto group = lang == Language::de ? '.' : ',';
    const auto point = lang == Language::de ? ',' : '.';
    auto out = (x < 0 && text.find_first_not_of("0.") != std::string::npos ? "-" : "") +
               group_digits(whole, group);
    if (!fraction.empty()) {
        out += point;
        out += fraction;
    }
    return out;
}

std::string format_date(const Date& day, Language lang) {
    if (lang == Language::de) {
        return fmt::format("{:02}.{:02}.{:04}", day.day(), day.month(), day.year());
    }
    return fmt::format("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
}

} // namespace werkstatt
