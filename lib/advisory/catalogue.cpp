// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/catalogue.hpp"
#include "core/i18n.hpp"

#include "advisory/advisors.hpp"
#include "advisory/conditions.hpp"
#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/values.hpp"
#include "store/advisory_store.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace werkstatt {

using advisory_detail::k_condition_keys;
using advisory_detail::read_condition;

namespace {

// FNV-1a, 64 bits, over the fields with a separator that text cannot contain.
class Fingerprint {
  public:
    Fingerprint& add(std::string_view s) {
        for (unsigned char c : s) {
            mix(c);
        }
        mix(0x1f);
        return *this;
    }
    std::string hex() const { return fmt::format("{:016x}", m_hash); }

  private:
    void mix(unsigned char c) {
        m_hash ^= c;
        m_hash *= 1099511628211ULL;
    }
    std::uint64_t m_hash = 14695981039346656037ULL;
};

std::string topic_keys(const std::vector<AdvisoryTopic>& topics) {
    std::vector<std::string> keys;
    for (const auto t : topics) {
        keys.emplace_back(to_string(t));
    }
    return text::join(keys, ",");
}

CatalogueState state_of(Origin origin, const std::string& stored, const std::string& current) {
    if (origin == Origin::local) {
        return CatalogueState::local;
    }
    return stored == current ? CatalogueState::shipped : CatalogueState::edited;
}

[[noreturn]] void cannot_read(const std::filesystem::path& path) {
    throw Error(ErrorKind::config, _f("cannot read catalogue file {}; check the path in "
                                      "catalogue.advisor_files or "
                                      "catalogue.funding_files",
                                      path.string()));
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        cannot_read(path);
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Build the advisory services of one CSV catalogue file; any bad row is a config error.
std::vector<AdvisoryService> advisors_from(std::string_view text, const std::string& source) {
    std::istringstream in{std::string(text)};
    std::vector<AdvisoryService> out;
    try {
        for (const auto& row : read_advisor_csv(in, source)) {
            if (!row.problem.empty()) {
                throw Error(ErrorKind::bad_data, row.problem);
            }
            AdvisoryService s;
            std::vector<std::string> changed;
            try {
                apply_advisor_fields(s, row.fields, changed);
                require_complete(s);
            } catch (const Error& e) {
                throw Error(ErrorKind::bad_data, _f("{}:{}: {}", source, row.line, e.what()));
            }
            out.push_back(std::move(s));
        }
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::bad_data) {
            throw;
        }
        throw Error(ErrorKind::config, _f("{}; fix the catalogue file", e.what()));
    }
    return out;
}

// Merge `entries` by key into `by_key`: later ones win.
template <typename T>
void merge(std::map<std::string, T>& by_key, std::vector<T> entries) {
    for (auto& e : entries) {
        by_key[e.key] = std::move(e);
    }
}

// The operations update_catalogue needs per kind of row.
template <typename T>
struct RowOps {
    std::optional<T> (*find)(Database&, std::string_view);
    std::int64_t (*insert)(Database&, const T&);
    void (*update)(Database&, const T&);
    std::string (*fingerprint)(const T&);
    CatalogueKind kind;
};

// What a coordinator records about a catalogue row that is not catalogue content survives an
// update: the day an advisory service was last checked.
void keep_local_facts(AdvisoryService& row, const AdvisoryService& existing) {
    row.last_verified = existing.last_verified;
}
void keep_local_facts(FundingInstrument&, const FundingInstrument&) {}

template <typename T>
void reconcile(Database& db, const std::map<std::string, T>& shipped, const RowOps<T>& ops,
               CatalogueCounts& counts) {
    for (const auto& [key, entry] : shipped) {
        const auto shipped_hash = ops.fingerprint(entry);
        const auto existing = ops.find(db, key);
        if (!existing) {
            if (catalogue_removed(db, ops.kind, key)) {
                counts.kept_removed.push_back(key);
                continue;
            }
            T row = entry;
            row.origin = Origin::catalogue;
            row.catalogue_hash = shipped_hash;
            ops.insert(db, row);
            ++counts.inserted;
            continue;
        }
        if (existing->origin == Origin::local) {
            counts.kept_local.push_back(key);
            continue;
        }
        if (ops.fingerprint(*existing) != existing->catalogue_hash) {
            counts.kept_edited.push_back(key);
            continue;
        }
        if (existing->catalogue_hash == shipped_hash) {
            ++counts.unchanged;
            continue;
        }
        T row = entry;
        row.id = existing->id;
        row.origin = Origin::catalogue;
        row.catalogue_hash = shipped_hash;
        keep_local_facts(row, *existing);
        ops.update(db, row);
        ++counts.updated;
    }
}

std::string counts_detail(const char* kind, const CatalogueCounts& c) {
    return fmt::format("{}: inserted={} updated={} unchanged={} kept_edited={} kept_local={} "
                       "kept_removed={}",
                       kind, c.inserted, c.updated, c.unchanged, c.kept_edited.size(),
                       c.kept_local.size(), c.kept_removed.size());
}

} // namespace

