// SPDX-License-Identifier: GPL-3.0-or-later
#include "privacy/record.hpp"

#include "store/record_schema.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt {

namespace {

// The candidate columns of each category of data; a column of the schema in none of them is
// listed under "other".
struct DataCategory {
    std::string name;
    std::vector<std::string_view> columns;
};

std::vector<DataCategory> data_categories(Language lang, bool special) {
    std::vector<DataCategory> out = {
        {tr(lang, "Identity and reference of the agency"),
         {"source", "reference", "first_name", "last_name"}},
        {tr(lang, "Contact details and place of residence"),
         {"email", "phone", "plz", "city", "district_ags"}},
        {tr(lang, "Occupation, qualifications and availability"),
         {"kldb", "occupation", "german", "languages", "recognition", "licences", "available_from",
          "radius_km", "notes", "confirmed_on"}},
        {tr(lang, "Residence status (for the work permit)"), {"residence_status", "permit_until"}},
        {tr(lang, "Consent per purpose (table consent)"),
         {"scope", "given_on", "valid_until", "withdrawn_on", "source"}},
        {tr(lang, "Follow-ups after a hire (table followup)"),
         {"months", "due_on", "outcome", "reason", "note", "recorded_on"}},
        {tr(lang, "Facts for the reports to funders (ESF+)"),
         {"gender", "birth_date", "nationality", "nationality_code", "employment_at_entry", "isced",
          "entry_date", "exit_date", "active", "country_of_birth", "second_nationality",
          "second_nationality_code", "foreign_background", "unemployed_since", "housing",
          "exit_situation", "status_6m", "status_6m_date"}},
    };
    if (special) {
        out.push_back({tr(lang, "Special categories (Art. 9 GDPR), with explicit consent only"),
                       {"disability", "minority"}});
    }
    return out;
}

std::string columns_of(const std::vector<std::string_view>& columns) {
    std::string out;
    for (const auto c : columns) {
        out += (out.empty() ? "`" : ", `") + std::string(c) + "`";
    }
    return out;
}

} // namespace

