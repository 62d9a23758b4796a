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

} // namespace werkstatt
