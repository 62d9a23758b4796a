// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt company add|list|show|edit|archive|import: the register of member companies.
#include "commands.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "members/members.hpp"
#include "reference/plz_directory.hpp"

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

struct CompanyOptions {
    CompanyFields fields;
    HostFlags host;
    std::string key;
    std::string file;
    std::optional<std::string> format;
    std::optional<std::string> district;
    bool all = false;
    bool hosts = false;
    bool undo = false;
    bool dry = false;
};

// Bind the flags that set company fields; `creating` makes --key a field rather than the name.
void bind_fields(CLI::App* cmd, CompanyFields& f, HostFlags& host, bool creating) {
    if (creating) {
        cmd->add_option("--key", f.key, "Short key scripts use, e.g. mueller")->required();
        cmd->add_option("--name", f.name, "Company name")->required();
        cmd->add_option("--plz", f.plz, "Postal code (five digits)")->required();
    } else {
        cmd->add_option("--new-key", f.key, "Give the company a new key");
        cmd->add_option("--name", f.name, "Company name");
        cmd->add_option("--plz", f.plz, "Postal code (five digits)");
    }
    cmd->add_option("--industry", f.industry, "Industry (Branche)");
    cmd->add_option("--street", f.street, "Street and number");
    cmd->add_option("--city", f.city, "Town or place (chooses the district where a PLZ spans two)");
    cmd->add_option("--district", f.district, "District name or key (default: from the PLZ)");
    auto* on = cmd->add_flag("--can-host", host.on, "It can host a Werkstatt meeting");
    cmd->add_flag("--no-can-host", host.off, "It cannot host (any more)")->excludes(on);
    cmd->add_option("--capacity", f.capacity, "Seats at the venue (0 clears)");
    cmd->add_option("--member-since", f.member_since, "Date it joined, YYYY-MM-DD");
    cmd->add_option("--notes", f.notes, "Free notes");
}

MemberPolicy policy(Runtime& rt) {
    return rt.config().config.companies;
}

void report_outcome(Runtime& rt, const CompanyOutcome& out, bool dry, const char* past,
                    const char* base) {
    for (const auto& w : out.warnings) {
        rt.warn(w);
    }
    if (out.changed.empty() && std::string_view(base) != "add") {
        rt.info(fmt::format("company {}: nothing to change", out.company.key));
        return;
    }
    rt.info(fmt::format("{} company {} (id {})", verb(dry, past, base), out.company.key,
                        out.company.id));
}

void setup_add(CLI::App& group, Runtime& rt, CompanyOptions& o) {
    auto* cmd = group.add_subcommand("add", "Add a member company");
    bind_fields(cmd, o.fields, o.host, true);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            apply_host_flags(o.host, o.fields);
            auto db = rt.open(Access::read_write);
            const auto out = add_company(db, o.fields, policy(rt), dry_run(o.dry));
            report_outcome(rt, out, o.dry, "added", "add");
        };
    });
}

void setup_list(CLI::App& group, Runtime& rt, CompanyOptions& o) {
    auto* cmd = group.add_subcommand("list", "List member companies");
    cmd->add_flag("--all", o.all, "Include archived companies");
    cmd->add_flag("--hosts", o.hosts, "Only companies that can host");
    cmd->add_option("--district", o.district, "Only companies in this district");
    add_format_option(cmd, o.format);
    cmd->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            CompanyFilter filter{o.all, std::nullopt, o.hosts};
            if (o.district) {
                const auto d = PlzDirectory::shipped().find_district(*o.district);
                if (!d) {
                    throw Error(ErrorKind::usage,
                                fmt::format("district '{}' is unknown; give a district name such "
                                            "as Magdeburg or Harz, or its key such as 15003",
                                            *o.district));
                }
                filter.district_ags = d->ags;
            }
            auto db = rt.open(Access::read_only);
            const auto format = rt.format(o.format);
            rt.print(company_records(list_companies(db, filter),
                                     format == Format::table ? Columns::brief : Columns::full),
                     o.format);
        };
    });
}

void setup_show(CLI::App& group, Runtime& rt, CompanyOptions& o) {
    auto* cmd = group.add_subcommand("show", "Show one company with its contacts");
    cmd->add_option("KEY", o.key, "Company key")->required();
    add_format_option(cmd, o.format);
    cmd->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_only);
            const auto company = require_company(db, o.key);
            rt.print(company_detail(company, list_contacts(db, company.id)), o.format);
        };
    });
}

void setup_edit(CLI::App& group, Runtime& rt, CompanyOptions& o) {
    auto* cmd = group.add_subcommand("edit", "Change a company's fields");
    cmd->add_option("KEY", o.key, "Company key")->required();
    bind_fields(cmd, o.fields, o.host, false);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            apply_host_flags(o.host, o.fields);
            auto db = rt.open(Access::read_write);
            const auto out = edit_company(db, o.key, o.fields, policy(rt), dry_run(o.dry));
            report_outcome(rt, out, o.dry, "changed", "change");
        };
    });
}

void setup_archive(CLI::App& group, Runtime& rt, CompanyOptions& o) {
    auto* cmd = group.add_subcommand("archive", "Archive a company (or bring it back with --undo)");
    cmd->add_option("KEY", o.key, "Company key")->required();
    cmd->add_flag("--undo", o.undo, "Make an archived company active again");
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto db = rt.open(Access::read_write);
            const auto action = o.undo ? ArchiveAction::restore : ArchiveAction::archive;
            const auto out = archive_company(db, o.key, action, dry_run(o.dry));
            report_outcome(rt, out, o.dry, o.undo ? "restored" : "archived",
                           o.undo ? "restore" : "archive");
        };
    });
}

void setup_import(CLI::App& group, Runtime& rt, CompanyOptions& o) {
    auto* cmd = group.add_subcommand("import", "Add or update companies from a CSV file");
    cmd->add_option("FILE", o.file, "CSV file with a header line (key, name, plz, ...)")
        ->required();
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt, &o] {
        rt.action = [&rt, &o] {
            auto in = open_import_file(o.file);
            auto db = rt.open(Access::read_write);
            const auto report = import_companies(db, in, o.file, policy(rt), dry_run(o.dry));
            for (const auto& w : report.warnings) {
                rt.warn(w);
            }
            report_import(rt,
                          ImportCounts{report.read, report.inserted, report.updated,
                                       report.unchanged, report.problems},
                          o.file, o.dry);
        };
    });
}

} // namespace

void setup_company(CLI::App& app, Runtime& rt) {
    static CompanyOptions options;
    auto* group = app.add_subcommand("company", "Manage member companies");
    group->require_subcommand(1);
    setup_add(*group, rt, options);
    setup_list(*group, rt, options);
    setup_show(*group, rt, options);
    setup_edit(*group, rt, options);
    setup_archive(*group, rt, options);
    setup_import(*group, rt, options);
}

} // namespace werkstatt::cli
