// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt advisor find|map|topics: who helps where, as a list or as a map of Sachsen-Anhalt.
#include "advisor.hpp"
#include "advisory/map.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "io/atomic_file.hpp"
#include "store/advisory_store.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct FindOptions {
    std::optional<std::string> topic;
    std::optional<std::string> district;
    std::optional<std::string> plz;
    std::optional<std::string> city;
    std::optional<std::string> language;
    std::optional<std::string> format;
    std::optional<std::string> lang;
    std::string output;
};

bool ends_with(const std::string& s, std::string_view suffix) {
    const auto lower = text::ascii_lower(s);
    return lower.size() >= suffix.size() &&
           lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

VerifyPolicy verify_policy(Runtime& rt) {
    return VerifyPolicy{Date::today(), rt.config().config.advisory.verify_after_days};
}

void setup_advisor_find(CLI::App& group, Runtime& rt) {
    static FindOptions o;
    auto* cmd = group.add_subcommand("find", _("Find the services for a topic near a place: those "
                                               "serving the place first, then by distance"));
    cmd->add_option("--topic", o.topic, _("Topic (see 'werkstatt advisor topics')"));
    auto* district = cmd->add_option("--district", o.district, _("District name or key"));
    cmd->add_option("--plz", o.plz, _("Postal code of the place"))->excludes(district);
    cmd->add_option("--city", o.city,
                    _("Town of the place, for a postal code that serves several"));
    cmd->add_option("--language", o.language,
                    _("Language the service offers (ISO 639-1, e.g. ar)"));
    add_format_option(cmd, o.format);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto query = parse_advisor_query(o.topic, o.district, o.plz, o.city, o.language);
            auto db = rt.open(Access::read_only);
            const auto policy = verify_policy(rt);
            const auto matches = find_advisors(db, query, policy);
            rt.print(match_records(matches, policy, rt.format(o.format) == Format::table),
                     o.format);
            const auto stale = std::count_if(matches.begin(), matches.end(),
                                             [](const auto& m) { return m.needs_check; });
            if (stale > 0) {
                rt.warn(_f("{} of these services were not verified in the last {} days; "
                           "check their details and record it with 'werkstatt advisor "
                           "edit KEY --verified YYYY-MM-DD'",
                           stale, policy.verify_after_days));
            }
        };
    });
}

void setup_advisor_map(CLI::App& group, Runtime& rt) {
    static FindOptions o;
    auto* cmd = group.add_subcommand("map", _("Draw the advisory map of Sachsen-Anhalt as SVG or "
                                              "as an HTML page with a table"));
    cmd->add_option("--topic", o.topic, _("Only services with this topic"));
    cmd->add_option("--output", o.output, _("File to write, ending in .svg or .html"))->required();
    cmd->add_option("--lang", o.lang, _("Language of the map: de or en (default: documents.lang)"));
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const bool html = ends_with(o.output, ".html") || ends_with(o.output, ".htm");
            if (!html && !ends_with(o.output, ".svg")) {
                throw Error(ErrorKind::usage,
                            _f("cannot tell the map format from '{}'; name a file "
                               "ending in .svg or .html",
                               o.output));
            }
            const auto query = parse_advisor_query(o.topic, std::nullopt, std::nullopt,
                                                   std::nullopt, std::nullopt);
            auto db = rt.open(Access::read_only);
            const auto services = select_advisors(db, query);
            MapOptions options;
            options.lang = rt.documents_language(o.lang);
            if (query.topic) {
                options.subtitle =
                    trf(options.lang, "Topic: {}", title(*query.topic, options.lang));
            }
            const auto& shapes = DistrictShapes::shipped();
            const auto document = html ? render_map_html(services, shapes, options)
                                       : render_map_svg(services, shapes, options);
            write_file_atomically(o.output, document, FileMode::shared);
            if (services.empty() && query.topic) {
                rt.warn(_f("no advisory services with topic {}; the map shows the districts only. "
                           "Add services with 'werkstatt advisor add' or load the catalogue with "
                           "'werkstatt catalogue update'",
                           to_string(*query.topic)));
            } else if (services.empty()) {
                rt.warn(_("no advisory services; the map shows the districts only. Add services "
                          "with 'werkstatt advisor add' or load the catalogue with 'werkstatt "
                          "catalogue update'"));
            }
            rt.info(_f("wrote {} with {} advisory services", o.output, services.size()));
        };
    });
}

void setup_advisor_topics(CLI::App& group, Runtime& rt) {
    static std::optional<std::string> format;
    auto* cmd = group.add_subcommand("topics", _("List the topics an advisory service can have"));
    add_format_option(cmd, format);
    cmd->callback([&rt] { rt.action = [&rt] { rt.print(advisory_topic_records(), format); }; });
}

} // namespace werkstatt::cli
