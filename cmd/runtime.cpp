// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtime.hpp"
#include "core/i18n.hpp"

#include "commands.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "output.hpp"
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

Language early_ui_language(const GlobalOptions& scanned) {
    try {
        const auto loaded = load_config(sources_from(scanned));
        return resolve_language("ui.lang", loaded.config.lang.ui, {});
    } catch (const Error&) {
        return language_from_environment(); // the run itself reports the configuration's fault
    }
}

const LoadedConfig& Runtime::config() {
    if (!m_config) {
        m_config = load_config(sources_from(global));
        for (const auto& file : m_config->files_read) {
            detail("read configuration " + file.string());
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
                m_err << "werkstatt: waiting for another werkstatt process that is using "
                      << safe_message(path) << " (up to " << seconds << " s) ..." << std::endl;
            }
        };
    }
    return OpenOptions{c.database_path, access, c.busy_timeout_ms, audit, warn_once, on_wait};
}

Database Runtime::open(Access access) {
    detail("database " + config().config.store.database_path);
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
    m_err << (colour ? "\x1b[33mwerkstatt: warning:\x1b[0m " : "werkstatt: warning: ")
          << safe_message(message) << '\n';
}

Format Runtime::format(const std::optional<std::string>& flag) {
    if (flag) {
        return parse_format(*flag).value_or(Format::table);
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
    return TableStyle{color(), table_width(global.wide), &column_fit};
}

void Runtime::print(const Records& records, const std::optional<std::string>& format_flag) {
    write_records(m_out, records, format(format_flag), table_style());
}

void Runtime::print_text(const std::string& text) {
    m_out << text::display_safe(text, std::string::npos, text::LineBreaks::keep);
}

void Runtime::print(const Detail& detail, const std::optional<std::string>& format_flag) {
    write_detail(m_out, detail, format(format_flag), table_style());
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
