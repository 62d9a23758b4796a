// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/exchange.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "members/members.hpp"
#include "reference/plz_directory.hpp"
#include "store/import_store.hpp"
#include "store/merge_store.hpp"

#include <fmt/format.h>
#include <set>

namespace werkstatt {

namespace {

ExchangeRecord load(Database& db, RecordKind kind, std::int64_t id) {
    RecordTable table(db, kind);
    const auto r = table.find_id(id);
    if (!r) {
        throw Error(ErrorKind::not_found,
                    _f("no {} with id {}; 'werkstatt {} list --all' shows them", to_string(kind),
                       id, to_string(kind)));
    }
    ExchangeRecord out{r->id, r->cells, {}};
    if (kind == RecordKind::candidate) {
        out.consents = read_consents(db, id);
    }
    return out;
}

// Return the cell of `column` typed as JSON readers expect: numbers, yes/no, or text.
Value cell_value(const std::string& column, const Cell& c) {
    if (!c) {
        return Value{};
    }
    if (column == "radius_km" || column == "isced" || column == "positions" ||
        column == "max_distance_km") {
        if (const auto n = text::parse_int(*c)) {
            return Value{*n};
        }
    }
    if (column == "active" || column == "needs_recognition" || column == "foreign_background") {
        return Value{*c == "1"};
    }
    return Value{*c};
}

// The columns of a candidate shown by `candidate show` only: the facts for the reports to funders,
// special categories of personal data (Art. 9 GDPR) among them.
bool shown_only_in_detail(RecordKind kind, const std::string& column) {
    static const std::set<std::string> k_columns = {
        "country_of_birth",   "second_nationality", "second_nationality_code",
        "foreign_background", "unemployed_since",   "housing",
        "disability",         "minority",           "exit_situation",
        "status_6m",          "status_6m_date"};
    return kind == RecordKind::candidate && k_columns.count(column) != 0;
}

bool answered(const Cell& c) {
    return c && (*c == "yes" || *c == "no");
}

// Return true if `consents` hold a reporting consent that was given and not withdrawn: what
// the special categories need, to be stored and to be counted.
bool reporting_consented(const std::vector<Consent>& consents) {
    const auto c = find_consent(consents, Scope::reporting);
    return c && c->given_on && !c->withdrawn_on;
}

// Refuse a special category (Art. 9 GDPR) recorded as yes or no that `policy` does not allow
// or that has no reporting consent; `before` and `after` are the candidate `id`'s cells.
void check_special_categories(std::int64_t id, const std::map<std::string, std::string>& fields,
                              const std::vector<Cell>& before, const std::vector<Cell>& after,
                              const std::vector<Consent>& consents, const SensitivePolicy& policy) {
    const auto& schema = candidate_schema();
    for (const std::string field : {"disability", "minority"}) {
        const auto i = schema.index(field);
        if (fields.count(field) != 0 && answered(after[i]) && !policy.special_categories) {
            throw Error(ErrorKind::config,
                        _f("{} is a special category of personal data (Art. 9 GDPR) and "
                           "privacy.special_categories is off; the administrator must "
                           "switch it on before yes or no is recorded (declined is "
                           "always allowed)",
                           field));
        }
        if (after[i] != before[i] && answered(after[i]) && !reporting_consented(consents)) {
            throw Error(ErrorKind::conflict,
                        _f("{} yes or no needs the person's consent; record it first "
                           "with 'werkstatt candidate consent {} --scope reporting "
                           "--given-on DAY' (or clear {} with --{} unknown)",
                           field, id, field, field));
        }
    }
}

} // namespace

ExchangeRecord require_candidate(Database& db, const std::string& key,
                                 const std::optional<std::string>& source) {
    const auto by_ref = candidate_ids_by_reference(db, key, source);
    const auto number = text::parse_int(key);
    if (number && by_ref.empty() && !key.empty() && key.front() != '+') {
        if (RecordTable(db, RecordKind::candidate).find_id(*number)) {
            return load(db, RecordKind::candidate, *number);
        }
    }
    if (by_ref.size() > 1) {
        throw Error(ErrorKind::usage,
                    _f("reference '{}' is used by {} sources; name one with --source",
                       text::display_safe(key), by_ref.size()));
    }
    if (by_ref.empty()) {
        throw Error(ErrorKind::not_found,
                    _f("no candidate with id or reference '{}'; 'werkstatt candidate "
                       "list' shows them",
                       text::display_safe(key)));
    }
    return load(db, RecordKind::candidate, by_ref.front());
}

ExchangeRecord require_candidate_id(Database& db, std::int64_t id) {
    return load(db, RecordKind::candidate, id);
}

ExchangeRecord require_opening(Database& db, std::int64_t id) {
    return load(db, RecordKind::opening, id);
}

std::vector<ExchangeRecord> list_exchange(Database& db, RecordKind kind,
                                          const ExchangeFilter& filter) {
    const auto owner = kind == RecordKind::candidate ? filter.source : filter.company;
    RecordTable table(db, kind);
    std::vector<ExchangeRecord> out;
    std::map<std::int64_t, std::vector<ConsentRow>> consents;
    if (kind == RecordKind::candidate) {
        consents = all_consent_rows(db);
    }
    for (const auto id : record_ids(db, kind, filter.include_inactive, owner)) {
        if (auto r = table.find_id(id)) {
            ExchangeRecord record{r->id, std::move(r->cells), {}};
            if (const auto it = consents.find(id); it != consents.end()) {
                for (const auto& row : it->second) {
                    record.consents.push_back(consent_of_row(row));
                }
            }
            out.push_back(std::move(record));
        }
    }
    return out;
}

std::vector<std::string> edit_exchange(Database& db, RecordKind kind, std::int64_t id,
                                       const std::map<std::string, std::string>& fields,
                                       DryRun dry_run, const SensitivePolicy& policy) {
    WriteTransaction txn(db);
    const auto& schema = schema_of(kind);
    auto record = load(db, kind, id);
    auto cells = record.cells;
    if (fields.count("plz") > 0 && fields.count("city") == 0) {
        cells[schema.index("city")] = std::string(); // the old city belongs to the old PLZ
    }
    FieldContext context{DateFormat::iso, nullptr};
    for (const auto& [field, value] : fields) {
        if (kind == RecordKind::opening && field == "company") {
            require_company(db, value);
        }
        if (const auto p = normalise_field(kind, field, value, context, cells)) {
            throw Error(ErrorKind::bad_data, _f("{} '{}': {}; correct it", field,
                                                text::display_safe(value), p->message));
        }
    }
    derive_columns(kind, cells);
    if (kind == RecordKind::candidate) {
        check_special_categories(id, fields, record.cells, cells, record.consents, policy);
        const auto active = schema.index("active");
        const auto& left = cells[schema.index("exit_date")];
        if (fields.count("active") != 0 && cells[active] == Cell("1") &&
            record.cells[active] != cells[active] && left) {
            throw Error(ErrorKind::conflict,
                        _f("candidate {} left the programme on {}; take the exit back "
                           "with 'werkstatt candidate exit {} --undo' to match them "
                           "again",
                           id, *left, id));
        }
    }
    if (kind == RecordKind::opening) {
        auto& reference = cells[schema.index("reference")];
        if (!reference || reference->empty()) {
            throw Error(ErrorKind::bad_data, _("an opening's reference cannot be empty; give one "
                                               "(it identifies the opening in imports)"));
        }
    }
    std::vector<std::string> changed;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (cells[i] != record.cells[i]) {
            changed.push_back(schema.columns[i]);
        }
    }
    if (changed.empty()) {
        return changed;
    }
    RecordTable table(db, kind);
    table.update(id, cells, std::nullopt, utc_timestamp());
    txn.audit(to_string(kind), id, "edit", "fields=" + text::join(changed, ","));
    txn.finish(dry_run);
    return changed;
}

