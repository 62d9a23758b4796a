// SPDX-License-Identifier: GPL-3.0-or-later
// The hiring checklist (Arbeitsrechtliche Bedingungen für den Einstellungsprozess): the
// labour-law steps of one planned hire from the rule data (config/data/hiring_rules.toml), with
// the advisory services that help with each step and the funding that may apply.
#pragma once

#include "advisory/advisors.hpp"
#include "advisory/funding.hpp"
#include "advisory/situation.hpp"
#include "core/i18n.hpp"
#include "reference/work_rules.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// One step of the rule data and when it applies.
struct HiringStepRule {
    std::string key;
    std::string title;
    std::string text; // may hold {status_label}, {legal_basis}, {permission}, {work_note}
    std::string who;
    std::string duration;
    std::string source;                // the paragraphs it rests on
    std::vector<AdvisoryTopic> topics; // services with these topics help
    SituationCondition when;           // all must hold
    // The same texts in German (title_de, ... in the file); "" where the file gives none.
    std::string title_de, text_de, who_de, duration_de, source_de;
};

// Return `step` with its texts in `lang`: in German each text the file gives in German, the
// English where it gives none (an admin's own rule file may be English only).
HiringStepRule in_language(HiringStepRule step, Language lang);

// The steps of hiring_rules.toml and the day they were last checked.
class HiringRules {
  public:
    // Read the rules from TOML `text`; `source` names it in messages. Throw Error(config) naming
    // source and line on a syntax error, an unknown key, a bad value or a duplicate step.
    static HiringRules from_toml(std::string_view text, std::string_view source);
    // Return the rules compiled in (config/data/hiring_rules.toml).
    static const HiringRules& shipped();
    // Read the rules from the file at `path`; throw Error(config) if it cannot be read or is
    // invalid.
    static HiringRules from_file(const std::filesystem::path& path);

    const std::vector<HiringStepRule>& steps() const { return m_steps; }
    // Return the day the rules were last checked, YYYY-MM-DD.
    const std::string& valid_as_of() const { return m_valid_as_of; }
    // Return the file name the rules came from, for citations.
    const std::string& source_name() const { return m_source; }
    // Return the sources the steps rest on, as the file's `sources` lists them.
    const std::vector<std::string>& sources() const { return m_sources; }

  private:
    std::vector<HiringStepRule> m_steps;
    std::vector<std::string> m_sources;
    std::string m_valid_as_of;
    std::string m_source;
};

// Return "key: field" for each text of `rules` (title, text, who, duration) that has no German
// version: every step of the shipped file must have one (a unit test holds it to that); an
// admin's own file may be English only. source_de is optional: most sources are paragraphs
// alone, the same in both languages.
std::vector<std::string> steps_without_german(const HiringRules& rules);

// A step that applies to the hire.
struct ChecklistStep {
    HiringStepRule rule;
    std::string text;                  // with the placeholders filled in
    std::vector<AdvisorMatch> helpers; // at most three, serving the place first
};

// The checklist of one hire, in one language.
struct Checklist {
    Language lang = Language::de; // of its texts for people; keys and codes stay as they are
    HiringSituation situation;
    WorkRule work_rule;
    std::string work_rules_valid_as_of;
    std::string rules_valid_as_of;
    std::string rules_source;
    std::vector<ChecklistStep> steps;
    std::vector<FundingSuggestion> funding;
};

// Build the checklist of `situation` in `lang` from `rules` and `work_rules`, with helpers from
// `advisors` (permits and labour rights near where the person lives, the rest near the
// workplace) and suggestions from `funding` (whose texts the caller gives in `lang`).
Checklist build_checklist(const HiringSituation& situation, const HiringRules& rules,
                          const WorkRules& work_rules, const std::vector<AdvisoryService>& advisors,
                          const std::vector<FundingInstrument>& funding, const VerifyPolicy& policy,
                          Language lang);

// The sentence that every checklist carries.
inline constexpr std::string_view k_not_legal_advice =
    N_("This checklist is guidance from general rules, not legal advice: the document's "
       "annotation and the authorities' decision in the individual case prevail.");

// Return the checklist as text for people, in its language (dates as the language writes them).
std::string checklist_text(const Checklist& checklist);
// Return the checklist as a JSON document: keys, codes and dates (YYYY-MM-DD) as they are, the
// texts for people in the checklist's language.
std::string checklist_json(const Checklist& checklist);
// Return the steps as a listing (one row per step, for CSV): column names as they are, the texts
// for people in the checklist's language.
Records checklist_records(const Checklist& checklist);

} // namespace werkstatt
