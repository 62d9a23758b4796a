// SPDX-License-Identifier: GPL-3.0-or-later
#include "output.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <map>
#include <set>
#include <sys/ioctl.h>
#include <unistd.h>

namespace werkstatt::cli {

Date reference_day(const std::optional<std::string>& date) {
    if (!date) {
        return Date::today();
    }
    const auto d = Date::parse(*date);
    if (!d) {
        throw Error(ErrorKind::usage,
                    _f("--date '{}' {}; {}", *date, why_not_a_day(*date), date_forms));
    }
    return *d;
}

namespace {

// Return true unless `option` is one whose values are never personal data; the values of all
// others (names, addresses, a candidate's fields, notes) stay out of the audit log.
bool is_personal(const std::string& option) {
    static const std::set<std::string> k_plain = {
        "--db",         "--config",   "--set",          "--key",    "--new-key",
        "--company",    "--format",   "--profile",      "--source", "--encoding",
        "--rejects",    "--period",   "--status",       "--kind",   "--date",
        "--host",       "--topic",    "--capacity",     "--from",   "--quarters",
        "--limit",      "--entity",   "--year",         "--start",  "--end",
        "--positions",  "--industry", "--title",        "--output", "--contact",
        "--reason",     "--district", "--member-since", "--scope",  "--consent-source",
        "--csv-dialect"};
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

// Return true if `option` of a command about one person (`candidate ...`) carries a fact of that
// person although it is plain elsewhere: the day they left, their situation.
bool personal_here(const std::string& option, bool about_person) {
    return about_person && (option == "--date" || option == "--status");
}

void describe(const CLI::App& app, std::string& line, bool about_person = false) {
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
            } else if (is_personal(name) || personal_here(name, about_person)) {
                line += " " + name + "=…";
            } else {
                line += " " + name + "=" + quoted(value);
            }
        }
    }
    for (const CLI::App* sub : app.get_subcommands()) {
        line += " " + sub->get_name();
        describe(*sub, line, about_person || sub->get_name() == "candidate");
    }
}

} // namespace

ColumnFit column_fit(std::string_view column) {
    // Priority 0: never left out, what names a row. 1 to 4: kept while shortening long text is
    // enough, then left out from 4 down. 5 and up: technical detail that `show`, --wide or JSON
    // give, left out first, from the highest. Shrinkable: free text and names, cut with "…".
    struct Entry {
        int priority;
        bool shrinkable;
    };
    static const std::map<std::string_view, Entry, std::less<>> k_columns = {
        // what names a row
        {"id", {0, false}},
        {"no", {0, false}},
        {"rank", {0, false}},
        {"key", {0, false}},
        {"reference", {0, false}},
        {"candidate", {0, false}},
        {"pseudonym", {0, false}},
        {"opening", {0, false}},
        {"archived", {0, false}},
        {"score", {0, false}},
        {"quarter", {0, false}},
        {"date", {0, false}},
        {"at", {0, false}},
        {"started_at", {0, false}},
        {"action", {0, false}},
        {"period", {0, false}},
        {"step", {0, false}},
        {"name", {0, true}},
        {"title", {0, true}},
        {"organisation", {0, true}},
        {"last_name", {0, true}},
        {"value", {0, true}},
        // kept while shortening is enough; shortened, the widest first
        {"file", {1, true}},
        {"company", {1, true}},
        {"service", {1, true}},
        {"first_name", {1, true}},
        {"details", {1, true}},
        {"reason", {1, true}},
        {"doc", {1, true}},
        {"text", {1, true}},
        {"host_name", {1, true}},
        {"city", {1, true}},
        {"district", {1, true}},
        {"residence_status", {1, true}},
        {"serves", {1, true}},
        {"topics", {1, true}},
        {"tags", {1, true}},
        {"grantor", {1, true}},
        {"role", {1, true}},
        {"email", {1, true}},
        {"note", {1, true}},
        {"explanation", {1, true}},
        {"conditions", {1, true}},
        {"help", {1, true}},
        {"source", {2, true}},
        {"can_host", {2, false}},
        {"kind", {3, false}},
        {"industry", {3, true}},
        {"capacity", {3, false}},
        // technical detail, left out first on a narrow terminal
        {"updated", {5, false}},
        {"unchanged", {5, false}},
        {"command", {5, true}},
        {"entity_id", {5, false}},
        {"candidate_id", {5, false}},
        {"contact_id", {5, false}},
        {"event_id", {5, false}},
        {"run", {5, false}},
        {"rule", {5, false}},
        {"valid_as_of", {5, false}},
        {"weekday", {5, false}},
        {"street", {5, true}},
        {"phone", {5, false}},
        {"web", {5, true}},
        {"notes", {5, true}},
        {"user", {6, false}},
        {"profile", {6, false}},
        {"finished_at", {6, false}},
        {"updated_at", {6, false}},
        {"encoding", {7, false}},
        {"sha256", {7, false}},
        {"district_ags", {7, false}},
    };
    const auto it = k_columns.find(column);
    if (it == k_columns.end()) {
        return ColumnFit{1, false};
    }
    return ColumnFit{it->second.priority, it->second.shrinkable};
}

namespace {

// Return `text` as a width of at least 20 columns, or nothing.
std::optional<std::size_t> parse_width(const char* text) {
    if (text == nullptr || *text == '\0') {
        return std::nullopt;
    }
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (*end != '\0' || value < 20 || value > 10000) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(value);
}

} // namespace

std::optional<std::size_t> table_width(bool wide) {
    if (wide) {
        return std::nullopt;
    }
    if (const auto forced = parse_width(std::getenv("WERKSTATT_TABLE_WIDTH"))) {
        return forced;
    }
    if (isatty(STDOUT_FILENO) == 0) {
        return std::nullopt;
    }
    if (const auto columns = parse_width(std::getenv("COLUMNS"))) {
        return columns;
    }
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) {
        return size.ws_col;
    }
    return 80;
}

Records with_archived_column(Records shown, const std::vector<bool>& archived) {
    shown.columns.emplace_back("archived");
    for (std::size_t i = 0; i < shown.rows.size(); ++i) {
        shown.rows[i].emplace_back(i < archived.size() && archived[i]);
    }
    return shown;
}

void add_format_option(CLI::App* command, std::optional<std::string>& target) {
    command
        ->add_option("--format", target,
                     _("table, json, csv or xlsx (xlsx needs --output; default: by the extension "
                       "of --output, else output.format)"))
        ->check(CLI::IsMember({"table", "json", "csv", "xlsx"}));
}

void add_dry_run_option(CLI::App* command, bool& target) {
    command->add_flag("--dry-run", target, _("Show what would change and change nothing"));
}

std::string verb(bool dry, const char* past, const char* would) {
    return _(dry ? would : past);
}

void warn_if_not_scrubbed(Runtime& rt, const Database& db, Scrubbed scrubbed) {
    if (scrubbed == Scrubbed::not_yet) {
        rt.warn(_f("another program has {} open, so its write-ahead log still holds the "
                   "erased data; close that program (SQLite empties the log when the "
                   "last one closes it)",
                   db.path().string()));
    }
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
                    _f("{} of {} rows in {} are invalid; nothing was imported, fix them "
                       "and run the import again",
                       counts.rejected, counts.read, file));
    }
    rt.info(_f("{} {}: read {}, inserted {}, updated {}, unchanged {}",
               verb(dry, N_("imported"), N_("would import")), file, counts.read, counts.inserted,
               counts.updated, counts.unchanged));
}

} // namespace werkstatt::cli
