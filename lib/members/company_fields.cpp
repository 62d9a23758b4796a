// SPDX-License-Identifier: GPL-3.0-or-later
#include "members/company_fields.hpp"
#include "core/i18n.hpp"
#include "core/names.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/text_field.hpp"
#include "domain/values.hpp"
#include "reference/plz_directory.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt::members_detail {

namespace {

Error bad(std::string message) {
    return Error(ErrorKind::bad_data, std::move(message));
}

std::string district_names() {
    std::vector<std::string> names;
    for (const auto& d : PlzDirectory::shipped().districts()) {
        names.push_back(d.name);
    }
    return text::join(names, ", ");
}

bool has(const std::vector<std::string>& changed, std::string_view field) {
    return std::find(changed.begin(), changed.end(), field) != changed.end();
}

District explicit_district(const std::string& text) {
    const auto& dir = PlzDirectory::shipped();
    if (const auto d = dir.find_district(text)) {
        return *d;
    }
    std::vector<std::string> starts;
    const auto folded = text::fold_german(text::trim(text));
    for (const auto& d : dir.districts()) {
        if (text::fold_german(d.name).rfind(folded, 0) == 0) {
            starts.push_back(d.name);
        }
    }
    if (starts.size() > 1) {
        throw bad(_f("district '{}' matches {}; write more of the name", text::display_safe(text),
                     text::join(starts, " and ")));
    }
    throw bad(
        _f("district '{}' is unknown; use one of {}", text::display_safe(text), district_names()));
}

// Set the district from an explicit name, or from the PLZ (and the city, where a PLZ spans
// several districts) when those changed.
void derive_district(Company& c, const CompanyFields& f, const MemberPolicy& policy,
                     std::vector<std::string>& changed, std::vector<std::string>& warnings) {
    const auto& dir = PlzDirectory::shipped();
    const auto plz = Plz::parse(c.plz);
    if (f.district && !text::trim(*f.district).empty()) {
        const auto d = explicit_district(*f.district);
        const auto found = plz ? dir.resolve(*plz, c.city) : DistrictResolution{};
        const auto& candidates = found.candidates;
        const bool fits = !found.district || found.district->ags == d.ags ||
                          std::any_of(candidates.begin(), candidates.end(),
                                      [&](const District& x) { return x.ags == d.ags; });
        if (!fits) {
            warnings.push_back(_f("district {} does not contain PLZ {} ({}); kept as "
                                  "given",
                                  d.name, c.plz, found.district->name));
        }
        assign_changed(c.district_ags, std::optional<std::string>(d.ags), "district", changed);
        return;
    }
    if (!plz) {
        return;
    }
    const auto found = dir.resolve(*plz, c.city);
    const bool plz_changed = has(changed, "plz");
    const bool city_matters = has(changed, "city") && !found.candidates.empty();
    if (!plz_changed && !city_matters) {
        return;
    }
    if (!found.district) {
        if (policy.outside_plz == OutsidePlz::reject) {
            throw bad(_f("PLZ {} is not in Sachsen-Anhalt; enter a PLZ of the state "
                         "(companies.outside_plz = \"reject\")",
                         c.plz));
        }
        warnings.push_back(_f("PLZ {} is not in Sachsen-Anhalt's reference data; "
                              "stored without a district",
                              c.plz));
        assign_changed(c.district_ags, std::optional<std::string>(), "district", changed);
        return;
    }
    if (!found.candidates.empty() && !found.chosen_by_place) {
        std::vector<std::string> names;
        for (const auto& d : found.candidates) {
            names.push_back(d.name);
        }
        warnings.push_back(_f("PLZ {} spans {}; chose {}; give --district (or the "
                              "place as city) to choose another",
                              c.plz, text::join(names, " and "), found.district->name));
    }
    assign_changed(c.district_ags, std::optional<std::string>(found.district->ags), "district",
                   changed);
}

} // namespace

void apply_fields(Company& c, const CompanyFields& f, const MemberPolicy& policy,
                  std::vector<std::string>& changed, std::vector<std::string>& warnings) {
    if (f.key) {
        const auto key = RecordKey::parse(*f.key);
        if (!key) {
            throw bad(_f("key '{}' is not valid; use 1 to 40 lower-case letters, digits, "
                         "'-' or '_' (e.g. mueller-metallbau)",
                         text::display_safe(*f.key)));
        }
        assign_changed(c.key, key->str(), "key", changed);
    }
    if (f.name) {
        auto name = clean_text("name", *f.name, 200);
        if (name.empty()) {
            throw bad("name is empty; give the company's name");
        }
        assign_changed(c.name, std::move(name), "name", changed);
    }
    if (f.industry) {
        assign_changed(c.industry, clean_text("industry", *f.industry, 200), "industry", changed);
    }
    if (f.street) {
        assign_changed(c.street, clean_text("street", *f.street, 200), "street", changed);
    }
    if (f.city) {
        assign_changed(c.city, clean_text("city", *f.city, 200), "city", changed);
    }
    if (f.notes) {
        assign_changed(c.notes, clean_text("notes", *f.notes, 4000), "notes", changed);
    }
    if (f.plz) {
        const auto plz = Plz::parse(*f.plz);
        if (!plz) {
            throw bad(_f("PLZ '{}' is not five digits; write it like 39104 (leading zero "
                         "kept: 06108)",
                         text::display_safe(*f.plz)));
        }
        assign_changed(c.plz, plz->str(), "plz", changed);
    }
    if (f.member_since) {
        std::optional<Date> since;
        if (!text::trim(*f.member_since).empty()) {
            since = Date::parse(*f.member_since);
            if (!since) {
                throw bad(_f("member-since '{}' {}; {}", text::printable(*f.member_since, 20),
                             why_not_a_day(*f.member_since), date_forms));
            }
        }
        assign_changed(c.member_since, since, "member_since", changed);
    }
    if (f.capacity) {
        if (*f.capacity < 0 || *f.capacity > 100000) {
            throw bad(_f("capacity {} is out of range; give the number of seats (1 to "
                         "100000, 0 to clear)",
                         *f.capacity));
        }
        const auto capacity =
            *f.capacity == 0 ? std::optional<std::int64_t>() : std::optional(*f.capacity);
        assign_changed(c.capacity, capacity, "capacity", changed);
    }
    if (f.can_host) {
        assign_changed(c.can_host, *f.can_host, "can_host", changed);
    }
    if (f.active) {
        assign_changed(c.active, *f.active, "active", changed);
    }
    if (f.size) {
        std::optional<CompanySize> size;
        if (!is_unknown_fact(*f.size)) {
            size = parse_company_size(*f.size);
            if (!size) {
                throw bad(_f("size '{}' is not a company size; use micro, small, medium, "
                             "large or unknown (KMU definition, werkstatt-company(1))",
                             text::printable(*f.size, 20)));
            }
        }
        assign_changed(c.size, size, "size", changed);
    }
    derive_district(c, f, policy, changed, warnings);
    if (c.can_host && !c.capacity && (has(changed, "can_host") || has(changed, "capacity"))) {
        warnings.push_back(_f("company {} can host but has no capacity; add --capacity "
                              "so that event planning can check the venue",
                              c.key));
    }
}

void require_complete(const Company& c) {
    if (c.key.empty()) {
        throw bad("a company needs a key; give --key (e.g. --key mueller)");
    }
    if (c.name.empty()) {
        throw bad("a company needs a name; give --name");
    }
    if (c.plz.empty()) {
        throw bad("a company needs a PLZ; give --plz");
    }
}

} // namespace werkstatt::members_detail
