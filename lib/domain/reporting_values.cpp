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

// WAHR and FALSCH: what German Excel writes for TRUE and FALSE.
constexpr std::pair<std::string_view, bool> k_yes_no[] = {
    {"yes", true},  {"ja", true},     {"y", true},      {"j", true},     {"1", true},
    {"true", true}, {"wahr", true},   {"no", false},    {"nein", false}, {"n", false},
    {"0", false},   {"false", false}, {"falsch", false}};

constexpr std::pair<std::string_view, Housing> k_housing[] = {
    {"homeless", Housing::homeless},
    {"wohnungslos", Housing::homeless},
    {"obdachlos", Housing::homeless},
    {"housing-exclusion", Housing::housing_exclusion},
    {"wohnungsausschluss", Housing::housing_exclusion},
    {"wohnungsnotfall", Housing::housing_exclusion},
    {"housed", Housing::housed},
    {"wohnung", Housing::housed}};

constexpr std::pair<std::string_view, SensitiveAnswer> k_sensitive[] = {
    {"yes", SensitiveAnswer::yes},
    {"ja", SensitiveAnswer::yes},
    {"no", SensitiveAnswer::no},
    {"nein", SensitiveAnswer::no},
    {"declined", SensitiveAnswer::declined},
    {"abgelehnt", SensitiveAnswer::declined},
    {"verweigert", SensitiveAnswer::declined}};

constexpr std::pair<std::string_view, ExitSituation> k_exit[] = {
    {"job-searching", ExitSituation::job_searching}, {"education", ExitSituation::education},
    {"qualification", ExitSituation::qualification}, {"employed", ExitSituation::employed},
    {"self-employed", ExitSituation::self_employed}, {"other", ExitSituation::other}};

constexpr std::pair<std::string_view, FollowUpStatus> k_follow_up[] = {
    {"employed", FollowUpStatus::employed},
    {"self-employed", FollowUpStatus::self_employed},
    {"job-searching", FollowUpStatus::job_searching},
    {"education", FollowUpStatus::education},
    {"inactive", FollowUpStatus::inactive},
    {"other", FollowUpStatus::other}};

constexpr std::pair<std::string_view, CompanySize> k_sizes[] = {
    {"micro", CompanySize::micro}, {"kleinst", CompanySize::micro}, {"small", CompanySize::small},
    {"klein", CompanySize::small}, {"medium", CompanySize::medium}, {"mittel", CompanySize::medium},
    {"large", CompanySize::large}, {"gross", CompanySize::large}};

// Return `text` folded (lower case, umlauts as ae, oe, ue, ss) with '_' written as '-'.
std::string folded_code(std::string_view text) {
    auto out = text::fold_german(text::trim(text));
    for (auto& c : out) {
        if (c == '_') {
            c = '-';
        }
    }
    return out;
}

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

bool is_unknown_fact(std::string_view text) {
    const auto folded = text::fold_german(text::trim(text));
    return folded.empty() || folded == "unknown" || folded == "unbekannt";
}

std::optional<bool> parse_yes_no(std::string_view text) {
    return lookup_name(k_yes_no, folded_code(text));
}

std::optional<Housing> parse_housing(std::string_view text) {
    return lookup_name(k_housing, folded_code(text));
}

std::string_view to_string(Housing housing) {
    return name_in(k_housing, housing);
}

std::optional<SensitiveAnswer> parse_sensitive_answer(std::string_view text) {
    return lookup_name(k_sensitive, folded_code(text));
}

std::string_view to_string(SensitiveAnswer answer) {
    return name_in(k_sensitive, answer);
}

std::optional<ExitSituation> parse_exit_situation(std::string_view text) {
    return lookup_name(k_exit, folded_code(text));
}

std::string_view to_string(ExitSituation situation) {
    return name_in(k_exit, situation);
}

std::optional<FollowUpStatus> parse_follow_up_status(std::string_view text) {
    return lookup_name(k_follow_up, folded_code(text));
}

std::string_view to_string(FollowUpStatus status) {
    return name_in(k_follow_up, status);
}

std::optional<CompanySize> parse_company_size(std::string_view text) {
    return lookup_name(k_sizes, folded_code(text));
}

std::string_view to_string(CompanySize size) {
    return name_in(k_sizes, size);
}

std::string_view IscedLevel::esf_band() const {
    if (m_level <= 2) {
        return "0-2";
    }
    return m_level <= 4 ? "3-4" : "5-8";
}

} // namespace werkstatt
