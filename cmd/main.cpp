// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt: the command-line tool of the Betriebliche Werkstatt Arbeits-(Kultur-)Integration.
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "io/atomic_file.hpp"
#include "parsing.hpp"

#include <functional>
#include <iostream>
#include <string_view>
#include <utility>

using namespace werkstatt;
using namespace werkstatt::cli;

namespace {

void add_global_options(CLI::App& app, GlobalOptions& global) {
    app.add_option("--db", global.db,
                   _("Database file (overrides database.path and WERKSTATT_DB)"));
    app.add_option("--config", global.config_file, _("Read this configuration file as well"));
    app.add_option("--set", global.sets, _("Set a configuration key for this run: --set key=value"))
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_flag("-q,--quiet", global.quiet, _("Say nothing but data, warnings and errors"));
    app.add_flag("-v,--verbose", global.verbose, _("Say which files and database are used"));
    app.add_flag("--wide", global.wide, _("Show tables whole, also when wider than the terminal"));
    app.add_flag("--reveal", global.reveal,
                 _("Show candidates' names although privacy.pseudonymise is on (audited)"));
    app.add_option("--output", global.output,
                   _("Write what the command prints to FILE (atomically, mode 0600); the format "
                     "follows .xlsx, .csv or .json unless --format names one"));
    app.add_option("--csv-dialect", global.csv_dialect,
                   _("CSV of listings: rfc4180 or excel-de (';', BOM, decimal comma; default: "
                     "csv.dialect)"))
        ->check(CLI::IsMember({"rfc4180", "excel-de"}));
}

// The command groups in the order `werkstatt --help` lists them; `completion` and `help` read
// the whole tree, so they come last.
using Setup = void (*)(CLI::App&, Runtime&);
constexpr std::pair<std::string_view, Setup> k_groups[] = {{"init", setup_init},
                                                           {"company", setup_company},
                                                           {"contact", setup_contact},
                                                           {"topic", setup_topic},
                                                           {"event", setup_event},
                                                           {"calendar", setup_calendar},
                                                           {"candidate", setup_candidate},
                                                           {"opening", setup_opening},
                                                           {"import", setup_import},
                                                           {"match", setup_match},
                                                           {"placement", setup_placement},
                                                           {"followup", setup_followup},
                                                           {"due", setup_due},
                                                           {"advisor", setup_advisor},
                                                           {"funding", setup_funding},
                                                           {"hiring", setup_hiring},
                                                           {"catalogue", setup_catalogue},
                                                           {"config", setup_config},
                                                           {"audit", setup_audit},
                                                           {"rules", setup_rules},
                                                           {"report", setup_report},
                                                           {"privacy", setup_privacy},
                                                           {"db", setup_db},
                                                           {"completion", setup_completion},
                                                           {"help", setup_help}};

// Return the group the command line names, when only that group needs building: its first word
// that is not a global option or its value, if it is a group other than completion and help.
// Return "" (build every group) for those two, for anything unknown before the group (help,
// --version, a typo: their output or message lists every group) and when no group is named.
std::string_view named_group(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--db" || arg == "--config" || arg == "--set" || arg == "--output" ||
            arg == "--csv-dialect") {
            ++i; // its value
        } else if (arg.starts_with("--db=") || arg.starts_with("--config=") ||
                   arg.starts_with("--set=") || arg.starts_with("--output=") ||
                   arg.starts_with("--csv-dialect=") || arg == "-q" || arg == "--quiet" ||
                   arg == "-v" || arg == "--verbose" || arg == "--wide" || arg == "--reveal") {
            continue;
        } else {
            for (const auto& [name, setup] : k_groups) {
                if (arg == name && name != "completion" && name != "help") {
                    return name;
                }
            }
            return "";
        }
    }
    return "";
}

// Return --db, --config and --set as given anywhere on the command line, for the UI language that
// must be known before the command line is parsed.
GlobalOptions scan_config_options(int argc, char** argv) {
    GlobalOptions scanned;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if ((arg == "--config" || arg == "--set" || arg == "--db") && i + 1 < argc) {
            if (arg == "--config") {
                scanned.config_file = argv[i + 1];
            } else if (arg == "--db") {
                scanned.db = argv[i + 1];
            } else {
                scanned.sets.emplace_back(argv[i + 1]);
            }
            ++i;
        } else if (arg.starts_with("--config=")) {
            scanned.config_file = std::string(arg.substr(9));
        } else if (arg.starts_with("--db=")) {
            scanned.db = std::string(arg.substr(5));
        } else if (arg.starts_with("--set=")) {
            scanned.sets.emplace_back(arg.substr(6));
        }
    }
    return scanned;
}

// Put CLI11's own words of --help into the UI language; subcommands inherit the groups.
void translate_help(CLI::App& app) {
    const std::pair<const char*, std::string> labels[] = {
        {"Usage", _("Usage")},
        {"OPTIONS", _("OPTIONS")},
        {"SUBCOMMAND", _("SUBCOMMAND")},
        {"SUBCOMMANDS", _("SUBCOMMANDS")},
        {"Positionals", _("Positionals")},
        {"REQUIRED", _("REQUIRED")},
        {"Env", _("Env")},
        {"Needs", _("Needs")},
        {"Excludes", _("Excludes")},
        {"TEXT", _("TEXT")},
        {"INT", _("INT")},
        {"UINT", _("UINT")},
        {"FLOAT", _("FLOAT")},
        {"BOOLEAN", _("BOOLEAN")},
    };
    const auto formatter = app.get_formatter();
    for (const auto& [label, text] : labels) {
        formatter->label(label, text);
    }
    app.option_defaults()->group(_("Options"));
    app.group(_("Subcommands"));
    app.set_help_flag("-h,--help", _("Print this help and exit"));
}

