// SPDX-License-Identifier: GPL-3.0-or-later
#include "privacy/access_export.hpp"
#include "core/i18n.hpp"
#include "privacy/files.hpp"

#include "applicants/exchange.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/atomic_file.hpp"
#include "io/json_value.hpp"
#include "io/xml.hpp"

#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

namespace werkstatt {

namespace {

using json = nlohmann::ordered_json;

json json_of(const Value& v) {
    return json_value(v);
}

json json_of(const StoredRow& row) {
    json out = json::object();
    for (const auto& [name, value] : row) {
        out[name] = json_of(value);
    }
    return out;
}

json json_of(const std::vector<StoredRow>& rows) {
    json out = json::array();
    for (const auto& row : rows) {
        out.push_back(json_of(row));
    }
    return out;
}

std::string text_of(const Value& v) {
    if (const auto* s = std::get_if<std::string>(&v)) {
        return *s;
    }
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        return std::to_string(*i);
    }
    return "";
}

std::optional<std::int64_t> int_of(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        return *i;
    }
    return std::nullopt;
}

// A placement's company received the profile once it was introduced (or went further).
bool was_shared(const StoredRow& placement) {
    const auto status = text_of(field_of(placement, "status"));
    return status == "introduced" || status == "interview" || status == "hired" ||
           !text_of(field_of(placement, "introduced_on")).empty() ||
           !text_of(field_of(placement, "interview_on")).empty() ||
           !text_of(field_of(placement, "hired_on")).empty();
}

// --- HTML --------------------------------------------------------------------------------------

std::string esc(std::string_view s) {
    return xml_escape(s);
}

// Return `v` as a person reads it in `lang`: a day as the language writes it, a number with its
// separator, a missing value as a dash; escaped.
std::string shown(const Value& v, Language lang) {
    if (std::holds_alternative<std::monostate>(v)) {
        return "–";
    }
    if (const auto* d = std::get_if<double>(&v)) {
        return esc(format_number(*d, 2, lang));
    }
    const auto text = text_of(v);
    if (text.size() == 10) {
        if (const auto day = Date::parse_iso(text)) {
            return esc(format_date(*day, lang));
        }
    }
    return esc(text);
}

// Return the readable names of the candidate columns in `lang` (a column missing here is shown by
// its stored name).
std::map<std::string, std::string, std::less<>> column_labels(Language lang) {
    return {
        {"id", tr(lang, "Number in werkstatt")},
        {"source", tr(lang, "Source (agency)")},
        {"reference", tr(lang, "Reference of the agency")},
        {"first_name", tr(lang, "First name")},
        {"last_name", tr(lang, "Last name")},
        {"email", tr(lang, "Email")},
        {"phone", tr(lang, "Phone")},
        {"plz", tr(lang, "Postcode")},
        {"city", tr(lang, "Town")},
        {"district_ags", tr(lang, "District (official key)")},
        {"kldb", tr(lang, "Target occupation (KldB code)")},
        {"occupation", tr(lang, "Target occupation")},
        {"german", tr(lang, "German language level")},
        {"languages", tr(lang, "Other languages")},
        {"residence_status", tr(lang, "Residence status")},
        {"recognition", tr(lang, "Recognition of qualifications")},
        {"licences", tr(lang, "Driving licences")},
        {"available_from", tr(lang, "Available from")},
        {"radius_km", tr(lang, "Distance willing to travel (km)")},
        {"notes", tr(lang, "Notes")},
        {"gender", tr(lang, "Gender")},
        {"birth_date", tr(lang, "Date of birth")},
        {"nationality", tr(lang, "Nationality")},
        {"nationality_code", tr(lang, "Nationality (country code)")},
        {"employment_at_entry", tr(lang, "Employment situation at entry")},
        {"isced", tr(lang, "Education level (ISCED)")},
        {"entry_date", tr(lang, "Entry into the programme")},
        {"exit_date", tr(lang, "Exit from the programme")},
        {"active", tr(lang, "Active (1) or archived (0)")},
        {"created_batch", tr(lang, "Created by import number")},
        {"batch_id", tr(lang, "Last written by import number")},
        {"created_at", tr(lang, "Recorded at")},
        {"updated_at", tr(lang, "Last changed at")},
        {"country_of_birth", tr(lang, "Country of birth")},
        {"second_nationality", tr(lang, "Second nationality")},
        {"second_nationality_code", tr(lang, "Second nationality (country code)")},
        {"foreign_background", tr(lang, "Foreign background")},
        {"unemployed_since", tr(lang, "Unemployed since")},
        {"housing", tr(lang, "Housing situation")},
        {"disability", tr(lang, "Disability")},
        {"minority", tr(lang, "Minority")},
        {"exit_situation", tr(lang, "Situation on leaving")},
        {"status_6m", tr(lang, "Situation six months after leaving")},
        {"status_6m_date", tr(lang, "Situation six months after leaving asked on")},
    };
}

