// SPDX-License-Identifier: GPL-3.0-or-later
// Every column and field name that listings and record views show (the JSON keys), so that
// xgettext puts each into the catalogue with the context "column" (keyword NC_:1c,2) and a
// translation gives it a heading. A name missing here shows as its key in capitals: the test
// "cli: pseudo_locale" finds it in a table's header line.
#include "io/column_headings.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <array>

namespace werkstatt {

namespace {

// Sorted, for the binary search below.
constexpr std::array k_column_names = {
    NC_("column", "action"),
    NC_("column", "active"),
    NC_("column", "age_days"),
    NC_("column", "apply_at"),
    NC_("column", "archived"),
    NC_("column", "as_of"),
    NC_("column", "at"),
    NC_("column", "audience"),
    NC_("column", "availability"),
    NC_("column", "availability_reason"),
    NC_("column", "available_from"),
    NC_("column", "batch_id"),
    NC_("column", "batches"),
    NC_("column", "before"),
    NC_("column", "binary_schema_version"),
    NC_("column", "birth_date"),
    NC_("column", "can_host"),
    NC_("column", "cancel_reason"),
    NC_("column", "candidate"),
    NC_("column", "candidate_id"),
    NC_("column", "candidates"),
    NC_("column", "capacity"),
    NC_("column", "changes"),
    NC_("column", "check"),
    NC_("column", "city"),
    NC_("column", "closed_on"),
    NC_("column", "command"),
    NC_("column", "companies"),
    NC_("column", "company"),
    NC_("column", "company_key"),
    NC_("column", "company_name"),
    NC_("column", "conditions"),
    NC_("column", "confirmation"),
    NC_("column", "confirmed_on"),
    NC_("column", "consent_matching"),
    NC_("column", "consent_matching_given_on"),
    NC_("column", "consent_matching_source"),
    NC_("column", "consent_matching_valid_until"),
    NC_("column", "consent_matching_withdrawn_on"),
    NC_("column", "consent_reporting"),
    NC_("column", "consent_reporting_given_on"),
    NC_("column", "consent_reporting_source"),
    NC_("column", "consent_reporting_valid_until"),
    NC_("column", "consent_reporting_withdrawn_on"),
    NC_("column", "consent_sharing"),
    NC_("column", "consent_sharing_given_on"),
    NC_("column", "consent_sharing_source"),
    NC_("column", "consent_sharing_valid_until"),
    NC_("column", "consent_sharing_withdrawn_on"),
    NC_("column", "consent_until"),
    NC_("column", "consents"),
    NC_("column", "contact_id"),
    NC_("column", "contact_person"),
    NC_("column", "contacts"),
    NC_("column", "count"),
    NC_("column", "country_of_birth"),
    NC_("column", "created_at"),
    NC_("column", "created_batch"),
    NC_("column", "date"),
    NC_("column", "date_text"),
    NC_("column", "day"),
    NC_("column", "days"),
    NC_("column", "default"),
    NC_("column", "description"),
    NC_("column", "detail"),
    NC_("column", "details"),
    NC_("column", "disability"),
    NC_("column", "distance"),
    NC_("column", "distance_km"),
    NC_("column", "distance_reason"),
    NC_("column", "district"),
    NC_("column", "district_ags"),
    NC_("column", "districts"),
    NC_("column", "doc"),
    NC_("column", "due_on"),
    NC_("column", "duration"),
    NC_("column", "email"),
    NC_("column", "employment_at_entry"),
    NC_("column", "encoding"),
    NC_("column", "end"),
    NC_("column", "entity"),
    NC_("column", "entity_id"),
    NC_("column", "entry_date"),
    NC_("column", "erased"),
    NC_("column", "event"),
    NC_("column", "event_id"),
    NC_("column", "events"),
    NC_("column", "evidence"),
    NC_("column", "exists"),
    NC_("column", "exit_date"),
    NC_("column", "exit_situation"),
    NC_("column", "explanation"),
    NC_("column", "file"),
    NC_("column", "file_name"),
    NC_("column", "finished_at"),
    NC_("column", "first_day"),
    NC_("column", "first_name"),
    NC_("column", "foreign_background"),
    NC_("column", "format"),
    NC_("column", "gender"),
    NC_("column", "german"),
    NC_("column", "german_reason"),
    NC_("column", "given_on"),
    NC_("column", "grace_days"),
    NC_("column", "grantor"),
    NC_("column", "greeting"),
    NC_("column", "help"),
    NC_("column", "hired_on"),
    NC_("column", "host"),
    NC_("column", "host_name"),
    NC_("column", "housing"),
    NC_("column", "id"),
    NC_("column", "id_a"),
    NC_("column", "id_b"),
    NC_("column", "industry"),
    NC_("column", "inserted"),
    NC_("column", "interview_on"),
    NC_("column", "introduced_on"),
    NC_("column", "invited"),
    NC_("column", "isced"),
    NC_("column", "journal_mode"),
    NC_("column", "key"),
    NC_("column", "kind"),
    NC_("column", "kldb"),
    NC_("column", "km"),
    NC_("column", "lang"),
    NC_("column", "languages"),
    NC_("column", "last_backup"),
    NC_("column", "last_confirmed"),
    NC_("column", "last_day"),
    NC_("column", "last_import"),
    NC_("column", "last_name"),
    NC_("column", "last_verified"),
    NC_("column", "latest_start"),
    NC_("column", "left_on"),
    NC_("column", "legal_basis"),
    NC_("column", "licence"),
    NC_("column", "licences"),
    NC_("column", "max_distance_km"),
    NC_("column", "member_since"),
    NC_("column", "mentor"),
    NC_("column", "merged_at"),
    NC_("column", "minority"),
    NC_("column", "mode"),
    NC_("column", "months"),
    NC_("column", "name"),
    NC_("column", "nationality"),
    NC_("column", "nationality_code"),
    NC_("column", "needs_recognition"),
    NC_("column", "next_purge"),
    NC_("column", "no"),
    NC_("column", "note"),
    NC_("column", "notes"),
    NC_("column", "occupation"),
    NC_("column", "occupation_reason"),
    NC_("column", "opening"),
    NC_("column", "opening_hours"),
    NC_("column", "opening_title"),
    NC_("column", "openings"),
    NC_("column", "organisation"),
    NC_("column", "origin"),
    NC_("column", "os_user"),
    NC_("column", "outcome"),
    NC_("column", "output"),
    NC_("column", "overridden"),
    NC_("column", "page_count"),
    NC_("column", "page_size"),
    NC_("column", "path"),
    NC_("column", "pays"),
    NC_("column", "period"),
    NC_("column", "permit"),
    NC_("column", "permit_reason"),
    NC_("column", "permit_until"),
    NC_("column", "permit_warning"),
    NC_("column", "persons"),
    NC_("column", "phone"),
    NC_("column", "place"),
    NC_("column", "placement_id"),
    NC_("column", "plz"),
    NC_("column", "positions"),
    NC_("column", "profile"),
    NC_("column", "pseudonym"),
    NC_("column", "quarter"),
    NC_("column", "radius_km"),
    NC_("column", "rank"),
    NC_("column", "reach"),
    NC_("column", "read"),
    NC_("column", "reason"),
    NC_("column", "recognition"),
    NC_("column", "recognition_reason"),
    NC_("column", "recorded_at"),
    NC_("column", "recorded_on"),
    NC_("column", "reference"),
    NC_("column", "reference_a"),
    NC_("column", "reference_b"),
    NC_("column", "registrations"),
    NC_("column", "regulated"),
    NC_("column", "rejected"),
    NC_("column", "residence_status"),
    NC_("column", "retention_months"),
    NC_("column", "review_due"),
    NC_("column", "role"),
    NC_("column", "rule"),
    NC_("column", "rules"),
    NC_("column", "run"),
    NC_("column", "run_day"),
    NC_("column", "salutation"),
    NC_("column", "schema_version"),
    NC_("column", "scope"),
    NC_("column", "score"),
    NC_("column", "second_nationality"),
    NC_("column", "second_nationality_code"),
    NC_("column", "serves"),
    NC_("column", "service"),
    NC_("column", "sha256"),
    NC_("column", "shared_at"),
    NC_("column", "size"),
    NC_("column", "size_bytes"),
    NC_("column", "source"),
    NC_("column", "source_a"),
    NC_("column", "source_b"),
    NC_("column", "start"),
    NC_("column", "start_date"),
    NC_("column", "started_at"),
    NC_("column", "state"),
    NC_("column", "status"),
    NC_("column", "status_6m"),
    NC_("column", "status_6m_date"),
    NC_("column", "step"),
    NC_("column", "street"),
    NC_("column", "strength"),
    NC_("column", "suggested when"),
    NC_("column", "table"),
    NC_("column", "tags"),
    NC_("column", "text"),
    NC_("column", "time"),
    NC_("column", "title"),
    NC_("column", "topics"),
    NC_("column", "type"),
    NC_("column", "uid"),
    NC_("column", "unchanged"),
    NC_("column", "undone_at"),
    NC_("column", "unemployed_since"),
    NC_("column", "updated"),
    NC_("column", "updated_at"),
    NC_("column", "user"),
    NC_("column", "valid_as_of"),
    NC_("column", "valid_until"),
    NC_("column", "value"),
    NC_("column", "verified"),
    NC_("column", "wal_bytes"),
    NC_("column", "web"),
    NC_("column", "weekday"),
    NC_("column", "what"),
    NC_("column", "when"),
    NC_("column", "who"),
    NC_("column", "withdrawn_on"),
    NC_("column", "work_rules_valid_as_of"),
    NC_("column", "written_at"),
};

#undef NC_

std::string capitals(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= 'a' && c <= 'z') {
            out += static_cast<char>(c - 'a' + 'A');
        } else if (c == '_') {
            out += ' ';
        } else if (c == '\xC3' && i + 1 < s.size()) {
            const auto next = static_cast<unsigned char>(s[i + 1]);
            if (next == 0x9F) { // ß
                out += "SS";
            } else {
                out += c;
                // ä ö ü and the other small letters of Latin-1 (0xE0 to 0xFE but 0xF7) lie
                // 0x20 above their capitals.
                out += static_cast<char>(next >= 0xA0 && next <= 0xBE && next != 0xB7 ? next - 0x20
                                                                                      : next);
            }
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

bool has_heading(std::string_view column) {
    return std::binary_search(k_column_names.begin(), k_column_names.end(), column,
                              [](std::string_view a, std::string_view b) { return a < b; });
}

std::string field_label(std::string_view column) {
    if (has_heading(column)) {
        const std::string key(column);
        if (auto translated = tr_context(ui_language(), "column", key.c_str())) {
            return *translated;
        }
    }
    return std::string(column);
}

std::string column_heading(std::string_view column) {
    return capitals(field_label(column));
}

} // namespace werkstatt
