// SPDX-License-Identifier: GPL-3.0-or-later
// Nationality (Staatsangehörigkeit) as agencies write it, mapped to ISO 3166-1 alpha-2 codes, and
// the country groups the ESF+ report needs. Nationality is a reporting fact only: matching must
// never use it, directly or by proxy (AGG § 1).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace werkstatt {

// Return the ISO 3166-1 alpha-2 code ("SY") for `text` as agencies write a nationality: the
// adjective in any form ("syrisch", "syrische", "Syrische Staatsangehörigkeit"), the German
// country name ("Syrien") or a common other name ("Arabische Republik Syrien", "Syria"); case,
// surrounding blanks and umlauts written as ae, oe, ue are ignored. Return nothing for text the
// table does not know, for an ambiguous adjective ("kongolesisch") and for stateless persons,
// who have no code (ISO 3166 assigns none). Kosovo is "XK", the code the EU uses where ISO has
// none yet.
std::optional<std::string> nationality_code(std::string_view text);

// Return the ISO 3166-1 alpha-2 code of the country `text` names: a code the table knows in
// either case ("SY", "sy") or whatever nationality_code() reads (a German country name such as
// "Syrien", an adjective). Return nothing otherwise. The one reader of a country of birth.
std::optional<std::string> country_code(std::string_view text);

// Return true if `text` says the person has no nationality ("staatenlos", "stateless") or an
// undetermined one ("ungeklärt"); ESF+ counts both as third-country nationals.
bool is_stateless_or_undetermined(std::string_view text);

// Return the German name of the country with the code `code` ("Syrien"), or nothing if the
// table does not know the code.
std::optional<std::string> country_name(std::string_view code);

// Return true if `code` is an EU member state (27 since 2020).
bool is_eu(std::string_view code);

// Return true if citizens of `code` have free movement in Germany: an EU state, an EEA state
// (Iceland, Liechtenstein, Norway) or Switzerland.
bool is_eu_eea_ch(std::string_view code);

// Return true if `code` (two letters) is not an EU member state: a third country in the sense of
// the ESF+ regulation (Art. 2 (2) Regulation (EU) 2021/1057, "not a citizen of the Union"), so
// EEA and Swiss citizens count as third-country nationals there, unlike for the right to work.
// A person with several nationalities is a third-country national only if none is an EU one.
bool is_third_country(std::string_view code);

} // namespace werkstatt
