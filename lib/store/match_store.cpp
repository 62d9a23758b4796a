// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/match_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace werkstatt {

namespace {

// Statuses that hold a candidate and a position.
constexpr const char* k_holding = "('hired', 'introduced', 'interview')";

std::optional<std::string> text_column(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}

std::optional<std::int64_t> int_column(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional<std::int64_t>(c.getInt64());
}

constexpr const char* k_placement_select =
    "SELECT placement.id, candidate.id, candidate.reference, candidate.source, opening.id, "
    "opening.title, company.key, placement.status, placement.run_id, placement.score_milli, "
    "placement.note, placement.created_at, placement.updated_at, placement.introduced_on, "
    "placement.interview_on, placement.hired_on, placement.closed_on FROM placement "
    "JOIN candidate ON candidate.id = placement.candidate_id AND candidate.purged_on IS NULL "
    "JOIN opening ON opening.id = placement.opening_id "
    "JOIN company ON company.id = opening.company_id ";

PlacementRow read_placement(SQLite::Statement& q) {
    PlacementRow r;
    r.id = q.getColumn(0).getInt64();
    r.candidate_id = q.getColumn(1).getInt64();
    r.candidate_reference = q.getColumn(2).getString();
    r.candidate_source = q.getColumn(3).getString();
    r.opening_id = q.getColumn(4).getInt64();
    r.opening_title = q.getColumn(5).getString();
    r.company = q.getColumn(6).getString();
    r.status = q.getColumn(7).getString();
    r.run_id = int_column(q.getColumn(8));
    r.score_milli = int_column(q.getColumn(9));
    r.note = q.getColumn(10).getString();
    r.created_at = q.getColumn(11).getString();
    r.updated_at = q.getColumn(12).getString();
    r.days.introduced_on = text_column(q.getColumn(13));
    r.days.interview_on = text_column(q.getColumn(14));
    r.days.hired_on = text_column(q.getColumn(15));
    r.days.closed_on = text_column(q.getColumn(16));
    return r;
}

// Bind the step days `d` to parameters `first` to `first` + 3.
void bind_days(SQLite::Statement& q, int first, const PlacementDays& d) {
    int i = first;
    for (const auto* day : {&d.introduced_on, &d.interview_on, &d.hired_on, &d.closed_on}) {
        if (*day) {
            q.bind(i, **day);
        } else {
            q.bind(i);
        }
        ++i;
    }
}

} // namespace

std::vector<CandidateMatchRow> load_candidate_rows(Database& db, bool all,
                                                   std::optional<std::int64_t> only) {
    // Only the columns matching may use, named one by one.
    SQLite::Statement q(
        db.sql(),
        fmt::format("SELECT id, source, reference, plz, city, kldb, german, residence_status, "
                    "recognition, licences, available_from, radius_km, active, "
                    "permit_until, COALESCE(confirmed_on, substr(created_at, 1, 10)), "
                    "EXISTS (SELECT 1 FROM placement WHERE candidate_id = candidate.id AND "
                    "status IN {}) FROM candidate WHERE purged_on IS NULL AND {} AND {} ORDER BY "
                    "id",
                    k_holding, all ? "1" : "active = 1", only ? "id = ?" : "1"));
    if (only) {
        q.bind(1, *only);
    }
    std::vector<CandidateMatchRow> rows;
    while (q.executeStep()) {
        CandidateMatchRow r;
        r.id = q.getColumn(0).getInt64();
        r.source = q.getColumn(1).getString();
        r.reference = q.getColumn(2).getString();
        r.plz = q.getColumn(3).getString();
        r.city = q.getColumn(4).getString();
        r.kldb = text_column(q.getColumn(5));
        r.german = text_column(q.getColumn(6));
        r.residence_status = q.getColumn(7).getString();
        r.recognition = text_column(q.getColumn(8));
        r.licences = q.getColumn(9).getString();
        r.available_from = text_column(q.getColumn(10));
        r.radius_km = int_column(q.getColumn(11));
        r.active = q.getColumn(12).getInt() != 0;
        r.permit_until = text_column(q.getColumn(13));
        r.last_confirmed = q.getColumn(14).getString();
        r.placed = q.getColumn(15).getInt() != 0;
        rows.push_back(std::move(r));
    }
    return rows;
}