// Return whether the command line asks for help (-h, --help, --help-all).
bool wants_help(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help" || arg == "--help-all") {
            return true;
        }
    }
    return false;
}

// Say an option's value type and CLI::Range's "INT in [1 - 100]" in the UI language: CLI11
// translates a type through its labels only when no check is added to it ("TEXT:{csv,json}").
void translate_ranges(CLI::Option& opt) {
    const auto full = opt.get_type_name();
    const auto base = full.substr(0, full.find(':'));
    if (base == "TEXT") {
        opt.type_name(_("TEXT"));
    } else if (base == "INT") {
        opt.type_name(_("INT"));
    } else if (base == "UINT") {
        opt.type_name(_("UINT"));
    } else if (base == "FLOAT") {
        opt.type_name(_("FLOAT"));
    }
    for (int i = 0;; ++i) {
        CLI::Validator* check = nullptr;
        try {
            check = opt.get_validator(i);
        } catch (const CLI::OptionNotFound&) {
            return;
        }
        const auto text = check->get_description();
        const auto open = text.find(" in [");
        const auto dash = text.find(" - ", open);
        if (open == std::string::npos || dash == std::string::npos || text.back() != ']') {
            continue;
        }
        check->description(_f("{} to {}", text.substr(open + 5, dash - open - 5),
                              text.substr(dash + 3, text.size() - dash - 4)));
    }
}

int report(const Error& e) {
    std::cerr << _("werkstatt: error: ") << safe_message(e.what()) << '\n';
    return exit_status_for(e.kind());
}

} // namespace

int main(int argc, char** argv) {
    remove_temporaries_on_signals();
    // Before the command tree is built: its help texts are translated as they are set.
    Runtime rt(std::cout, std::cerr);
    set_ui_language(rt.early_ui_language(scan_config_options(argc, argv)));
    CLI::App app{_("Coordinate the Betriebliche Werkstatt Arbeits-(Kultur-)Integration: member "
                   "companies, quarterly events, the applicant exchange and reports."),
                 "werkstatt"};
    translate_help(app);
    app.set_version_flag("--version", std::string("werkstatt ") + WERKSTATT_VERSION,
                         _("Print the version and exit"));
    app.require_subcommand(1);
    app.fallthrough();
    app.footer(_("Exit status: 0 done, 1 done in part, 2 usage, 65 bad data, 66 not found, "
                 "69 conflict, 70 internal error, 73 cannot write output, 74 database or I/O "
                 "error, 75 database locked, 78 configuration error. See werkstatt(1)."));
    add_global_options(app, rt.global);

    // Only the group named on the command line is built (the whole tree costs a third of a
    // short call's start-up); help, completion, --help and anything unknown get every group.
    const auto group = named_group(argc, argv);
    for (const auto& [name, setup] : k_groups) {
        if (group.empty() || group == name) {
            setup(app, rt);
        }
    }

    // A subcommand's own help flag is made before it takes the translated group name.
    // A range's limits are said in the UI language in --help ("INT in [1 - 100]").
    const bool help_asked = wants_help(argc, argv);
    std::function<void(CLI::App&)> regroup_help = [&](CLI::App& command) {
        if (CLI::Option* help = command.get_help_ptr()) {
            help->group(_("Options"));
        }
        if (help_asked) {
            for (CLI::Option* opt : command.get_options()) {
                translate_ranges(*opt);
            }
        }
        for (CLI::App* sub : command.get_subcommands({})) {
            regroup_help(*sub);
        }
    };
    regroup_help(app);

    try {
        app.parse(prepare_arguments(argc, argv));
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // An option that took the next option as its value explains what went wrong after it.
        std::cerr << _("werkstatt: error: ")
                  << safe_message(swallowed_option(app).value_or(parse_error_message(app, e)))
                  << '\n';
        return exit_status::usage;
    }
    if (const auto swallowed = swallowed_option(app)) {
        std::cerr << _("werkstatt: error: ") << safe_message(*swallowed) << '\n';
        return exit_status::usage;
    }
    if (!rt.action) {
        std::cerr << _("werkstatt: error: ")
                  << _f("'{}' needs a subcommand; see '{} --help'", command_path(app),
                        command_path(app))
                  << '\n';
        return exit_status::usage;
    }
    rt.audit_command = audit_command_line(app);
    rt.command_name = command_path(app);
    if (rt.command_name.starts_with("werkstatt ")) {
        rt.command_name.erase(0, 10);
    }
    try {
        rt.check_output();
        rt.action();
        rt.finish_output();
    } catch (...) {
        return report(describe_failure(std::current_exception(), rt.db_path_hint()));
    }
    std::cout.flush();
    if (!std::cout) {
        std::cerr << _("werkstatt: error: ")
                  << _("cannot write the output; check the disk or the pipe") << '\n';
        return exit_status::output;
    }
    return rt.status;
}
