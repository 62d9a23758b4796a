// SPDX-License-Identifier: GPL-3.0-or-later
// Validation of advisory service fields and the CSV format shared by `advisor import` and the
// shipped starter list.
#include "advisory/advisors.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "domain/text_field.hpp"
#include "domain/values.hpp"
#include "io/csv.hpp"
#include "io/csv_header.hpp"
#include "io/row_source.hpp"
#include "reference/plz_directory.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

Error bad(std::string message) {
    return Error(ErrorKind::bad_data, std::move(message));
}

std::string known_districts() {
    std::vector<std::string> names;
    for (const auto& d : PlzDirectory::shipped().districts()) {
        names.push_back(d.name);
    }
    return text::join(names, ", ");
}

// Set `target` to `value` and note `field` in `changed` if it differs.
template <typename T>
void set(T& target, T value, const char* field, std::vector<std::string>& changed) {
    if (!(target == value)) {
        target = std::move(value);
        changed.emplace_back(field);
    }
}

std::vector<AdvisoryTopic> parse_topics(const std::vector<std::string>& keys) {
    std::vector<AdvisoryTopic> topics;
    for (const auto& raw : keys) {
        const auto key = text::ascii_lower(text::trim(raw));
        const auto topic = parse_advisory_topic(key);
        if (!topic) {
            throw bad(fmt::format("topic '{}' is unknown; the known topics are {}",
                                  text::printable(raw, 40), known_advisory_topics()));
        }
        topics.push_back(*topic);
    }
    if (topics.empty()) {
        throw bad(fmt::format("a service needs at least one topic; the known topics are {}",
                              known_advisory_topics()));
    }
    std::sort(topics.begin(), topics.end());
    topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
    return topics;
}

// Parse district names or keys; "statewide" (or "landesweit") sets `statewide`.
std::vector<std::string> parse_districts(const std::vector<std::string>& items, bool& statewide) {
    std::vector<std::string> out;
    statewide = false;
    for (const auto& raw : items) {
        const auto item = text::ascii_lower(text::trim(raw));
        if (item == "statewide" || item == "landesweit") {
            statewide = true;
            continue;
        }
        const auto d = PlzDirectory::shipped().find_district(text::trim(raw));
        if (!d) {
            throw bad(fmt::format("district '{}' is unknown; give 'statewide' or districts of "
                                  "Sachsen-Anhalt: {}",
                                  text::printable(raw, 40), known_districts()));
        }
        out.push_back(d->ags);
    }
    if (statewide) {
        out.clear();
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> parse_languages(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const auto& raw : items) {
        const auto code = text::ascii_lower(text::trim(raw));
        if (code.size() != 2 ||
            !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            throw bad(fmt::format("language '{}' is not a two-letter ISO 639-1 code; write for "
                                  "example de, en, ar, uk",
                                  text::printable(raw, 40)));
        }
        if (std::find(out.begin(), out.end(), code) == out.end()) {
            out.push_back(code);
        }
    }
    return out;
}

std::string checked_web(const std::string& raw) {
    const auto web = std::string(text::trim(raw));
    if (web.empty()) {
        return web;
    }
    const auto lower = text::ascii_lower(web);
    if ((lower.rfind("https://", 0) != 0 && lower.rfind("http://", 0) != 0) ||
        web.find_first_of(" \t\"<>") != std::string::npos) {
        throw bad(fmt::format("web address '{}' is not a link; write it with https://",
                              text::printable(web, 60)));
    }
    return web;
}

// Re-derive where the service sits from its PLZ and city.
void derive_location(AdvisoryService& s, std::vector<std::string>& changed) {
    const auto plz = Plz::parse(s.plz);
    std::optional<std::string> ags;
    if (plz) {
        const auto r = PlzDirectory::shipped().resolve(*plz, s.city);
        if (r.district) {
            ags = r.district->ags;
        }
    }
    set(s.district_ags, ags, "district_ags", changed);
}

} // namespace

std::vector<std::string> split_items(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    const auto flush = [&] {
        const auto t = text::trim(current);
        if (!t.empty()) {
            out.emplace_back(t);
        }
        current.clear();
    };
    for (char c : text) {
        if (c == ',' || c == ';') {
            flush();
        } else {
            current += c;
        }
    }
    flush();
    return out;
}

