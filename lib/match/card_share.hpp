// SPDX-License-Identifier: GPL-3.0-or-later
// Candidate cards given to member companies (Weitergabe an Mitgliedsunternehmen): a card for a
// company is refused unless the person's consent covers sharing on that day and they are still
// in the exchange; one that goes is recorded (card_share: which company, when, for which
// opening, so that the person can learn where their profile went), moves the placement of the
// pair from proposed to introduced, and writes one audit row per card, all in one transaction.
#pragma once

#include "applicants/card.hpp"
#include "domain/company.hpp"
#include "match/placements.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// What a card is asked for.
struct CardRequest {
    std::string candidate; // id or the agency's reference
    std::optional<std::string> source;
    std::optional<std::int64_t> opening;
    std::optional<std::string> company; // the member company that gets it (--for); else none
};

// A card made, and what giving it recorded.
struct MadeCard {
    CandidateCard card;
    std::optional<std::int64_t> share_id;     // the card_share row, when for a company
    std::optional<PlacementChange> placement; // the placement it moved to introduced
};

// Make the card of `request` under `rules` on `day` and hand it to `deliver` (which prints or
// writes it). For a company, first refuse with Error(conflict) and the reason
// (why_not_shareable) when the card may not go, or when the pair's placement is closed (hired,
// declined, withdrawn) or set_placement would refuse the introduction; then record the share,
// move the placement of the pair from proposed (or none) to introduced (one already introduced
// or in interview stays), and write one audit row (candidate, share), in one transaction that
// `deliver` runs inside, so that a card that cannot be written leaves nothing recorded; a dry
// run checks everything, delivers nothing and writes nothing. Throw Error(not_found) for an
// unknown candidate, opening or company, Error(usage) when the opening belongs to another
// company than the one named.
MadeCard make_card(Database& db, const CardRequest& request, const WorkRules& rules, Date day,
                   DryRun dry_run, const std::function<void(const CandidateCard&)>& deliver);

// A proposal whose card did not go, and why.
struct LeftOutCard {
    std::int64_t candidate_id = 0;
    std::int64_t opening_id = 0;
    std::string reason;
};

// The cards of one company's current proposals.
struct CompanyCards {
    Company company;
    std::int64_t run_id = 0;
    std::vector<MadeCard> cards;
    std::vector<LeftOutCard> left_out;
};

// Give each company of `company_keys` the cards of its current proposals: the pairs of match run
// `run` (default: the last committed one) at its openings whose placement is still proposed.
// Each card goes as make_card gives it to a company; a card that may not go is left out with its
// reason. `deliver` gets each company with at least one card, inside the one transaction of all
// of them. Throw Error(not_found) for an unknown company or run, or when no run was committed.
std::vector<CompanyCards>
share_company_cards(Database& db, const std::vector<std::string>& company_keys,
                    std::optional<std::int64_t> run, const WorkRules& rules, Date day,
                    const std::function<void(const CompanyCards&)>& deliver);

// Return the cards of candidate `candidate_id` given to companies as a listing (where their
// profile went, Art. 15 GDPR): shared_at, company, company_name, opening, title.
Records card_share_records(Database& db, std::int64_t candidate_id);

} // namespace werkstatt
