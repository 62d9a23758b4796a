// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicants/fields.hpp"
#include "core/i18n.hpp"

#include "applicants/consent.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/candidate_values.hpp"
#include "domain/reporting_values.hpp"
#include "domain/text_field.hpp"
#include "domain/values.hpp"
#include "io/csv.hpp"
#include "reference/nationality.hpp"
#include "reference/plz_directory.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <unordered_map>

namespace werkstatt {

namespace {

using Problem = std::optional<FieldProblem>;

Problem problem(std::string message) {
    return FieldProblem{std::move(message)};
}

// Everything a normaliser needs: the value, the context, and the row to write into.
struct Input {
    std::string_view value; // trimmed, formula apostrophe removed, value map applied
    const FieldContext& context;
    std::vector<Cell>& cells;
    void set(std::size_t column, Cell cell) const { cells[column] = std::move(cell); }
    // Set `column` to `text`, reusing the cell's buffer: this runs for every cell of a file.
    void set_text(std::size_t column, std::string_view text) const {
        auto& cell = cells[column];
        if (cell) {
            cell->assign(text);
        } else {
            cell.emplace(text);
        }
    }
};

using Normaliser = std::function<Problem(const Input&)>;

} // namespace

// A field's entry in the normaliser table.
struct FieldRule {
    template <class F>
    FieldRule(F f) : normalise(std::move(f)) {} // implicit: the tables list bare normalisers
    FieldRule(Normaliser f, bool from_files) : normalise(std::move(f)), importable(from_files) {}
    Normaliser normalise;
    bool importable = true; // false: set by hand only, never by an import profile
};

namespace {

// The column indexes of the two schemas, looked up once when the normaliser tables are built.
std::size_t candidate_column(std::string_view column) {
    return candidate_schema().index(column);
}

std::size_t opening_column(std::string_view column) {
    return opening_schema().index(column);
}

Problem plain_text(const Input& in, std::size_t column, std::size_t max_bytes) {
    auto& cell = in.cells[column];
    TextProblem why = TextProblem::none;
    if (cell) {
        why = clean_text_into(in.value, max_bytes, *cell); // reuses the cell's buffer
    } else {
        std::string out;
        why = clean_text_into(in.value, max_bytes, out);
        if (why == TextProblem::none) {
            cell = std::move(out);
        }
    }
    return why == TextProblem::none ? std::nullopt : problem(describe(why, max_bytes));
}

Normaliser text_field(std::size_t column, std::size_t max_bytes) {
    return [column, max_bytes](const Input& in) { return plain_text(in, column, max_bytes); };
}

Normaliser required_text(std::size_t column, std::size_t max_bytes) {
    return [column, max_bytes](const Input& in) -> Problem {
        if (in.value.empty()) {
            return problem(_("is empty but required"));
        }
        return plain_text(in, column, max_bytes);
    };
}

Normaliser date_field(std::size_t column) {
    return [column](const Input& in) -> Problem {
        if (in.value.empty()) {
            in.set(column, std::nullopt);
            return std::nullopt;
        }
        const auto d = Date::parse(in.value);
        if (!d) {
            const bool shaped = Date::why_not(in.value) != "is not a date";
            return problem(_f("{}; write {}", shaped ? _("not a day that exists") : _("not a date"),
                              in.context.date_format == DateFormat::german
                                  ? _("DD.MM.YYYY or YYYY-MM-DD")
                                  : _("YYYY-MM-DD or DD.MM.YYYY")));
        }
        in.set(column, d->iso());
        return std::nullopt;
    };
}

// An integer from `min` to `max`; an empty cell stores `empty` (NULL if not given).
Normaliser integer_field(std::size_t column, std::int64_t min, std::int64_t max,
                         Cell empty = std::nullopt) {
    return [column, min, max, empty](const Input& in) -> Problem {
        if (in.value.empty()) {
            in.set(column, empty);
            return std::nullopt;
        }
        const auto n = text::parse_int(in.value);
        if (!n || *n < min || *n > max) {
            return problem(_f("not a whole number from {} to {}", min, max));
        }
        in.set(column, std::to_string(*n));
        return std::nullopt;
    };
}

std::optional<bool> parse_flag(std::string_view v) {
    const auto f = text::ascii_lower(v);
    // WAHR and FALSCH: what German Excel writes for TRUE and FALSE in a CSV file.
    if (f == "1" || f == "true" || f == "yes" || f == "ja" || f == "wahr" || f == "x") {
        return true;
    }
    if (f == "0" || f == "false" || f == "no" || f == "nein" || f == "falsch" || f.empty()) {
        return false;
    }
    return std::nullopt;
}

// Yes or no; an empty cell means `empty`.
Normaliser flag_field(std::size_t column, bool empty = false) {
    return [column, empty](const Input& in) -> Problem {
        const auto b = in.value.empty() ? std::optional(empty) : parse_flag(in.value);
        if (!b) {
            return problem(_("not yes or no; write true or false"));
        }
        in.set(column, *b ? "1" : "0");
        return std::nullopt;
    };
}

// A field whose value must parse into a code (`parse` gives the stored text or nothing).
Normaliser code_field(std::size_t column, std::function<Cell(std::string_view)> parse,
                      std::string what, bool empty_is_null = true) {
    return [=](const Input& in) -> Problem {
        if (in.value.empty() && empty_is_null) {
            in.set(column, std::nullopt);
            return std::nullopt;
        }
        auto cell = parse(in.value);
        if (!cell) {
            return problem(_(what.c_str())); // marked N_() where the table names it
        }
        in.set(column, std::move(cell));
        return std::nullopt;
    };
}

Problem source_label(const Input& in) {
    const auto key = RecordKey::parse(text::ascii_lower(in.value));
    if (!key) {
        return problem(
            _("not a source label; use letters, digits, '-' and '_' (e.g. jc-magdeburg)"));
    }
    in.set_text(candidate_column("source"), key->str());
    return std::nullopt;
}

Normaliser plz_field(std::size_t column) {
    return [column](const Input& in) -> Problem {
        if (in.value.empty()) {
            in.set_text(column, "");
            return std::nullopt;
        }
        const auto plz = Plz::parse(in.value);
        if (!plz) {
            return problem(_("not a PLZ of five digits"));
        }
        in.set_text(column, plz->str());
        return std::nullopt;
    };
}

Problem email_field(const Input& in) {
    static const auto column = candidate_column("email");
    if (in.value.empty()) {
        in.set_text(column, "");
        return std::nullopt;
    }
    const auto email = Email::parse(in.value);
    if (!email) {
        return problem(_("not an email address like name@example.org"));
    }
    in.set_text(column, email->str());
    return std::nullopt;
}

Problem phone_field(const Input& in) {
    static const auto column = candidate_column("phone");
    if (in.value.empty()) {
        in.set_text(column, "");
        return std::nullopt;
    }
    const auto phone = Phone::parse(in.value);
    if (!phone) {
        return problem(_("not a telephone number (digits, blanks and + ( ) / - .)"));
    }
    in.set_text(column, phone->str());
    return std::nullopt;
}

Problem nationality_field(const Input& in) {
    static const auto column = candidate_column("nationality");
    static const auto code_column = candidate_column("nationality_code");
    if (auto p = plain_text(in, column, 100)) {
        return p;
    }
    // Kept as written; the ISO code only where known. Never a reason to reject a row.
    in.set(code_column, nationality_code(in.value));
    return std::nullopt;
}

Problem languages_field(const Input& in) {
    static const auto column = candidate_column("languages");
    const auto parsed = parse_languages(in.value);
    if (!parsed) {
        return problem(parsed.reason);
    }
    std::vector<std::string> items;
    for (const auto& skill : *parsed) {
        items.push_back(skill.code + ":" + std::string(skill.level.str()));
    }
    in.set_text(column, text::join(items, ";"));
    return std::nullopt;
}

Normaliser licences_field(std::size_t column) {
    return [column](const Input& in) -> Problem {
        const auto parsed = LicenceSet::parse(in.value);
        if (!parsed) {
            return problem(parsed.reason);
        }
        in.set_text(column, parsed->str());
        return std::nullopt;
    };
}

Cell cefr(std::string_view v) {
    const auto level = CefrLevel::parse(v);
    return level ? Cell(std::string(level->str())) : std::nullopt;
}

Cell kldb(std::string_view v) {
    const auto code = KldbCode::parse(v);
    return code ? Cell(code->str()) : std::nullopt;
}

// A field set by hand only (`candidate edit`, `candidate exit`), never from a file: special
// categories of personal data (Art. 9 GDPR) and the consent to them, and what the commands that
// record leaving write.
FieldRule hand_only(Normaliser n) {
    return FieldRule(std::move(n), false);
}

// `n`, except that "unknown" (and an empty value) clears `column` to NULL: not recorded.
Normaliser unknown_clears(std::size_t column, Normaliser n) {
    return [column, n = std::move(n)](const Input& in) -> Problem {
        if (is_unknown_fact(in.value)) {
            in.set(column, std::nullopt);
            return std::nullopt;
        }
        return n(in);
    };
}

// A fact of the reports that is one of a few codes: `parse` gives the stored name or nothing;
// "unknown" or an empty value clears it.
template <class Parse>
Normaliser fact_field(std::size_t column, Parse parse, std::string what) {
    return unknown_clears(column, [column, parse, what](const Input& in) -> Problem {
        const auto v = parse(in.value);
        if (!v) {
            return problem(_(what.c_str())); // marked N_() where the table names it
        }
        in.set(column, std::string(to_string(*v)));
        return std::nullopt;
    });
}

Problem country_of_birth_field(const Input& in) {
    static const auto column = candidate_column("country_of_birth");
    const auto code = country_code(in.value);
    if (!code) {
        return problem(_("not a country werkstatt knows; write its ISO code (SY) or its German "
                         "name (Syrien), or unknown"));
    }
    in.set(column, *code);
    return std::nullopt;
}

Problem second_nationality_field(const Input& in) {
    static const auto column = candidate_column("second_nationality");
    static const auto code_column = candidate_column("second_nationality_code");
    if (is_unknown_fact(in.value)) {
        in.set_text(column, "");
        in.set(code_column, std::nullopt);
        return std::nullopt;
    }
    if (auto p = plain_text(in, column, 100)) {
        return p;
    }
    // Kept as written, like the first nationality; the ISO code only where known.
    in.set(code_column, nationality_code(in.value));
    return std::nullopt;
}

Normaliser yes_no_fact(std::size_t column) {
    return unknown_clears(column, [column](const Input& in) -> Problem {
        const auto b = parse_yes_no(in.value);
        if (!b) {
            return problem(_("not yes, no or unknown"));
        }
        in.set(column, *b ? "1" : "0");
        return std::nullopt;
    });
}

const std::map<std::string, FieldRule>& candidate_normalisers() {
    const auto col = candidate_column;
    static const std::map<std::string, FieldRule> table = {
        {"source", source_label},
        {"reference", required_text(col("reference"), 64)},
        {"first_name", text_field(col("first_name"), 200)},
        {"last_name", text_field(col("last_name"), 200)},
        {"email", email_field},
        {"phone", phone_field},
        {"plz", plz_field(col("plz"))},
        {"city", text_field(col("city"), 200)},
        {"kldb",
         code_field(col("kldb"), kldb, N_("not a KldB 2010 code of five digits (e.g. 52122)"))},
        {"occupation", text_field(col("occupation"), 200)},
        {"german",
         code_field(col("german"), cefr, N_("not a CEFR level (A1 to C2, or Muttersprache)"))},
        {"languages", languages_field},
        {"residence_status",
         code_field(
             col("residence_status"),
             [](std::string_view v) -> Cell {
                 const auto s = parse_residence_status(text::ascii_lower(v));
                 return s ? Cell(std::string(to_string(*s))) : std::nullopt;
             },
             N_("unknown residence status; use a code (eu, niederlassung, schutz, ukraine, "
                "bleiberecht, fachkraft, blaue-karte, ausbildung, anerkennung, beschaeftigung, "
                "fiktion, gestattung, duldung, duldung-60b, ausbildungsduldung, studium, "
                "sprachkurs, "
                "ausbildungssuche, arbeitssuche, chancenkarte, ausbildung-16g, familie, "
                "humanitaer, "
                "aufnahme, ausland, unknown) or map the "
                "agency's spelling in the profile's [values.residence_status]"),
             false)},
        {"recognition", code_field(
                            col("recognition"),
                            [](std::string_view v) -> Cell {
                                const auto r = parse_recognition(text::ascii_lower(v));
                                return r ? Cell(std::string(to_string(*r))) : std::nullopt;
                            },
                            N_("unknown recognition status; map it in the profile's "
                               "[values.recognition]"))},
        {"licences", licences_field(col("licences"))},
        {"available_from", date_field(col("available_from"))},
        {"permit_until", date_field(col("permit_until"))},
        {"radius_km", integer_field(col("radius_km"), 0, 1000)},
        {"notes", text_field(col("notes"), 4000)},
        {"gender", code_field(
                       col("gender"),
                       [](std::string_view v) -> Cell {
                           const auto g = parse_gender(v);
                           return g ? Cell(std::string(to_string(*g))) : std::nullopt;
                       },
                       N_("unknown gender; use w, m, d or leave it empty"), false)},
        {"birth_date", date_field(col("birth_date"))},
        {"nationality", nationality_field},
        {"employment_at_entry",
         code_field(
             col("employment_at_entry"),
             [](std::string_view v) -> Cell {
                 const auto e = parse_employment_at_entry(v);
                 return e ? Cell(std::string(to_string(*e))) : std::nullopt;
             },
             N_("unknown employment status; use unemployed, long-term-unemployed, inactive or "
                "employed"))},
        {"isced", code_field(
                      col("isced"),
                      [](std::string_view v) -> Cell {
                          const auto i = IscedLevel::parse(v);
                          return i ? Cell(i->str()) : std::nullopt;
                      },
                      N_("not an ISCED level 0 to 8"))},
        {"entry_date", date_field(col("entry_date"))},
        {"exit_date", date_field(col("exit_date"))},
        {"active", flag_field(col("active"), true)},
        {"country_of_birth", unknown_clears(col("country_of_birth"), country_of_birth_field)},
        {"second_nationality", second_nationality_field},
        {"unemployed_since",
         unknown_clears(col("unemployed_since"), date_field(col("unemployed_since")))},
        {"housing", fact_field(col("housing"), parse_housing,
                               N_("not homeless, housing-exclusion, housed or unknown"))},
        {"foreign_background", hand_only(yes_no_fact(col("foreign_background")))},
        {"disability", hand_only(fact_field(col("disability"), parse_sensitive_answer,
                                            N_("not yes, no, declined or unknown")))},
        {"minority", hand_only(fact_field(col("minority"), parse_sensitive_answer,
                                          N_("not yes, no, declined or unknown")))},
        {"exit_situation",
         hand_only(fact_field(col("exit_situation"), parse_exit_situation,
                              N_("not job-searching, education, qualification, employed, "
                                 "self-employed or other")))},
        {"status_6m", hand_only(fact_field(col("status_6m"), parse_follow_up_status,
                                           N_("not employed, self-employed, job-searching, "
                                              "education, inactive or other")))},
        {"status_6m_date",
         hand_only(unknown_clears(col("status_6m_date"), date_field(col("status_6m_date"))))},
    };
    return table;
}

const std::map<std::string, FieldRule>& opening_normalisers() {
    const auto col = opening_column;
    static const std::map<std::string, FieldRule> table = {
        {"company", required_text(col("company_key"), 40)},
        {"title", required_text(col("title"), 200)},
        {"reference", required_text(col("reference"), 64)},
        {"kldb",
         code_field(col("kldb"), kldb, N_("not a KldB 2010 code of five digits (e.g. 52122)"))},
        {"german", code_field(col("german"), cefr, N_("not a CEFR level (A1 to C2)"))},
        {"plz", plz_field(col("plz"))},
        {"city", text_field(col("city"), 200)},
        {"positions", integer_field(col("positions"), 1, 10000, Cell("1"))},
        {"start_date", date_field(col("start_date"))},
        {"latest_start", date_field(col("latest_start"))},
        {"licence", licences_field(col("licence"))},
        {"max_distance_km", integer_field(col("max_distance_km"), 0, 1000)},
        {"needs_recognition", flag_field(col("needs_recognition"))},
        {"notes", text_field(col("notes"), 4000)},
        {"status", code_field(
                       col("status"),
                       [](std::string_view v) -> Cell {
                           const auto s = text::ascii_lower(v);
                           return s == "open" || s == "closed" ? Cell(s) : std::nullopt;
                       },
                       N_("not open or closed"), false)},
    };
    return table;
}

const std::map<std::string, FieldRule>& normalisers(RecordKind kind) {
    return kind == RecordKind::opening ? opening_normalisers() : candidate_normalisers();
}

} // namespace

const std::vector<std::string>& import_fields(RecordKind kind) {
    static const auto names_of = [](const std::map<std::string, FieldRule>& table) {
        std::vector<std::string> names;
        for (const auto& entry : table) {
            if (entry.second.importable) {
                names.push_back(entry.first);
            }
        }
        return names;
    };
    static const std::vector<std::string> candidate = [] {
        auto names = names_of(candidate_normalisers());
        // The consent goes to the consent table, not to a column (applicants/consent.hpp).
        for (const auto& f : consent_import_fields()) {
            names.push_back(f);
        }
        std::sort(names.begin(), names.end());
        return names;
    }();
    static const std::vector<std::string> opening = names_of(opening_normalisers());
    return kind == RecordKind::opening ? opening : candidate;
}

bool hand_only_field(RecordKind kind, const std::string& field) {
    const auto& table = normalisers(kind);
    const auto it = table.find(field);
    return it != table.end() && !it->second.importable;
}

FieldNormaliser::FieldNormaliser(RecordKind kind, const std::string& field) {
    const auto& table = normalisers(kind);
    const auto it = table.find(field);
    if (it == table.end()) {
        throw Error(ErrorKind::internal, _f("no normaliser for field {}; please report "
                                            "this",
                                            field));
    }
    m_rule = &it->second;
}

std::optional<FieldProblem> FieldNormaliser::operator()(std::string_view raw,
                                                        const FieldContext& context,
                                                        std::vector<Cell>& cells) const {
    // Views where possible: this runs for every cell of every imported row.
    std::string_view value = text::trim(raw);
    std::string restored;
    if (!value.empty() && value.front() == '\'') {
        restored = restore_formula(value);
        value = text::trim(restored);
    }
    if (context.value_map != nullptr) {
        if (m_cached_map != context.value_map || m_mapped.size() > 1024) {
            m_mapped.clear();
            m_cached_map = context.value_map;
        }
        auto known = m_mapped.find(value);
        if (known == m_mapped.end()) {
            const auto mapped = context.value_map->find(text::fold_for_match(value));
            known = m_mapped
                        .emplace(std::string(value),
                                 mapped != context.value_map->end() ? &mapped->second : nullptr)
                        .first;
        }
        if (known->second != nullptr) {
            value = *known->second;
        }
    }
    return m_rule->normalise(Input{value, context, cells});
}

std::optional<FieldProblem> normalise_field(RecordKind kind, const std::string& field,
                                            std::string_view raw, const FieldContext& context,
                                            std::vector<Cell>& cells) {
    return FieldNormaliser(kind, field)(raw, context, cells);
}

std::vector<std::size_t> field_columns(RecordKind kind, const std::string& field) {
    const auto& schema = schema_of(kind);
    if (field == "nationality") {
        return {schema.index("nationality"), schema.index("nationality_code")};
    }
    if (field == "second_nationality") {
        return {schema.index("second_nationality"), schema.index("second_nationality_code")};
    }
    if (field == "company") {
        return {schema.index("company_key")};
    }
    return {schema.index(field)};
}

namespace {

// Return the district key of `plz` at `city`, remembered per (PLZ, city): an agency file repeats
// a few hundred places over and over. The memory is bounded.
Cell district_of(const std::string& plz, const std::string& city) {
    thread_local std::unordered_map<std::string, Cell> cache;
    thread_local std::string key; // reused: no allocation per row
    key.assign(plz).append(1, '\x1f').append(city);
    if (const auto it = cache.find(key); it != cache.end()) {
        return it->second;
    }
    Cell district;
    if (const auto code = Plz::parse(plz)) {
        const auto found = PlzDirectory::shipped().resolve(*code, city);
        if (found.district) {
            district = found.district->ags;
        }
    }
    if (cache.size() > 8192) {
        cache.clear();
    }
    cache.emplace(key, district);
    return district;
}

} // namespace

void derive_columns(RecordKind kind, std::vector<Cell>& cells) {
    struct Columns {
        std::size_t plz, city, district;
    };
    static const auto columns_of = [](const RecordSchema& schema) {
        return Columns{schema.index("plz"), schema.index("city"), schema.index("district_ags")};
    };
    static const Columns candidate = columns_of(candidate_schema());
    static const Columns opening = columns_of(opening_schema());
    const auto& c = kind == RecordKind::opening ? opening : candidate;
    const auto& plz = cells[c.plz];
    const auto& city = cells[c.city];
    cells[c.district] = plz && !plz->empty() ? district_of(*plz, city ? *city : "") : Cell();
}

std::vector<Cell> default_cells(RecordKind kind) {
    static const auto defaults_of = [](RecordKind k) {
        const auto& schema = schema_of(k);
        std::vector<Cell> cells(schema.columns.size());
        const auto set = [&](const char* column, const char* value) {
            cells[schema.index(column)] = std::string(value);
        };
        if (k == RecordKind::candidate) {
            for (const char* c :
                 {"first_name", "last_name", "email", "phone", "plz", "city", "occupation",
                  "languages", "licences", "notes", "nationality", "second_nationality"}) {
                set(c, "");
            }
            set("residence_status", "unknown");
            set("gender", "unspecified");
            set("active", "1");
        } else {
            for (const char* c : {"plz", "city", "licence", "notes"}) {
                set(c, "");
            }
            set("positions", "1");
            set("needs_recognition", "0");
            set("status", "open");
        }
        return cells;
    };
    static const std::vector<Cell> candidate = defaults_of(RecordKind::candidate);
    static const std::vector<Cell> opening = defaults_of(RecordKind::opening);
    return kind == RecordKind::opening ? opening : candidate;
}

} // namespace werkstatt
