// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importer.hpp"
#include "core/i18n.hpp"

#include "applicants/consent.hpp"
#include "applicants/duplicates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "domain/values.hpp"
#include "io/atomic_file.hpp"
#include "io/csv.hpp"
#include "io/encoding.hpp"
#include "io/input_file.hpp"
#include "io/row_source.hpp"
#include "store/company_store.hpp"
#include "store/consent_store.hpp"
#include "store/match_store.hpp"
#include "store/merge_store.hpp"
#include "store/pool_store.hpp"
#include "store/privacy_store.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace werkstatt {

namespace {

constexpr std::size_t k_kept_problems = 100;
constexpr const char* k_last_batch = "@batch"; // key of the before-image: the previous batch
constexpr std::size_t k_kept_warnings = 20;

// A mapped field and the column of the file it is read from.
struct Binding {
    std::string field;
    std::string header; // as written in the file, for messages
    std::size_t index = 0;
    const std::map<std::string, std::string>* value_map = nullptr;
    // Looked up once, not per cell; none for a consent field (consent_import_fields()), which
    // goes to the consent table.
    std::optional<FieldNormaliser> normalise;
};

std::string delimiter_name(char d) {
    return d == '\t' ? "tab" : std::string(1, d);
}

// Match the profile's columns to the header; throw naming what was expected and found.
std::vector<Binding> bind_header(const ImportProfile& p, const CsvRecord& header,
                                 const std::string& source) {
    std::vector<Binding> bindings;
    std::vector<std::string> missing;
    for (const auto& [field, column] : p.columns) {
        Binding b{field, column.header, 0, nullptr, std::nullopt};
        if (p.kind == RecordKind::opening || !consent_import_field(field)) {
            b.normalise.emplace(p.kind, field);
        }
        if (const auto it = p.values.find(field); it != p.values.end()) {
            b.value_map = &it->second;
        }
        if (!p.header) {
            b.index = static_cast<std::size_t>(column.position - 1);
            b.header = fmt::format("#{}", column.position);
            bindings.push_back(b);
            continue;
        }
        const auto wanted = text::fold_for_match(column.header);
        bool found = false;
        for (std::size_t i = 0; i < header.fields.size(); ++i) {
            if (text::fold_for_match(header.fields[i]) == wanted) {
                b.index = i;
                b.header = header.fields[i];
                found = true;
                break;
            }
        }
        if (found) {
            bindings.push_back(b);
        } else if (field != "consent_given_on" && field != "consent_scopes" &&
                   field != "permit_until") {
            missing.push_back(column.header); // those are optional: older files lack them
        }
    }
    std::sort(bindings.begin(), bindings.end(),
              [](const Binding& a, const Binding& b) { return a.index < b.index; });
    if (!missing.empty()) {
        std::vector<std::string> found;
        for (const auto& h : header.fields) {
            found.push_back(text::printable(text::trim(h), 60));
        }
        throw Error(ErrorKind::bad_data,
                    _f("{}:{}: the header does not match profile '{}': missing {}; "
                       "found {}; choose another --profile or fix the header",
                       source, header.line, p.name, text::join(missing, ", "),
                       found.empty() ? "nothing" : text::join(found, ", ")));
    }
    return bindings;
}

// Writes rejected rows, with the header and an error column, through the one atomic writer:
// rejected rows are personal data, so the file is 0600 and takes the place of the target only
// once the import is done. Rows are gathered in memory and written in chunks.
class RejectsFile {
  public:
    RejectsFile(const std::filesystem::path& target, char delimiter)
        : m_file(target, FileMode::private_to_owner), m_writer(m_buffer, delimiter) {
        m_buffer << "\xEF\xBB\xBF"; // so that Excel reads UTF-8
    }
    void row(std::vector<std::string> fields, const std::string& error) {
        fields.push_back(error);
        m_writer.write_row(fields);
        if (m_buffer.tellp() >= k_chunk) {
            flush();
        }
    }
    void commit() {
        flush();
        m_file.commit();
    }

  private:
    static constexpr std::streamoff k_chunk = 1 << 16;
    void flush() {
        m_file.write(m_buffer.view());
        m_buffer.str({});
    }
    AtomicFile m_file;
    std::ostringstream m_buffer;
    CsvWriter m_writer;
};

// Return the old values of the columns that differ, and the batch that had last written the
// record (so that undo can give it back), as JSON; `names` receives the changed columns.
std::string changed_json(const RecordSchema& schema, const std::vector<Cell>& before,
                         const std::vector<Cell>& after, std::vector<std::string>& names,
                         std::optional<std::int64_t> last_batch) {
    nlohmann::json j = nlohmann::json::object();
    j[k_last_batch] = last_batch ? nlohmann::json(*last_batch) : nlohmann::json();
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i] != after[i]) {
            names.push_back(schema.columns[i]);
            j[schema.columns[i]] = before[i] ? nlohmann::json(*before[i]) : nlohmann::json();
        }
    }
    return j.dump();
}

