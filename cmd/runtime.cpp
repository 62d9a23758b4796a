// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtime.hpp"
#include "core/i18n.hpp"

#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "io/atomic_file.hpp"
#include "output.hpp"
#include "privacy/files.hpp"
#include "privacy/pseudonyms.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <pwd.h>
#include <unistd.h>

namespace werkstatt::cli {

namespace {

std::optional<std::string> env(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        return std::nullopt;
    }
    return std::string(value);
}

ConfigSources sources_from(const GlobalOptions& global) {
    ConfigSources s;
    s.system_file = env("WERKSTATT_SYSTEM_CONFIG").value_or("/etc/werkstatt/config.toml");
    const auto home = env("HOME").value_or(".");
    s.user_file = env("XDG_CONFIG_HOME").value_or(home + "/.config") + "/werkstatt/config.toml";
    if (global.config_file) {
        s.explicit_file = *global.config_file;
    }
    for (const char* name :
         {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "WERKSTATT_DB", "WERKSTATT_FORMAT"}) {
        if (const auto value = env(name)) {
            s.environment[name] = *value;
        }
    }
    s.assignments = global.sets;
    if (global.db) {
        s.flags.emplace_back("database.path", *global.db);
    }
    return s;
}

// Return the name of the user running werkstatt.
std::string os_user() {
    if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) {
        return pw->pw_name;
    }
    return env("USER").value_or(fmt::format("uid {}", geteuid()));
}

} // namespace

std::string safe_message(std::string_view message) {
    return text::display_safe(message, k_message_chars, text::LineBreaks::keep);
}

Runtime::Runtime(std::ostream& out, std::ostream& err) : m_out(out), m_err(err) {}

Language Runtime::early_ui_language(const GlobalOptions& scanned) {
    try {
        m_early_config = load_config(sources_from(scanned));
        m_early_options = scanned;
        return resolve_language("ui.lang", m_early_config->config.lang.ui, {});
    } catch (const Error&) {
        return language_from_environment(); // the run itself reports the configuration's fault
    }
}

Language Runtime::documents_language(const std::optional<std::string>& flag) {
    const auto text = flag.value_or(config().config.lang.documents);
    const auto lang =
        flag ? parse_language(text)
             : resolve_language("documents.lang", text, [this](const std::string& m) { warn(m); });
    if (!lang) {
        throw Error(ErrorKind::usage,
                    _f("--lang '{}' is not a language of the documents; use de or en", text));
    }
    if (!catalogue_found(*lang)) {
        warn(_f("the German catalogue was not found at {}; the texts are in English (reinstall "
                "werkstatt, or set WERKSTATT_LOCALEDIR)",
                catalogue_path(*lang).string()));
    }
    return *lang;
}

const LoadedConfig& Runtime::config() {
    if (!m_config) {
        // Read once per run: the early read counts when the command line named the same files.
        const bool same = m_early_config && m_early_options.db == global.db &&
                          m_early_options.config_file == global.config_file &&
                          m_early_options.sets == global.sets;
        m_config = same ? std::move(*m_early_config) : load_config(sources_from(global));
        m_early_config.reset();
        for (const auto& file : m_config->files_read) {
            detail(_f("read configuration {}", file.string()));
        }
        // The early guess (main.cpp) read the same files; this says an unknown value once.
        set_ui_language(resolve_language("ui.lang", m_config->config.lang.ui,
                                         [this](const std::string& m) { warn(m); }));
        warn_if_rules_due(*this); // once per run: the configuration is read once
    }
    return *m_config;
}

std::string Runtime::db_path_hint() const {
    if (m_config) {
        return m_config->config.store.database_path;
    }
    return global.db.value_or("");
}

OpenOptions Runtime::open_options(Access access) {
    const auto& c = config().config.store;
    const AuditContext audit{c.audit_user.empty() ? os_user() : c.audit_user, audit_command};
    // Warnings differ (the file's mode, a network file system): each is said once per run.
    const auto warn_once = [this](const std::string& message) {
        if (m_warned.insert(message).second) {
            warn(message);
        }
    };
    // A person at a terminal is told once why nothing happens; cron's mail stays empty.
    std::function<void()> on_wait;
    if (isatty(STDERR_FILENO) != 0 && !global.quiet) {
        on_wait = [this, path = c.database_path, seconds = (c.busy_timeout_ms + 999) / 1000] {
            if (!m_wait_told) {
                m_wait_told = true;
                // Not always a writer: an erasure waits for readers to leave the log it empties.
                m_err << _f("werkstatt: waiting for another werkstatt process that is using {} "
                            "(up to {} s) ...",
                            safe_message(path), seconds)
                      << std::endl;
            }
        };
    }
    return OpenOptions{c.database_path, access, c.busy_timeout_ms, audit, warn_once, on_wait};
}

Database Runtime::open(Access access) {
    detail(_f("database {}", config().config.store.database_path));
    return Database::open(open_options(access));
}

bool Runtime::show_names(std::string_view command) {
    if (!config().config.privacy.pseudonymise) {
        return true;
    }
    if (!global.reveal) {
        return false;
    }
    if (!m_reveal_audited) {
        auto db = open(Access::read_write);
        record_reveal(db, command);
        m_reveal_audited = true;
    }
    return true;
}

