// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/consent.hpp"
#include "core/i18n.hpp"

#include "applicants/exchange.hpp"
#include "core/error.hpp"
#include "core/names.hpp"
#include "core/text.hpp"
#include "store/import_store.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt {

namespace {

constexpr std::pair<std::string_view, Scope> k_scopes[] = {
    {"matching", Scope::matching},
    {"sharing", Scope::sharing},
    {"reporting", Scope::reporting},
};

// The German names an agency or a coordinator writes, folded.
constexpr std::pair<std::string_view, Scope> k_german_scopes[] = {
    {"vermittlung", Scope::matching},
    {"weitergabe", Scope::sharing},
    {"berichte", Scope::reporting},
};

constexpr std::pair<std::string_view, ConsentSource> k_sources[] = {
    {"agency-file", ConsentSource::agency_file},
    {"form", ConsentSource::form},
    {"by-hand", ConsentSource::by_hand},
};

std::optional<Date> date_of(const std::optional<std::string>& text) {
    if (!text) {
        return std::nullopt;
    }
    const auto d = Date::parse_iso(*text);
    if (!d) {
        throw Error(ErrorKind::storage, _f("the consent table holds '{}', which is not a date; the "
                                           "database was changed outside werkstatt",
                                           text::display_safe(*text)));
    }
    return d;
}

std::optional<std::string> text_of(const std::optional<Date>& d) {
    return d ? std::optional(d->iso()) : std::nullopt;
}

std::string scope_names(const std::vector<Scope>& scopes) {
    std::vector<std::string> names;
    for (const auto s : scopes) {
        names.emplace_back(to_string(s));
    }
    return text::join(names, ",");
}

// Erase the disability and minority of `record` that are yes or no (the reporting consent is
// withdrawn: nothing allows keeping them); return the names of the erased fields.
std::vector<std::string> erase_special_categories(Database& db, const ExchangeRecord& record,
                                                  const std::string& now) {
    const auto& schema = candidate_schema();
    auto cells = record.cells;
    std::vector<std::string> erased;
    for (const char* field : {"disability", "minority"}) {
        auto& cell = cells[schema.index(field)];
        if (cell && (*cell == "yes" || *cell == "no")) {
            cell.reset();
            erased.emplace_back(field);
        }
    }
    if (!erased.empty()) {
        RecordTable(db, RecordKind::candidate).update(record.id, cells, std::nullopt, now);
    }
    return erased;
}

} // namespace

const std::array<Scope, 3>& all_scopes() {
    static const std::array<Scope, 3> scopes = {Scope::matching, Scope::sharing, Scope::reporting};
    return scopes;
}

std::string_view to_string(Scope scope) {
    return name_in(k_scopes, scope);
}

std::optional<Scope> parse_scope(std::string_view text) {
    const auto folded = text::fold_for_match(text);
    if (const auto s = lookup_name(k_scopes, folded)) {
        return s;
    }
    return lookup_name(k_german_scopes, folded);
}

std::vector<Scope> parse_scope_list(std::string_view text) {
    std::string spaced(text);
    std::replace_if(
        spaced.begin(), spaced.end(), [](char c) { return c == ',' || c == ';' || c == '|'; }, ' ');
    std::vector<bool> seen(all_scopes().size(), false);
    bool any = false;
    for (const auto word : text::split(spaced, ' ')) {
        if (text::trim(word).empty()) {
            continue;
        }
        const auto scope = parse_scope(text::trim(word));
        if (!scope) {
            throw Error(ErrorKind::bad_data,
                        _f("unknown consent scope '{}'; use matching, sharing, "
                           "reporting (Vermittlung, Weitergabe, Berichte)",
                           text::printable(text::trim(word), 40)));
        }
        seen[static_cast<std::size_t>(*scope)] = true;
        any = true;
    }
    if (!any) {
        throw Error(ErrorKind::bad_data, _("no consent scope given; use matching, sharing, "
                                           "reporting (Vermittlung, Weitergabe, Berichte)"));
    }
    std::vector<Scope> out;
    for (const auto s : all_scopes()) {
        if (seen[static_cast<std::size_t>(s)]) {
            out.push_back(s);
        }
    }
    return out;
}

const std::vector<std::string>& consent_import_fields() {
    static const std::vector<std::string> fields = {"consent_given_on", "consent_scopes",
                                                    "consent_until"};
    return fields;
}

