// SPDX-License-Identifier: GPL-3.0-or-later
// The applicant exchange (Bewerberbörse) by hand: candidates and openings listed, shown, edited,
// archived or closed. Each write is one transaction with one audit row; a hand edit detaches the
// record from the import batch that last wrote it.
#pragma once

#include "applicants/consent.hpp"
#include "applicants/fields.hpp"
#include "io/records.hpp"
#include "store/database.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// A candidate or opening as stored: its id, the cells of its schema and, of a candidate, the
// consents (consent.hpp) in the order of all_scopes().
struct ExchangeRecord {
    std::int64_t id = 0;
    std::vector<Cell> cells;
    std::vector<Consent> consents;
};

// Which records a listing shows.
struct ExchangeFilter {
    bool include_inactive = false;      // archived candidates, closed openings
    std::optional<std::string> source;  // candidates of this source only
    std::optional<std::string> company; // openings of this company only
};

// Return the candidate named by `id_or_reference`: a number is an id (unless only a reference
// has that text), anything else the agency's reference. Throw Error(not_found), or
// Error(usage) when a reference is used by several sources (`source` then decides).
ExchangeRecord require_candidate(Database& db, const std::string& id_or_reference,
                                 const std::optional<std::string>& source);
// Return the candidate with `id`; throw Error(not_found) otherwise.
ExchangeRecord require_candidate_id(Database& db, std::int64_t id);
// Return the opening with `id`; throw Error(not_found) otherwise.
ExchangeRecord require_opening(Database& db, std::int64_t id);

// Return the records of `kind` that pass `filter`, by id.
std::vector<ExchangeRecord> list_exchange(Database& db, RecordKind kind,
                                          const ExchangeFilter& filter);

// Whether the special categories of personal data (Art. 9 GDPR), disability and minority, may
// be recorded as yes or no: the admin's switch privacy.special_categories.
struct SensitivePolicy {
    bool special_categories = false;
};

// Change record `id` of `kind` by `fields` (field name -> value as a user typed it; dates
// YYYY-MM-DD); return the names of the changed columns. Throw Error(bad_data) naming the field.
// A candidate's disability or minority may be set to yes or no only where `policy` allows it
// (else Error(config)) and while the candidate has a reporting consent that was given and not
// withdrawn (else Error(conflict)); declined and unknown are always allowed. Nothing is written
// when anything is refused.
std::vector<std::string> edit_exchange(Database& db, RecordKind kind, std::int64_t id,
                                       const std::map<std::string, std::string>& fields,
                                       DryRun dry_run, const SensitivePolicy& policy = {});

// A candidate after a hand edit: its id and the names of the changed columns.
struct CandidateEdit {
    std::int64_t id = 0;
    std::vector<std::string> changed;
};
// Change the candidate named by `id_or_reference` and `source` (as require_candidate finds it) by
// `fields`, as edit_exchange does under `policy`.
CandidateEdit edit_candidate(Database& db, const std::string& id_or_reference,
                             const std::optional<std::string>& source,
                             const std::map<std::string, std::string>& fields, DryRun dry_run,
                             const SensitivePolicy& policy = {});

// Erase candidate `id` (DSGVO Art. 17): the record and the old values kept for undo go; the
// audit log keeps only that candidate `id` was removed. The deleted rows are overwritten and
// no journal keeps them (erase_and_scrub); return not_yet if another connection kept the
// write-ahead log from being emptied.
Scrubbed remove_candidate(Database& db, std::int64_t id, DryRun dry_run);

// Add an opening from `fields` (company and title required; PLZ and city default to the
// company's); return its id.
std::int64_t add_opening(Database& db, const std::map<std::string, std::string>& fields,
                         DryRun dry_run);

// Return `records` of `kind` as a listing whose CSV imports back with profile "werkstatt" (or
// "openings"). A listing leaves out the facts kept for the reports to funders (country of birth
// to the status six months after leaving): the special categories among them are shown by
// `candidate show` only, never in a list or an export. A candidate's consent_until column is the
// last day of their matching consent, empty when it is open-ended, withdrawn or missing.
Records exchange_records(RecordKind kind, const std::vector<ExchangeRecord>& records);
// Return one record for `show`; a candidate's shows each scope's consent with the stable keys
// consent_<scope> (valid, expired, not-yet, withdrawn or none on `day`) and
// consent_<scope>_given_on, _valid_until, _withdrawn_on and _source.
Detail exchange_detail(RecordKind kind, const ExchangeRecord& record, Date day = Date::today());

} // namespace werkstatt
