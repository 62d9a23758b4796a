// SPDX-License-Identifier: GPL-3.0-or-later
// `candidate import` and `opening import`: a file of an agency or a company in, validated and
// normalised row by row, upserted by its reference, recorded as a batch, all in one transaction.
#pragma once

#include "import/profile.hpp"
#include "io/records.hpp"
#include "store/database.hpp"
#include "store/import_store.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt {

// Whether one bad row stops the whole import.
enum class Strict { no, yes };

// How far an import has come: rows read, bytes read, bytes in all.
struct ImportProgress {
    std::size_t rows = 0;
    std::size_t bytes = 0;
    std::uintmax_t total_bytes = 0;
};

// What to import and how.
struct ImportRequest {
    std::filesystem::path file;
    ImportProfile profile;
    std::optional<std::string> source;   // --source; else the profile's
    std::optional<std::string> encoding; // --encoding; else the profile's, else detected
    std::optional<std::string> sheet;    // --sheet: the sheet of an .xlsx to read; else the first
    DryRun dry_run = DryRun::no;
    Strict strict = Strict::no;
    std::optional<std::filesystem::path> rejects; // bad rows with an error column go here
    std::function<void(const ImportProgress&)> progress;
    std::optional<RecordKind> expected_kind; // the command's kind; a profile of another is refused
};

// Why an import that read its rows took none of them.
enum class ImportRefusal {
    none,          // the valid rows were taken (in a dry run: would be)
    every_row_bad, // every row was rejected
    strict,        // Strict::yes and some, not all, rows were rejected
};

// What an import did (or, in a dry run, would do).
struct ImportResult {
    ImportBatch batch;                 // counts; id 0 when nothing was written
    bool written = false;              // false: dry run, --strict with bad rows, or every row bad
    ImportRefusal refused = {};        // not none: no row taken (the command fails), dry run or not
    std::vector<std::string> problems; // "FILE:LINE: column "X": ... (value "…")", the first 100
    std::size_t problem_count = 0;
    std::vector<std::string> warnings;
    std::string delimiter; // as detected or given, for people: ";" "," "tab"; "" for a sheet
    std::string sheet;     // the sheet read from an Excel workbook; "" for CSV
    std::string input;     // the input as messages name it: the path, or "standard input"
};

// Import `request.file` ("-" or /dev/stdin: standard input, recorded in the batch as "-"), read
// by open_rows (lib/io/row_source.hpp) like every import: CSV, or a sheet of an .xlsx workbook
// (its batch's encoding "xlsx"). A PLZ that a sheet held as a number of four digits gets its
// leading zero back, with a warning. Throw Error(bad_data) for a file that
// cannot be imported at all (empty, header only, header not matching the profile, a quote never
// closed, invalid encoding, UTF-16 without a byte order mark), naming what was expected and
// found; bad rows (a stray quote in a cell included) are reported in the result instead.
ImportResult run_import(Database& db, const ImportRequest& request);

// What undoing a batch did.
struct UndoResult {
    ImportBatch batch;
    std::size_t deleted = 0;
    std::size_t restored = 0;
    Scrubbed scrubbed = Scrubbed::yes; // whether no journal or log keeps what was taken back
};

// Take back batch `batch_id`: delete the records it inserted and restore those it changed.
// Throw Error(conflict) if a later import or a hand edit touched any of them, or the batch was
// undone already; Error(not_found) if there is no such batch.
UndoResult undo_import(Database& db, std::int64_t batch_id, DryRun dry_run);

// Return `batches` as a listing for `import list`.
Records batch_records(const std::vector<ImportBatch>& batches);

} // namespace werkstatt
