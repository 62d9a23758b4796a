// SPDX-License-Identifier: GPL-3.0-or-later
// The matching model: what a candidate and an opening bring, the hard rules that make a pair
// infeasible, and the weighted parts of a pair's score, each with its reason.
//
// Fairness (AGG § 1): MatchCandidate holds only what matching may use. Gender, age or date of
// birth, nationality, name and everything else the reporting facts hold are not in it, so no
// rule or score can read them, not even to break a tie.
#pragma once

#include "applicants/consent.hpp"
#include "core/i18n.hpp"
#include "domain/candidate_values.hpp"
#include "match/settings.hpp"
#include "reference/geo.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

class WorkRules;

// A job seeker as matching sees them.
struct MatchCandidate {
    std::int64_t id = 0;
    std::string reference; // the agency's reference, for output
    std::string source;
    std::string plz;
    std::optional<LonLat> location; // empty when the PLZ is not in the reference data (locate())
    std::optional<KldbCode> kldb;
    std::optional<CefrLevel> german;
    ResidenceStatus residence = ResidenceStatus::unknown;
    std::optional<Recognition> recognition;
    std::optional<LicenceSet> licences; // empty: none recorded
    std::optional<Date> available_from;
    std::optional<std::int64_t> radius_km;
    std::optional<Consent> consent; // to matching; nothing: none recorded
    // The last day the residence title is valid (Aufenthaltstitel gültig bis); nothing: not
    // known or unlimited. It never changes a score: an ended one excludes, one ending soon warns.
    std::optional<Date> permit_until;
    // The day the person last confirmed that they still want to be placed (or, never confirmed,
    // the day the record was made); nothing: not known, never paused. Never scored.
    std::optional<Date> last_confirmed;
    std::vector<std::int64_t> closed_openings; // declined or withdrawn before, ascending ids
};

// An opening as matching sees it.
struct MatchOpening {
    std::int64_t id = 0;
    std::string title;
    std::string company; // the company's key
    std::string plz;
    std::optional<LonLat> location; // as for MatchCandidate
    std::optional<KldbCode> kldb;
    std::optional<CefrLevel> german; // required level
    std::int64_t positions = 1;      // still to fill
    std::optional<Date> start_date;
    std::optional<Date> latest_start;
    std::optional<LicenceSet> licence; // classes required; empty: none
    std::optional<std::int64_t> max_distance_km;
    bool needs_recognition = false;
};

// The share of the permit part a pair earns when the work permission is unclear.
inline constexpr double k_neutral_share = 0.5;

// The rule for missing facts: a part whose fact is not recorded (no KldB code, no German level
// where the opening asks one, no PLZ or one that is no German postal code, no recognition or
// availability) earns nothing, so that a known fact that meets the opening's need always ranks
// above an unknown one; the pair is not excluded (the rule that needs the fact is not applied),
// and the reason says the fact is missing and which command records it.
inline constexpr double k_missing_share = 0.0;

// A hard rule that makes a pair infeasible.
enum class Rule {
    not_allowed_to_work,  // residence status does not allow employment
    consent_expired,      // the matching consent does not hold on the reference day
    not_available,        // available only after the latest start the opening accepts
    too_far,              // beyond both the candidate's radius and the opening's limit
    licence_missing,      // a required driving licence class is missing
    recognition_missing,  // regulated occupation, recognition not full
    occupation_unrelated, // fewer shared KldB digits than match.min_kldb_digits
    closed_before,        // this pair was declined or withdrawn before
    no_consent,           // no matching consent recorded
    permit_ended,         // the residence title ended before the reference day
    paused,               // not confirmed for exchange.pause_days (a pool that stays fresh)
};
inline constexpr std::size_t k_rule_count = 11;

// Return a short name of `rule` ("too-far").
std::string_view to_string(Rule rule);

// One scored part of a pair: points earned (thousandths of a point), of how many, and why.
struct PartScore {
    std::int64_t milli = 0;
    std::int64_t max_milli = 0;
    std::string reason;
};

// What the model says about one pair.
struct Evaluation {
    std::optional<Rule> failed; // the first hard rule that failed; empty if feasible
    std::string failure;        // why, in words
    std::array<PartScore, k_part_count> parts{};
    std::int64_t total_milli = 0;
    std::optional<double> distance; // km, when both places are known
    std::vector<std::string> notes; // rules that applied without excluding the pair
    // Set when the residence title ends before the opening's start (or the reference day) plus
    // match.permit_warn_days: the pair stays, with this warning (its last day). Never scored.
    std::optional<Date> permit_warning;
    bool feasible() const { return !failed.has_value(); }
};

// Return the leading KldB digits two codes must share for a pair to pass the occupation rule
// (settings.min_kldb_digits; 0: the occupation does not filter).
int required_kldb_digits(const MatchSettings& settings);

// Return the distance limit in km of the pair (`c`, `o`) under `settings`: the larger of the
// candidate's radius (or the default) and the opening's max_distance_km. It depends on the
// opening only through max_distance_km and never falls as that grows, so the opening with the
// largest max_distance_km bounds the limits of a group of openings.
std::int64_t reach_limit_km(const MatchCandidate& c, const MatchOpening& o,
                            const MatchSettings& settings);

// Return the great-circle distance between the places of `c` and `o` rounded to 100 m, the
// figure the rules, the score and the output use; nothing when either place is unknown.
std::optional<double> pair_distance_km(const MatchCandidate& c, const MatchOpening& o);

// Return true if the pair (`c`, `o`) passes the occupation rule and the too-far rule under
// `settings` (a rule is not applied where its data is missing on either side). The one reach
// predicate: evaluate() applies it, and every search over a pool visits at least the pairs it
// accepts.
bool within_reach(const MatchCandidate& c, const MatchOpening& o, const MatchSettings& settings);

// Evaluate the pair (`c`, `o`): hard rules first, then each part. `rules` says what a residence
// status means for work. With `explain`, every part and note carries its reason in words (else
// reasons stay empty, for speed).
Evaluation evaluate(const MatchCandidate& c, const MatchOpening& o, const MatchSettings& settings,
                    const WorkRules& rules, bool explain);

// Return the hard rule of consent that `c` fails on settings.today: no_consent without a
// matching consent, consent_expired when it does not hold that day (not yet given, ended or
// withdrawn); nothing when it holds.
std::optional<Rule> consent_rule(const MatchCandidate& c, const MatchSettings& settings);

// Return the rule of the pool's freshness that `c` fails on settings.today: permit_ended when
// the residence title's last day is before that day, paused when the last confirmation is
// settings.pause_days or more before it; nothing otherwise.
std::optional<Rule> freshness_rule(const MatchCandidate& c, const MatchSettings& settings);

// Return the last day of `c`'s residence title when it ends before the start of `o` (its
// start_date, else settings.today) plus settings.permit_warn_days; nothing otherwise.
std::optional<Date> permit_warning(const MatchCandidate& c, const MatchOpening& o,
                                   const MatchSettings& settings);

// Return true if `c` can pass no pair's hard rules whatever the opening: the residence status
// does not allow work, consent_rule() or freshness_rule() fails.
bool candidate_excluded(const MatchCandidate& c, const MatchSettings& settings,
                        const WorkRules& rules);

// Return the points of `milli` thousandths as text with up to three decimals ("87.35", "40").
std::string format_points(std::int64_t milli);
// Return format_points(milli) with the decimal separator of `lang` (47,5 in German), for text.
std::string format_points(std::int64_t milli, Language lang);

} // namespace werkstatt