void apply_advisor_fields(AdvisoryService& s, const AdvisorFields& f,
                          std::vector<std::string>& changed) {
    if (f.key) {
        const auto key = RecordKey::parse(text::trim(*f.key));
        if (!key) {
            throw bad(fmt::format("key '{}' is not valid; use 1 to 40 of a-z, 0-9, - and _",
                                  text::printable(*f.key, 50)));
        }
        set(s.key, key->str(), "key", changed);
    }
    if (f.organisation) {
        set(s.organisation, clean_text("organisation", *f.organisation, 200), "organisation",
            changed);
    }
    if (f.service) {
        set(s.service, clean_text("service", *f.service, 200), "service", changed);
    }
    if (f.topics) {
        set(s.topics, parse_topics(*f.topics), "topics", changed);
    }
    if (f.districts) {
        bool statewide = false;
        auto districts = parse_districts(*f.districts, statewide);
        set(s.statewide, statewide, "statewide", changed);
        set(s.districts, std::move(districts), "districts", changed);
    }
    if (f.street) {
        set(s.street, clean_text("street", *f.street, 200), "street", changed);
    }
    if (f.plz) {
        const auto plz = Plz::parse(*f.plz);
        if (!plz) {
            throw bad(fmt::format("PLZ '{}' is not five digits", text::printable(*f.plz, 20)));
        }
        set(s.plz, plz->str(), "plz", changed);
    }
    if (f.city) {
        set(s.city, clean_text("city", *f.city, 100), "city", changed);
    }
    if (f.contact_person) {
        set(s.contact_person, clean_text("contact_person", *f.contact_person, 200),
            "contact_person", changed);
    }
    if (f.phone) {
        std::string phone;
        if (!text::trim(*f.phone).empty()) {
            const auto p = Phone::parse(*f.phone);
            if (!p) {
                throw bad(fmt::format("phone '{}' is not a telephone number",
                                      text::printable(*f.phone, 40)));
            }
            phone = p->str();
        }
        set(s.phone, phone, "phone", changed);
    }
    if (f.email) {
        std::string email;
        if (!text::trim(*f.email).empty()) {
            const auto e = Email::parse(*f.email);
            if (!e) {
                throw bad(fmt::format("email '{}' is not an email address",
                                      text::printable(*f.email, 60)));
            }
            email = e->str();
        }
        set(s.email, email, "email", changed);
    }
    if (f.web) {
        set(s.web, checked_web(*f.web), "web", changed);
    }
    if (f.languages) {
        set(s.languages, parse_languages(*f.languages), "languages", changed);
    }
    if (f.opening_hours) {
        set(s.opening_hours, clean_text("opening_hours", *f.opening_hours, 200), "opening_hours",
            changed);
    }
    if (f.last_verified) {
        std::optional<Date> verified;
        if (!text::trim(*f.last_verified).empty()) {
            verified = Date::parse(*f.last_verified);
            if (!verified) {
                throw bad(fmt::format("verified date '{}' {}; {}",
                                      text::printable(*f.last_verified, 20),
                                      why_not_a_day(*f.last_verified), date_forms));
            }
        }
        set(s.last_verified, verified, "last_verified", changed);
    }
    if (f.notes) {
        set(s.notes, clean_text("notes", *f.notes, 2000), "notes", changed);
    }
    // An area that was just the district the service sits in moves with a new PLZ.
    const auto old_district = s.district_ags;
    const bool area_is_own_district = !f.districts && !s.statewide && old_district &&
                                      s.districts == std::vector<std::string>{*old_district};
    derive_location(s, changed);
    if (area_is_own_district && s.district_ags != old_district) {
        s.districts.clear();
    }
    // A service that names no area serves the district it sits in.
    if (!s.statewide && s.districts.empty() && s.district_ags) {
        s.districts.push_back(*s.district_ags);
        changed.emplace_back("districts");
    }
}

void require_complete(const AdvisoryService& s) {
    for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"key", &s.key},
                                       {"organisation", &s.organisation},
                                       {"service", &s.service},
                                       {"plz", &s.plz}}) {
        if (value->empty()) {
            throw bad(fmt::format("{} is missing; every advisory service needs key, "
                                  "organisation, service, topics and plz",
                                  field));
        }
    }
    if (s.topics.empty()) {
        throw bad(
            fmt::format("topics are missing; give at least one of {}", known_advisory_topics()));
    }
    if (!s.statewide && s.districts.empty()) {
        throw bad(
            fmt::format("service {} serves no district: its PLZ {} is outside Sachsen-Anhalt; "
                        "name the districts it serves or 'statewide'",
                        s.key, s.plz));
    }
}

