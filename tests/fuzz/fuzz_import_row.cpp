// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the import's row normaliser (lib/import, lib/applicants/fields), which turns one
// row of an agency's or a company's CSV file into the cells of a candidate or an opening with
// an import profile of config/import-profiles.toml.
//
// The first byte of the input chooses the shipped profile (ba, werkstatt or openings: the
// profile's own parser runs too); the rest is CSV text read with the profile's delimiter. If
// the first record names at least one of the profile's columns, it is the header and the
// columns are found by their names, as the importer's bind_header finds them (folded for
// matching); otherwise the first record is data and field i feeds the profile's column i, so
// that data rows alone reach every field. Each row then goes the way of Run::row in
// lib/import/importer.cpp: every field through its FieldNormaliser with the profile's value map,
// the consent columns through Date::parse and parse_scope_list, and the derived columns (the
// district from PLZ and city). The database writes are not fuzzed here.
//
// A value that cannot be stored is a FieldProblem (a rejected row), not an exception; a file
// that cannot be read is an Error(bad_data). See fuzz_support.hpp for what counts as a bug.
// Besides crashes, the target checks that a normalised row has the schema's number of cells
// and that every stored text is valid UTF-8.
#include "applicants/consent.hpp"
#include "applicants/fields.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "fuzz_support.hpp"
#include "import/profile.hpp"
#include "io/csv.hpp"
#include "store/record_schema.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace werkstatt;

struct Column {
    std::string field;
    std::size_t index = 0;
    const std::map<std::string, std::string>* value_map = nullptr;
    std::optional<FieldNormaliser> normalise; // none for a consent field
};

// The three shipped profiles, read once: their parser is the same for every input.
const ImportProfile& profile(unsigned choice) {
    static const std::vector<ImportProfile> shipped = [] {
        std::vector<ImportProfile> all;
        for (const char* name : {"ba", "werkstatt", "openings"}) {
            all.push_back(find_profile({}, name));
        }
        return all;
    }();
    return shipped[choice % shipped.size()];
}

// Bind the profile's columns by the header's names, or by position if `header` is none.
std::vector<Column> bind(const ImportProfile& p, const CsvRecord* header) {
    std::vector<Column> columns;
    std::size_t position = 0;
    for (const auto& [field, ref] : p.columns) {
        Column c{field, position++, nullptr, std::nullopt};
        if (p.kind == RecordKind::opening || !consent_import_field(field)) {
            c.normalise.emplace(p.kind, field);
        }
        if (const auto it = p.values.find(field); it != p.values.end()) {
            c.value_map = &it->second;
        }
        if (header != nullptr) {
            const auto wanted = text::fold_for_match(ref.header);
            bool found = false;
            for (std::size_t i = 0; i < header->fields.size() && !found; ++i) {
                if (text::fold_for_match(header->fields[i]) == wanted) {
                    c.index = i;
                    found = true;
                }
            }
            if (!found) {
                continue;
            }
        }
        columns.push_back(std::move(c));
    }
    return columns;
}

bool names_a_column(const ImportProfile& p, const CsvRecord& record) {
    for (const auto& [field, ref] : p.columns) {
        const auto wanted = text::fold_for_match(ref.header);
        for (const auto& f : record.fields) {
            if (text::fold_for_match(f) == wanted) {
                return true;
            }
        }
    }
    return false;
}

// Normalise one row as the importer does; return how many problems it has.
std::size_t normalise_row(const ImportProfile& p, const std::vector<Column>& columns,
                          const CsvRecord& row) {
    const auto& schema = p.kind == RecordKind::opening ? opening_schema() : candidate_schema();
    auto cells = default_cells(p.kind);
    FieldContext context;
    context.date_format = p.date_format;
    std::size_t problems = 0;
    for (const auto& c : columns) {
        const std::string_view raw =
            c.index < row.fields.size() ? std::string_view(row.fields[c.index]) : "";
        if (!c.normalise) {
            const auto value = text::trim(raw);
            if (value.empty()) {
                continue;
            }
            if (c.field == "consent_scopes") {
                try {
                    fuzz::require(!parse_scope_list(value).empty(), "a scope list has a scope");
                } catch (const Error& e) {
                    fuzz::check_error(e);
                    ++problems;
                }
            } else if (!Date::parse(value)) {
                fuzz::require(!Date::why_not(value).empty(), "a date that is none says why");
                ++problems;
            }
            continue;
        }
        context.value_map = c.value_map;
        if (const auto problem = (*c.normalise)(raw, context, cells)) {
            fuzz::require(!problem->message.empty(), "a problem says what is wrong");
            ++problems;
        }
        fuzz::require(cells.size() == schema.columns.size(), "a row has the schema's cells");
    }
    if (problems == 0) {
        derive_columns(p.kind, cells);
        for (const auto& cell : cells) {
            fuzz::require(!cell || text::is_valid_utf8(*cell), "a stored text is UTF-8");
        }
    }
    return problems;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const auto& p = profile(data[0]);
    // The importer reads UTF-8 only once decoding is done (fuzz_csv covers that part).
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    if (!text::is_valid_utf8(text)) {
        return 0;
    }
    fuzz::expect_errors_only([&] {
        std::istringstream in(text);
        CsvReader reader(in, "agency.csv", CsvReadOptions{p.delimiter, std::size_t{1} << 16});
        CsvRecord record;
        if (!reader.next(record)) {
            return;
        }
        const bool header = names_a_column(p, record);
        const auto columns = bind(p, header ? &record : nullptr);
        if (!header && record.problem.empty()) {
            normalise_row(p, columns, record);
        }
        while (reader.next(record)) {
            if (record.problem.empty()) {
                normalise_row(p, columns, record);
            }
        }
    });
    return 0;
}