Scrubbed remove_candidate(Database& db, std::int64_t id, DryRun dry_run) {
    return erase_and_scrub(
        db,
        [&](WriteTransaction& txn) {
            load(db, RecordKind::candidate, id);
            delete_changes_of(db, "candidate", id);
            delete_changes_of(db, "consent", id);      // the consents' before-images
            delete_changes_of(db, "confirmation", id); // the days before an import confirmed
            delete_merges_of(db, id); // merges with their before-images, merged references
            delete_record(db, "candidate", id);
            txn.audit("candidate", id, "remove", "erased");
        },
        dry_run);
}

std::int64_t add_opening(Database& db, const std::map<std::string, std::string>& fields,
                         DryRun dry_run) {
    const auto company_it = fields.find("company");
    if (company_it == fields.end() || fields.find("title") == fields.end()) {
        throw Error(ErrorKind::usage, _("an opening needs --company and --title"));
    }
    WriteTransaction txn(db);
    const auto company = require_company(db, company_it->second);
    const auto& schema = opening_schema();
    auto cells = default_cells(RecordKind::opening);
    // The company's place unless the opening names its own (then the city goes with the PLZ).
    cells[schema.index("plz")] = company.plz;
    cells[schema.index("city")] = fields.count("plz") > 0 ? "" : company.city;
    FieldContext context{DateFormat::iso, nullptr};
    for (const auto& [field, value] : fields) {
        if (const auto p = normalise_field(RecordKind::opening, field, value, context, cells)) {
            throw Error(ErrorKind::bad_data, _f("{} '{}': {}; correct it", field,
                                                text::display_safe(value), p->message));
        }
    }
    derive_columns(RecordKind::opening, cells);
    auto& reference = cells[schema.index("reference")];
    if (reference && reference->empty()) {
        reference.reset(); // several hand-made openings may have no reference
    }
    RecordTable table(db, RecordKind::opening);
    const auto id = table.insert(cells, std::nullopt, utc_timestamp());
    if (!reference) {
        // A reference of its own, so that an export of the openings imports back unchanged.
        set_opening_reference(db, id, fmt::format("werkstatt-{}", id));
    }
    txn.audit("opening", id, "add", "company=" + company.key);
    txn.finish(dry_run);
    return id;
}

