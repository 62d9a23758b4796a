// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/finding.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "members/members.hpp"
#include "store/pool_store.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

const Cell& cell(const ExchangeRecord& r, RecordKind kind, std::string_view column) {
    return r.cells[schema_of(kind).index(column)];
}

std::string kldb_prefix(const std::string& text) {
    const auto t = text::trim(text);
    const bool digits = !t.empty() && t.size() <= 5 && std::all_of(t.begin(), t.end(), [](char c) {
        return c >= '0' && c <= '9';
    });
    if (!digits) {
        throw Error(ErrorKind::usage,
                    _f("--kldb '{}' is not a KldB prefix; give 1 to 5 leading digits of "
                       "a KldB 2010 code, e.g. 2 or 26 or 26122",
                       text::display_safe(text)));
    }
    return std::string(t);
}

Date day_flag(const char* flag, const std::string& text) {
    const auto d = Date::parse(text);
    if (!d) {
        throw Error(ErrorKind::usage, _f("{} '{}' is not a day; give YYYY-MM-DD or "
                                         "DD.MM.YYYY",
                                         flag, text::display_safe(text)));
    }
    return *d;
}

bool starts_with(const Cell& c, const std::string& prefix) {
    return c && c->compare(0, prefix.size(), prefix) == 0;
}

// The words of a record --text looks at, folded, one blank between the fields.
std::string haystack(const ExchangeRecord& r, NameSearch names) {
    std::string all;
    const auto add = [&](std::string_view column) {
        if (const auto& c = cell(r, RecordKind::candidate, column)) {
            all += text::fold_for_match(*c);
            all += ' ';
        }
    };
    if (names == NameSearch::yes) {
        add("first_name");
        add("last_name");
    }
    add("occupation");
    add("notes");
    return all;
}

bool passes(const ExchangeRecord& r, const CandidateQuery& q, Date today) {
    constexpr auto k = RecordKind::candidate;
    if (q.district_ags && cell(r, k, "district_ags") != *q.district_ags) {
        return false;
    }
    if (q.kldb_prefix && !starts_with(cell(r, k, "kldb"), *q.kldb_prefix)) {
        return false;
    }
    if (q.german_min) {
        const auto& g = cell(r, k, "german");
        const auto level = g ? CefrLevel::parse(*g) : std::nullopt;
        if (!level || level->rank() < q.german_min->rank()) {
            return false;
        }
    }
    if (q.residence && cell(r, k, "residence_status") != std::string(to_string(*q.residence))) {
        return false;
    }
    if (q.available_by) {
        const auto& a = cell(r, k, "available_from");
        if (a && *a > q.available_by->iso()) {
            return false;
        }
    }
    if (q.consent_valid) {
        const auto c = find_consent(r.consents, Scope::matching);
        if (!c || !c->valid_on(today)) {
            return false;
        }
    }
    if (q.permit_expiring) {
        const auto& p = cell(r, k, "permit_until");
        if (!p || *p > (today + *q.permit_expiring).iso()) {
            return false;
        }
    }
    if (!q.words.empty()) {
        const auto text = haystack(r, q.names);
        for (const auto& w : q.words) {
            if (text.find(w) == std::string::npos) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

CandidateQuery parse_candidate_query(const CandidateQueryText& t, NameSearch names) {
    CandidateQuery q;
    q.names = names;
    if (t.district) {
        q.district_ags = district_filter_ags(*t.district);
    }
    if (t.kldb) {
        q.kldb_prefix = kldb_prefix(*t.kldb);
    }
    if (t.german_min) {
        q.german_min = CefrLevel::parse(text::trim(*t.german_min));
        if (!q.german_min) {
            throw Error(ErrorKind::usage,
                        _f("--german-min '{}' is not a German level; give A1, A2, B1, "
                           "B2, C1, C2 or native",
                           text::display_safe(*t.german_min)));
        }
    }
    if (t.residence) {
        q.residence = parse_residence_status(text::trim(*t.residence));
        if (!q.residence) {
            std::vector<std::string> codes;
            for (const auto s : all_residence_statuses()) {
                codes.emplace_back(to_string(s));
            }
            throw Error(ErrorKind::usage,
                        _f("--residence '{}' is not a residence status; give one of {}",
                           text::display_safe(*t.residence), text::join(codes, ", ")));
        }
    }
    if (t.available_by) {
        q.available_by = day_flag("--available-by", *t.available_by);
    }
    q.consent_valid = t.consent_valid;
    if (t.text) {
        const auto folded = text::fold_for_match(*t.text);
        for (const auto w : text::split(folded, ' ')) {
            if (!w.empty()) {
                q.words.emplace_back(w);
            }
        }
        if (q.words.empty()) {
            throw Error(ErrorKind::usage, _("--text has no words; give one or more words to look "
                                            "for in names, occupation and notes"));
        }
    }
    if (t.permit_expiring) {
        if (*t.permit_expiring < 0) {
            throw Error(ErrorKind::usage,
                        _f("--permit-expiring {} is negative; give the number of days "
                           "from today, 0 or more",
                           *t.permit_expiring));
        }
        q.permit_expiring = t.permit_expiring;
    }
    q.due_confirmation = t.due_confirmation;
    q.paused = t.paused;
    return q;
}

bool filters(const CandidateQuery& q) {
    return q.district_ags || q.kldb_prefix || q.german_min || q.residence || q.available_by ||
           q.consent_valid || !q.words.empty() || q.permit_expiring || q.due_confirmation ||
           q.paused;
}

std::vector<ExchangeRecord> find_candidates(Database& db, const ExchangeFilter& base,
                                            const CandidateQuery& query, Date today,
                                            const ExchangeSettings& exchange) {
    auto records = list_exchange(db, RecordKind::candidate, base);
    std::map<std::int64_t, Freshness> state;
    if (query.due_confirmation || query.paused) {
        for (const auto& c : confirmations_due(db, today, exchange)) {
            state[c.candidate_id] = c.state;
        }
    }
    std::erase_if(records, [&](const ExchangeRecord& r) {
        if (query.due_confirmation || query.paused) {
            const auto it = state.find(r.id);
            if (it == state.end() || (query.paused && it->second != Freshness::paused)) {
                return true;
            }
        }
        return !passes(r, query, today);
    });
    return records;
}

std::vector<ExchangeRecord> find_openings(Database& db, const ExchangeFilter& base,
                                          const OpeningQueryText& query) {
    std::optional<std::string> ags;
    std::optional<std::string> prefix;
    if (query.district) {
        ags = district_filter_ags(*query.district);
    }
    if (query.kldb) {
        prefix = kldb_prefix(*query.kldb);
    }
    auto records = list_exchange(db, RecordKind::opening, base);
    std::erase_if(records, [&](const ExchangeRecord& r) {
        return (ags && cell(r, RecordKind::opening, "district_ags") != *ags) ||
               (prefix && !starts_with(cell(r, RecordKind::opening, "kldb"), *prefix));
    });
    return records;
}

std::optional<Confirmation> confirmation_of(Database& db, std::int64_t id, Date day,
                                            const ExchangeSettings& exchange) {
    const auto last = last_confirmed_of(db, id);
    if (!last) {
        return std::nullopt;
    }
    const auto d = Date::parse_iso(*last);
    if (!d) {
        return std::nullopt;
    }
    return Confirmation{id, *d, freshness(*d, day, exchange)};
}

} // namespace werkstatt
