// SPDX-License-Identifier: GPL-3.0-or-later
// What commands share besides the runtime: the --format and --dry-run flags, the words of a
// dry run, reading and reporting an all-or-nothing CSV import, the command line for the audit log.
#pragma once

#include "core/date.hpp"
#include "runtime.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt::cli {

// Add --format table|json|csv to `command`, stored in `target`.
void add_format_option(CLI::App* command, std::optional<std::string>& target);
// Add --dry-run to `command`, stored in `target`.
void add_dry_run_option(CLI::App* command, bool& target);
// Return DryRun::yes if `flag` is set.
inline DryRun dry_run(bool flag) {
    return flag ? DryRun::yes : DryRun::no;
}
// Return `past` ("added"), or `would` ("would add") in a dry run, translated: the verb that
// starts a report line. Both are msgids, marked with N_() where they are written.
std::string verb(bool dry, const char* past, const char* would);

// Warn if an erasure could not empty the write-ahead log of `db` (another program has it open).
void warn_if_not_scrubbed(Runtime& rt, const Database& db, Scrubbed scrubbed);

// Return how a table column named `column` gives way on a narrow terminal: the one table of
// column priorities every listing shares (werkstatt(1), TABLES).
ColumnFit column_fit(std::string_view column);

// Return the width a table must fit: none with `wide` or when stdout is not a terminal (a pipe
// or file gets every column whole), unless WERKSTATT_TABLE_WIDTH names one; on a terminal
// COLUMNS, else the terminal's own width, else 80.
std::optional<std::size_t> table_width(bool wide);

// Return `shown` with a column "archived" (yes/no after `archived`, one per row) at its end, for
// tables of listings that include archived records.
Records with_archived_column(Records shown, const std::vector<bool>& archived);

// Return the day a --date option names (YYYY-MM-DD or DD.MM.YYYY), or today without one. Throw
// Error(usage) naming the value and the forms when it is not a day.
Date reference_day(const std::optional<std::string>& date);

// Counts and problems of an all-or-nothing CSV import.
struct ImportCounts {
    std::size_t read = 0;
    std::size_t inserted = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    const std::vector<std::string>& problems; // each problem of each bad row
    std::size_t rejected = 0;                 // the bad rows
};

// Warn each problem and throw Error(bad_data) if there are any (nothing was imported); else say
// what the import of `file` did.
void report_import(Runtime& rt, const ImportCounts& counts, const std::string& file, bool dry);

// Return the command line of the parsed `app` for the audit log: the command path, option names,
// and values except those of options that carry personal data.
std::string audit_command_line(const CLI::App& app);

} // namespace werkstatt::cli
