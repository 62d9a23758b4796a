// SPDX-License-Identifier: GPL-3.0-or-later
#include "reference/work_rules.hpp"
#include "core/i18n.hpp"

#include "core/embedded.hpp"
#include "core/error.hpp"
#include "io/toml_reader.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt {

namespace {

// all_residence_statuses() lists the statuses in the order of the enum.
std::size_t index_of(ResidenceStatus status) {
    return static_cast<std::size_t>(status);
}

// Return every status code, joined for a message ("eu, niederlassung, ... and unknown").
std::string known_statuses() {
    std::string out;
    const auto all = all_residence_statuses();
    for (std::size_t i = 0; i < all.size(); ++i) {
        out += i == 0 ? "" : (i + 1 == all.size() ? " and " : ", ");
        out += to_string(all[i]);
    }
    return out;
}

} // namespace

WorkRules WorkRules::from_toml(std::string_view text, std::string_view source) {
    const auto doc = parse_toml(text, source);
    const auto fail = [&](const toml::node& node, const std::string& what) {
        throw Error(ErrorKind::config, _f("{}:{}: {}", source, node.source().begin.line, what));
    };
    for (const auto& [key, value] : doc) {
        if (key.str() != "valid_as_of" && key.str() != "sources" && key.str() != "rule") {
            fail(value, fmt::format("unknown key '{}'; the file has valid_as_of, sources and "
                                    "[[rule]] tables",
                                    key.str()));
        }
    }

    WorkRules rules;
    const toml::node* valid = doc.get("valid_as_of");
    if (valid == nullptr) {
        throw Error(ErrorKind::config,
                    _f("{}: 'valid_as_of' is missing; add valid_as_of = YYYY-MM-DD, the "
                       "day the rules were last checked",
                       source));
    }
    const auto* date = valid->as_date();
    if (date == nullptr) {
        fail(*valid, "'valid_as_of' must be a date without quotes, e.g. valid_as_of = 2025-01-01");
    }
    const auto& day = date->get();
    rules.m_valid_as_of = fmt::format("{:04}-{:02}-{:02}", day.year, day.month, day.day);
    rules.m_sources = TableReader(source, doc, "the work rules").texts("sources");

    const toml::node* list = doc.get("rule");
    const toml::array* array = list != nullptr ? list->as_array() : nullptr;
    if (list != nullptr && (array == nullptr || !array->is_array_of_tables())) {
        fail(*list, "'rule' must be a list of [[rule]] tables");
    }

    std::vector<std::optional<WorkRule>> found(all_residence_statuses().size());
    if (array != nullptr) {
        for (const auto& element : *array) {
            const TableReader reader(source, *element.as_table(), "this rule");
            reader.check_keys(
                {"code", "label", "legal_basis", "permission", "note", "note_de", "job_change"});
            const auto code = reader.text("code", true);
            const auto status = parse_residence_status(code);
            if (!status) {
                reader.fail(*reader.node().get("code"),
                            fmt::format("unknown residence status '{}'; werkstatt knows {}", code,
                                        known_statuses()));
            }
            auto& slot = found[index_of(*status)];
            if (slot) {
                reader.fail(*reader.node().get("code"),
                            fmt::format("a second rule for '{}'; keep one rule per status", code));
            }
            WorkRule rule;
            rule.status = *status;
            rule.label = reader.text("label", true);
            rule.legal_basis = reader.present_text("legal_basis");
            const auto permission_text = reader.text("permission", true);
            const auto permission = parse_work_permission(permission_text);
            if (!permission) {
                reader.fail(*reader.node().get("permission"),
                            fmt::format("unknown permission '{}'; use free, title-job, "
                                        "permit-required, not-allowed or unknown",
                                        permission_text));
            }
            rule.permission = *permission;
            rule.note = reader.present_text("note");
            rule.note_de = reader.text("note_de", false);
            const auto change = reader.text("job_change", false);
            if (change == "notice") {
                rule.job_change = JobChange::notice;
            } else if (!change.empty() && change != "approval") {
                reader.fail(*reader.node().get("job_change"),
                            fmt::format("unknown job_change '{}'; use approval or notice", change));
            }
            slot = std::move(rule);
        }
    }

    for (const auto status : all_residence_statuses()) {
        auto& slot = found[index_of(status)];
        if (!slot) {
            throw Error(ErrorKind::config,
                        _f("{}: no rule for residence status '{}'; add a [[rule]] with "
                           "code = \"{}\"",
                           source, to_string(status), to_string(status)));
        }
        rules.m_rules.push_back(std::move(*slot));
    }
    return rules;
}

const WorkRules& WorkRules::shipped() {
    static const WorkRules rules = [] {
        const auto text = embedded_file("data/work_rules.toml");
        if (!text) {
            throw Error(ErrorKind::internal,
                        _("the work rules were not compiled in; please report this"));
        }
        return from_toml(*text, "work_rules.toml");
    }();
    return rules;
}

WorkRule in_language(WorkRule rule, Language lang) {
    if (lang == Language::de && !rule.note_de.empty()) {
        rule.note = std::move(rule.note_de);
        rule.note_de.clear();
    }
    return rule;
}

const WorkRule& WorkRules::rule(ResidenceStatus status) const {
    return m_rules[index_of(status)];
}

} // namespace werkstatt
