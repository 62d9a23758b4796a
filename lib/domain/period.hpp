// SPDX-License-Identifier: GPL-3.0-or-later
// Periods of days (Zeitraum) as written on the command line, and calendar quarters (Quartal).
#pragma once

#include "core/date.hpp"

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace werkstatt {

struct Quarter;

// A closed range of days [first, last], both ends included; first is never after last.
class Period {
  public:
    // Parse `text` (blanks around it and around `..` ignored) as a year `2027`, a quarter `2027Q1`
    // (or `2027q1`), a month `2027-03`, a day `2027-03-18` or `18.03.2027`, or a range `A..B` of
    // any two of these that runs from the first day of A to the last day of B; nothing if `text` is
    // none of these, names a day that does not exist, or ends before it starts.
    static std::optional<Period> parse(std::string_view text);
    // Return why parse(`text`) gave nothing, as a message for people that names `text`: a range
    // that ends before it starts, or text that is not a period (and what to write instead).
    static std::string why_not(std::string_view text);
    // Return the period from `first` to `last`, or nothing if `last` is before `first`.
    static std::optional<Period> between(const Date& first, const Date& last);

    const Date& first() const { return m_first; }
    const Date& last() const { return m_last; }
    // Return true if `day` lies within the period, both ends included.
    bool contains(const Date& day) const { return m_first <= day && day <= m_last; }
    // Return the text in canonical form (`2027Q1`, `2027-03`, `2027Q1..2027-05`); a period made
    // by between() reads `YYYY-MM-DD..YYYY-MM-DD`, or one day when first and last agree.
    const std::string& str() const { return m_text; }
    // Return true if this period and `other` cover the same days, whatever their text.
    bool operator==(const Period& other) const {
        return m_first == other.m_first && m_last == other.m_last;
    }

  private:
    friend struct Quarter;
    Period(Date first, Date last, std::string text)
        : m_first(first), m_last(last), m_text(std::move(text)) {}
    Date m_first;
    Date m_last;
    std::string m_text;
};

// Return the quarter (1 to 4) of the year that `day` falls in.
int quarter_of(const Date& day);

// A calendar quarter, the network's meeting cycle; `year` is 1 to 9999 and `q` is 1 to 4 (a
// Quarter built with other values is a bug of the caller, and its days throw an internal Error).
struct Quarter {
    int year;
    int q;

    // Parse `text` (surrounding blanks ignored) as `2027Q1` or `2027q1`, or nothing.
    static std::optional<Quarter> parse(std::string_view text);
    // Return the quarter that contains `day`.
    static Quarter containing(const Date& day) { return Quarter{day.year(), quarter_of(day)}; }

    // Return the quarter as `2027Q1`.
    std::string str() const;
    // Return the quarter after this one (2027Q4 is followed by 2028Q1).
    Quarter next() const;
    // Return the first day of the quarter (1 January, 1 April, 1 July or 1 October).
    Date first_day() const;
    // Return the last day of the quarter (31 March, 30 June, 30 September or 31 December).
    Date last_day() const;
    // Return the middle month of the quarter: 2, 5, 8 or 11.
    int middle_month() const { return 3 * q - 1; }
    // Return the quarter as a period from first_day() to last_day(), written `2027Q1`.
    Period period() const;

    auto operator<=>(const Quarter&) const = default;
};

} // namespace werkstatt
