// SPDX-License-Identifier: GPL-3.0-or-later
// A candidate leaving the programme (Austritt) and the follow-up six months later, as the ESF+
// result indicators count them (Regulation (EU) 2021/1057, Annex I). One transaction and one
// audit row each, naming the fields changed, never their values.
#pragma once

#include "core/date.hpp"
#include "domain/reporting_values.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// Whether a command may overwrite what is recorded already.
enum class Overwrite { no, yes };

// What a write about leaving did: the candidate, the changed columns, warnings for the user.
struct LeavingOutcome {
    std::int64_t id = 0;
    std::vector<std::string> changed;
    std::vector<std::string> warnings;
};

// Record that the candidate named by `id_or_reference` (and `source`, as require_candidate finds
// it) left on `day` in `situation`: exit_date and exit_situation are set and the candidate is
// archived (active = 0), so that matching never proposes someone who left. Throw
// Error(not_found) for an unknown candidate; Error(conflict) when the candidate left already
// (unless `overwrite`; a follow-up recorded for the earlier exit is then cleared, with a
// warning) or when `day` is before the entry day.
LeavingOutcome record_exit(Database& db, const std::string& id_or_reference,
                           const std::optional<std::string>& source, Date day,
                           ExitSituation situation, Overwrite overwrite, DryRun dry_run);

// Take back the exit of the candidate named by `id_or_reference`: the exit day and situation
// and the follow-up are cleared and the candidate is active again. Throw Error(conflict) when
// the candidate has not left.
LeavingOutcome undo_exit(Database& db, const std::string& id_or_reference,
                         const std::optional<std::string>& source, DryRun dry_run);

// Record the situation `status` of the candidate named by `id_or_reference` six months after
// leaving, as asked on `day`. Throw Error(conflict) when the candidate has not left, when `day`
// is before the exit day, or when a follow-up is recorded already (unless `overwrite`). Warn
// (and record) when `day` is not 5 to 8 months after the exit day.
LeavingOutcome record_follow_up(Database& db, const std::string& id_or_reference,
                                const std::optional<std::string>& source, Date day,
                                FollowUpStatus status, Overwrite overwrite, DryRun dry_run);

// Return `day` moved by `months` calendar months, the day of month kept where the month has it
// and the month's last day otherwise (2027-08-31 + 6 months = 2028-02-29).
Date add_months(Date day, int months);

} // namespace werkstatt
