// SPDX-License-Identifier: GPL-3.0-or-later
// The rule table that says, per residence status, whether a person may work. It ships as data
// (config/data/work_rules.toml, compiled in) with a "valid as of" date, because the law changes.
#pragma once

#include "domain/candidate_values.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// What a residence status means for work, by default (a recorded annotation on the document,
// the Nebenbestimmung, overrides it).
struct WorkRule {
    ResidenceStatus status = ResidenceStatus::unknown;
    std::string label;       // the status as German offices name it
    std::string legal_basis; // the paragraphs ("§ 60a AufenthG"); may be empty
    WorkPermission permission = WorkPermission::unknown;
    std::string note; // one sentence: who must approve, how long it usually takes
};

// One rule for every residence status, and the day the table was last checked against the law.
class WorkRules {
  public:
    // Read the table from the TOML `text`; `source` names it in messages ("work_rules.toml").
    // Throw Error(config) naming source and line on a TOML syntax error, an unknown key or
    // residence status code, a duplicate or missing code, a bad permission or a missing field,
    // and naming the status when one has no rule.
    static WorkRules from_toml(std::string_view text, std::string_view source);
    // Return the table shipped in the binary (config/data/work_rules.toml).
    static const WorkRules& shipped();

    // Return the rule for `status`.
    const WorkRule& rule(ResidenceStatus status) const;
    // Return every rule, in the order of all_residence_statuses().
    const std::vector<WorkRule>& rules() const { return m_rules; }
    // Return the day the table was last checked, as YYYY-MM-DD.
    const std::string& valid_as_of() const { return m_valid_as_of; }

  private:
    WorkRules() = default;
    std::vector<WorkRule> m_rules;
    std::string m_valid_as_of;
};

} // namespace werkstatt
