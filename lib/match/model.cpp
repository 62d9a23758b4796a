// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/model.hpp"

#include "core/i18n.hpp"
#include "reference/work_rules.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <type_traits>

namespace werkstatt {

namespace {

// Round half up; both factors are 0 or more, so this is std::llround without the library call
// (it runs a dozen times per scored pair).
std::int64_t milli_of(double points, double share) {
    return static_cast<std::int64_t>(points * 1000.0 * std::clamp(share, 0.0, 1.0) + 0.5);
}

// Return the first class of `required` that `held` does not entitle to drive
// (LicenceSet::entitles(): Fahrerlaubnis-Verordnung § 6 Abs. 3 and § 9), or nothing.
std::optional<LicenceClass> missing_licence(const std::optional<LicenceSet>& required,
                                            const std::optional<LicenceSet>& held) {
    if (!required || required->empty()) {
        return std::nullopt;
    }
    for (int i = 0; i <= static_cast<int>(LicenceClass::t); ++i) {
        const auto item = static_cast<LicenceClass>(i);
        if (required->has(item) && !(held && held->entitles(item))) {
            return item;
        }
    }
    return std::nullopt;
}

// The occupation rule: codes on both sides share enough leading digits.
bool occupation_related(const MatchCandidate& c, const MatchOpening& o, const MatchSettings& s) {
    const int digits = required_kldb_digits(s);
    return !c.kldb || !o.kldb || digits == 0 || c.kldb->shared_prefix(*o.kldb) >= digits;
}

// The too-far rule: a known distance within the pair's limit.
bool near_enough(const std::optional<double>& distance, std::int64_t limit_km) {
    return !distance || *distance <= static_cast<double>(limit_km);
}

// The requirement level in the words of the KldB (Anforderungsniveau).
std::string level_words(RequirementLevel level) {
    switch (level) {
    case RequirementLevel::helper:
        return _("helper (Helfer)");
    case RequirementLevel::skilled:
        return _("skilled worker (Fachkraft)");
    case RequirementLevel::specialist:
        return _("specialist (Spezialist)");
    case RequirementLevel::expert:
        return _("expert (Experte)");
    }
    return "";
}

// How close two KldB codes sharing `shared` leading digits (0 to 4) are, in words.
std::string shared_field_words(int shared) {
    switch (shared) {
    case 0:
        return _("a different occupational area");
    case 1:
        return _("a different main group");
    case 2:
        return _("the same main group (2 digits)");
    case 3:
        return _("the same occupational group (3 digits)");
    default:
        return _("the same occupation (4 digits)");
    }
}

// What the work permission of `rule` means for a hire, in words (translated only when explaining:
// scoring calls permit() for every pair).
std::string permission_words(const WorkRule& rule) {
    switch (rule.permission) {
    case WorkPermission::free:
        return _("may work without approval");
    case WorkPermission::title_job:
        if (rule.job_change == JobChange::notice) {
            return _("may take a job that meets the title's conditions; a change of employer "
                     "needs only a notice to the Ausländerbehörde");
        }
        return _("may work only in the job or training the title names; another job needs "
                 "the Ausländerbehörde");
    case WorkPermission::limited:
        return _("may work without approval, but only within the hours or days the title "
                 "allows; check the job fits them");
    case WorkPermission::permit_required:
        return _("employment needs the approval of the Ausländerbehörde "
                 "(Beschäftigungserlaubnis, usually with BA consent)");
    default:
        return _("work permission unclear: neutral; clarify with the Ausländerbehörde or "
                 "Faire Integration before proposing");
    }
}

// A day in the reasons, the way the UI language writes it.
std::string match_day(const Date& day) {
    return format_date(day, ui_language());
}

// The share of the occupation points for the field of work: the first four KldB digits (the
// fifth is the requirement level, not a finer occupation).
double field_share(int shared_digits) {
    static constexpr double k_share[] = {0, 0, 1.0 / 3.0, 2.0 / 3.0, 1.0};
    return k_share[std::min(shared_digits, 4)];
}

// The share kept for the requirement level: full at the opening's level; below it, less the
// further below (one level 60 %, two 25 %, three 0); above it, a little less per level (90 %,
// 80 %, 70 %).
double level_share(int levels_above) {
    static constexpr double k_below[] = {1.0, 0.6, 0.25, 0.0};
    static constexpr double k_above[] = {1.0, 0.9, 0.8, 0.7};
    return levels_above < 0 ? k_below[-levels_above] : k_above[levels_above];
}

// Return why the matching consent of `c` does not hold on `day`, in words.
std::string consent_failure(const MatchCandidate& c, Date day) {
    if (!c.consent) {
        return _f("no matching consent recorded; record it with 'werkstatt candidate "
                  "consent {} --scope matching --given-on DAY'",
                  c.id);
    }
    const auto& k = *c.consent;
    if (k.withdrawn_on && *k.withdrawn_on <= day) {
        return _f("matching consent withdrawn on {}", match_day(*k.withdrawn_on));
    }
    if (k.given_on && *k.given_on > day) {
        return _f("matching consent given only on {}", match_day(*k.given_on));
    }
    return _f("matching consent ended on {}; renew it first",
              k.valid_until ? match_day(*k.valid_until) : std::string("?"));
}

// Return why `c` fails freshness_rule() on settings.today, in words.
std::string freshness_failure(const MatchCandidate& c, const MatchSettings& s) {
    if (c.permit_until && *c.permit_until < s.today) {
        return _f("residence title ended on {}; record a new one with 'werkstatt "
                  "candidate edit {} --permit-until DAY'",
                  match_day(*c.permit_until), c.id);
    }
    const auto days = c.last_confirmed ? s.today.days() - c.last_confirmed->days() : 0;
    return fmt::format(
        fmt::runtime(n_("not confirmed for {} day (since {}, exchange.pause_days = {}); record "
                        "that the person still wants to be placed with 'werkstatt candidate "
                        "confirm {}'",
                        "not confirmed for {} days (since {}, exchange.pause_days = {}); record "
                        "that the person still wants to be placed with 'werkstatt candidate "
                        "confirm {}'",
                        static_cast<std::uint64_t>(std::max<long>(days, 0)))),
        days, c.last_confirmed ? match_day(*c.last_confirmed) : std::string("?"), s.pause_days,
        c.id);
}

struct Scorer {
    const MatchCandidate& c;
    const MatchOpening& o;
    const MatchSettings& s;
    const WorkRules& rules;
    bool explain;
    Evaluation e;

