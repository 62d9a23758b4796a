// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate list|show: the candidates as a list, one candidate.
#include "applicants/exchange.hpp"
#include "applicants/finding.hpp"
#include "candidate.hpp"
#include "core/i18n.hpp"
#include "privacy/pseudonyms.hpp"

namespace werkstatt::cli {

namespace {

struct CandidateListOptions {
    std::optional<std::string> source;
    std::optional<std::string> format;
    bool all = false;
    CandidateQueryText query;
};

// Add the filters of `candidate list` (finding.hpp) to `list`.
void add_filters(CLI::App* list, CandidateQueryText& q) {
    list->add_option("--district", q.district, _("Only candidates of this district (AGS or name)"));
    list->add_option("--kldb", q.kldb, _("Only target occupations whose KldB code starts so"));
    list->add_option("--german-min", q.german_min,
                     _("Only German at this level or above (A1..C2, "
                       "native)"));
    list->add_option("--residence", q.residence, _("Only this residence status"));
    list->add_option("--available-by", q.available_by,
                     _("Only candidates available on this day (none recorded counts)"));
    list->add_flag("--consent-valid", q.consent_valid,
                   _("Only candidates whose matching consent holds today"));
    list->add_option("--text", q.text,
                     _("Only candidates with all these words in name, "
                       "occupation or notes"));
    list->add_option("--permit-expiring", q.permit_expiring,
                     _("Only residence titles that end within DAYS of today (or ended)"));
    list->add_flag("--due-confirmation", q.due_confirmation,
                   _("Only candidates not confirmed for exchange.reconfirm_days (paused too)"));
    list->add_flag("--paused", q.paused,
                   _("Only candidates paused from matching (not confirmed for "
                     "exchange.pause_days)"));
}

struct CandidateShowOptions {
    std::string key;
    std::optional<std::string> source;
    std::optional<std::string> format;
};

// Return `shown` with the column `name` of `records` (the same rows) at its end.
Records with_column(Records shown, const Records& records, const std::string& name) {
    const auto column = select_columns(records, {name});
    shown.columns.push_back(name);
    for (std::size_t i = 0; i < shown.rows.size(); ++i) {
        shown.rows[i].push_back(column.rows[i].front());
    }
    return shown;
}

} // namespace

void setup_candidate_list(CLI::App& group, Runtime& rt) {
    static CandidateListOptions o;
    auto* list = group.add_subcommand("list", _("List candidates"));
    list->add_flag("--all", o.all, _("Include archived candidates"));
    list->add_option("--source", o.source, _("Only candidates from this source"));
    add_filters(list, o.query);
    add_format_option(list, o.format);
    list->callback([&rt] {
        rt.action = [&rt] {
            auto query = parse_candidate_query(o.query, NameSearch::yes); // refuse bad input first
            const bool names = rt.show_names("candidate list");
            query.names = names ? NameSearch::yes : NameSearch::no;
            auto db = rt.open(Access::read_only);
            auto records =
                exchange_records(RecordKind::candidate,
                                 find_candidates(db, ExchangeFilter{o.all, o.source, {}}, query,
                                                 Date::today(), rt.config().config.exchange));
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
            // What a pool filter asked about, as a column of its own.
            if (query.permit_expiring) {
                shown = with_column(std::move(shown), records, "permit_until");
            }
            if (query.due_confirmation || query.paused) {
                shown = with_column(std::move(shown), records, "confirmed_on");
            }
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
    auto* show = group.add_subcommand("show", _("Show one candidate"));
    bind_candidate(show, o.key, o.source);
    add_format_option(show, o.format);
    show->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            const auto record = require_candidate(db, o.key, o.source);
            auto detail = exchange_detail(RecordKind::candidate, record);
            // A pool that stays fresh: whether matching still sees the person.
            if (const auto c =
                    confirmation_of(db, record.id, Date::today(), rt.config().config.exchange)) {
                detail.fields.emplace_back("last_confirmed", c->last.iso());
                detail.fields.emplace_back("confirmation", freshness_name(c->state));
            }
            if (!rt.show_names("candidate show")) {
                detail = pseudonymise_detail(detail);
            }
            rt.print(detail, o.format);
        };
    });
}

} // namespace werkstatt::cli
