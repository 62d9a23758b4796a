// SPDX-License-Identifier: GPL-3.0-or-later
// The fields of a candidate or an opening: how a raw value (from a file or a flag) becomes the
// stored one, and the columns it lands in. Shared by the importer and the hand-editing commands.
#pragma once

#include "store/record_schema.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace werkstatt {

// A value that cannot be stored: what is wrong, for "column "X": <message> (value "…")".
struct FieldProblem {
    std::string message;
};

// How dates are written in a file.
enum class DateFormat { german, iso }; // DD.MM.YYYY, YYYY-MM-DD

// Where a normalised field goes and what else the row must know.
struct FieldContext {
    DateFormat date_format = DateFormat::german;
    const std::map<std::string, std::string>* value_map = nullptr; // the profile's spellings
};

struct FieldRule; // a field's entry in the normaliser table (fields.cpp)

// How `raw` becomes the stored value of one field, looked up once: an import normalises the same
// fields in every row.
class FieldNormaliser {
  public:
    // The normaliser of `field` of a record of `kind`; an unknown field is a bug.
    FieldNormaliser(RecordKind kind, const std::string& field);
    // Normalise `raw` and write the result into `cells` (indexed by the kind's schema; a field
    // may fill more than one column, e.g. nationality and its ISO code). Return the problem if
    // `raw` cannot be stored.
    std::optional<FieldProblem> operator()(std::string_view raw, const FieldContext& context,
                                           std::vector<Cell>& cells) const;

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    const FieldRule* m_rule; // in a table that lives as long as the program
    // What the value map gave for the values seen so far (nullptr: not in the map): folding a
    // value for the map costs more than normalising it, and such columns repeat a few values.
    mutable const std::map<std::string, std::string>* m_cached_map = nullptr;
    mutable std::unordered_map<std::string, const std::string*, Hash, std::equal_to<>> m_mapped;
};

// Normalise `raw` for `field` of a record of `kind` and write the result into `cells` (indexed by
// the kind's schema; a field may fill more than one column, e.g. nationality and its ISO code).
// Return the problem if `raw` cannot be stored.
std::optional<FieldProblem> normalise_field(RecordKind kind, const std::string& field,
                                            std::string_view raw, const FieldContext& context,
                                            std::vector<Cell>& cells);

// Return the field names of a record of `kind` that a profile may map, in alphabetical order.
const std::vector<std::string>& import_fields(RecordKind kind);

// Return true if `field` of a record of `kind` is set by hand only and no import profile may map
// it (the special categories of Art. 9 GDPR, the consent to them, the exit and its follow-up).
bool hand_only_field(RecordKind kind, const std::string& field);

// Return the column indexes that `field` writes.
std::vector<std::size_t> field_columns(RecordKind kind, const std::string& field);

// Fill derived columns of a candidate or opening (the district from PLZ and city) in `cells`.
void derive_columns(RecordKind kind, std::vector<Cell>& cells);

// Return `cells` filled with the defaults of a new record of `kind`.
std::vector<Cell> default_cells(RecordKind kind);

} // namespace werkstatt
