// SPDX-License-Identifier: GPL-3.0-or-later
// Rows of the matching tables (match_run, match_assignment, placement) and the columns of
// candidate and opening that matching may read. The candidate query names its columns one by
// one: reporting facts (gender, birth date, nationality, ...) are never read for matching.
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Statement;
}

namespace werkstatt {

// The matching columns of a candidate, as stored.
struct CandidateMatchRow {
    std::int64_t id = 0;
    std::string source;
    std::string reference;
    std::string plz;
    std::string city;
    std::optional<std::string> kldb;
    std::optional<std::string> german;
    std::string residence_status;
    std::optional<std::string> recognition;
    std::string licences;
    std::optional<std::string> available_from;
    std::optional<std::int64_t> radius_km;
    std::optional<std::string> permit_until; // the residence title's last day
    std::string last_confirmed; // confirmed_on, else the day the record was made (YYYY-MM-DD)
    bool active = true;
    bool placed = false; // hired, or in an introduction or interview now
};

// The matching columns of an opening, as stored, and how many positions placements hold.
struct OpeningMatchRow {
    std::int64_t id = 0;
    std::string company;
    std::string title;
    std::string plz;
    std::string city;
    std::optional<std::string> kldb;
    std::optional<std::string> german;
    std::int64_t positions = 1;
    std::int64_t taken = 0; // placements hired, introduced or in interview
    std::int64_t hired = 0; // placements hired
    std::optional<std::string> start_date;
    std::optional<std::string> latest_start;
    std::string licence;
    std::optional<std::int64_t> max_distance_km;
    bool needs_recognition = false;
    bool open = true;
    bool company_active = true; // false when its company is archived
};

// Return every candidate (with `all`, archived ones too), by id; with `only`, just that one.
std::vector<CandidateMatchRow> load_candidate_rows(Database& db, bool all,
                                                   std::optional<std::int64_t> only = {});
// Return every opening (with `all`, closed ones too), by id; with `only`, just that one.
std::vector<OpeningMatchRow> load_opening_rows(Database& db, bool all,
                                               std::optional<std::int64_t> only = {});
// Return the (candidate id, opening id) pairs whose placement was declined or withdrawn.
std::vector<std::pair<std::int64_t, std::int64_t>> closed_pairs(Database& db);

// A placement row with the names that make it readable.
// The day a placement reached each step (YYYY-MM-DD), empty where it has not (any more).
struct PlacementDays {
    std::optional<std::string> introduced_on;
    std::optional<std::string> interview_on;
    std::optional<std::string> hired_on;
    std::optional<std::string> closed_on; // declined or withdrawn
    bool operator==(const PlacementDays&) const = default;
};

struct PlacementRow {
    std::int64_t id = 0;
    std::int64_t candidate_id = 0;
    std::string candidate_reference;
    std::string candidate_source;
    std::int64_t opening_id = 0;
    std::string opening_title;
    std::string company;
    std::string status;
    std::optional<std::int64_t> run_id;
    std::optional<std::int64_t> score_milli;
    std::string note;
    std::string created_at;
    std::string updated_at;
    PlacementDays days;
};

// Which placements a listing shows.
struct PlacementFilter {
    std::optional<std::string> status;
    std::optional<std::int64_t> candidate_id;
    std::optional<std::int64_t> opening_id;
};

// Return the placements passing `filter`, by opening id and candidate id.
std::vector<PlacementRow> list_placements(Database& db, const PlacementFilter& filter);
// Return the placement of the pair, or nothing.
std::optional<PlacementRow> find_placement(Database& db, std::int64_t candidate_id,
                                           std::int64_t opening_id);
// Insert a placement and return its id.
std::int64_t insert_placement(Database& db, const PlacementRow& row);
// Set status, note, the step days and updated_at of placement `id`.
void update_placement(Database& db, std::int64_t id, const std::string& status,
                      const std::string& note, const PlacementDays& days, const std::string& now);
// Delete the placements still `proposed` whose pair is not in `keep` (candidate, opening); return
// the pairs that went (candidate, opening), by candidate and opening.
std::vector<std::pair<std::int64_t, std::int64_t>>
delete_stale_proposals(Database& db,
                       const std::vector<std::pair<std::int64_t, std::int64_t>>& keep);

// A committed run.
struct MatchRunRow {
    std::int64_t id = 0;
    std::string reference_day;
    std::string settings;
    std::int64_t candidates = 0;
    std::int64_t openings = 0;
    std::int64_t pairs = 0;
    std::int64_t assigned = 0;
    std::int64_t total_milli = 0;
    std::string created_at;
};

// Insert `run` and return its id.
std::int64_t insert_match_run(Database& db, const MatchRunRow& run);
// Writes the pairs of one run, with statements prepared once and used per pair.
class RunWriter {
  public:
    RunWriter(Database& db, std::int64_t run_id, std::string now);
    ~RunWriter();
    RunWriter(const RunWriter&) = delete;
    RunWriter& operator=(const RunWriter&) = delete;

    // Store the pair with its score and reasons, and give it a `proposed` placement unless it has
    // a placement already; return true if one was added.
    bool add(std::int64_t candidate_id, std::int64_t opening_id, std::int64_t score_milli,
             const std::string& explanation);

  private:
    std::int64_t m_run_id;
    std::string m_now;
    std::unique_ptr<SQLite::Statement> m_assignment;
    std::unique_ptr<SQLite::Statement> m_placement;
    Database& m_db;
};

// Return how many placements name a record `table` ("candidate" or "opening") created by import
// batch `batch`.
std::int64_t placements_of_batch(Database& db, const std::string& table, std::int64_t batch);

} // namespace werkstatt
