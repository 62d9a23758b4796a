// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt opening list|show: the openings as a list, one opening.
#include "applicants/exchange.hpp"
#include "applicants/finding.hpp"
#include "core/i18n.hpp"
#include "opening.hpp"

namespace werkstatt::cli {

namespace {

struct OpeningListOptions {
    std::optional<std::string> company;
    std::optional<std::string> format;
    bool all = false;
    OpeningQueryText query;
};

struct OpeningShowOptions {
    std::int64_t id = 0;
    std::optional<std::string> format;
};

} // namespace

void setup_opening_list_show(CLI::App& group, Runtime& rt) {
    static OpeningListOptions o;
    auto* list = group.add_subcommand("list", _("List open openings"));
    list->add_flag("--all", o.all, _("Include closed openings"));
    list->add_option("--company", o.company, _("Only this company's openings"));
    list->add_option("--district", o.query.district,
                     _("Only openings in this district (AGS or "
                       "name)"));
    list->add_option("--kldb", o.query.kldb, _("Only openings whose KldB code starts so"));
    add_format_option(list, o.format);
    list->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            const auto records =
                exchange_records(RecordKind::opening,
                                 find_openings(db, ExchangeFilter{o.all, {}, o.company}, o.query));
            if (rt.format(o.format) == Format::table) {
                rt.print(select_columns(records, {"id", "company", "title", "kldb", "german", "plz",
                                                  "district", "positions", "start_date", "status"}),
                         o.format);
            } else {
                rt.print(records, o.format);
            }
        };
    });
    static OpeningShowOptions so;
    auto* show = group.add_subcommand("show", _("Show one opening"));
    show->add_option("OPENING", so.id, _("Opening id"))->required();
    add_format_option(show, so.format);
    show->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            rt.print(exchange_detail(RecordKind::opening, require_opening(db, so.id)), so.format);
        };
    });
}

} // namespace werkstatt::cli