namespace {

enum class Column {
    ignored,
    key,
    organisation,
    service,
    topics,
    districts,
    street,
    plz,
    city,
    contact_person,
    phone,
    email,
    web,
    languages,
    opening_hours,
    last_verified,
    notes
};

const std::map<std::string, Column, std::less<>>& known_columns() {
    static const std::map<std::string, Column, std::less<>> columns = {
        {"id", Column::ignored},
        {"district_ags", Column::ignored},
        {"origin", Column::ignored},
        {"key", Column::key},
        {"organisation", Column::organisation},
        {"service", Column::service},
        {"topics", Column::topics},
        {"districts", Column::districts},
        {"street", Column::street},
        {"plz", Column::plz},
        {"city", Column::city},
        {"contact_person", Column::contact_person},
        {"phone", Column::phone},
        {"email", Column::email},
        {"web", Column::web},
        {"languages", Column::languages},
        {"opening_hours", Column::opening_hours},
        {"last_verified", Column::last_verified},
        {"notes", Column::notes},
    };
    return columns;
}

constexpr const char* k_columns_help =
    "key, organisation, service, topics, plz and optionally districts, street, city, "
    "contact_person, phone, email, web, languages, opening_hours, last_verified, notes";

std::vector<Column> map_header(const CsvRecord& header, const std::string& source) {
    return map_csv_header(header, source,
                          CsvColumns<Column>{"an advisor file",
                                             known_columns(),
                                             Column::ignored,
                                             {"key", "organisation", "service", "topics", "plz"},
                                             k_columns_help});
}

AdvisorFields row_fields(const std::vector<Column>& columns, const CsvRecord& row,
                         const RowSource& rows, std::vector<std::string>& warnings) {
    AdvisorFields f;
    for (std::size_t i = 0; i < columns.size() && i < row.fields.size(); ++i) {
        std::string v = restore_formula(row.fields[i]);
        switch (columns[i]) {
        case Column::ignored:
            break;
        case Column::key:
            f.key = v;
            break;
        case Column::organisation:
            f.organisation = v;
            break;
        case Column::service:
            f.service = v;
            break;
        case Column::topics:
            f.topics = split_items(v);
            break;
        case Column::districts:
            if (!text::trim(v).empty()) {
                f.districts = split_items(v);
            }
            break;
        case Column::street:
            f.street = v;
            break;
        case Column::plz:
            f.plz = v;
            if (const auto restored = rows.was_number(i) ? Plz::parse_lost_zero(v) : std::nullopt) {
                warnings.push_back(_f("column \"plz\": {} lost its leading zero in a spreadsheet; "
                                      "read as {}",
                                      text::trim(v), restored->str()));
                f.plz = restored->str();
            }
            break;
        case Column::city:
            f.city = v;
            break;
        case Column::contact_person:
            f.contact_person = v;
            break;
        case Column::phone:
            f.phone = v;
            break;
        case Column::email:
            f.email = v;
            break;
        case Column::web:
            f.web = v;
            break;
        case Column::languages:
            f.languages = split_items(v);
            break;
        case Column::opening_hours:
            f.opening_hours = v;
            break;
        case Column::last_verified:
            f.last_verified = v;
            break;
        case Column::notes:
            f.notes = v;
            break;
        }
    }
    return f;
}

} // namespace

std::vector<AdvisorRow> read_advisor_csv(std::istream& in, const std::string& source) {
    const auto rows = csv_row_source(in, source);
    return read_advisor_rows(*rows);
}

std::vector<AdvisorRow> read_advisor_rows(RowSource& reader) {
    const std::string& source = reader.where();
    CsvRecord record;
    if (!reader.next(record)) {
        throw bad(fmt::format("{} is empty; an advisor file starts with a header line such as "
                              "key,organisation,service,topics,plz",
                              source));
    }
    const auto columns = map_header(record, source);
    const auto header = record.fields;
    std::vector<AdvisorRow> rows;
    while (reader.next(record)) {
        if (record.fields.size() == 1 && text::trim(record.fields[0]).empty()) {
            continue;
        }
        AdvisorRow row;
        row.line = record.line;
        if (!record.problem.empty()) {
            row.problem =
                fmt::format("{}: {}", csv_field_name(header, record.problem_field), record.problem);
        } else if (record.fields.size() != columns.size()) {
            row.problem =
                fmt::format("has {} fields, the header {}; check the delimiter and quotes",
                            record.fields.size(), columns.size());
        } else {
            row.fields = row_fields(columns, record, reader, row.warnings);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace werkstatt
