// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/plz_directory.hpp"
#include "core/i18n.hpp"

#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"

#include <algorithm>
#include <array>
#include <sstream>

namespace werkstatt {

namespace {

// Return a place name folded for comparison, without a part in brackets: "Halle (Saale)" and
// "halle" compare equal, "Jessen (Elster) Arnsdorf" is "jessen arnsdorf".
std::string place_key(std::string_view name) {
    auto folded = text::fold_german(text::trim(name));
    for (auto open = folded.find(" ("); open != std::string::npos; open = folded.find(" (")) {
        const auto close = folded.find(')', open);
        folded.erase(open, close == std::string::npos ? std::string::npos : close + 1 - open);
    }
    return folded;
}

// Return true if `longer` is `shorter` followed by a word boundary and more words.
bool starts_with_words(std::string_view longer, std::string_view shorter) {
    if (shorter.empty() || longer.size() <= shorter.size() ||
        longer.compare(0, shorter.size(), shorter) != 0) {
        return false;
    }
    const char next = longer[shorter.size()];
    return next == ' ' || next == '-' || next == ',' || next == '/' || next == '.';
}

// One row of config/data/plz_germany.csv (plz,land_ags,land,district_ags,lat,lon).
struct GermanRow {
    std::string plz;
    std::string land;
    std::string district_ags;
    double lat = 0;
    double lon = 0;
};

// Return the rows of the list of every German PLZ ordered by PLZ, read on the first call.
const std::vector<GermanRow>& german_rows() {
    static const std::vector<GermanRow> rows = [] {
        const auto csv = embedded_file("data/plz_germany.csv");
        if (!csv) {
            throw Error(ErrorKind::internal,
                        _("the German PLZ data was not compiled in; please report this"));
        }
        std::vector<GermanRow> out;
        out.reserve(11000);
        std::istringstream in{std::string(*csv)};
        CsvReader reader(in, "plz_germany.csv", CsvReadOptions{',', 1u << 16});
        CsvRecord record;
        reader.next(record); // header
        while (reader.next(record)) {
            if (record.fields.size() < 6) {
                throw Error(ErrorKind::internal,
                            _("the shipped German PLZ data is damaged; please report this"));
            }
            out.push_back(GermanRow{record.fields[0], record.fields[2], record.fields[3],
                                    text::parse_double(record.fields[4]).value_or(0),
                                    text::parse_double(record.fields[5]).value_or(0)});
        }
        std::sort(out.begin(), out.end(),
                  [](const GermanRow& a, const GermanRow& b) { return a.plz < b.plz; });
        return out;
    }();
    return rows;
}

} // namespace

std::optional<GermanPlz> german_plz(const Plz& plz) {
    const auto& rows = german_rows();
    const auto it =
        std::lower_bound(rows.begin(), rows.end(), plz.str(),
                         [](const GermanRow& r, const std::string& code) { return r.plz < code; });
    if (it == rows.end() || it->plz != plz.str()) {
        return std::nullopt;
    }
    return GermanPlz{it->land, it->district_ags, it->lat, it->lon};
}

bool is_german_plz(const Plz& plz) {
    return !PlzDirectory::shipped().places(plz).empty() || german_plz(plz).has_value();
}

PlzDirectory PlzDirectory::from_csv(std::string_view csv) {
    PlzDirectory dir;
    std::istringstream in{std::string(csv)};
    CsvReader reader(in, "plz_sachsen_anhalt.csv", CsvReadOptions{',', 1u << 16});
    CsvRecord record;
    reader.next(record); // header
    std::map<std::string, std::string> names;
    while (reader.next(record)) {
        if (record.fields.size() < 7) {
            throw Error(ErrorKind::internal,
                        _("the shipped PLZ data is damaged; please report this"));
        }
        PlzPlace place;
        place.place = record.fields[1];
        place.district_ags = record.fields[5];
        place.lat = text::parse_double(record.fields[3]).value_or(0);
        place.lon = text::parse_double(record.fields[4]).value_or(0);
        place.organisation = record.fields[6] == "org";
        names[place.district_ags] = record.fields[2];
        dir.m_places[record.fields[0]].push_back(std::move(place));
    }
    for (const auto& [ags, name] : names) {
        dir.m_districts.push_back(District{ags, name});
    }
    return dir;
}

std::optional<std::string> shipped_district_name(std::string_view ags) {
    // District key -> name from columns 6 and 3 of each line (the file has no quoted field;
    // should it ever have one, the whole directory is read instead).
    static const auto names =
        []() -> std::optional<std::map<std::string, std::string, std::less<>>> {
        const auto csv = embedded_file("data/plz_sachsen_anhalt.csv");
        if (!csv || csv->find('"') != std::string_view::npos) {
            return std::nullopt;
        }
        std::map<std::string, std::string, std::less<>> out;
        std::size_t start = csv->find('\n'); // after the header
        while (start != std::string_view::npos && start + 1 < csv->size()) {
            const auto end = csv->find('\n', start + 1);
            auto line =
                csv->substr(start + 1, end == std::string_view::npos ? end : end - start - 1);
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);
            }
            // The third and sixth of the seven fields, found without splitting the line.
            std::array<std::size_t, 7> at{};
            std::size_t count = 1;
            for (std::size_t k = line.find(','); k != std::string_view::npos && count < 7;
                 k = line.find(',', k + 1)) {
                at[count++] = k + 1;
            }
            if (count == 7 && line.find(',', at[6]) == std::string_view::npos) {
                const auto name = line.substr(at[2], at[3] - at[2] - 1);
                const auto key = line.substr(at[5], at[6] - at[5] - 1);
                if (!key.empty()) {
                    const auto it = out.find(key);
                    if (it == out.end()) {
                        out.emplace(std::string(key), std::string(name));
                    } else if (it->second != name) {
                        it->second = std::string(name); // as from_csv: the last one
                    }
                }
            }
            start = end;
        }
        return out;
    }();
    if (!names) {
        const auto d = PlzDirectory::shipped().district(ags);
        return d ? std::optional<std::string>(d->name) : std::nullopt;
    }
    const auto it = names->find(ags);
    return it == names->end() ? std::nullopt : std::optional<std::string>(it->second);
}