// Return the consents `rows` of one candidate as the JSON of a before-image (entity "consent").
std::string consent_json(const std::vector<ConsentRow>& rows) {
    const auto optional = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
    nlohmann::json j = nlohmann::json::array();
    for (const auto& r : rows) {
        j.push_back({{"scope", r.scope},
                     {"given_on", optional(r.given_on)},
                     {"valid_until", optional(r.valid_until)},
                     {"withdrawn_on", optional(r.withdrawn_on)},
                     {"source", r.source},
                     {"batch_id", optional(r.batch_id)},
                     {"recorded_at", r.recorded_at}});
    }
    return j.dump();
}

// Return the consents of candidate `id` that `json` (consent_json) holds.
std::vector<ConsentRow> consent_rows_of_json(std::int64_t id, const std::string& json) {
    const auto text = [](const nlohmann::json& v) {
        return v.is_null() ? std::optional<std::string>() : v.get<std::string>();
    };
    std::vector<ConsentRow> rows;
    for (const auto& o : nlohmann::json::parse(json)) {
        ConsentRow r;
        r.candidate_id = id;
        r.scope = o.at("scope").get<std::string>();
        r.given_on = text(o.at("given_on"));
        r.valid_until = text(o.at("valid_until"));
        r.withdrawn_on = text(o.at("withdrawn_on"));
        r.source = o.at("source").get<std::string>();
        if (!o.at("batch_id").is_null()) {
            r.batch_id = o.at("batch_id").get<std::int64_t>();
        }
        r.recorded_at = o.at("recorded_at").get<std::string>();
        rows.push_back(std::move(r));
    }
    return rows;
}

// Throw Error(conflict) if a consent of candidate `id` was written after `batch` by anything
// else: a row now stored that is neither as it was before (`before`) nor the batch's.
void check_consents_unchanged(Database& db, std::int64_t batch, std::int64_t id,
                              const std::vector<ConsentRow>& before) {
    for (const auto& now : consent_rows(db, id)) {
        if (now.batch_id == batch) {
            continue;
        }
        const auto same = std::find(before.begin(), before.end(), now) != before.end();
        if (!same) {
            throw Error(ErrorKind::conflict,
                        _f("the {} consent of candidate {} was changed after batch {}; "
                           "undo the later change first (see 'werkstatt audit list')",
                           now.scope, id, batch));
        }
    }
}

// The records an import found unchanged so far, as one bit per record id: a second sighting is
// a duplicate in the file. Memory follows the number of records in the database (an eighth of
// a byte each), not the size of the file.
class SeenRecords {
  public:
    // Remember record `id`; return false if it was remembered before.
    bool remember(std::int64_t id) {
        const auto i = static_cast<std::size_t>(id);
        if (i >= m_bits.size()) {
            m_bits.resize(std::max(i + 1, m_bits.size() * 2));
        }
        const bool before = m_bits[i];
        m_bits[i] = true;
        return !before;
    }
    // Return true if record `id` was remembered.
    bool contains(std::int64_t id) const {
        const auto i = static_cast<std::size_t>(id);
        return i < m_bits.size() && m_bits[i];
    }

  private:
    std::vector<bool> m_bits;
};

// How many valid rows are written together: one INSERT for a group of new records, one lookup
// for a group of known ones. Small enough that memory stays flat.
constexpr std::size_t k_group = 32;

// What became of a row's record.
enum class Outcome { inserted, updated, unchanged };

// A valid row waiting to be written, the line it starts on, and what it says about consent.
struct Pending {
    std::vector<Cell> cells;
    std::size_t line = 0;
    std::optional<FileConsent> consent;
    Outcome outcome = Outcome::inserted;
    std::int64_t id = 0; // of the record, once written or found
};

// Everything one run carries from row to row.
class Run {
  public:
    Run(Database& db, const ImportRequest& request, ImportResult& result)
        : m_db(db), m_request(request), m_result(result), m_kind(request.profile.kind),
          m_schema(m_kind == RecordKind::opening ? opening_schema() : candidate_schema()),
          m_table(db, m_kind) {
        m_context.date_format = request.profile.date_format;
        m_file = request.file.string();
        m_source = request.source.value_or(request.profile.source);
        if (m_kind == RecordKind::opening) {
            for (const auto& c : list_companies(db, CompanyFilter{true, std::nullopt, false})) {
                m_companies.insert(c.key);
            }
        }
    }

