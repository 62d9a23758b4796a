// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/card.hpp"

#include "applicants/consent.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/values.hpp"
#include "members/members.hpp"
#include "reference/plz_directory.hpp"
#include "store/card_store.hpp"
#include "store/record_schema.hpp"

#include <fmt/format.h>

namespace werkstatt {

namespace {

// splitmix64's finaliser: every bit of `x` reaches every bit of the result.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31U);
}

// A permutation of [0, 2^(2 * half_bits)): four rounds of a balanced Feistel network keyed by
// `key`.
std::uint64_t feistel(std::uint64_t x, unsigned half_bits, std::uint64_t key) {
    const std::uint64_t mask = (std::uint64_t{1} << half_bits) - 1;
    std::uint64_t left = x >> half_bits;
    std::uint64_t right = x & mask;
    for (std::uint64_t round = 0; round < 4; ++round) {
        const std::uint64_t next = left ^ (mix(key ^ (round << 56U) ^ right) & mask);
        left = right;
        right = next;
    }
    return (left << half_bits) | right;
}

// A permutation of [0, n) keyed by `key`: the Feistel permutation of the smallest square power
// of two that holds n, applied again while the value falls outside (cycle walking; it ends,
// because x lies on a cycle of the permutation that comes back into [0, n)).
std::uint64_t permute(std::uint64_t x, std::uint64_t n, std::uint64_t key) {
    unsigned half = 1;
    while ((std::uint64_t{1} << (2 * half)) < n) {
        ++half;
    }
    do {
        x = feistel(x, half, key);
    } while (x >= n);
    return x;
}

const Cell& cell(const ExchangeRecord& r, std::string_view column) {
    return r.cells[candidate_schema().index(column)];
}

std::string text_of(const Cell& c) {
    return c ? *c : std::string();
}

// Return the name of the district with key `ags`, else the Land of `plz`, else "".
std::string district_name(const Cell& ags, const Cell& plz) {
    if (ags && !ags->empty()) {
        if (auto name = shipped_district_name(*ags)) {
            return *name;
        }
    }
    if (const auto code = Plz::parse(text_of(plz))) {
        if (const auto german = german_plz(*code)) {
            return std::string(german->land);
        }
    }
    return "";
}

std::vector<LanguageSkill> other_languages(const Cell& stored) {
    std::vector<LanguageSkill> out;
    if (const auto parsed = parse_languages(text_of(stored))) {
        for (const auto& skill : *parsed) {
            if (skill.code != "de") {
                out.push_back(skill);
            }
        }
    }
    return out;
}

CardOpening card_opening(Database& db, std::int64_t candidate_id, std::int64_t opening_id) {
    const auto opening = require_opening(db, opening_id);
    const auto& s = opening_schema();
    CardOpening o;
    o.id = opening.id;
    o.title = opening.cells[s.index("title")].value_or("");
    o.company_key = opening.cells[s.index("company_key")].value_or("");
    const auto company = require_company(db, o.company_key);
    o.company_id = company.id;
    o.company_name = company.name;
    o.score_milli = pair_score(db, candidate_id, opening_id);
    return o;
}

} // namespace

std::int64_t card_number(std::int64_t candidate_id, std::uint64_t key) {
    const auto id = static_cast<std::uint64_t>(candidate_id);
    if (id < 10000) {
        return static_cast<std::int64_t>(permute(id, 10000, key));
    }
    std::uint64_t low = 10000; // the smallest number with the id's count of digits
    while (low <= id / 10) {
        low *= 10;
    }
    return static_cast<std::int64_t>(low + permute(id - low, 9 * low, key ^ mix(low)));
}

std::string card_pseudonym(std::int64_t candidate_id, std::uint64_t key) {
    return fmt::format("K-{:04}", card_number(candidate_id, key));
}

