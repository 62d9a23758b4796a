// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/merge.hpp"
#include "core/i18n.hpp"

#include "applicants/exchange.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "store/import_store.hpp"
#include "store/merge_store.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace werkstatt {

namespace {

// Columns that go together: the first says whether KEEP has the fact; the others come with it.
// In the order of the columns; `active` goes with the exit (someone who left is not matched).
const std::vector<std::vector<std::string>>& fill_groups() {
    static const std::vector<std::vector<std::string>> groups = [] {
        const std::vector<std::vector<std::string>> together = {
            {"plz", "city", "district_ags"},
            {"nationality", "nationality_code"},
            {"second_nationality", "second_nationality_code"},
            {"exit_date", "exit_situation", "status_6m", "status_6m_date", "active"}};
        std::vector<std::vector<std::string>> g;
        for (const auto& c : candidate_schema().columns) {
            if (c == "source" || c == "reference") {
                continue;
            }
            bool grouped = false;
            for (const auto& group : together) {
                if (std::find(group.begin(), group.end(), c) != group.end()) {
                    grouped = true;
                    if (group.front() == c) {
                        g.push_back(group);
                    }
                }
            }
            if (!grouped) {
                g.push_back({c});
            }
        }
        return g;
    }();
    return groups;
}

// Return true if `cell` of `column` holds nothing a person told: empty, or the default that
// means unknown.
bool empty_fact(const std::string& column, const Cell& cell) {
    if (!cell || cell->empty()) {
        return true;
    }
    return (column == "residence_status" && *cell == "unknown") ||
           (column == "gender" && *cell == "unspecified");
}

// Return KEEP's cells with its empty facts filled from OTHER's; `filled` gets the columns.
std::vector<Cell> filled_cells(const std::vector<Cell>& keep, const std::vector<Cell>& other,
                               std::vector<std::string>& filled) {
    const auto& schema = candidate_schema();
    auto out = keep;
    for (const auto& group : fill_groups()) {
        const auto first = schema.index(group.front());
        if (!empty_fact(group.front(), keep[first]) || empty_fact(group.front(), other[first])) {
            continue;
        }
        for (const auto& c : group) {
            const auto i = schema.index(c);
            if (out[i] != other[i]) {
                out[i] = other[i];
                filled.push_back(c);
            }
        }
    }
    return out;
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    for (const auto part : text::split(s, ',')) {
        if (!part.empty()) {
            out.emplace_back(part);
        }
    }
    return out;
}

// Return the JSON texts `rows` and `extra` as one: what a merge keeps in one image column.
std::string compose(const std::string& rows, const std::string& extra) {
    return nlohmann::json{{"rows", nlohmann::json::parse(rows)},
                          {"extra", nlohmann::json::parse(extra)}}
        .dump();
}

// Return the two parts of an image that compose() made.
std::pair<std::string, std::string> split_images(const std::string& image) {
    const auto j = nlohmann::json::parse(image);
    return {j.at("rows").dump(), j.at("extra").dump()};
}

bool same_row(const std::string& a, const std::string& b) {
    return nlohmann::json::parse(a) == nlohmann::json::parse(b);
}

// Return the columns of `columns` whose values differ between the JSON rows `a` and `b`.
std::vector<std::string> changed_columns(const std::string& a, const std::string& b,
                                         const std::vector<std::string>& columns) {
    const auto x = nlohmann::json::parse(a);
    const auto y = nlohmann::json::parse(b);
    std::vector<std::string> out;
    for (const auto& c : columns) {
        if (x.value(c, nlohmann::json()) != y.value(c, nlohmann::json())) {
            out.push_back(c);
        }
    }
    return out;
}

} // namespace

MergeOutcome merge_candidates(Database& db, const std::string& keep_key,
                              const std::string& other_key, DryRun dry_run) {
    WriteTransaction txn(db);
    const auto keep = require_candidate(db, keep_key, std::nullopt);
    const auto other = require_candidate(db, other_key, std::nullopt);
    if (keep.id == other.id) {
        throw Error(ErrorKind::usage,
                    _f("'{}' and '{}' are both candidate {}; a record cannot be merged "
                       "with itself, name two candidates ('werkstatt candidate "
                       "duplicates' lists likely pairs)",
                       text::display_safe(keep_key), text::display_safe(other_key), keep.id));
    }
    const auto& schema = candidate_schema();
    MergeOutcome out;
    out.keep = keep.id;
    out.other = other.id;
    MergeRecord m;
    m.keep_id = keep.id;
    m.other_id = other.id;
    m.other_source = other.cells[schema.index("source")].value_or("");
    m.other_reference = other.cells[schema.index("reference")].value_or("");
    m.merged_at = utc_timestamp();
    m.keep_before = candidate_row_image(db, keep.id);
    m.other_image = candidate_rows_image(db, other.id);
    m.id = insert_merge(db, m);

    const auto cells = filled_cells(keep.cells, other.cells, out.filled);
    if (!out.filled.empty()) {
        RecordTable(db, RecordKind::candidate).update(keep.id, cells, std::nullopt, m.merged_at);
    }
    const auto moved =
        move_candidate_rows(db, keep.id, other.id, m.other_source, m.other_reference, m.id);
    out.notes = moved.notes;
    delete_changes_of(db, "candidate", other.id);
    delete_changes_of(db, "consent", other.id);
    delete_record(db, "candidate", other.id);

    // The images: KEEP's row and replaced placements, OTHER's rows with what moved.
    m.keep_before = compose(*m.keep_before, moved.dropped_keep);
    m.keep_after = candidate_row_image(db, keep.id);
    m.other_image = compose(*m.other_image, moved.moved);
    m.filled = text::join(out.filled, ",");
    update_merge_images(db, m);
    txn.audit(
        "candidate", keep.id, "merge",
        // Ids only: an agency's reference names a person, and the audit log outlives an
        // erasure; the references are in the merge's before-image, erased with the person.
        fmt::format("merge={} keep={} other={} filled={}", m.id, keep.id, other.id, m.filled));
    txn.finish(dry_run);
    out.merge_id = dry_run == DryRun::yes ? 0 : m.id;
    return out;
}