    // Reasons are text or a function that makes it; either is used only when explaining, so
    // that scoring many pairs formats nothing.
    template <typename Why>
    static std::string text_of(Why&& why) {
        if constexpr (std::is_invocable_v<Why>) {
            return why();
        } else {
            return std::string(std::forward<Why>(why));
        }
    }
    template <typename Why>
    void fail(Rule rule, Why&& why) {
        e.failed = rule;
        if (explain) {
            e.failure = text_of(std::forward<Why>(why));
        }
    }
    template <typename Why>
    void part(Part p, double share, Why&& reason) {
        auto& slot = e.parts[static_cast<std::size_t>(p)];
        slot.max_milli = milli_of(s.weights[p], 1.0);
        slot.milli = milli_of(s.weights[p], share);
        if (explain) {
            slot.reason = text_of(std::forward<Why>(reason));
        }
    }
    void note(std::string text) {
        if (explain) {
            e.notes.push_back(std::move(text));
        }
    }

    // Hard rules, in order; return false at the first that fails.
    bool hard_rules(WorkPermission permission, std::int64_t limit_km) {
        if (std::binary_search(c.closed_openings.begin(), c.closed_openings.end(), o.id)) {
            fail(Rule::closed_before,
                 [] { return _("declined or withdrawn for this opening before"); });
            return false;
        }
        if (permission == WorkPermission::not_allowed) {
            fail(Rule::not_allowed_to_work, [&] {
                return _f("residence status {} does not allow employment ({})",
                          to_string(c.residence), rules.rule(c.residence).legal_basis);
            });
            return false;
        }
        if (const auto rule = consent_rule(c, s)) {
            fail(*rule, [&] { return consent_failure(c, s.today); });
            return false;
        }
        if (const auto rule = freshness_rule(c, s)) {
            fail(*rule, [&] { return freshness_failure(c, s); });
            return false;
        }
        if (!occupation_related(c, o, s)) {
            fail(Rule::occupation_unrelated, [&] {
                return _f("target occupation {} shares fewer than {} digits with {}", c.kldb->str(),
                          s.min_kldb_digits, o.kldb->str());
            });
            return false;
        }
        if (!near_enough(e.distance, limit_km)) {
            fail(Rule::too_far, [&] {
                return _f("lives {} km away, beyond the candidate's {} km and the "
                          "opening's {} km",
                          format_number(*e.distance, 1, ui_language()),
                          c.radius_km.value_or(s.default_radius_km), o.max_distance_km.value_or(0));
            });
            return false;
        }
        if (c.available_from && o.latest_start && *c.available_from > *o.latest_start) {
            fail(Rule::not_available, [&] {
                return _f("available from {}, after the latest start {}",
                          match_day(*c.available_from), match_day(*o.latest_start));
            });
            return false;
        }
        if (const auto missing = missing_licence(o.licence, c.licences)) {
            fail(Rule::licence_missing, [&] {
                if (c.licences && !c.licences->empty()) {
                    return _f("driving licence class {} needed, candidate holds {}",
                              to_string(*missing), c.licences->str());
                }
                return _f("driving licence class {} needed, candidate holds none",
                          to_string(*missing));
            });
            return false;
        }
        if (o.needs_recognition && c.recognition != Recognition::full &&
            c.recognition != Recognition::german_qualification) {
            fail(Rule::recognition_missing, [&] {
                if (!c.recognition) {
                    return _("regulated occupation needs full recognition or a German "
                             "qualification, candidate's is not recorded");
                }
                return _f("regulated occupation needs full recognition or a German "
                          "qualification, candidate's is {}",
                          to_string(*c.recognition));
            });
            return false;
        }
        return true;
    }

