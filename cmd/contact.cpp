// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt contact add|list|show|edit|remove: contact persons of member companies.
#include "commands.hpp"
#include "core/i18n.hpp"
#include "members/members.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct ContactAddOptions {
    ContactFields fields;
    bool dry = false;
};

struct ContactListOptions {
    std::optional<std::string> company;
    std::optional<std::string> format;
};

struct ContactShowOptions {
    std::int64_t id = 0;
    std::optional<std::string> format;
};

struct ContactEditOptions {
    std::int64_t id = 0;
    ContactFields fields;
    bool dry = false;
};

struct ContactRemoveOptions {
    std::int64_t id = 0;
    bool yes = false;
    bool dry = false;
};

void bind_fields(CLI::App* cmd, ContactFields& f) {
    cmd->add_option("--role", f.role, _("Role, e.g. Personalleitung"));
    cmd->add_option("--email", f.email, _("Email address"));
    cmd->add_option("--phone", f.phone, _("Telephone number"));
    cmd->add_option("--salutation", f.salutation,
                    _("Anrede in invitations: frau, herr or neutral (default: neutral)"));
    cmd->add_option("--invited", f.invited,
                    _("Whether the contact receives invitations to meetings: yes (default) or no"));
}

void setup_contact_add(CLI::App& group, Runtime& rt) {
    static ContactAddOptions o;
    auto* cmd = group.add_subcommand("add", _("Add a contact person to a company"));
    cmd->add_option("--company", o.fields.company, _("Company key"))->required();
    cmd->add_option("--name", o.fields.name, _("Full name"))->required();
    bind_fields(cmd, o.fields);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto c = add_contact(db, o.fields, dry_run(o.dry));
            rt.info(_f("{} contact {} at {}", verb(o.dry, N_("added"), N_("would add")), c.id,
                       c.company_key));
        };
    });
}

void setup_list(CLI::App& group, Runtime& rt) {
    static ContactListOptions o;
    auto* cmd = group.add_subcommand("list", _("List contact persons"));
    cmd->add_option("--company", o.company, _("Only the contacts of this company"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            std::optional<std::int64_t> company_id;
            if (o.company) {
                company_id = require_company(db, *o.company).id;
            }
            rt.print(contact_records(list_contacts(db, company_id)), o.format);
        };
    });
}

void setup_show(CLI::App& group, Runtime& rt) {
    static ContactShowOptions o;
    auto* cmd = group.add_subcommand("show", _("Show one contact person"));
    cmd->add_option("ID", o.id, _("Contact id"))->required();
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            rt.print(contact_detail(require_contact(db, o.id)), o.format);
        };
    });
}

void setup_contact_edit(CLI::App& group, Runtime& rt) {
    static ContactEditOptions o;
    auto* cmd = group.add_subcommand("edit", _("Change a contact person"));
    cmd->add_option("ID", o.id, _("Contact id"))->required();
    cmd->add_option("--company", o.fields.company, _("Move to this company"));
    cmd->add_option("--name", o.fields.name, _("Full name"));
    bind_fields(cmd, o.fields);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            std::vector<std::string> changed;
            const auto c = edit_contact(db, o.id, o.fields, changed, dry_run(o.dry));
            if (changed.empty()) {
                rt.info(_f("contact {}: nothing to change", c.id));
                return;
            }
            rt.info(_f("{} contact {}", verb(o.dry, N_("changed"), N_("would change")), c.id));
        };
    });
}

void setup_remove(CLI::App& group, Runtime& rt) {
    static ContactRemoveOptions o;
    auto* cmd = group.add_subcommand("remove", _("Delete a contact person for good"));
    cmd->add_option("ID", o.id, _("Contact id"))->required();
    cmd->add_flag("-y,--yes", o.yes, _("Do not ask for confirmation"));
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            if (!o.dry) {
                const auto c = require_contact(db, o.id);
                rt.confirm(fmt::format("Delete contact {} ({}, {})?", c.id, c.name, c.company_key),
                           o.yes);
            }
            const auto removed = remove_contact(db, o.id, dry_run(o.dry));
            rt.info(_f("{} contact {}", verb(o.dry, N_("removed"), N_("would remove")),
                       removed.contact.id));
            warn_if_not_scrubbed(rt, db, removed.scrubbed);
        };
    });
}

} // namespace

void setup_contact(CLI::App& app, Runtime& rt) {
    auto* group = app.add_subcommand("contact", _("Manage contact persons of member companies"));
    group->require_subcommand(1);
    setup_contact_add(*group, rt);
    setup_list(*group, rt);
    setup_show(*group, rt);
    setup_contact_edit(*group, rt);
    setup_remove(*group, rt);
}

} // namespace werkstatt::cli