// One table: the header cells (already translated) and a row per stored row, with the columns
// `columns` of it.
std::string html_table(const std::vector<StoredRow>& rows,
                       const std::vector<std::pair<std::string, std::string>>& columns,
                       Language lang) {
    std::string out = "<table>\n<thead><tr>";
    for (const auto& [column, header] : columns) {
        out += "<th>" + esc(header) + "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        out += "<tr>";
        for (const auto& [column, header] : columns) {
            out += "<td>" + shown(field_of(row, column), lang) + "</td>";
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

std::string paragraph(const std::string& text) {
    return "<p>" + esc(text) + "</p>\n";
}

std::string heading(const std::string& text) {
    return "<h2>" + esc(text) + "</h2>\n";
}

// The purpose of processing under each scope of consent.
std::string purpose_of(const std::string& scope, Language lang) {
    if (scope == "matching") {
        return tr(
            lang,
            "Matching: your profile is compared with the job openings of the network's member "
            "companies to suggest suitable jobs to you.");
    }
    if (scope == "sharing") {
        return tr(lang,
                  "Sharing: your profile is sent to a member company when you are introduced to it "
                  "for a job.");
    }
    return tr(lang,
              "Reporting: special categories of data (disability, minority) are counted in the "
              "reports to the funders; the reports contain numbers only, never your name.");
}

std::string consent_state(const StoredRow& consent, const AccessContext& c) {
    const auto lang = c.lang;
    const auto withdrawn = text_of(field_of(consent, "withdrawn_on"));
    if (!withdrawn.empty()) {
        return trf(lang, "You withdrew this consent on {}.",
                   shown(field_of(consent, "withdrawn_on"), lang));
    }
    const auto until = text_of(field_of(consent, "valid_until"));
    if (until.empty()) {
        return tr(lang, "Your consent holds until you withdraw it.");
    }
    return trf(lang, "Your consent holds until {}.", shown(field_of(consent, "valid_until"), lang));
}

constexpr const char* k_style = R"css(
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
  font-size: 11pt; line-height: 1.45; color: #111; background: #fff;
  max-width: 50em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 1px solid #666; margin-top: 1.5em; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: .15em .45em; text-align: left; vertical-align: top; }
thead th { background: #e6e6e6; }
td { white-space: pre-wrap; }
@page { size: A4; margin: 15mm; }
)css";

std::string html_head(const AccessContext& c) {
    return fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                       to_string(c.lang), esc(tr(c.lang, "Information about your data")), k_style);
}

std::string html_purposes(const PersonData& p, const AccessContext& c) {
    const auto lang = c.lang;
    std::string out = heading(tr(lang, "Why your data is processed"));
    out += paragraph(tr(lang, "The network processes your data to help you find work with its "
                              "member companies, on the basis of your consent (Art. 6 (1) a "
                              "GDPR; for special categories Art. 9 (2) a GDPR)."));
    if (p.rows.consents.empty()) {
        out += paragraph(tr(lang, "No consent is recorded for you."));
        return out;
    }
    out += paragraph(tr(lang, "You consented to these purposes:"));
    out += "<ul>\n";
    for (const auto& consent : p.rows.consents) {
        out += "<li>" + esc(purpose_of(text_of(field_of(consent, "scope")), lang)) + " " +
               esc(consent_state(consent, c)) + "</li>\n";
    }
    return out + "</ul>\n";
}

std::string html_origin(const PersonData& p, const AccessContext& c) {
    const auto lang = c.lang;
    std::string out = heading(tr(lang, "Where your data came from"));
    out += paragraph(trf(lang, "Your data was given to the network by {} (reference {}).",
                         text_of(field_of(p.rows.candidate, "source")),
                         text_of(field_of(p.rows.candidate, "reference"))));
    if (p.rows.import_batches.empty()) {
        out += paragraph(tr(lang, "It was entered by hand, not imported from a file."));
    } else {
        out += paragraph(tr(lang, "It was imported from these files:"));
        out += html_table(p.rows.import_batches,
                          {{"id", tr(lang, "Import number")},
                           {"file_name", tr(lang, "File")},
                           {"source", tr(lang, "Source (agency)")},
                           {"finished_at", tr(lang, "Imported at")},
                           {"undone_at", tr(lang, "Undone at")}},
                          lang);
    }
    if (!p.rows.merged_references.empty()) {
        out += paragraph(tr(lang, "The same person was also reported under these references; "
                                  "the records were merged into this one:"));
        out += html_table(p.rows.merged_references,
                          {{"source", tr(lang, "Source (agency)")},
                           {"reference", tr(lang, "Reference")},
                           {"merged_at", tr(lang, "Merged at")}},
                          lang);
    }
    return out;
}

std::string html_retention(const AccessContext& c) {
    const auto lang = c.lang;
    std::string out = heading(tr(lang, "How long your data is kept"));
    out += paragraph(fmt::format(
        fmt::runtime(trn(lang,
                         "Your data is erased {} day after your consent ended or was withdrawn.",
                         "Your data is erased {} days after your consent ended or was withdrawn.",
                         static_cast<std::uint64_t>(c.privacy.grace_days))),
        format_count(c.privacy.grace_days, lang)));
    out += paragraph(fmt::format(
        fmt::runtime(trn(lang,
                         "It is also erased when you have left the programme or have not been "
                         "active for {} month.",
                         "It is also erased when you have left the programme or have not been "
                         "active for {} months.",
                         static_cast<std::uint64_t>(c.privacy.retention_months))),
        format_count(c.privacy.retention_months, lang)));
    out += paragraph(tr(lang, "You may ask for erasure at any time."));
    return out;
}

std::string html_recipients(const PersonData& p, const AccessContext& c) {
    const auto lang = c.lang;
    std::string out = heading(tr(lang, "Who received your data"));
    std::vector<StoredRow> shared;
    for (const auto& placement : p.rows.placements) {
        if (was_shared(placement)) {
            shared.push_back(placement);
        }
    }
    if (shared.empty() && p.rows.card_shares.empty()) {
        out += paragraph(tr(lang, "No member company has received your data."));
    } else if (!shared.empty()) {
        out += paragraph(tr(lang, "Your profile was sent to these member companies when you "
                                  "were introduced for a job:"));
        out += html_table(shared,
                          {{"company_name", tr(lang, "Company")},
                           {"opening_title", tr(lang, "Job")},
                           {"introduced_on", tr(lang, "Introduced on")}},
                          lang);
    }
    if (!p.rows.card_shares.empty()) {
        out += paragraph(tr(lang, "Your profile card, which does not name you, was given to "
                                  "these member companies:"));
        out += html_table(p.rows.card_shares,
                          {{"company_name", tr(lang, "Company")},
                           {"opening_title", tr(lang, "Job")},
                           {"shared_at", tr(lang, "Given at")}},
                          lang);
    }
    out += paragraph(tr(lang, "Funders receive only counts in which no person can be "
                              "recognised. Your data is not transferred to countries outside "
                              "the European Union."));
    return out;
}

std::string html_rights(const AccessContext& c) {
    const auto lang = c.lang;
    std::string out = heading(tr(lang, "Your rights"));
    out += "<ul>\n";
    for (const auto& right : std::vector<std::string>{
             tr(lang, "Access (Art. 15 GDPR): you may ask what is stored about you; this document "
                      "is that "
                      "answer."),
             tr(lang, "Rectification (Art. 16 GDPR): you may have wrong data corrected."),
             tr(lang, "Erasure (Art. 17 GDPR): you may have your data erased."),
             tr(lang,
                "Restriction (Art. 18 GDPR): you may have the processing of your data restricted."),
             tr(lang,
                "Data portability (Art. 20 GDPR): you may receive your data in a machine-readable "
                "form."),
             tr(lang, "Objection (Art. 21 GDPR): you may object to the processing of your data."),
             tr(lang,
                "Withdrawal (Art. 7 (3) GDPR): you may withdraw your consent at any time; what was "
                "done before stays lawful."),
         }) {
        out += "<li>" + esc(right) + "</li>\n";
    }
    out += "</ul>\n";
    out += paragraph(tr(lang, "You may complain to the supervisory authority: Landesbeauftragte "
                              "für den Datenschutz Sachsen-Anhalt, Otto-von-Guericke-Straße 34a, "
                              "39104 Magdeburg."));
    return out;
}

std::string html_data(const PersonData& p, const AccessContext& c) {
    const auto lang = c.lang;
    std::string out = heading(tr(lang, "Your data"));
    out += "<table>\n<tbody>\n";
    const auto labels = column_labels(lang);
    for (const auto& [column, value] : p.rows.candidate) {
        const auto label = labels.find(column);
        out += "<tr><th>" + esc(label == labels.end() ? column : label->second) + "</th><td>" +
               shown(value, lang) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";

    out += heading(tr(lang, "Consents"));
    if (p.rows.consents.empty()) {
        out += paragraph(tr(lang, "None recorded."));
    } else {
        out += html_table(p.rows.consents,
                          {{"scope", tr(lang, "Purpose")},
                           {"given_on", tr(lang, "Given on")},
                           {"valid_until", tr(lang, "Valid until")},
                           {"withdrawn_on", tr(lang, "Withdrawn on")},
                           {"source", tr(lang, "How it was recorded")},
                           {"recorded_at", tr(lang, "Recorded at")}},
                          lang);
    }

    out += heading(tr(lang, "Placements"));
    if (p.rows.placements.empty()) {
        out += paragraph(tr(lang, "None recorded."));
    } else {
        out += html_table(p.rows.placements,
                          {{"company_name", tr(lang, "Company")},
                           {"opening_title", tr(lang, "Job")},
                           {"status", tr(lang, "Status")},
                           {"created_at", tr(lang, "Proposed at")},
                           {"introduced_on", tr(lang, "Introduced on")},
                           {"interview_on", tr(lang, "Interview on")},
                           {"hired_on", tr(lang, "Hired on")},
                           {"closed_on", tr(lang, "Closed on")},
                           {"note", tr(lang, "Note")}},
                          lang);
    }

    out += heading(tr(lang, "Job suggestions of the matching"));
    if (p.rows.match_pairs.empty()) {
        out += paragraph(tr(lang, "None recorded."));
    } else {
        out += paragraph(tr(lang, "Each suggestion has a score out of 100 and the reasons "
                                  "that made it up."));
        std::vector<StoredRow> rows = p.rows.match_pairs;
        for (auto& row : rows) {
            if (const auto milli = int_of(field_of(row, "score_milli"))) {
                row.emplace_back("score", static_cast<double>(*milli) / 1000.0);
            }
        }
        out += html_table(rows,
                          {{"run_day", tr(lang, "Day")},
                           {"company_name", tr(lang, "Company")},
                           {"opening_title", tr(lang, "Job")},
                           {"score", tr(lang, "Score")},
                           {"explanation", tr(lang, "Reasons")}},
                          lang);
    }

    out += heading(tr(lang, "Entries in the audit log"));
    out += paragraph(tr(lang, "werkstatt records who changed what and when; these entries "
                              "concern you or your placements."));
    out += html_table(p.rows.audit,
                      {{"at", tr(lang, "At")},
                       {"os_user", tr(lang, "User")},
                       {"entity", tr(lang, "Record")},
                       {"action", tr(lang, "Action")},
                       {"details", tr(lang, "Details")}},
                      lang);

    out += heading(tr(lang, "Earlier values kept for undoing an import"));
    if (p.rows.import_changes.empty()) {
        out += paragraph(tr(lang, "None recorded."));
    } else {
        out += html_table(
            p.rows.import_changes,
            {{"batch_id", tr(lang, "Import number")}, {"before", tr(lang, "Earlier values")}},
            lang);
    }

    out += heading(tr(lang, "Files werkstatt wrote that may contain your data"));
    if (p.written_files.empty()) {
        out += paragraph(tr(lang, "None recorded."));
    } else {
        std::vector<std::pair<std::string, std::string>> columns;
        for (const auto& [name, value] : p.written_files.front()) {
            columns.emplace_back(name, name);
        }
        out += html_table(p.written_files, columns, lang);
    }
    return out;
}

} // namespace

std::optional<AccessFormat> parse_access_format(std::string_view text) {
    if (text == "json") {
        return AccessFormat::json;
    }
    if (text == "html") {
        return AccessFormat::html;
    }
    return std::nullopt;
}

// The files werkstatt recorded writing that may still hold the candidate (`privacy files`).
std::vector<StoredRow> written_files_of(Database& db, std::int64_t candidate_id) {
    std::vector<StoredRow> rows;
    for (const auto& f : files_holding(db, candidate_id)) {
        rows.push_back({{"path", Value{f.path}},
                        {"kind", Value{f.kind}},
                        {"written_at", Value{f.written_at}},
                        {"persons", Value{f.persons}}});
    }
    return rows;
}

std::string access_json(const PersonData& p, const AccessContext& c) {
    const auto id = int_of(field_of(p.rows.candidate, "id")).value_or(0);
    json doc = json::object();
    doc["schema_version"] = k_access_schema_version;
    doc["generated_on"] = c.today.iso();
    doc["controller"] = c.network;
    doc["candidate_id"] = id;
    doc["pseudonym"] = fmt::format("B-{}", id);
    doc["candidate"] = json_of(p.rows.candidate);
    doc["consents"] = json_of(p.rows.consents);
    doc["placements"] = json_of(p.rows.placements);
    json pairs = json::array();
    for (const auto& row : p.rows.match_pairs) {
        auto pair = json_of(row);
        json reasons = json::array();
        const auto explanation = text_of(field_of(row, "explanation"));
        for (const auto line : text::split(explanation, '\n')) {
            reasons.push_back(std::string(line));
        }
        pair["reasons"] = std::move(reasons);
        pairs.push_back(std::move(pair));
    }
    doc["match_pairs"] = std::move(pairs);
    json recipients = json::array();
    for (const auto& placement : p.rows.placements) {
        if (was_shared(placement)) {
            recipients.push_back({{"company_key", json_of(field_of(placement, "company_key"))},
                                  {"company_name", json_of(field_of(placement, "company_name"))},
                                  {"placement_id", json_of(field_of(placement, "id"))}});
        }
    }
    doc["recipients"] = std::move(recipients);
    doc["card_shares"] = json_of(p.rows.card_shares);
    doc["audit"] = json_of(p.rows.audit);
    doc["imports"] = {{"batches", json_of(p.rows.import_batches)},
                      {"changes", json_of(p.rows.import_changes)}};
    doc["merged_references"] = json_of(p.rows.merged_references);
    doc["written_files"] = json_of(p.written_files);
    doc["retention"] = {{"grace_days", c.privacy.grace_days},
                        {"retention_months", c.privacy.retention_months}};
    return doc.dump(2) + "\n";
}

std::string access_html(const PersonData& p, const AccessContext& c) {
    const auto lang = c.lang;
    const auto& cand = p.rows.candidate;
    const auto full_name =
        text_of(field_of(cand, "first_name")) + " " + text_of(field_of(cand, "last_name"));
    const auto name = text::trim(full_name);
    std::string out = html_head(c);
    out += "<h1>" + esc(tr(lang, "Information about your data")) + "</h1>\n";
    out += paragraph(trf(lang, "For {} (number {} in werkstatt), as of {}.",
                         name.empty() ? text_of(field_of(cand, "reference")) : std::string(name),
                         text_of(field_of(cand, "id")), format_date(c.today, lang)));
    out += heading(tr(lang, "Who holds your data"));
    out += paragraph(trf(lang,
                         "{} is responsible for your data (the controller under Art. 4 "
                         "(7) GDPR). It keeps your data in its database of the program "
                         "werkstatt.",
                         c.network));
    out += html_purposes(p, c);
    out += html_origin(p, c);
    out += html_retention(c);
    out += html_recipients(p, c);
    out += html_rights(c);
    out += html_data(p, c);
    return out + "</body>\n</html>\n";
}

namespace {

// Throw Error(usage) if `output` is standard output or leads into /dev or /proc (a link such as
// /dev/stdout or /proc/self/fd/1 included): the export holds personal data and goes into a file.
void refuse_stream(const std::filesystem::path& output) {
    namespace fs = std::filesystem;
    const auto refuse = [&output] {
        throw Error(ErrorKind::usage,
                    _f("{} is standard output or a device; the export holds personal "
                       "data and is written to a file only: give --output FILE",
                       output.string()));
    };
    if (output == "-") {
        refuse();
    }
    // Every hop of a chain of links, each with its folder resolved: /dev/stdout leads to
    // /proc/self/fd/1, which leads to wherever standard output goes.
    std::error_code ec;
    auto hop = fs::absolute(output, ec);
    for (int i = 0; i < 40 && !ec; ++i) {
        const auto folder = fs::weakly_canonical(hop.parent_path(), ec);
        const auto where = ((ec ? hop.parent_path() : folder) / hop.filename()).string();
        if (where.rfind("/dev/", 0) == 0 || where.rfind("/proc/", 0) == 0) {
            refuse();
        }
        if (!fs::is_symlink(hop, ec)) {
            break;
        }
        const auto target = fs::read_symlink(hop, ec);
        hop = target.is_absolute() ? target : hop.parent_path() / target;
    }
}

} // namespace

std::int64_t export_person_data(Database& db, const std::string& id_or_reference,
                                const std::optional<std::string>& source, AccessFormat format,
                                const std::filesystem::path& output, const AccessContext& context) {
    refuse_stream(output);
    WriteTransaction txn(db);
    const auto id = require_candidate(db, id_or_reference, source).id;
    auto rows = load_person_rows(db, id);
    if (!rows) {
        throw Error(ErrorKind::not_found,
                    _f("no candidate {}; see 'werkstatt candidate list'", id));
    }
    PersonData person{std::move(*rows), written_files_of(db, id)};
    const auto document =
        format == AccessFormat::json ? access_json(person, context) : access_html(person, context);
    txn.audit("candidate", id, "export",
              fmt::format("format={}", format == AccessFormat::json ? "json" : "html"));
    write_file_atomically(output, document, FileMode::private_to_owner);
    txn.finish(DryRun::no);
    // The export is itself a file with the person's data: an erasure must name it.
    record_written_file(db, output, WrittenKind::export_, 1, {id});
    return id;
}

} // namespace werkstatt
