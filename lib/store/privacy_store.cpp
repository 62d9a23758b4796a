// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/privacy_store.hpp"

#include "store/merge_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace werkstatt {

namespace {

// The day a consent ended: the day it was withdrawn or the last day it held, the earlier of the
// two; NULL while it holds until withdrawn.
constexpr const char* k_consent_end =
    "CASE WHEN k.withdrawn_on IS NULL THEN k.valid_until WHEN k.valid_until IS NULL THEN "
    "k.withdrawn_on ELSE min(k.valid_until, k.withdrawn_on) END";

// The day a candidate left, as the reports count it (report_store.cpp): the exit, else the
// last change of an archived record.
constexpr const char* k_left =
    "COALESCE(exit_date, CASE WHEN active = 0 THEN substr(updated_at, 1, 10) END)";

// The age at entry as the ESF+ report computes it (esf_store.cpp).
constexpr const char* k_age = "CAST(substr(entry_date, 1, 4) AS INTEGER) - CAST(substr(birth_date, "
                              "1, 4) AS INTEGER) - (substr(entry_date, 6, 5) < substr(birth_date, "
                              "6, 5))";

// Return the ids `sql` selects with `day` bound as ?1.
std::vector<std::int64_t> ids(Database& db, const std::string& sql, const std::string& day) {
    SQLite::Statement q(db.sql(), sql);
    q.bind(1, day);
    std::vector<std::int64_t> out;
    while (q.executeStep()) {
        out.push_back(q.getColumn(0).getInt64());
    }
    return out;
}

// Make candidate `id` an anonymous remnant purged on `day`; add its match pairs and
// before-images deleted and its placement notes blanked to `counts`.
void anonymise(Database& db, std::int64_t id, const std::string& day, PurgeCounts& counts) {
    // Direct identifiers go; what the reports count stays or is generalised exactly as far as
    // they allow: the birth date keeps the age at entry (entry's month and day), the start of
    // unemployment keeps whether it was long-term at entry, the consent to reporting keeps only
    // that it was given and not withdrawn (its year).
    SQLite::Statement q(
        db.sql(),
        fmt::format(
            "UPDATE candidate SET purged_on = ?2, reference = 'purged-' || "
            "lower(hex(randomblob(16))), first_name = '', last_name = '', email = '', phone = "
            "'', plz = '', city = '', occupation = '', languages = '', licences = '', notes = '', "
            "recognition = NULL, available_from = NULL, radius_km = NULL, permit_until = NULL, "
            "birth_date = CASE WHEN birth_date IS NULL OR entry_date IS NULL THEN NULL ELSE "
            "printf('%04d', CAST(substr(entry_date, 1, 4) AS INTEGER) - ({age})) || "
            "substr(entry_date, 5) END, nationality = CASE WHEN nationality_code IS NULL THEN "
            "nationality ELSE '' END, second_nationality = '', unemployed_since = CASE WHEN "
            "unemployed_since IS NULL OR entry_date IS NULL THEN NULL WHEN unemployed_since < "
            "date(entry_date, '-12 months') THEN date(entry_date, '-12 months', '-1 day') ELSE "
            "entry_date END, status_6m_date = NULL, "
            "created_batch = NULL, batch_id = NULL WHERE id = ?1 AND purged_on IS NULL",
            fmt::arg("age", k_age)));
    q.bind(1, id);
    q.bind(2, day);
    q.exec();
    SQLite::Statement pairs(db.sql(), "DELETE FROM match_assignment WHERE candidate_id = ?");
    pairs.bind(1, id);
    counts.match_pairs += pairs.exec();
    SQLite::Statement notes(db.sql(),
                            "UPDATE placement SET note = '' WHERE candidate_id = ? AND note <> ''");
    notes.bind(1, id);
    counts.placement_notes += notes.exec();
    counts.merge_images += delete_merges_of(db, id); // their images and merged references
    SQLite::Statement images(
        db.sql(), "DELETE FROM import_change WHERE entity = 'candidate' AND record_id = ?");
    images.bind(1, id);
    counts.import_images += images.exec();
    // The consent to reporting stays, the ESF+ report counts the special categories by it; of
    // its days only the year.
    SQLite::Statement consent(db.sql(), "DELETE FROM consent WHERE candidate_id = ? AND scope IN "
                                        "('matching', 'sharing')");
    consent.bind(1, id);
    consent.exec();
    // Where the person's cards went is theirs to know while they are stored; erased, it would
    // only tie the pseudonym on a company's printed card to the remnant.
    SQLite::Statement shares(db.sql(), "DELETE FROM card_share WHERE candidate_id = ?");
    shares.bind(1, id);
    shares.exec();
    SQLite::Statement reporting(
        db.sql(), "UPDATE consent SET given_on = substr(given_on, 1, 4) || '-01-01', valid_until = "
                  "NULL, batch_id = NULL, recorded_at = substr(recorded_at, 1, 4) || "
                  "'-01-01T00:00:00Z', withdrawn_on = CASE WHEN withdrawn_on IS NULL THEN NULL "
                  "ELSE substr(withdrawn_on, 1, 4) || '-01-01' END WHERE candidate_id = ?");
    reporting.bind(1, id);
    reporting.exec();
}

} // namespace

