// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/exchange.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "members/members.hpp"
#include "reference/plz_directory.hpp"
#include "store/import_store.hpp"

#include <fmt/format.h>

namespace werkstatt {

namespace {

ExchangeRecord load(Database& db, RecordKind kind, std::int64_t id) {
    RecordTable table(db, kind);
    const auto r = table.find_id(id);
    if (!r) {
        throw Error(ErrorKind::not_found,
                    fmt::format("no {} with id {}; 'werkstatt {} list --all' shows them",
                                to_string(kind), id, to_string(kind)));
    }
    return ExchangeRecord{r->id, r->cells};
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
    if (column == "active" || column == "needs_recognition") {
        return Value{*c == "1"};
    }
    return Value{*c};
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
                    fmt::format("reference '{}' is used by {} sources; name one with --source", key,
                                by_ref.size()));
    }
    if (by_ref.empty()) {
        throw Error(ErrorKind::not_found,
                    fmt::format("no candidate with id or reference '{}'; 'werkstatt candidate "
                                "list' shows them",
                                key));
    }
    return load(db, RecordKind::candidate, by_ref.front());
}

ExchangeRecord require_opening(Database& db, std::int64_t id) {
    return load(db, RecordKind::opening, id);
}

std::vector<ExchangeRecord> list_exchange(Database& db, RecordKind kind,
                                          const ExchangeFilter& filter) {
    const auto owner = kind == RecordKind::candidate ? filter.source : filter.company;
    RecordTable table(db, kind);
    std::vector<ExchangeRecord> out;
    for (const auto id : record_ids(db, kind, filter.include_inactive, owner)) {
        if (auto r = table.find_id(id)) {
            out.push_back(ExchangeRecord{r->id, std::move(r->cells)});
        }
    }
    return out;
}

std::vector<std::string> edit_exchange(Database& db, RecordKind kind, std::int64_t id,
                                       const std::map<std::string, std::string>& fields,
                                       DryRun dry_run) {
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
            throw Error(ErrorKind::bad_data,
                        fmt::format("{} '{}': {}; correct it", field, value, p->message));
        }
    }
    derive_columns(kind, cells);
    if (kind == RecordKind::opening) {
        auto& reference = cells[schema.index("reference")];
        if (!reference || reference->empty()) {
            throw Error(ErrorKind::bad_data, "an opening's reference cannot be empty; give one "
                                             "(it identifies the opening in imports)");
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

void remove_candidate(Database& db, std::int64_t id, DryRun dry_run) {
    WriteTransaction txn(db);
    load(db, RecordKind::candidate, id);
    delete_changes_of(db, "candidate", id);
    delete_record(db, "candidate", id);
    txn.audit("candidate", id, "remove", "erased");
    txn.finish(dry_run);
}

std::int64_t add_opening(Database& db, const std::map<std::string, std::string>& fields,
                         DryRun dry_run) {
    const auto company_it = fields.find("company");
    if (company_it == fields.end() || fields.find("title") == fields.end()) {
        throw Error(ErrorKind::usage, "an opening needs --company and --title");
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
            throw Error(ErrorKind::bad_data,
                        fmt::format("{} '{}': {}; correct it", field, value, p->message));
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

Records exchange_records(RecordKind kind, const std::vector<ExchangeRecord>& records) {
    const auto& schema = schema_of(kind);
    Records r;
    r.columns.push_back("id");
    for (const auto& c : schema.columns) {
        r.columns.push_back(c == "company_key" ? "company" : c);
    }
    r.columns.push_back("district");
    const auto district_index = schema.index("district_ags");
    for (const auto& rec : records) {
        std::vector<Value> row{rec.id};
        for (std::size_t i = 0; i < rec.cells.size(); ++i) {
            row.push_back(cell_value(schema.columns[i], rec.cells[i]));
        }
        const auto& ags = rec.cells[district_index];
        const auto d = ags ? PlzDirectory::shipped().district(*ags) : std::nullopt;
        row.push_back(d ? Value{d->name} : Value{});
        r.rows.push_back(std::move(row));
    }
    return r;
}

Detail exchange_detail(RecordKind kind, const ExchangeRecord& record) {
    const auto listing = exchange_records(kind, {record});
    Detail d;
    for (std::size_t i = 0; i < listing.columns.size(); ++i) {
        d.fields.emplace_back(listing.columns[i], listing.rows.front()[i]);
    }
    return d;
}

CandidateEdit edit_candidate(Database& db, const std::string& id_or_reference,
                             const std::optional<std::string>& source,
                             const std::map<std::string, std::string>& fields, DryRun dry_run) {
    const auto record = require_candidate(db, id_or_reference, source);
    return CandidateEdit{record.id,
                         edit_exchange(db, RecordKind::candidate, record.id, fields, dry_run)};
}

} // namespace werkstatt
