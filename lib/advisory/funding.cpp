// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/funding.hpp"
#include "core/i18n.hpp"

#include "advisory/catalogue.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "store/advisory_store.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace werkstatt {

namespace {

bool contains_word(const FundingInstrument& i, const std::string& word) {
    const auto w = text::fold_german(word);
    for (const auto* field : {&i.key, &i.name, &i.description, &i.audience, &i.pays}) {
        if (text::fold_german(*field).find(w) != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::string condition_text(const SituationCondition& c) {
    std::vector<std::string> parts;
    // `label` is a whole phrase with one {} for the codes (codes stay codes in every language).
    const auto list = [&](std::string label, const auto& items, auto to_name) {
        if (items.empty()) {
            return;
        }
        std::vector<std::string> names;
        for (const auto& item : items) {
            names.emplace_back(to_name(item));
        }
        parts.push_back(fmt::format(fmt::runtime(label), text::join(names, "|")));
    };
    const auto str = [](auto v) { return std::string(to_string(v)); };
    list(_("permission {}"), c.permission, str);
    list(_("permission not {}"), c.permission_not, str);
    list(_("status {}"), c.status, str);
    list(_("status not {}"), c.status_not, str);
    list(_("recognition {}"), c.recognition, recognition_name);
    list(_("recognition not {}"), c.recognition_not, recognition_name);
    if (c.german_below) {
        parts.push_back(_f("German below {}", c.german_below->str()));
    }
    if (c.german_at_least) {
        parts.push_back(_f("German at least {}", c.german_at_least->str()));
    }
    if (c.german_below_opening) {
        parts.push_back(*c.german_below_opening ? _("German below the opening's")
                                                : _("German meets the opening's"));
    }
    list(_("level {}"), c.level, str);
    if (c.regulated) {
        parts.push_back(*c.regulated ? _("regulated occupation") : _("not regulated"));
    }
    return text::join(parts, "; ");
}

} // namespace

FundingInstrument require_funding(Database& db, std::string_view key) {
    auto instrument = werkstatt::find_funding(db, key);
    if (!instrument) {
        throw Error(ErrorKind::not_found,
                    _f("no funding instrument with key '{}'; 'werkstatt funding list' "
                       "shows the keys",
                       text::printable(key, 50)));
    }
    return *instrument;
}

std::vector<FundingInstrument> find_funding(Database& db, const std::optional<std::string>& tag,
                                            const std::optional<std::string>& word,
                                            const std::vector<FundingInstrument>& catalogue) {
    const auto all = list_funding(db);
    std::optional<std::string> wanted;
    if (tag) {
        wanted = text::ascii_lower(text::trim(*tag));
        std::set<std::string> known;
        for (const auto& i : all) {
            known.insert(i.tags.begin(), i.tags.end());
        }
        if (known.count(*wanted) == 0) {
            throw Error(ErrorKind::usage,
                        _f("tag '{}' is unknown; the known tags are {}", text::printable(*tag, 40),
                           known.empty() ? std::string("(none: run 'werkstatt "
                                                       "catalogue update')")
                                         : text::join({known.begin(), known.end()}, ", ")));
        }
    }
    std::vector<FundingInstrument> out;
    for (const auto& i : all) {
        if (wanted && std::find(i.tags.begin(), i.tags.end(), *wanted) == i.tags.end()) {
            continue;
        }
        if (word && !contains_word(i, *word) &&
            !contains_word(in_language(i, catalogue, Language::de), *word)) {
            continue;
        }
        out.push_back(i);
    }
    return out;
}

std::vector<FundingSuggestion> suggest_funding(const std::vector<FundingInstrument>& catalogue,
                                               const HiringSituation& situation,
                                               const WorkRules& rules, Language lang) {
    std::vector<FundingSuggestion> out;
    if (situation.permission(rules) == WorkPermission::not_allowed) {
        return out;
    }
    for (const auto& instrument : catalogue) {
        for (const auto& condition : instrument.conditions) {
            if (holds(condition, situation, rules)) {
                const auto facts = matched_facts(condition, situation, rules, lang);
                out.push_back(FundingSuggestion{
                    instrument, facts.empty() ? condition.reason
                                              : fmt::format("{} ({})", condition.reason, facts)});
                break;
            }
        }
    }
    return out;
}

Records funding_records(const std::vector<FundingInstrument>& instruments, bool brief) {
    Records r;
    if (brief) {
        r.columns = {"key", "name", "grantor", "tags"};
    } else {
        r.columns = {"key",         "name",   "grantor", "audience",    "pays",  "apply_at",
                     "legal_basis", "source", "tags",    "description", "origin"};
    }
    for (const auto& i : instruments) {
        if (brief) {
            r.rows.push_back({i.key, i.name, i.grantor, text::join(i.tags, ", ")});
        } else {
            r.rows.push_back({i.key, i.name, i.grantor, i.audience, i.pays, i.apply_at,
                              i.legal_basis, i.source, text::join(i.tags, ", "), i.description,
                              std::string(describe(catalogue_state(i)))});
        }
    }
    return r;
}

Detail funding_detail(const FundingInstrument& i) {
    Detail d;
    d.fields = {{"key", i.key},
                {"name", i.name},
                {"grantor", i.grantor},
                {"audience", i.audience},
                {"pays", i.pays},
                {"apply_at", i.apply_at},
                {"legal_basis", i.legal_basis},
                {"source", i.source},
                {"tags", text::join(i.tags, ", ")},
                {"description", i.description},
                {"origin", std::string(describe(catalogue_state(i)))}};
    Records when;
    when.columns = {"reason", "conditions"};
    for (const auto& c : i.conditions) {
        when.rows.push_back({c.reason, condition_text(c)});
    }
    d.children.emplace_back("suggested when", std::move(when));
    return d;
}

Records suggestion_records(const std::vector<FundingSuggestion>& suggestions, bool brief) {
    Records r;
    r.columns = brief ? std::vector<std::string>{"key", "name", "reason"}
                      : std::vector<std::string>{"key",      "name",        "grantor", "pays",
                                                 "apply_at", "legal_basis", "source",  "reason"};
    for (const auto& s : suggestions) {
        const auto& i = s.instrument;
        if (brief) {
            r.rows.push_back({i.key, i.name, s.reason});
        } else {
            r.rows.push_back(
                {i.key, i.name, i.grantor, i.pays, i.apply_at, i.legal_basis, i.source, s.reason});
        }
    }
    return r;
}

} // namespace werkstatt
