// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/date.hpp"

#include "core/i18n.hpp"

#include "core/text.hpp"

#include <ctime>
#include <fmt/format.h>

namespace werkstatt {

namespace {

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return !s.empty();
}

std::optional<int> small_number(std::string_view s, std::size_t min_len, std::size_t max_len) {
    if (s.size() < min_len || s.size() > max_len || !all_digits(s)) {
        return std::nullopt;
    }
    return static_cast<int>(*text::parse_int(s));
}

} // namespace

int days_in_month(int year, int month) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap(year)) {
        return 29;
    }
    return k_days[month - 1];
}

std::optional<Date> Date::from_ymd(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month)) {
        return std::nullopt;
    }
    return Date(year, month, day);
}

namespace {

// Year, month and day as written, before asking whether that day exists.
struct Written {
    int year = 0;
    int month = 0;
    int day = 0;
};

std::optional<Written> written_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto y = small_number(text.substr(0, 4), 4, 4);
    const auto m = small_number(text.substr(5, 2), 2, 2);
    const auto d = small_number(text.substr(8, 2), 2, 2);
    if (!y || !m || !d) {
        return std::nullopt;
    }
    return Written{*y, *m, *d};
}

std::optional<Written> written_german(std::string_view text) {
    // Exactly two dots, found without splitting into a vector (imports parse many dates).
    const auto first = text.find('.');
    const auto second = first == std::string_view::npos ? first : text.find('.', first + 1);
    if (second == std::string_view::npos || text.find('.', second + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    const auto d = small_number(text.substr(0, first), 1, 2);
    const auto m = small_number(text.substr(first + 1, second - first - 1), 1, 2);
    const auto y = small_number(text.substr(second + 1), 4, 4);
    if (!y || !m || !d) {
        return std::nullopt;
    }
    return Written{*y, *m, *d};
}

} // namespace

std::optional<Date> Date::parse_iso(std::string_view text) {
    const auto w = written_iso(text);
    return w ? from_ymd(w->year, w->month, w->day) : std::nullopt;
}

std::optional<Date> Date::parse_german(std::string_view text) {
    const auto w = written_german(text);
    return w ? from_ymd(w->year, w->month, w->day) : std::nullopt;
}

std::optional<Date> Date::parse(std::string_view text) {
    text = text::trim(text);
    if (auto d = parse_iso(text)) {
        return d;
    }
    return parse_german(text);
}

std::string_view Date::why_not(std::string_view text) {
    text = text::trim(text);
    // Marked for the catalogue: messages show it through why_not_a_day() (core/i18n.hpp).
    return written_iso(text) || written_german(text) ? N_("is not a day that exists")
                                                     : N_("is not a date");
}

// Days from civil, after Howard Hinnant's well-known algorithm.
long Date::days() const {
    const int y = m_month <= 2 ? m_year - 1 : m_year;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (m_month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + m_day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date Date::from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
    return Date(y, m, d);
}

Date Date::today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

int Date::iso_weekday() const {
    const long d = days(); // 1970-01-01 was a Thursday (4)
    const long wd = ((d % 7) + 7 + 3) % 7;
    return static_cast<int>(wd) + 1;
}

std::string Date::iso() const {
    if (m_year < 0 || m_year > 9999) {
        return fmt::format("{:04}-{:02}-{:02}", m_year, m_month, m_day);
    }
    // By hand: an import formats several dates a row, and fmt costs more than the parse.
    std::string out(10, '-');
    const auto digits = [&](std::size_t at, int value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    digits(0, m_year, 4);
    digits(5, m_month, 2);
    digits(8, m_day, 2);
    return out;
}

} // namespace werkstatt