const PlzDirectory& PlzDirectory::shipped() {
    static const PlzDirectory dir = [] {
        const auto csv = embedded_file("data/plz_sachsen_anhalt.csv");
        if (!csv) {
            throw Error(ErrorKind::internal,
                        _("the PLZ data was not compiled in; please report this"));
        }
        return from_csv(*csv);
    }();
    return dir;
}

const std::vector<PlzPlace>& PlzDirectory::places(const Plz& plz) const {
    static const std::vector<PlzPlace> k_none;
    const auto it = m_places.find(plz.str());
    return it == m_places.end() ? k_none : it->second;
}

std::optional<District> PlzDirectory::district(std::string_view ags) const {
    for (const auto& d : m_districts) {
        if (d.ags == ags) {
            return d;
        }
    }
    return std::nullopt;
}

const PlzPlace* PlzDirectory::place_named(const Plz& plz, std::string_view city) const {
    const auto wanted = place_key(city);
    if (wanted.empty()) {
        return nullptr;
    }
    const PlzPlace* best = nullptr;
    std::size_t best_length = 0;
    for (const auto& row : places(plz)) {
        const auto name = place_key(row.place);
        if (name == wanted) {
            return &row;
        }
        if (name.size() > best_length && starts_with_words(wanted, name)) {
            best = &row;
            best_length = name.size();
        }
    }
    return best;
}

DistrictResolution PlzDirectory::resolve(const Plz& plz, std::string_view place) const {
    DistrictResolution result;
    const auto& rows = places(plz);
    if (rows.empty()) {
        return result;
    }
    std::map<std::string, int> counts;
    for (const auto& row : rows) {
        ++counts[row.district_ags];
    }
    const auto most = std::max_element(counts.begin(), counts.end(),
                                       [](auto& a, auto& b) { return a.second < b.second; });
    std::string chosen = most->first;
    if (counts.size() > 1) {
        for (const auto& [ags, n] : counts) {
            result.candidates.push_back(*district(ags));
        }
        if (const auto* named = place_named(plz, place)) {
            chosen = named->district_ags;
            result.chosen_by_place = true;
        }
    }
    result.district = district(chosen);
    return result;
}

std::optional<District> PlzDirectory::find_district(std::string_view text) const {
    const auto wanted = text::fold_german(text::trim(text));
    if (wanted.empty()) {
        return std::nullopt;
    }
    std::vector<const District*> prefix_hits;
    for (const auto& d : m_districts) {
        const auto name = text::fold_german(d.name);
        if (d.ags == wanted || name == wanted) {
            return d;
        }
        if (name.compare(0, wanted.size(), wanted) == 0) {
            prefix_hits.push_back(&d);
        }
    }
    if (prefix_hits.size() == 1) {
        return *prefix_hits.front();
    }
    return std::nullopt;
}

} // namespace werkstatt
