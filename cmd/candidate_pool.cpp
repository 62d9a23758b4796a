// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate confirm: a pool that stays fresh (#16).
#include "applicants/pool.hpp"
#include "candidate.hpp"
#include "core/i18n.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct CandidateConfirmOptions {
    std::string key;
    std::optional<std::string> source;
    std::optional<std::string> date;
    bool dry = false;
};

} // namespace

void setup_candidate_pool(CLI::App& group, Runtime& rt) {
    static CandidateConfirmOptions o;
    auto* confirm = group.add_subcommand(
        "confirm", _("Record that a candidate still wants to be placed (ends a pause)"));
    bind_candidate(confirm, o.key, o.source);
    confirm->add_option("--date", o.date,
                        _("The day of the confirmation, YYYY-MM-DD or DD.MM.YYYY (default today)"));
    add_dry_run_option(confirm, o.dry);
    confirm->callback([&rt] {
        rt.action = [&rt] {
            const auto day = reference_day(o.date);
            auto db = rt.open(Access::read_write);
            const auto done = confirm_candidate(db, o.key, o.source, day, dry_run(o.dry));
            rt.info(_f("{} candidate {} on {} (before: {})",
                       verb(o.dry, N_("confirmed"), N_("would confirm")), done.id,
                       human_date(done.day), done.before.empty() ? "never" : done.before));
        };
    });
}

} // namespace werkstatt::cli
