// SPDX-License-Identifier: GPL-3.0-or-later
// The advisory map (Beratungslandkarte): advisory services added, edited, removed and imported by
// hand (one transaction and one audit row each), and found by topic, place and language.
#pragma once

#include "domain/advisory.hpp"
#include "io/records.hpp"
#include "reference/district_shapes.hpp"
#include "store/database.hpp"
#include "store/keyed_import.hpp"

#include <istream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace werkstatt {

class RowSource;

// Advisory service fields as a user gave them (flags or a CSV row); an empty optional leaves a
// field alone. Lists replace the stored list when given.
struct AdvisorFields {
    std::optional<std::string> key;
    std::optional<std::string> organisation;
    std::optional<std::string> service;
    std::optional<std::vector<std::string>> topics;    // topic keys
    std::optional<std::vector<std::string>> districts; // names or AGS, or "statewide"
    std::optional<std::string> street;
    std::optional<std::string> plz;
    std::optional<std::string> city;
    std::optional<std::string> contact_person;
    std::optional<std::string> phone;
    std::optional<std::string> email;
    std::optional<std::string> web;
    std::optional<std::vector<std::string>> languages; // ISO 639-1 codes
    std::optional<std::string> opening_hours;
    std::optional<std::string> last_verified; // YYYY-MM-DD, "" clears
    std::optional<std::string> notes;
};

// Split `text` at commas and semicolons into trimmed, non-empty items ("a, b;c" -> a, b, c).
std::vector<std::string> split_items(std::string_view text);

// Apply `fields` to `service`, validating each given value; append the changed field names to
// `changed`. Throw Error(bad_data) naming the field and, for topics and districts, the known ones.
void apply_advisor_fields(AdvisoryService& service, const AdvisorFields& fields,
                          std::vector<std::string>& changed);

// Throw Error(bad_data) unless `service` has a key, organisation, service, a topic and a PLZ.
void require_complete(const AdvisoryService& service);

// One data row of an advisor CSV file.
struct AdvisorRow {
    std::size_t line = 0;
    AdvisorFields fields;
    std::string problem; // why the row cannot be read (a wrong number of fields); "" if fine
    std::vector<std::string> warnings; // a PLZ whose leading zero a spreadsheet dropped
};

// Read an advisor CSV file from `in` (named `source`): the header, then one row per record. Throw
// Error(bad_data) for an empty file or an unknown, doubled or missing column.
std::vector<AdvisorRow> read_advisor_csv(std::istream& in, const std::string& source);
// The same from the rows of a CSV file or a sheet of an Excel workbook (io/row_source.hpp).
std::vector<AdvisorRow> read_advisor_rows(RowSource& rows);

// An advisory service after a write, with the fields that changed.
struct AdvisorOutcome {
    AdvisoryService service;
    std::vector<std::string> changed;
};

// Return the advisory service with `key`; throw Error(not_found) naming the key otherwise.
AdvisoryService require_advisor(Database& db, std::string_view key);
// Add a service from `fields`; throw Error(bad_data) for a bad value, Error(conflict) for a key in
// use.
AdvisorOutcome add_advisor(Database& db, const AdvisorFields& fields, DryRun dry_run);
// Change the service with `key` by `fields`.
AdvisorOutcome edit_advisor(Database& db, std::string_view key, const AdvisorFields& fields,
                            DryRun dry_run);
// Remove the service with `key`; a catalogue entry stays removed on `catalogue update`.
AdvisoryService remove_advisor(Database& db, std::string_view key, DryRun dry_run);

// What an advisor import did, or would do.
using AdvisorImportReport = KeyedImportReport;

// Import services from CSV `in` (named `source`): insert new keys, update changed ones; all or
// nothing.
AdvisorImportReport import_advisors(Database& db, std::istream& in, const std::string& source,
                                    DryRun dry_run);
// The same from the rows of a CSV file or a sheet of an Excel workbook.
AdvisorImportReport import_advisors(Database& db, RowSource& rows, DryRun dry_run);

// What `advisor find` looks for; every part optional.
struct AdvisorQuery {
    std::optional<AdvisoryTopic> topic;
    std::optional<std::string> district_ags; // the place's district
    std::optional<LonLat> point;             // the place, for distances
    std::optional<std::string> language;     // ISO 639-1
};

// Build a query from what a user typed; throw Error(usage) for an unknown topic, district or PLZ
// (naming the known ones), a `city` without `plz`, or a malformed language code. `district` and
// `plz` exclude each other; `city` says which of the PLZ's places is meant (see locate()).
AdvisorQuery parse_advisor_query(const std::optional<std::string>& topic,
                                 const std::optional<std::string>& district,
                                 const std::optional<std::string>& plz,
                                 const std::optional<std::string>& city,
                                 const std::optional<std::string>& language);

// When an entry counts as out of date.
struct VerifyPolicy {
    Date today;
    std::int64_t verify_after_days = 365;
};

// Return true if `service` is due for checking under `policy`: never verified, or verified
// longer ago than policy.verify_after_days before policy.today.
bool needs_check(const AdvisoryService& service, const VerifyPolicy& policy);

// How far a service reaches the place asked about.
enum class Reach { district, statewide, elsewhere };

// A service that matched, with why it ranks where it does.
struct AdvisorMatch {
    AdvisoryService service;
    Reach reach = Reach::elsewhere;
    std::optional<double> distance_km; // from the place; none without a place or coordinates
    bool needs_check = false;          // never verified, or longer ago than the policy allows
};

// Return the services of `services` that match `query`: those serving the place's district first,
// then statewide ones, then the rest, each group by distance from the place and then by key.
std::vector<AdvisorMatch> rank_advisors(const std::vector<AdvisoryService>& services,
                                        const AdvisorQuery& query, const VerifyPolicy& policy);
// Return the stored services that match `query`, ordered as rank_advisors does.
std::vector<AdvisorMatch> find_advisors(Database& db, const AdvisorQuery& query,
                                        const VerifyPolicy& policy);

// Return where `service` lies, from its PLZ and city; none outside Sachsen-Anhalt's data.
std::optional<LonLat> advisor_point(const AdvisoryService& service);

// Return the services of `services`, in their order, that have `query.topic` and serve
// `query.district_ags` (statewide ones serve every district), each only where given; the place and
// language of `query` are not looked at. `advisor list` and `advisor map` filter with this.
std::vector<AdvisoryService> filter_advisors(const std::vector<AdvisoryService>& services,
                                             const AdvisorQuery& query);
// Return the stored services, by key, that filter_advisors keeps for `query`.
std::vector<AdvisoryService> select_advisors(Database& db, const AdvisorQuery& query);

// Return `services` as a listing; `brief` for a terminal table.
Records advisor_records(const std::vector<AdvisoryService>& services, bool brief);
// Return `matches` as a listing; `brief` for a terminal table.
Records match_records(const std::vector<AdvisorMatch>& matches, const VerifyPolicy& policy,
                      bool brief);
// Return one service for `advisor show`.
Detail advisor_detail(const AdvisoryService& service, const VerifyPolicy& policy);
// Return the topic catalogue (key, title) as a listing.
Records advisory_topic_records();

} // namespace werkstatt
