// SPDX-License-Identifier: GPL-3.0-or-later
#include "output.hpp"

#include "core/error.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <set>

namespace werkstatt::cli {

namespace {

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

void report_import(Runtime& rt, const ImportCounts& counts, const std::string& file, bool dry) {
    if (!counts.problems.empty()) {
        for (const auto& p : counts.problems) {
            rt.warn(p);
        }
        throw Error(ErrorKind::bad_data,
                    fmt::format("{} of {} rows in {} are invalid; nothing was imported, fix them "
                                "and run the import again",
                                counts.rejected, counts.read, file));
    }
    rt.info(fmt::format("{} {}: read {}, inserted {}, updated {}, unchanged {}",
                        verb(dry, "imported", "import"), file, counts.read, counts.inserted,
                        counts.updated, counts.unchanged));
}

} // namespace werkstatt::cli
