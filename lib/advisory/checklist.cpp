// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/checklist.hpp"
#include "core/i18n.hpp"

#include "advisory/conditions.hpp"
#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "reference/geo.hpp"
#include "reference/plz_directory.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace werkstatt {

using advisory_detail::k_condition_keys;
using advisory_detail::read_condition;
using advisory_detail::read_topics;

namespace {

using json = nlohmann::ordered_json;

// What the person may do, as the clause after "{status_label} ({legal_basis}): " in `lang`.
std::string checklist_permission_text(const WorkRule& rule, Language lang) {
    switch (rule.permission) {
    case WorkPermission::free:
        return tr(lang, "may work without a permit");
    case WorkPermission::title_job:
        return rule.job_change == JobChange::notice
                   ? tr(lang, "may work in any job that meets the title's conditions; a change of "
                              "employer needs a notice, not a permit")
                   : tr(lang, "may work only in the job or training the title names");
    case WorkPermission::limited:
        return tr(lang, "may work without a permit, but only within the limits of hours or days "
                        "the title sets");
    case WorkPermission::permit_required:
        return tr(lang, "needs a work permit of the Ausländerbehörde for each job");
    case WorkPermission::not_allowed:
        return tr(lang, "may not work");
    case WorkPermission::unknown:
        return tr(lang, "it is not clear whether the person may work");
    }
    return "";
}

// Replace `german` into `text` when the rule file gives one.
void use_checklist_german(std::string& text, std::string& german) {
    if (!german.empty()) {
        text = std::move(german);
    }
    german.clear();
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
        s.replace(pos, from.size(), to);
    }
    return s;
}

std::string district_name(const std::optional<std::string>& ags) {
    if (!ags) {
        return "";
    }
    const auto d = PlzDirectory::shipped().district(*ags);
    return d ? d->name : *ags;
}

// The place to look for help near: where the person lives, or the workplace.
AdvisorQuery place_query(const std::string& plz, const std::string& city,
                         const std::optional<std::string>& district) {
    AdvisorQuery q;
    q.district_ags = district;
    if (const auto code = Plz::parse(plz)) {
        q.point = locate(*code, city);
    }
    if (!q.point && district) {
        if (const auto* shape = DistrictShapes::shipped().find(*district)) {
            q.point = shape->label_point;
        }
    }
    return q;
}

std::vector<AdvisorMatch> helpers_for(const HiringStepRule& rule, const HiringSituation& s,
                                      const std::vector<AdvisoryService>& advisors,
                                      const VerifyPolicy& policy) {
    std::vector<AdvisorMatch> out;
    std::set<std::string> seen;
    for (const auto topic : rule.topics) {
        const bool at_home =
            topic == AdvisoryTopic::work_permit || topic == AdvisoryTopic::labour_rights;
        auto q = at_home || !s.opening
                     ? place_query(s.plz, s.city, s.district_ags)
                     : place_query(s.opening->plz, s.opening->city, s.opening->district_ags);
        q.topic = topic;
        for (auto& m : rank_advisors(advisors, q, policy)) {
            if (out.size() >= 3) {
                return out;
            }
            const bool serves = m.reach == Reach::district || m.service.statewide;
            if (serves && seen.insert(m.service.key).second) {
                out.push_back(std::move(m));
            }
        }
    }
    return out;
}

std::string helper_text(const AdvisorMatch& m, Language lang) {
    const auto& s = m.service;
    std::string where = s.statewide ? tr(lang, "statewide") : s.city;
    if (m.distance_km) {
        where += fmt::format(", {:.0f} km", *m.distance_km);
    }
    return fmt::format("{} – {} ({}){}", s.organisation, s.service, where,
                       m.needs_check ? " " + tr(lang, "[check: not verified recently]") : "");
}

