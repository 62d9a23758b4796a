// SPDX-License-Identifier: GPL-3.0-or-later
// The candidate card (Bewerberprofil): the one page about a candidate that a member company may
// see. It names the person by a pseudonym ("Bewerbung K-0417") and shows only what an employer
// needs to judge the fit and the hiring: the target occupation and its level, languages,
// recognition, driving licences, availability, the district, the distance they would travel,
// and the work permission with what the employer has to do. The card's struct has no field for
// the name, birth date, gender, nationality, contact data, address, the agency's reference or
// source, notes or reporting facts, so no renderer can print them.
#pragma once

#include "applicants/exchange.hpp"
#include "core/date.hpp"
#include "core/i18n.hpp"
#include "domain/candidate_values.hpp"
#include "reference/work_rules.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// Return the number on the cards of candidate `candidate_id` (positive) under the database's
// card key `key`: a keyed permutation of the ids, so that two persons never share a number, a
// person keeps theirs for as long as they are stored, and the numbers do not show the order in
// which persons were stored. Ids below 10000 map to 0 to 9999; larger ids keep their count of
// digits (an id of d digits maps to a number of d digits).
std::int64_t card_number(std::int64_t candidate_id, std::uint64_t key);
// Return the pseudonym of that number: "K-0417" (at least four digits).
std::string card_pseudonym(std::int64_t candidate_id, std::uint64_t key);

// The opening a card is for.
struct CardOpening {
    std::int64_t id = 0;
    std::string title;
    std::int64_t company_id = 0;
    std::string company_key;
    std::string company_name;
    std::optional<std::int64_t> score_milli; // the matching's score of the pair, if proposed
};

// What a card shows, and nothing more.
struct CandidateCard {
    std::int64_t candidate_id = 0; // for werkstatt's own records; never printed
    std::string pseudonym;         // "K-0417"
    std::optional<KldbCode> kldb;  // target occupation
    std::string occupation;        // its name as the agency wrote it
    std::optional<CefrLevel> german;
    std::vector<LanguageSkill> languages; // other languages (German is `german`)
    std::optional<Recognition> recognition;
    std::string licences; // "B, CE"; "" for none
    std::optional<Date> available_from;
    std::string district; // the district's (or, outside Sachsen-Anhalt, the Land's) name
    std::optional<std::int64_t> radius_km;
    ResidenceStatus status = ResidenceStatus::unknown; // only to choose the permission's text
    WorkRule work_rule;
    std::string work_rules_valid_as_of;
    std::optional<CardOpening> opening;
};

// Return the card of `candidate` (as require_candidate returns it) under the work rules
// `rules`, for opening `opening_id` if given; the pseudonym uses the database's card key.
// Throw Error(not_found) for an unknown opening.
CandidateCard load_card(Database& db, const ExchangeRecord& candidate,
                        std::optional<std::int64_t> opening_id, const WorkRules& rules);

// Return why the profile of `candidate` may not go to a member company on `day`, or nothing if
// it may: the candidate is archived or has left the programme, or their consent to sharing
// with members (consent.hpp, Scope::sharing) is missing, withdrawn, not yet valid or ended.
std::optional<std::string> why_not_shareable(Database& db, const ExchangeRecord& candidate,
                                             Date day);

// The two forms of a card.
enum class CardFormat { markdown, html };
// Parse `text` ("md", "markdown", "html"), or nothing.
std::optional<CardFormat> parse_card_format(std::string_view text);

// What a card says besides the candidate's facts.
struct CardContext {
    Language lang = Language::de;
    Date day = Date::today(); // "as of" and what "available now" means
    std::string network;      // who made the card (report.network)
};

// Return `card` as Markdown in `context.lang`, every stored text escaped.
std::string card_markdown(const CandidateCard& card, const CardContext& context);
// Return `cards` as one self-contained HTML page in `context.lang`, every stored text escaped,
// printable on A4 with one card per page, titled for `company` (its name) if given.
std::string cards_html(const std::vector<CandidateCard>& cards, const CardContext& context,
                       const std::string& company = "");
// Return `cards` in `format` (Markdown cards separated by a rule).
std::string render_cards(const std::vector<CandidateCard>& cards, CardFormat format,
                         const CardContext& context);

} // namespace werkstatt
