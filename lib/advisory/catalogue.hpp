// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped catalogue: funding instruments (config/data/funding.toml) and a starter list of
// advisory services (config/data/advisors.csv), loaded by `init` and refreshed by
// `catalogue update` without ever overwriting what an admin changed.
#pragma once

#include "core/i18n.hpp"
#include "domain/advisory.hpp"
#include "store/database.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// Return a fingerprint of the content of `service` (not its id or bookkeeping): equal
// fingerprints mean equal values.
std::string advisor_fingerprint(const AdvisoryService& service);
// Return a fingerprint of the content of `instrument`.
std::string funding_fingerprint(const FundingInstrument& instrument);

// Where a catalogue row stands: entered here, as the catalogue wrote it, or changed since.
enum class CatalogueState { local, shipped, edited };
// Return the state of `service` / `instrument`.
CatalogueState catalogue_state(const AdvisoryService& service);
CatalogueState catalogue_state(const FundingInstrument& instrument);
// Return "local", "catalogue" or "catalogue, edited here".
std::string_view describe(CatalogueState state);

// Read funding instruments from the TOML `text` (the format of config/data/funding.toml);
// `source` names it in messages. Throw Error(config) naming source, line and key for a syntax
// error, an unknown key, a bad or missing value or a duplicate key.
std::vector<FundingInstrument> parse_funding_toml(std::string_view text, std::string_view source);

// Admins' own catalogue files, read after the shipped ones; an entry wins over a shipped one
// with the same key.
struct CatalogueFiles {
    std::vector<std::filesystem::path> advisor_files; // catalogue.advisor_files
    std::vector<std::filesystem::path> funding_files; // catalogue.funding_files
};

// Return the funding instruments of the shipped catalogue and of `files` (an entry of `files`
// wins over a shipped one with the same key), as the files give them, with their German texts.
// Throw Error(config) as parse_funding_toml does, or if a file cannot be read.
std::vector<FundingInstrument> catalogue_funding(const CatalogueFiles& files);

// Return `stored` with its texts for people (audience, pays, apply_at, description and each
// situation's reason) in `lang`. The database keeps the English texts; the German ones come from
// the entry of `files` (see catalogue_funding) with the same key, each only while the stored
// English text still equals the file's, so an admin's edit never shows a stale translation.
// A text without a German version stays English.
FundingInstrument in_language(FundingInstrument stored, const std::vector<FundingInstrument>& files,
                              Language lang);
// The same for each of `stored`.
std::vector<FundingInstrument> in_language(std::vector<FundingInstrument> stored,
                                           const std::vector<FundingInstrument>& files,
                                           Language lang);

// Return "key: field" for each text for people of `instruments` that has no German version:
// every entry of the shipped catalogue must have one (a unit test holds it to that); admins' own
// files may give one language only.
std::vector<std::string> funding_without_german(const std::vector<FundingInstrument>& instruments);

// What a catalogue update did to one kind of row, or would do.
struct CatalogueCounts {
    std::size_t inserted = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::vector<std::string> kept_edited;  // keys changed by an admin: left alone
    std::vector<std::string> kept_local;   // keys an admin created with a catalogue key
    std::vector<std::string> kept_removed; // keys an admin removed: not brought back
};

// What `catalogue update` did.
struct CatalogueReport {
    CatalogueCounts advisors;
    CatalogueCounts funding;
    // Return true if anything was written.
    bool changed() const;
};

// Bring the catalogue rows in line with the shipped data and `files`: insert new entries, update
// entries nobody changed here, leave changed, own and removed ones alone. One transaction and,
// if anything changed, one audit row. Throw Error(config) for an unreadable or invalid file.
CatalogueReport update_catalogue(Database& db, const CatalogueFiles& files, DryRun dry_run);

} // namespace werkstatt