std::string situation_line(const Checklist& c) {
    const auto& s = c.situation;
    return trf(c.lang,
               "Candidate {}: residence status {} ({}), recognition {}, "
               "German {}",
               s.candidate_id, to_string(s.status), c.work_rule.label,
               recognition_name(s.recognition),
               s.german ? std::string(s.german->str()) : tr(c.lang, "unrecorded"));
}

std::string opening_line(const OpeningFacts& o, Language lang) {
    std::string line = trf(lang, "Opening {}: {} at {}", o.id, o.title, o.company_key);
    if (!o.plz.empty()) {
        line += fmt::format(", {} {}", o.plz, o.city);
    }
    if (o.needs_recognition) {
        line += tr(lang, " (regulated occupation)");
    }
    return line;
}

// The rule a step comes from, in the checklist's language.
std::string step_source(const Checklist& c, const ChecklistStep& step) {
    if (step.rule.key == "may-work") {
        return trf(c.lang, "{} [{}] and work_rules.toml [{}]: {}; {}", c.rules_source,
                   step.rule.key, to_string(c.situation.status), step.rule.source,
                   c.work_rule.legal_basis.empty() ? tr(c.lang, "no paragraph")
                                                   : c.work_rule.legal_basis);
    }
    return fmt::format("{} [{}]: {}", c.rules_source, step.rule.key, step.rule.source);
}

std::string step_valid_as_of(const Checklist& c, const ChecklistStep& step) {
    return step.rule.key == "may-work" && c.work_rules_valid_as_of < c.rules_valid_as_of
               ? c.work_rules_valid_as_of
               : c.rules_valid_as_of;
}

} // namespace

HiringRules HiringRules::from_toml(std::string_view text, std::string_view source) {
    const auto doc = parse_toml(text, source);
    const TableReader file(source, doc, "the hiring rules");
    file.check_keys({"valid_as_of", "sources", "step"});
    HiringRules rules;
    rules.m_source = std::string(source);
    rules.m_valid_as_of = file.date("valid_as_of");
    rules.m_sources = file.texts("sources");
    std::set<std::string> keys;
    for (const auto* table : file.tables("step")) {
        const TableReader r(source, *table, "a step");
        r.check_keys({"key", "title", "title_de", "text", "text_de", "who", "who_de", "duration",
                      "duration_de", "source", "source_de", "topics", "when"});
        HiringStepRule step;
        step.key = r.text("key", true);
        if (!keys.insert(step.key).second) {
            r.fail(*table->get("key"),
                   fmt::format("a second step '{}'; keep one per key", step.key));
        }
        step.title = r.text("title", true);
        step.text = r.text("text", true);
        step.who = r.text("who", false);
        step.duration = r.text("duration", false);
        step.source = r.text("source", true);
        step.title_de = r.text("title_de", false);
        step.text_de = r.text("text_de", false);
        step.who_de = r.text("who_de", false);
        step.duration_de = r.text("duration_de", false);
        step.source_de = r.text("source_de", false);
        step.topics = read_topics(r, "topics");
        if (const auto* when = r.table("when")) {
            const TableReader w(source, *when, "a step's 'when'");
            for (const auto& [k, v] : *when) {
                if (std::find(std::begin(k_condition_keys), std::end(k_condition_keys), k.str()) ==
                    std::end(k_condition_keys)) {
                    w.fail(v, fmt::format("unknown condition '{}'; see the comment at the top "
                                          "of hiring_rules.toml",
                                          k.str()));
                }
            }
            step.when = read_condition(w);
        }
        rules.m_steps.push_back(std::move(step));
    }
    if (rules.m_steps.empty()) {
        throw Error(ErrorKind::config,
                    _f("{}: no [[step]] tables; the checklist needs at least one step", source));
    }
    return rules;
}

const HiringRules& HiringRules::shipped() {
    static const HiringRules rules = [] {
        const auto text = embedded_file("data/hiring_rules.toml");
        if (!text) {
            throw Error(ErrorKind::internal, _("the hiring rules were not compiled in; this is a "
                                               "bug in werkstatt, please report it"));
        }
        return from_toml(*text, "hiring_rules.toml");
    }();
    return rules;
}

