// SPDX-License-Identifier: GPL-3.0-or-later
// The person's right of access (Art. 15 GDPR): everything werkstatt stores about one candidate,
// as JSON for a program (stable English keys, the stored values exactly) or as an HTML letter in
// plain language for the person (who holds the data, why, where it came from, how long it is
// kept, who received it, their rights, then the data itself), written 0600 through AtomicFile.
#pragma once

#include "core/date.hpp"
#include "core/i18n.hpp"
#include "privacy/settings.hpp"
#include "store/access_store.hpp"
#include "store/database.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// The version of the JSON document's layout; raised when a key changes meaning or goes.
inline constexpr int k_access_schema_version = 1;

// The two forms of an access export.
enum class AccessFormat { json, html };

// Parse `text` ("json", "html"), or nothing.
std::optional<AccessFormat> parse_access_format(std::string_view text);

// What an access export says besides the stored rows.
struct AccessContext {
    std::string network;     // who holds the data (report.network)
    PrivacySettings privacy; // retention_months and grace_days as configured
    Language lang = Language::de;
    Date today = Date::today();
};

// Everything about one person: the stored rows and the files werkstatt wrote that may hold them.
struct PersonData {
    PersonRows rows;
    std::vector<StoredRow> written_files;
};

// Return the files werkstatt wrote that may hold candidate `candidate_id` (rejects files,
// exports, cards). HOOK: the registry of written files (table written_file) is not in this
// branch; until it is wired here this returns an empty list.
std::vector<StoredRow> written_files_of(Database& db, std::int64_t candidate_id);

// Return `person` as the JSON document (schema_version k_access_schema_version).
std::string access_json(const PersonData& person, const AccessContext& context);
// Return `person` as a self-contained HTML page in `context.lang`, every stored text escaped.
std::string access_html(const PersonData& person, const AccessContext& context);

// Write everything stored about the candidate named by `id_or_reference` (and `source`, as
// require_candidate finds it) to `output` in `format`, mode 0600, replacing a file already
// there; write one audit row (candidate, export, the format) in the same transaction, so that
// nothing is recorded when the file cannot be written. Return the candidate's id. Throw
// Error(usage) when `output` is "-" or leads into /dev or /proc (standard output, a device, a
// link to them), Error(not_found) for an unknown candidate, Error(output) when the file cannot be
// written.
std::int64_t export_person_data(Database& db, const std::string& id_or_reference,
                                const std::optional<std::string>& source, AccessFormat format,
                                const std::filesystem::path& output, const AccessContext& context);

} // namespace werkstatt
