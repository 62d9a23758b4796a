// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsing.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <ostream>

namespace werkstatt::cli {

namespace {

// Return the deepest command the parser reached.
const CLI::App& deepest(const CLI::App& app) {
    const CLI::App* current = &app;
    while (!current->get_subcommands().empty()) {
        current = current->get_subcommands().front();
    }
    return *current;
}

// Return the commands from `app` down to the deepest one the parser reached.
std::vector<const CLI::App*> parsed_chain(const CLI::App& app) {
    std::vector<const CLI::App*> chain{&app};
    while (!chain.back()->get_subcommands().empty()) {
        chain.push_back(chain.back()->get_subcommands().front());
    }
    return chain;
}

// Return the option of `command` or of a group above it called `name` ("--db", "-q"), or nullptr.
const CLI::Option* find_option(const std::vector<const CLI::App*>& chain, const std::string& name) {
    for (const CLI::App* command : chain) {
        if (const CLI::Option* opt = command->get_option_no_throw(name)) {
            return opt;
        }
    }
    return nullptr;
}

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Return the text of `message` after `marker`, or "".
std::string after(const std::string& message, std::string_view marker) {
    const auto at = message.find(marker);
    return at == std::string::npos ? "" : message.substr(at + marker.size());
}

// Return the text of `message` before `marker`, or "".
std::string before(const std::string& message, std::string_view marker) {
    const auto at = message.find(marker);
    return at == std::string::npos ? "" : message.substr(0, at);
}

// Return what an option of CLI11 type `type` ("INT", "UINT:INT in [1 - 40]") wants.
std::string wanted(const std::string& type) {
    const auto base = type.substr(0, type.find(':'));
    if (base == "INT") {
        return "a whole number";
    }
    if (base == "UINT") {
        return "a whole number of 0 or more";
    }
    if (base == "FLOAT") {
        return "a number";
    }
    return "a value";
}

// Return "one of a, b, c" for CLI11's set text "{a,b,c}".
std::string one_of(std::string set) {
    set.erase(std::remove_if(set.begin(), set.end(), [](char c) { return c == '{' || c == '}'; }),
              set.end());
    std::string out;
    for (char c : set) {
        out += c == ',' ? std::string(", ") : std::string(1, c);
    }
    return "one of " + out;
}

// A conversion error: "Could not convert: NAME = VALUE".
std::string conversion_message(const std::vector<const CLI::App*>& chain, const std::string& what) {
    const auto rest = after(what, "Could not convert: ");
    const auto name = before(rest, " = ");
    if (name.empty()) {
        const auto flag = before(what, ":");
        if (!flag.empty() && starts_with(flag, "-")) {
            return _f("{} takes no value", flag);
        }
        return what;
    }
    const CLI::Option* opt = find_option(chain, name);
    return _f("{} must be {}, not '{}'", name, wanted(opt != nullptr ? opt->get_type_name() : ""),
              after(rest, " = "));
}

// A validation error: "NAME: Value X not in range A to B" or "NAME: X not in {a,b}".
std::string validation_message(const std::string& what) {
    const auto name = before(what, ": ");
    const auto detail = after(what, ": ");
    if (name.empty()) {
        return what;
    }
    if (starts_with(detail, "Value ") && detail.find(" not in range ") != std::string::npos) {
        const auto value = before(detail.substr(6), " not in range ");
        const auto range = after(detail, " not in range ");
        return _f("{} must be a whole number from {} to {}, not '{}'", name, before(range, " to "),
                  after(range, " to "), value);
    }
    if (const auto set = after(detail, " not in {"); !set.empty()) {
        return _f("{} must be {}, not '{}'", name, one_of(set), before(detail, " not in {"));
    }
    return fmt::format("{}: {}", name, detail);
}

// Arguments no option or command took: an unknown option, command or extra argument.
std::string extras_message(const CLI::App& app, const std::string& what) {
    const CLI::App& reached = deepest(app);
    auto rest = reached.remaining();
    if (rest.empty()) {
        rest = app.remaining(true);
    }
    const auto first = rest.empty() ? after(what, "expected: ") : rest.front();
    const auto path = command_path(app);
    if (starts_with(first, "-")) {
        const auto name = first.substr(0, first.find('='));
        const CLI::Option* opt = find_option(parsed_chain(app), name);
        if (opt != nullptr && first.find('=') != std::string::npos &&
            opt->get_expected_min() == 0) {
            return _f("{} takes no value", name);
        }
        return _f("'{}' has no option {}", path, name);
    }
    if (!reached.get_subcommands({}).empty()) {
        return _f("unknown command '{}'", first);
    }
    return _f("'{}' takes no argument '{}'", path, first);
}

// A missing option or argument: "NAME is required".
std::string required_message(const CLI::App& app, const std::string& what) {
    const auto name = before(what, " is required");
    if (name == "A subcommand") {
        const auto rest = app.remaining(true);
        if (!rest.empty() && !starts_with(rest.front(), "-")) {
            return _f("unknown command '{}'", rest.front());
        }
        return _f("'{}' needs a subcommand", command_path(app));
    }
    if (name.empty()) {
        return what;
    }
    if (starts_with(name, "-")) {
        return _f("{} is required", name);
    }
    return _f("{} is required: give it after '{}'", name, command_path(app));
}

// An option without its value: "NAME: 1 required TEXT missing" or "Expected ... to NAME, got 0".
std::string mismatch_message(const std::string& what) {
    auto name = after(what, " arguments to ");
    name = name.empty() ? before(what, ":") : before(name, ",");
    if (name.empty()) {
        return what;
    }
    return _f("{} needs a value", name);
}

std::string markers(const CLI::App& command) {
    std::vector<std::string> out;
    if (!command.get_subcommands({}).empty()) {
        out.emplace_back("group");
    }
    const bool dry = command.get_option_no_throw("--dry-run") != nullptr;
    const bool commit = command.get_option_no_throw("--commit") != nullptr;
    if (dry || commit) {
        out.emplace_back("writes");
    }
    if (dry) {
        out.emplace_back("dry-run");
    }
    if (commit) {
        out.emplace_back("commit");
    }
    return fmt::format("{}", fmt::join(out, " "));
}

void write_tree(std::ostream& out, const CLI::App& command, const std::string& path) {
    for (const CLI::App* sub : command.get_subcommands({})) {
        const auto sub_path = path.empty() ? sub->get_name() : path + " " + sub->get_name();
        const auto marks = markers(*sub);
        out << sub_path << (marks.empty() ? "" : "\t" + marks) << '\n';
        write_tree(out, *sub, sub_path);
    }
}

} // namespace

std::vector<std::string> prepare_arguments(int argc, char** argv) {
    std::vector<std::string> args;
    bool options_end = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        options_end = options_end || arg == "--";
        if (!options_end && starts_with(arg, "--") && arg.size() > 3 &&
            arg.find('=') == arg.size() - 1) {
            args.push_back(arg.substr(0, arg.size() - 1));
            args.emplace_back();
        } else {
            args.push_back(std::move(arg));
        }
    }
    std::reverse(args.begin(), args.end());
    return args;
}

