// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "report/disclosure.hpp"
#include "report/kinds.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt::report {

namespace {

// Other names a kind is known by (German, with and without umlauts).
struct Alias {
    const char* alias;
    const char* kind;
};
constexpr Alias k_aliases[] = {
    {"quartalsbericht", "quarterly"},
    {"jahresbericht", "annual"},
    {"esf-plus", "esf"},
    {"esf+", "esf"},
    {"gastgeber", "rotation"},
    {"bewerberbörse", "exchange"},
    {"bewerberboerse", "exchange"},
    {"mitglieder", "members"},
};

Period month_period(int year, int month) {
    return *Period::parse(fmt::format("{:04}-{:02}", year, month));
}

Period year_period(int year) {
    return *Period::parse(fmt::format("{:04}", year));
}

} // namespace

const std::vector<KindInfo>& kinds() {
    static const std::vector<KindInfo> all = {
        {"quarterly", "quartalsbericht",
         "Quartalsbericht for the members: events, the applicant exchange, the advisory map, "
         "the next quarter"},
        {"annual", "sachbericht",
         "Sachbericht for the IQ Netzwerk and the funders: the year by quarter, rotation, "
         "members, results"},
        {"esf", "esf", "ESF+ common indicators of the participants (Regulation (EU) 2021/1057)"},
        {"rotation", "rotation", "Who hosted when, who hosts next, who can host and never has"},
        {"exchange", "bewerberboerse",
         "Open proposals and their state per company, by reference and pseudonym only"},
        {"members", "mitglieder",
         "Per member company: member since, contacts, events, hosting, openings, hires"},
    };
    return all;
}

std::optional<std::string> parse_kind(std::string_view text) {
    const auto folded = text::ascii_lower(text::trim(text));
    for (const auto& kind : kinds()) {
        if (folded == kind.name || folded == kind.german) {
            return kind.name;
        }
    }
    for (const auto& alias : k_aliases) {
        if (folded == alias.alias) {
            return std::string(alias.kind);
        }
    }
    return std::nullopt;
}

std::optional<Period> resolve_period(std::string_view text, const Date& day) {
    const auto name = text::ascii_lower(text::trim(text));
    const auto this_quarter = Quarter::containing(day);
    // The calendar starts on 0001-01-01: there is no period before it to name.
    const bool first_year = day.year() == 1;
    if ((name == "last-year" && first_year) ||
        (name == "last-quarter" && first_year && this_quarter.q == 1) ||
        (name == "last-month" && first_year && day.month() == 1)) {
        throw Error(ErrorKind::usage,
                    _f("period '{}' of {} would begin before the year 1; give the "
                       "period as a year, quarter or month",
                       name, day.iso()));
    }
    if (name == "this-quarter") {
        return this_quarter.period();
    }
    if (name == "last-quarter") {
        const auto q = this_quarter.q == 1 ? Quarter{day.year() - 1, 4}
                                           : Quarter{day.year(), this_quarter.q - 1};
        return q.period();
    }
    if (name == "this-month") {
        return month_period(day.year(), day.month());
    }
    if (name == "last-month") {
        return day.month() == 1 ? month_period(day.year() - 1, 12)
                                : month_period(day.year(), day.month() - 1);
    }
    if (name == "this-year") {
        return year_period(day.year());
    }
    if (name == "last-year") {
        return year_period(day.year() - 1);
    }
    return Period::parse(text);
}

std::string why_not_period(std::string_view text) {
    return Period::why_not(text) +
           " (or a relative period: this-month, last-month, this-quarter, last-quarter, "
           "this-year, last-year)";
}

Report start_report(const Request& request, const ReportSettings& settings, std::string title) {
    Report report;
    report.kind = request.kind;
    report.title = std::move(title);
    report.period = request.period.str();
    report.first = request.period.first();
    report.last = request.period.last();
    report.reference_day = request.reference_day;
    report.lang = std::string(to_string(request.lang));
    report.generated_at = request.generated_at;
    report.network = settings.network;
    report.min_cell = settings.min_cell;
    return report;
}

Report build(Database& db, const Request& request, const ReportSettings& settings) {
    using Builder = Report (*)(Database&, const Request&, const ReportSettings&);
    static const std::pair<const char*, Builder> builders[] = {
        {"quarterly", quarterly}, {"annual", annual},     {"esf", esf},
        {"rotation", rotation},   {"exchange", exchange}, {"members", members},
    };
    const auto* found = std::find_if(std::begin(builders), std::end(builders),
                                     [&](const auto& b) { return request.kind == b.first; });
    if (found == std::end(builders)) {
        throw Error(ErrorKind::usage,
                    _f("unknown report '{}'; see werkstatt help report", request.kind));
    }
    auto report = found->second(db, request, settings);
    protect(report, settings.min_cell);
    if (request.kind == "esf") {
        esf_summary(report, request.lang); // from published cells, so after protect()
    }
    return report;
}

} // namespace werkstatt::report
