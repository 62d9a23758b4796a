// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/merge_store.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace werkstatt {

namespace {

using json = nlohmann::json;

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (const char c : name) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

json row_json(SQLite::Statement& q) {
    json row = json::object();
    for (int i = 0; i < q.getColumnCount(); ++i) {
        const auto c = q.getColumn(i);
        if (c.isInteger()) {
            row[q.getColumnName(i)] = static_cast<std::int64_t>(c.getInt64());
        } else if (c.isFloat()) {
            row[q.getColumnName(i)] = c.getDouble();
        } else if (c.isNull()) {
            row[q.getColumnName(i)] = nullptr;
        } else {
            row[q.getColumnName(i)] = c.getString();
        }
    }
    return row;
}

void bind_json(SQLite::Statement& q, int index, const json& v) {
    if (v.is_null()) {
        q.bind(index);
    } else if (v.is_number_integer()) {
        q.bind(index, static_cast<int64_t>(v.get<std::int64_t>()));
    } else if (v.is_number()) {
        q.bind(index, v.get<double>());
    } else {
        q.bind(index, v.get<std::string>());
    }
}

// Return the rows of `sql` with `id` bound to ?1.
json rows_json(Database& db, const std::string& sql, std::int64_t id) {
    SQLite::Statement q(db.sql(), sql);
    q.bind(1, static_cast<int64_t>(id));
    json rows = json::array();
    while (q.executeStep()) {
        rows.push_back(row_json(q));
    }
    return rows;
}

// Insert the JSON row `row` into `table`; with `or_ignore`, a row whose key exists is left out.
void insert_row(Database& db, const std::string& table, const json& row, bool or_ignore = false) {
    std::string columns;
    std::string marks;
    for (auto it = row.begin(); it != row.end(); ++it) {
        columns += (columns.empty() ? "" : ", ") + quoted(it.key());
        marks += marks.empty() ? "?" : ", ?";
    }
    SQLite::Statement q(db.sql(),
                        fmt::format("INSERT {}INTO {} ({}) VALUES ({})",
                                    or_ignore ? "OR IGNORE " : "", quoted(table), columns, marks));
    int i = 1;
    for (auto it = row.begin(); it != row.end(); ++it) {
        bind_json(q, i++, it.value());
    }
    q.exec();
}

std::vector<std::int64_t> ids_of(Database& db, const std::string& sql, std::int64_t a,
                                 std::int64_t b) {
    SQLite::Statement q(db.sql(), sql);
    q.bind(1, static_cast<int64_t>(a));
    q.bind(2, static_cast<int64_t>(b));
    std::vector<std::int64_t> out;
    while (q.executeStep()) {
        out.push_back(q.getColumn(0).getInt64());
    }
    return out;
}

int exec(Database& db, const std::string& sql, std::int64_t a, std::int64_t b) {
    SQLite::Statement q(db.sql(), sql);
    q.bind(1, static_cast<int64_t>(a));
    q.bind(2, static_cast<int64_t>(b));
    return q.exec();
}

int exec(Database& db, const std::string& sql, std::int64_t a) {
    SQLite::Statement q(db.sql(), sql);
    q.bind(1, static_cast<int64_t>(a));
    return q.exec();
}

// The further a placement has come, the higher.
int placement_rank(const std::string& status) {
    for (const auto& [name, rank] : std::initializer_list<std::pair<const char*, int>>{
             {"hired", 5}, {"interview", 4}, {"introduced", 3}, {"proposed", 2}, {"declined", 1}}) {
        if (status == name) {
            return rank;
        }
    }
    return 0; // withdrawn
}

std::optional<std::string> optional_text(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}

void bind_optional(SQLite::Statement& q, int index, const std::optional<std::string>& v) {
    if (v) {
        q.bind(index, *v);
    } else {
        q.bind(index);
    }
}

json without(json row, const char* column) {
    row.erase(column);
    return row;
}

} // namespace

