// SPDX-License-Identifier: GPL-3.0-or-later
// The register of member companies and their contact persons: validated writes, one transaction
// and one audit row each.
#pragma once

#include "domain/company.hpp"
#include "io/records.hpp"
#include "members/settings.hpp"
#include "store/company_store.hpp"
#include "store/database.hpp"
#include "store/keyed_import.hpp"

#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

class RowSource;

// Company fields as a user gave them (flags or a CSV row); an empty optional leaves a field alone.
struct CompanyFields {
    std::optional<std::string> key;
    std::optional<std::string> name;
    std::optional<std::string> industry;
    std::optional<std::string> street;
    std::optional<std::string> plz;
    std::optional<std::string> city;
    std::optional<std::string> district; // name or AGS; derived from the PLZ when not given
    std::optional<std::string> member_since;
    std::optional<std::string> notes;
    std::optional<bool> can_host;
    std::optional<bool> active;
    std::optional<std::int64_t> capacity; // 0 clears it
    std::optional<std::string> size;      // micro, small, medium, large; "unknown" or "" clears
};

// A company after a write, with the fields that changed, warnings for the user and notes on
// what else the write did.
struct CompanyOutcome {
    Company company;
    std::vector<std::string> changed;
    std::vector<std::string> warnings;
    std::vector<std::string> notes;
};

// Return the AGS of the district `name_or_key` (a name such as Harz, a key such as 15085) for
// CompanyFilter::district_ags; throw Error(usage) naming both forms if there is no such district.
std::string district_filter_ags(std::string_view name_or_key);

// Return the company with `key`; throw Error(not_found) naming the key otherwise.
Company require_company(Database& db, std::string_view key);

// Add a company from `fields` (key, name and plz required). Throw Error(bad_data) for an invalid
// value, Error(conflict) for a key in use.
CompanyOutcome add_company(Database& db, const CompanyFields& fields, const MemberPolicy& policy,
                           DryRun dry_run);

// Change the company with `key` by the given `fields`.
CompanyOutcome edit_company(Database& db, std::string_view key, const CompanyFields& fields,
                            const MemberPolicy& policy, DryRun dry_run);

// Whether to archive a company or bring it back.
enum class ArchiveAction { archive, restore };

// Archive (or restore) the company with `key`; archived companies leave listings and rotations.
// Archiving closes the company's open openings (the audit row names them) and warns about its
// placements in introduction or interview and the planned or confirmed events it hosts;
// restoring reopens the openings that archiving closed and that are still closed. Archiving
// records `day` (today if empty) as the day the company left the network (left_on); restoring
// clears it.
CompanyOutcome archive_company(Database& db, std::string_view key, ArchiveAction action,
                               DryRun dry_run, std::optional<Date> day = std::nullopt);

// What a company import did, or would do.
using CompanyImportReport = KeyedImportReport;

// Import companies from CSV `in` (named `source`): insert new keys, update changed ones. All or
// nothing: if any row is invalid, `problems` lists them and nothing is written.
CompanyImportReport import_companies(Database& db, std::istream& in, const std::string& source,
                                     const MemberPolicy& policy, DryRun dry_run);
// The same from the rows of a CSV file or a sheet of an Excel workbook (io/row_source.hpp); a
// PLZ that a sheet held as a number of four digits gets its leading zero back, with a warning.
CompanyImportReport import_companies(Database& db, RowSource& rows, const MemberPolicy& policy,
                                     DryRun dry_run);

// Contact fields as a user gave them; an empty optional leaves a field alone.
struct ContactFields {
    std::optional<std::string> company; // key
    std::optional<std::string> name;
    std::optional<std::string> role;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    std::optional<std::string> salutation; // frau, herr, neutral ("" too: not known)
    std::optional<bool> invited;           // receives the invitations to meetings
};

// Return the contact with `id`; throw Error(not_found) otherwise.
Contact require_contact(Database& db, std::int64_t id);
// Add a contact (company and name required).
Contact add_contact(Database& db, const ContactFields& fields, DryRun dry_run);
// Change the contact with `id` by the given `fields`; `changed` receives the changed field names.
Contact edit_contact(Database& db, std::int64_t id, const ContactFields& fields,
                     std::vector<std::string>& changed, DryRun dry_run);
// A contact erased, and whether no journal or log beside the database holds it any more.
struct RemovedContact {
    Contact contact;
    Scrubbed scrubbed = Scrubbed::yes;
};
// Delete the contact with `id` (erasure: nothing of it stays but the audit row's id; through
// erase_and_scrub, so no free page, journal or write-ahead log keeps it either).
RemovedContact remove_contact(Database& db, std::int64_t id, DryRun dry_run);

// Return `companies` as a listing; `Columns::brief` for a terminal table.
enum class Columns { brief, full };
Records company_records(const std::vector<Company>& companies, Columns columns);
// Return one company with its contacts for `company show`.
Detail company_detail(const Company& company, const std::vector<Contact>& contacts);
// Return the company with `key` and its contacts for `company show`; throw Error(not_found)
// naming the key otherwise.
Detail company_detail(Database& db, std::string_view key);
// Return `contacts` as a listing.
Records contact_records(const std::vector<Contact>& contacts);
// Return one contact for `contact show`.
Detail contact_detail(const Contact& contact);

} // namespace werkstatt
