// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt privacy record: the entry for the record of processing activities (Art. 30 GDPR).
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "privacy/record.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

void add_privacy_record(CLI::App& privacy, Runtime& rt) {
    static std::optional<std::string> lang_flag;
    auto* cmd = privacy.add_subcommand(
        "record", _("Print the entry for the record of processing activities (Art. 30 DSGVO)"));
    cmd->add_option("--lang", lang_flag, _("de or en (default: documents.lang)"));
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto& config = rt.config().config;
            const auto lang = rt.documents_language(lang_flag);
            rt.out() << record_of_processing({config.report.network, config.privacy, lang});
        };
    });
}

} // namespace werkstatt::cli
