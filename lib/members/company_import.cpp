// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "domain/values.hpp"
#include "io/csv.hpp"
#include "io/csv_header.hpp"
#include "io/row_source.hpp"
#include "members/company_fields.hpp"
#include "members/members.hpp"

#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

// The columns a company file may have: those `company list --format csv` writes.
enum class Column {
    ignored,
    key,
    name,
    industry,
    street,
    plz,
    city,
    district,
    can_host,
    capacity,
    member_since,
    active,
    notes,
    size
};

const std::map<std::string, Column, std::less<>>& known_columns() {
    static const std::map<std::string, Column, std::less<>> columns = {
        {"id", Column::ignored},        {"district_ags", Column::ignored},
        {"key", Column::key},           {"name", Column::name},
        {"industry", Column::industry}, {"street", Column::street},
        {"plz", Column::plz},           {"city", Column::city},
        {"district", Column::district}, {"can_host", Column::can_host},
        {"capacity", Column::capacity}, {"member_since", Column::member_since},
        {"active", Column::active},     {"notes", Column::notes},
        {"size", Column::size},         {"left_on", Column::ignored},
    };
    return columns;
}

std::vector<Column> map_header(const CsvRecord& header, const std::string& source) {
    return map_csv_header(header, source,
                          CsvColumns<Column>{"a company file",
                                             known_columns(),
                                             Column::ignored,
                                             {"key", "name", "plz"},
                                             "key, name, plz and optionally industry, street, "
                                             "city, district, can_host, capacity, member_since, "
                                             "active, notes, size"});
}

// Return the yes or no of `value`, or nothing after adding a problem of `column` to `problems`.
std::optional<bool> parse_flag(std::string_view column, std::string_view value,
                               std::vector<std::string>& problems) {
    const auto v = text::ascii_lower(text::trim(value));
    // WAHR and FALSCH: what German Excel writes for TRUE and FALSE.
    if (v == "true" || v == "yes" || v == "ja" || v == "wahr" || v == "1" || v == "x") {
        return true;
    }
    if (v == "false" || v == "no" || v == "nein" || v == "falsch" || v == "0") {
        return false;
    }
    problems.push_back(fmt::format("column \"{}\": '{}' is not yes or no; write true or false",
                                   column, text::display_safe(value)));
    return std::nullopt;
}

// Read the cells of `row`; a cell that is no yes, no or number adds to `problems`.
// A PLZ that a sheet held as a number, its leading zero lost, gets it back, with a note in
// `warnings`.
CompanyFields row_fields(const std::vector<Column>& columns, const CsvRecord& row,
                         const RowSource& rows, std::vector<std::string>& problems,
                         std::vector<std::string>& warnings) {
    CompanyFields f;
    for (std::size_t i = 0; i < columns.size() && i < row.fields.size(); ++i) {
        std::string value = restore_formula(row.fields[i]);
        const bool blank = text::trim(value).empty();
        switch (columns[i]) {
        case Column::ignored:
            break;
        case Column::key:
            f.key = text::trim(value);
            break;
        case Column::name:
            f.name = value;
            break;
        case Column::industry:
            f.industry = value;
            break;
        case Column::street:
            f.street = value;
            break;
        case Column::plz:
            f.plz = value;
            if (const auto restored =
                    rows.was_number(i) ? Plz::parse_lost_zero(value) : std::nullopt) {
                warnings.push_back(_f("column \"plz\": {} lost its leading zero in a spreadsheet; "
                                      "read as {}",
                                      text::trim(value), restored->str()));
                f.plz = restored->str();
            }
            break;
        case Column::city:
            f.city = value;
            break;
        case Column::district:
            f.district = value;
            break;
        case Column::member_since:
            f.member_since = value;
            break;
        case Column::notes:
            f.notes = value;
            break;
        case Column::size:
            f.size = value;
            break;
        case Column::can_host:
            if (!blank) {
                f.can_host = parse_flag("can_host", value, problems);
            }
            break;
        case Column::active:
            if (!blank) {
                f.active = parse_flag("active", value, problems);
            }
            break;
        case Column::capacity:
            if (blank) {
                f.capacity = 0;
            } else if (const auto n = text::parse_int(text::trim(value))) {
                f.capacity = *n;
            } else {
                problems.push_back(fmt::format("column \"capacity\": '{}' is not a whole number",
                                               text::display_safe(value)));
            }
            break;
        }
    }
    return f;
}

} // namespace

