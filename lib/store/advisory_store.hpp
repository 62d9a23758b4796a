// SPDX-License-Identifier: GPL-3.0-or-later
// Rows of the advisor, funding_instrument and catalogue_removed tables as domain structs.
#pragma once

#include "domain/advisory.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// Return the advisory service with `key`, or nothing.
std::optional<AdvisoryService> find_advisor(Database& db, std::string_view key);
// Return every advisory service, ordered by key.
std::vector<AdvisoryService> list_advisors(Database& db);
// Insert `service` and return its new id.
std::int64_t insert_advisor(Database& db, const AdvisoryService& service);
// Write every field of `service` over the row with its id.
void update_advisor(Database& db, const AdvisoryService& service);
// Delete the advisory service with `id`.
void delete_advisor(Database& db, std::int64_t id);

// Return the funding instrument with `key`, or nothing.
std::optional<FundingInstrument> find_funding(Database& db, std::string_view key);
// Return every funding instrument, ordered by key.
std::vector<FundingInstrument> list_funding(Database& db);
// Insert `instrument` and return its new id.
std::int64_t insert_funding(Database& db, const FundingInstrument& instrument);
// Write every field of `instrument` over the row with its id.
void update_funding(Database& db, const FundingInstrument& instrument);

// The two kinds of catalogue rows.
enum class CatalogueKind { advisor, funding };

// Return true if an admin removed the catalogue row of `kind` with `key`.
bool catalogue_removed(Database& db, CatalogueKind kind, std::string_view key);
// Remember that an admin removed the catalogue row of `kind` with `key`.
void mark_catalogue_removed(Database& db, CatalogueKind kind, std::string_view key);

// Return `conditions` as the JSON text the funding table stores (keys in a fixed order).
std::string conditions_json(const std::vector<SituationCondition>& conditions);
// Read conditions from stored JSON `text`; throw Error(storage) if it is not what
// conditions_json writes.
std::vector<SituationCondition> parse_conditions_json(std::string_view text);

} // namespace werkstatt
