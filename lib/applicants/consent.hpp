// SPDX-License-Identifier: GPL-3.0-or-later
// Consent with a purpose (Einwilligung, Art. 6 (1) a, Art. 7, Art. 9 (2) a GDPR): a candidate
// consents per scope, and each use of their data checks its own scope on the day it happens.
#pragma once

#include "core/date.hpp"
#include "store/consent_store.hpp"
#include "store/database.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// What a person consented to (Zweck).
enum class Scope {
    matching,  // Vermittlung: their record is used in the network's matching
    sharing,   // Weitergabe: profile cards go to member companies
    reporting, // Berichte: the special categories are counted in funder reports
};

// Return every scope, in this order: matching, sharing, reporting.
const std::array<Scope, 3>& all_scopes();
// Return the name of `scope` ("matching"), as stored, in flags and in JSON keys.
std::string_view to_string(Scope scope);
// Return the scope named `text`: matching, sharing, reporting, or the German Vermittlung,
// Weitergabe, Berichte (any case); nothing for anything else.
std::optional<Scope> parse_scope(std::string_view text);
// Return the scopes listed in `text` (separated by commas, semicolons, | or blanks), each once,
// in the order of all_scopes(). Throw Error(bad_data) naming an unknown one, or an empty list.
std::vector<Scope> parse_scope_list(std::string_view text);

// Return the fields of an agency file that say what a candidate consented to, which an import
// profile may map: consent_given_on (Einwilligung am), consent_scopes (Einwilligung Zwecke) and
// consent_until (Einwilligung bis), sorted. They fill the consent table, no column.
const std::vector<std::string>& consent_import_fields();
// Return true if `field` is one of consent_import_fields().
bool consent_import_field(std::string_view field);

// Where a consent was recorded from.
enum class ConsentSource {
    agency_file, // an agency's file (import)
    form,        // the network's own consent form
    by_hand,     // entered by a coordinator
};

// Return "agency-file", "form" or "by-hand".
std::string_view to_string(ConsentSource source);
// Return the source named `text` (as to_string writes it), or nothing.
std::optional<ConsentSource> parse_consent_source(std::string_view text);

// One scope's consent of one candidate.
struct Consent {
    Scope scope = Scope::matching;
    std::optional<Date> given_on;     // nothing: the source did not say
    std::optional<Date> valid_until;  // the last day it holds; nothing: until withdrawn
    std::optional<Date> withdrawn_on; // the day the person withdrew it
    ConsentSource source = ConsentSource::by_hand;
    std::optional<std::int64_t> batch_id; // the import that brought it
    std::string recorded_at;              // when werkstatt stored it (UTC)

    // Return true if it holds on `day`: given on or before it (or given on an unknown day),
    // valid until it or later (or open-ended), and not withdrawn on or before it.
    bool valid_on(Date day) const;
};

// Return the consents of candidate `candidate_id`, in the order of all_scopes().
std::vector<Consent> read_consents(Database& db, std::int64_t candidate_id);
// Return the consent of `scope` among `consents`, or nothing.
std::optional<Consent> find_consent(const std::vector<Consent>& consents, Scope scope);
// Return the consent of `scope` of every candidate that has one, by candidate id.
std::vector<std::pair<std::int64_t, Consent>> consents_of_scope(Database& db, Scope scope);
// Return true if candidate `candidate_id` has a consent of `scope` that holds on `day`.
bool consent_valid_on(Database& db, std::int64_t candidate_id, Scope scope, Date day);
// Return true if candidate `candidate_id`'s profile may go to member companies on `day`: they
// have a sharing consent that holds on that day.
bool may_share(Database& db, std::int64_t candidate_id, Date day);

// A consent given or withdrawn, as a coordinator records it.
struct ConsentChange {
    std::vector<Scope> scopes;       // at least one
    std::optional<Date> given_on;    // a consent given: when
    std::optional<Date> valid_until; // a consent given: its last day; nothing: until withdrawn
    ConsentSource source = ConsentSource::by_hand;
    bool withdraw = false;            // true: withdraw the scopes instead
    std::optional<Date> withdrawn_on; // the withdrawal's day; nothing: `today`
};

// What record_consent did (or would do): the candidate and their consents before and after.
struct ConsentOutcome {
    std::int64_t candidate_id = 0;
    std::vector<Consent> before;
    std::vector<Consent> after;
    std::vector<std::string> erased; // special categories erased with a reporting withdrawal
};

// Record `change` for the candidate named by `id_or_reference` and `source` (as
// require_candidate finds them) in one transaction with one audit row; `today` is the default
// day of a withdrawal. A consent given replaces a withdrawn one of its scope; otherwise what it
// does not say (given_on or valid_until) stays as stored. Withdrawing the reporting scope on
// `today` or before erases a disability or minority recorded as yes or no (Art. 17 (1) b GDPR;
// declined stays, it is no health data) and names them in `erased`. Throw Error(usage) for no
// scope, a consent without given_on or valid_until, or dates given with a withdrawal;
// Error(bad_data) when the consent would end before it was given or be withdrawn before it was
// given; Error(not_found) for an unknown candidate.
ConsentOutcome record_consent(Database& db, const std::string& id_or_reference,
                              const std::optional<std::string>& source, const ConsentChange& change,
                              Date today, DryRun dry_run);

// What one row of an agency file says about consent: "Einwilligung Zwecke" (consent_scopes),
// "Einwilligung am" (consent_given_on) and "Einwilligung bis" (consent_until).
struct FileConsent {
    std::vector<Scope> scopes; // matching and sharing where the file names none
    std::optional<Date> given_on;
    std::optional<Date> valid_until;
};

// What apply_file_consent did.
struct FileConsentOutcome {
    bool changed = false;
    std::vector<ConsentRow> before;    // every consent of the candidate before, when changed
    std::vector<Scope> kept_withdrawn; // withdrawn scopes the file's consent did not renew
};

// Apply `file` to candidate `candidate_id` through `table`, as import batch `batch` writes it at
// `now`: each of its scopes gets the file's given_on (else the stored one, unless withdrawn) and
// valid_until, source agency-file. A withdrawal stays unless the file's consent was given after
// it (the agency may not know of it yet); an import never withdraws or removes a consent.
FileConsentOutcome apply_file_consent(ConsentTable& table, std::int64_t candidate_id,
                                      const FileConsent& file, std::int64_t batch,
                                      const std::string& now);
// Return the consent rows `file` gives candidate `candidate_id`, whom import batch `batch` has
// just created at `now` (so nothing stored can be kept or withdrawn): what apply_file_consent
// writes for a record without consents, for ConsentTable::insert to write many at once.
std::vector<ConsentRow> new_record_consents(std::int64_t candidate_id, const FileConsent& file,
                                            std::int64_t batch, const std::string& now);

// Return the consent stored as `row`; a value werkstatt never writes is Error(storage).
Consent consent_of_row(const ConsentRow& row);
// Return `consent` of candidate `candidate_id` as the store keeps it.
ConsentRow row_of_consent(std::int64_t candidate_id, const Consent& consent);

} // namespace werkstatt
