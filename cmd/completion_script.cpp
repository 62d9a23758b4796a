// SPDX-License-Identifier: GPL-3.0-or-later
// The command tree read from CLI11 and the completion scripts written from it. bash gets tables
// (associative arrays keyed by the command path) and one function that walks the words typed so
// far; zsh loads the same through its bash compatibility (bashcompinit); fish gets one
// `complete` line per subcommand and option, conditioned on the command path typed so far.
#include "completion.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

// Return the choices of an IsMember check in `type_name` ("TEXT:{table,json,csv}") as
// "=table json csv", or "".
CompletionValue choices(const std::string& type_name) {
    const auto open = type_name.find(":{");
    const auto close = type_name.find('}', open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) {
        return "";
    }
    std::string words = type_name.substr(open + 2, close - open - 2);
    for (auto& c : words) {
        c = c == ',' ? ' ' : c;
    }
    return "=" + words;
}

// Return whether `text` mentions `word` (lower case).
bool mentions(const std::string& text, std::string_view word) {
    std::string lower = text;
    for (auto& c : lower) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return lower.find(word) != std::string::npos;
}

// Return what the value of `opt` completes to: its choices, company keys and candidates for
// the options and positionals that name them, file names where the help speaks of a file.
CompletionValue value_of(const CLI::Option& opt) {
    if (auto listed = choices(opt.get_type_name()); !listed.empty()) {
        return listed;
    }
    const auto name = opt.get_name(false, true);
    const auto& help = opt.get_description();
    if (name == "--company" || name == "COMPANY" || help == "Company key") {
        return "@companies";
    }
    if (name == "--candidate" || name == "CANDIDATE") {
        return "@candidates";
    }
    if (name == "FILE" || name == "DIR" || mentions(help, "file") || mentions(help, "folder")) {
        return "@files";
    }
    return "";
}

void collect(const CLI::App& app, std::vector<std::string> path,
             std::vector<CompletionCommand>& out) {
    path.push_back(app.get_name());
    CompletionCommand command{path, app.get_description(), {}, {}, {}};
    const auto visible = [](const CLI::App* sub) { return !sub->get_group().empty(); };
    const auto subs = app.get_subcommands(visible);
    for (const CLI::App* sub : subs) {
        command.subcommands.push_back(sub->get_name());
    }
    for (const CLI::Option* opt : app.get_options()) {
        if (opt->get_group().empty()) {
            continue; // hidden
        }
        if (!opt->nonpositional()) {
            command.positionals.push_back(value_of(*opt));
            continue;
        }
        CompletionOption option;
        for (const auto& s : opt->get_snames()) {
            option.names.push_back("-" + s);
        }
        for (const auto& l : opt->get_lnames()) {
            option.names.push_back("--" + l);
        }
        option.help = opt->get_description();
        option.takes_value = opt->get_expected_max() > 0;
        option.value = option.takes_value ? value_of(*opt) : "";
        command.options.push_back(std::move(option));
    }
    out.push_back(std::move(command));
    for (const CLI::App* sub : subs) {
        collect(*sub, path, out);
    }
}

// Return `words` joined by `separator`.
std::string join(const std::vector<std::string>& words, std::string_view separator) {
    std::string joined;
    for (const auto& w : words) {
        joined += (joined.empty() ? "" : std::string(separator)) + w;
    }
    return joined;
}