std::vector<OpeningMatchRow> load_opening_rows(Database& db, bool all,
                                               std::optional<std::int64_t> only) {
    SQLite::Statement q(
        db.sql(),
        fmt::format("SELECT opening.id, company.key, title, opening.plz, opening.city, kldb, "
                    "german, positions, (SELECT count(*) FROM placement WHERE opening_id = "
                    "opening.id AND status IN {}), start_date, latest_start, licence, "
                    "max_distance_km, needs_recognition, status, company.active, (SELECT "
                    "count(*) FROM placement WHERE opening_id = opening.id AND status = 'hired') "
                    "FROM opening JOIN company ON company.id = opening.company_id WHERE {} AND {} "
                    "ORDER BY opening.id",
                    k_holding, all ? "1" : "status = 'open'", only ? "opening.id = ?" : "1"));
    if (only) {
        q.bind(1, *only);
    }
    std::vector<OpeningMatchRow> rows;
    while (q.executeStep()) {
        OpeningMatchRow r;
        r.id = q.getColumn(0).getInt64();
        r.company = q.getColumn(1).getString();
        r.title = q.getColumn(2).getString();
        r.plz = q.getColumn(3).getString();
        r.city = q.getColumn(4).getString();
        r.kldb = text_column(q.getColumn(5));
        r.german = text_column(q.getColumn(6));
        r.positions = q.getColumn(7).getInt64();
        r.taken = q.getColumn(8).getInt64();
        r.start_date = text_column(q.getColumn(9));
        r.latest_start = text_column(q.getColumn(10));
        r.licence = q.getColumn(11).getString();
        r.max_distance_km = int_column(q.getColumn(12));
        r.needs_recognition = q.getColumn(13).getInt() != 0;
        r.open = q.getColumn(14).getString() == "open";
        r.company_active = q.getColumn(15).getInt() != 0;
        r.hired = q.getColumn(16).getInt64();
        rows.push_back(std::move(r));
    }
    return rows;
}

std::vector<std::pair<std::int64_t, std::int64_t>> closed_pairs(Database& db) {
    SQLite::Statement q(db.sql(), "SELECT candidate_id, opening_id FROM placement WHERE status IN "
                                  "('declined', 'withdrawn') ORDER BY candidate_id, opening_id");
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    while (q.executeStep()) {
        out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
    }
    return out;
}

std::vector<PlacementRow> list_placements(Database& db, const PlacementFilter& filter) {
    std::string where = "WHERE 1 = 1";
    if (filter.status) {
        where += " AND placement.status = :status";
    }
    if (filter.candidate_id) {
        where += " AND placement.candidate_id = :candidate";
    }
    if (filter.opening_id) {
        where += " AND placement.opening_id = :opening";
    }
    SQLite::Statement q(db.sql(), std::string(k_placement_select) + where +
                                      " ORDER BY placement.opening_id, placement.candidate_id");
    if (filter.status) {
        q.bind(":status", *filter.status);
    }
    if (filter.candidate_id) {
        q.bind(":candidate", *filter.candidate_id);
    }
    if (filter.opening_id) {
        q.bind(":opening", *filter.opening_id);
    }
    std::vector<PlacementRow> rows;
    while (q.executeStep()) {
        rows.push_back(read_placement(q));
    }
    return rows;
}