HiringRules HiringRules::from_file(const std::filesystem::path& path) {
    const auto text = read_toml_text(path);
    if (!text) {
        throw Error(ErrorKind::config, _f("cannot read the hiring rules {}; check "
                                          "hiring.rules_file",
                                          path.string()));
    }
    return from_toml(*text, path.string());
}

HiringStepRule in_language(HiringStepRule step, Language lang) {
    if (lang == Language::de) {
        use_checklist_german(step.title, step.title_de);
        use_checklist_german(step.text, step.text_de);
        use_checklist_german(step.who, step.who_de);
        use_checklist_german(step.duration, step.duration_de);
        use_checklist_german(step.source, step.source_de);
    }
    return step;
}

std::vector<std::string> steps_without_german(const HiringRules& rules) {
    std::vector<std::string> out;
    const auto check = [&](const HiringStepRule& step, const char* field,
                           const std::string& english, const std::string& german) {
        if (!english.empty() && german.empty()) {
            out.push_back(fmt::format("{}: {}", step.key, field));
        }
    };
    for (const auto& step : rules.steps()) {
        check(step, "title", step.title, step.title_de);
        check(step, "text", step.text, step.text_de);
        check(step, "who", step.who, step.who_de);
        check(step, "duration", step.duration, step.duration_de);
    }
    return out;
}

Checklist build_checklist(const HiringSituation& situation, const HiringRules& rules,
                          const WorkRules& work_rules, const std::vector<AdvisoryService>& advisors,
                          const std::vector<FundingInstrument>& funding, const VerifyPolicy& policy,
                          Language lang) {
    Checklist c;
    c.lang = lang;
    c.situation = situation;
    c.work_rule = in_language(work_rules.rule(situation.status), lang);
    c.work_rules_valid_as_of = work_rules.valid_as_of();
    c.rules_valid_as_of = rules.valid_as_of();
    c.rules_source = rules.source_name();
    for (const auto& rule : rules.steps()) {
        if (!holds(rule.when, situation, work_rules)) {
            continue;
        }
        ChecklistStep step;
        step.rule = in_language(rule, lang);
        step.text = step.rule.text;
        step.text = replace_all(step.text, "{status_label}", c.work_rule.label);
        step.text = replace_all(step.text, "{legal_basis}",
                                c.work_rule.legal_basis.empty() ? tr(lang, "no paragraph recorded")
                                                                : c.work_rule.legal_basis);
        step.text =
            replace_all(step.text, "{permission}", checklist_permission_text(c.work_rule, lang));
        step.text = replace_all(step.text, "{work_note}", c.work_rule.note);
        step.helpers = helpers_for(rule, situation, advisors, policy);
        c.steps.push_back(std::move(step));
    }
    c.funding = suggest_funding(funding, situation, work_rules, lang);
    return c;
}

