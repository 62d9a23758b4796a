// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/period.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt {

namespace {

// One end of a period as written: the days it covers and its canonical text.
struct Span {
    Date first;
    Date last;
    std::string text;
};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Return the number written by `s` if it is all digits and `width` long, or nothing.
std::optional<int> fixed_number(std::string_view s, std::size_t width) {
    if (s.size() != width || !std::all_of(s.begin(), s.end(), is_digit)) {
        return std::nullopt;
    }
    int value = 0;
    for (char c : s) {
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<Span> parse_year(std::string_view s) {
    const auto year = fixed_number(s, 4);
    if (!year) {
        return std::nullopt;
    }
    const auto first = Date::from_ymd(*year, 1, 1);
    const auto last = Date::from_ymd(*year, 12, 31);
    if (!first || !last) {
        return std::nullopt;
    }
    return Span{*first, *last, std::string(s)};
}

std::optional<Span> parse_quarter(std::string_view s) {
    const auto quarter = Quarter::parse(s);
    if (!quarter) {
        return std::nullopt;
    }
    return Span{quarter->first_day(), quarter->last_day(), quarter->str()};
}

std::optional<Span> parse_month(std::string_view s) {
    if (s.size() != 7 || s[4] != '-') {
        return std::nullopt;
    }
    const auto year = fixed_number(s.substr(0, 4), 4);
    const auto month = fixed_number(s.substr(5, 2), 2);
    if (!year || !month) {
        return std::nullopt;
    }
    const auto first = Date::from_ymd(*year, *month, 1);
    if (!first) {
        return std::nullopt;
    }
    const auto last = Date::from_ymd(*year, *month, days_in_month(*year, *month));
    return Span{*first, *last, std::string(s)};
}

std::optional<Span> parse_day(std::string_view s) {
    const auto day = Date::parse(s); // 2027-03-18 or 18.03.2027, shown as 2027-03-18
    if (!day) {
        return std::nullopt;
    }
    return Span{*day, *day, day->iso()};
}

// Parse one end of a range, or a whole period without `..`: a year, quarter, month or day.
std::optional<Span> parse_span(std::string_view s) {
    s = text::trim(s);
    switch (s.size()) {
    case 4:
        return parse_year(s);
    case 6:
        return parse_quarter(s);
    case 7:
        return parse_month(s);
    default:
        return parse_day(s);
    }
}

// Throw an internal error unless `quarter` holds a year and quarter that exist.
void check(const Quarter& quarter) {
    if (quarter.year < 1 || quarter.year > 9999 || quarter.q < 1 || quarter.q > 4) {
        throw Error(ErrorKind::internal,
                    _f("quarter {}Q{} does not exist; this is a bug in werkstatt, "
                       "please report it",
                       quarter.year, quarter.q));
    }
}

} // namespace

std::optional<Period> Period::parse(std::string_view text) {
    text = text::trim(text);
    const auto dots = text.find("..");
    if (dots == std::string_view::npos) {
        auto span = parse_span(text);
        if (!span) {
            return std::nullopt;
        }
        return Period(span->first, span->last, std::move(span->text));
    }
    const auto start = parse_span(text.substr(0, dots));
    const auto end = parse_span(text.substr(dots + 2));
    if (!start || !end || end->last < start->first) {
        return std::nullopt;
    }
    return Period(start->first, end->last, start->text + ".." + end->text);
}

std::string Period::why_not(std::string_view text) {
    const auto trimmed = text::trim(text);
    const auto dots = trimmed.find("..");
    if (dots != std::string_view::npos) {
        const auto start = parse_span(trimmed.substr(0, dots));
        const auto end = parse_span(trimmed.substr(dots + 2));
        if (start && end && end->last < start->first) {
            return fmt::format("period '{}' ends before it starts; write the earlier end first, "
                               "as in {}..{}",
                               text::printable(text, 40), end->text, start->text);
        }
    }
    return fmt::format("period '{}' does not parse; write a year 2027, a quarter 2027Q1, a month "
                       "2027-03, a day 2027-03-18 (or 18.03.2027) or a range A..B",
                       text::printable(text, 40));
}

std::optional<Period> Period::between(const Date& first, const Date& last) {
    if (last < first) {
        return std::nullopt;
    }
    std::string text = first == last ? first.iso() : first.iso() + ".." + last.iso();
    return Period(first, last, std::move(text));
}

int quarter_of(const Date& day) {
    return (day.month() - 1) / 3 + 1;
}

std::optional<Quarter> Quarter::parse(std::string_view text) {
    text = text::trim(text);
    if (text.size() != 6 || (text[4] != 'Q' && text[4] != 'q')) {
        return std::nullopt;
    }
    const auto year = fixed_number(text.substr(0, 4), 4);
    const auto q = fixed_number(text.substr(5, 1), 1);
    if (!year || *year < 1 || !q || *q < 1 || *q > 4) {
        return std::nullopt;
    }
    return Quarter{*year, *q};
}

std::string Quarter::str() const {
    return fmt::format("{:04}Q{}", year, q);
}

Quarter Quarter::next() const {
    return q == 4 ? Quarter{year + 1, 1} : Quarter{year, q + 1};
}

Date Quarter::first_day() const {
    check(*this);
    return *Date::from_ymd(year, 3 * q - 2, 1);
}

Date Quarter::last_day() const {
    check(*this);
    return *Date::from_ymd(year, 3 * q, days_in_month(year, 3 * q));
}

Period Quarter::period() const {
    return Period(first_day(), last_day(), str());
}

} // namespace werkstatt
