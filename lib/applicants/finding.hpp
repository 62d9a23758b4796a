// SPDX-License-Identifier: GPL-3.0-or-later
// Finding people and openings (#16): the filters of `candidate list` and `opening list`, each
// parsed once at the edge (an unknown district, level or status is a usage error naming what is
// allowed) and combined with AND.
//
// --text looks for every word, folded (case, ä/ae, ß/ss), anywhere in the names, the target
// occupation and the notes. It runs over the records a listing reads anyway, not over an SQLite
// FTS5 index: an FTS5 index keeps the words of erased people in its shadow tables until they are
// merged, which the erasure of a person (DSGVO Art. 17, erase_and_scrub) would then have to
// chase, and the exchange's pool (thousands of records) is searched in milliseconds without one.
#pragma once

#include "applicants/exchange.hpp"
#include "applicants/pool.hpp"
#include "domain/candidate_values.hpp"

#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// The candidate filters as a user typed them (each empty when not given).
struct CandidateQueryText {
    std::optional<std::string> district;     // AGS (15003) or name (Magdeburg)
    std::optional<std::string> kldb;         // 1 to 5 leading digits of the target occupation
    std::optional<std::string> german_min;   // A1 .. C2 or native
    std::optional<std::string> residence;    // a residence status code
    std::optional<std::string> available_by; // YYYY-MM-DD or DD.MM.YYYY
    bool consent_valid = false;              // a matching consent valid today
    std::optional<std::string> text;         // words
    std::optional<int> permit_expiring;      // days: the permit ends within them (or ended)
    bool due_confirmation = false;           // not confirmed for exchange.reconfirm_days
    bool paused = false;                     // not confirmed for exchange.pause_days
};

// Whether --text may look at the names: not where they are pseudonymised for the reader.
enum class NameSearch { no, yes };

// The candidate filters, parsed.
struct CandidateQuery {
    std::optional<std::string> district_ags;
    std::optional<std::string> kldb_prefix;
    std::optional<CefrLevel> german_min;
    std::optional<ResidenceStatus> residence;
    std::optional<Date> available_by;
    bool consent_valid = false;
    std::vector<std::string> words; // folded
    NameSearch names = NameSearch::yes;
    std::optional<int> permit_expiring;
    bool due_confirmation = false;
    bool paused = false;
};

// Parse `text`; throw Error(usage) naming the flag and what it accepts for an unknown district,
// a KldB prefix that is not 1 to 5 digits, an unknown German level or residence status, a day
// that is not one, empty --text words or negative --permit-expiring days.
CandidateQuery parse_candidate_query(const CandidateQueryText& text, NameSearch names);

// Return true if `query` asks for anything.
bool filters(const CandidateQuery& query);

// Return the candidates of `base` that pass `query` on `today` under `exchange` (for the
// confirmation filters), by id. A candidate without a German level, KldB code or district
// passes no filter on it; one without an availability day counts as available.
std::vector<ExchangeRecord> find_candidates(Database& db, const ExchangeFilter& base,
                                            const CandidateQuery& query, Date today,
                                            const ExchangeSettings& exchange);

// The opening filters as typed.
struct OpeningQueryText {
    std::optional<std::string> district;
    std::optional<std::string> kldb;
};

// Return the openings of `base` (its company filter included) in `query`'s district and with a
// KldB code starting with its prefix, by id; throw Error(usage) as parse_candidate_query does.
std::vector<ExchangeRecord> find_openings(Database& db, const ExchangeFilter& base,
                                          const OpeningQueryText& query);

// Return the state of candidate `id` on `day` (fresh, due or paused, with the last
// confirmation or creation day), or nothing for an archived or purged candidate.
std::optional<Confirmation> confirmation_of(Database& db, std::int64_t id, Date day,
                                            const ExchangeSettings& exchange);

} // namespace werkstatt