std::string record_of_processing(const RecordOfProcessingContext& c) {
    const auto lang = c.lang;
    const auto& p = c.privacy;
    std::string md = "# " + tr(lang, "Record of processing activities (Art. 30 GDPR)") + "\n\n";
    md += tr(lang, "Processing: the applicant exchange of the network (werkstatt)") + "\n\n";

    md += "## " + tr(lang, "Controller") + "\n\n";
    md += trf(lang,
              "{}; address, representative and data protection "
              "officer: to be filled in.",
              c.network) +
          "\n\n";

    md += "## " + tr(lang, "Purposes") + "\n\n";
    md += "- " +
          tr(lang, "`matching`: comparing job seekers with the openings of member companies "
                   "and proposing suitable pairs (Art. 6 (1) a GDPR).") +
          "\n";
    md += "- " +
          tr(lang, "`sharing`: sending a job seeker's profile to a member company when they are "
                   "introduced (Art. 6 (1) a GDPR).") +
          "\n";
    md += "- " +
          tr(lang, "`reporting`: counting special categories in the reports to funders "
                   "(Art. 9 (2) a GDPR); anonymous counts need no consent.") +
          "\n";
    md += "- " +
          tr(lang, "Organising the network: member companies, their contact persons and the "
                   "quarterly meetings (Art. 6 (1) f GDPR).") +
          "\n\n";

    md += "## " + tr(lang, "Categories of persons") + "\n\n";
    md += "- " + tr(lang, "Job seekers (migrants and refugees) reported by job agencies") + "\n";
    md += "- " + tr(lang, "Contact persons of member companies") + "\n\n";

    md += "## " + tr(lang, "Categories of data") + "\n\n";
    const auto categories = data_categories(lang, p.special_categories);
    std::vector<std::string_view> other;
    for (const auto& column : candidate_schema().columns) {
        const bool listed = std::any_of(categories.begin(), categories.end(), [&](const auto& k) {
            return std::find(k.columns.begin(), k.columns.end(), column) != k.columns.end();
        });
        const bool special = column == "disability" || column == "minority";
        if (!listed && !special) {
            other.push_back(column);
        }
    }
    for (const auto& k : categories) {
        md += "- " + k.name + ": " + columns_of(k.columns) + "\n";
    }
    if (!other.empty()) {
        md += "- " + tr(lang, "Other") + ": " + columns_of(other) + "\n";
    }
    md += "- " + tr(lang, "Contact persons: name, role, email, phone, company") + "\n";
    if (!p.special_categories) {
        md += "\n" +
              tr(lang, "Special categories (disability, minority) are not collected "
                       "(privacy.special_categories = false).") +
              "\n";
    }
    md += "\n## " + tr(lang, "Recipients") + "\n\n";
    md += "- " +
          tr(lang, "Member companies of the network: the profile of a job seeker who is "
                   "introduced to them, with the scope `sharing`.") +
          "\n";
    md += "- " +
          tr(lang, "Funders (ESF+, IQ network): anonymous counts only, small counts "
                   "suppressed.") +
          "\n\n";
    md += "## " + tr(lang, "Transfers to third countries") + "\n\n" + tr(lang, "None.") + "\n\n";

    md += "## " + tr(lang, "Time limits for erasure") + "\n\n";
    md += "- " +
          fmt::format(fmt::runtime(trn(lang,
                                       "{} day after a job seeker's consent ended or was "
                                       "withdrawn (privacy.grace_days).",
                                       "{} days after a job seeker's consent ended or was "
                                       "withdrawn (privacy.grace_days).",
                                       static_cast<std::uint64_t>(p.grace_days))),
                      format_count(p.grace_days, lang)) +
          "\n";
    md += "- " +
          fmt::format(fmt::runtime(trn(lang,
                                       "{} month after a job seeker left the programme or was "
                                       "last active (privacy.retention_months).",
                                       "{} months after a job seeker left the programme or was "
                                       "last active (privacy.retention_months).",
                                       static_cast<std::uint64_t>(p.retention_months))),
                      format_count(p.retention_months, lang)) +
          "\n";
    md += "- " +
          fmt::format(fmt::runtime(trn(lang,
                                       "{} month for proposals, closed placements and the old "
                                       "values of imports (privacy.claim_months; claims under "
                                       "the AGG).",
                                       "{} months for proposals, closed placements and the old "
                                       "values of imports (privacy.claim_months; claims under "
                                       "the AGG).",
                                       static_cast<std::uint64_t>(p.claim_months))),
                      format_count(p.claim_months, lang)) +
          "\n\n";

    md += "## " + tr(lang, "Technical and organisational measures (Art. 32 GDPR)") + "\n\n";
    for (const auto& measure : std::vector<std::string>{
             tr(lang, "The database and every file with personal data are created with mode "
                      "0600, readable by their owner only; a database others may write is "
                      "refused."),
             tr(lang, "Deleted data is overwritten (SQLite secure_delete), and the write-ahead "
                      "log is emptied after an erasure."),
             tr(lang, "Files are written atomically through a fresh temporary file, never "
                      "through a link planted in their place."),
             tr(lang, "Every change is written to an audit log, without personal values."),
             p.pseudonymise
                 ? tr(lang, "Listings and rankings show pseudonyms instead of names; showing "
                            "names is written to the audit log.")
                 : tr(lang, "Pseudonyms instead of names in listings can be switched on "
                            "(privacy.pseudonymise)."),
             tr(lang, "Reports suppress small counts (disclosure control), so that no person "
                      "can be recognised."),
             tr(lang, "Matching uses no characteristic protected by the AGG (origin, gender, "
                      "age, disability, nationality, name)."),
         }) {
        md += "- " + measure + "\n";
    }
    return md;
}

} // namespace werkstatt
