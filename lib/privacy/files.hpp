// SPDX-License-Identifier: GPL-3.0-or-later
// The files werkstatt wrote with personal data in them (`privacy files`): each writer of such a
// file records it, so that an erasure (Art. 17 GDPR) can say which files may still hold the
// person, and the data protection officer can see what lies where and since when.
#pragma once

#include "core/date.hpp"
#include "io/records.hpp"
#include "store/database.hpp"
#include "store/privacy_store.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace werkstatt {

// What a written file is.
enum class WrittenKind {
    rejects, // rows an import refused
    export_, // everything about persons (Art. 15 access export)
    card,    // profile cards shared with member companies
    report   // a report that names persons
};

// Return the name of `kind` as stored and listed: rejects, export, card, report.
const char* to_string(WrittenKind kind);

// Record on `db` that werkstatt wrote `path` (made absolute) of `kind`, holding the data of
// `persons` persons, among them the candidates `candidate_ids` where it names them; its mode is
// read from the file. One transaction with one audit row (the kind and the count, never the
// path's persons). Call it after the file was written; a file that is gone is not recorded.
void record_written_file(Database& db, const std::filesystem::path& path, WrittenKind kind,
                         std::int64_t persons, const std::vector<std::int64_t>& candidate_ids = {});

// Return the recorded files as a listing for `privacy files`: path, kind, when written, age in
// days on `today`, how many persons, mode, and whether the file still exists.
Records written_file_records(Database& db, const Date& today);

// Return the recorded files that may still hold candidate `candidate_id` and still exist: those
// that name them, and those naming nobody in particular written since the candidate was first
// stored. Call it before the candidate is erased.
std::vector<WrittenFile> files_holding(Database& db, std::int64_t candidate_id);

} // namespace werkstatt
