// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisory/conditions.hpp"

#include <fmt/format.h>

namespace werkstatt::advisory_detail {

std::vector<AdvisoryTopic> read_topics(const TableReader& r, std::string_view key) {
    std::vector<AdvisoryTopic> out;
    for (const auto& name : r.texts(key)) {
        const auto topic = parse_advisory_topic(name);
        if (!topic) {
            r.fail(*r.node().get(key), fmt::format("unknown topic '{}'; the known topics are {}",
                                                   name, known_advisory_topics()));
        }
        out.push_back(*topic);
    }
    return out;
}

namespace {

constexpr std::string_view k_permissions =
    "free, title-job, limited, permit-required, not-allowed, unknown";
constexpr std::string_view k_statuses =
    "eu, niederlassung, schutz, ukraine, bleiberecht, fachkraft, blaue-karte, ausbildung, "
    "anerkennung, beschaeftigung, fiktion, gestattung, duldung, duldung-60b, ausbildungsduldung, "
    "studium, sprachkurs, ausbildungssuche, arbeitssuche, chancenkarte, ausbildung-16g, familie, "
    "humanitaer, aufnahme, ausland, unknown";
constexpr std::string_view k_recognitions =
    "not-required, german-qualification, not-applied, counselling, pending, full, partial, "
    "compensation-required, rejected, unrecorded";

template <typename T, typename Parse>
std::vector<T> parsed_list(const TableReader& r, std::string_view key, Parse parse,
                           std::string_view known) {
    std::vector<T> out;
    for (const auto& name : r.texts(key)) {
        const auto value = parse(name);
        if (!value) {
            r.fail(*r.node().get(key),
                   fmt::format("'{}' in {} is unknown; use {}", name, key, known));
        }
        out.push_back(*value);
    }
    return out;
}

std::vector<std::optional<Recognition>> recognitions(const TableReader& r, std::string_view key) {
    std::vector<std::optional<Recognition>> out;
    for (const auto& name : r.texts(key)) {
        std::optional<Recognition> value;
        if (!parse_recognition_or_unrecorded(name, value)) {
            r.fail(*r.node().get(key),
                   fmt::format("'{}' in {} is unknown; use {}", name, key, k_recognitions));
        }
        out.push_back(value);
    }
    return out;
}

std::optional<CefrLevel> level_of(const TableReader& r, std::string_view key) {
    const auto text = r.text(key, false);
    if (text.empty()) {
        return std::nullopt;
    }
    const auto level = CefrLevel::parse(text);
    if (!level) {
        r.fail(*r.node().get(key), fmt::format("'{}' must be a CEFR level A1 to C2", key));
    }
    return level;
}

} // namespace

SituationCondition read_condition(const TableReader& r) {
    SituationCondition c;
    c.permission =
        parsed_list<WorkPermission>(r, "permission", parse_work_permission, k_permissions);
    c.permission_not =
        parsed_list<WorkPermission>(r, "permission_not", parse_work_permission, k_permissions);
    c.status = parsed_list<ResidenceStatus>(r, "status", parse_residence_status, k_statuses);
    c.status_not =
        parsed_list<ResidenceStatus>(r, "status_not", parse_residence_status, k_statuses);
    c.recognition = recognitions(r, "recognition");
    c.recognition_not = recognitions(r, "recognition_not");
    c.german_below = level_of(r, "german_below");
    c.german_at_least = level_of(r, "german_at_least");
    c.german_below_opening = r.flag("german_below_opening");
    c.level = parsed_list<RequirementLevel>(r, "level", parse_requirement_level,
                                            "helper, skilled, specialist, expert");
    c.regulated = r.flag("regulated");
    return c;
}

} // namespace werkstatt::advisory_detail