CompanyImportReport import_companies(Database& db, std::istream& in, const std::string& source,
                                     const MemberPolicy& policy, DryRun dry_run) {
    const auto rows = csv_row_source(in, source);
    return import_companies(db, *rows, policy, dry_run);
}

CompanyImportReport import_companies(Database& db, RowSource& reader, const MemberPolicy& policy,
                                     DryRun dry_run) {
    const std::string& source = reader.where();
    CsvRecord record;
    if (!reader.next(record)) {
        throw Error(ErrorKind::bad_data,
                    _f("{} is empty; a company file starts with a header line such as "
                       "key;name;plz",
                       source));
    }
    const auto columns = map_header(record, source);
    const auto header = record.fields;
    KeyedImport rows(db, "company", source, RepeatedKey::later_row_wins);
    while (reader.next(record)) {
        if (record.fields.size() == 1 && text::trim(record.fields[0]).empty()) {
            continue; // blank line
        }
        rows.row(record.line, [&](KeyedImport& row) {
            if (!record.problem.empty()) {
                throw Error(
                    ErrorKind::bad_data,
                    _f("{}: {}", csv_field_name(header, record.problem_field), record.problem));
            }
            if (record.fields.size() != columns.size()) {
                throw Error(ErrorKind::bad_data,
                            _f("has {} fields, the header {}; check the delimiter and "
                               "quotes",
                               record.fields.size(), columns.size()));
            }
            std::vector<std::string> problems;
            std::vector<std::string> spreadsheet_warnings;
            const auto fields = row_fields(columns, record, reader, problems, spreadsheet_warnings);
            // Every bad value of the row, each checked alone, as candidate import reports them.
            const auto check = [&](const CompanyFields& one) {
                Company scratch;
                std::vector<std::string> changed;
                std::vector<std::string> warnings;
                members_detail::apply_fields(scratch, one, policy, changed, warnings);
            };
            for (auto& p : problems_field_by_field(
                     fields, check, &CompanyFields::key, &CompanyFields::name,
                     &CompanyFields::industry, &CompanyFields::street, &CompanyFields::plz,
                     &CompanyFields::city, &CompanyFields::district, &CompanyFields::member_since,
                     &CompanyFields::notes, &CompanyFields::capacity, &CompanyFields::size)) {
                problems.push_back(std::move(p));
            }
            if (!problems.empty()) {
                for (const auto& p : problems) {
                    row.problem(p);
                }
                return RowChange::none;
            }
            CompanyOutcome outcome;
            const auto existing = fields.key ? find_company(db, *fields.key) : std::nullopt;
            if (existing) {
                outcome.company = *existing;
            } else {
                outcome.company.member_since = Date::today(); // unless the row says otherwise
            }
            members_detail::apply_fields(outcome.company, fields, policy, outcome.changed,
                                         outcome.warnings);
            members_detail::require_complete(outcome.company);
            row.key(outcome.company.key);
            for (const auto& w : spreadsheet_warnings) {
                row.warn(w);
            }
            for (const auto& w : outcome.warnings) {
                row.warn(w);
            }
            if (!existing) {
                insert_company(db, outcome.company);
                return RowChange::insert;
            }
            if (outcome.changed.empty()) {
                return RowChange::none;
            }
            update_company(db, outcome.company);
            return RowChange::update;
        });
    }
    return rows.finish(dry_run);
}

} // namespace werkstatt
