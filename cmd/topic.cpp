// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt topic list: the themes of the Werkstatt.
#include "commands.hpp"
#include "core/i18n.hpp"
#include "store/company_store.hpp"

namespace werkstatt::cli {

void setup_topic(CLI::App& app, Runtime& rt) {
    static std::optional<std::string> format;
    auto* group = app.add_subcommand("topic", _("The topic catalogue of the Werkstatt"));
    group->require_subcommand(1);
    auto* list = group->add_subcommand("list", _("List the topics"));
    add_format_option(list, format);
    list->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            Records records;
            records.columns = {"id", "key", "title"};
            for (const auto& t : list_topics(db)) {
                records.rows.push_back({t.id, t.key, t.title});
            }
            rt.print(records, format);
        };
    });
}

} // namespace werkstatt::cli
