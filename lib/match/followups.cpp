// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/followups.hpp"
#include "core/i18n.hpp"

#include "applicants/leaving.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <array>

namespace werkstatt {

namespace {

constexpr std::array<std::string_view, 4> k_outcomes = {"employed", "left", "changed-employer",
                                                        "unknown"};

} // namespace

std::optional<FollowupOutcome> parse_followup_outcome(std::string_view text) {
    for (std::size_t i = 0; i < k_outcomes.size(); ++i) {
        if (text == k_outcomes[i]) {
            return static_cast<FollowupOutcome>(i);
        }
    }
    return std::nullopt;
}

std::string_view to_string(FollowupOutcome outcome) {
    return k_outcomes[static_cast<std::size_t>(outcome)];
}

void schedule_followups(Database& db, std::int64_t placement_id, Date hired_on,
                        const std::vector<int>& months) {
    for (const auto m : months) {
        upsert_followup(db, placement_id, m, add_months(hired_on, m).iso());
    }
}

std::vector<FollowupRow> list_followups(Database& db, std::optional<Date> due_by,
                                        std::optional<std::int64_t> candidate_id) {
    FollowupQuery query;
    if (due_by) {
        query.due_by = due_by->iso();
    }
    query.candidate_id = candidate_id;
    return load_followups(db, query);
}

Records followup_records(const std::vector<FollowupRow>& rows) {
    Records r;
    r.columns = {"id",      "candidate", "source",   "candidate_id", "opening",
                 "company", "title",     "hired_on", "mentor",       "months",
                 "due_on",  "outcome",   "reason",   "note",         "recorded_on"};
    for (const auto& f : rows) {
        r.rows.push_back(
            {f.id, f.candidate_reference, f.candidate_source, f.candidate_id, f.opening_id,
             f.company, f.opening_title, day_or_text(f.hired_on), text_or_null(f.mentor),
             static_cast<std::int64_t>(f.months), day_or_text(f.due_on),
             f.outcome ? Value{*f.outcome} : Value{std::string(f.ended ? "(left earlier)" : "")},
             text_or_null(f.reason), text_or_null(f.note),
             f.recorded_on ? day_or_text(*f.recorded_on) : Value{}});
    }
    return r;
}

FollowupRecorded record_followup(Database& db, std::int64_t id, FollowupOutcome outcome,
                                 const std::string& reason, const std::string& note, Date day,
                                 bool overwrite, DryRun dry_run) {
    WriteTransaction txn(db);
    FollowupQuery query;
    query.id = id;
    const auto rows = load_followups(db, query);
    if (rows.empty()) {
        throw Error(ErrorKind::not_found,
                    _f("no follow-up {} of a hire that stands; 'werkstatt followup "
                       "list' shows them",
                       id));
    }
    const auto& f = rows.front();
    if (!reason.empty() && outcome == FollowupOutcome::employed) {
        throw Error(ErrorKind::usage, _("--reason is for left, changed-employer or unknown; put "
                                        "anything else in --note"));
    }
    if (f.ended) {
        throw Error(ErrorKind::conflict,
                    _f("follow-up {}: an earlier follow-up of this hire found that "
                       "candidate {} left; nothing more to follow up",
                       id, f.candidate_id));
    }
    if (f.outcome && !overwrite) {
        throw Error(ErrorKind::conflict,
                    _f("follow-up {} is recorded already ({} on {}); add --force to "
                       "replace it",
                       id, *f.outcome, f.recorded_on.value_or(_("an unknown day"))));
    }
    if (day.iso() < f.hired_on) {
        throw Error(ErrorKind::conflict,
                    _f("the follow-up day {} is before the hire on {}; check --date",
                       human_date(day), f.hired_on));
    }
    FollowupRecorded out{f, {}};
    store_followup_outcome(db, id, std::string(to_string(outcome)), reason, note, day.iso());
    // Still employed when asked half a year after leaving the programme: the ESF+ longer-term
    // result, where nobody recorded it yet (`candidate follow-up` records it by hand).
    const bool employed =
        outcome == FollowupOutcome::employed || outcome == FollowupOutcome::changed_employer;
    const auto facts = load_exit_facts(db, f.candidate_id);
    if (employed && facts.exit_date && !facts.status_6m) {
        const auto left = Date::parse_iso(*facts.exit_date);
        if (left && !(day < add_months(*left, 5)) && !(add_months(*left, 8) < day)) {
            store_status_6m(db, f.candidate_id, "employed", day.iso());
            out.esf_status = "employed";
        }
    }
    txn.audit("followup", id, "record",
              fmt::format("placement={} months={} outcome={}{}{}", f.placement_id, f.months,
                          to_string(outcome), f.outcome ? " replaced" : "",
                          out.esf_status ? " status_6m=employed" : ""));
    txn.finish(dry_run);
    return out;
}

RetentionCounts retention(Database& db, int months, Date first, Date last) {
    return count_retention(db, months, add_months(first, -months).iso(),
                           add_months(last, -months).iso());
}

} // namespace werkstatt
