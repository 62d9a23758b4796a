// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/placements.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "match/followups.hpp"
#include "match/views.hpp"
#include "store/followup_store.hpp"
#include "store/import_store.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

constexpr std::string_view k_status_names[] = {"proposed", "introduced", "interview",
                                               "hired",    "declined",   "withdrawn"};

int step(PlacementStatus s) {
    return static_cast<int>(s);
}

} // namespace

std::optional<PlacementStatus> parse_placement_status(std::string_view text) {
    for (std::size_t i = 0; i < std::size(k_status_names); ++i) {
        if (text == k_status_names[i]) {
            return static_cast<PlacementStatus>(i);
        }
    }
    return std::nullopt;
}

std::string_view to_string(PlacementStatus status) {
    return k_status_names[static_cast<std::size_t>(status)];
}

bool is_final(PlacementStatus status) {
    return status == PlacementStatus::hired || status == PlacementStatus::declined ||
           status == PlacementStatus::withdrawn;
}

bool moves_forward(PlacementStatus from, PlacementStatus to) {
    if (is_final(from) || from == to) {
        return false;
    }
    if (to == PlacementStatus::declined || to == PlacementStatus::withdrawn) {
        return true;
    }
    return step(to) > step(from);
}

std::string withdrawn_by_hire_note(const std::string& note, std::int64_t opening_id) {
    const auto reason = fmt::format("withdrawn: hired for opening {}", opening_id);
    return note.empty() ? reason : note + "; " + reason;
}

namespace {

// Refuse `mentor_id` for a placement at `opening` moving to `status`: a mentor is named with the
// hire and works for the opening's company.
void check_mentor(Database& db, std::int64_t mentor_id, const OpeningMatchRow& opening,
                  PlacementStatus status) {
    if (status != PlacementStatus::hired) {
        throw Error(ErrorKind::usage, _("a mentor is named with the hire; use --mentor with status "
                                        "hired"));
    }
    const auto company = company_of_contact(db, mentor_id);
    if (!company) {
        throw Error(ErrorKind::not_found,
                    _f("no contact {}; 'werkstatt contact list --company {}' shows "
                       "its contacts",
                       mentor_id, opening.company));
    }
    if (*company != opening.company) {
        throw Error(ErrorKind::conflict,
                    _f("contact {} works for {}, not for {}, which hires; name a "
                       "contact of {} ('werkstatt contact list --company {}')",
                       mentor_id, *company, opening.company, opening.company, opening.company));
    }
}

bool is_open(const std::string& status) {
    const auto s = parse_placement_status(status);
    return s && !is_final(*s);
}

std::optional<PlacementRow> hired_elsewhere(Database& db, std::int64_t candidate_id,
                                            std::int64_t opening_id) {
    for (auto& p : list_placements(db, PlacementFilter{"hired", candidate_id, {}})) {
        if (p.opening_id != opening_id) {
            return std::move(p);
        }
    }
    return std::nullopt;
}

// Refuse, unless `force`, an open status (proposed, introduced, interview) that would share the
// candidate's profile where it should not go: a candidate hired elsewhere, an opening that is
// closed, belongs to an archived company or has every position filled by a hire. A pair `held`
// in introduction or interview may move on.
void check_open_status(Database& db, std::int64_t candidate_id, const OpeningMatchRow& opening,
                       std::optional<PlacementStatus> held, PlacementStatus status, bool force) {
    if (force || is_final(status)) {
        return;
    }
    if (held && (*held == PlacementStatus::introduced || *held == PlacementStatus::interview)) {
        return; // already under way there: no new introduction
    }
    if (const auto hired = hired_elsewhere(db, candidate_id, opening.id)) {
        throw Error(ErrorKind::conflict,
                    _f("candidate {} is hired for opening {}; add --force to set them {} "
                       "for opening {} all the same",
                       candidate_id, hired->opening_id, to_string(status), opening.id));
    }
    if (!opening.company_active) {
        throw Error(ErrorKind::conflict,
                    _f("opening {} belongs to company {}, which is archived; restore it "
                       "with 'werkstatt company archive {} --undo' or add --force",
                       opening.id, opening.company, opening.company));
    }
    if (!opening.open) {
        throw Error(ErrorKind::conflict,
                    _f("opening {} is closed; add --force to set a placement there all "
                       "the same",
                       opening.id));
    }
    if (opening.hired >= opening.positions) {
        throw Error(ErrorKind::conflict,
                    _f("opening {} has all {} positions filled by hires; raise them with "
                       "'werkstatt opening edit {} --positions N' or add --force",
                       opening.id, opening.positions, opening.id));
    }
}

// Withdraw the other open placements of the hired candidate `candidate_id`, with the reason in
// their note; return them as they were.
std::vector<PlacementRow> withdraw_others(Database& db, std::int64_t candidate_id,
                                          std::int64_t opening_id, Date day,
                                          const std::string& now) {
    std::vector<PlacementRow> withdrawn;
    for (auto& p : list_placements(db, PlacementFilter{{}, candidate_id, {}})) {
        if (p.opening_id != opening_id && is_open(p.status)) {
            update_placement(db, p.id, "withdrawn", withdrawn_by_hire_note(p.note, opening_id),
                             step_days(p.days, PlacementStatus::withdrawn, day), now);
            withdrawn.push_back(std::move(p));
        }
    }
    return withdrawn;
}

std::string opening_list(const std::vector<PlacementRow>& rows) {
    std::vector<std::string> ids;
    for (const auto& p : rows) {
        ids.push_back(std::to_string(p.opening_id));
    }
    return text::join(ids, ",");
}

} // namespace