    // Where to record a missing fact of the candidate or the opening, for the reasons.
    std::string record_candidate(std::string_view flag) const {
        return _f("record it with: werkstatt candidate edit {} --{}", c.reference, flag);
    }
    std::string record_opening(std::string_view flag) const {
        return _f("record it with: werkstatt opening edit {} --{}", o.id, flag);
    }

    void occupation() {
        if (!c.kldb || !o.kldb) {
            part(Part::occupation, k_missing_share, [&] {
                return c.kldb ? _f("the opening has no KldB code: missing, {}",
                                   record_opening("kldb CODE"))
                              : _f("candidate has no KldB code: missing, {}",
                                   record_candidate("kldb CODE"));
            });
            return;
        }
        const int digits = c.kldb->shared_prefix(*o.kldb);
        const int shared = std::min(digits, 4);
        const int above = static_cast<int>(c.kldb->requirement_level()) -
                          static_cast<int>(o.kldb->requirement_level());
        part(Part::occupation, field_share(shared) * level_share(above), [&] {
            if (digits == 5) {
                return _f("KldB {} for {}: the same occupation and level", c.kldb->str(),
                          o.kldb->str());
            }
            const auto what = shared_field_words(shared);
            const auto theirs = level_words(c.kldb->requirement_level());
            const auto needed = level_words(o.kldb->requirement_level());
            if (above == 0) {
                return _f("KldB {} for {}: {}; the level asked, {}", c.kldb->str(), o.kldb->str(),
                          what, theirs);
            }
            const auto levels = static_cast<std::uint64_t>(std::abs(above));
            const auto sentence =
                above < 0 ? n_("KldB {} for {}: {}; {}, opening asks {}: {} level below",
                               "KldB {} for {}: {}; {}, opening asks {}: {} levels below", levels)
                          : n_("KldB {} for {}: {}; {}, opening asks {}: {} level above",
                               "KldB {} for {}: {}; {}, opening asks {}: {} levels above", levels);
            return fmt::format(fmt::runtime(sentence), c.kldb->str(), o.kldb->str(), what, theirs,
                               needed, levels);
        });
    }

