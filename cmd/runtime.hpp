// SPDX-License-Identifier: GPL-3.0-or-later
// The state every command runs with: global options, the configuration, the database, messages.
#pragma once

#include "config/config.hpp"
#include "io/records.hpp"
#include "store/database.hpp"

#include <functional>
#include <iosfwd>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt::cli {

// Options that stand before or after any command.
struct GlobalOptions {
    std::optional<std::string> db;
    std::optional<std::string> config_file;
    std::vector<std::string> sets;
    bool quiet = false;
    int verbose = 0;
    bool wide = false;   // tables as wide as their content, also on a terminal
    bool reveal = false; // names instead of pseudonyms for this run (privacy.pseudonymise)
    std::optional<std::string> output;      // what goes to stdout goes to this file instead
    std::optional<std::string> csv_dialect; // rfc4180 or excel-de (default: csv.dialect)
};

// How many characters of one message reach the terminal; values in messages are cut to 80
// before (text::display_safe), so only a message that forgot to is cut here.
inline constexpr std::size_t k_message_chars = 2000;

// Return `message` as it may reach a terminal: control, bidi and invisible characters shown
// escaped (text::display_safe, line feeds kept), at most k_message_chars characters.
std::string safe_message(std::string_view message);

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

    // The command path ("candidate list"), set once the command line is parsed.
    std::string command_name;

    // Where data goes: standard output, or with --output the file's content being collected.
    std::ostream& out() { return global.output ? m_file_content : m_out; }
    // Check before the action that --output can be written: its folder exists (else throw
    // Error(output), exit 73, before anything is done).
    void check_output();
    // After the action: write what was collected for --output to the file, atomically with mode
    // 0600, and record it in the privacy files registry if the command lists candidates; warn
    // instead when the command printed nothing. Throw Error(output) if it cannot be written.
    void finish_output();
    // Return the effective configuration, reading it on first use.
    const LoadedConfig& config();
    // Return the database path in effect, or "" before the configuration is read.
    std::string db_path_hint() const;
    // Open the database for reading or writing.
    Database open(Access access);
    // Return the options to open the database with (for a library call that opens it itself).
    OpenOptions open_options(Access access);
    // Return the UI language before the command line is parsed (help texts are translated when
    // the command tree is built): ui.lang of the configuration `scanned` (--db, --config and --set
    // found on the command line) names, else the locale's. config() reuses what it read.
    Language early_ui_language(const GlobalOptions& scanned);
    // Return the language of a document: --lang `flag` (Error(usage) if not de or en), else
    // documents.lang; warn when its catalogue is not found (the texts are English then).
    Language documents_language(const std::optional<std::string>& flag);
    // Create or migrate the database.
    Database initialise(InitResult& result);
    // Return whether `command` ("candidate list") may show candidates' names: always without
    // privacy.pseudonymise; with it only under --reveal, which first writes one audit row naming
    // `command` (once per run; no name or value is written).
    bool show_names(std::string_view command);

    // Say `message` on stderr unless --quiet.
    void info(const std::string& message);
    // Say `message` on stderr with -v only.
    void detail(const std::string& message);
    // Warn on stderr ("werkstatt: warning: ...").
    void warn(const std::string& message);
    // Return the output format: `flag` if given, else by the extension of --output (.xlsx,
    // .csv, .json), else the configured one.
    Format format(const std::optional<std::string>& flag);
    // Whether tables may use colour.
    Color color();
    // How tables are drawn: colour, and the terminal width they fit unless --wide.
    TableStyle table_style();
    // Return format(`flag`) for a listing; throw Error(usage) for xlsx on a terminal without
    // --output.
    Format listing_format(const std::optional<std::string>& flag);
    // Print `records` in `format`. Throw Error(usage) for xlsx on a terminal without --output.
    void print(const Records& records, const std::optional<std::string>& format_flag);
    // Print `text`, lines for people, on stdout escaped as safe_message() escapes (not cut).
    void print_text(const std::string& text);
    // Print `detail` in `format`.
    void print(const Detail& detail, const std::optional<std::string>& format_flag);
    // Ask `question` on a terminal; without one, require `yes`. Throw Error(usage) if refused.
    void confirm(const std::string& question, bool yes);

  private:
    std::ostream& m_out;
    std::ostream& m_err;
    std::optional<LoadedConfig> m_config;
    std::optional<LoadedConfig> m_early_config; // read for the UI language, before parsing
    GlobalOptions m_early_options;
    std::set<std::string> m_warned;    // each warning about the database is said once per run
    bool m_wait_told = false;          // "waiting for another werkstatt process" once per run
    bool m_reveal_audited = false;     // --reveal is written to the audit log once per run
    std::ostringstream m_file_content; // what goes to --output
    std::int64_t m_rows_printed = 0;   // rows of the listings printed, for the files registry
    // Throw Error(usage) when `format` is xlsx, there is no --output and stdout is a terminal.
    void refuse_workbook_on_terminal(Format format);
};

} // namespace werkstatt::cli
