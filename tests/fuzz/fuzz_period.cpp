// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the date and period parsers (lib/core/date, lib/domain/period, the relative
// periods of lib/report/report.cpp, the time of day of lib/domain/event): everything a person
// writes after --date, --period, --from, --start, in a CSV date column or a planner setting.
//
// The first three bytes of the input choose the reference day (`--date`) for the relative
// periods (this-quarter, last-year, ...), anywhere from 0001-01-01 to 9999-12-31; the rest is
// the text. The parsers answer "nothing" for text that is not a date or period, never throw;
// the messages of why_not must be one printable line. See fuzz_support.hpp for what counts as
// a bug. Besides crashes, the target checks what the parsers promise: a date is a day that
// exists and reads back from its ISO form, a period never ends before it starts and its
// canonical text parses to the same days, a quarter contains its own first day.
#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/event.hpp"
#include "domain/period.hpp"
#include "fuzz_support.hpp"
#include "report/report.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using namespace werkstatt;

// Reject `message` as fuzz_support does for an Error's: empty, or not one printable line.
void check_message(std::string_view message) {
    fuzz::check_error(Error(ErrorKind::bad_data, std::string(message)));
}

void check_date(const Date& d) {
    fuzz::require(d.year() >= 1 && d.year() <= 9999, "a date's year is 1 to 9999");
    fuzz::require(d.month() >= 1 && d.month() <= 12, "a date's month is 1 to 12");
    fuzz::require(d.day() >= 1 && d.day() <= days_in_month(d.year(), d.month()),
                  "a date's day exists in its month");
    fuzz::require(Date::parse_iso(d.iso()) == d, "a date reads back from its ISO form");
    fuzz::require(Date::from_days(d.days()) == d, "a date survives its day number");
    fuzz::require(d.iso_weekday() >= 1 && d.iso_weekday() <= 7, "a weekday is 1 to 7");
}

void check_period(const Period& p) {
    check_date(p.first());
    check_date(p.last());
    fuzz::require(p.first() <= p.last(), "a period never ends before it starts");
    const auto again = Period::parse(p.str());
    fuzz::require(again.has_value() && *again == *&p, "a period's text parses to its days");
}

void dates(std::string_view text) {
    if (const auto d = Date::parse(text)) {
        check_date(*d);
    } else {
        check_message(Date::why_not(text));
    }
    if (const auto d = Date::parse_iso(text)) {
        check_date(*d);
        fuzz::require(Date::parse(text) == d, "parse reads what parse_iso reads");
    }
    if (const auto d = Date::parse_german(text)) {
        check_date(*d);
        fuzz::require(Date::parse(text) == d, "parse reads what parse_german reads");
    }
}

void periods(std::string_view text, const Date& day) {
    if (const auto p = Period::parse(text)) {
        check_period(*p);
    } else {
        check_message(Period::why_not(text));
    }
    if (const auto q = Quarter::parse(text)) {
        fuzz::require(q->q >= 1 && q->q <= 4, "a quarter is 1 to 4");
        check_period(q->period());
        fuzz::require(Quarter::containing(q->first_day()) == *q &&
                          Quarter::containing(q->last_day()) == *q,
                      "a quarter contains its first and last day");
        fuzz::require(Quarter::parse(q->str()) == q, "a quarter reads back from its text");
    }
    if (const auto p = report::resolve_period(text, day)) {
        check_period(*p);
    } else {
        check_message(report::why_not_period(text));
    }
    if (const auto t = TimeOfDay::parse(text)) {
        fuzz::require(TimeOfDay::parse(t->str()) == t, "a time of day reads back");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 3) {
        return 0;
    }
    // 0001-01-01 is day -719162 after 1970-01-01, 9999-12-31 day 2932896.
    constexpr long first_day = -719162;
    constexpr long days = 2932896 - first_day + 1;
    const long n = (long{data[0]} << 16) | (long{data[1]} << 8) | long{data[2]};
    // Half of the choices land near either end of the calendar, where years run out.
    const long near = (n & 0x7FFF) % 800;
    const long offset = n < (1L << 23) ? n * 3 % days : (n & 0x8000) == 0 ? near : days - 1 - near;
    const Date day = Date::from_days(first_day + offset);
    const std::string_view text(reinterpret_cast<const char*>(data + 3), size - 3);
    fuzz::expect_errors_only([&] {
        dates(text);
        periods(text, day);
    });
    return 0;
}