    void german() {
        if (!o.german) {
            part(Part::german, 1.0, [] { return _("the opening asks no German level"); });
            return;
        }
        if (!c.german) {
            part(Part::german, k_missing_share, [&] {
                return _f("German level not recorded, opening asks {}: missing, {}",
                          o.german->str(), record_candidate("german LEVEL"));
            });
            return;
        }
        // Scored only up to what the opening requires: more German earns nothing extra.
        const int gap = o.german->rank() - c.german->rank();
        // Whole sentences for each case: a course level is named with what it counts as.
        if (gap <= 0) {
            part(Part::german, 1.0, [&] {
                if (!explain) {
                    return std::string();
                }
                return c.german->course_level()
                           ? _f("German {}: course level, counted as {}; opening asks {}",
                                c.german->str(), c.german->counted(), o.german->str())
                           : _f("German {}, opening asks {}", c.german->str(), o.german->str());
            });
            return;
        }
        part(Part::german, 1.0 - gap / 3.0, [&] {
            const auto levels = static_cast<std::uint64_t>(gap);
            if (c.german->course_level()) {
                return fmt::format(
                    fmt::runtime(n_("German {}: course level, counted as {}; opening asks {}: {} "
                                    "level below",
                                    "German {}: course level, counted as {}; opening asks {}: {} "
                                    "levels below",
                                    levels)),
                    c.german->str(), c.german->counted(), o.german->str(), gap);
            }
            return fmt::format(
                fmt::runtime(n_("German {}, opening asks {}: {} level below",
                                "German {}, opening asks {}: {} levels below", levels)),
                c.german->str(), o.german->str(), gap);
        });
    }

    void distance(std::int64_t limit_km) {
        if (!e.distance) {
            part(Part::distance, k_missing_share, [&] {
                const bool candidate_side = !c.location;
                const auto& plz = candidate_side ? c.plz : o.plz;
                const auto where =
                    candidate_side ? record_candidate("plz PLZ") : record_opening("plz PLZ");
                if (plz.empty()) {
                    return candidate_side
                               ? _f("candidate has no PLZ: distance missing, {}", where)
                               : _f("the opening has no PLZ: distance missing, {}", where);
                }
                return _f("PLZ {} is not a German postal code: distance missing, {}", plz, where);
            });
            return;
        }
        const double d = *e.distance;
        const double share = limit_km > 0 ? 1.0 - d / static_cast<double>(limit_km) : 1.0;
        std::string reason;
        if (explain) {
            // One sentence for each combination of the candidate's own radius (or the default)
            // and the opening's limit (or none).
            const auto km = format_number(d, 1, ui_language());
            const auto radius = c.radius_km.value_or(s.default_radius_km);
            if (c.radius_km && o.max_distance_km) {
                reason = _f("lives {} km away, willing to travel {} km, opening accepts {} km", km,
                            radius, *o.max_distance_km);
            } else if (c.radius_km) {
                reason = _f("lives {} km away, willing to travel {} km", km, radius);
            } else if (o.max_distance_km) {
                reason = _f("lives {} km away, willing to travel {} km (the default radius), "
                            "opening accepts {} km",
                            km, radius, *o.max_distance_km);
            } else {
                reason = _f("lives {} km away, willing to travel {} km (the default radius)", km,
                            radius);
            }
        }
        part(Part::distance, share, std::move(reason));
    }