UnmergeOutcome undo_merge(Database& db, std::int64_t merge_id, DryRun dry_run) {
    UnmergeOutcome out;
    out.scrubbed = erase_and_scrub(
        db,
        [&](WriteTransaction& txn) {
            const auto m = find_merge(db, merge_id);
            if (!m) {
                throw Error(ErrorKind::not_found,
                            _f("no merge {}; 'werkstatt audit list' shows the merges "
                               "(action merge)",
                               merge_id));
            }
            out.keep = m->keep_id;
            out.other = m->other_id;
            if (m->undone_at) {
                throw Error(ErrorKind::conflict,
                            _f("merge {} was undone already on {}; nothing to do", merge_id,
                               m->undone_at->substr(0, 10)));
            }
            if (m->images_purged_on || !m->keep_before || !m->keep_after || !m->other_image) {
                throw Error(ErrorKind::conflict,
                            _f("merge {} is older than privacy.claim_months: 'privacy "
                               "purge' erased the values it replaced on {}, so it cannot "
                               "be undone; correct the kept record by hand with 'werkstatt "
                               "candidate edit'",
                               merge_id, m->images_purged_on.value_or("?")));
            }
            RecordTable table(db, RecordKind::candidate);
            if (!table.find_id(m->keep_id)) {
                throw Error(ErrorKind::conflict,
                            _f("candidate {}, kept by merge {}, is gone (merged into "
                               "another or purged); undo that first",
                               m->keep_id, merge_id));
            }
            if (const auto later = later_merges_of(db, merge_id, m->keep_id); !later.empty()) {
                throw Error(ErrorKind::conflict,
                            _f("candidate {} was merged again by merge {} after merge "
                               "{}; undo merge {} first",
                               m->keep_id, later.back(), merge_id, later.back()));
            }
            if (!candidate_ids_by_reference(db, m->other_reference, m->other_source).empty() &&
                candidate_ids_by_reference(db, m->other_reference, m->other_source).front() !=
                    m->keep_id) {
                throw Error(ErrorKind::conflict,
                            _f("reference {}/{} of candidate {} is held by another "
                               "candidate now, so merge {} cannot be undone; remove or "
                               "merge that candidate first",
                               m->other_source, m->other_reference, m->other_id, merge_id));
            }
            const auto images = split_images(*m->keep_before);
            const auto other_parts = split_images(*m->other_image);
            if (const auto changed =
                    moved_rows_changed(db, m->keep_id, other_parts.second, other_parts.first);
                !changed.empty()) {
                throw Error(ErrorKind::conflict,
                            _f("{} of candidate {} changed after merge {} ({}); undoing "
                               "it would lose that change, so it stays merged",
                               text::join(changed, ", "), m->keep_id, merge_id,
                               "see 'werkstatt audit list'"));
            }
            const auto now_row = candidate_row_image(db, m->keep_id);
            const auto filled = split_list(m->filled);
            out.exact = same_row(now_row, *m->keep_after);
            if (!out.exact) {
                const auto changed = changed_columns(now_row, *m->keep_after, filled);
                if (!changed.empty()) {
                    throw Error(ErrorKind::conflict,
                                fmt::format(fmt::runtime(n_(
                                                "candidate {}'s {} changed after merge {} filled "
                                                "it; set it back by hand ('werkstatt candidate "
                                                "edit') or keep the merge",
                                                "candidate {}'s {} changed after merge {} filled "
                                                "them; set them back by hand ('werkstatt "
                                                "candidate edit') or keep the merge",
                                                changed.size())),
                                            m->keep_id, text::join(changed, ", "), merge_id));
                }
            }
            restore_candidate_rows(db, m->keep_id, m->other_id, other_parts.first,
                                   other_parts.second, images.second, merge_id);
            write_candidate_row(db, m->keep_id, images.first,
                                out.exact ? std::vector<std::string>{} : filled);
            out.restored = filled;
            mark_merge_undone(db, merge_id, utc_timestamp());
            txn.audit("candidate", m->keep_id, "unmerge",
                      fmt::format("merge={} keep={} other={} exact={}", merge_id, m->keep_id,
                                  m->other_id, out.exact ? "yes" : "no"));
        },
        dry_run);
    return out;
}

} // namespace werkstatt
