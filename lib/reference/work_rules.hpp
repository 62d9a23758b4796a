// SPDX-License-Identifier: GPL-3.0-or-later
// The rule table that says, per residence status, whether a person may work. It ships as data
// (config/data/work_rules.toml, compiled in) with a "valid as of" date, because the law changes.
#pragma once

#include "core/i18n.hpp"
#include "domain/candidate_values.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// How a holder of a title-job status moves to another job or employer: only after the
// Ausländerbehörde has changed the title (approval), or by telling it (notice: the Blue Card since
// 18.11.2023, where the authority can object within 30 days in the first 12 months).
enum class JobChange { approval, notice };

// What a residence status means for work, by default (a recorded annotation on the document,
// the Nebenbestimmung, overrides it).
struct WorkRule {
    ResidenceStatus status = ResidenceStatus::unknown;
    std::string label;       // the status as German offices name it
    std::string legal_basis; // the paragraphs ("§ 60a AufenthG"); may be empty
    WorkPermission permission = WorkPermission::unknown;
    std::string note; // one sentence: who must approve, how long it usually takes
    JobChange job_change = JobChange::approval; // for title-job: how a new job is allowed
    std::string note_de;                        // the note in German; "" when the file gives none
};

// Return `rule` with its note in `lang`: the German note where the file gives one, else the
// English (label and legal_basis are German names and paragraphs in every language).
WorkRule in_language(WorkRule rule, Language lang);

// One rule for every residence status, and the day the table was last checked against the law.
class WorkRules {
  public:
    // Read the table from the TOML `text`; `source` names it in messages ("work_rules.toml").
    // Each rule may give its note in German too (note_de).
    // Throw Error(config) naming source and line on a TOML syntax error, an unknown key or
    // residence status code, a duplicate or missing code, a bad permission or job_change, a
    // missing field or a `sources` that is not a list of texts, and naming the status when one
    // has no rule.
    static WorkRules from_toml(std::string_view text, std::string_view source);
    // Return the table shipped in the binary (config/data/work_rules.toml).
    static const WorkRules& shipped();

    // Return the rule for `status`.
    const WorkRule& rule(ResidenceStatus status) const;
    // Return every rule, in the order of all_residence_statuses().
    const std::vector<WorkRule>& rules() const { return m_rules; }
    // Return the day the table was last checked, as YYYY-MM-DD.
    const std::string& valid_as_of() const { return m_valid_as_of; }
    // Return the sources the table rests on (law with its Bundesgesetzblatt citation, official
    // pages with their date), as listed in the file's `sources`.
    const std::vector<std::string>& sources() const { return m_sources; }

  private:
    WorkRules() = default;
    std::vector<WorkRule> m_rules;
    std::string m_valid_as_of;
    std::vector<std::string> m_sources;
};

} // namespace werkstatt