PlacementDays step_days(const PlacementDays& before, PlacementStatus status, Date day) {
    auto d = before;
    const auto iso = std::optional(day.iso());
    switch (status) {
    case PlacementStatus::proposed:
        d = PlacementDays{};
        break;
    case PlacementStatus::introduced:
        d.introduced_on = iso;
        d.interview_on.reset();
        d.hired_on.reset();
        d.closed_on.reset();
        break;
    case PlacementStatus::interview:
        d.interview_on = iso;
        d.hired_on.reset();
        d.closed_on.reset();
        break;
    case PlacementStatus::hired:
        d.hired_on = iso;
        d.closed_on.reset();
        break;
    case PlacementStatus::declined:
    case PlacementStatus::withdrawn:
        d.closed_on = iso;
        d.hired_on.reset();
        break;
    }
    return d;
}

PlacementChange move_placement(Database& db, std::int64_t candidate_id, std::int64_t opening_id,
                               PlacementStatus status, const std::string& note, bool force,
                               Date day, const HireDetails& hire) {
    if (!RecordTable(db, RecordKind::candidate).find_id(candidate_id)) {
        throw Error(ErrorKind::not_found,
                    _f("no candidate {}; 'werkstatt candidate list' shows them", candidate_id));
    }
    const auto openings = load_opening_rows(db, true, opening_id);
    const auto opening = openings.begin();
    if (openings.empty()) {
        throw Error(ErrorKind::not_found,
                    _f("no opening {}; 'werkstatt opening list' shows them", opening_id));
    }
    const auto existing = find_placement(db, candidate_id, opening_id);
    PlacementChange change;
    change.to = status;
    if (hire.mentor_id) {
        check_mentor(db, *hire.mentor_id, *opening, status);
        change.mentor_id = hire.mentor_id;
    }
    if (existing) {
        const auto from = parse_placement_status(existing->status).value_or(status);
        change.from = from;
        change.id = existing->id;
        if (from == status && status == PlacementStatus::hired && hire.mentor_id) {
            set_placement_mentor(db, existing->id, hire.mentor_id);
            change.mentor_only = true;
            return change;
        }
        if (from == status) {
            throw Error(ErrorKind::conflict,
                        _f("candidate {} for opening {} is {} already; nothing to change",
                           candidate_id, opening_id, to_string(status)));
        }
        if (!force && !moves_forward(from, status)) {
            throw Error(ErrorKind::conflict,
                        _f("candidate {} for opening {} is {}; moving to {} goes {}; "
                           "add --force to correct a mistake",
                           candidate_id, opening_id, to_string(from), to_string(status),
                           is_final(from) ? _("out of a final status") : _("backward")));
        }
    }
    check_open_status(db, candidate_id, *opening, change.from, status, force);
    if (status == PlacementStatus::hired) {
        if (const auto hired = hired_elsewhere(db, candidate_id, opening_id)) {
            throw Error(ErrorKind::conflict,
                        _f("candidate {} is hired for opening {} already; set that "
                           "placement to withdrawn first",
                           candidate_id, hired->opening_id));
        }
        const bool holds =
            existing && (existing->status == "introduced" || existing->status == "interview");
        const auto taken = opening->taken - (holds ? 1 : 0);
        if (taken >= opening->positions && !force) {
            throw Error(ErrorKind::conflict,
                        _f("opening {} has all {} positions taken; raise them with "
                           "'werkstatt opening edit {} --positions N' or add --force",
                           opening_id, opening->positions, opening_id));
        }
        change.opening_filled = opening->hired + 1 >= opening->positions;
    }
    const auto now = utc_timestamp();
    if (existing) {
        update_placement(db, existing->id, std::string(to_string(status)),
                         note.empty() ? existing->note : note,
                         step_days(existing->days, status, day), now);
    } else {
        PlacementRow row;
        row.candidate_id = candidate_id;
        row.opening_id = opening_id;
        row.status = std::string(to_string(status));
        row.note = note;
        row.created_at = now;
        row.updated_at = now;
        row.days = step_days(PlacementDays{}, status, day);
        change.id = insert_placement(db, row);
    }
    if (status == PlacementStatus::hired) {
        set_placement_mentor(db, change.id, hire.mentor_id);
        schedule_followups(db, change.id, day, hire.followup_months);
        change.followups = hire.followup_months.size();
    } else if (existing && existing->status == "hired") {
        change.followups_dropped = delete_open_followups(db, change.id);
    }
    if (status == PlacementStatus::hired) {
        change.withdrawn = withdraw_others(db, candidate_id, opening_id, day, now);
        if (change.opening_filled) {
            for (auto& p : list_placements(db, PlacementFilter{{}, {}, opening_id})) {
                if (p.candidate_id != candidate_id && is_open(p.status)) {
                    change.still_open.push_back(std::move(p));
                }
            }
        }
    }
    return change;
}

