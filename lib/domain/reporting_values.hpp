// SPDX-License-Identifier: GPL-3.0-or-later
// Facts about a candidate kept only for the reports to funders (ESF+ 2021-2027, Regulation (EU)
// 2021/1057, Annex I). Matching must never use them (AGG § 1): matching code includes
// domain/candidate_values.hpp, never this header.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace werkstatt {

// Gender as the ESF+ indicators break it down: women, men, non-binary persons, and "keine Angabe".
enum class Gender { female, male, diverse, unspecified };

// Parse `text` as agencies write it, case ignored: "w", "weiblich", "f", "female" are female;
// "m", "männlich", "male" male; "d", "divers", "x", "nicht-binär", "non-binary" diverse (the X of
// a passport marks a non-binary entry); "", "-", "keine Angabe", "k. A.", "ohne Angabe" and
// "unbekannt" unspecified. Return nothing for anything else.
std::optional<Gender> parse_gender(std::string_view text);
// Return "female", "male", "diverse" or "unspecified".
std::string_view to_string(Gender gender);

// Employment status on entering the programme, as the ESF+ output indicators count it; the
// indicator "unemployed, including long-term unemployed" adds both unemployed values.
enum class EmploymentAtEntry {
    unemployed,           // arbeitslos, up to 12 months
    long_term_unemployed, // langzeitarbeitslos, more than 12 months
    inactive,             // nicht erwerbstätig and not looking for work
    employed,             // erwerbstätig, self-employed included
};

// Parse `text`: the names "unemployed", "long-term-unemployed", "inactive", "employed", or the
// German "arbeitslos", "langzeitarbeitslos", "nicht erwerbstätig", "erwerbstätig",
// "beschäftigt", "selbstständig" (case ignored). Return nothing for anything else.
std::optional<EmploymentAtEntry> parse_employment_at_entry(std::string_view text);
// Return "unemployed", "long-term-unemployed", "inactive" or "employed".
std::string_view to_string(EmploymentAtEntry status);

// A level of the International Standard Classification of Education (ISCED 2011), 0 to 8.
class IscedLevel {
  public:
    // Parse `text` as a digit 0 to 8, optionally after "ISCED" ("3", "ISCED 3", "isced-3"), or
    // nothing.
    static std::optional<IscedLevel> parse(std::string_view text);
    // Return the level, 0 to 8.
    int value() const { return m_level; }
    // Return the level as one digit ("3").
    std::string str() const { return std::string(1, static_cast<char>('0' + m_level)); }
    // Return the ESF+ band of the level: "0-2", "3-4" or "5-8".
    std::string_view esf_band() const;
    auto operator<=>(const IscedLevel&) const = default;

  private:
    explicit IscedLevel(int level) : m_level(level) {}
    int m_level;
};

// Return true if `text` asks to clear a recorded fact: empty, "unknown", "unbekannt" (case
// ignored). What the facts below store then is NULL, which reports count as "not recorded".
bool is_unknown_fact(std::string_view text);

// Yes or no as a person answers it: "yes", "ja", "y", "j", "1", "true", "wahr" or "no",
// "nein", "n", "0", "false", "falsch" (case ignored; WAHR/FALSCH as German Excel writes them);
// nothing for anything else.
std::optional<bool> parse_yes_no(std::string_view text);

// Homelessness or housing exclusion at entry (Wohnungslosigkeit, ESF+ Annex I).
enum class Housing { homeless, housing_exclusion, housed };
// Parse `text`: "homeless", "wohnungslos", "obdachlos"; "housing-exclusion",
// "wohnungsausschluss", "wohnungsnotfall"; "housed", "wohnung" (case ignored), or nothing.
std::optional<Housing> parse_housing(std::string_view text);
// Return "homeless", "housing-exclusion" or "housed", as stored.
std::string_view to_string(Housing housing);

// The answer to a question about a special category of personal data (Art. 9 GDPR: disability,
// membership of a minority): yes, no, or the person declined to answer.
enum class SensitiveAnswer { yes, no, declined };
// Parse `text`: "yes"/"ja", "no"/"nein", "declined"/"abgelehnt"/"verweigert" (case ignored), or
// nothing.
std::optional<SensitiveAnswer> parse_sensitive_answer(std::string_view text);
// Return "yes", "no" or "declined", as stored.
std::string_view to_string(SensitiveAnswer answer);

// The situation on leaving the programme (ESF+ immediate result indicators).
enum class ExitSituation {
    job_searching,
    education,
    qualification,
    employed,
    self_employed,
    other
};
// Parse `text`: "job-searching", "education", "qualification", "employed", "self-employed",
// "other" (case ignored, '_' for '-'), or nothing.
std::optional<ExitSituation> parse_exit_situation(std::string_view text);
// Return the name of `situation`, as stored.
std::string_view to_string(ExitSituation situation);

// The situation six months after leaving (ESF+ longer-term result indicators).
enum class FollowUpStatus { employed, self_employed, job_searching, education, inactive, other };
// Parse `text`: "employed", "self-employed", "job-searching", "education", "inactive", "other"
// (case ignored, '_' for '-'), or nothing.
std::optional<FollowUpStatus> parse_follow_up_status(std::string_view text);
// Return the name of `status`, as stored.
std::string_view to_string(FollowUpStatus status);

// The size of a company after the KMU definition of Recommendation 2003/361/EC: micro (fewer
// than 10 employees), small (fewer than 50), medium (fewer than 250, with the turnover and
// balance sheet limits of the recommendation), large (all others).
enum class CompanySize { micro, small, medium, large };
// Parse `text`: "micro"/"kleinst", "small"/"klein", "medium"/"mittel", "large"/"gross"/"groß"
// (case ignored), or nothing.
std::optional<CompanySize> parse_company_size(std::string_view text);
// Return "micro", "small", "medium" or "large", as stored.
std::string_view to_string(CompanySize size);

} // namespace werkstatt