    void start(const std::vector<Binding>& bindings) {
        m_bindings.clear();
        for (const auto& b : bindings) {
            (b.normalise ? m_bindings : m_consent_bindings).push_back(b);
        }
        for (const auto& b : m_bindings) {
            for (auto i : field_columns(m_kind, b.field)) {
                m_mapped.insert(i);
            }
            if (b.field == "plz" || b.field == "city") {
                m_mapped.insert(m_schema.index("district_ags"));
            }
        }
        if (m_kind == RecordKind::candidate) {
            m_mapped.insert(m_schema.index("source"));
        }
        m_mapped_mask.assign(m_schema.columns.size(), false);
        for (auto i : m_mapped) {
            m_mapped_mask[i] = true;
        }
        m_defaults = default_cells(m_kind);
        if (m_kind == RecordKind::candidate) {
            m_defaults[m_schema.index("source")] = m_source;
            m_defaults[m_schema.index("confirmed_on")] = m_today;
        }
        m_reference = m_schema.index("reference");
        if (m_kind == RecordKind::opening) {
            m_company = m_schema.index("company_key");
        }
        m_owner = m_schema.index(m_kind == RecordKind::opening ? "company_key" : "source");
        if (m_kind == RecordKind::candidate) {
            m_identity_columns = {m_schema.index("first_name"), m_schema.index("last_name"),
                                  m_schema.index("birth_date"), m_schema.index("email"),
                                  m_schema.index("phone")};
            start_duplicates();
        }
    }

    // Import one data row; return the problems that rejected it (empty if it was taken).
    // `rows` tells which fields a sheet held as numbers.
    std::vector<std::string> row(const CsvRecord& record, const std::string& file,
                                 const RowSource& rows) {
        std::vector<std::string> problems;
        // One row's cells, reused from row to row: assigning keeps the strings' buffers.
        auto& cells = m_cells;
        cells = m_defaults;
        for (const auto& b : m_bindings) {
            std::string_view raw =
                b.index < record.fields.size() ? std::string_view(record.fields[b.index]) : "";
            if (b.field == "plz" && rows.was_number(b.index)) {
                if (const auto restored = Plz::parse_lost_zero(raw)) {
                    warn(_f("{}:{}: column \"{}\": {} lost its leading "
                            "zero in a spreadsheet; read as {}",
                            file, record.line, b.header, text::trim(raw), restored->str()));
                    m_restored_plz = restored->str();
                    raw = m_restored_plz;
                }
            }
            m_context.value_map = b.value_map;
            if (const auto p = (*b.normalise)(raw, m_context, cells)) {
                problems.push_back(fmt::format("{}:{}: column \"{}\": {} (value \"{}\")", file,
                                               record.line, b.header, p->message,
                                               text::display_safe(text::trim(raw))));
            }
        }
        check_identity(cells, record, file, problems);
        auto consent = file_consent(record, file, problems);
        if (!problems.empty()) {
            return problems;
        }
        derive_columns(m_kind, cells);
        if (m_kind == RecordKind::candidate) {
            follow_merged_reference(cells);
            warn_duplicates(cells, record.line);
        }
        queue(cells, record.line, std::move(consent));
        return problems;
    }

    // Write the rows queued so far.
    void flush() {
        const auto n = m_pending_count;
        if (n == 0) {
            return;
        }
        m_pending_count = 0;
        m_pending_rows.clear();
        for (std::size_t i = 0; i < n; ++i) {
            m_pending_rows.push_back(&m_pending[i].cells);
        }
        // Rows come in runs: all new in a first import, all known in a re-import. After new
        // records, insert the next rows in one statement without looking them up; if one of
        // them exists after all, nothing is inserted and they take the way below.
        if (m_insert_first && m_table.insert_new(m_pending_rows, m_batch, m_now)) {
            m_result.batch.inserted += static_cast<std::int64_t>(n);
            const auto& ids = m_table.inserted_ids();
            for (std::size_t i = 0; i < n; ++i) {
                m_pending[i].outcome = Outcome::inserted;
                m_pending[i].id = ids[i];
            }
            write_consents(n);
            write_confirmations(n);
            return;
        }
        m_table.match(m_pending_rows, m_mapped_mask, m_matches);
        bool all_new = true;
        for (std::size_t i = 0; i < n; ++i) {
            const auto& cells = m_pending[i].cells;
            const auto repeated = std::any_of(
                m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(i),
                [&](const Pending& p) { return p.cells[m_reference] == cells[m_reference]; });
            if (repeated) {
                // An earlier row of these may have written the record: look at it now.
                m_table.match({&cells}, m_mapped_mask, m_match_one);
                all_new = upsert(m_pending[i], m_match_one.front()) && all_new;
            } else {
                all_new = upsert(m_pending[i], m_matches[i]) && all_new;
            }
        }
        m_insert_first = all_new;
        write_consents(n);
        write_confirmations(n);
    }

    void set_batch(std::int64_t id, WriteTransaction& txn) {
        m_batch = id;
        m_txn = &txn;
    }

  private:
    // Remember who is in the database already, for warn_duplicates, and which references were
    // merged into another record.
    void start_duplicates() {
        m_merged = merged_reference_targets(m_db);
        for_each_candidate_identity(m_db, [this](const CandidateIdentity& p) {
            if (!m_duplicates.add(p, p.id)) {
                m_duplicates_full = true;
            }
        });
        if (m_duplicates_full) {
            warn(_("too many candidates in the database to look for likely duplicates of every "
                   "row; run 'werkstatt candidate duplicates' after the import"));
        }
    }