void for_each_candidate_identity(Database& db,
                                 const std::function<void(const CandidateIdentity&)>& f) {
    SQLite::Statement q(db.sql(), "SELECT id, source, reference, first_name, last_name, "
                                  "COALESCE(birth_date, ''), email, phone FROM candidate "
                                  "WHERE purged_on IS NULL ORDER BY id");
    CandidateIdentity p;
    while (q.executeStep()) {
        p.id = q.getColumn(0).getInt64();
        p.source = q.getColumn(1).getText();
        p.reference = q.getColumn(2).getText();
        p.first_name = q.getColumn(3).getText();
        p.last_name = q.getColumn(4).getText();
        p.birth_date = q.getColumn(5).getText();
        p.email = q.getColumn(6).getText();
        p.phone = q.getColumn(7).getText();
        f(p);
    }
}

std::vector<CandidateIdentity> candidate_identities(Database& db) {
    std::vector<CandidateIdentity> out;
    for_each_candidate_identity(db, [&out](const CandidateIdentity& p) { out.push_back(p); });
    return out;
}

std::map<SourceReference, SourceReference> merged_reference_targets(Database& db) {
    SQLite::Statement q(db.sql(), "SELECT r.source, r.reference, c.source, c.reference FROM "
                                  "candidate_reference AS r JOIN candidate AS c ON "
                                  "c.id = r.candidate_id WHERE c.purged_on IS NULL");
    std::map<SourceReference, SourceReference> out;
    while (q.executeStep()) {
        out[{q.getColumn(0).getString(), q.getColumn(1).getString()}] = {
            q.getColumn(2).getString(), q.getColumn(3).getString()};
    }
    return out;
}

std::vector<std::pair<SourceReference, std::int64_t>> merged_references_of(Database& db,
                                                                           std::int64_t id) {
    SQLite::Statement q(db.sql(), "SELECT source, reference, merge_id FROM candidate_reference "
                                  "WHERE candidate_id = ? ORDER BY merge_id, source, reference");
    q.bind(1, static_cast<int64_t>(id));
    std::vector<std::pair<SourceReference, std::int64_t>> out;
    while (q.executeStep()) {
        out.push_back(
            {{q.getColumn(0).getString(), q.getColumn(1).getString()}, q.getColumn(2).getInt64()});
    }
    return out;
}

std::int64_t insert_merge(Database& db, const MergeRecord& m) {
    SQLite::Statement q(db.sql(), "INSERT INTO candidate_merge (keep_id, other_id, other_source, "
                                  "other_reference, filled, keep_before, keep_after, other_image, "
                                  "merged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, static_cast<int64_t>(m.keep_id));
    q.bind(2, static_cast<int64_t>(m.other_id));
    q.bind(3, m.other_source);
    q.bind(4, m.other_reference);
    q.bind(5, m.filled);
    bind_optional(q, 6, m.keep_before);
    bind_optional(q, 7, m.keep_after);
    bind_optional(q, 8, m.other_image);
    q.bind(9, m.merged_at);
    q.exec();
    return db.sql().getLastInsertRowid();
}

void update_merge_images(Database& db, const MergeRecord& m) {
    SQLite::Statement q(db.sql(), "UPDATE candidate_merge SET filled = ?, keep_before = ?, "
                                  "keep_after = ?, other_image = ? WHERE id = ?");
    q.bind(1, m.filled);
    bind_optional(q, 2, m.keep_before);
    bind_optional(q, 3, m.keep_after);
    bind_optional(q, 4, m.other_image);
    q.bind(5, static_cast<int64_t>(m.id));
    q.exec();
}

std::optional<MergeRecord> find_merge(Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(),
                        "SELECT id, keep_id, other_id, other_source, other_reference, filled, "
                        "keep_before, keep_after, other_image, merged_at, undone_at, "
                        "images_purged_on FROM candidate_merge WHERE id = ?");
    q.bind(1, static_cast<int64_t>(id));
    if (!q.executeStep()) {
        return std::nullopt;
    }
    MergeRecord m;
    m.id = q.getColumn(0).getInt64();
    m.keep_id = q.getColumn(1).getInt64();
    m.other_id = q.getColumn(2).getInt64();
    m.other_source = q.getColumn(3).getString();
    m.other_reference = q.getColumn(4).getString();
    m.filled = q.getColumn(5).getString();
    m.keep_before = optional_text(q.getColumn(6));
    m.keep_after = optional_text(q.getColumn(7));
    m.other_image = optional_text(q.getColumn(8));
    m.merged_at = q.getColumn(9).getString();
    m.undone_at = optional_text(q.getColumn(10));
    m.images_purged_on = optional_text(q.getColumn(11));
    return m;
}