std::string advisor_fingerprint(const AdvisoryService& s) {
    Fingerprint f;
    f.add(s.key).add(s.organisation).add(s.service).add(topic_keys(s.topics));
    f.add(s.statewide ? "statewide" : text::join(s.districts, ","));
    f.add(s.street).add(s.plz).add(s.city).add(s.contact_person).add(s.phone).add(s.email);
    // Not last_verified: recording a check (advisor edit --verified, as advisor find asks) is
    // not an edit of the catalogue's content and must not stop later corrections arriving.
    f.add(s.web).add(text::join(s.languages, ",")).add(s.opening_hours).add(s.notes);
    return f.hex();
}

std::string funding_fingerprint(const FundingInstrument& i) {
    Fingerprint f;
    f.add(i.key).add(i.name).add(i.grantor).add(i.audience).add(i.pays).add(i.apply_at);
    f.add(i.legal_basis).add(i.source).add(text::join(i.tags, ",")).add(i.description);
    f.add(conditions_json(i.conditions));
    return f.hex();
}

CatalogueState catalogue_state(const AdvisoryService& s) {
    return state_of(s.origin, s.catalogue_hash, advisor_fingerprint(s));
}

CatalogueState catalogue_state(const FundingInstrument& i) {
    return state_of(i.origin, i.catalogue_hash, funding_fingerprint(i));
}

std::string_view describe(CatalogueState state) {
    switch (state) {
    case CatalogueState::local:
        return "local";
    case CatalogueState::shipped:
        return "catalogue";
    case CatalogueState::edited:
        return "catalogue, edited here";
    }
    return "local";
}

std::vector<FundingInstrument> parse_funding_toml(std::string_view text, std::string_view source) {
    const auto doc = parse_toml(text, source);
    const TableReader file(source, doc, "the funding file");
    file.check_keys({"valid_as_of", "sources", "instrument"});
    if (doc.contains("valid_as_of")) {
        file.date("valid_as_of"); // a date the catalogue was last checked, when given
    }
    file.texts("sources");
    std::vector<FundingInstrument> out;
    std::set<std::string> keys;
    for (const auto* table : file.tables("instrument")) {
        const TableReader r(source, *table, "an instrument");
        r.check_keys({"key", "name", "grantor", "audience", "audience_de", "pays", "pays_de",
                      "apply_at", "apply_at_de", "legal_basis", "source", "tags", "description",
                      "description_de", "when"});
        FundingInstrument i;
        const auto key = RecordKey::parse(r.text("key", true));
        if (!key) {
            r.fail(*table->get("key"), "'key' must be 1 to 40 of a-z, 0-9, - and _");
        }
        i.key = key->str();
        if (!keys.insert(i.key).second) {
            r.fail(*table->get("key"),
                   fmt::format("a second instrument '{}'; keep one per key", i.key));
        }
        i.name = r.text("name", true);
        i.grantor = r.text("grantor", false);
        i.audience = r.text("audience", false);
        i.audience_de = r.text("audience_de", false);
        i.pays = r.text("pays", false);
        i.pays_de = r.text("pays_de", false);
        i.apply_at = r.text("apply_at", false);
        i.apply_at_de = r.text("apply_at_de", false);
        i.legal_basis = r.text("legal_basis", false);
        i.source = r.text("source", false);
        i.tags = r.texts("tags");
        // Tags are stored joined by commas and searched in lower case: only a-z, 0-9 and '-'
        // keep a tag the same when it is read back (else the row would look edited by hand).
        std::set<std::string> seen_tags;
        for (const auto& tag : i.tags) {
            const bool plain = !tag.empty() && std::all_of(tag.begin(), tag.end(), [](char ch) {
                return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
            });
            if (!plain || !seen_tags.insert(tag).second) {
                r.fail(*table->get("tags"),
                       fmt::format("tag '{}' is {}; write each tag once, with a-z, 0-9 and '-' "
                                   "only",
                                   tag, plain ? "listed twice" : "not a plain lower-case word"));
            }
        }
        i.description = r.text("description", false);
        i.description_de = r.text("description_de", false);
        for (const auto* when : r.tables("when")) {
            const TableReader w(source, *when, "a [[instrument.when]] situation");
            std::vector<std::string_view> allowed(std::begin(k_condition_keys),
                                                  std::end(k_condition_keys));
            for (const auto& [k, v] : *when) {
                if (k.str() != "reason" && k.str() != "reason_de" &&
                    std::find(allowed.begin(), allowed.end(), k.str()) == allowed.end()) {
                    w.fail(v, fmt::format("unknown condition '{}'; see the comment at the top "
                                          "of funding.toml",
                                          k.str()));
                }
            }
            auto condition = read_condition(w);
            condition.reason = w.text("reason", true);
            condition.reason_de = w.text("reason_de", false);
            i.conditions.push_back(std::move(condition));
        }
        out.push_back(std::move(i));
    }
    return out;
}