    // A row with a reference merged into another record (candidate merge) updates that record.
    void follow_merged_reference(std::vector<Cell>& cells) {
        if (m_merged.empty()) {
            return;
        }
        const auto it =
            m_merged.find({cells[m_owner].value_or(""), cells[m_reference].value_or("")});
        if (it != m_merged.end()) {
            cells[m_owner] = it->second.first;
            cells[m_reference] = it->second.second;
        }
    }

    // Warn once if the row on `line` is likely the same person as a record of another identity
    // or an earlier row of the file (same birth date and name, e-mail or phone); the import goes
    // on. Names and values stay out of the message.
    void warn_duplicates(const std::vector<Cell>& cells, std::size_t line) {
        const auto text = [&](std::size_t column) { return cells[column].value_or(""); };
        m_person.id = 0;
        m_person.source = text(m_owner);
        m_person.reference = text(m_reference);
        m_person.first_name = text(m_identity_columns[0]);
        m_person.last_name = text(m_identity_columns[1]);
        m_person.birth_date = text(m_identity_columns[2]);
        m_person.email = text(m_identity_columns[3]);
        m_person.phone = text(m_identity_columns[4]);
        std::vector<std::string> who;
        bool known = false; // the row's own record or an earlier row with its reference
        const auto keys = DuplicateIndex::keys(m_person);
        for (const auto& hit : m_duplicates.find(keys)) {
            if (hit.same_reference) {
                known = true;
                continue;
            }
            const auto evidence = text::join(evidence_words(hit.evidence), ", ");
            who.push_back(hit.owner > 0 ? _f("candidate {} ({})", hit.owner, evidence)
                                        : _f("the row on line {} ({})", -hit.owner, evidence));
        }
        if (!who.empty()) {
            warn(_f("{}:{}: likely the same person as {}; the row is imported, see "
                    "'werkstatt candidate duplicates' and 'candidate merge'",
                    m_file, line, text::join(who, " and ")));
        }
        if (!known && !m_duplicates_full &&
            !m_duplicates.add(keys, -static_cast<std::int64_t>(line))) {
            m_duplicates_full = true;
            warn(_f("{}:{}: too many records to look for more likely duplicates in this "
                    "import; run 'werkstatt candidate duplicates' afterwards",
                    m_file, line));
        }
    }

    void check_identity(const std::vector<Cell>& cells, const CsvRecord& record,
                        const std::string& file, std::vector<std::string>& problems) {
        if (m_kind == RecordKind::opening) {
            const auto& company = cells[m_company];
            if (company && !company->empty() && m_companies.count(*company) == 0) {
                problems.push_back(fmt::format("{}:{}: column \"company\": no member company "
                                               "with this key (value \"{}\")",
                                               file, record.line, text::display_safe(*company)));
            }
        }
    }

    // Queue a valid row; rows are written in groups of one owner, in the order of the file.
    void queue(std::vector<Cell>& cells, std::size_t line, std::optional<FileConsent> consent) {
        if (m_pending_count > 0 && cells[m_owner] != m_pending.front().cells[m_owner]) {
            flush();
        }
        if (m_pending_count == m_pending.size()) {
            m_pending.emplace_back();
        }
        auto& p = m_pending[m_pending_count++];
        p.cells.swap(cells); // no copy: the next row overwrites what it gets back
        p.line = line;
        p.consent = std::move(consent);
        if (m_pending_count == k_group) {
            flush();
        }
    }

    // Write one queued row, knowing `match` about its record; return true if it was new.
    bool upsert(Pending& row, const RecordMatch& match) {
        const auto& cells = row.cells;
        if (!match.found) {
            row.id = m_table.insert(cells, m_batch, m_now);
            ++m_result.batch.inserted;
            row.outcome = Outcome::inserted;
            return true;
        }
        row.id = match.id;
        // Written earlier in this file, or found unchanged earlier in it: a duplicate.
        const bool written_here = match.batch_id == m_batch;
        const bool unchanged = match.same;
        const bool seen_here = unchanged ? !m_seen.remember(match.id) : m_seen.contains(match.id);
        if (written_here || seen_here) {
            warn(_f("{}:{}: reference \"{}\" appeared earlier in the file; the later "
                    "row wins",
                    m_file, row.line, text::display_safe(*cells[m_reference])));
        }
        if (unchanged) {
            ++m_result.batch.unchanged;
            row.outcome = Outcome::unchanged;
            return false;
        }
        row.outcome = Outcome::updated;
        auto existing = m_table.find(cells); // all columns now: for the merge and the old values
        auto merged = existing->cells;
        for (auto i : m_mapped) {
            merged[i] = cells[i];
        }
        std::vector<std::string> names;
        const auto before =
            changed_json(m_schema, existing->cells, merged, names, existing->batch_id);
        if (!written_here) {
            m_table.record_change(m_batch, existing->id, before);
        }
        m_table.update(existing->id, merged, m_batch, m_now);
        ++m_result.batch.updated;
        m_txn->audit(m_schema.table, existing->id, "import-update",
                     fmt::format("batch={} fields={}", m_batch, text::join(names, ",")));
        return false;
    }