std::vector<std::int64_t> later_merges_of(Database& db, std::int64_t id, std::int64_t candidate) {
    return ids_of(db,
                  "SELECT id FROM candidate_merge WHERE id > ?1 AND undone_at IS NULL AND "
                  "(keep_id = ?2 OR other_id = ?2) ORDER BY id",
                  id, candidate);
}

void mark_merge_undone(Database& db, std::int64_t id, const std::string& now) {
    SQLite::Statement q(db.sql(), "UPDATE candidate_merge SET undone_at = ?, keep_before = NULL, "
                                  "keep_after = NULL, other_image = NULL WHERE id = ?");
    q.bind(1, now);
    q.bind(2, static_cast<int64_t>(id));
    q.exec();
}

std::int64_t delete_merges_of(Database& db, std::int64_t id) {
    exec(db,
         "DELETE FROM candidate_reference WHERE candidate_id = ?1 OR merge_id IN (SELECT id "
         "FROM candidate_merge WHERE keep_id = ?2 OR other_id = ?2)",
         id, id);
    return exec(db, "DELETE FROM candidate_merge WHERE keep_id = ?1 OR other_id = ?2", id, id);
}

std::int64_t purge_merge_images(Database& db, const std::string& day, const std::string& as_of) {
    SQLite::Statement q(db.sql(),
                        "UPDATE candidate_merge SET keep_before = NULL, keep_after = NULL, "
                        "other_image = NULL, images_purged_on = ?1 WHERE images_purged_on IS "
                        "NULL AND undone_at IS NULL AND substr(merged_at, 1, 10) < ?2");
    q.bind(1, as_of);
    q.bind(2, day);
    return q.exec();
}

std::string candidate_row_image(Database& db, std::int64_t id) {
    const auto rows = rows_json(db, "SELECT * FROM candidate WHERE id = ?1", id);
    if (rows.empty()) {
        throw Error(ErrorKind::internal,
                    _f("candidate {} vanished during a merge; this is a bug", id));
    }
    return rows.front().dump();
}

std::string candidate_rows_image(Database& db, std::int64_t id) {
    json image = json::object();
    image["candidate"] = json::parse(candidate_row_image(db, id));
    image["consent"] = rows_json(db, "SELECT * FROM consent WHERE candidate_id = ?1", id);
    image["placement"] = rows_json(db, "SELECT * FROM placement WHERE candidate_id = ?1", id);
    image["match_assignment"] =
        rows_json(db, "SELECT * FROM match_assignment WHERE candidate_id = ?1", id);
    image["card_share"] = rows_json(db, "SELECT * FROM card_share WHERE candidate_id = ?1", id);
    image["written_file_person"] =
        rows_json(db, "SELECT * FROM written_file_person WHERE candidate_id = ?1", id);
    image["candidate_reference"] =
        rows_json(db, "SELECT * FROM candidate_reference WHERE candidate_id = ?1", id);
    image["import_change"] = rows_json(db,
                                       "SELECT * FROM import_change WHERE entity IN ('candidate', "
                                       "'consent') AND record_id = ?1",
                                       id);
    return image.dump();
}

