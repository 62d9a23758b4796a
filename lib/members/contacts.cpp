// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/names.hpp"
#include "core/text.hpp"
#include "domain/text_field.hpp"
#include "domain/values.hpp"
#include "members/company_fields.hpp"
#include "members/members.hpp"

#include <fmt/format.h>

namespace werkstatt {

namespace {

void apply_contact(Database& db, Contact& c, const ContactFields& f,
                   std::vector<std::string>& changed) {
    if (f.company) {
        const auto company = require_company(db, *f.company);
        assign_changed(c.company_id, company.id, "company", changed);
        c.company_key = company.key;
    }
    if (f.name) {
        auto name = clean_text("name", *f.name, 200);
        if (name.empty()) {
            throw Error(ErrorKind::bad_data, _("name is empty; give the contact's name"));
        }
        assign_changed(c.name, std::move(name), "name", changed);
    }
    if (f.role) {
        assign_changed(c.role, clean_text("role", *f.role, 200), "role", changed);
    }
    if (f.email) {
        std::string email;
        if (!text::trim(*f.email).empty()) {
            const auto parsed = Email::parse(*f.email);
            if (!parsed) {
                throw Error(ErrorKind::bad_data,
                            _f("email '{}' is not an address like name@firma.de; "
                               "correct it",
                               *f.email));
            }
            email = parsed->str();
        }
        assign_changed(c.email, email, "email", changed);
    }
    if (f.phone) {
        std::string phone;
        if (!text::trim(*f.phone).empty()) {
            const auto parsed = Phone::parse(*f.phone);
            if (!parsed) {
                throw Error(ErrorKind::bad_data,
                            _f("phone '{}' is not a telephone number; use digits, "
                               "blanks and + ( ) / - . only",
                               *f.phone));
            }
            phone = parsed->str();
        }
        assign_changed(c.phone, phone, "phone", changed);
    }
    if (f.salutation) {
        const auto value = text::trim(*f.salutation);
        std::string salutation;
        if (value == "frau" || value == "herr") {
            salutation = std::string(value);
        } else if (!value.empty() && value != "neutral") {
            throw Error(ErrorKind::bad_data,
                        _f("salutation '{}' is not frau, herr or neutral; give one of "
                           "them (neutral: \"Guten Tag\" with the full name)",
                           text::display_safe(*f.salutation)));
        }
        assign_changed(c.salutation, salutation, "salutation", changed);
    }
    if (f.invited) {
        assign_changed(c.invited, *f.invited, "invited", changed);
    }
}

} // namespace

Contact require_contact(Database& db, std::int64_t id) {
    auto contact = find_contact(db, id);
    if (!contact) {
        throw Error(ErrorKind::not_found,
                    _f("no contact with id {}; 'werkstatt contact list' shows the ids", id));
    }
    return *contact;
}

Contact add_contact(Database& db, const ContactFields& fields, DryRun dry_run) {
    if (!fields.company) {
        throw Error(ErrorKind::usage, _("a contact belongs to a company; give --company KEY"));
    }
    if (!fields.name) {
        throw Error(ErrorKind::usage, _("a contact needs a name; give --name"));
    }
    WriteTransaction txn(db);
    Contact contact;
    std::vector<std::string> changed;
    apply_contact(db, contact, fields, changed);
    contact.id = insert_contact(db, contact);
    txn.audit("contact", contact.id, "add", "company=" + contact.company_key);
    txn.finish(dry_run);
    return contact;
}

Contact edit_contact(Database& db, std::int64_t id, const ContactFields& fields,
                     std::vector<std::string>& changed, DryRun dry_run) {
    WriteTransaction txn(db);
    Contact contact = require_contact(db, id);
    apply_contact(db, contact, fields, changed);
    if (changed.empty()) {
        return contact;
    }
    update_contact(db, contact);
    txn.audit("contact", contact.id, "edit", "fields=" + text::join(changed, ","));
    txn.finish(dry_run);
    return contact;
}

RemovedContact remove_contact(Database& db, std::int64_t id, DryRun dry_run) {
    RemovedContact removed;
    removed.scrubbed = erase_and_scrub(
        db,
        [&](WriteTransaction& txn) {
            removed.contact = require_contact(db, id);
            delete_contact(db, id);
            txn.audit("contact", id, "remove", "company=" + removed.contact.company_key);
        },
        dry_run);
    return removed;
}

} // namespace werkstatt