    // Return what `record` says about consent in the columns of m_consent_bindings, nothing if
    // it says nothing; add what is wrong to `problems`.
    std::optional<FileConsent> file_consent(const CsvRecord& record, const std::string& file,
                                            std::vector<std::string>& problems) {
        if (m_consent_bindings.empty()) {
            return std::nullopt;
        }
        FileConsent c;
        bool said = false;
        const auto bad = [&](const Binding& b, std::string_view raw, const std::string& why) {
            problems.push_back(fmt::format("{}:{}: column \"{}\": {} (value \"{}\")", file,
                                           record.line, b.header, why,
                                           text::display_safe(text::trim(raw))));
        };
        for (const auto& b : m_consent_bindings) {
            const std::string_view raw =
                b.index < record.fields.size() ? std::string_view(record.fields[b.index]) : "";
            const auto value = text::trim(raw);
            if (value.empty()) {
                continue;
            }
            said = true;
            if (b.field == "consent_scopes") {
                try {
                    c.scopes = parse_scope_list(value);
                } catch (const Error& e) {
                    bad(b, raw, e.what());
                }
                continue;
            }
            const auto day = Date::parse(value);
            if (!day) {
                bad(b, raw,
                    Date::why_not(value) != "is not a date"
                        ? _("not a day that exists; write DD.MM.YYYY or YYYY-MM-DD")
                        : _("not a date; write DD.MM.YYYY or YYYY-MM-DD"));
                continue;
            }
            (b.field == "consent_given_on" ? c.given_on : c.valid_until) = day;
        }
        if (!said) {
            return std::nullopt;
        }
        if (c.given_on && c.valid_until && *c.valid_until < *c.given_on) {
            problems.push_back(fmt::format("{}:{}: the consent ends on {}, before it was given "
                                           "on {}; correct the consent columns",
                                           file, record.line, c.valid_until->iso(),
                                           c.given_on->iso()));
        }
        if (c.scopes.empty()) {
            c.scopes = {Scope::matching, Scope::sharing}; // what "Einwilligung bis" meant
        }
        return c;
    }

    // Write the consents of the first `n` pending rows, whose records are written: before-images
    // for records the batch did not create, so that undo restores them exactly.
    void write_consents(std::size_t n) {
        m_new_consents.clear();
        for (std::size_t i = 0; i < n; ++i) {
            auto& row = m_pending[i];
            if (!row.consent) {
                continue;
            }
            const auto& reference = row.cells[m_reference];
            const auto id = row.id;
            if (row.outcome == Outcome::inserted) {
                // A record this batch created has no consents: no before-image, nothing kept.
                for (auto& c : new_record_consents(id, *row.consent, m_batch, m_now)) {
                    m_new_consents.push_back(std::move(c));
                }
                continue;
            }
            const auto done = apply_file_consent(m_consents, id, *row.consent, m_batch, m_now);
            for (const auto scope : done.kept_withdrawn) {
                warn(_f("{}:{}: reference \"{}\" withdrew the {} consent; the file's "
                        "older consent does not renew it ('werkstatt candidate consent' "
                        "records a new one)",
                        m_file, row.line, text::display_safe(*reference), to_string(scope)));
            }
            if (!done.changed) {
                continue;
            }
            m_table.record_change(m_batch, id, consent_json(done.before), "consent");
            m_txn->audit("candidate", id, "import-consent", fmt::format("batch={}", m_batch));
            if (row.outcome == Outcome::unchanged) {
                --m_result.batch.unchanged;
                ++m_result.batch.updated;
                row.outcome = Outcome::updated;
            }
        }
        m_consents.insert(m_new_consents);
    }

    // An agency file that lists a person again says that they are still looking: set the
    // confirmation day of the first `n` pending rows' records that the batch did not create (a
    // new record has it from m_defaults), with a before-image so that undo restores it.
    void write_confirmations(std::size_t n) {
        if (m_kind != RecordKind::candidate) {
            return;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const auto& row = m_pending[i];
            if (row.outcome == Outcome::inserted) {
                continue;
            }
            const auto change =
                m_confirmations.confirm(*row.cells[m_owner], *row.cells[m_reference], m_today);
            if (!change) {
                continue;
            }
            nlohmann::json j = nlohmann::json::object();
            j["confirmed_on"] = change->before ? nlohmann::json(*change->before) : nlohmann::json();
            j["day"] = m_today;
            m_table.record_change(m_batch, change->candidate_id, j.dump(), "confirmation");
        }
    }

    void warn(std::string w) {
        if (m_result.warnings.size() < k_kept_warnings) {
            m_result.warnings.push_back(std::move(w));
        } else {
            ++m_more_warnings;
        }
    }

