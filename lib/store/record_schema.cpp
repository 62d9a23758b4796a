// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/record_schema.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace werkstatt {

std::string_view to_string(RecordKind kind) {
    return kind == RecordKind::opening ? "opening" : "candidate";
}

RecordSchema::RecordSchema(std::string table_name, std::vector<std::string> column_names)
    : table(std::move(table_name)), columns(std::move(column_names)) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        m_index.emplace(columns[i], i);
    }
}

std::size_t RecordSchema::index(std::string_view column) const {
    const auto it = m_index.find(column);
    if (it == m_index.end()) {
        throw Error(ErrorKind::internal,
                    _f("no column {} in {}; this is a bug, please report it", column, table));
    }
    return it->second;
}

const RecordSchema& candidate_schema() {
    static const RecordSchema schema{"candidate",
                                     {"source",
                                      "reference",
                                      "first_name",
                                      "last_name",
                                      "email",
                                      "phone",
                                      "plz",
                                      "city",
                                      "district_ags",
                                      "kldb",
                                      "occupation",
                                      "german",
                                      "languages",
                                      "residence_status",
                                      "recognition",
                                      "licences",
                                      "available_from",
                                      "radius_km",
                                      "notes",
                                      "gender",
                                      "birth_date",
                                      "nationality",
                                      "nationality_code",
                                      "employment_at_entry",
                                      "isced",
                                      "entry_date",
                                      "exit_date",
                                      "active",
                                      "country_of_birth",
                                      "second_nationality",
                                      "second_nationality_code",
                                      "foreign_background",
                                      "unemployed_since",
                                      "housing",
                                      "disability",
                                      "minority",
                                      "exit_situation",
                                      "status_6m",
                                      "status_6m_date",
                                      "permit_until",
                                      "confirmed_on"}};
    return schema;
}

const RecordSchema& opening_schema() {
    static const RecordSchema schema{"opening",
                                     {"company_key", "reference", "title", "kldb", "german", "plz",
                                      "city", "district_ags", "positions", "start_date",
                                      "latest_start", "licence", "max_distance_km",
                                      "needs_recognition", "notes", "status"}};
    return schema;
}

const RecordSchema& schema_of(RecordKind kind) {
    return kind == RecordKind::opening ? opening_schema() : candidate_schema();
}

} // namespace werkstatt
