// SPDX-License-Identifier: GPL-3.0-or-later
#include "privacy/purge.hpp"
#include "core/i18n.hpp"

#include <fmt/format.h>

namespace werkstatt {

namespace {

// Return the day `months` calendar months before `day` (the last day of a shorter month).
Date months_before(const Date& day, int months) {
    const int index = day.year() * 12 + (day.month() - 1) - months;
    const int year = index / 12;
    const int month = index % 12 + 1;
    const int last = days_in_month(year, month);
    return *Date::from_ymd(year, month, day.day() < last ? day.day() : last);
}

} // namespace

PurgeLimits purge_limits(const Date& as_of, const PrivacySettings& settings) {
    PurgeLimits limits;
    limits.as_of = as_of.iso();
    limits.consent_before = (as_of + -static_cast<long>(settings.grace_days)).iso();
    limits.left_before = months_before(as_of, settings.retention_months).iso();
    limits.claim_before = months_before(as_of, settings.claim_months).iso();
    return limits;
}

PurgeOutcome purge(Database& db, const Date& as_of, const PrivacySettings& settings,
                   DryRun dry_run) {
    const auto limits = purge_limits(as_of, settings);
    PurgeOutcome out;
    out.scrubbed = erase_and_scrub(
        db,
        [&](WriteTransaction& txn) {
            out.counts = purge_due(db, limits);
            const auto& c = out.counts;
            txn.audit("privacy", std::nullopt, "purge",
                      fmt::format("as_of={},candidates={},consent_ended={},inactive_or_exited={},"
                                  "match_pairs={},placement_notes={},import_before_images={},"
                                  "merge_before_images={}",
                                  limits.as_of, c.candidates(), c.consent_ended, c.left,
                                  c.match_pairs, c.placement_notes, c.import_images,
                                  c.merge_images));
        },
        dry_run);
    return out;
}

Records purge_count_records(const PurgeCounts& c) {
    Records r;
    r.columns = {"erased", "count"};
    // What was erased, for people: in the UI language (the count is the machine's part).
    r.rows = {{Value{_("candidates")}, Value{c.candidates()}},
              {Value{_("candidates: consent ended")}, Value{c.consent_ended}},
              {Value{_("candidates: inactive or exited")}, Value{c.left}},
              {Value{_("match pairs")}, Value{c.match_pairs}},
              {Value{_("placement notes")}, Value{c.placement_notes}},
              {Value{_("import before-images")}, Value{c.import_images}},
              {Value{_("merge before-images")}, Value{c.merge_images}}};
    return r;
}

Records consent_status_records(Database& db, const Date& as_of, int within_days) {
    Records r;
    r.columns = {"candidate_id", "pseudonym", "reference", "scope", "day", "state"};
    const auto today = as_of.iso();
    for (const auto& c : consents_ending(db, (as_of + within_days).iso())) {
        const char* state = c.withdrawn ? "withdrawn" : c.ends_on < today ? "ended" : "ending";
        r.rows.push_back({Value{c.candidate_id}, Value{fmt::format("B-{}", c.candidate_id)},
                          Value{c.reference}, Value{c.scope}, day_or_text(c.ends_on),
                          Value{std::string(state)}});
    }
    return r;
}

} // namespace werkstatt