MovedRows move_candidate_rows(Database& db, std::int64_t keep, std::int64_t other,
                              const std::string& other_source, const std::string& other_reference,
                              std::int64_t merge_id) {
    MovedRows out;
    json moved = json::object();
    json dropped = json::array();
    moved["placement"] = json::array();
    {
        SQLite::Statement q(db.sql(), "SELECT o.id, o.opening_id, o.status, k.id, k.status FROM "
                                      "placement AS o LEFT JOIN placement AS k ON k.candidate_id "
                                      "= ?2 AND k.opening_id = o.opening_id WHERE "
                                      "o.candidate_id = ?1 ORDER BY o.id");
        q.bind(1, static_cast<int64_t>(other));
        q.bind(2, static_cast<int64_t>(keep));
        std::vector<std::tuple<std::int64_t, std::int64_t, std::string, std::optional<std::int64_t>,
                               std::string>>
            rows;
        while (q.executeStep()) {
            rows.emplace_back(
                q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                q.getColumn(3).isNull() ? std::nullopt
                                        : std::optional<std::int64_t>(q.getColumn(3).getInt64()),
                q.getColumn(3).isNull() ? "" : q.getColumn(4).getString());
        }
        for (const auto& [id, opening, status, keep_id, keep_status] : rows) {
            if (keep_id) {
                if (placement_rank(status) <= placement_rank(keep_status)) {
                    out.notes.push_back(
                        _f("opening {}: kept candidate {}'s placement ({}), dropped candidate {}'s "
                           "({})",
                           opening, keep, keep_status, other, status));
                    continue;
                }
                out.notes.push_back(
                    _f("opening {}: kept candidate {}'s placement ({}, further), dropped candidate "
                       "{}'s ({})",
                       opening, other, status, keep, keep_status));
                const auto image = rows_json(db, "SELECT * FROM placement WHERE id = ?1", *keep_id);
                dropped.push_back(image.front());
                exec(db, "DELETE FROM placement WHERE id = ?1", *keep_id);
            }
            exec(db, "UPDATE placement SET candidate_id = ?1 WHERE id = ?2", keep, id);
            moved["placement"].push_back(id);
        }
    }
    const auto list = [&](const char* sql) {
        SQLite::Statement q(db.sql(), sql);
        q.bind(1, static_cast<int64_t>(other));
        q.bind(2, static_cast<int64_t>(keep));
        json values = json::array();
        while (q.executeStep()) {
            const auto c = q.getColumn(0);
            if (c.isInteger()) {
                values.push_back(static_cast<std::int64_t>(c.getInt64()));
            } else {
                values.push_back(c.getString());
            }
        }
        return values;
    };
    moved["consent"] = list("SELECT scope FROM consent WHERE candidate_id = ?1 AND scope NOT IN "
                            "(SELECT scope FROM consent WHERE candidate_id = ?2) ORDER BY scope");
    exec(db,
         "UPDATE consent SET candidate_id = ?2 WHERE candidate_id = ?1 AND scope NOT IN (SELECT "
         "scope FROM consent WHERE candidate_id = ?2)",
         other, keep);
    moved["match_assignment"] =
        list("SELECT run_id FROM match_assignment WHERE candidate_id = ?1 AND run_id NOT IN "
             "(SELECT run_id FROM match_assignment WHERE candidate_id = ?2) ORDER BY run_id");
    exec(db,
         "UPDATE match_assignment SET candidate_id = ?2 WHERE candidate_id = ?1 AND run_id NOT "
         "IN (SELECT run_id FROM match_assignment WHERE candidate_id = ?2)",
         other, keep);
    moved["card_share"] =
        list("SELECT id FROM card_share WHERE candidate_id = ?1 AND ?2 IS NOT NULL ORDER BY id");
    exec(db, "UPDATE card_share SET candidate_id = ?2 WHERE candidate_id = ?1", other, keep);
    moved["written_file_person"] =
        list("SELECT file_id FROM written_file_person WHERE candidate_id = ?1 AND file_id NOT "
             "IN (SELECT file_id FROM written_file_person WHERE candidate_id = ?2) ORDER BY "
             "file_id");
    exec(db,
         "UPDATE written_file_person SET candidate_id = ?2 WHERE candidate_id = ?1 AND file_id "
         "NOT IN (SELECT file_id FROM written_file_person WHERE candidate_id = ?2)",
         other, keep);
    exec(db, "UPDATE candidate_reference SET candidate_id = ?2 WHERE candidate_id = ?1", other,
         keep);
    SQLite::Statement ref(db.sql(), "INSERT INTO candidate_reference (candidate_id, source, "
                                    "reference, merge_id) VALUES (?, ?, ?, ?)");
    ref.bind(1, static_cast<int64_t>(keep));
    ref.bind(2, other_source);
    ref.bind(3, other_reference);
    ref.bind(4, static_cast<int64_t>(merge_id));
    ref.exec();
    out.moved = moved.dump();
    out.dropped_keep = dropped.dump();
    return out;
}