bool consent_import_field(std::string_view field) {
    const auto& f = consent_import_fields();
    return std::find(f.begin(), f.end(), field) != f.end();
}

std::string_view to_string(ConsentSource source) {
    return name_in(k_sources, source);
}

std::optional<ConsentSource> parse_consent_source(std::string_view text) {
    return lookup_name(k_sources, text);
}

bool Consent::valid_on(Date day) const {
    return (!given_on || *given_on <= day) && (!valid_until || *valid_until >= day) &&
           (!withdrawn_on || *withdrawn_on > day);
}

Consent consent_of_row(const ConsentRow& row) {
    Consent c;
    const auto scope = lookup_name(k_scopes, row.scope);
    const auto source = parse_consent_source(row.source);
    if (!scope || !source) {
        throw Error(ErrorKind::storage, _("the consent table holds a scope or source werkstatt "
                                          "never writes; the database was changed outside "
                                          "werkstatt"));
    }
    c.scope = *scope;
    c.given_on = date_of(row.given_on);
    c.valid_until = date_of(row.valid_until);
    c.withdrawn_on = date_of(row.withdrawn_on);
    c.source = *source;
    c.batch_id = row.batch_id;
    c.recorded_at = row.recorded_at;
    return c;
}

ConsentRow row_of_consent(std::int64_t candidate_id, const Consent& c) {
    ConsentRow r;
    r.candidate_id = candidate_id;
    r.scope = std::string(to_string(c.scope));
    r.given_on = text_of(c.given_on);
    r.valid_until = text_of(c.valid_until);
    r.withdrawn_on = text_of(c.withdrawn_on);
    r.source = std::string(to_string(c.source));
    r.batch_id = c.batch_id;
    r.recorded_at = c.recorded_at;
    return r;
}

std::vector<Consent> read_consents(Database& db, std::int64_t candidate_id) {
    std::vector<Consent> out;
    for (const auto& row : consent_rows(db, candidate_id)) {
        out.push_back(consent_of_row(row));
    }
    std::sort(out.begin(), out.end(),
              [](const Consent& a, const Consent& b) { return a.scope < b.scope; });
    return out;
}

std::optional<Consent> find_consent(const std::vector<Consent>& consents, Scope scope) {
    for (const auto& c : consents) {
        if (c.scope == scope) {
            return c;
        }
    }
    return std::nullopt;
}

std::vector<std::pair<std::int64_t, Consent>> consents_of_scope(Database& db, Scope scope) {
    std::vector<std::pair<std::int64_t, Consent>> out;
    for (const auto& [id, row] : consent_rows_of_scope(db, std::string(to_string(scope)))) {
        out.emplace_back(id, consent_of_row(row));
    }
    return out;
}

bool consent_valid_on(Database& db, std::int64_t candidate_id, Scope scope, Date day) {
    const auto c = find_consent(read_consents(db, candidate_id), scope);
    return c && c->valid_on(day);
}

bool may_share(Database& db, std::int64_t candidate_id, Date day) {
    return consent_valid_on(db, candidate_id, Scope::sharing, day);
}

