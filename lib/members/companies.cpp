// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.hpp"
#include "core/text.hpp"
#include "members/company_fields.hpp"
#include "members/members.hpp"
#include "reference/plz_directory.hpp"

#include <fmt/format.h>

namespace werkstatt {

using members_detail::apply_fields;
using members_detail::require_complete;

namespace {

void ensure_key_free(Database& db, const std::string& key) {
    if (find_company(db, key)) {
        throw Error(ErrorKind::conflict,
                    fmt::format("company key '{}' is taken; choose another key or edit it with "
                                "'werkstatt company edit {}'",
                                key, key));
    }
}

} // namespace

std::string district_filter_ags(std::string_view name_or_key) {
    const auto d = PlzDirectory::shipped().find_district(name_or_key);
    if (!d) {
        throw Error(ErrorKind::usage,
                    fmt::format("district '{}' is unknown; give a district name such "
                                "as Magdeburg or Harz, or its key such as 15003",
                                name_or_key));
    }
    return d->ags;
}

Company require_company(Database& db, std::string_view key) {
    auto company = find_company(db, key);
    if (!company) {
        throw Error(ErrorKind::not_found,
                    fmt::format("no company with key '{}'; 'werkstatt company list --all' shows "
                                "the keys",
                                key));
    }
    return *company;
}

CompanyOutcome add_company(Database& db, const CompanyFields& fields, const MemberPolicy& policy,
                           DryRun dry_run) {
    CompanyOutcome out;
    if (!fields.member_since) {
        out.company.member_since = Date::today();
    }
    apply_fields(out.company, fields, policy, out.changed, out.warnings);
    require_complete(out.company);
    WriteTransaction txn(db);
    ensure_key_free(db, out.company.key);
    out.company.id = insert_company(db, out.company);
    txn.audit("company", out.company.id, "add", "key=" + out.company.key);
    txn.finish(dry_run);
    return out;
}

CompanyOutcome edit_company(Database& db, std::string_view key, const CompanyFields& fields,
                            const MemberPolicy& policy, DryRun dry_run) {
    WriteTransaction txn(db);
    CompanyOutcome out;
    out.company = require_company(db, key);
    apply_fields(out.company, fields, policy, out.changed, out.warnings);
    if (out.changed.empty()) {
        return out;
    }
    if (out.company.key != key) {
        ensure_key_free(db, out.company.key);
    }
    update_company(db, out.company);
    txn.audit("company", out.company.id, "edit", "fields=" + text::join(out.changed, ","));
    txn.finish(dry_run);
    return out;
}

CompanyOutcome archive_company(Database& db, std::string_view key, ArchiveAction action,
                               DryRun dry_run) {
    WriteTransaction txn(db);
    CompanyOutcome out;
    out.company = require_company(db, key);
    const bool active = action == ArchiveAction::restore;
    if (out.company.active == active) {
        out.warnings.push_back(
            fmt::format("company {} is {} already", key, active ? "active" : "archived"));
        return out;
    }
    out.company.active = active;
    out.changed.emplace_back("active");
    update_company(db, out.company);
    txn.audit("company", out.company.id, active ? "restore" : "archive");
    txn.finish(dry_run);
    return out;
}

} // namespace werkstatt