std::vector<std::string> moved_rows_changed(Database& db, std::int64_t keep,
                                            const std::string& moved,
                                            const std::string& other_image) {
    std::vector<std::string> out;
    const auto m = json::parse(moved);
    const auto image = json::parse(other_image);
    for (const auto& scope : m.at("consent")) {
        SQLite::Statement q(db.sql(), "SELECT * FROM consent WHERE candidate_id = ? AND scope = ?");
        q.bind(1, static_cast<int64_t>(keep));
        q.bind(2, scope.get<std::string>());
        const bool found = q.executeStep();
        bool same = false;
        if (found) {
            const auto now = without(row_json(q), "candidate_id");
            for (const auto& row : image.at("consent")) {
                same = same || without(row, "candidate_id") == now;
            }
        }
        if (!same) {
            out.push_back(fmt::format("the {} consent", scope.get<std::string>()));
        }
    }
    for (const auto& id : m.at("placement")) {
        const auto now =
            rows_json(db, "SELECT * FROM placement WHERE id = ?1", id.get<std::int64_t>());
        bool same = false;
        if (!now.empty()) {
            for (const auto& row : image.at("placement")) {
                same = same || without(row, "candidate_id") == without(now.front(), "candidate_id");
            }
        }
        if (!same) {
            out.push_back(fmt::format("placement {}", id.get<std::int64_t>()));
        }
    }
    return out;
}

void restore_candidate_rows(Database& db, std::int64_t keep, std::int64_t other,
                            const std::string& other_image, const std::string& moved,
                            const std::string& dropped_keep, std::int64_t merge_id) {
    const auto image = json::parse(other_image);
    const auto m = json::parse(moved);
    insert_row(db, "candidate", image.at("candidate"));
    const auto contains = [](const json& list, const json& v) {
        return std::find(list.begin(), list.end(), v) != list.end();
    };
    // Each table: the rows moved to KEEP go back, the others are inserted from their image.
    const auto give_back = [&](const char* table, const char* key_column, const json& keys,
                               const json& rows) {
        for (const auto& row : rows) {
            const auto& key = row.at(key_column);
            if (contains(keys, key)) {
                SQLite::Statement q(db.sql(), fmt::format("UPDATE {} SET candidate_id = ? WHERE "
                                                          "candidate_id = ? AND {} = ?",
                                                          table, key_column));
                q.bind(1, static_cast<int64_t>(other));
                q.bind(2, static_cast<int64_t>(keep));
                bind_json(q, 3, key);
                q.exec();
            } else {
                insert_row(db, table, row, true);
            }
        }
    };
    give_back("placement", "id", m.at("placement"), image.at("placement"));
    for (const auto& row : json::parse(dropped_keep)) {
        insert_row(db, "placement", row);
    }
    give_back("consent", "scope", m.at("consent"), image.at("consent"));
    give_back("match_assignment", "run_id", m.at("match_assignment"), image.at("match_assignment"));
    give_back("card_share", "id", m.at("card_share"), image.at("card_share"));
    give_back("written_file_person", "file_id", m.at("written_file_person"),
              image.at("written_file_person"));
    exec(db, "DELETE FROM candidate_reference WHERE merge_id = ?1 AND candidate_id = ?2", merge_id,
         keep);
    for (const auto& row : image.at("candidate_reference")) {
        SQLite::Statement q(db.sql(), "UPDATE candidate_reference SET candidate_id = ? WHERE "
                                      "source = ? AND reference = ?");
        q.bind(1, static_cast<int64_t>(other));
        bind_json(q, 2, row.at("source"));
        bind_json(q, 3, row.at("reference"));
        q.exec();
    }
    for (const auto& row : image.at("import_change")) {
        insert_row(db, "import_change", row, true);
    }
}

void write_candidate_row(Database& db, std::int64_t id, const std::string& image,
                         const std::vector<std::string>& columns) {
    const auto row = json::parse(image);
    std::string sets;
    std::vector<const json*> values;
    for (auto it = row.begin(); it != row.end(); ++it) {
        if (it.key() == "id" || (!columns.empty() && std::find(columns.begin(), columns.end(),
                                                               it.key()) == columns.end())) {
            continue;
        }
        sets += (sets.empty() ? "" : ", ") + quoted(it.key()) + " = ?";
        values.push_back(&it.value());
    }
    if (sets.empty()) {
        return;
    }
    SQLite::Statement q(db.sql(), "UPDATE candidate SET " + sets + " WHERE id = ?");
    int i = 1;
    for (const auto* v : values) {
        bind_json(q, i++, *v);
    }
    q.bind(i, static_cast<int64_t>(id));
    q.exec();
}

} // namespace werkstatt