std::string checklist_text(const Checklist& c) {
    const auto lang = c.lang;
    // The checklist is a document in its own language, not the UI's: tr() and trf().
    std::string out = tr(lang, "Hiring checklist") + "\n";
    out += situation_line(c) + "\n";
    if (c.situation.opening) {
        out += opening_line(*c.situation.opening, lang) + "\n";
    }
    out += trf(lang, "Rule data: {} valid as of {}; work_rules.toml valid as of {}.",
               c.rules_source, format_date_text(c.rules_valid_as_of, lang),
               format_date_text(c.work_rules_valid_as_of, lang)) +
           "\n";
    out += tr(lang, std::string(k_not_legal_advice).c_str()) + "\n";
    int n = 0;
    for (const auto& step : c.steps) {
        out += fmt::format("\n{}. {}\n   {}\n", ++n, step.rule.title, step.text);
        if (!step.rule.who.empty()) {
            out += "   " + trf(lang, "Who: {}", step.rule.who) + "\n";
        }
        if (!step.rule.duration.empty()) {
            out += "   " + trf(lang, "Usually takes: {}", step.rule.duration) + "\n";
        }
        out += "   " +
               trf(lang, "Rule: {} (valid as of {})", step_source(c, step),
                   format_date_text(step_valid_as_of(c, step), lang)) +
               "\n";
        for (const auto& h : step.helpers) {
            out += "   " + trf(lang, "Help: {}", helper_text(h, lang)) + "\n";
        }
    }
    out += "\n" + tr(lang, "Funding that may apply:") + "\n";
    if (c.funding.empty()) {
        out += "   " +
               (c.work_rule.permission == WorkPermission::not_allowed
                    ? tr(lang, "none while the person may not work")
                    : tr(lang, "none of the catalogue's conditions hold")) +
               "\n";
    }
    for (const auto& f : c.funding) {
        out +=
            fmt::format("   - {} ({}): {}\n     ", f.instrument.name, f.instrument.key, f.reason) +
            trf(lang, "Apply: {}", f.instrument.apply_at) + "\n";
    }
    return out;
}

std::string checklist_json(const Checklist& c) {
    json doc = json::object();
    doc["notice"] = tr(c.lang, std::string(k_not_legal_advice).c_str());
    doc["candidate"] = c.situation.candidate_id;
    doc["residence_status"] = std::string(to_string(c.situation.status));
    doc["work_permission"] = std::string(to_string(c.work_rule.permission));
    doc["recognition"] = std::string(recognition_name(c.situation.recognition));
    doc["german"] = c.situation.german ? json(std::string(c.situation.german->str())) : json();
    if (c.situation.opening) {
        const auto& o = *c.situation.opening;
        doc["opening"] = {{"id", o.id},
                          {"title", o.title},
                          {"company", o.company_key},
                          {"regulated", o.needs_recognition},
                          {"district", district_name(o.district_ags)}};
    } else {
        doc["opening"] = nullptr;
    }
    doc["rules"] = {{"file", c.rules_source},
                    {"valid_as_of", c.rules_valid_as_of},
                    {"work_rules_valid_as_of", c.work_rules_valid_as_of}};
    json steps = json::array();
    for (const auto& step : c.steps) {
        json helpers = json::array();
        for (const auto& h : step.helpers) {
            helpers.push_back(
                {{"key", h.service.key},
                 {"organisation", h.service.organisation},
                 {"service", h.service.service},
                 {"distance_km",
                  h.distance_km ? json(std::round(*h.distance_km * 10) / 10) : json()},
                 {"needs_check", h.needs_check}});
        }
        steps.push_back({{"key", step.rule.key},
                         {"title", step.rule.title},
                         {"text", step.text},
                         {"who", step.rule.who},
                         {"duration", step.rule.duration},
                         {"rule", step_source(c, step)},
                         {"valid_as_of", step_valid_as_of(c, step)},
                         {"help", helpers}});
    }
    doc["steps"] = steps;
    json funding = json::array();
    for (const auto& f : c.funding) {
        funding.push_back({{"key", f.instrument.key},
                           {"name", f.instrument.name},
                           {"reason", f.reason},
                           {"apply_at", f.instrument.apply_at},
                           {"source", f.instrument.source}});
    }
    doc["funding"] = funding;
    return doc.dump(2) + "\n";
}

Records checklist_records(const Checklist& c) {
    Records r;
    r.columns = {"no", "step", "title", "text", "who", "duration", "rule", "valid_as_of", "help"};
    std::int64_t n = 0;
    for (const auto& step : c.steps) {
        std::vector<std::string> help;
        for (const auto& h : step.helpers) {
            help.push_back(h.service.key);
        }
        r.rows.push_back({++n, step.rule.key, step.rule.title, step.text, step.rule.who,
                          step.rule.duration, step_source(c, step), step_valid_as_of(c, step),
                          text::join(help, ", ")});
    }
    return r;
}

} // namespace werkstatt
