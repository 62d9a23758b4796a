// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate archive|remove, and the group with its parts in candidate_*.cpp: job
// seekers of the applicant exchange.
#include "candidate.hpp"
#include "applicants/exchange.hpp"
#include "commands.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "privacy/files.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct CandidateArchiveOptions {
    std::string key;
    std::optional<std::string> source;
    bool undo = false;
    bool dry = false;
};

struct CandidateRemoveOptions {
    std::string key;
    std::optional<std::string> source;
    bool yes = false;
    bool dry = false;
};

void setup_archive(CLI::App& group, Runtime& rt) {
    static CandidateArchiveOptions o;
    auto* archive = group.add_subcommand("archive", _("Take a candidate out of matching (--undo: "
                                                      "back in)"));
    bind_candidate(archive, o.key, o.source);
    archive->add_flag("--undo", o.undo, _("Make an archived candidate active again"));
    add_dry_run_option(archive, o.dry);
    archive->callback([&rt] {
        rt.action = [&rt] {
            if (o.undo) {
                change_candidate(rt, o.key, o.source, o.dry, {{"active", "true"}}, N_("restored"),
                                 N_("would restore"));
            } else {
                change_candidate(rt, o.key, o.source, o.dry, {{"active", "false"}}, N_("archived"),
                                 N_("would archive"));
            }
        };
    });
}

void setup_remove(CLI::App& group, Runtime& rt) {
    static CandidateRemoveOptions o;
    auto* remove = group.add_subcommand("remove", _("Erase a candidate for good (DSGVO Art. 17)"));
    bind_candidate(remove, o.key, o.source);
    remove->add_flag("-y,--yes", o.yes, _("Do not ask for confirmation"));
    add_dry_run_option(remove, o.dry);
    remove->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto record = require_candidate(db, o.key, o.source);
            if (!o.dry) {
                rt.confirm(fmt::format("Erase candidate {} and all that werkstatt keeps of them?",
                                       record.id),
                           o.yes);
            }
            const auto files = files_holding(db, record.id);
            const auto scrubbed = remove_candidate(db, record.id, dry_run(o.dry));
            rt.info(_f("{} candidate {}", verb(o.dry, N_("erased"), N_("would erase")), record.id));
            // werkstatt cannot erase what it wrote out; the person's right reaches those too.
            for (const auto& f : files) {
                rt.warn(_f("{} ({} file, written {}) may still hold candidate {}; "
                           "delete it or remove them from it by hand",
                           f.path, f.kind, f.written_at.substr(0, 10), record.id));
            }
            warn_if_not_scrubbed(rt, db, scrubbed);
        };
    });
}

} // namespace

void bind_candidate(CLI::App* cmd, std::string& key, std::optional<std::string>& source) {
    cmd->add_option("CANDIDATE", key, _("Id or the agency's reference"))->required();
    cmd->add_option("--source", source, _("Source, where a reference is not unique"));
}

void change_candidate(Runtime& rt, const std::string& key, const std::optional<std::string>& source,
                      bool dry, const std::map<std::string, std::string>& f, const char* past,
                      const char* would) {
    auto db = rt.open(Access::read_write);
    const auto out = edit_candidate(db, key, source, f, dry_run(dry),
                                    SensitivePolicy{rt.config().config.privacy.special_categories});
    if (out.changed.empty()) {
        rt.info(_f("candidate {}: nothing to change", out.id));
        return;
    }
    rt.info(
        _f("{} candidate {} ({})", verb(dry, past, would), out.id, text::join(out.changed, ", ")));
}

void setup_candidate(CLI::App& app, Runtime& rt) {
    auto* group = app.add_subcommand("candidate", _("Job seekers of the applicant exchange"));
    group->require_subcommand(1);
    add_import_command(*group, rt, "ba", RecordKind::candidate);
    setup_candidate_list(*group, rt);
    setup_candidate_show(*group, rt);
    setup_candidate_edit(*group, rt);
    setup_candidate_consent(*group, rt);
    setup_candidate_exit(*group, rt);
    setup_archive(*group, rt);
    setup_remove(*group, rt);
    setup_candidate_export(*group, rt);
    setup_candidate_card(*group, rt);
    setup_candidate_pool(*group, rt);
    setup_candidate_merge(*group, rt);
}

} // namespace werkstatt::cli
