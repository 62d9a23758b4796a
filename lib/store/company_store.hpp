// SPDX-License-Identifier: GPL-3.0-or-later
// Rows of the company, contact, topic and audit_log tables as domain structs.
#pragma once

#include "domain/company.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace werkstatt {

// Which companies a listing shows.
struct CompanyFilter {
    bool include_archived = false;
    std::optional<std::string> district_ags;
    bool only_hosts = false;
};

// Return the company with `key`, or nothing.
std::optional<Company> find_company(Database& db, std::string_view key);
// Return the companies that pass `filter`, ordered by key.
std::vector<Company> list_companies(Database& db, const CompanyFilter& filter);
// Insert `company` and return its new id.
std::int64_t insert_company(Database& db, const Company& company);
// Write every field of `company` over the row with its id.
void update_company(Database& db, const Company& company);

// Close every open opening of the company `company_id`, stamped `now`; return their ids,
// ascending.
std::vector<std::int64_t> close_company_openings(Database& db, std::int64_t company_id,
                                                 const std::string& now);
// Reopen those of the openings `ids` that belong to the company `company_id` and are closed,
// stamped `now`; return the ids reopened, ascending.
std::vector<std::int64_t> reopen_company_openings(Database& db, std::int64_t company_id,
                                                  const std::vector<std::int64_t>& ids,
                                                  const std::string& now);
// Return (opening id, count) for each opening of the company `company_id` that has placements
// introduced or in interview, by opening id.
std::vector<std::pair<std::int64_t, std::int64_t>> placements_under_way(Database& db,
                                                                        std::int64_t company_id);
// Return the details of the newest audit row that records `action` on `entity` number `id`, or
// nothing.
std::optional<std::string> last_audit_details(Database& db, std::string_view entity,
                                              std::int64_t id, std::string_view action);

// Return the contact with `id`, or nothing.
std::optional<Contact> find_contact(Database& db, std::int64_t id);
// Return the contacts of the company with `company_id` (all if empty), ordered by company key
// and name.
std::vector<Contact> list_contacts(Database& db, std::optional<std::int64_t> company_id);
// Insert `contact` and return its new id.
std::int64_t insert_contact(Database& db, const Contact& contact);
// Write every field of `contact` over the row with its id.
void update_contact(Database& db, const Contact& contact);
// Delete the contact with `id`.
void delete_contact(Database& db, std::int64_t id);

// Return the topic catalogue in its order.
std::vector<Topic> list_topics(Database& db);

// Return the newest `limit` audit rows, newest first, of `entity` if given.
std::vector<AuditEntry> list_audit(Database& db, std::optional<std::string> entity,
                                   std::int64_t limit);

} // namespace werkstatt
