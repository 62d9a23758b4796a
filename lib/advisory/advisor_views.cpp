// SPDX-License-Identifier: GPL-3.0-or-later
// Advisory services as listings and details for `advisor list|show|find|topics`.
#include "advisory/advisors.hpp"
#include "advisory/catalogue.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "reference/plz_directory.hpp"

#include <cmath>
#include <fmt/format.h>

namespace werkstatt {

namespace {

// Return the topic keys of `s` joined by `sep`.
std::string topic_list(const AdvisoryService& s, std::string_view sep = ", ") {
    std::vector<std::string> keys;
    for (const auto t : s.topics) {
        keys.emplace_back(to_string(t));
    }
    return text::join(keys, sep);
}

std::string district_name(const std::string& ags) {
    const auto d = PlzDirectory::shipped().district(ags);
    return d ? d->name : ags;
}

// The area served: "statewide", or the district names; `brief` shortens long lists.
std::string serves(const AdvisoryService& s, bool brief) {
    if (s.statewide) {
        return "statewide";
    }
    if (brief && s.districts.size() > 2) {
        return fmt::format("{} districts", s.districts.size());
    }
    std::vector<std::string> names;
    for (const auto& ags : s.districts) {
        names.push_back(district_name(ags));
    }
    return text::join(names, ", ");
}

Value verified(const AdvisoryService& s) {
    return day_value(s.last_verified);
}

std::string check_text(const AdvisoryService& s, const VerifyPolicy& policy) {
    if (!s.last_verified) {
        return _("never verified");
    }
    const auto days = policy.today.days() - s.last_verified->days();
    if (days > policy.verify_after_days) {
        return fmt::format(fmt::runtime(n_("verified {} day ago", "verified {} days ago",
                                           static_cast<std::uint64_t>(days))),
                           days);
    }
    return "";
}

std::string reach_name(Reach reach) {
    switch (reach) {
    case Reach::district:
        return "district";
    case Reach::statewide:
        return "statewide";
    case Reach::elsewhere:
        return "elsewhere";
    }
    return "";
}

} // namespace

Records advisor_records(const std::vector<AdvisoryService>& services, bool brief) {
    Records r;
    if (brief) {
        r.columns = {"key", "organisation", "service", "topics", "serves", "city", "verified"};
    } else {
        r.columns = {"key",    "organisation", "service",   "topics",         "districts",
                     "street", "plz",          "city",      "contact_person", "phone",
                     "email",  "web",          "languages", "opening_hours",  "last_verified",
                     "notes",  "origin"};
    }
    for (const auto& s : services) {
        if (brief) {
            r.rows.push_back({s.key, s.organisation, s.service, topic_list(s), serves(s, true),
                              s.city, verified(s)});
        } else {
            // The columns of `advisor import`, so that a listing imports back.
            r.rows.push_back({s.key, s.organisation, s.service, topic_list(s, ","),
                              s.statewide ? std::string("statewide") : text::join(s.districts, ","),
                              s.street, s.plz, s.city, s.contact_person, s.phone, s.email, s.web,
                              text::join(s.languages, ","), s.opening_hours, verified(s), s.notes,
                              std::string(describe(catalogue_state(s)))});
        }
    }
    return r;
}

Records match_records(const std::vector<AdvisorMatch>& matches, const VerifyPolicy& policy,
                      bool brief) {
    Records r;
    if (brief) {
        r.columns = {"no", "key", "organisation", "service", "serves", "city", "km", "check"};
    } else {
        r.columns = {"no",     "key",    "organisation", "service",       "topics",        "reach",
                     "serves", "street", "plz",          "city",          "distance_km",   "phone",
                     "email",  "web",    "languages",    "opening_hours", "last_verified", "check"};
    }
    std::int64_t no = 0;
    for (const auto& m : matches) {
        const auto& s = m.service;
        Value km;
        if (m.distance_km) {
            km = std::round(*m.distance_km * 10) / 10;
        }
        const auto check = text_or_null(check_text(s, policy));
        if (brief) {
            r.rows.push_back(
                {++no, s.key, s.organisation, s.service, serves(s, true), s.city, km, check});
        } else {
            r.rows.push_back({++no, s.key, s.organisation, s.service, topic_list(s),
                              reach_name(m.reach), serves(s, false), s.street, s.plz, s.city, km,
                              s.phone, s.email, s.web, text::join(s.languages, ", "),
                              s.opening_hours, verified(s), check});
        }
    }
    return r;
}

Detail advisor_detail(const AdvisoryService& s, const VerifyPolicy& policy) {
    Detail d;
    d.fields = {{"id", s.id},
                {"key", s.key},
                {"organisation", s.organisation},
                {"service", s.service},
                {"topics", topic_list(s)},
                {"serves", serves(s, false)},
                {"street", s.street},
                {"plz", s.plz},
                {"city", s.city},
                {"district", s.district_ags ? Value{district_name(*s.district_ags)} : Value{}},
                {"contact_person", s.contact_person},
                {"phone", s.phone},
                {"email", s.email},
                {"web", s.web},
                {"languages", text::join(s.languages, ", ")},
                {"opening_hours", s.opening_hours},
                {"last_verified", verified(s)},
                {"check", text_or_null(check_text(s, policy))},
                {"notes", s.notes},
                {"origin", std::string(describe(catalogue_state(s)))}};
    return d;
}

Records advisory_topic_records() {
    Records r;
    r.columns = {"key", "title"};
    for (const auto t : all_advisory_topics()) {
        r.rows.push_back({std::string(to_string(t)), std::string(title(t))});
    }
    return r;
}

} // namespace werkstatt
