// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/advisory_store.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace werkstatt {

namespace {

using json = nlohmann::ordered_json;

std::string join_topics(const std::vector<AdvisoryTopic>& topics) {
    std::vector<std::string> keys;
    for (const auto t : topics) {
        keys.emplace_back(to_string(t));
    }
    return text::join(keys, ",");
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    for (const auto part : text::split(s, ',')) {
        if (!text::trim(part).empty()) {
            out.emplace_back(text::trim(part));
        }
    }
    return out;
}

std::string origin_name(Origin origin) {
    return origin == Origin::catalogue ? "catalogue" : "local";
}

void bind_text_or_null(SQLite::Statement& q, int index, const std::string& s) {
    if (s.empty()) {
        q.bind(index);
    } else {
        q.bind(index, s);
    }
}

constexpr const char* k_advisor_columns =
    "id, key, organisation, service, topics, statewide, districts, street, plz, city, "
    "district_ags, contact_person, phone, email, web, languages, opening_hours, last_verified, "
    "notes, origin, catalogue_hash";

AdvisoryService read_advisor(SQLite::Statement& q) {
    AdvisoryService s;
    s.id = q.getColumn(0).getInt64();
    s.key = q.getColumn(1).getString();
    s.organisation = q.getColumn(2).getString();
    s.service = q.getColumn(3).getString();
    for (const auto& key : split_list(q.getColumn(4).getString())) {
        if (const auto t = parse_advisory_topic(key)) {
            s.topics.push_back(*t);
        }
    }
    s.statewide = q.getColumn(5).getInt() != 0;
    s.districts = split_list(q.getColumn(6).getString());
    s.street = q.getColumn(7).getString();
    s.plz = q.getColumn(8).getString();
    s.city = q.getColumn(9).getString();
    if (!q.getColumn(10).isNull()) {
        s.district_ags = q.getColumn(10).getString();
    }
    s.contact_person = q.getColumn(11).getString();
    s.phone = q.getColumn(12).getString();
    s.email = q.getColumn(13).getString();
    s.web = q.getColumn(14).getString();
    s.languages = split_list(q.getColumn(15).getString());
    s.opening_hours = q.getColumn(16).getString();
    if (!q.getColumn(17).isNull()) {
        s.last_verified = Date::parse_iso(q.getColumn(17).getString());
    }
    s.notes = q.getColumn(18).getString();
    s.origin = q.getColumn(19).getString() == "catalogue" ? Origin::catalogue : Origin::local;
    s.catalogue_hash = q.getColumn(20).isNull() ? "" : q.getColumn(20).getString();
    return s;
}

// Bind the fields of `s` to parameters 1..20 in the order of k_advisor_columns without id.
void bind_advisor(SQLite::Statement& q, const AdvisoryService& s) {
    q.bind(1, s.key);
    q.bind(2, s.organisation);
    q.bind(3, s.service);
    q.bind(4, join_topics(s.topics));
    q.bind(5, s.statewide ? 1 : 0);
    q.bind(6, text::join(s.districts, ","));
    q.bind(7, s.street);
    q.bind(8, s.plz);
    q.bind(9, s.city);
    bind_text_or_null(q, 10, s.district_ags.value_or(""));
    q.bind(11, s.contact_person);
    q.bind(12, s.phone);
    q.bind(13, s.email);
    q.bind(14, s.web);
    q.bind(15, text::join(s.languages, ","));
    q.bind(16, s.opening_hours);
    bind_text_or_null(q, 17, s.last_verified ? s.last_verified->iso() : "");
    q.bind(18, s.notes);
    q.bind(19, origin_name(s.origin));
    bind_text_or_null(q, 20, s.catalogue_hash);
}

constexpr const char* k_funding_columns =
    "id, key, name, grantor, audience, pays, apply_at, legal_basis, source, tags, description, "
    "conditions, origin, catalogue_hash";

FundingInstrument read_funding(SQLite::Statement& q) {
    FundingInstrument f;
    f.id = q.getColumn(0).getInt64();
    f.key = q.getColumn(1).getString();
    f.name = q.getColumn(2).getString();
    f.grantor = q.getColumn(3).getString();
    f.audience = q.getColumn(4).getString();
    f.pays = q.getColumn(5).getString();
    f.apply_at = q.getColumn(6).getString();
    f.legal_basis = q.getColumn(7).getString();
    f.source = q.getColumn(8).getString();
    f.tags = split_list(q.getColumn(9).getString());
    f.description = q.getColumn(10).getString();
    f.conditions = parse_conditions_json(q.getColumn(11).getString());
    f.origin = q.getColumn(12).getString() == "catalogue" ? Origin::catalogue : Origin::local;
    f.catalogue_hash = q.getColumn(13).isNull() ? "" : q.getColumn(13).getString();
    return f;
}

void bind_funding(SQLite::Statement& q, const FundingInstrument& f) {
    q.bind(1, f.key);
    q.bind(2, f.name);
    q.bind(3, f.grantor);
    q.bind(4, f.audience);
    q.bind(5, f.pays);
    q.bind(6, f.apply_at);
    q.bind(7, f.legal_basis);
    q.bind(8, f.source);
    q.bind(9, text::join(f.tags, ","));
    q.bind(10, f.description);
    q.bind(11, conditions_json(f.conditions));
    q.bind(12, origin_name(f.origin));
    bind_text_or_null(q, 13, f.catalogue_hash);
}

const char* kind_name(CatalogueKind kind) {
    return kind == CatalogueKind::advisor ? "advisor" : "funding";
}

template <typename T, typename Name>
json names(const std::vector<T>& items, Name name) {
    json out = json::array();
    for (const auto& item : items) {
        out.push_back(std::string(name(item)));
    }
    return out;
}

Error corrupt(std::string_view what) {
    return Error(ErrorKind::storage,
                 _f("a funding instrument's stored conditions are damaged ({}); restore "
                    "the database from a backup (see examples/backup.sh)",
                    what));
}

std::vector<std::string> strings(const json& j, const char* key) {
    std::vector<std::string> out;
    if (!j.contains(key)) {
        return out;
    }
    if (!j[key].is_array()) {
        throw corrupt(key);
    }
    for (const auto& item : j[key]) {
        if (!item.is_string()) {
            throw corrupt(key);
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

} // namespace

std::optional<AdvisoryService> find_advisor(Database& db, std::string_view key) {
    SQLite::Statement q(db.sql(),
                        std::string("SELECT ") + k_advisor_columns + " FROM advisor WHERE key = ?");
    q.bind(1, std::string(key));
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_advisor(q);
}

std::vector<AdvisoryService> list_advisors(Database& db) {
    SQLite::Statement q(db.sql(),
                        std::string("SELECT ") + k_advisor_columns + " FROM advisor ORDER BY key");
    std::vector<AdvisoryService> out;
    while (q.executeStep()) {
        out.push_back(read_advisor(q));
    }
    return out;
}

std::int64_t insert_advisor(Database& db, const AdvisoryService& service) {
    SQLite::Statement q(
        db.sql(), "INSERT INTO advisor (key, organisation, service, topics, statewide, districts, "
                  "street, plz, city, district_ags, contact_person, phone, email, web, languages, "
                  "opening_hours, last_verified, notes, origin, catalogue_hash, created_at, "
                  "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                  "?, ?21, ?21)");
    bind_advisor(q, service);
    q.bind(21, utc_timestamp());
    q.exec();
    return db.sql().getLastInsertRowid();
}

void update_advisor(Database& db, const AdvisoryService& service) {
    SQLite::Statement q(
        db.sql(), "UPDATE advisor SET key = ?, organisation = ?, service = ?, topics = ?, "
                  "statewide = ?, districts = ?, street = ?, plz = ?, city = ?, district_ags = ?, "
                  "contact_person = ?, phone = ?, email = ?, web = ?, languages = ?, "
                  "opening_hours = ?, last_verified = ?, notes = ?, origin = ?, "
                  "catalogue_hash = ?, updated_at = ? WHERE id = ?");
    bind_advisor(q, service);
    q.bind(21, utc_timestamp());
    q.bind(22, service.id);
    q.exec();
}

void delete_advisor(Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(), "DELETE FROM advisor WHERE id = ?");
    q.bind(1, id);
    q.exec();
}

std::optional<FundingInstrument> find_funding(Database& db, std::string_view key) {
    SQLite::Statement q(db.sql(), std::string("SELECT ") + k_funding_columns +
                                      " FROM funding_instrument WHERE key = ?");
    q.bind(1, std::string(key));
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_funding(q);
}

std::vector<FundingInstrument> list_funding(Database& db) {
    SQLite::Statement q(db.sql(), std::string("SELECT ") + k_funding_columns +
                                      " FROM funding_instrument ORDER BY key");
    std::vector<FundingInstrument> out;
    while (q.executeStep()) {
        out.push_back(read_funding(q));
    }
    return out;
}

std::int64_t insert_funding(Database& db, const FundingInstrument& instrument) {
    SQLite::Statement q(db.sql(),
                        "INSERT INTO funding_instrument (key, name, grantor, audience, pays, "
                        "apply_at, legal_basis, source, tags, description, conditions, origin, "
                        "catalogue_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                        "?, ?, ?, ?, ?, ?14, ?14)");
    bind_funding(q, instrument);
    q.bind(14, utc_timestamp());
    q.exec();
    return db.sql().getLastInsertRowid();
}

void update_funding(Database& db, const FundingInstrument& instrument) {
    SQLite::Statement q(db.sql(),
                        "UPDATE funding_instrument SET key = ?, name = ?, grantor = ?, "
                        "audience = ?, pays = ?, apply_at = ?, legal_basis = ?, source = ?, "
                        "tags = ?, description = ?, conditions = ?, origin = ?, "
                        "catalogue_hash = ?, updated_at = ? WHERE id = ?");
    bind_funding(q, instrument);
    q.bind(14, utc_timestamp());
    q.bind(15, instrument.id);
    q.exec();
}

bool catalogue_removed(Database& db, CatalogueKind kind, std::string_view key) {
    SQLite::Statement q(db.sql(), "SELECT 1 FROM catalogue_removed WHERE kind = ? AND key = ?");
    q.bind(1, kind_name(kind));
    q.bind(2, std::string(key));
    return q.executeStep();
}

void mark_catalogue_removed(Database& db, CatalogueKind kind, std::string_view key) {
    SQLite::Statement q(db.sql(), "INSERT OR REPLACE INTO catalogue_removed (kind, key, "
                                  "removed_at) VALUES (?, ?, ?)");
    q.bind(1, kind_name(kind));
    q.bind(2, std::string(key));
    q.bind(3, utc_timestamp());
    q.exec();
}

std::string conditions_json(const std::vector<SituationCondition>& conditions) {
    json out = json::array();
    for (const auto& c : conditions) {
        json j = json::object();
        j["reason"] = c.reason;
        const auto str = [](auto v) { return to_string(v); };
        if (!c.permission.empty()) {
            j["permission"] = names(c.permission, str);
        }
        if (!c.permission_not.empty()) {
            j["permission_not"] = names(c.permission_not, str);
        }
        if (!c.status.empty()) {
            j["status"] = names(c.status, str);
        }
        if (!c.status_not.empty()) {
            j["status_not"] = names(c.status_not, str);
        }
        if (!c.recognition.empty()) {
            j["recognition"] = names(c.recognition, recognition_name);
        }
        if (!c.recognition_not.empty()) {
            j["recognition_not"] = names(c.recognition_not, recognition_name);
        }
        if (c.german_below) {
            j["german_below"] = std::string(c.german_below->str());
        }
        if (c.german_at_least) {
            j["german_at_least"] = std::string(c.german_at_least->str());
        }
        if (c.german_below_opening) {
            j["german_below_opening"] = *c.german_below_opening;
        }
        if (!c.level.empty()) {
            j["level"] = names(c.level, str);
        }
        if (c.regulated) {
            j["regulated"] = *c.regulated;
        }
        out.push_back(std::move(j));
    }
    return out.dump();
}

std::vector<SituationCondition> parse_conditions_json(std::string_view text) {
    const auto doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_array()) {
        throw corrupt("not a JSON list");
    }
    // Every value is checked: an unknown or ill-typed one would otherwise widen a condition.
    const auto known = [](auto parsed, const char* key) {
        if (!parsed) {
            throw corrupt(key);
        }
        return *parsed;
    };
    const auto text_at = [](const json& j, const char* key) {
        if (!j[key].is_string()) {
            throw corrupt(key);
        }
        return j[key].get<std::string>();
    };
    const auto flag_at = [](const json& j, const char* key) {
        if (!j[key].is_boolean()) {
            throw corrupt(key);
        }
        return j[key].get<bool>();
    };
    std::vector<SituationCondition> out;
    for (const auto& j : doc) {
        if (!j.is_object()) {
            throw corrupt("not an object");
        }
        SituationCondition c;
        if (j.contains("reason")) {
            c.reason = text_at(j, "reason");
        }
        for (const char* key : {"permission", "permission_not"}) {
            auto& list = std::string_view(key) == "permission" ? c.permission : c.permission_not;
            for (const auto& s : strings(j, key)) {
                list.push_back(known(parse_work_permission(s), key));
            }
        }
        for (const char* key : {"status", "status_not"}) {
            auto& list = std::string_view(key) == "status" ? c.status : c.status_not;
            for (const auto& s : strings(j, key)) {
                list.push_back(known(parse_residence_status(s), key));
            }
        }
        for (const auto& s : strings(j, "recognition")) {
            std::optional<Recognition> r;
            if (!parse_recognition_or_unrecorded(s, r)) {
                throw corrupt("recognition");
            }
            c.recognition.push_back(r);
        }
        for (const auto& s : strings(j, "recognition_not")) {
            std::optional<Recognition> r;
            if (!parse_recognition_or_unrecorded(s, r)) {
                throw corrupt("recognition_not");
            }
            c.recognition_not.push_back(r);
        }
        if (j.contains("german_below")) {
            c.german_below = known(CefrLevel::parse(text_at(j, "german_below")), "german_below");
        }
        if (j.contains("german_at_least")) {
            c.german_at_least =
                known(CefrLevel::parse(text_at(j, "german_at_least")), "german_at_least");
        }
        if (j.contains("german_below_opening")) {
            c.german_below_opening = flag_at(j, "german_below_opening");
        }
        for (const auto& s : strings(j, "level")) {
            c.level.push_back(known(parse_requirement_level(s), "level"));
        }
        if (j.contains("regulated")) {
            c.regulated = flag_at(j, "regulated");
        }
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace werkstatt