std::optional<std::string> swallowed_option(const CLI::App& app) {
    const auto chain = parsed_chain(app);
    for (const CLI::App* command : chain) {
        for (const CLI::Option* opt : command->get_options()) {
            if (opt->count() == 0 || opt->get_expected_min() == 0 || !opt->nonpositional()) {
                continue;
            }
            for (const auto& value : opt->results()) {
                if (value.size() < 2 || value.front() != '-') {
                    continue;
                }
                const auto name = value.substr(0, value.find('='));
                if (find_option(chain, name) != nullptr) {
                    return _f("{} needs a value, but the next argument is the option {}; "
                              "give the value right after {}",
                              opt->get_name(), name, opt->get_name());
                }
            }
        }
    }
    return std::nullopt;
}

std::string parse_error_message(const CLI::App& app, const CLI::ParseError& e) {
    const std::string what = e.what();
    std::string message;
    if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
        message = extras_message(app, what);
    } else if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
        message = conversion_message(parsed_chain(app), what);
    } else if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
        message = validation_message(what);
    } else if (dynamic_cast<const CLI::RequiresError*>(&e) != nullptr) {
        message = _f("{} needs {}", before(what, " requires "), after(what, " requires "));
    } else if (dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr) {
        message = _f("{} excludes {}: give only one of them", before(what, " excludes "),
                     after(what, " excludes "));
    } else if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
        message = required_message(app, what);
    } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
        message = mismatch_message(what);
    } else {
        message = what;
    }
    return _f("{}; see '{} --help'", message, command_path(app));
}

std::string command_path(const CLI::App& app) {
    std::string path;
    for (const CLI::App* command : parsed_chain(app)) {
        path += (path.empty() ? "" : " ") + command->get_name();
    }
    return path;
}

void write_command_tree(std::ostream& out, const CLI::App& app) {
    write_tree(out, app, "");
}

} // namespace werkstatt::cli
