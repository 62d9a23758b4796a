// SPDX-License-Identifier: GPL-3.0-or-later
#include "match/placements.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "match/views.hpp"
#include "store/import_store.hpp"

#include <fmt/format.h>

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

PlacementChange set_placement(Database& db, std::int64_t candidate_id, std::int64_t opening_id,
                              PlacementStatus status, const std::string& note, bool force,
                              DryRun dry_run) {
    WriteTransaction txn(db);
    if (!RecordTable(db, RecordKind::candidate).find_id(candidate_id)) {
        throw Error(
            ErrorKind::not_found,
            fmt::format("no candidate {}; 'werkstatt candidate list' shows them", candidate_id));
    }
    const auto openings = load_opening_rows(db, true, opening_id);
    const auto opening = openings.begin();
    if (openings.empty()) {
        throw Error(ErrorKind::not_found,
                    fmt::format("no opening {}; 'werkstatt opening list' shows them", opening_id));
    }
    const auto existing = find_placement(db, candidate_id, opening_id);
    PlacementChange change;
    change.to = status;
    if (existing) {
        const auto from = parse_placement_status(existing->status).value_or(status);
        change.from = from;
        change.id = existing->id;
        if (from == status) {
            throw Error(ErrorKind::conflict,
                        fmt::format("candidate {} for opening {} is {} already; nothing to change",
                                    candidate_id, opening_id, to_string(status)));
        }
        if (!force && !moves_forward(from, status)) {
            throw Error(ErrorKind::conflict,
                        fmt::format("candidate {} for opening {} is {}; moving to {} goes {}; "
                                    "add --force to correct a mistake",
                                    candidate_id, opening_id, to_string(from), to_string(status),
                                    is_final(from) ? "out of a final status" : "backward"));
        }
    }
    if (status == PlacementStatus::hired) {
        for (const auto& p : list_placements(db, PlacementFilter{"hired", candidate_id, {}})) {
            if (p.opening_id != opening_id) {
                throw Error(ErrorKind::conflict,
                            fmt::format("candidate {} is hired for opening {} already; set that "
                                        "placement to withdrawn first",
                                        candidate_id, p.opening_id));
            }
        }
        const bool holds =
            existing && (existing->status == "introduced" || existing->status == "interview");
        const auto taken = opening->taken - (holds ? 1 : 0);
        if (taken >= opening->positions && !force) {
            throw Error(ErrorKind::conflict,
                        fmt::format("opening {} has all {} positions taken; raise them with "
                                    "'werkstatt opening edit {} --positions N' or add --force",
                                    opening_id, opening->positions, opening_id));
        }
        change.opening_filled = taken + 1 >= opening->positions;
    }
    const auto now = utc_timestamp();
    if (existing) {
        update_placement(db, existing->id, std::string(to_string(status)),
                         note.empty() ? existing->note : note, now);
    } else {
        PlacementRow row;
        row.candidate_id = candidate_id;
        row.opening_id = opening_id;
        row.status = std::string(to_string(status));
        row.note = note;
        row.created_at = now;
        row.updated_at = now;
        change.id = insert_placement(db, row);
    }
    txn.audit("placement", change.id, "set",
              fmt::format("candidate={} opening={} status={}{}{}", candidate_id, opening_id,
                          change.from ? fmt::format("{}->", to_string(*change.from)) : "",
                          to_string(status), force ? " forced" : ""));
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

CommittedRun commit_proposal(Database& db, const MatchPool& pool, const Proposal& proposal,
                             const MatchSettings& settings, const WorkRules& rules,
                             const std::string& settings_text, DryRun dry_run) {
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
        const auto e = evaluate(c, o, settings, rules, true);
        keep.emplace_back(c.id, o.id);
        if (writer.add(c.id, o.id, pair.score_milli, text::join(explanation_lines(e), "\n"))) {
            ++out.new_placements;
        }
    }
    out.stale_removed = delete_stale_proposals(db, keep);
    txn.audit("match_run", out.run_id, "commit",
              fmt::format("assigned={} new_placements={} stale_removed={}", run.assigned,
                          out.new_placements, out.stale_removed));
    txn.finish(dry_run);
    return out;
}

} // namespace werkstatt