CandidateCard load_card(Database& db, const ExchangeRecord& candidate,
                        std::optional<std::int64_t> opening_id, const WorkRules& rules) {
    CandidateCard card;
    card.candidate_id = candidate.id;
    card.pseudonym = card_pseudonym(candidate.id, card_key(db));
    card.kldb = KldbCode::parse(text_of(cell(candidate, "kldb")));
    card.occupation = text_of(cell(candidate, "occupation"));
    card.german = CefrLevel::parse(text_of(cell(candidate, "german")));
    card.languages = other_languages(cell(candidate, "languages"));
    card.recognition = parse_recognition(text_of(cell(candidate, "recognition")));
    if (const auto licences = LicenceSet::parse(text_of(cell(candidate, "licences")))) {
        card.licences = licences->str();
    }
    card.available_from = Date::parse_iso(text_of(cell(candidate, "available_from")));
    card.district = district_name(cell(candidate, "district_ags"), cell(candidate, "plz"));
    card.radius_km = text::parse_int(text_of(cell(candidate, "radius_km")));
    card.status = parse_residence_status(text_of(cell(candidate, "residence_status")))
                      .value_or(ResidenceStatus::unknown);
    card.work_rule = rules.rule(card.status);
    card.work_rules_valid_as_of = rules.valid_as_of();
    if (opening_id) {
        card.opening = card_opening(db, candidate.id, *opening_id);
    }
    return card;
}

std::optional<std::string> why_not_shareable(Database& db, const ExchangeRecord& candidate,
                                             Date day) {
    const auto id = candidate.id;
    if (const auto left = Date::parse_iso(text_of(cell(candidate, "exit_date")))) {
        return fmt::format("candidate {} left the programme on {}; a card goes to a member "
                           "company only for a person in the exchange",
                           id, left->iso());
    }
    if (text_of(cell(candidate, "active")) == "0") {
        return fmt::format("candidate {} is archived; make them active again with 'werkstatt "
                           "candidate archive {} --undo' before a card goes to a company",
                           id, id);
    }
    if (may_share(db, id, day)) {
        return std::nullopt;
    }
    // The one rule (may_share) has refused; say why, from the consent it looked at.
    const auto consent = find_consent(read_consents(db, id), Scope::sharing);
    if (!consent) {
        return fmt::format("candidate {} has not consented to their profile going to member "
                           "companies; record the consent with 'werkstatt candidate consent {} "
                           "--scope sharing --given-on DATE'",
                           id, id);
    }
    if (consent->withdrawn_on && *consent->withdrawn_on <= day) {
        return fmt::format("candidate {} withdrew their consent to sharing their profile with "
                           "member companies on {}; no card may go to a company",
                           id, consent->withdrawn_on->iso());
    }
    if (consent->given_on && *consent->given_on > day) {
        return fmt::format("candidate {}'s consent to sharing their profile with member "
                           "companies holds only from {}; share the card from that day",
                           id, consent->given_on->iso());
    }
    if (consent->valid_until && *consent->valid_until < day) {
        return fmt::format("candidate {}'s consent to sharing their profile with member "
                           "companies ended on {}; record a renewed consent with 'werkstatt "
                           "candidate consent {} --scope sharing --given-on DATE'",
                           id, consent->valid_until->iso(), id);
    }
    return fmt::format("candidate {}'s consent to sharing their profile does not hold on {}; "
                       "see 'werkstatt candidate show {}'",
                       id, day.iso(), id);
}

std::optional<CardFormat> parse_card_format(std::string_view text) {
    if (text == "md" || text == "markdown") {
        return CardFormat::markdown;
    }
    if (text == "html") {
        return CardFormat::html;
    }
    return std::nullopt;
}

std::string render_cards(const std::vector<CandidateCard>& cards, CardFormat format,
                         const CardContext& context) {
    if (format == CardFormat::html) {
        return cards_html(cards, context);
    }
    std::vector<std::string> parts;
    for (const auto& card : cards) {
        parts.push_back(card_markdown(card, context));
    }
    return text::join(parts, "\n---\n\n");
}

} // namespace werkstatt