std::string placement_audit_details(const PlacementChange& change, std::int64_t candidate_id,
                                    std::int64_t opening_id, bool force) {
    if (change.mentor_only) {
        return fmt::format("candidate={} opening={} mentor={}", candidate_id, opening_id,
                           change.mentor_id.value_or(0));
    }
    return fmt::format("candidate={} opening={} status={}{}{}{}{}", candidate_id, opening_id,
                       change.from ? fmt::format("{}->", to_string(*change.from)) : "",
                       to_string(change.to), force ? " forced" : "",
                       change.mentor_id && change.to == PlacementStatus::hired
                           ? fmt::format(" mentor={}", *change.mentor_id)
                           : std::string(),
                       change.withdrawn.empty() ? std::string()
                                                : fmt::format(" withdrew_openings={} reason=hired",
                                                              opening_list(change.withdrawn)));
}

PlacementChange set_placement(Database& db, std::int64_t candidate_id, std::int64_t opening_id,
                              PlacementStatus status, const std::string& note, bool force, Date day,
                              DryRun dry_run, const HireDetails& hire) {
    WriteTransaction txn(db);
    const auto change =
        move_placement(db, candidate_id, opening_id, status, note, force, day, hire);
    txn.audit("placement", change.id, "set",
              placement_audit_details(change, candidate_id, opening_id, force));
    txn.finish(dry_run);
    return change;
}

Records placement_records(const std::vector<PlacementRow>& rows) {
    Records r;
    r.columns = {"id",    "candidate", "source", "candidate_id", "opening", "company",
                 "title", "status",    "score",  "run",          "note",    "updated_at"};
    for (const auto& p : rows) {
        r.rows.push_back(
            {p.id, p.candidate_reference, p.candidate_source, p.candidate_id, p.opening_id,
             p.company, p.opening_title, p.status,
             p.score_milli ? Value{static_cast<double>(*p.score_milli) / 1000.0} : Value{},
             optional_value(p.run_id), text_or_null(p.note), p.updated_at});
    }
    return r;
}

