// SPDX-License-Identifier: GPL-3.0-or-later
// A pool that stays fresh (#16): residence permits that end, and people who have not confirmed
// for a while that they still want to be placed (due after exchange.reconfirm_days, paused from
// matching after exchange.pause_days). What `werkstatt due` and `candidate confirm` build on.
#pragma once

#include "applicants/settings.hpp"
#include "core/date.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// A candidate whose residence permit ends (Aufenthaltstitel gültig bis) on `until`.
struct PermitEnd {
    std::int64_t candidate_id = 0;
    Date until;
};

// Active, not purged candidates whose permit_until is on or before `today` + `within_days`
// (ended ones too), by date then id.
std::vector<PermitEnd> permits_ending(Database& db, Date today, int within_days);

// How fresh a candidate's wish to be placed is: confirmed lately, due for a confirmation
// (exchange.reconfirm_days), or paused from matching (exchange.pause_days).
enum class Freshness { fresh, due, paused };

// A candidate's last confirmation (or the day the record was made) and what it means.
struct Confirmation {
    std::int64_t candidate_id = 0;
    Date last;
    Freshness state = Freshness::fresh;
};

// Return the state of a candidate who last confirmed on `last`, asked on `day` under `s`:
// paused when `last` is pause_days or more before `day`, else due when it is reconfirm_days or
// more before, else fresh.
Freshness freshness(Date last, Date day, const ExchangeSettings& s);

// Active, not purged candidates whose last confirmation (or creation day) is reconfirm_days or
// more before `today`, oldest first (then by id); state due or paused.
std::vector<Confirmation> confirmations_due(Database& db, Date today, const ExchangeSettings& s);

// Return the name of `state` as listings show it: "fresh", "due" or "paused".
const char* freshness_name(Freshness state);

// What `candidate confirm` did: the candidate, the day and the day before (empty: never).
struct Confirmed {
    std::int64_t id = 0;
    Date day;
    std::string before;
};

// Record that the candidate named by `id_or_reference` (and `source`, as require_candidate
// finds them) still wants to be placed, as of `day`: confirmed_on = `day`, one transaction with
// one audit row. Throw Error(not_found) for an unknown candidate, Error(conflict) for an archived
// or purged one.
Confirmed confirm_candidate(Database& db, const std::string& id_or_reference,
                            const std::optional<std::string>& source, Date day, DryRun dry_run);

} // namespace werkstatt