  public:
    // Write one audit row per changed record and one for the batch.
    void audit(WriteTransaction& txn) {
        const auto& b = m_result.batch;
        txn.audit("import_batch", m_batch, "import",
                  fmt::format("{} file={} profile={} read={} inserted={} updated={} unchanged={} "
                              "rejected={}",
                              b.kind, b.file_name, b.profile, b.rows_read, b.inserted, b.updated,
                              b.unchanged, b.rejected));
    }

    void finish_warnings() {
        if (m_more_warnings > 0) {
            m_result.warnings.push_back(
                fmt::format("... and {} more such warnings", m_more_warnings));
        }
    }

    std::string m_now = utc_timestamp();
    // The day the import confirms its people on: the local day, as `candidate confirm` takes it.
    std::string m_today = Date::today().iso();

  private:
    Database& m_db;
    const ImportRequest& m_request;
    ImportResult& m_result;
    RecordKind m_kind;
    const RecordSchema& m_schema;
    RecordTable m_table;
    FieldContext m_context;
    std::string m_source;
    std::set<std::string> m_companies;
    std::vector<Binding> m_bindings;
    std::vector<Binding> m_consent_bindings; // consent_import_fields(): the consent table
    ConsentTable m_consents{m_db};
    std::vector<ConsentRow> m_new_consents; // of the records the current flush inserted
    ConfirmationTable m_confirmations{m_db};
    std::set<std::size_t> m_mapped;
    std::vector<bool> m_mapped_mask; // m_mapped as one flag a column
    std::vector<Cell> m_defaults;    // a new record's cells, the source filled in
    std::vector<Cell> m_cells;       // the row being imported
    std::size_t m_reference = 0;     // column indexes, looked up once
    std::size_t m_company = 0;
    std::size_t m_owner = 0;
    // first name, last name, birth date, e-mail, phone: what likely duplicates are found by
    std::array<std::size_t, 5> m_identity_columns{};
    std::string m_file; // for messages
    // Valid rows not written yet: up to k_group of one owner, kept with their buffers.
    std::vector<Pending> m_pending;
    std::size_t m_pending_count = 0;
    std::vector<const std::vector<Cell>*> m_pending_rows;
    std::vector<RecordMatch> m_matches;
    std::vector<RecordMatch> m_match_one;
    std::int64_t m_batch = 0;
    SeenRecords m_seen;
    bool m_insert_first = false; // the last group held only new records
    WriteTransaction* m_txn = nullptr;
    std::size_t m_more_warnings = 0;
    std::string m_restored_plz; // a PLZ given its leading zero back, for the row at hand
    // Likely duplicates (warn_duplicates) and merged references (follow_merged_reference).
    DuplicateIndex m_duplicates;
    bool m_duplicates_full = false;
    CandidateIdentity m_person;
    std::map<SourceReference, SourceReference> m_merged;
};

// Refuse a request that cannot work before touching the file: a profile of the other kind, a
// source label that could never be imported again.
void check_request(const ImportRequest& r) {
    if (r.expected_kind && *r.expected_kind != r.profile.kind) {
        throw Error(ErrorKind::usage,
                    _f("profile '{}' imports {}s; choose a {} profile", r.profile.name,
                       to_string(r.profile.kind), to_string(*r.expected_kind)));
    }
    if (r.source && !RecordKey::parse(*r.source)) {
        throw Error(ErrorKind::usage,
                    _f("--source '{}' is not a source label; use lower-case letters, "
                       "digits, '-' and '_' (e.g. jc-magdeburg)",
                       *r.source));
    }
}

std::optional<Encoding> chosen_encoding(const ImportRequest& r) {
    return encoding_option(r.encoding.value_or(r.profile.encoding));
}

// Return the column of field `number` (1-based) of a row, for messages: its header, or "#4".
std::string column_name(const ImportProfile& profile, const CsvRecord& header, std::size_t number) {
    if (profile.header && number >= 1 && number <= header.fields.size()) {
        return text::printable(text::trim(header.fields[number - 1]), 60);
    }
    return fmt::format("#{}", number);
}

bool blank(const CsvRecord& record) {
    return record.fields.size() == 1 && text::trim(record.fields[0]).empty();
}

} // namespace

