// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/reporting_values.hpp"
#include "core/names.hpp"

#include "core/text.hpp"

#include <utility>

namespace werkstatt {

namespace {

// Spellings folded with text::fold_german (lower case, umlauts as ae, oe, ue, ss).
constexpr std::pair<std::string_view, Gender> k_genders[] = {{"female", Gender::female},
                                                             {"w", Gender::female},
                                                             {"weiblich", Gender::female},
                                                             {"weibl.", Gender::female},
                                                             {"f", Gender::female},
                                                             {"frau", Gender::female},
                                                             {"male", Gender::male},
                                                             {"m", Gender::male},
                                                             {"maennlich", Gender::male},
                                                             {"maennl.", Gender::male},
                                                             {"mann", Gender::male},
                                                             {"diverse", Gender::diverse},
                                                             {"d", Gender::diverse},
                                                             {"divers", Gender::diverse},
                                                             {"x", Gender::diverse},
                                                             {"nicht-binaer", Gender::diverse},
                                                             {"nicht binaer", Gender::diverse},
                                                             {"nichtbinaer", Gender::diverse},
                                                             {"non-binary", Gender::diverse},
                                                             {"unspecified", Gender::unspecified},
                                                             {"", Gender::unspecified},
                                                             {"-", Gender::unspecified},
                                                             {"keine angabe", Gender::unspecified},
                                                             {"k.a.", Gender::unspecified},
                                                             {"k. a.", Gender::unspecified},
                                                             {"ohne angabe", Gender::unspecified},
                                                             {"unbekannt", Gender::unspecified}};

constexpr std::pair<std::string_view, EmploymentAtEntry> k_employment[] = {
    {"unemployed", EmploymentAtEntry::unemployed},
    {"arbeitslos", EmploymentAtEntry::unemployed},
    {"long-term-unemployed", EmploymentAtEntry::long_term_unemployed},
    {"langzeitarbeitslos", EmploymentAtEntry::long_term_unemployed},
    {"inactive", EmploymentAtEntry::inactive},
    {"nicht erwerbstaetig", EmploymentAtEntry::inactive},
    {"nichterwerbstaetig", EmploymentAtEntry::inactive},
    {"employed", EmploymentAtEntry::employed},
    {"erwerbstaetig", EmploymentAtEntry::employed},
    {"beschaeftigt", EmploymentAtEntry::employed},
    {"selbststaendig", EmploymentAtEntry::employed},
    {"selbstaendig", EmploymentAtEntry::employed}};

} // namespace

std::optional<Gender> parse_gender(std::string_view text) {
    return lookup_name(k_genders, text::fold_german(text::trim(text)));
}

std::string_view to_string(Gender gender) {
    switch (gender) {
    case Gender::female:
        return "female";
    case Gender::male:
        return "male";
    case Gender::diverse:
        return "diverse";
    case Gender::unspecified:
        break;
    }
    return "unspecified";
}

std::optional<EmploymentAtEntry> parse_employment_at_entry(std::string_view text) {
    return lookup_name(k_employment, text::fold_german(text::trim(text)));
}

std::string_view to_string(EmploymentAtEntry status) {
    switch (status) {
    case EmploymentAtEntry::unemployed:
        return "unemployed";
    case EmploymentAtEntry::long_term_unemployed:
        return "long-term-unemployed";
    case EmploymentAtEntry::inactive:
        return "inactive";
    case EmploymentAtEntry::employed:
        break;
    }
    return "employed";
}

std::optional<IscedLevel> IscedLevel::parse(std::string_view text) {
    auto rest = text::trim(text);
    if (rest.size() > 5 && text::ascii_lower(rest.substr(0, 5)) == "isced") {
        rest = rest.substr(5);
        if (rest.front() == ' ' || rest.front() == '-') {
            rest = rest.substr(1);
        }
    }
    if (rest.size() != 1 || rest[0] < '0' || rest[0] > '8') {
        return std::nullopt;
    }
    return IscedLevel(rest[0] - '0');
}

std::string_view IscedLevel::esf_band() const {
    if (m_level <= 2) {
        return "0-2";
    }
    return m_level <= 4 ? "3-4" : "5-8";
}

} // namespace werkstatt