std::optional<PlacementRow> find_placement(Database& db, std::int64_t candidate_id,
                                           std::int64_t opening_id) {
    SQLite::Statement q(db.sql(), std::string(k_placement_select) +
                                      "WHERE placement.candidate_id = ? AND "
                                      "placement.opening_id = ?");
    q.bind(1, candidate_id);
    q.bind(2, opening_id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_placement(q);
}

std::int64_t insert_placement(Database& db, const PlacementRow& row) {
    SQLite::Statement q(db.sql(),
                        "INSERT INTO placement (candidate_id, opening_id, status, run_id, "
                        "score_milli, note, created_at, updated_at, introduced_on, interview_on, "
                        "hired_on, closed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, row.candidate_id);
    q.bind(2, row.opening_id);
    q.bind(3, row.status);
    if (row.run_id) {
        q.bind(4, *row.run_id);
    }
    if (row.score_milli) {
        q.bind(5, *row.score_milli);
    }
    q.bind(6, row.note);
    q.bind(7, row.created_at);
    q.bind(8, row.updated_at);
    bind_days(q, 9, row.days);
    q.exec();
    return db.sql().getLastInsertRowid();
}

void update_placement(Database& db, std::int64_t id, const std::string& status,
                      const std::string& note, const PlacementDays& days, const std::string& now) {
    SQLite::Statement q(db.sql(), "UPDATE placement SET status = ?, note = ?, updated_at = ?, "
                                  "introduced_on = ?, interview_on = ?, hired_on = ?, closed_on = "
                                  "? WHERE id = ?");
    q.bind(1, status);
    q.bind(2, note);
    q.bind(3, now);
    bind_days(q, 4, days);
    q.bind(8, id);
    q.exec();
}

std::vector<std::pair<std::int64_t, std::int64_t>>
delete_stale_proposals(Database& db,
                       const std::vector<std::pair<std::int64_t, std::int64_t>>& keep) {
    db.sql().exec("CREATE TEMP TABLE IF NOT EXISTS keep_pair (candidate_id INTEGER, opening_id "
                  "INTEGER, PRIMARY KEY (candidate_id, opening_id)) WITHOUT ROWID");
    db.sql().exec("DELETE FROM keep_pair");
    SQLite::Statement add(db.sql(), "INSERT OR IGNORE INTO keep_pair VALUES (?, ?)");
    for (const auto& [c, o] : keep) {
        add.bind(1, c);
        add.bind(2, o);
        add.exec();
        add.reset();
    }
    constexpr const char* stale =
        "FROM placement WHERE status = 'proposed' AND NOT EXISTS (SELECT 1 FROM keep_pair k "
        "WHERE k.candidate_id = placement.candidate_id AND k.opening_id = placement.opening_id)";
    std::vector<std::pair<std::int64_t, std::int64_t>> gone;
    SQLite::Statement q(db.sql(), fmt::format("SELECT candidate_id, opening_id {} ORDER BY "
                                              "candidate_id, opening_id",
                                              stale));
    while (q.executeStep()) {
        gone.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
    }
    db.sql().exec(fmt::format("DELETE {}", stale));
    db.sql().exec("DELETE FROM keep_pair");
    return gone;
}

std::int64_t insert_match_run(Database& db, const MatchRunRow& run) {
    SQLite::Statement q(
        db.sql(), "INSERT INTO match_run (reference_day, settings, candidates, openings, "
                  "pairs, assigned, total_milli, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, run.reference_day);
    q.bind(2, run.settings);
    q.bind(3, run.candidates);
    q.bind(4, run.openings);
    q.bind(5, run.pairs);
    q.bind(6, run.assigned);
    q.bind(7, run.total_milli);
    q.bind(8, run.created_at);
    q.exec();
    return db.sql().getLastInsertRowid();
}

RunWriter::RunWriter(Database& db, std::int64_t run_id, std::string now)
    : m_run_id(run_id), m_now(std::move(now)),
      m_assignment(std::make_unique<SQLite::Statement>(
          db.sql(), "INSERT INTO match_assignment (run_id, candidate_id, opening_id, score_milli, "
                    "explanation) VALUES (?, ?, ?, ?, ?)")),
      m_placement(std::make_unique<SQLite::Statement>(
          db.sql(), "INSERT INTO placement (candidate_id, opening_id, status, run_id, score_milli, "
                    "created_at, updated_at) VALUES (?, ?, 'proposed', ?, ?, ?, ?) "
                    "ON CONFLICT (candidate_id, opening_id) DO NOTHING")),
      m_db(db) {}

RunWriter::~RunWriter() = default;

bool RunWriter::add(std::int64_t candidate_id, std::int64_t opening_id, std::int64_t score_milli,
                    const std::string& explanation) {
    auto& a = *m_assignment;
    a.reset();
    a.bind(1, m_run_id);
    a.bind(2, candidate_id);
    a.bind(3, opening_id);
    a.bind(4, score_milli);
    a.bind(5, explanation);
    a.exec();
    auto& p = *m_placement;
    p.reset();
    p.bind(1, candidate_id);
    p.bind(2, opening_id);
    p.bind(3, m_run_id);
    p.bind(4, score_milli);
    p.bind(5, m_now);
    p.bind(6, m_now);
    return p.exec() > 0;
}

std::int64_t placements_of_batch(Database& db, const std::string& table, std::int64_t batch) {
    const std::string column = table == "opening" ? "opening_id" : "candidate_id";
    SQLite::Statement q(db.sql(),
                        fmt::format("SELECT count(*) FROM placement WHERE {} IN (SELECT id FROM "
                                    "{} WHERE created_batch = ?)",
                                    column, table == "opening" ? "opening" : "candidate"));
    q.bind(1, batch);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

} // namespace werkstatt
