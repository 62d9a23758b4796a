// SPDX-License-Identifier: GPL-3.0-or-later
// The holidays follow § 2 of the Feiertagsgesetz Sachsen-Anhalt (FeiertG LSA) and its history:
//
// - Heilige Drei Könige (6 January) counts from 1993 on. The Landtag added it to the holiday law
//   during the debate (the government's draft of late 1991 did not have it; MDR, January 2024),
//   and the press gives 1993 as its first year (MDR, January 2025; Stuttgarter Nachrichten, 2023).
//   The domain notes (research 7.2) list it without a starting year; python-holidays lists it
//   from 1991, which we take to be a simplification, so 1991 and 1992 differ from it here.
// - Buß- und Bettag (the Wednesday before 23 November) was a holiday everywhere in Germany until
//   1994 and was struck from the law from 1995 on, to pay for the Pflegeversicherung (§ 2 Nr. 10
//   FeiertG LSA reads "weggefallen" since). So 1991 to 1994 have it; the spec's "not a holiday
//   here" holds from 1995.
// - Reformationstag (31 October) is a holiday in Sachsen-Anhalt in every year from 1991; the
//   nationwide holiday of 2017 makes no difference here.
#include "reference/holidays.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt {

namespace {

Date day_of(int year, int month, int day) {
    return *Date::from_ymd(year, month, day);
}

// Return the Wednesday before 23 November of `year` (Buß- und Bettag, 16 to 22 November).
Date repentance_day(int year) {
    Date day = day_of(year, 11, 22);
    while (day.iso_weekday() != 3) {
        day = day + -1;
    }
    return day;
}

void check_holiday_year(int year) {
    if (year < k_first_holiday_year || year > k_last_holiday_year) {
        throw Error(ErrorKind::usage,
                    _f("no holiday calendar for the year {}: werkstatt knows the public "
                       "holidays of Sachsen-Anhalt for {} to {}; choose a date in those "
                       "years",
                       year, k_first_holiday_year, k_last_holiday_year));
    }
}

} // namespace

// The anonymous Gregorian algorithm as given by Jean Meeus, Astronomical Algorithms, ch. 8.
Date easter_sunday(int year) {
    if (year < 1583 || year > 9999) {
        throw Error(ErrorKind::usage,
                    _f("cannot compute Easter for the year {}: the Gregorian computus "
                       "applies to the years 1583 to 9999; choose a year in that range",
                       year));
    }
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int n = h + l - 7 * m + 114;
    return day_of(year, n / 31, n % 31 + 1);
}

std::vector<Holiday> holidays_of_year(int year) {
    check_holiday_year(year);
    const Date easter = easter_sunday(year);
    std::vector<Holiday> days;
    days.push_back({day_of(year, 1, 1), "Neujahr"});
    if (year >= 1993) {
        days.push_back({day_of(year, 1, 6), "Heilige Drei Könige"});
    }
    days.push_back({easter + -2, "Karfreitag"});
    days.push_back({easter + 1, "Ostermontag"});
    days.push_back({day_of(year, 5, 1), "Tag der Arbeit"});
    days.push_back({easter + 39, "Christi Himmelfahrt"});
    days.push_back({easter + 50, "Pfingstmontag"});
    days.push_back({day_of(year, 10, 3), "Tag der Deutschen Einheit"});
    days.push_back({day_of(year, 10, 31), "Reformationstag"});
    if (year <= 1994) {
        days.push_back({repentance_day(year), "Buß- und Bettag"});
    }
    days.push_back({day_of(year, 12, 25), "1. Weihnachtstag"});
    days.push_back({day_of(year, 12, 26), "2. Weihnachtstag"});
    // Himmelfahrt can fall on 1 May (as in 2008), so sort rather than trust the order above.
    std::stable_sort(days.begin(), days.end(),
                     [](const Holiday& x, const Holiday& y) { return x.date < y.date; });
    return days;
}

std::optional<Holiday> holiday_on(const Date& day) {
    for (Holiday& holiday : holidays_of_year(day.year())) {
        if (holiday.date == day) {
            return std::move(holiday);
        }
    }
    return std::nullopt;
}

} // namespace werkstatt