ImportResult run_import(Database& db, const ImportRequest& request) {
    ImportResult result;
    check_request(request);
    // The same reader as every import: a file or standard input, hashed, encoding detected, CSV
    // or a sheet of a workbook.
    RowSourceOptions row_options;
    row_options.delimiter = request.profile.delimiter;
    row_options.sheet = request.sheet;
    auto opened = open_rows(request.file.string(), chosen_encoding(request), row_options);
    auto& reader = *opened.rows;
    const auto& file = reader.where();
    auto* input = opened.file.decoded.get(); // none for a workbook
    result.input = opened.file.name;
    auto& batch = result.batch;
    batch.kind = std::string(to_string(request.profile.kind));
    batch.file_name = opened.file.file_name;
    batch.sha256 = opened.file.sha256;
    batch.profile = request.profile.name;
    batch.source = request.source.value_or(request.profile.source);
    batch.encoding = input != nullptr ? std::string(encoding_name(input->encoding())) : "xlsx";
    batch.started_at = utc_timestamp();

    CsvRecord record;
    bool found = false;
    while (!found && reader.next(record)) {
        found = !blank(record);
    }
    if (!found) {
        throw Error(ErrorKind::bad_data, _f("{} is empty; nothing to import", file));
    }
    if (const auto sheet = reader.sheet()) {
        result.sheet = *sheet;
    } else {
        result.delimiter = delimiter_name(reader.delimiter());
    }
    const CsvRecord header = record;
    // The import writes only keys it knows to exist: its own batch, companies it has looked up
    // (their ids come from the company table itself). Checking two foreign keys per row would
    // cost more than the check proves. Its multi-row statements keep their journals in memory.
    BulkWrite bulk_write(db);
    WriteTransaction txn(db);
    db.set_cache_size(16); // enough for a large import, and bounded
    Run run(db, request, result);
    run.start(bind_header(request.profile, header, file));
    batch.id = insert_batch(db, batch);
    run.set_batch(batch.id, txn);
    std::optional<RejectsFile> rejects;
    if (request.rejects) {
        rejects.emplace(*request.rejects, reader.delimiter());
        if (request.profile.header) {
            rejects->row(header.fields, "error");
        }
    }
    ImportProgress progress{0, 0, input != nullptr ? input->size() : opened.file.workbook->size()};
    const auto process = [&](const CsvRecord& row) {
        ++batch.rows_read;
        // A row the reader could not trust (a stray quote) is rejected whole, not the file.
        const auto problems =
            row.problem.empty()
                ? run.row(row, file, reader)
                : std::vector<std::string>{fmt::format(
                      "{}:{}: column \"{}\": {}", file, row.line,
                      column_name(request.profile, header, row.problem_field), row.problem)};
        if (!problems.empty()) {
            ++batch.rejected;
            result.problem_count += problems.size();
            for (const auto& p : problems) {
                if (result.problems.size() < k_kept_problems) {
                    result.problems.push_back(p);
                }
            }
            if (rejects) {
                rejects->row(row.fields, text::join(problems, " | "));
            }
        }
        if (request.progress && batch.rows_read % 4096 == 0) {
            progress.rows = batch.rows_read;
            progress.bytes = input != nullptr ? input->bytes_consumed()
                                              : reader.bytes_read(progress.total_bytes);
            request.progress(progress);
        }
    };
    if (!request.profile.header) {
        process(header); // without a header, the first record is data
    }
    while (reader.next(record)) {
        if (!blank(record)) {
            process(record);
        }
    }
    run.flush();
    run.finish_warnings();
    if (rejects) {
        rejects->commit();
    }
    if (batch.rows_read == 0) {
        throw Error(ErrorKind::bad_data, _f("{} has a header but no rows; nothing to "
                                            "import",
                                            file));
    }
    const bool all_bad = batch.rejected == batch.rows_read;
    if (all_bad || (request.strict == Strict::yes && batch.rejected > 0)) {
        result.refused = all_bad ? ImportRefusal::every_row_bad : ImportRefusal::strict;
        return result; // rolled back: nothing written
    }
    batch.finished_at = utc_timestamp();
    update_batch(db, batch);
    run.audit(txn);
    txn.finish(request.dry_run);
    result.written = request.dry_run == DryRun::no;
    if (!result.written) {
        batch.id = 0;
    }
    return result;
}

