// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt hiring checklist: the labour-law steps of one planned hire, who helps with each and
// which funding may apply.
#include "advisor.hpp"
#include "advisory/catalogue.hpp"
#include "advisory/checklist.hpp"
#include "commands.hpp"
#include "core/i18n.hpp"
#include "store/advisory_store.hpp"

namespace werkstatt::cli {

void setup_hiring(CLI::App& app, Runtime& rt) {
    static std::string candidate;
    static std::optional<std::int64_t> opening;
    static std::optional<std::string> format;
    static std::optional<std::string> lang_flag;
    auto* group = app.add_subcommand("hiring", _("The labour-law side of hiring a person from "
                                                 "abroad"));
    group->require_subcommand(1);
    auto* cmd = group->add_subcommand("checklist", _("The steps of one hire, the rule each comes "
                                                     "from, who helps and what funding may apply"));
    cmd->add_option("--candidate", candidate, _("Candidate id or the agency's reference"))
        ->required();
    cmd->add_option("--opening", opening, _("Opening id"));
    add_format_option(cmd, format);
    cmd->add_option("--lang", lang_flag,
                    _("Language of the checklist: de or en (default: documents.lang)"));
    cmd->callback([&rt] {
        rt.action = [&rt] {
            // A checklist is handed to the employer: it follows documents.lang (or --lang), not
            // the terminal; only messages follow the UI language.
            const auto lang = rt.documents_language(lang_flag);
            const auto& file = rt.config().config.advisory.hiring_rules_file;
            const auto rules = file.empty() ? HiringRules::shipped() : HiringRules::from_file(file);
            auto db = rt.open(Access::read_only);
            const auto situation = load_situation(db, candidate, opening);
            const auto checklist = build_checklist(
                situation, rules, WorkRules::shipped(), list_advisors(db),
                in_language(list_funding(db), catalogue_funding(catalogue_files(rt)), lang),
                verify_policy(rt), lang);
            switch (rt.format(format)) {
            case Format::table:
                rt.print_text(checklist_text(checklist));
                break;
            case Format::json:
                rt.out() << checklist_json(checklist);
                break;
            case Format::csv:
            case Format::xlsx:
                rt.print(checklist_records(checklist), format);
                break;
            }
        };
    });
}

} // namespace werkstatt::cli
