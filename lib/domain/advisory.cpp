// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/advisory.hpp"

#include <algorithm>
#include <array>

namespace werkstatt {

namespace {

struct TopicName {
    AdvisoryTopic topic;
    std::string_view key;
    std::string_view title;  // German, as coordinators say it
    const char* title_msgid; // the same in English, translated by the catalogue for documents
};

constexpr std::array<TopicName, 8> k_topics = {{
    {AdvisoryTopic::recognition, "recognition", "Anerkennung ausländischer Berufsqualifikationen",
     N_("Recognition of foreign professional qualifications")},
    {AdvisoryTopic::work_permit, "work-permit", "Aufenthalt und Arbeitserlaubnis",
     N_("Residence and work permits")},
    {AdvisoryTopic::language, "language", "Sprachförderung", N_("Language support")},
    {AdvisoryTopic::funding, "funding", "Förderung und Finanzierung", N_("Funding and financing")},
    {AdvisoryTopic::training, "training", "Ausbildung und Weiterbildung",
     N_("Vocational and further training")},
    {AdvisoryTopic::job_placement, "job-placement", "Vermittlung und Fachkräftegewinnung",
     N_("Placement and recruiting of skilled workers")},
    {AdvisoryTopic::labour_rights, "labour-rights", "Arbeits- und Sozialrecht",
     N_("Labour and social law")},
    {AdvisoryTopic::social_integration, "social-integration", "Soziale Integration",
     N_("Social integration")},
}};

constexpr std::array<AdvisoryTopic, 8> k_all = {
    AdvisoryTopic::recognition,   AdvisoryTopic::work_permit,       AdvisoryTopic::language,
    AdvisoryTopic::funding,       AdvisoryTopic::training,          AdvisoryTopic::job_placement,
    AdvisoryTopic::labour_rights, AdvisoryTopic::social_integration};

const TopicName& entry(AdvisoryTopic topic) {
    return k_topics[static_cast<std::size_t>(topic)];
}

} // namespace

std::span<const AdvisoryTopic> all_advisory_topics() {
    return k_all;
}

std::optional<AdvisoryTopic> parse_advisory_topic(std::string_view key) {
    for (const auto& t : k_topics) {
        if (t.key == key) {
            return t.topic;
        }
    }
    return std::nullopt;
}

std::string_view to_string(AdvisoryTopic topic) {
    return entry(topic).key;
}

std::string_view title(AdvisoryTopic topic) {
    return entry(topic).title;
}

std::string title(AdvisoryTopic topic, Language lang) {
    return tr(lang, entry(topic).title_msgid);
}

std::string known_advisory_topics() {
    std::string out;
    for (const auto& t : k_topics) {
        out += out.empty() ? "" : ", ";
        out += t.key;
    }
    return out;
}

bool AdvisoryService::has_topic(AdvisoryTopic topic) const {
    return std::find(topics.begin(), topics.end(), topic) != topics.end();
}

bool AdvisoryService::serves(std::string_view ags) const {
    return statewide || std::find(districts.begin(), districts.end(), ags) != districts.end();
}

bool parse_recognition_or_unrecorded(std::string_view code, std::optional<Recognition>& out) {
    if (code == "unrecorded") {
        out.reset();
        return true;
    }
    out = parse_recognition(code);
    return out.has_value();
}

std::string_view recognition_name(const std::optional<Recognition>& recognition) {
    return recognition ? to_string(*recognition) : std::string_view("unrecorded");
}

std::optional<RequirementLevel> parse_requirement_level(std::string_view text) {
    for (const auto level : {RequirementLevel::helper, RequirementLevel::skilled,
                             RequirementLevel::specialist, RequirementLevel::expert}) {
        if (to_string(level) == text) {
            return level;
        }
    }
    return std::nullopt;
}

} // namespace werkstatt