PurgeCounts purge_due(Database& db, const PurgeLimits& limits) {
    PurgeCounts counts;
    const auto ended = ids(db,
                           fmt::format("SELECT c.id FROM candidate c WHERE c.purged_on IS NULL "
                                       "AND EXISTS (SELECT 1 FROM consent k WHERE "
                                       "k.candidate_id = c.id) AND NOT EXISTS (SELECT 1 FROM "
                                       "consent k WHERE k.candidate_id = c.id AND ({end} IS NULL "
                                       "OR {end} >= ?1)) ORDER BY c.id",
                                       fmt::arg("end", k_consent_end)),
                           limits.consent_before);
    for (const auto id : ended) {
        anonymise(db, id, limits.as_of, counts);
    }
    counts.consent_ended = static_cast<std::int64_t>(ended.size());
    const auto left = ids(db,
                          fmt::format("SELECT id FROM candidate WHERE purged_on IS NULL AND "
                                      "{left} < ?1 ORDER BY id",
                                      fmt::arg("left", k_left)),
                          limits.left_before);
    for (const auto id : left) {
        anonymise(db, id, limits.as_of, counts);
    }
    counts.left = static_cast<std::int64_t>(left.size());

    SQLite::Statement pairs(db.sql(), "DELETE FROM match_assignment WHERE run_id IN (SELECT id "
                                      "FROM match_run WHERE substr(created_at, 1, 10) < ?)");
    pairs.bind(1, limits.claim_before);
    counts.match_pairs += pairs.exec();
    SQLite::Statement notes(
        db.sql(), "UPDATE placement SET note = '' WHERE note <> '' AND status IN ('hired', "
                  "'declined', 'withdrawn') AND COALESCE(CASE WHEN status = 'hired' THEN hired_on "
                  "ELSE closed_on END, substr(updated_at, 1, 10)) < ?");
    notes.bind(1, limits.claim_before);
    counts.placement_notes += notes.exec();
    SQLite::Statement images(db.sql(), "DELETE FROM import_change WHERE batch_id IN (SELECT id "
                                       "FROM import_batch WHERE substr(finished_at, 1, 10) < ?)");
    images.bind(1, limits.claim_before);
    counts.import_images += images.exec();
    SQLite::Statement batches(db.sql(), "UPDATE import_batch SET images_purged_on = ?1 WHERE "
                                        "images_purged_on IS NULL AND undone_at IS NULL AND "
                                        "substr(finished_at, 1, 10) < ?2");
    batches.bind(1, limits.as_of);
    batches.bind(2, limits.claim_before);
    batches.exec();
    counts.merge_images += purge_merge_images(db, limits.claim_before, limits.as_of);
    return counts;
}

std::vector<ConsentEnd> consents_ending(Database& db, const std::string& until) {
    SQLite::Statement q(db.sql(),
                        fmt::format("SELECT * FROM (SELECT c.id, c.reference, k.scope, {end} AS e, "
                                    "k.withdrawn_on IS NOT NULL AND {end} = k.withdrawn_on FROM "
                                    "consent k JOIN candidate c ON c.id = k.candidate_id WHERE "
                                    "c.purged_on IS NULL) WHERE e <= ? ORDER BY e, 1, 3",
                                    fmt::arg("end", k_consent_end)));
    q.bind(1, until);
    std::vector<ConsentEnd> out;
    while (q.executeStep()) {
        out.push_back(ConsentEnd{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                                 q.getColumn(2).getString(), q.getColumn(3).getString(),
                                 q.getColumn(4).getInt() != 0});
    }
    return out;
}

std::int64_t insert_written_file(Database& db, const WrittenFile& file) {
    SQLite::Statement q(db.sql(), "INSERT INTO written_file (path, kind, written_at, persons, "
                                  "mode) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, file.path);
    q.bind(2, file.kind);
    q.bind(3, file.written_at);
    q.bind(4, file.persons);
    q.bind(5, file.mode);
    q.exec();
    const auto id = db.sql().getLastInsertRowid();
    SQLite::Statement person(db.sql(), "INSERT OR IGNORE INTO written_file_person (file_id, "
                                       "candidate_id) VALUES (?, ?)");
    for (const auto candidate : file.candidate_ids) {
        person.reset();
        person.bind(1, id);
        person.bind(2, candidate);
        person.exec();
    }
    return id;
}

namespace {

constexpr const char* k_file_columns = "f.id, f.path, f.kind, f.written_at, f.persons, f.mode";

std::vector<WrittenFile> read_files(SQLite::Statement& q) {
    std::vector<WrittenFile> out;
    while (q.executeStep()) {
        WrittenFile f;
        f.id = q.getColumn(0).getInt64();
        f.path = q.getColumn(1).getString();
        f.kind = q.getColumn(2).getString();
        f.written_at = q.getColumn(3).getString();
        f.persons = q.getColumn(4).getInt64();
        f.mode = q.getColumn(5).getInt();
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace

std::vector<WrittenFile> list_written_files(Database& db) {
    SQLite::Statement q(db.sql(),
                        fmt::format("SELECT {} FROM written_file f ORDER BY f.id", k_file_columns));
    return read_files(q);
}

std::vector<WrittenFile> files_that_may_hold(Database& db, std::int64_t candidate_id) {
    SQLite::Statement q(
        db.sql(),
        fmt::format("SELECT {} FROM written_file f WHERE EXISTS (SELECT 1 FROM "
                    "written_file_person p WHERE p.file_id = f.id AND p.candidate_id = ?1) OR "
                    "(NOT EXISTS (SELECT 1 FROM written_file_person p WHERE p.file_id = f.id) "
                    "AND f.written_at >= (SELECT created_at FROM candidate WHERE id = ?1)) "
                    "ORDER BY f.id",
                    k_file_columns));
    q.bind(1, candidate_id);
    return read_files(q);
}

std::optional<std::string> batch_images_purged_on(Database& db, std::int64_t batch) {
    SQLite::Statement q(db.sql(), "SELECT images_purged_on FROM import_batch WHERE id = ?");
    q.bind(1, batch);
    if (!q.executeStep() || q.getColumn(0).isNull()) {
        return std::nullopt;
    }
    return q.getColumn(0).getString();
}

} // namespace werkstatt
