// SPDX-License-Identifier: GPL-3.0-or-later
// What every command shares: global options, the configuration, the database, output helpers.
#pragma once

#include "config/config.hpp"
#include "io/records.hpp"
#include "store/database.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt::cli {

// Options that stand before or after any command.
struct GlobalOptions {
    std::optional<std::string> db;
    std::optional<std::string> config_file;
    std::vector<std::string> sets;
    bool quiet = false;
    int verbose = 0;
};

// The state a command runs with; commands get it by reference, there is no global.
class Runtime {
  public:
    Runtime(std::ostream& out, std::ostream& err);

    GlobalOptions global;
    // The chosen command's work, set by its parse callback and run by main after parsing.
    std::function<void()> action;
    // The exit status when the action returns normally (1 for partial success).
    int status = 0;
    // The command line as written to the audit log, personal values left out.
    std::string audit_command;

    std::ostream& out() { return m_out; }
    // Return the effective configuration, reading it on first use.
    const LoadedConfig& config();
    // Return the database path in effect, or "" before the configuration is read.
    std::string db_path_hint() const;
    // Open the database for reading or writing.
    Database open(Access access);
    // Create or migrate the database.
    Database initialise(InitResult& result);

    // Say `message` on stderr unless --quiet.
    void info(const std::string& message);
    // Say `message` on stderr with -v only.
    void detail(const std::string& message);
    // Warn on stderr ("werkstatt: warning: ...").
    void warn(const std::string& message);
    // Return the output format: `flag` if given, else the configured one.
    Format format(const std::optional<std::string>& flag);
    // Whether tables may use colour.
    Color color();
    // Print `records` in `format`.
    void print(const Records& records, const std::optional<std::string>& format_flag);
    // Print `detail` in `format`.
    void print(const Detail& detail, const std::optional<std::string>& format_flag);
    // Ask `question` on a terminal; without one, require `yes`. Throw Error(usage) if refused.
    void confirm(const std::string& question, bool yes);

  private:
    std::ostream& m_out;
    std::ostream& m_err;
    std::optional<LoadedConfig> m_config;
};

// Add --format table|json|csv to `command`, stored in `target`.
void add_format_option(CLI::App* command, std::optional<std::string>& target);
// Add --dry-run to `command`, stored in `target`.
void add_dry_run_option(CLI::App* command, bool& target);
// Return DryRun::yes if `flag` is set.
inline DryRun dry_run(bool flag) {
    return flag ? DryRun::yes : DryRun::no;
}
// Return `past` ("added"), or "would " and `base` ("would add") in a dry run.
std::string verb(bool dry, const char* past, const char* base);

// Open `file` for an all-or-nothing CSV import (companies, advisory services). Throw
// Error(bad_data) for a folder, Error(not_found) if it cannot be read.
std::ifstream open_import_file(const std::string& file);

// Counts and problems of an all-or-nothing CSV import.
struct ImportCounts {
    std::size_t read = 0;
    std::size_t inserted = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    const std::vector<std::string>& problems;
};

// Warn each problem and throw Error(bad_data) if there are any (nothing was imported); else say
// what the import of `file` did.
void report_import(Runtime& rt, const ImportCounts& counts, const std::string& file, bool dry);

// Return the command line of the parsed `app` for the audit log: the command path, option names,
// and values except those of options that carry personal data.
std::string audit_command_line(const CLI::App& app);

// Return the name of the user running werkstatt.
std::string os_user();

} // namespace werkstatt::cli
