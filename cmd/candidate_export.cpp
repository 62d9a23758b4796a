// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate export: everything stored about one candidate, for their right of access
// (Art. 15 GDPR), as JSON or as an HTML letter the person can read (werkstatt-candidate(1)).
#include "candidate.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "privacy/access_export.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct CandidateExportOptions {
    std::string key;
    std::optional<std::string> source;
    std::string output;
    std::optional<std::string> format;
    std::optional<std::string> lang;
};

// Return the format named by `flag`, else by the extension of `output` (.html, .htm), else json.
AccessFormat format_of(const std::optional<std::string>& flag, const std::string& output) {
    if (flag) {
        const auto format = parse_access_format(*flag);
        if (!format) {
            throw Error(ErrorKind::usage,
                        _f("--format '{}' is not a form of the export; use json or html", *flag));
        }
        return *format;
    }
    const auto ext = std::filesystem::path(output).extension();
    return ext == ".html" || ext == ".htm" ? AccessFormat::html : AccessFormat::json;
}

} // namespace

void setup_candidate_export(CLI::App& group, Runtime& rt) {
    static CandidateExportOptions o;
    auto* cmd = group.add_subcommand(
        "export", _("Write everything stored about a candidate to a file (DSGVO Art. 15)"));
    bind_candidate(cmd, o.key, o.source);
    cmd->add_option("-o,--output", o.output,
                    _("The file to write (mode 0600; replaced if it exists)"))
        ->required();
    cmd->add_option("--format", o.format, _("json or html (default: by the extension, else json)"));
    cmd->add_option("--lang", o.lang,
                    _("Language of the html: de or en (default: documents.lang)"));
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto format = format_of(o.format, o.output);
            const auto& config = rt.config().config;
            const auto lang = rt.documents_language(o.lang);
            auto db = rt.open(Access::read_write);
            const AccessContext context{config.report.network, config.privacy, lang, Date::today()};
            const auto id = export_person_data(db, o.key, o.source, format, o.output, context);
            rt.info(
                _f("wrote everything stored about candidate {} to {} (mode 0600)", id, o.output));
        };
    });
}

} // namespace werkstatt::cli
