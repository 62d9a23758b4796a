// SPDX-License-Identifier: GPL-3.0-or-later
#include "common.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <pwd.h>
#include <set>
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

// Return true unless `option` is one whose values are never personal data; the values of all
// others (names, addresses, a candidate's fields, notes) stay out of the audit log.
bool is_personal(const std::string& option) {
    static const std::set<std::string> k_plain = {
        "--db",     "--config",    "--set",         "--key",      "--new-key", "--company",
        "--format", "--profile",   "--source",      "--encoding", "--rejects", "--period",
        "--status", "--kind",      "--date",        "--host",     "--topic",   "--capacity",
        "--from",   "--quarters",  "--limit",       "--entity",   "--year",    "--start",
        "--end",    "--positions", "--industry",    "--title",    "--output",  "--contact",
        "--reason", "--district",  "--member-since"};
    // Options of the advisory commands: organisations and their services, not people.
    static const std::set<std::string> k_plain_advisory = {
        "--organisation", "--service", "--language", "--tag",
        "--verified",     "--opening", "--web",      "--hours"};
    return k_plain.count(option) == 0 && k_plain_advisory.count(option) == 0;
}

std::string quoted(const std::string& s) {
    if (!s.empty() && s.find_first_of(" \t'\"\\$") == std::string::npos) {
        return s;
    }
    std::string out = "'";
    for (char c : s) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

void describe(const CLI::App& app, std::string& line) {
    for (const CLI::Option* opt : app.get_options()) {
        if (opt->count() == 0 || opt->get_name() == "--help") {
            continue;
        }
        const auto& names = opt->get_lnames();
        const bool positional = names.empty() && opt->get_snames().empty();
        const std::string name =
            positional ? "" : "--" + (names.empty() ? opt->get_snames()[0] : names[0]);
        if (opt->get_expected_min() == 0) { // a flag: --can-host or its negation
            const bool off = !opt->results().empty() && opt->results().front() == "false";
            line += off ? " --no-" + name.substr(2) : " " + name;
            continue;
        }
        for (const auto& value : opt->results()) {
            if (positional) {
                // An agency's reference is a pseudonym of a person: the audit row's id suffices.
                line += " " + (opt->get_name() == "CANDIDATE" ? std::string("…") : quoted(value));
            } else if (is_personal(name)) {
                line += " " + name + "=…";
            } else {
                line += " " + name + "=" + quoted(value);
            }
        }
    }
    for (const CLI::App* sub : app.get_subcommands()) {
        line += " " + sub->get_name();
        describe(*sub, line);
    }
}

} // namespace

Runtime::Runtime(std::ostream& out, std::ostream& err) : m_out(out), m_err(err) {}

const LoadedConfig& Runtime::config() {
    if (!m_config) {
        m_config = load_config(sources_from(global));
        for (const auto& file : m_config->files_read) {
            detail("read configuration " + file.string());
        }
    }
    return *m_config;
}

std::string Runtime::db_path_hint() const {
    if (m_config) {
        return m_config->config.store.database_path;
    }
    return global.db.value_or("");
}

Database Runtime::open(Access access) {
    const auto& c = config().config.store;
    detail("database " + c.database_path);
    const AuditContext audit{c.audit_user.empty() ? os_user() : c.audit_user, audit_command};
    return Database::open(OpenOptions{c.database_path, access, c.busy_timeout_ms, audit});
}

Database Runtime::initialise(InitResult& result) {
    const auto& c = config().config.store;
    const AuditContext audit{c.audit_user.empty() ? os_user() : c.audit_user, audit_command};
    return Database::initialise(
        OpenOptions{c.database_path, Access::read_write, c.busy_timeout_ms, audit}, result);
}

void Runtime::info(const std::string& message) {
    if (!global.quiet) {
        m_err << message << '\n';
    }
}

void Runtime::detail(const std::string& message) {
    if (global.verbose > 0 && !global.quiet) {
        m_err << "werkstatt: " << message << '\n';
    }
}

void Runtime::warn(const std::string& message) {
    const auto mode = m_config ? m_config->config.output.color : ColorMode::auto_detect;
    const bool colour =
        mode == ColorMode::always ||
        (mode == ColorMode::auto_detect && !env("NO_COLOR") && isatty(STDERR_FILENO) != 0);
    m_err << (colour ? "\x1b[33mwerkstatt: warning:\x1b[0m " : "werkstatt: warning: ") << message
          << '\n';
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

void Runtime::print(const Records& records, const std::optional<std::string>& format_flag) {
    write_records(m_out, records, format(format_flag), color());
}

void Runtime::print(const Detail& detail, const std::optional<std::string>& format_flag) {
    write_detail(m_out, detail, format(format_flag), color());
}

void Runtime::confirm(const std::string& question, bool yes) {
    if (yes) {
        return;
    }
    if (isatty(STDIN_FILENO) == 0) {
        throw Error(ErrorKind::usage, "this change needs confirmation; add --yes to run it "
                                      "without a terminal");
    }
    m_err << question << " [y/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    const auto a = text::ascii_lower(text::trim(answer));
    if (a != "y" && a != "yes" && a != "j" && a != "ja") {
        throw Error(ErrorKind::usage, "not confirmed; nothing was changed");
    }
}

void add_format_option(CLI::App* command, std::optional<std::string>& target) {
    command->add_option("--format", target, "Output format (default: output.format)")
        ->check(CLI::IsMember({"table", "json", "csv"}));
}

void add_dry_run_option(CLI::App* command, bool& target) {
    command->add_flag("--dry-run", target, "Show what would change and change nothing");
}

std::string verb(bool dry, const char* past, const char* base) {
    return dry ? std::string("would ") + base : std::string(past);
}

std::string audit_command_line(const CLI::App& app) {
    std::string line = "werkstatt";
    describe(app, line);
    return line;
}

std::string os_user() {
    if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) {
        return pw->pw_name;
    }
    return env("USER").value_or(fmt::format("uid {}", geteuid()));
}

std::ifstream open_import_file(const std::string& file) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
        throw Error(ErrorKind::bad_data, fmt::format("{} is a folder; name a CSV file", file));
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw Error(ErrorKind::not_found,
                    fmt::format("cannot read {}; check the file name and permissions", file));
    }
    return in;
}

void report_import(Runtime& rt, const ImportCounts& counts, const std::string& file, bool dry) {
    if (!counts.problems.empty()) {
        for (const auto& p : counts.problems) {
            rt.warn(p);
        }
        throw Error(ErrorKind::bad_data,
                    fmt::format("{} of {} rows in {} are invalid; nothing was imported, fix them "
                                "and run the import again",
                                counts.problems.size(), counts.read, file));
    }
    rt.info(fmt::format("{} {}: read {}, inserted {}, updated {}, unchanged {}",
                        verb(dry, "imported", "import"), file, counts.read, counts.inserted,
                        counts.updated, counts.unchanged));
}

} // namespace werkstatt::cli
