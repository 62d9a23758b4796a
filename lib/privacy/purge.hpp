// SPDX-License-Identifier: GPL-3.0-or-later
// Retention that runs itself (`privacy purge`, `privacy status`): what is erased when, by the
// limits of [privacy] (storage limitation, Art. 5 (1) e GDPR; the AGG claim period, § 21 (5)).
#pragma once

#include "core/date.hpp"
#include "io/records.hpp"
#include "privacy/settings.hpp"
#include "store/privacy_store.hpp"

namespace werkstatt {

// Return the limits of a purge on day `as_of` under `settings`: consents that ended more than
// grace_days before, candidates inactive or exited more than retention_months before, and match
// pairs, closed placements' notes and import before-images older than claim_months.
PurgeLimits purge_limits(const Date& as_of, const PrivacySettings& settings);

// What a purge did (or, in a dry run, would do).
struct PurgeOutcome {
    PurgeCounts counts;
    Scrubbed scrubbed = Scrubbed::yes;
};

// Erase on `db` what is due on `as_of` under `settings`, in one transaction with one audit row
// (counts only), overwritten and scrubbed from the write-ahead log (erase_and_scrub); with
// `dry_run` count it and change nothing.
PurgeOutcome purge(Database& db, const Date& as_of, const PrivacySettings& settings,
                   DryRun dry_run);

// Return `counts` as a listing (what, count) for `privacy purge` and `privacy status`.
Records purge_count_records(const PurgeCounts& counts);

// Return the consents of candidates in the database that ended or end within `within_days` of
// `as_of`, with their day and whether they are ended, withdrawn or still hold.
Records consent_status_records(Database& db, const Date& as_of, int within_days);

} // namespace werkstatt
