// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate list|show: the candidates as a list, one candidate.
#include "applicants/exchange.hpp"
#include "candidate.hpp"
#include "privacy/pseudonyms.hpp"

namespace werkstatt::cli {

namespace {

struct CandidateListOptions {
    std::optional<std::string> source;
    std::optional<std::string> format;
    bool all = false;
};

struct CandidateShowOptions {
    std::string key;
    std::optional<std::string> source;
    std::optional<std::string> format;
};

} // namespace

void setup_candidate_list(CLI::App& group, Runtime& rt) {
    static CandidateListOptions o;
    auto* list = group.add_subcommand("list", "List candidates");
    list->add_flag("--all", o.all, "Include archived candidates");
    list->add_option("--source", o.source, "Only candidates from this source");
    add_format_option(list, o.format);
    list->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            auto records = exchange_records(
                RecordKind::candidate,
                list_exchange(db, RecordKind::candidate, ExchangeFilter{o.all, o.source, {}}));
            const bool names = rt.show_names("candidate list");
            if (!names) {
                records = pseudonymise_records(records);
            }
            if (rt.format(o.format) != Format::table) {
                rt.print(records, o.format);
                return;
            }
            auto shown = select_columns(
                records,
                names ? std::vector<std::string>{"id", "source", "reference", "first_name",
                                                 "last_name", "plz", "district", "kldb", "german",
                                                 "residence_status", "available_from"}
                      : std::vector<std::string>{"id", "pseudonym", "source", "reference", "plz",
                                                 "district", "kldb", "german", "residence_status",
                                                 "available_from"});
            if (o.all) { // the table marks what --all added
                const auto active = select_columns(records, {"active"});
                std::vector<bool> archived;
                for (const auto& row : active.rows) {
                    archived.push_back(row.front() == Value{false});
                }
                shown = with_archived_column(std::move(shown), archived);
            }
            rt.print(shown, o.format);
        };
    });
}

void setup_candidate_show(CLI::App& group, Runtime& rt) {
    static CandidateShowOptions o;
    auto* show = group.add_subcommand("show", "Show one candidate");
    bind_candidate(show, o.key, o.source);
    add_format_option(show, o.format);
    show->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            auto detail =
                exchange_detail(RecordKind::candidate, require_candidate(db, o.key, o.source));
            if (!rt.show_names("candidate show")) {
                detail = pseudonymise_detail(detail);
            }
            rt.print(detail, o.format);
        };
    });
}

} // namespace werkstatt::cli
