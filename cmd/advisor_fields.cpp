// SPDX-License-Identifier: GPL-3.0-or-later
// The flags of an advisory service's fields, shared by `advisor add` and `advisor edit`.
#include "advisor.hpp"
#include "core/i18n.hpp"

namespace werkstatt::cli {

namespace {

std::vector<std::string> items(const std::vector<std::string>& flags) {
    std::vector<std::string> out;
    for (const auto& flag : flags) {
        for (auto& item : split_items(flag)) {
            out.push_back(std::move(item));
        }
    }
    return out;
}

} // namespace

AdvisorFields advisor_fields(const AdvisorFieldFlags& flags) {
    auto f = flags.fields;
    if (!flags.topics.empty()) {
        f.topics = items(flags.topics);
    }
    if (flags.statewide) {
        f.districts = std::vector<std::string>{"statewide"};
    } else if (!flags.districts.empty()) {
        f.districts = items(flags.districts);
    }
    if (!flags.languages.empty()) {
        f.languages = items(flags.languages);
    }
    return f;
}

void bind_advisor_fields(CLI::App* cmd, AdvisorFieldFlags& flags, bool creating) {
    auto& f = flags.fields;
    if (creating) {
        cmd->add_option("--key", f.key, _("Short key scripts use, e.g. iq-nord"))->required();
        cmd->add_option("--organisation", f.organisation, _("Organisation (Träger)"))->required();
        cmd->add_option("--service", f.service, _("Name of the service"))->required();
        cmd->add_option("--topic", flags.topics,
                        _("Topic it helps with (repeat; see 'advisor "
                          "topics')"))
            ->required();
        cmd->add_option("--plz", f.plz, _("Postal code of its address"))->required();
    } else {
        cmd->add_option("--new-key", f.key, _("Give the service a new key"));
        cmd->add_option("--organisation", f.organisation, _("Organisation (Träger)"));
        cmd->add_option("--service", f.service, _("Name of the service"));
        cmd->add_option("--topic", flags.topics, _("Topics it helps with (replaces the list)"));
        cmd->add_option("--plz", f.plz, _("Postal code of its address"));
    }
    auto* statewide =
        cmd->add_flag("--statewide", flags.statewide, _("It serves all of the state"));
    cmd->add_option("--district", flags.districts,
                    _("District it serves (repeat; default: the district of its PLZ)"))
        ->excludes(statewide);
    cmd->add_option("--street", f.street, _("Street and number"));
    cmd->add_option("--city", f.city, _("Town"));
    cmd->add_option("--contact-person", f.contact_person, _("Contact person"));
    cmd->add_option("--phone", f.phone, _("Telephone"));
    cmd->add_option("--email", f.email, _("Email address"));
    cmd->add_option("--web", f.web, _("Web page (https://...)"));
    cmd->add_option("--language", flags.languages,
                    _("Language offered, ISO 639-1 code (repeat: --language de --language ar)"));
    cmd->add_option("--hours", f.opening_hours, _("Opening hours"));
    cmd->add_option("--verified", f.last_verified,
                    _("Day the details were checked, YYYY-MM-DD or DD.MM.YYYY"));
    cmd->add_option("--notes", f.notes, _("Free notes"));
}

} // namespace werkstatt::cli