namespace {

// Return the last day of the matching consent of `r` as the listing's consent_until: empty when
// it is open-ended, withdrawn or missing.
Value consent_until_value(const ExchangeRecord& r) {
    const auto c = find_consent(r.consents, Scope::matching);
    if (!c || c->withdrawn_on || !c->valid_until) {
        return Value{};
    }
    return Value{c->valid_until->iso()};
}

// Return what the consent `c` is on `day`: valid, expired, not-yet, withdrawn or none.
std::string consent_state(const std::optional<Consent>& c, Date day) {
    if (!c) {
        return "none";
    }
    if (c->valid_on(day)) {
        return "valid";
    }
    if (c->withdrawn_on && *c->withdrawn_on <= day) {
        return "withdrawn";
    }
    return c->given_on && *c->given_on > day ? "not-yet" : "expired";
}

Value date_value(const std::optional<Date>& d) {
    return d ? Value{d->iso()} : Value{};
}

// Return `records` as rows; `detail` adds the columns shown by `show` only, after the district,
// and each scope's consent on `day`.
Records records_of(RecordKind kind, const std::vector<ExchangeRecord>& records, bool detail,
                   Date day) {
    const bool candidate = kind == RecordKind::candidate;
    const auto& schema = schema_of(kind);
    Records r;
    r.columns.push_back("id");
    std::vector<std::size_t> listed;
    std::vector<std::size_t> detailed;
    for (std::size_t i = 0; i < schema.columns.size(); ++i) {
        const auto& c = schema.columns[i];
        if (shown_only_in_detail(kind, c)) {
            detailed.push_back(i);
            continue;
        }
        listed.push_back(i);
        r.columns.push_back(c == "company_key" ? "company" : c);
        if (candidate && c == "radius_km") {
            r.columns.push_back("consent_until"); // where the column was before schema 7
        }
    }
    r.columns.push_back("district");
    if (detail) {
        for (const auto i : detailed) {
            r.columns.push_back(schema.columns[i]);
        }
        if (candidate) {
            for (const auto scope : all_scopes()) {
                const auto name = fmt::format("consent_{}", to_string(scope));
                for (const char* part :
                     {"", "_given_on", "_valid_until", "_withdrawn_on", "_source"}) {
                    r.columns.push_back(name + part);
                }
            }
        }
    }
    const auto radius_index = schema.columns.size(); // no such column in an opening
    const auto radius = candidate ? schema.index("radius_km") : radius_index;
    const auto district_index = schema.index("district_ags");
    for (const auto& rec : records) {
        std::vector<Value> row{rec.id};
        for (const auto i : listed) {
            row.push_back(cell_value(schema.columns[i], rec.cells[i]));
            if (i == radius) {
                row.push_back(consent_until_value(rec));
            }
        }
        const auto& ags = rec.cells[district_index];
        const auto d = ags ? PlzDirectory::shipped().district(*ags) : std::nullopt;
        row.push_back(d ? Value{d->name} : Value{});
        if (detail) {
            for (const auto i : detailed) {
                row.push_back(cell_value(schema.columns[i], rec.cells[i]));
            }
            if (candidate) {
                for (const auto scope : all_scopes()) {
                    const auto c = find_consent(rec.consents, scope);
                    row.push_back(Value{consent_state(c, day)});
                    row.push_back(c ? date_value(c->given_on) : Value{});
                    row.push_back(c ? date_value(c->valid_until) : Value{});
                    row.push_back(c ? date_value(c->withdrawn_on) : Value{});
                    row.push_back(c ? Value{std::string(to_string(c->source))} : Value{});
                }
            }
        }
        r.rows.push_back(std::move(row));
    }
    return r;
}

} // namespace

Records exchange_records(RecordKind kind, const std::vector<ExchangeRecord>& records) {
    return records_of(kind, records, false, Date::today());
}

Detail exchange_detail(RecordKind kind, const ExchangeRecord& record, Date day) {
    const auto listing = records_of(kind, {record}, true, day);
    Detail d;
    for (std::size_t i = 0; i < listing.columns.size(); ++i) {
        d.fields.emplace_back(listing.columns[i], listing.rows.front()[i]);
    }
    return d;
}

CandidateEdit edit_candidate(Database& db, const std::string& id_or_reference,
                             const std::optional<std::string>& source,
                             const std::map<std::string, std::string>& fields, DryRun dry_run,
                             const SensitivePolicy& policy) {
    const auto record = require_candidate(db, id_or_reference, source);
    return CandidateEdit{
        record.id, edit_exchange(db, RecordKind::candidate, record.id, fields, dry_run, policy)};
}

} // namespace werkstatt