namespace {

// Orders pool entries (sorted by id, see load_pool()) and ids.
template <typename T>
struct ById {
    bool operator()(const T& a, std::int64_t id) const { return a.id < id; }
    bool operator()(std::int64_t id, const T& a) const { return id < a.id; }
};

// Return why the earlier proposal of (`candidate_id`, `opening_id`) is not in a run over `pool`
// when its candidate or opening left the pool, or nothing if both are in it.
std::optional<std::string> left_pool(Database& db, const MatchPool& pool, std::int64_t candidate_id,
                                     std::int64_t opening_id) {
    if (!std::binary_search(pool.candidates.begin(), pool.candidates.end(), candidate_id,
                            ById<MatchCandidate>{})) {
        for (const auto& r : load_candidate_rows(db, true, candidate_id)) {
            return fmt::format("candidate {} is {}", candidate_id,
                               r.active ? "placed (hired, introduced or in interview)"
                                        : "archived");
        }
        return fmt::format("candidate {} is gone", candidate_id);
    }
    if (!std::binary_search(pool.openings.begin(), pool.openings.end(), opening_id,
                            ById<MatchOpening>{})) {
        for (const auto& r : load_opening_rows(db, true, opening_id)) {
            if (!r.company_active) {
                return fmt::format("company {} of opening {} is archived", r.company, opening_id);
            }
            return r.open ? fmt::format("opening {} has no free position", opening_id)
                          : fmt::format("opening {} is closed", opening_id);
        }
        return fmt::format("opening {} is gone", opening_id);
    }
    return std::nullopt;
}

// Return the proposals `gone` from a run over `pool` with `proposal`, each with its reason.
std::vector<RemovedProposal>
removal_reasons(Database& db, const MatchPool& pool, const Proposal& proposal,
                const std::vector<std::pair<std::int64_t, std::int64_t>>& gone) {
    std::vector<RemovedProposal> out;
    std::map<std::pair<std::int64_t, std::int64_t>, std::size_t> in_pool; // pair -> index in out
    for (const auto& [c, o] : gone) {
        auto why = left_pool(db, pool, c, o);
        if (!why) {
            in_pool.emplace(std::pair(c, o), out.size());
            why = fmt::format("a hard rule excludes the pair now ('werkstatt match --candidate {} "
                              "--explain')",
                              c);
        }
        out.push_back(RemovedProposal{c, o, std::move(*why)});
    }
    if (!in_pool.empty()) {
        for (const auto& p : proposal.pairs) {
            const auto it = in_pool.find(
                std::pair(pool.candidates[p.candidate].id, pool.openings[p.opening].id));
            if (it != in_pool.end()) {
                out[it->second].reason = "the optimal proposal chose other pairs";
            }
        }
    }
    return out;
}

} // namespace

CommittedRun commit_proposal(Database& db, const MatchPool& pool, const Proposal& proposal,
                             const MatchSettings& settings, const WorkRules& rules,
                             const std::string& settings_text, DryRun dry_run,
                             Language stored_lang) {
    WriteTransaction txn(db);
    const auto now = utc_timestamp();
    MatchRunRow run;
    run.reference_day = settings.today.iso();
    run.settings = settings_text;
    run.candidates = static_cast<std::int64_t>(pool.candidates.size());
    run.openings = static_cast<std::int64_t>(pool.openings.size());
    run.pairs = static_cast<std::int64_t>(proposal.pairs.size());
    run.assigned = static_cast<std::int64_t>(proposal.assignment.chosen.size());
    run.total_milli = proposal.assignment.total_milli;
    run.created_at = now;
    CommittedRun out;
    out.run_id = insert_match_run(db, run);
    std::vector<std::pair<std::int64_t, std::int64_t>> keep;
    RunWriter writer(db, out.run_id, now);
    for (const auto k : proposal.assignment.chosen) {
        const auto& pair = proposal.pairs[k];
        const auto& c = pool.candidates[pair.candidate];
        const auto& o = pool.openings[pair.opening];
        std::string explanation;
        {
            const LanguageScope stored(stored_lang); // the record's language, not the terminal's
            explanation =
                text::join(explanation_lines(evaluate(c, o, settings, rules, true)), "\n");
        }
        keep.emplace_back(c.id, o.id);
        if (writer.add(c.id, o.id, pair.score_milli, explanation)) {
            ++out.new_placements;
        }
    }
    const auto gone = delete_stale_proposals(db, keep);
    out.stale_removed = gone.size();
    out.removed = removal_reasons(db, pool, proposal, gone);
    txn.audit("match_run", out.run_id, "commit",
              fmt::format("assigned={} new_placements={} stale_removed={}", run.assigned,
                          out.new_placements, out.stale_removed));
    txn.finish(dry_run);
    return out;
}

} // namespace werkstatt
