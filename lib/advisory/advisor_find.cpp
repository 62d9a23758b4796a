// SPDX-License-Identifier: GPL-3.0-or-later
// `advisor find`: which services help with a topic at a place, nearest first.
#include "advisory/advisors.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "reference/geo.hpp"
#include "reference/plz_directory.hpp"
#include "store/advisory_store.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt {

namespace {

std::string district_names() {
    std::vector<std::string> names;
    for (const auto& d : PlzDirectory::shipped().districts()) {
        names.push_back(d.name);
    }
    return text::join(names, ", ");
}

} // namespace

bool needs_check(const AdvisoryService& s, const VerifyPolicy& policy) {
    return !s.last_verified ||
           policy.today.days() - s.last_verified->days() > policy.verify_after_days;
}

AdvisorQuery parse_advisor_query(const std::optional<std::string>& topic,
                                 const std::optional<std::string>& district,
                                 const std::optional<std::string>& plz,
                                 const std::optional<std::string>& city,
                                 const std::optional<std::string>& language) {
    AdvisorQuery q;
    if (topic) {
        q.topic = parse_advisory_topic(text::ascii_lower(text::trim(*topic)));
        if (!q.topic) {
            throw Error(ErrorKind::usage, _f("topic '{}' is unknown; the known topics are {}",
                                             text::printable(*topic, 40), known_advisory_topics()));
        }
    }
    if (district && plz) {
        throw Error(ErrorKind::usage, _("--district and --plz both name the place; give one"));
    }
    if (city && !plz) {
        throw Error(ErrorKind::usage, _("--city says which place of a postal code is meant; give "
                                        "--plz too"));
    }
    if (district) {
        const auto d = PlzDirectory::shipped().find_district(*district);
        if (!d) {
            throw Error(ErrorKind::usage, _f("district '{}' is unknown; the districts are {}",
                                             text::printable(*district, 40), district_names()));
        }
        q.district_ags = d->ags;
        if (const auto* shape = DistrictShapes::shipped().find(d->ags)) {
            q.point = shape->label_point;
        }
    }
    if (plz) {
        const auto code = Plz::parse(*plz);
        if (!code) {
            throw Error(ErrorKind::usage, _f("PLZ '{}' is not five digits; give a PLZ "
                                             "of Sachsen-Anhalt such as 39104",
                                             text::printable(*plz, 20)));
        }
        const auto place = city.value_or("");
        const auto r = PlzDirectory::shipped().resolve(*code, place);
        if (!r.district && PlzDirectory::shipped().places(*code).empty()) {
            throw Error(ErrorKind::usage,
                        _f("PLZ {} is not in the postal code directory; give the "
                           "five-digit PLZ of a place, such as 39104 (Magdeburg) or "
                           "06108 (Halle), or --district",
                           code->str()));
        }
        if (!r.district) {
            throw Error(ErrorKind::usage,
                        _f("PLZ {} is outside Sachsen-Anhalt; give the PLZ of a place "
                           "in Sachsen-Anhalt, such as 39104 (Magdeburg) or 06108 "
                           "(Halle), or --district",
                           code->str()));
        }
        q.district_ags = r.district->ags;
        q.point = locate(*code, place);
    }
    if (language) {
        const auto code = text::ascii_lower(text::trim(*language));
        if (code.size() != 2 ||
            !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            throw Error(ErrorKind::usage,
                        _f("language '{}' is not a two-letter ISO 639-1 code; write for "
                           "example de, en, ar, uk",
                           text::printable(*language, 40)));
        }
        q.language = code;
    }
    return q;
}

std::optional<LonLat> advisor_point(const AdvisoryService& service) {
    const auto plz = Plz::parse(service.plz);
    return plz ? locate(*plz, service.city) : std::nullopt;
}

std::vector<AdvisorMatch> rank_advisors(const std::vector<AdvisoryService>& services,
                                        const AdvisorQuery& query, const VerifyPolicy& policy) {
    std::vector<AdvisorMatch> out;
    for (const auto& s : services) {
        if (query.topic && !s.has_topic(*query.topic)) {
            continue;
        }
        if (query.language && std::find(s.languages.begin(), s.languages.end(), *query.language) ==
                                  s.languages.end()) {
            continue;
        }
        AdvisorMatch m;
        m.service = s;
        if (query.district_ags) {
            const bool local = std::find(s.districts.begin(), s.districts.end(),
                                         *query.district_ags) != s.districts.end();
            m.reach = local ? Reach::district : s.statewide ? Reach::statewide : Reach::elsewhere;
        }
        if (query.point) {
            if (const auto p = advisor_point(s)) {
                m.distance_km = distance_km(*query.point, *p);
            }
        }
        m.needs_check = needs_check(s, policy);
        out.push_back(std::move(m));
    }
    std::stable_sort(out.begin(), out.end(), [](const AdvisorMatch& a, const AdvisorMatch& b) {
        if (a.reach != b.reach) {
            return a.reach < b.reach;
        }
        if (a.distance_km.has_value() != b.distance_km.has_value()) {
            return a.distance_km.has_value(); // services without a place come last
        }
        if (a.distance_km && *a.distance_km != *b.distance_km) {
            return *a.distance_km < *b.distance_km;
        }
        return a.service.key < b.service.key;
    });
    return out;
}

std::vector<AdvisorMatch> find_advisors(Database& db, const AdvisorQuery& query,
                                        const VerifyPolicy& policy) {
    return rank_advisors(list_advisors(db), query, policy);
}

} // namespace werkstatt
