// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate duplicates|merge|unmerge: one person reported twice (#16).
#include "applicants/duplicates.hpp"
#include "applicants/exchange.hpp"
#include "applicants/merge.hpp"
#include "candidate.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct DuplicatesOptions {
    std::optional<std::string> format;
};

struct MergeOptions {
    std::string keep;
    std::string other;
    bool yes = false;
    bool dry = false;
};

struct UnmergeOptions {
    std::int64_t merge = 0;
    bool dry = false;
};

void setup_duplicates(CLI::App& group, Runtime& rt) {
    static DuplicatesOptions o;
    auto* cmd = group.add_subcommand("duplicates", _("List likely pairs of candidates that are one "
                                                     "person, with the evidence"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            rt.print(duplicate_records(db), o.format);
        };
    });
}

void setup_merge(CLI::App& group, Runtime& rt) {
    static MergeOptions o;
    auto* cmd = group.add_subcommand("merge", _("Merge candidate OTHER into KEEP (one person "
                                                "reported twice)"));
    cmd->add_option("KEEP", o.keep, _("Id or reference of the record to keep"))->required();
    cmd->add_option("OTHER", o.other, _("Id or reference of the record merged into it"))
        ->required();
    cmd->add_flag("-y,--yes", o.yes, _("Do not ask for confirmation"));
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            if (!o.dry) {
                const auto keep = require_candidate(db, o.keep, std::nullopt).id;
                const auto other = require_candidate(db, o.other, std::nullopt).id;
                rt.confirm(fmt::format("Merge candidate {} into candidate {}?", other, keep),
                           o.yes);
            }
            const auto r = merge_candidates(db, o.keep, o.other, dry_run(o.dry));
            for (const auto& note : r.notes) {
                rt.info(note);
            }
            rt.info(_f("{} candidate {} into candidate {} (filled: {})",
                       verb(o.dry, N_("merged"), N_("would merge")), r.other, r.keep,
                       r.filled.empty() ? "nothing" : text::join(r.filled, ", ")));
            if (!o.dry) {
                rt.info(_f("merge {}; undo with 'werkstatt candidate unmerge {}'", r.merge_id,
                           r.merge_id));
            }
        };
    });
}

void setup_unmerge(CLI::App& group, Runtime& rt) {
    static UnmergeOptions o;
    auto* cmd =
        group.add_subcommand("unmerge", _("Take back a merge: the other candidate returns"));
    cmd->add_option("MERGE", o.merge, _("Merge id (as 'candidate merge' said)"))->required();
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto r = undo_merge(db, o.merge, dry_run(o.dry));
            rt.info(_f("{} merge {}: candidate {} is back, candidate {} {}",
                       verb(o.dry, N_("undid"), N_("would undo")), o.merge, r.other, r.keep,
                       r.exact ? "as before the merge"
                               : "keeps its later changes (restored: " +
                                     text::join(r.restored, ", ") + ")"));
            warn_if_not_scrubbed(rt, db, r.scrubbed);
        };
    });
}

} // namespace

void setup_candidate_merge(CLI::App& group, Runtime& rt) {
    setup_duplicates(group, rt);
    setup_merge(group, rt);
    setup_unmerge(group, rt);
}

} // namespace werkstatt::cli
