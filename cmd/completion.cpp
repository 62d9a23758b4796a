// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt completion bash|zsh|fish: the completion script, written from this program's own
// command tree; and, hidden, `completion --list companies|candidates`, the values the scripts
// ask for while completing (werkstatt-completion(1)).
#include "completion.hpp"
#include "applicants/exchange.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/company_store.hpp"
#include "store/record_schema.hpp"

#include <exception>
#include <filesystem>
#include <ostream>

namespace werkstatt::cli {

namespace {

struct CompletionOptions {
    std::string shell;
    std::string list;
};

// Print the company keys (`what` "companies") or the ids and references of the active
// candidates ("candidates"), one a line. Print nothing when there is no database yet or it
// cannot be read: a completion must not print errors into the command line being typed.
void list_values(Runtime& rt, const std::string& what) {
    try {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(rt.config().config.store.database_path, ec)) {
            return;
        }
        auto db = rt.open(Access::read_only);
        if (what == "companies") {
            for (const auto& company : list_companies(db, CompanyFilter{})) {
                rt.out() << company.key << '\n';
            }
            return;
        }
        const auto reference = candidate_schema().index("reference");
        for (const auto& c : list_exchange(db, RecordKind::candidate, ExchangeFilter{})) {
            rt.out() << c.id << '\n';
            if (reference < c.cells.size() && c.cells[reference]) {
                rt.out() << *c.cells[reference] << '\n';
            }
        }
    } catch (const std::exception&) {
        // Quiet by design (see above): a database that cannot be read, whatever the library
        // throws, shows with its message at the next real command.
    }
}

} // namespace

void setup_completion(CLI::App& app, Runtime& rt) {
    static CompletionOptions o;
    auto* cmd =
        app.add_subcommand("completion", _("Print the completion script for bash, zsh or fish"));
    cmd->add_option("SHELL", o.shell, _("bash, zsh or fish"))
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    cmd->add_option("--list", o.list, _("Print company keys or candidates for the scripts"))
        ->check(CLI::IsMember({"companies", "candidates"}))
        ->group(""); // hidden: the scripts' own call
    cmd->callback([&app, &rt] {
        rt.action = [&app, &rt] {
            if (o.shell.empty() == o.list.empty()) {
                throw Error(ErrorKind::usage, _("completion needs the shell, bash, zsh or fish; "
                                                "see 'werkstatt completion --help'"));
            }
            if (!o.list.empty()) {
                list_values(rt, o.list);
                return;
            }
            rt.out() << completion_script(o.shell, completion_tree(app));
        };
    });
}

} // namespace werkstatt::cli
