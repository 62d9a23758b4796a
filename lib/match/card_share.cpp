// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/card_share.hpp"
#include "core/i18n.hpp"

#include "applicants/exchange.hpp"
#include "core/error.hpp"
#include "store/card_store.hpp"
#include "store/company_store.hpp"

#include <fmt/format.h>

namespace werkstatt {

namespace {

Company company_of(Database& db, const std::string& key) {
    auto company = find_company(db, key);
    if (!company) {
        throw Error(ErrorKind::not_found,
                    _f("no company with key '{}'; 'werkstatt company list --all' shows "
                       "the keys",
                       key));
    }
    return *company;
}

// Record that `card` goes to `company` on `day`: refuse it (Error(conflict)) when it may not go,
// else the card_share row, the placement moved to introduced, and the audit row.
MadeCard give_card(Database& db, WriteTransaction& txn, const ExchangeRecord& candidate,
                   CandidateCard card, const Company& company, Date day) {
    if (const auto why = why_not_shareable(db, candidate, day)) {
        throw Error(ErrorKind::conflict, *why);
    }
    if (!company.active) {
        throw Error(ErrorKind::conflict,
                    _f("company {} is archived; a card goes only to a member company "
                       "('werkstatt company archive {} --undo' restores it)",
                       company.key, company.key));
    }
    MadeCard made;
    std::string placement_details;
    if (card.opening) {
        const auto opening_id = card.opening->id;
        const auto held = find_placement(db, candidate.id, opening_id);
        const auto status = held ? parse_placement_status(held->status) : std::nullopt;
        if (status && is_final(*status)) {
            throw Error(ErrorKind::conflict,
                        _f("candidate {} for opening {} is {}; a card goes only with an "
                           "open placement ('werkstatt placement set' with --force "
                           "reopens it)",
                           candidate.id, opening_id, held->status));
        }
        if (!status || *status == PlacementStatus::proposed) {
            const auto change = move_placement(db, candidate.id, opening_id,
                                               PlacementStatus::introduced, "", false, day);
            made.placement = change;
            placement_details =
                fmt::format(" placement={} {}->introduced", change.id,
                            change.from ? std::string(to_string(*change.from)) : "new");
        }
    }
    const auto now = utc_timestamp();
    std::optional<std::int64_t> opening_id;
    if (card.opening) {
        opening_id = card.opening->id;
    }
    made.share_id = insert_card_share(db, candidate.id, company.id, opening_id, now);
    txn.audit("candidate", candidate.id, "share",
              fmt::format("card_share={} company={}{}{}", *made.share_id, company.key,
                          card.opening ? fmt::format(" opening={}", card.opening->id) : "",
                          placement_details));
    made.card = std::move(card);
    return made;
}

} // namespace

MadeCard make_card(Database& db, const CardRequest& request, const WorkRules& rules, Date day,
                   DryRun dry_run, const std::function<void(const CandidateCard&)>& deliver) {
    if (!request.company) {
        const auto candidate = require_candidate(db, request.candidate, request.source);
        MadeCard made{load_card(db, candidate, request.opening, rules), {}, {}};
        if (dry_run == DryRun::no) {
            deliver(made.card);
        }
        return made;
    }
    WriteTransaction txn(db);
    const auto candidate = require_candidate(db, request.candidate, request.source);
    const auto company = company_of(db, *request.company);
    auto card = load_card(db, candidate, request.opening, rules);
    if (card.opening && card.opening->company_key != company.key) {
        throw Error(ErrorKind::usage,
                    _f("opening {} belongs to company {}, not {}; give --for {} or "
                       "another opening",
                       card.opening->id, card.opening->company_key, company.key,
                       card.opening->company_key));
    }
    auto made = give_card(db, txn, candidate, std::move(card), company, day);
    if (dry_run == DryRun::no) {
        deliver(made.card);
    }
    txn.finish(dry_run);
    return made;
}

std::vector<CompanyCards>
share_company_cards(Database& db, const std::vector<std::string>& company_keys,
                    std::optional<std::int64_t> run, const WorkRules& rules, Date day,
                    const std::function<void(const CompanyCards&)>& deliver) {
    WriteTransaction txn(db);
    if (run && !match_run_exists(db, *run)) {
        throw Error(ErrorKind::not_found,
                    _f("no match run {}; 'werkstatt audit --entity match_run' lists the "
                       "committed runs",
                       *run));
    }
    if (!run) {
        run = latest_match_run(db);
        if (!run) {
            throw Error(ErrorKind::not_found, _("no match run was committed yet; propose pairs "
                                                "with 'werkstatt match --assign --commit' first"));
        }
    }
    std::vector<CompanyCards> out;
    for (const auto& key : company_keys) {
        auto company = company_of(db, key);
        if (!company.active) {
            throw Error(ErrorKind::conflict,
                        _f("company {} is archived; cards go only to member companies "
                           "('werkstatt company archive {} --undo' restores it)",
                           key, key));
        }
        out.push_back(CompanyCards{std::move(company), *run, {}, {}});
    }
    for (auto& company : out) {
        for (const auto& [candidate_id, opening_id] :
             proposals_for_company(db, company.company.id, *run)) {
            const auto candidate = require_candidate_id(db, candidate_id);
            auto card = load_card(db, candidate, opening_id, rules);
            try {
                company.cards.push_back(
                    give_card(db, txn, candidate, std::move(card), company.company, day));
            } catch (const Error& e) {
                if (e.kind() != ErrorKind::conflict) {
                    throw;
                }
                company.left_out.push_back(LeftOutCard{candidate_id, opening_id, e.what()});
            }
        }
        if (!company.cards.empty()) {
            deliver(company);
        }
    }
    txn.finish(DryRun::no);
    return out;
}

Records card_share_records(Database& db, std::int64_t candidate_id) {
    Records r;
    r.columns = {"shared_at", "company", "company_name", "opening", "title"};
    for (const auto& s : card_shares_of(db, candidate_id)) {
        r.rows.push_back({s.shared_at, s.company_key, s.company_name, optional_value(s.opening_id),
                          s.opening_title ? Value{*s.opening_title} : Value{}});
    }
    return r;
}

} // namespace werkstatt
