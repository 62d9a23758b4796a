// SPDX-License-Identifier: GPL-3.0-or-later
#include "privacy/pseudonyms.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt {

namespace {

Value pseudonym_value(const Value& id) {
    if (const auto* n = std::get_if<std::int64_t>(&id)) {
        return pseudonym_of(*n);
    }
    if (const auto* s = std::get_if<std::string>(&id)) {
        return "B-" + *s;
    }
    return std::monostate{};
}

} // namespace

std::string pseudonym_of(std::int64_t candidate_id) {
    return fmt::format("B-{}", candidate_id);
}

bool is_identifying_column(std::string_view column) {
    return column == "first_name" || column == "last_name" || column == "email" ||
           column == "phone";
}

Records pseudonymise_records(const Records& records, std::string_view id_column) {
    const auto id_at = std::find(records.columns.begin(), records.columns.end(), id_column);
    Records out;
    std::vector<std::size_t> kept;
    std::optional<std::size_t> pseudonym_at; // in out.columns
    for (std::size_t i = 0; i < records.columns.size(); ++i) {
        if (is_identifying_column(records.columns[i])) {
            if (!pseudonym_at) {
                pseudonym_at = out.columns.size();
                out.columns.emplace_back("pseudonym");
            }
            continue;
        }
        kept.push_back(i);
        out.columns.push_back(records.columns[i]);
    }
    if (!pseudonym_at) {
        pseudonym_at = out.columns.size();
        out.columns.emplace_back("pseudonym");
    }
    for (const auto& row : records.rows) {
        std::vector<Value> shown;
        shown.reserve(out.columns.size());
        for (const auto i : kept) {
            if (shown.size() == *pseudonym_at) {
                shown.emplace_back();
            }
            shown.push_back(row[i]);
        }
        if (shown.size() == *pseudonym_at) {
            shown.emplace_back();
        }
        if (id_at != records.columns.end()) {
            shown[*pseudonym_at] =
                pseudonym_value(row[static_cast<std::size_t>(id_at - records.columns.begin())]);
        }
        out.rows.push_back(std::move(shown));
    }
    return out;
}

Detail pseudonymise_detail(const Detail& detail, std::string_view id_field) {
    Value id;
    for (const auto& [name, value] : detail.fields) {
        if (name == id_field) {
            id = value;
        }
    }
    Detail out;
    out.children = detail.children;
    bool placed = false;
    for (const auto& field : detail.fields) {
        if (is_identifying_column(field.first)) {
            if (!placed) {
                out.fields.emplace_back("pseudonym", pseudonym_value(id));
                placed = true;
            }
            continue;
        }
        out.fields.push_back(field);
    }
    if (!placed) {
        out.fields.emplace_back("pseudonym", pseudonym_value(id));
    }
    return out;
}

void record_reveal(Database& db, std::string_view command) {
    WriteTransaction txn(db);
    txn.audit("candidate", std::nullopt, "reveal", fmt::format("command={}", command));
    txn.finish(DryRun::no);
}

} // namespace werkstatt