bool CatalogueReport::changed() const {
    return advisors.inserted + advisors.updated + funding.inserted + funding.updated > 0;
}

namespace {

std::map<std::string, FundingInstrument> funding_by_key(const CatalogueFiles& files) {
    std::map<std::string, FundingInstrument> funding;
    merge(funding, parse_funding_toml(*embedded_file("data/funding.toml"), "funding.toml"));
    for (const auto& path : files.funding_files) {
        const auto text = read_toml_text(path); // at most 1 MiB, as every TOML file
        if (!text) {
            cannot_read(path);
        }
        merge(funding, parse_funding_toml(*text, path.string()));
    }
    return funding;
}

// Replace `text` by `german` when the stored English is still the file's and a German is given.
void use_german_text(std::string& text, const std::string& file_english,
                     const std::string& german) {
    if (!german.empty() && text == file_english) {
        text = german;
    }
}

} // namespace

std::vector<FundingInstrument> catalogue_funding(const CatalogueFiles& files) {
    std::vector<FundingInstrument> out;
    for (auto& [key, instrument] : funding_by_key(files)) {
        out.push_back(std::move(instrument));
    }
    return out;
}

FundingInstrument in_language(FundingInstrument stored, const std::vector<FundingInstrument>& files,
                              Language lang) {
    if (lang != Language::de) {
        return stored; // the database holds the English texts
    }
    const auto file = std::find_if(files.begin(), files.end(),
                                   [&](const FundingInstrument& f) { return f.key == stored.key; });
    if (file == files.end()) {
        return stored; // an instrument entered here: its texts are as the admin wrote them
    }
    use_german_text(stored.audience, file->audience, file->audience_de);
    use_german_text(stored.pays, file->pays, file->pays_de);
    use_german_text(stored.apply_at, file->apply_at, file->apply_at_de);
    use_german_text(stored.description, file->description, file->description_de);
    for (auto& c : stored.conditions) {
        // A reason is matched by its English text: situations may have been edited or reordered.
        for (const auto& fc : file->conditions) {
            if (fc.reason == c.reason && !fc.reason_de.empty()) {
                c.reason = fc.reason_de;
                break;
            }
        }
    }
    return stored;
}

std::vector<FundingInstrument> in_language(std::vector<FundingInstrument> stored,
                                           const std::vector<FundingInstrument>& files,
                                           Language lang) {
    for (auto& i : stored) {
        i = in_language(std::move(i), files, lang);
    }
    return stored;
}

std::vector<std::string> funding_without_german(const std::vector<FundingInstrument>& instruments) {
    std::vector<std::string> out;
    const auto check = [&](const FundingInstrument& i, const char* field,
                           const std::string& english, const std::string& german) {
        if (!english.empty() && german.empty()) {
            out.push_back(fmt::format("{}: {}", i.key, field));
        }
    };
    for (const auto& i : instruments) {
        check(i, "audience", i.audience, i.audience_de);
        check(i, "pays", i.pays, i.pays_de);
        check(i, "apply_at", i.apply_at, i.apply_at_de);
        check(i, "description", i.description, i.description_de);
        for (const auto& c : i.conditions) {
            check(i, "reason", c.reason, c.reason_de);
        }
    }
    return out;
}

CatalogueReport update_catalogue(Database& db, const CatalogueFiles& files, DryRun dry_run) {
    auto funding = funding_by_key(files);
    std::map<std::string, AdvisoryService> advisors;
    merge(advisors, advisors_from(*embedded_file("data/advisors.csv"), "advisors.csv"));
    for (const auto& path : files.advisor_files) {
        merge(advisors, advisors_from(read_file(path), path.string()));
    }

    CatalogueReport report;
    WriteTransaction txn(db);
    reconcile(db, advisors,
              RowOps<AdvisoryService>{find_advisor, insert_advisor, update_advisor,
                                      advisor_fingerprint, CatalogueKind::advisor},
              report.advisors);
    reconcile(db, funding,
              RowOps<FundingInstrument>{find_funding, insert_funding, update_funding,
                                        funding_fingerprint, CatalogueKind::funding},
              report.funding);
    if (!report.changed()) {
        return report; // nothing written, no audit row
    }
    txn.audit("catalogue", std::nullopt, "update",
              counts_detail("advisors", report.advisors) + "; " +
                  counts_detail("funding", report.funding));
    txn.finish(dry_run);
    return report;
}

} // namespace werkstatt
