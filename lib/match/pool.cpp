// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/pool.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "reference/geo.hpp"
#include "store/match_store.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

// Finds the point of a PLZ and place by locate(), remembered per (PLZ, place): a pool holds
// many records from the same few places.
class Locator {
  public:
    std::optional<LonLat> locate(const std::string& plz_text, const std::string& city) {
        auto key = plz_text + '\n' + city;
        const auto it = m_cache.find(key);
        if (it != m_cache.end()) {
            return it->second;
        }
        const auto plz = Plz::parse(plz_text);
        return m_cache[std::move(key)] = plz ? werkstatt::locate(*plz, city) : std::nullopt;
    }

  private:
    std::map<std::string, std::optional<LonLat>> m_cache;
};

std::optional<Date> date_of(const std::optional<std::string>& text) {
    return text ? Date::parse_iso(*text) : std::nullopt;
}

template <typename T, typename Parse>
std::optional<T> parsed(const std::optional<std::string>& text, Parse parse) {
    return text ? parse(*text) : std::nullopt;
}

std::optional<LicenceSet> licences_of(const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    auto p = LicenceSet::parse(text);
    return p.value;
}

MatchCandidate candidate_of(const CandidateMatchRow& r, Locator& locator) {
    MatchCandidate c;
    c.id = r.id;
    c.reference = r.reference;
    c.source = r.source;
    c.plz = r.plz;
    c.location = locator.locate(r.plz, r.city);
    c.kldb = parsed<KldbCode>(r.kldb, [](const std::string& s) { return KldbCode::parse(s); });
    c.german =
        parsed<CefrLevel>(r.german, [](const std::string& s) { return CefrLevel::parse(s); });
    c.residence = parse_residence_status(r.residence_status).value_or(ResidenceStatus::unknown);
    c.recognition = parsed<Recognition>(r.recognition, parse_recognition);
    c.licences = licences_of(r.licences);
    c.available_from = date_of(r.available_from);
    c.radius_km = r.radius_km;
    c.permit_until = date_of(r.permit_until);
    c.last_confirmed = Date::parse_iso(r.last_confirmed);
    return c;
}

MatchOpening opening_of(const OpeningMatchRow& r, Locator& locator) {
    MatchOpening o;
    o.id = r.id;
    o.title = r.title;
    o.company = r.company;
    o.plz = r.plz;
    o.location = locator.locate(r.plz, r.city);
    o.kldb = parsed<KldbCode>(r.kldb, [](const std::string& s) { return KldbCode::parse(s); });
    o.german =
        parsed<CefrLevel>(r.german, [](const std::string& s) { return CefrLevel::parse(s); });
    o.positions = std::max<std::int64_t>(0, r.positions - r.taken);
    o.start_date = date_of(r.start_date);
    o.latest_start = date_of(r.latest_start);
    o.licence = licences_of(r.licence);
    o.max_distance_km = r.max_distance_km;
    o.needs_recognition = r.needs_recognition;
    return o;
}

} // namespace

MatchPool load_pool(Database& db) {
    std::vector<std::string> left_out;
    return load_pool(db, left_out);
}

MatchPool load_pool(Database& db, std::vector<std::string>& left_out) {
    std::map<std::string, std::vector<std::string>> archived; // company key -> opening ids
    Locator locator;
    MatchPool pool;
    std::map<std::int64_t, std::size_t> candidate_index;
    for (const auto& r : load_candidate_rows(db, false)) {
        if (!r.placed) {
            candidate_index[r.id] = pool.candidates.size();
            pool.candidates.push_back(candidate_of(r, locator));
        }
    }
    for (auto& [id, consent] : consents_of_scope(db, Scope::matching)) {
        const auto it = candidate_index.find(id);
        if (it != candidate_index.end()) {
            pool.candidates[it->second].consent = std::move(consent);
        }
    }
    for (const auto& r : load_opening_rows(db, false)) {
        if (!r.company_active) {
            archived[r.company].push_back(std::to_string(r.id));
        } else if (r.positions > r.taken) {
            pool.openings.push_back(opening_of(r, locator));
        }
    }
    for (const auto& [company, ids] : archived) {
        left_out.push_back(fmt::format("company {} is archived: {} {} left out", company,
                                       ids.size() == 1 ? "opening" : "openings",
                                       text::join(ids, ", ")));
    }
    for (const auto& [candidate, opening] : closed_pairs(db)) {
        const auto it = candidate_index.find(candidate);
        if (it != candidate_index.end()) {
            pool.candidates[it->second].closed_openings.push_back(opening); // ascending
        }
    }
    return pool;
}

std::size_t pool_candidate(Database& db, const MatchPool& pool, std::int64_t id) {
    const auto it =
        std::lower_bound(pool.candidates.begin(), pool.candidates.end(), id,
                         [](const MatchCandidate& c, std::int64_t value) { return c.id < value; });
    if (it != pool.candidates.end() && it->id == id) {
        return static_cast<std::size_t>(it - pool.candidates.begin());
    }
    for (const auto& r : load_candidate_rows(db, true, id)) { // none, or this one
        throw Error(ErrorKind::conflict,
                    r.active ? _f("candidate {} is placed already; only active candidates who "
                                  "are not placed are matched ('werkstatt placement list "
                                  "--candidate {}')",
                                  id, id)
                             : _f("candidate {} is archived; only active candidates who are "
                                  "not placed are matched ('werkstatt placement list "
                                  "--candidate {}')",
                                  id, id));
    }
    throw Error(ErrorKind::not_found,
                _f("no candidate {}; 'werkstatt candidate list' shows them", id));
}

std::size_t pool_opening(Database& db, const MatchPool& pool, std::int64_t id) {
    const auto it =
        std::lower_bound(pool.openings.begin(), pool.openings.end(), id,
                         [](const MatchOpening& o, std::int64_t value) { return o.id < value; });
    if (it != pool.openings.end() && it->id == id) {
        return static_cast<std::size_t>(it - pool.openings.begin());
    }
    for (const auto& r : load_opening_rows(db, true, id)) { // none, or this one
        if (!r.company_active) {
            throw Error(ErrorKind::conflict,
                        _f("opening {} belongs to company {}, which is archived; "
                           "restore it with 'werkstatt company archive {} --undo'",
                           id, r.company, r.company));
        }
        throw Error(ErrorKind::conflict,
                    r.open ? fmt::format("opening {} has all {} positions taken by "
                                         "placements; 'werkstatt placement list --opening "
                                         "{}' shows them",
                                         id, r.positions, id)
                           : fmt::format("opening {} is closed; 'werkstatt opening list' "
                                         "shows the open ones",
                                         id));
    }
    throw Error(ErrorKind::not_found, _f("no opening {}; 'werkstatt opening list' shows them", id));
}

} // namespace werkstatt
