// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt funding list|show|find|suggest: the catalogue of funding instruments
// (Fördermöglichkeiten) and which of them fit a planned hire.
#include "advisory/funding.hpp"
#include "advisor.hpp"
#include "advisory/catalogue.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/advisory_store.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

// Return `stored` with the texts for people in the UI language (German from the rule files).
std::vector<FundingInstrument> funding_for_ui(Runtime& rt, std::vector<FundingInstrument> stored) {
    return in_language(std::move(stored), catalogue_funding(catalogue_files(rt)), ui_language());
}

struct FundingListOptions {
    std::optional<std::string> tag;
    std::optional<std::string> format;
};

struct FundingShowOptions {
    std::string key;
    std::optional<std::string> format;
};

struct FundingFindOptions {
    std::optional<std::string> word;
    std::optional<std::string> tag;
    std::optional<std::string> format;
};

struct FundingSuggestOptions {
    std::string candidate;
    std::optional<std::int64_t> opening;
    std::optional<std::string> format;
};

void setup_list(CLI::App& group, Runtime& rt) {
    static FundingListOptions o;
    auto* cmd = group.add_subcommand("list", _("List the funding instruments"));
    cmd->add_option("--tag", o.tag, _("Only instruments with this tag"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            rt.print(funding_records(funding_for_ui(rt, find_funding(db, o.tag, std::nullopt, {})),
                                     rt.format(o.format) == Format::table),
                     o.format);
        };
    });
}

void setup_show(CLI::App& group, Runtime& rt) {
    static FundingShowOptions o;
    auto* cmd = group.add_subcommand("show", _("Show one funding instrument and when it fits"));
    cmd->add_option("KEY", o.key, _("Key of the instrument"))->required();
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            rt.print(
                funding_detail(in_language(require_funding(db, o.key),
                                           catalogue_funding(catalogue_files(rt)), ui_language())),
                o.format);
        };
    });
}

void setup_find(CLI::App& group, Runtime& rt) {
    static FundingFindOptions o;
    auto* cmd = group.add_subcommand("find", _("Find funding instruments by tag or word"));
    cmd->add_option("WORD", o.word, _("A word in the name or description, e.g. Sprache"));
    cmd->add_option("--tag", o.tag, _("Only instruments with this tag, e.g. ausbildung"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            if (!o.word && !o.tag) {
                throw Error(ErrorKind::usage, _("say what to find: a WORD, --tag TAG or both; "
                                                "'werkstatt funding list' shows all"));
            }
            auto db = rt.open(Access::read_only);
            const auto catalogue = catalogue_funding(catalogue_files(rt));
            rt.print(funding_records(in_language(find_funding(db, o.tag, o.word, catalogue),
                                                 catalogue, ui_language()),
                                     rt.format(o.format) == Format::table),
                     o.format);
        };
    });
}

void setup_suggest(CLI::App& group, Runtime& rt) {
    static FundingSuggestOptions o;
    auto* cmd = group.add_subcommand("suggest", _("List the instruments whose conditions a "
                                                  "candidate (and opening) meet, with reasons"));
    cmd->add_option("--candidate", o.candidate, _("Candidate id or the agency's reference"))
        ->required();
    cmd->add_option("--opening", o.opening, _("Opening id"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            const auto situation = load_situation(db, o.candidate, o.opening);
            const auto& rules = WorkRules::shipped();
            const auto suggestions = suggest_funding(funding_for_ui(rt, list_funding(db)),
                                                     situation, rules, ui_language());
            rt.print(suggestion_records(suggestions, rt.format(o.format) == Format::table),
                     o.format);
            if (suggestions.empty()) {
                rt.info(situation.permission(rules) == WorkPermission::not_allowed
                            ? _("no funding while the person may not work")
                            : _("no instrument of the catalogue fits this situation"));
            }
        };
    });
}

} // namespace

void setup_funding(CLI::App& app, Runtime& rt) {
    auto* group = app.add_subcommand("funding", _("Funding instruments for employers "
                                                  "(Fördermöglichkeiten)"));
    group->require_subcommand(1);
    setup_list(*group, rt);
    setup_show(*group, rt);
    setup_find(*group, rt);
    setup_suggest(*group, rt);
}

} // namespace werkstatt::cli
