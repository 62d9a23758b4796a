// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace werkstatt {

// A calendar day of the proleptic Gregorian calendar that exists (no 2027-02-30).
class Date {
  public:
    // Parse `text` (blanks around it ignored) as a day a person wrote, YYYY-MM-DD or DD.MM.YYYY
    // (one-digit day and month allowed), or nothing: the one way every option and CSV column
    // that takes a date reads it.
    static std::optional<Date> parse(std::string_view text);
    // Return why parse(`text`) found no day, to follow the quoted text in a message: "is not a
    // day that exists" for the shape of a date naming no day (2027-02-30, 30.02.2027), else
    // "is not a date".
    static std::string_view why_not(std::string_view text);
    // Parse `text` as YYYY-MM-DD, or nothing if it is not a real day between years 1 and 9999.
    static std::optional<Date> parse_iso(std::string_view text);
    // Parse `text` as TT.MM.JJJJ (German form, one-digit day and month allowed), or nothing.
    static std::optional<Date> parse_german(std::string_view text);
    // Return the day `year`-`month`-`day`, or nothing if it does not exist.
    static std::optional<Date> from_ymd(int year, int month, int day);
    // Return the day that is `days` after 1970-01-01 (negative before).
    static Date from_days(long days);
    // Construct 1970-01-01, so that structs holding a Date can be built field by field.
    Date() : Date(1970, 1, 1) {}
    // Return today's date in the machine's local time zone.
    static Date today();

    int year() const { return m_year; }
    int month() const { return m_month; }
    int day() const { return m_day; }
    // Return the number of days since 1970-01-01.
    long days() const;
    // Return the ISO weekday, 1 = Monday ... 7 = Sunday.
    int iso_weekday() const;
    // Return the date as YYYY-MM-DD.
    std::string iso() const;

    Date operator+(long days) const { return from_days(this->days() + days); }
    auto operator<=>(const Date&) const = default;

  private:
    Date(int year, int month, int day) : m_year(year), m_month(month), m_day(day) {}
    int m_year;
    int m_month;
    int m_day;
};

// What a message asks for where a date was not one: the two forms Date::parse reads.
inline constexpr std::string_view date_forms = "write YYYY-MM-DD or DD.MM.YYYY";

// Return the number of days in `month` of `year`.
int days_in_month(int year, int month);

} // namespace werkstatt
