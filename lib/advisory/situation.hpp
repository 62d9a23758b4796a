// SPDX-License-Identifier: GPL-3.0-or-later
// The facts of a planned hire that funding suggestions and the hiring checklist may use: the
// candidate's work-relevant values and the opening's requirements. Gender, age, nationality and
// other protected or reporting-only facts are not in this struct, so nothing downstream can use
// them.
#pragma once

#include "core/i18n.hpp"
#include "domain/advisory.hpp"
#include "domain/candidate_values.hpp"
#include "reference/work_rules.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>

namespace werkstatt {

// What an opening asks for.
struct OpeningFacts {
    std::int64_t id = 0;
    std::string title;
    std::string company_key;
    std::optional<KldbCode> kldb;
    std::optional<CefrLevel> german;
    bool needs_recognition = false; // a regulated occupation
    std::string plz;
    std::string city;
    std::optional<std::string> district_ags;
};

// A candidate (and optionally an opening) as the advice sees them.
struct HiringSituation {
    std::int64_t candidate_id = 0;
    ResidenceStatus status = ResidenceStatus::unknown;
    std::optional<Recognition> recognition;
    std::optional<CefrLevel> german;
    std::optional<KldbCode> kldb; // target occupation
    std::string plz;
    std::string city;
    std::optional<std::string> district_ags;
    std::optional<OpeningFacts> opening;

    // Return whether the person may work, from `rules`.
    WorkPermission permission(const WorkRules& rules) const;
    // Return true if the job is in a regulated occupation: the opening says so (needs
    // recognition); without an opening, a recognition decision that imposed a compensation
    // measure shows the target occupation is regulated.
    bool regulated() const;
    // Return the requirement level of the opening's occupation, else of the candidate's target.
    std::optional<RequirementLevel> level() const;
};

// Load candidate `candidate` (id or the agency's reference) and, if given, opening `opening_id`.
// Throw Error(not_found) naming what does not exist.
HiringSituation load_situation(Database& db, const std::string& candidate,
                               std::optional<std::int64_t> opening_id);

// Return true if every condition of `condition` holds for `situation` under `rules`.
bool holds(const SituationCondition& condition, const HiringSituation& situation,
           const WorkRules& rules);

// Return the facts that `condition` looked at, for people, in `lang` ("German A2, the opening
// asks B1"); the values that are codes (permit-required, partial, helper) stay codes.
std::string matched_facts(const SituationCondition& condition, const HiringSituation& situation,
                          const WorkRules& rules, Language lang);

} // namespace werkstatt