UndoResult undo_import(Database& db, std::int64_t batch_id, DryRun dry_run) {
    // Through erase_and_scrub: the records a batch inserted are personal data, and no journal or
    // write-ahead log may keep them once they are taken back.
    UndoResult result;
    const auto scrubbed = erase_and_scrub(
        db,
        [&](WriteTransaction& txn) {
            const auto batch = find_batch(db, batch_id);
            if (!batch) {
                throw Error(ErrorKind::not_found,
                            _f("no import batch {}; 'werkstatt import list' shows them", batch_id));
            }
            if (batch->undone_at) {
                throw Error(ErrorKind::conflict,
                            _f("batch {} was undone already on {}; nothing to do", batch_id,
                               *batch->undone_at));
            }
            if (const auto day = batch_images_purged_on(db, batch_id)) {
                throw Error(ErrorKind::conflict,
                            _f("import batch {} is older than privacy.claim_months: 'privacy "
                               "purge' erased the values it replaced on {}, so it cannot be "
                               "undone; change the records with 'candidate edit' or 'opening "
                               "edit' instead",
                               batch_id, *day));
            }
            const std::string table = batch->kind == "opening" ? "opening" : "candidate";
            result.batch = *batch;
            const auto created = created_by(db, table, batch_id);
            const auto changed = batch_changes(db, batch_id, table);
            RecordTable records(db,
                                table == "opening" ? RecordKind::opening : RecordKind::candidate);
            for (const auto& [id, last] : created) {
                if (last != batch_id) {
                    throw Error(ErrorKind::conflict,
                                _f("{} {} was changed after batch {}; undo the later change "
                                   "first (see 'werkstatt audit list')",
                                   table, id, batch_id));
                }
            }
            for (const auto& [id, before] : changed) {
                const auto now = records.find_id(id);
                if (now && now->batch_id != batch_id) {
                    throw Error(ErrorKind::conflict,
                                _f("{} {} was changed after batch {}; undo the later change "
                                   "first (see 'werkstatt audit list')",
                                   table, id, batch_id));
                }
            }
            std::vector<std::pair<std::int64_t, std::vector<ConsentRow>>> consents;
            if (table == "candidate") {
                for (const auto id : consents_changed_after(db, batch_id)) {
                    throw Error(ErrorKind::conflict,
                                _f("the consent of candidate {} was changed after batch {}; "
                                   "undo the later change first (see 'werkstatt audit list')",
                                   id, batch_id));
                }
                for (const auto& [id, before] : batch_changes(db, batch_id, "consent")) {
                    consents.emplace_back(id, consent_rows_of_json(id, before));
                    check_consents_unchanged(db, batch_id, id, consents.back().second);
                }
            }
            if (const auto held = placements_of_batch(db, table, batch_id); held > 0) {
                throw Error(
                    ErrorKind::conflict,
                    table == "opening"
                        ? fmt::format(
                              fmt::runtime(n_("batch {} created openings that {} placement refers "
                                              "to; undo would lose the coordinators' work "
                                              "('werkstatt placement list' shows it)",
                                              "batch {} created openings that {} placements refer "
                                              "to; undo would lose the coordinators' work "
                                              "('werkstatt placement list' shows them)",
                                              static_cast<std::uint64_t>(held))),
                              batch_id, held)
                        : fmt::format(
                              fmt::runtime(n_("batch {} created candidates that {} placement "
                                              "refers to; undo would lose the coordinators' work "
                                              "('werkstatt placement list' shows it)",
                                              "batch {} created candidates that {} placements "
                                              "refer to; undo would lose the coordinators' work "
                                              "('werkstatt placement list' shows them)",
                                              static_cast<std::uint64_t>(held))),
                              batch_id, held));
            }
            if (table == "candidate") {
                for (const auto& [id, last] : created) {
                    delete_merges_of(db, id); // a merge into it keeps another record's images
                }
            }
            result.deleted = delete_created_by(db, table, batch_id);
            const auto& schema = table == "opening" ? opening_schema() : candidate_schema();
            for (const auto& [id, before] : changed) {
                auto record = records.find_id(id);
                if (!record) {
                    continue;
                }
                const auto old = nlohmann::json::parse(before);
                std::optional<std::int64_t> last_batch;
                for (auto it = old.begin(); it != old.end(); ++it) {
                    if (it.key() == k_last_batch) {
                        if (!it.value().is_null()) {
                            last_batch = it.value().get<std::int64_t>();
                        }
                        continue;
                    }
                    record->cells[schema.index(it.key())] =
                        it.value().is_null() ? Cell() : Cell(it.value().get<std::string>());
                }
                records.update(id, record->cells, last_batch, utc_timestamp());
                ++result.restored;
            }
            for (const auto& [id, rows] : consents) {
                if (!records.find_id(id)) {
                    continue; // created by the batch: gone with its consents
                }
                delete_consent_rows(db, id);
                for (const auto& row : rows) {
                    put_consent_row(db, row);
                }
                if (std::none_of(changed.begin(), changed.end(),
                                 [&](const auto& c) { return c.first == id; })) {
                    ++result.restored; // only its consents had changed
                }
            }
            if (table == "candidate") {
                ConfirmationTable confirmations(db);
                for (const auto& [id, before] : batch_changes(db, batch_id, "confirmation")) {
                    const auto old = nlohmann::json::parse(before);
                    const auto& was = old.at("confirmed_on");
                    confirmations.restore(
                        id, was.is_null() ? std::nullopt : std::optional(was.get<std::string>()),
                        old.at("day").get<std::string>());
                }
            }
            mark_undone(db, batch_id, utc_timestamp());
            txn.audit("import_batch", batch_id, "undo",
                      fmt::format("deleted={} restored={}", result.deleted, result.restored));
        },
        dry_run);
    result.scrubbed = scrubbed;
    return result;
}

Records batch_records(const std::vector<ImportBatch>& batches) {
    Records r;
    r.columns = {"id",       "kind",       "file",        "profile",   "source",
                 "encoding", "read",       "inserted",    "updated",   "unchanged",
                 "rejected", "started_at", "finished_at", "undone_at", "sha256"};
    for (const auto& b : batches) {
        r.rows.push_back({b.id, b.kind, b.file_name, b.profile, b.source, b.encoding, b.rows_read,
                          b.inserted, b.updated, b.unchanged, b.rejected, b.started_at,
                          b.finished_at, optional_value(b.undone_at), b.sha256});
    }
    return r;
}

} // namespace werkstatt
