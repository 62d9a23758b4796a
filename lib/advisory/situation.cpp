// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/situation.hpp"

#include "applicants/exchange.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt {

namespace {

template <typename T>
bool contains(const std::vector<T>& items, const T& value) {
    return std::find(items.begin(), items.end(), value) != items.end();
}

const std::string& cell(const ExchangeRecord& r, const RecordSchema& schema, const char* column) {
    static const std::string empty;
    const auto& c = r.cells[schema.index(column)];
    return c ? *c : empty;
}

std::optional<std::string> optional_cell(const ExchangeRecord& r, const RecordSchema& schema,
                                         const char* column) {
    return r.cells[schema.index(column)];
}

} // namespace

WorkPermission HiringSituation::permission(const WorkRules& rules) const {
    return rules.rule(status).permission;
}

bool HiringSituation::regulated() const {
    // The opening says whether its job is regulated; a candidate whose own (regulated) occupation
    // needs a compensation measure may still apply for a job that is not.
    if (opening) {
        return opening->needs_recognition;
    }
    return recognition == Recognition::compensation_required;
}

std::optional<RequirementLevel> HiringSituation::level() const {
    if (opening && opening->kldb) {
        return opening->kldb->requirement_level();
    }
    if (kldb) {
        return kldb->requirement_level();
    }
    return std::nullopt;
}

HiringSituation load_situation(Database& db, const std::string& candidate,
                               std::optional<std::int64_t> opening_id) {
    const auto record = require_candidate(db, candidate, std::nullopt);
    const auto& cs = candidate_schema();
    HiringSituation s;
    s.candidate_id = record.id;
    // Only the work-relevant columns are read: never gender, birth date or nationality.
    s.status = parse_residence_status(cell(record, cs, "residence_status"))
                   .value_or(ResidenceStatus::unknown);
    s.recognition = parse_recognition(cell(record, cs, "recognition"));
    s.german = CefrLevel::parse(cell(record, cs, "german"));
    s.kldb = KldbCode::parse(cell(record, cs, "kldb"));
    s.plz = cell(record, cs, "plz");
    s.city = cell(record, cs, "city");
    s.district_ags = optional_cell(record, cs, "district_ags");
    if (opening_id) {
        const auto o = require_opening(db, *opening_id);
        const auto& os = opening_schema();
        OpeningFacts f;
        f.id = o.id;
        f.title = cell(o, os, "title");
        f.company_key = cell(o, os, "company_key");
        f.kldb = KldbCode::parse(cell(o, os, "kldb"));
        f.german = CefrLevel::parse(cell(o, os, "german"));
        f.needs_recognition = cell(o, os, "needs_recognition") == "1";
        f.plz = cell(o, os, "plz");
        f.city = cell(o, os, "city");
        f.district_ags = optional_cell(o, os, "district_ags");
        s.opening = std::move(f);
    }
    return s;
}

bool holds(const SituationCondition& c, const HiringSituation& s, const WorkRules& rules) {
    const auto permission = s.permission(rules);
    if (!c.permission.empty() && !contains(c.permission, permission)) {
        return false;
    }
    if (contains(c.permission_not, permission)) {
        return false;
    }
    if (!c.status.empty() && !contains(c.status, s.status)) {
        return false;
    }
    if (contains(c.status_not, s.status)) {
        return false;
    }
    if (!c.recognition.empty() && !contains(c.recognition, s.recognition)) {
        return false;
    }
    if (contains(c.recognition_not, s.recognition)) {
        return false;
    }
    if (c.german_below && !(s.german && *s.german < *c.german_below)) {
        return false;
    }
    if (c.german_at_least && !(s.german && *s.german >= *c.german_at_least)) {
        return false;
    }
    if (c.german_below_opening) {
        const bool below =
            s.opening && s.opening->german && s.german && *s.german < *s.opening->german;
        if (below != *c.german_below_opening) {
            return false;
        }
    }
    if (!c.level.empty()) {
        const auto level = s.level();
        if (!level || !contains(c.level, *level)) {
            return false;
        }
    }
    if (c.regulated && *c.regulated != s.regulated()) {
        return false;
    }
    return true;
}

std::string matched_facts(const SituationCondition& c, const HiringSituation& s,
                          const WorkRules& rules, Language lang) {
    // Each fact is a whole phrase of the catalogue with the code in its {}; "unrecorded" has
    // phrases of its own rather than a word spliced in.
    const auto fact = [lang](const char* msgid, std::string_view code) {
        return fmt::format(fmt::runtime(tr(lang, msgid)), code);
    };
    std::vector<std::string> facts;
    if (!c.permission.empty() || !c.permission_not.empty()) {
        facts.push_back(fact(N_("work: {}"), to_string(s.permission(rules))));
    }
    if (!c.status.empty() || !c.status_not.empty()) {
        facts.push_back(fact(N_("status: {}"), to_string(s.status)));
    }
    if (!c.recognition.empty() || !c.recognition_not.empty()) {
        facts.push_back(fact(N_("recognition: {}"), recognition_name(s.recognition)));
    }
    if (c.german_below || c.german_at_least || c.german_below_opening) {
        const bool asks = c.german_below_opening && s.opening && s.opening->german;
        if (!s.german) {
            facts.push_back(
                asks ? fact(N_("German unrecorded, the opening asks {}"), s.opening->german->str())
                     : tr(lang, "German unrecorded"));
        } else if (asks) {
            facts.push_back(trf(lang, "German {}, the opening asks {}", s.german->str(),
                                s.opening->german->str()));
        } else {
            facts.push_back(fact(N_("German {}"), s.german->str()));
        }
    }
    if (!c.level.empty()) {
        const auto level = s.level();
        facts.push_back(level ? fact(N_("level: {}"), to_string(*level))
                              : tr(lang, "level: unrecorded"));
    }
    if (c.regulated) {
        facts.push_back(s.regulated() ? tr(lang, "regulated occupation")
                                      : tr(lang, "not a regulated occupation"));
    }
    return text::join(facts, "; ");
}

} // namespace werkstatt
