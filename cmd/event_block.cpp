// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt event block|unblock|blocks: periods in which a company does not host.
#include "core/i18n.hpp"
#include "event.hpp"
#include "events/events.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct BlockOptions {
    std::string company;
    std::optional<std::string> period;
    std::string reason;
    bool dry = false;
};

struct UnblockOptions {
    std::string company;
    std::optional<std::string> period;
    bool dry = false;
};

struct BlocksOptions {
    std::optional<std::string> company;
    std::optional<std::string> format;
};

void setup_block(CLI::App& group, Runtime& rt) {
    static BlockOptions o;
    auto* cmd = group.add_subcommand("block", _("Keep a company from hosting in a period"));
    cmd->add_option("COMPANY", o.company, _("Company key"))->required();
    cmd->add_option("PERIOD", o.period, _("2027Q2, 2027-05, 2027-05-12 or A..B"))->required();
    cmd->add_option("--reason", o.reason, _("Why (shown to the planner's readers)"));
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto b = add_host_block(db, o.company, *o.period, o.reason, dry_run(o.dry));
            rt.info(_f("{} {} from hosting in {}", verb(o.dry, N_("blocked"), N_("would block")),
                       b.company_key, b.period.str()));
        };
    });
}

void setup_unblock(CLI::App& group, Runtime& rt) {
    static UnblockOptions o;
    auto* cmd = group.add_subcommand("unblock", _("Lift a host block"));
    cmd->add_option("COMPANY", o.company, _("Company key"))->required();
    cmd->add_option("PERIOD", o.period, _("The period as blocked"))->required();
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto b = remove_host_block(db, o.company, *o.period, dry_run(o.dry));
            rt.info(_f("{} the block of {} for {}", verb(o.dry, N_("lifted"), N_("would lift")),
                       b.company_key, b.period.str()));
        };
    });
}

void setup_blocks(CLI::App& group, Runtime& rt) {
    static BlocksOptions o;
    auto* cmd = group.add_subcommand("blocks", _("List host blocks"));
    cmd->add_option("--company", o.company, _("Only this company's blocks"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            rt.print(host_block_records(host_blocks(db, o.company)), o.format);
        };
    });
}

} // namespace

void setup_event_blocks(CLI::App& group, Runtime& rt) {
    setup_block(group, rt);
    setup_unblock(group, rt);
    setup_blocks(group, rt);
}

} // namespace werkstatt::cli
