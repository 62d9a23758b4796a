// SPDX-License-Identifier: GPL-3.0-or-later
// The funding catalogue (Fördermöglichkeiten): listing, finding by tag or word, and suggesting
// the instruments whose conditions a planned hire meets, with the reason for each.
#pragma once

#include "advisory/situation.hpp"
#include "domain/advisory.hpp"
#include "io/records.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// Return the instrument with `key`; throw Error(not_found) naming the key otherwise.
FundingInstrument require_funding(Database& db, std::string_view key);

// Return the stored instruments with tag `tag` (if given) whose name, description, audience or
// pays contain `word` (if given; case and umlaut spelling ignored), in English or in the German
// version `catalogue` gives (see in_language), so a coordinator finds "Zuschuss" as well as
// "subsidy". Throw Error(usage) for a tag no instrument has, naming the known tags.
std::vector<FundingInstrument> find_funding(Database& db, const std::optional<std::string>& tag,
                                            const std::optional<std::string>& word,
                                            const std::vector<FundingInstrument>& catalogue);

// An instrument that may fit, and why.
struct FundingSuggestion {
    FundingInstrument instrument;
    std::string reason; // the situation's reason and the facts it looked at
};

// Return the instruments of `catalogue` with a situation that holds for `situation` (the first
// such situation gives the reason, with the facts it looked at in `lang`), in catalogue order. A
// person who may not work gets none.
std::vector<FundingSuggestion> suggest_funding(const std::vector<FundingInstrument>& catalogue,
                                               const HiringSituation& situation,
                                               const WorkRules& rules, Language lang);

// Return `instruments` as a listing; `brief` for a terminal table.
Records funding_records(const std::vector<FundingInstrument>& instruments, bool brief);
// Return one instrument for `funding show`, with its situations.
Detail funding_detail(const FundingInstrument& instrument);
// Return `suggestions` as a listing.
Records suggestion_records(const std::vector<FundingSuggestion>& suggestions, bool brief);

} // namespace werkstatt