    void permit(const WorkRule& rule) {
        double share = 1.0;
        switch (rule.permission) {
        case WorkPermission::free:
            break;
        case WorkPermission::title_job:
            // Blaue Karte EU since 18.11.2023 (§ 18g Abs. 4 AufenthG): a new employer is
            // notified, not approved, so the hire brings no more friction than a free status.
            share = rule.job_change == JobChange::notice ? 1.0 : 0.5;
            break;
        case WorkPermission::limited:
            share = 0.5;
            break;
        case WorkPermission::permit_required:
            share = 0.25;
            break;
        default:
            share = k_neutral_share;
            break;
        }
        part(Part::permit, share, [&] {
            return _f("residence status {}: {}", to_string(c.residence), permission_words(rule));
        });
    }

    void recognition() {
        if (!c.recognition) {
            part(Part::recognition, k_missing_share, [&] {
                return _f("recognition not recorded: missing, {}",
                          record_candidate("recognition STATUS"));
            });
            return;
        }
        double share = 0;
        switch (*c.recognition) {
        case Recognition::full:
        case Recognition::not_required:
        case Recognition::german_qualification:
            share = 1.0;
            break;
        case Recognition::partial:
            share = 0.75;
            break;
        case Recognition::pending:
        case Recognition::compensation_required:
            share = 0.5;
            break;
        case Recognition::counselling:
        case Recognition::not_applied:
            share = 0.25;
            break;
        case Recognition::rejected:
            share = 0;
            break;
        }
        part(Part::recognition, share, [&] {
            // The phrase for people, the code to type back.
            return _f("recognition: {} ({})", recognition_phrase(*c.recognition, ui_language()),
                      to_string(*c.recognition));
        });
    }

    void availability() {
        if (!c.available_from) {
            part(Part::availability, k_missing_share, [&] {
                return _f("availability not recorded: missing, {}",
                          record_candidate("available-from DATE"));
            });
            return;
        }
        const Date start = std::max(o.start_date.value_or(s.today), s.today);
        const Date from = *c.available_from;
        if (from <= start) {
            part(Part::availability, 1.0, [&] {
                return explain ? _f("available from {}, opening starts {}", match_day(from),
                                    match_day(start))
                               : std::string();
            });
            return;
        }
        const long late = from.days() - start.days();
        long window = 90;
        if (o.latest_start && o.latest_start->days() > start.days()) {
            window = o.latest_start->days() - start.days();
        }
        part(Part::availability, 1.0 - static_cast<double>(late) / static_cast<double>(window),
             [&] {
                 return fmt::format(fmt::runtime(n_("available from {}, {} day after the start {}",
                                                    "available from {}, {} days after the start {}",
                                                    static_cast<std::uint64_t>(late))),
                                    match_day(from), late, match_day(start));
             });
    }

