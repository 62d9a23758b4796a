// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/advisors.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/row_source.hpp"
#include "store/advisory_store.hpp"

#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

void ensure_key_free(Database& db, const std::string& key) {
    if (find_advisor(db, key)) {
        throw Error(ErrorKind::conflict,
                    _f("advisor key '{}' is taken; choose another key or change it with "
                       "'werkstatt advisor edit {}'",
                       key, key));
    }
}

} // namespace

AdvisoryService require_advisor(Database& db, std::string_view key) {
    auto service = find_advisor(db, key);
    if (!service) {
        throw Error(ErrorKind::not_found,
                    _f("no advisory service with key '{}'; 'werkstatt advisor list' "
                       "shows the keys",
                       text::printable(key, 50)));
    }
    return *service;
}

AdvisorOutcome add_advisor(Database& db, const AdvisorFields& fields, DryRun dry_run) {
    AdvisorOutcome out;
    apply_advisor_fields(out.service, fields, out.changed);
    require_complete(out.service);
    WriteTransaction txn(db);
    ensure_key_free(db, out.service.key);
    out.service.id = insert_advisor(db, out.service);
    txn.audit("advisor", out.service.id, "add", "key=" + out.service.key);
    txn.finish(dry_run);
    return out;
}

AdvisorOutcome edit_advisor(Database& db, std::string_view key, const AdvisorFields& fields,
                            DryRun dry_run) {
    WriteTransaction txn(db);
    AdvisorOutcome out;
    out.service = require_advisor(db, key);
    apply_advisor_fields(out.service, fields, out.changed);
    if (out.changed.empty()) {
        return out;
    }
    require_complete(out.service);
    if (out.service.key != key) {
        ensure_key_free(db, out.service.key);
        // The shipped entry lives on under its new key: a catalogue update must not bring it
        // back under the old one.
        if (out.service.origin == Origin::catalogue) {
            mark_catalogue_removed(db, CatalogueKind::advisor, key);
        }
    }
    update_advisor(db, out.service);
    txn.audit("advisor", out.service.id, "edit", "fields=" + text::join(out.changed, ","));
    txn.finish(dry_run);
    return out;
}

AdvisoryService remove_advisor(Database& db, std::string_view key, DryRun dry_run) {
    WriteTransaction txn(db);
    const auto service = require_advisor(db, key);
    delete_advisor(db, service.id);
    if (service.origin == Origin::catalogue) {
        mark_catalogue_removed(db, CatalogueKind::advisor, service.key);
    }
    txn.audit("advisor", service.id, "remove", "key=" + service.key);
    txn.finish(dry_run);
    return service;
}

AdvisorImportReport import_advisors(Database& db, std::istream& in, const std::string& source,
                                    DryRun dry_run) {
    const auto rows = csv_row_source(in, source);
    return import_advisors(db, *rows, dry_run);
}

AdvisorImportReport import_advisors(Database& db, RowSource& reader, DryRun dry_run) {
    const auto rows = read_advisor_rows(reader);
    KeyedImport keyed(db, "advisor", reader.where(), RepeatedKey::refused);
    for (const auto& row : rows) {
        keyed.row(row.line, [&](KeyedImport& current) {
            if (!row.problem.empty()) {
                throw Error(ErrorKind::bad_data, row.problem);
            }
            // Every bad value of the row, each checked alone, as candidate import reports them.
            const auto check = [](const AdvisorFields& one) {
                AdvisoryService scratch;
                std::vector<std::string> changed;
                apply_advisor_fields(scratch, one, changed);
            };
            const auto& f = row.fields;
            const auto problems = problems_field_by_field(
                f, check, &AdvisorFields::key, &AdvisorFields::organisation,
                &AdvisorFields::service, &AdvisorFields::topics, &AdvisorFields::districts,
                &AdvisorFields::street, &AdvisorFields::plz, &AdvisorFields::city,
                &AdvisorFields::contact_person, &AdvisorFields::phone, &AdvisorFields::email,
                &AdvisorFields::web, &AdvisorFields::languages, &AdvisorFields::opening_hours,
                &AdvisorFields::last_verified, &AdvisorFields::notes);
            if (!problems.empty()) {
                for (const auto& p : problems) {
                    current.problem(p);
                }
                return RowChange::none;
            }
            AdvisorOutcome outcome;
            const auto existing =
                row.fields.key ? find_advisor(db, text::trim(*row.fields.key)) : std::nullopt;
            if (existing) {
                outcome.service = *existing;
            }
            apply_advisor_fields(outcome.service, row.fields, outcome.changed);
            require_complete(outcome.service);
            current.key(outcome.service.key);
            for (const auto& w : row.warnings) {
                current.warn(w);
            }
            if (!existing) {
                insert_advisor(db, outcome.service);
                return RowChange::insert;
            }
            if (outcome.changed.empty()) {
                return RowChange::none;
            }
            update_advisor(db, outcome.service);
            return RowChange::update;
        });
    }
    return keyed.finish(dry_run);
}

std::vector<AdvisoryService> filter_advisors(const std::vector<AdvisoryService>& services,
                                             const AdvisorQuery& query) {
    std::vector<AdvisoryService> out;
    for (const auto& s : services) {
        if ((!query.topic || s.has_topic(*query.topic)) &&
            (!query.district_ags || s.serves(*query.district_ags))) {
            out.push_back(s);
        }
    }
    return out;
}

std::vector<AdvisoryService> select_advisors(Database& db, const AdvisorQuery& query) {
    return filter_advisors(list_advisors(db), query);
}

} // namespace werkstatt