Database Runtime::initialise(InitResult& result) {
    return Database::initialise(open_options(Access::read_write), result);
}

void Runtime::info(const std::string& message) {
    if (!global.quiet) {
        m_err << safe_message(message) << '\n';
    }
}

void Runtime::detail(const std::string& message) {
    if (global.verbose > 0 && !global.quiet) {
        m_err << "werkstatt: " << safe_message(message) << '\n';
    }
}

void Runtime::warn(const std::string& message) {
    const auto mode = m_config ? m_config->config.output.color : ColorMode::auto_detect;
    const bool colour =
        mode == ColorMode::always ||
        (mode == ColorMode::auto_detect && !env("NO_COLOR") && isatty(STDERR_FILENO) != 0);
    const auto prefix = _("werkstatt: warning:");
    m_err << (colour ? "\x1b[33m" + prefix + "\x1b[0m " : prefix + " ") << safe_message(message)
          << '\n';
}

Format Runtime::format(const std::optional<std::string>& flag) {
    if (flag) {
        return parse_format(*flag).value_or(Format::table);
    }
    if (global.output) {
        const auto ext =
            text::ascii_lower(std::filesystem::path(*global.output).extension().string());
        if (ext == ".xlsx" || ext == ".csv" || ext == ".json") {
            return *parse_format(ext.substr(1));
        }
    }
    return config().config.output.format;
}

Color Runtime::color() {
    const auto mode = m_config ? m_config->config.output.color : ColorMode::auto_detect;
    if (mode == ColorMode::always) {
        return Color::yes;
    }
    if (mode == ColorMode::never || env("NO_COLOR") || isatty(STDOUT_FILENO) == 0) {
        return Color::no;
    }
    return Color::yes;
}

TableStyle Runtime::table_style() {
    auto dialect = config().config.output.csv_dialect;
    if (global.csv_dialect) {
        dialect = parse_csv_dialect(*global.csv_dialect).value_or(dialect); // checked by CLI11
    }
    if (global.output) { // a file gets every column whole and no escape sequences
        return TableStyle{Color::no, std::nullopt, &column_fit, dialect};
    }
    return TableStyle{color(), table_width(global.wide), &column_fit, dialect};
}

void Runtime::refuse_workbook_on_terminal(Format format) {
    if (format == Format::xlsx && !global.output && isatty(STDOUT_FILENO) != 0) {
        throw Error(ErrorKind::usage,
                    _("an Excel workbook cannot be shown on the terminal; add --output FILE.xlsx"));
    }
}

Format Runtime::listing_format(const std::optional<std::string>& flag) {
    const auto f = format(flag);
    refuse_workbook_on_terminal(f);
    return f;
}

void Runtime::print(const Records& records, const std::optional<std::string>& format_flag) {
    const auto f = listing_format(format_flag);
    write_records(out(), records, f, table_style());
    m_rows_printed += static_cast<std::int64_t>(records.rows.size());
}

namespace {

// The commands whose listings name candidates or show their data: a file they write with
// --output is recorded in the privacy files registry (`privacy files`).
bool lists_candidates(std::string_view command) {
    static const std::set<std::string_view> k_commands = {
        "candidate list",   "candidate show", "candidate duplicates",
        "candidate shared", "match",          "placement list",
        "followup list",    "privacy status", "due"};
    return k_commands.count(command) != 0;
}

} // namespace

void Runtime::check_output() {
    if (!global.output) {
        return;
    }
    const std::filesystem::path path = *global.output;
    auto folder = path.parent_path();
    if (folder.empty()) {
        folder = ".";
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        throw Error(ErrorKind::output, _f("cannot write {}: the folder {} does not exist; "
                                          "create it or choose another --output",
                                          path.string(), folder.string()));
    }
}

void Runtime::finish_output() {
    if (!global.output) {
        return;
    }
    const std::filesystem::path path = *global.output;
    const auto content = m_file_content.view();
    if (content.empty()) {
        warn(_f("'{}' prints no listing; {} was not written", command_name, path.string()));
        return;
    }
    write_file_atomically(path, content, FileMode::private_to_owner);
    if (lists_candidates(command_name)) {
        auto db = open(Access::read_write);
        record_written_file(db, path, WrittenKind::export_, m_rows_printed);
    }
}

void Runtime::print_text(const std::string& text) {
    out() << text::display_safe(text, std::string::npos, text::LineBreaks::keep);
}

void Runtime::print(const Detail& detail, const std::optional<std::string>& format_flag) {
    const auto f = listing_format(format_flag);
    write_detail(out(), detail, f, table_style());
    m_rows_printed += 1;
}

void Runtime::confirm(const std::string& question, bool yes) {
    if (yes) {
        return;
    }
    if (isatty(STDIN_FILENO) == 0) {
        throw Error(ErrorKind::usage, _("this change needs confirmation; add --yes to run it "
                                        "without a terminal"));
    }
    m_err << safe_message(question) << " [y/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    const auto a = text::ascii_lower(text::trim(answer));
    if (a != "y" && a != "yes" && a != "j" && a != "ja") {
        throw Error(ErrorKind::usage, _("not confirmed; nothing was changed"));
    }
}

} // namespace werkstatt::cli