    void run() {
        const auto& work_rule = rules.rule(c.residence);
        const auto permission = work_rule.permission;
        const std::int64_t limit_km = reach_limit_km(c, o, s);
        e.distance = pair_distance_km(c, o);
        if (!hard_rules(permission, limit_km)) {
            return;
        }
        e.permit_warning = permit_warning(c, o, s);
        if (explain) {
            if (e.permit_warning) {
                note(_f("warning: residence title valid only until {}, less than {} "
                        "days after the start {}; check its extension before proposing",
                        match_day(*e.permit_warning), s.permit_warn_days,
                        match_day(o.start_date.value_or(s.today))));
            }
            if (permission == WorkPermission::unknown) {
                note(_("residence status needs clarifying before a hire"));
            }
            if (c.kldb && o.kldb && s.min_kldb_digits == 0) {
                note(_("match.min_kldb_digits = 0: occupation does not filter"));
            }
            if (!c.kldb || !o.kldb) {
                note(_("no KldB code on one side: the occupation rule was not applied"));
            }
            if (c.kldb && o.kldb && c.kldb->requirement_level() < o.kldb->requirement_level()) {
                note(_f("the candidate's target level is below the opening's ({} for "
                        "{}): check the qualification before proposing",
                        level_words(c.kldb->requirement_level()),
                        level_words(o.kldb->requirement_level())));
            }
            if (!e.distance) {
                note(_("place unknown on one side: the distance rule was not applied"));
            }
        }
        occupation();
        german();
        distance(limit_km);
        permit(work_rule);
        recognition();
        availability();
        for (const auto& p : e.parts) {
            e.total_milli += p.milli;
        }
    }
};

} // namespace

int required_kldb_digits(const MatchSettings& settings) {
    return std::max(settings.min_kldb_digits, 0);
}

std::int64_t reach_limit_km(const MatchCandidate& c, const MatchOpening& o,
                            const MatchSettings& settings) {
    return std::max(c.radius_km.value_or(settings.default_radius_km),
                    o.max_distance_km.value_or(0));
}

std::optional<double> pair_distance_km(const MatchCandidate& c, const MatchOpening& o) {
    if (!c.location || !o.location) {
        return std::nullopt;
    }
    // Rounded to 100 m, so that the rule and the score use the distance the output shows.
    return std::floor(distance_km(*c.location, *o.location) * 10.0 + 0.5) / 10.0;
}

bool within_reach(const MatchCandidate& c, const MatchOpening& o, const MatchSettings& settings) {
    return occupation_related(c, o, settings) &&
           near_enough(pair_distance_km(c, o), reach_limit_km(c, o, settings));
}

std::string_view to_string(Rule rule) {
    static constexpr std::string_view k_names[] = {"not-allowed-to-work",
                                                   "consent-expired",
                                                   "not-available",
                                                   "too-far",
                                                   "licence-missing",
                                                   "recognition-missing",
                                                   "occupation-unrelated",
                                                   "closed-before",
                                                   "no-consent",
                                                   "permit-ended",
                                                   "paused"};
    return k_names[static_cast<std::size_t>(rule)];
}

Evaluation evaluate(const MatchCandidate& c, const MatchOpening& o, const MatchSettings& settings,
                    const WorkRules& rules, bool explain) {
    Scorer scorer{c, o, settings, rules, explain, {}};
    scorer.run();
    return std::move(scorer.e);
}

bool candidate_excluded(const MatchCandidate& c, const MatchSettings& settings,
                        const WorkRules& rules) {
    return rules.rule(c.residence).permission == WorkPermission::not_allowed ||
           consent_rule(c, settings).has_value() || freshness_rule(c, settings).has_value();
}

std::optional<Rule> freshness_rule(const MatchCandidate& c, const MatchSettings& settings) {
    if (c.permit_until && *c.permit_until < settings.today) {
        return Rule::permit_ended;
    }
    if (c.last_confirmed &&
        settings.today.days() - c.last_confirmed->days() >= settings.pause_days) {
        return Rule::paused;
    }
    return std::nullopt;
}

std::optional<Date> permit_warning(const MatchCandidate& c, const MatchOpening& o,
                                   const MatchSettings& settings) {
    const auto start = o.start_date.value_or(settings.today);
    if (c.permit_until && *c.permit_until < start + static_cast<long>(settings.permit_warn_days)) {
        return c.permit_until;
    }
    return std::nullopt;
}

std::optional<Rule> consent_rule(const MatchCandidate& c, const MatchSettings& settings) {
    if (!c.consent) {
        return Rule::no_consent;
    }
    if (!c.consent->valid_on(settings.today)) {
        return Rule::consent_expired;
    }
    return std::nullopt;
}

std::string format_points(std::int64_t milli) {
    const bool negative = milli < 0;
    const auto magnitude = negative ? -milli : milli;
    auto text = fmt::format("{}{}.{:03}", negative ? "-" : "", magnitude / 1000, magnitude % 1000);
    while (text.back() == '0') {
        text.pop_back();
    }
    if (text.back() == '.') {
        text.pop_back();
    }
    return text;
}

std::string format_points(std::int64_t milli, Language lang) {
    auto text = format_points(milli);
    if (lang == Language::de) {
        std::replace(text.begin(), text.end(), '.', ',');
    }
    return text;
}

} // namespace werkstatt
