// SPDX-License-Identifier: GPL-3.0-or-later
// The postal codes and districts of Sachsen-Anhalt, from the shipped GeoNames/BKG reference data,
// and the centre of every other German postal code (config/data/plz_germany.csv).
#pragma once

#include "domain/values.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// A district (Landkreis or kreisfreie Stadt) with its official key (AGS, e.g. "15003").
struct District {
    std::string ags;
    std::string name;
};

// A place a postal code serves, with approximate coordinates (WGS84).
struct PlzPlace {
    std::string place;
    std::string district_ags;
    double lat = 0;
    double lon = 0;
    bool organisation = false; // a large customer's own code (Großkunden-PLZ)
};

// How a postal code resolved to a district.
struct DistrictResolution {
    std::optional<District> district; // empty if the code is not in Sachsen-Anhalt's data
    std::vector<District> candidates; // every district the code spans, when more than one
    bool chosen_by_place = false;     // the place name decided between candidates
};

// A German postal code from the list of every German PLZ: its Land, district key and an
// approximate centre (the mean of its GeoNames places).
struct GermanPlz {
    std::string_view land;         // "Sachsen", "Berlin"; empty for 87491 (an Austrian village)
    std::string_view district_ags; // Kreisschlüssel, five digits; empty where there is no Land
    double lat = 0;
    double lon = 0;
};

// Return `plz` from the shipped list of every German postal code, or nothing if no German PLZ has
// that number. The list is read on the first call only, so that commands that never ask pay
// nothing.
std::optional<GermanPlz> german_plz(const Plz& plz);

// Return true if `plz` is a German postal code (Sachsen-Anhalt's data or the list of every German
// PLZ); "99999" is five digits but no PLZ.
bool is_german_plz(const Plz& plz);

// Return the name of the district with key `ags` in the compiled-in data, or nothing; the same
// name as PlzDirectory::shipped().district(ags), read from the district columns alone, so that a
// short call that only names districts (company list) need not parse every place.
std::optional<std::string> shipped_district_name(std::string_view ags);

class PlzDirectory {
  public:
    // Return the directory built from the compiled-in reference data (parsed once).
    static const PlzDirectory& shipped();
    // Build a directory from `csv` text with the columns
    // plz,place,district,lat,lon,district_ags,kind.
    static PlzDirectory from_csv(std::string_view csv);

    // Return the places served by `plz` (empty if unknown).
    const std::vector<PlzPlace>& places(const Plz& plz) const;
    // Return the place of `plz` that `city` names, or nullptr; the one rule for every caller.
    // Names compare case- and umlaut-folded, trimmed, without a part in brackets ("Halle
    // (Saale)" is "halle"). A place whose name equals the city's wins; else the place with the
    // longest name that the city continues after a word boundary ("Wernigerode OT Minsleben"
    // names Wernigerode); ties by the data's order. A part of a name names nothing ("Rothenbu",
    // "Schkopau" where the code serves only "Schkopau Döllnitz" and "Schkopau Lochau").
    const PlzPlace* place_named(const Plz& plz, std::string_view city) const;
    // Return the district of `plz`; where it spans several, the one of the place `place` names
    // (see place_named()), else the one most of its places lie in.
    DistrictResolution resolve(const Plz& plz, std::string_view place) const;
    // Return the district named by `text`: its AGS, its name, or a unique start of its name
    // (case and umlauts folded).
    std::optional<District> find_district(std::string_view text) const;
    // Return the district with key `ags`.
    std::optional<District> district(std::string_view ags) const;
    // Return the 14 districts ordered by AGS.
    const std::vector<District>& districts() const { return m_districts; }

  private:
    std::map<std::string, std::vector<PlzPlace>, std::less<>> m_places;
    std::vector<District> m_districts;
};

} // namespace werkstatt