ConsentOutcome record_consent(Database& db, const std::string& id_or_reference,
                              const std::optional<std::string>& source, const ConsentChange& change,
                              Date today, DryRun dry_run) {
    if (change.scopes.empty()) {
        throw Error(ErrorKind::usage, _("no consent scope given; name them with --scope "
                                        "(matching, sharing, reporting)"));
    }
    if (change.withdraw && (change.given_on || change.valid_until)) {
        throw Error(ErrorKind::usage, _("--withdraw takes no --given-on or --until; give the "
                                        "day of the withdrawal with --on"));
    }
    if (!change.withdraw && !change.given_on && !change.valid_until) {
        throw Error(ErrorKind::usage, _("a consent needs a day; give --given-on DAY or --until "
                                        "DAY (or --withdraw to take one back)"));
    }
    WriteTransaction txn(db);
    const auto record = require_candidate(db, id_or_reference, source);
    ConsentOutcome out;
    out.candidate_id = record.id;
    out.before = read_consents(db, record.id);
    const auto now = utc_timestamp();
    std::vector<std::string> fields;
    for (const auto scope : change.scopes) {
        const auto stored = find_consent(out.before, scope);
        Consent c;
        c.scope = scope;
        if (change.withdraw) {
            // A withdrawal keeps how the consent was given (source, import); the audit log
            // records who withdrew it and how.
            if (stored) {
                c = *stored;
            } else {
                c.source = change.source;
            }
            c.withdrawn_on = change.withdrawn_on.value_or(today);
            if (c.given_on && *c.withdrawn_on < *c.given_on) {
                throw Error(ErrorKind::bad_data,
                            _f("the {} consent was given on {}; a withdrawal on {} "
                               "cannot come before it",
                               to_string(scope), human_date(*c.given_on),
                               human_date(*c.withdrawn_on)));
            }
        } else {
            if (stored && !stored->withdrawn_on) {
                c = *stored; // an extension keeps what it does not say
            }
            c.withdrawn_on.reset();
            if (change.given_on) {
                c.given_on = change.given_on;
            }
            if (change.valid_until) {
                c.valid_until = change.valid_until;
            }
            if (c.given_on && c.valid_until && *c.valid_until < *c.given_on) {
                throw Error(ErrorKind::bad_data,
                            _f("the {} consent would end on {}, before it was given "
                               "on {}; correct --until or --given-on",
                               to_string(scope), human_date(*c.valid_until),
                               human_date(*c.given_on)));
            }
        }
        if (!change.withdraw) {
            c.source = change.source;
            c.batch_id.reset();
        }
        c.recorded_at = now;
        put_consent_row(db, row_of_consent(record.id, c));
    }
    out.after = read_consents(db, record.id);
    const bool reporting_withdrawn = change.withdraw &&
                                     std::find(change.scopes.begin(), change.scopes.end(),
                                               Scope::reporting) != change.scopes.end() &&
                                     change.withdrawn_on.value_or(today) <= today;
    if (reporting_withdrawn) {
        out.erased = erase_special_categories(db, record, now);
    }
    txn.audit("candidate", record.id, change.withdraw ? "consent-withdraw" : "consent",
              fmt::format("scopes={} source={}{}", scope_names(change.scopes),
                          to_string(change.source),
                          out.erased.empty() ? "" : " erased=" + text::join(out.erased, ",")));
    txn.finish(dry_run);
    return out;
}

namespace {

// The consent `file` gives for `scope`, as import batch `batch` records it at `now`.
Consent file_scope_consent(const FileConsent& file, Scope scope, std::int64_t batch,
                           const std::string& now) {
    Consent c;
    c.scope = scope;
    c.given_on = file.given_on;
    c.valid_until = file.valid_until;
    c.source = ConsentSource::agency_file;
    c.batch_id = batch;
    c.recorded_at = now;
    return c;
}

} // namespace

FileConsentOutcome apply_file_consent(ConsentTable& table, std::int64_t candidate_id,
                                      const FileConsent& file, std::int64_t batch,
                                      const std::string& now) {
    FileConsentOutcome out;
    const auto rows = table.rows(candidate_id);
    std::vector<Consent> stored;
    for (const auto& row : rows) {
        stored.push_back(consent_of_row(row));
    }
    std::vector<Consent> writes;
    for (const auto scope : file.scopes) {
        const auto before = find_consent(stored, scope);
        if (before && before->withdrawn_on &&
            !(file.given_on && *file.given_on > *before->withdrawn_on)) {
            out.kept_withdrawn.push_back(scope);
            continue;
        }
        auto c = file_scope_consent(file, scope, batch, now);
        if (!c.given_on && before && !before->withdrawn_on) {
            c.given_on = before->given_on;
        }
        if (before && before->given_on == c.given_on && before->valid_until == c.valid_until &&
            !before->withdrawn_on) {
            continue; // the same consent: source and batch stay as they were
        }
        writes.push_back(c);
    }
    if (writes.empty()) {
        return out;
    }
    out.changed = true;
    out.before = rows;
    for (const auto& c : writes) {
        table.put(row_of_consent(candidate_id, c));
    }
    return out;
}

std::vector<ConsentRow> new_record_consents(std::int64_t candidate_id, const FileConsent& file,
                                            std::int64_t batch, const std::string& now) {
    std::vector<ConsentRow> out;
    out.reserve(file.scopes.size());
    for (const auto scope : file.scopes) {
        out.push_back(row_of_consent(candidate_id, file_scope_consent(file, scope, batch, now)));
    }
    return out;
}

} // namespace werkstatt