// Return `text` in single quotes for a POSIX shell or fish (no quote is left unescaped).
std::string quoted(const std::string& text) {
    std::string q = "'";
    for (const char c : text) {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

// fish: `\'` inside single quotes (fish does not end a quote at a backslash).
std::string fish_quoted(const std::string& text) {
    std::string q = "'";
    for (const char c : text) {
        if (c == '\'' || c == '\\') {
            q += '\\';
        }
        q += c;
    }
    return q + "'";
}

constexpr const char* k_bash_function = R"SH(
# Print what the value of option $2 of command $1 (a path like werkstatt/company/list)
# completes to in REPLY; status 1 when $2 is a flag or unknown. Options of the commands above
# count too.
_werkstatt_value() {
    local p=$1
    while :; do
        if [[ -n ${_werkstatt_vals[$p/$2]+x} ]]; then
            REPLY=${_werkstatt_vals[$p/$2]}
            return 0
        fi
        [[ $p == */* ]] || return 1
        p=${p%/*}
    done
}

# Complete the current word $2 as the value kind $1 (=a b c, @files, @companies, @candidates).
_werkstatt_fill() {
    case $1 in
    =*)
        local list=${1#=}
        COMPREPLY=($(compgen -W "${list//,/ }" -- "$2"))
        ;;
    @files)
        COMPREPLY=($(compgen -f -- "$2"))
        type compopt >/dev/null 2>&1 && compopt -o filenames
        ;;
    @companies | @candidates)
        COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "${_werkstatt_db[@]}" completion --list "${1#@}" 2>/dev/null)" -- "$2"))
        ;;
    esac
}

# (Not "path" or "words": zsh keeps PATH and the completion words in those.)
_werkstatt() {
    local cur=${COMP_WORDS[COMP_CWORD]} at=werkstatt word skip= npos=0 i p opts
    _werkstatt_db=()
    COMPREPLY=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        [[ $word == = ]] && continue # bash splits --format=json at the =
        if [[ -n $skip ]]; then
            [[ $skip == --db || $skip == --config ]] && _werkstatt_db+=("$skip" "$word")
            skip=
            continue
        fi
        case $word in
        --*=*) ;;
        -*) _werkstatt_value "$at" "$word" && skip=$word ;;
        *)
            if [[ " ${_werkstatt_subs[$at]-} " == *" $word "* ]]; then
                at=$at/$word
                npos=0
            else
                npos=$((npos + 1))
            fi
            ;;
        esac
    done
    [[ $cur == = ]] && cur=
    if [[ -n $skip ]]; then
        _werkstatt_value "$at" "$skip" && _werkstatt_fill "$REPLY" "$cur"
        return 0
    fi
    if [[ $cur == --*=* ]]; then
        _werkstatt_value "$at" "${cur%%=*}" && _werkstatt_fill "$REPLY" "${cur#*=}"
        COMPREPLY=("${COMPREPLY[@]/#/${cur%%=*}=}") # the word holds the option too
        return 0
    fi
    if [[ $cur == -* ]]; then
        p=$at
        opts=${_werkstatt_opts[$p]-}
        while [[ $p == */* ]]; do
            p=${p%/*}
            opts="$opts ${_werkstatt_opts[$p]-}"
        done
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return 0
    fi
    if [[ -n ${_werkstatt_subs[$at]-} ]]; then
        COMPREPLY=($(compgen -W "${_werkstatt_subs[$at]}" -- "$cur"))
        return 0
    fi
    local -a kinds=(${_werkstatt_args[$at]-})
    _werkstatt_fill "${kinds[npos]-}" "$cur"
    return 0
}
complete -F _werkstatt werkstatt
)SH";

std::string bash_script(const std::vector<CompletionCommand>& tree) {
    std::string s = "# bash completion for werkstatt, written by `werkstatt completion bash` from "
                    "its own\n# command tree (werkstatt-completion(1)).\n"
                    "declare -gA _werkstatt_subs=() _werkstatt_opts=() _werkstatt_vals=() "
                    "_werkstatt_args=()\ndeclare -ga _werkstatt_db=()\n";
    for (const auto& command : tree) {
        const auto key = join(command.path, "/");
        if (!command.subcommands.empty()) {
            s += fmt::format("_werkstatt_subs[{}]={}\n", key,
                             quoted(join(command.subcommands, " ")));
        }
        std::vector<std::string> names;
        for (const auto& option : command.options) {
            names.insert(names.end(), option.names.begin(), option.names.end());
            if (option.takes_value) {
                for (const auto& name : option.names) {
                    s +=
                        fmt::format("_werkstatt_vals[{}/{}]={}\n", key, name, quoted(option.value));
                }
            }
        }
        s += fmt::format("_werkstatt_opts[{}]={}\n", key, quoted(join(names, " ")));
        bool any = false;
        std::vector<std::string> kinds;
        for (const auto& value : command.positionals) {
            any = any || !value.empty();
            kinds.push_back(value.empty() ? "-" : value);
        }
        if (any) {
            // A positional with choices keeps them together: "=a b" becomes "=a,b" here and the
            // function completes each listed word; the tables of options keep the spaces.
            for (auto& k : kinds) {
                for (auto& c : k) {
                    c = c == ' ' ? ',' : c;
                }
            }
            s += fmt::format("_werkstatt_args[{}]={}\n", key, quoted(join(kinds, " ")));
        }
    }
    return s + k_bash_function;
}

std::string zsh_script(const std::vector<CompletionCommand>& tree) {
    return "#compdef werkstatt\n# zsh completion for werkstatt: the bash completion, loaded "
           "through zsh's bash compatibility\n# (bashcompinit), written by `werkstatt completion "
           "zsh` (werkstatt-completion(1)).\n"
           "autoload -U +X bashcompinit && bashcompinit\n" +
           bash_script(tree);
}

constexpr const char* k_fish_function =
    R"FISH(# fish completion for werkstatt, written by `werkstatt completion fish` from its own command
# tree (werkstatt-completion(1)).
complete -c werkstatt -e
# Print the command path typed so far (werkstatt company list): the words that name a
# subcommand of the path before them.
function __werkstatt_path
    set -l path werkstatt
    for word in (commandline -opc)[2..-1]
        if contains -- "$path $word" $__werkstatt_commands
            set path "$path $word"
        end
    end
    echo $path
end
# Whether the path typed so far is $argv[1].
function __werkstatt_at
    test (__werkstatt_path) = "$argv[1]"
end
# Whether the path typed so far is $argv[1] or a command below it.
function __werkstatt_in
    set -l path (__werkstatt_path)
    test "$path" = "$argv[1]"; or string match -q -- "$argv[1] *" "$path"
end
# The values from the database: company keys or candidates (werkstatt completion --list).
function __werkstatt_list
    set -l db
    set -l words (commandline -opc)
    for i in (seq (count $words))
        if contains -- $words[$i] --db --config; and test $i -lt (count $words)
            set -a db $words[$i] $words[(math $i + 1)]
        end
    end
    $words[1] $db completion --list $argv[1] 2>/dev/null
end
)FISH";

std::string fish_script(const std::vector<CompletionCommand>& tree) {
    std::string s = k_fish_function;
    std::vector<std::string> paths;
    for (const auto& command : tree) {
        paths.push_back(join(command.path, " "));
    }
    s += "set -g __werkstatt_commands";
    for (const auto& p : paths) {
        s += " " + fish_quoted(p);
    }
    s += "\n";
    for (const auto& command : tree) {
        const auto path = join(command.path, " ");
        // The options of a command hold below it too (werkstatt --db FILE company list).
        const auto where = "__werkstatt_in " + quoted(path);
        for (std::size_t i = 0; i < command.subcommands.size(); ++i) {
            const auto& sub = command.subcommands[i];
            std::string help;
            for (const auto& c : tree) {
                if (c.path.size() == command.path.size() + 1 && c.path.back() == sub &&
                    join({c.path.begin(), c.path.end() - 1}, " ") == path) {
                    help = c.help;
                }
            }
            s += fmt::format("complete -c werkstatt -f -n {} -a {} -d {}\n",
                             fish_quoted("__werkstatt_at " + quoted(path)), fish_quoted(sub),
                             fish_quoted(help));
        }
        for (const auto& option : command.options) {
            const bool file = option.takes_value && option.value == "@files";
            std::string line = fmt::format("complete -c werkstatt {} -n {}", file ? "-F" : "-f",
                                           fish_quoted(where));
            for (const auto& name : option.names) {
                line += name.size() == 2 ? fmt::format(" -s {}", name.substr(1))
                                         : fmt::format(" -l {}", name.substr(2));
            }
            if (option.takes_value) {
                const auto& v = option.value;
                if (v.starts_with("=")) {
                    line += " -x -a " + fish_quoted(v.substr(1));
                } else if (file) {
                    line += " -r";
                } else if (v.starts_with("@")) {
                    line += " -x -a " + fish_quoted("(__werkstatt_list " + v.substr(1) + ")");
                } else {
                    line += " -x";
                }
            }
            s += line + " -d " + fish_quoted(option.help) + "\n";
        }
        if (command.subcommands.empty() && !command.positionals.empty()) {
            const auto& v = command.positionals.front();
            const auto at = fish_quoted("__werkstatt_at " + quoted(path));
            if (v.starts_with("=")) {
                s += fmt::format("complete -c werkstatt -f -n {} -a {}\n", at,
                                 fish_quoted(v.substr(1)));
            } else if (v == "@files") {
                s += fmt::format("complete -c werkstatt -F -n {}\n", at);
            } else if (v.starts_with("@")) {
                s += fmt::format("complete -c werkstatt -f -n {} -a {}\n", at,
                                 fish_quoted("(__werkstatt_list " + v.substr(1) + ")"));
            }
        }
    }
    return s;
}

} // namespace

std::vector<CompletionCommand> completion_tree(const CLI::App& app) {
    std::vector<CompletionCommand> tree;
    collect(app, {}, tree);
    return tree;
}

std::string completion_script(const std::string& shell,
                              const std::vector<CompletionCommand>& tree) {
    if (shell == "zsh") {
        return zsh_script(tree);
    }
    if (shell == "fish") {
        return fish_script(tree);
    }
    return bash_script(tree);
}

} // namespace werkstatt::cli
