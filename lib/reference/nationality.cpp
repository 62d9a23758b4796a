// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/nationality.hpp"
#include "core/i18n.hpp"

#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"

#include <fmt/format.h>
#include <map>
#include <sstream>

namespace werkstatt {

namespace {

struct Country {
    std::string name;
    std::string area; // "EU", "EEA", "CH" or empty
};

// The shipped table: every spelling, folded, with its code, and every code with its country.
struct NationalityTable {
    std::map<std::string, std::string> codes;
    std::map<std::string, Country> countries;
};

// Return `text` folded for lookup: trimmed, lower case, umlauts as ae/oe/ue/ss, blanks
// collapsed, and a trailing "Staatsangehörigkeit" dropped.
std::string lookup_key(std::string_view text) {
    const auto folded = text::fold_german(text::trim(text));
    std::string key;
    for (char c : folded) {
        const bool blank = c == ' ' || c == '\t';
        if (blank && (key.empty() || key.back() == ' ')) {
            continue;
        }
        key += blank ? ' ' : c;
    }
    for (std::string_view suffix : {" staatsangehoerigkeit", " staatsbuergerschaft"}) {
        if (key.size() > suffix.size() && key.ends_with(suffix)) {
            key.erase(key.size() - suffix.size());
            break;
        }
    }
    return key;
}

[[noreturn]] void damaged(std::size_t line, std::string_view what) {
    throw Error(ErrorKind::internal,
                _f("the shipped nationality table is damaged (nationalities.csv:{}: {}); "
                   "please report this",
                   line, what));
}

void add_key(NationalityTable& table, const std::string& key, const std::string& code,
             std::size_t line) {
    const auto [it, inserted] = table.codes.emplace(key, code);
    if (!inserted && it->second != code) {
        damaged(line, fmt::format("'{}' is both {} and {}", key, it->second, code));
    }
}

NationalityTable load(std::string_view csv) {
    NationalityTable table;
    std::istringstream in{std::string(csv)};
    CsvReader reader(in, "nationalities.csv", CsvReadOptions{',', 1u << 16});
    CsvRecord record;
    reader.next(record); // header: code,country,adjectives,other_names,area
    while (reader.next(record)) {
        const auto& f = record.fields;
        if (f.size() != 5 || f[0].size() != 2 || f[1].empty()) {
            damaged(record.line, "a row needs code,country,adjectives,other_names,area");
        }
        const auto& code = f[0];
        table.countries[code] = Country{f[1], f[4]};
        add_key(table, lookup_key(f[1]), code, record.line);
        for (const auto adjective : text::split(f[2], '|')) {
            if (adjective.empty()) {
                continue;
            }
            const auto base = lookup_key(adjective);
            for (std::string_view ending : {"", "e", "er", "es", "en"}) {
                add_key(table, base + std::string(ending), code, record.line);
            }
        }
        for (const auto name : text::split(f[3], '|')) {
            if (!name.empty()) {
                add_key(table, lookup_key(name), code, record.line);
            }
        }
    }
    return table;
}

const NationalityTable& shipped() {
    static const NationalityTable table = [] {
        const auto csv = embedded_file("data/nationalities.csv");
        if (!csv) {
            throw Error(ErrorKind::internal,
                        _("the nationality table was not compiled in; please report this"));
        }
        return load(*csv);
    }();
    return table;
}

// Return `code` in upper case if it is two ASCII letters, else "".
std::string normal_code(std::string_view code) {
    code = text::trim(code);
    std::string out;
    for (char c : code) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        if (c < 'A' || c > 'Z') {
            return "";
        }
        out += c;
    }
    return out.size() == 2 ? out : "";
}

std::string_view area_of(std::string_view code) {
    const auto& countries = shipped().countries;
    const auto it = countries.find(normal_code(code));
    return it == countries.end() ? std::string_view() : std::string_view(it->second.area);
}

} // namespace

std::optional<std::string> nationality_code(std::string_view text) {
    // A code itself only in capitals: "no" or "in" in lower case are more likely words.
    const auto trimmed = text::trim(text);
    if (trimmed.size() == 2 && normal_code(trimmed) == trimmed &&
        shipped().countries.count(std::string(trimmed)) != 0) {
        return std::string(trimmed);
    }
    const auto& codes = shipped().codes;
    const auto it = codes.find(lookup_key(text));
    if (it == codes.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::optional<std::string> country_code(std::string_view text) {
    const auto trimmed = text::trim(text);
    if (trimmed.size() == 2) {
        const auto code = normal_code(trimmed);
        if (!code.empty() && shipped().countries.count(code) != 0) {
            return code;
        }
    }
    return nationality_code(trimmed);
}

bool is_stateless_or_undetermined(std::string_view text) {
    // Keys as lookup_key folds them: "ohne Staatsangehörigkeit" becomes "ohne".
    const auto key = lookup_key(text);
    for (std::string_view known :
         {"staatenlos", "staatenlose", "staatenloser", "stateless", "ohne", "ungeklaert",
          "ungeklaerte", "ungeklaerter", "staatsangehoerigkeit ungeklaert", "undetermined"}) {
        if (key == known) {
            return true;
        }
    }
    return false;
}

std::optional<std::string> country_name(std::string_view code) {
    const auto& countries = shipped().countries;
    const auto it = countries.find(normal_code(code));
    if (it == countries.end()) {
        return std::nullopt;
    }
    return it->second.name;
}

bool is_eu(std::string_view code) {
    return area_of(code) == "EU";
}

bool is_eu_eea_ch(std::string_view code) {
    return !area_of(code).empty();
}

bool is_third_country(std::string_view code) {
    return !normal_code(code).empty() && !is_eu(code);
}

} // namespace werkstatt
