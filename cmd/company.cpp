// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt company add|edit|archive, and the group with its parts in company_list.cpp: the
// register of member companies.
#include "company.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "members/members.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

// The two spellings of the hosting flag; plain bools, because a flag bound to an optional<bool>
// in two subcommands was set to "no" by CLI11 even where it was not given.
struct HostFlags {
    bool on = false;
    bool off = false;
};

// Set `f.can_host` from `flags` if one of them was given.
void apply_host_flags(const HostFlags& flags, CompanyFields& f) {
    if (flags.on) {
        f.can_host = true;
    } else if (flags.off) {
        f.can_host = false;
    }
}

// `company add` and `company edit`: the fields to set.
struct CompanyFieldOptions {
    CompanyFields fields;
    HostFlags host;
    bool dry = false;
};

struct CompanyEditOptions : CompanyFieldOptions {
    std::string key;
};

struct CompanyArchiveOptions {
    std::string key;
    std::optional<std::string> date;
    bool undo = false;
    bool dry = false;
};

// Bind the flags that set company fields; `creating` makes --key a field rather than the name.
void bind_fields(CLI::App* cmd, CompanyFields& f, HostFlags& host, bool creating) {
    if (creating) {
        cmd->add_option("--key", f.key, _("Short key scripts use, e.g. mueller"))->required();
        cmd->add_option("--name", f.name, _("Company name"))->required();
        cmd->add_option("--plz", f.plz, _("Postal code (five digits)"))->required();
    } else {
        cmd->add_option("--new-key", f.key, _("Give the company a new key"));
        cmd->add_option("--name", f.name, _("Company name"));
        cmd->add_option("--plz", f.plz, _("Postal code (five digits)"));
    }
    cmd->add_option("--industry", f.industry, _("Industry (Branche)"));
    cmd->add_option("--street", f.street, _("Street and number"));
    cmd->add_option("--city", f.city,
                    _("Town or place (chooses the district where a PLZ spans two)"));
    cmd->add_option("--district", f.district, _("District name or key (default: from the PLZ)"));
    auto* on = cmd->add_flag("--can-host", host.on, _("It can host a Werkstatt meeting"));
    cmd->add_flag("--no-can-host", host.off, _("It cannot host (any more)"))->excludes(on);
    cmd->add_option("--capacity", f.capacity, _("Seats at the venue (0 clears)"));
    cmd->add_option("--member-since", f.member_since,
                    _("Date it joined, YYYY-MM-DD or DD.MM.YYYY"));
    cmd->add_option("--notes", f.notes, _("Free notes"));
    cmd->add_option("--size", f.size,
                    _("micro, small, medium, large or unknown (KMU definition, EU 2003/361/EC)"));
}

void report_outcome(Runtime& rt, const CompanyOutcome& out, bool dry, const char* past,
                    const char* would) {
    for (const auto& w : out.warnings) {
        rt.warn(w);
    }
    if (out.changed.empty() && std::string_view(past) != "added") {
        rt.info(_f("company {}: nothing to change", out.company.key));
        return;
    }
    rt.info(_f("{} company {} (id {})", verb(dry, past, would), out.company.key, out.company.id));
    for (const auto& n : out.notes) {
        rt.info(dry ? "would have " + n : n);
    }
}

void setup_company_add(CLI::App& group, Runtime& rt) {
    static CompanyFieldOptions o;
    auto* cmd = group.add_subcommand("add", _("Add a member company"));
    bind_fields(cmd, o.fields, o.host, true);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            apply_host_flags(o.host, o.fields);
            auto db = rt.open(Access::read_write);
            const auto out = add_company(db, o.fields, member_policy(rt), dry_run(o.dry));
            report_outcome(rt, out, o.dry, N_("added"), N_("would add"));
        };
    });
}

void setup_company_edit(CLI::App& group, Runtime& rt) {
    static CompanyEditOptions o;
    auto* cmd = group.add_subcommand("edit", _("Change a company's fields"));
    cmd->add_option("KEY", o.key, _("Company key"))->required();
    bind_fields(cmd, o.fields, o.host, false);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            apply_host_flags(o.host, o.fields);
            auto db = rt.open(Access::read_write);
            const auto out = edit_company(db, o.key, o.fields, member_policy(rt), dry_run(o.dry));
            report_outcome(rt, out, o.dry, N_("changed"), N_("would change"));
        };
    });
}

void setup_archive(CLI::App& group, Runtime& rt) {
    static CompanyArchiveOptions o;
    auto* cmd =
        group.add_subcommand("archive", _("Archive a company (or bring it back with --undo)"));
    cmd->add_option("KEY", o.key, _("Company key"))->required();
    auto* undo = cmd->add_flag("--undo", o.undo, _("Make an archived company active again"));
    cmd->add_option("--date", o.date,
                    _("Day it left the network, YYYY-MM-DD or DD.MM.YYYY (default: today)"))
        ->excludes(undo);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto day = reference_day(o.date);
            auto db = rt.open(Access::read_write);
            const auto action = o.undo ? ArchiveAction::restore : ArchiveAction::archive;
            const auto out = archive_company(db, o.key, action, dry_run(o.dry), day);
            report_outcome(rt, out, o.dry, o.undo ? N_("restored") : N_("archived"),
                           o.undo ? N_("would restore") : N_("would archive"));
        };
    });
}

} // namespace

MemberPolicy member_policy(Runtime& rt) {
    return rt.config().config.companies;
}

void setup_company(CLI::App& app, Runtime& rt) {
    auto* group = app.add_subcommand("company", _("Manage member companies"));
    group->require_subcommand(1);
    setup_company_add(*group, rt);
    setup_company_list(*group, rt);
    setup_company_show(*group, rt);
    setup_company_edit(*group, rt);
    setup_archive(*group, rt);
    setup_company_import(*group, rt);
}

} // namespace werkstatt::cli
