// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "members/company_fields.hpp"
#include "members/members.hpp"
#include "reference/plz_directory.hpp"
#include "store/event_store.hpp"

#include <fmt/format.h>

namespace werkstatt {

using members_detail::apply_fields;
using members_detail::require_complete;

namespace {

void ensure_key_free(Database& db, const std::string& key) {
    if (find_company(db, key)) {
        throw Error(ErrorKind::conflict,
                    _f("company key '{}' is taken; choose another key or edit it with "
                       "'werkstatt company edit {}'",
                       key, key));
    }
}

} // namespace

std::string district_filter_ags(std::string_view name_or_key) {
    const auto d = PlzDirectory::shipped().find_district(name_or_key);
    if (!d) {
        throw Error(ErrorKind::usage, _f("district '{}' is unknown; give a district name such "
                                         "as Magdeburg or Harz, or its key such as 15003",
                                         name_or_key));
    }
    return d->ags;
}

Company require_company(Database& db, std::string_view key) {
    auto company = find_company(db, key);
    if (!company) {
        throw Error(ErrorKind::not_found,
                    _f("no company with key '{}'; 'werkstatt company list --all' shows "
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

namespace {

constexpr std::string_view k_closed_openings = "closed_openings=";

std::string id_list(const std::vector<std::int64_t>& ids, std::string_view separator) {
    std::vector<std::string> parts;
    for (const auto id : ids) {
        parts.push_back(std::to_string(id));
    }
    return text::join(parts, separator);
}

// Return the openings the newest archiving of company `id` closed, from its audit row.
std::vector<std::int64_t> openings_closed_by_archive(Database& db, std::int64_t id) {
    std::vector<std::int64_t> ids;
    const auto details = last_audit_details(db, "company", id, "archive");
    if (!details || !details->starts_with(k_closed_openings)) {
        return ids;
    }
    const auto list = details->substr(k_closed_openings.size());
    for (const auto part : text::split(list, ',')) {
        if (const auto n = text::parse_int(text::trim(part))) {
            ids.push_back(*n);
        }
    }
    return ids;
}

// Close the openings of the archived company `c` and say what else needs the coordinator; return
// the audit details.
std::string archive_consequences(Database& db, const Company& c, CompanyOutcome& out) {
    const auto closed = close_company_openings(db, c.id, utc_timestamp());
    if (!closed.empty()) {
        out.notes.push_back(fmt::format(
            fmt::runtime(n_("closed its open opening {}: matching leaves it out; 'werkstatt "
                            "company archive {} --undo' reopens it",
                            "closed its open openings {}: matching leaves them out; 'werkstatt "
                            "company archive {} --undo' reopens them",
                            closed.size())),
            id_list(closed, ", "), c.key));
    }
    for (const auto& [opening, count] : placements_under_way(db, c.id)) {
        out.warnings.push_back(fmt::format(
            fmt::runtime(n_("opening {} has {} candidate introduced or in interview; settle it "
                            "with 'werkstatt placement set' ('werkstatt placement list "
                            "--opening {}')",
                            "opening {} has {} candidates introduced or in interview; settle "
                            "them with 'werkstatt placement set' ('werkstatt placement list "
                            "--opening {}')",
                            static_cast<std::uint64_t>(count))),
            opening, count, opening));
    }
    EventFilter filter;
    filter.host_id = c.id;
    for (const auto& e : list_events(db, filter)) {
        if (e.status == EventStatus::planned || e.status == EventStatus::confirmed) {
            out.warnings.push_back(
                _f("company {} hosts {} event {} on {}, which has no active host now; give it "
                   "another with 'werkstatt event edit {} --host KEY' or cancel it with 'werkstatt "
                   "event cancel {}'",
                   c.key, to_string(e.status), e.id, human_date(e.date), e.id, e.id));
        }
    }
    return closed.empty() ? std::string() : std::string(k_closed_openings) + id_list(closed, ",");
}

} // namespace

CompanyOutcome archive_company(Database& db, std::string_view key, ArchiveAction action,
                               DryRun dry_run, std::optional<Date> day) {
    WriteTransaction txn(db);
    CompanyOutcome out;
    out.company = require_company(db, key);
    const bool active = action == ArchiveAction::restore;
    if (out.company.active == active) {
        out.warnings.push_back(active ? _f("company {} is active already", key)
                                      : _f("company {} is archived already", key));
        return out;
    }
    out.company.active = active;
    out.changed.emplace_back("active");
    out.company.left_on = active ? std::nullopt : std::optional(day.value_or(Date::today()));
    out.changed.emplace_back("left_on");
    update_company(db, out.company);
    std::string details;
    if (active) {
        const auto reopened = reopen_company_openings(
            db, out.company.id, openings_closed_by_archive(db, out.company.id), utc_timestamp());
        if (!reopened.empty()) {
            out.notes.push_back(
                fmt::format(fmt::runtime(n_("reopened opening {}, closed when it was archived",
                                            "reopened openings {}, closed when it was archived",
                                            reopened.size())),
                            id_list(reopened, ", ")));
            details = "reopened_openings=" + id_list(reopened, ",");
        }
    } else {
        details = archive_consequences(db, out.company, out);
    }
    txn.audit("company", out.company.id, active ? "restore" : "archive", details);
    txn.finish(dry_run);
    return out;
}

} // namespace werkstatt
