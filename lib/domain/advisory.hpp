// SPDX-License-Identifier: GPL-3.0-or-later
// The advisory map (Beratungslandkarte) and the funding catalogue (Fördermöglichkeiten): advisory
// services with their controlled list of topics, and funding instruments with the situations in
// which they may fit.
#pragma once

#include "core/date.hpp"
#include "core/i18n.hpp"
#include "domain/candidate_values.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// What an advisory service helps with (Beratungsthema); a controlled list.
enum class AdvisoryTopic {
    recognition,        // Anerkennung ausländischer Berufsqualifikationen
    work_permit,        // Aufenthalt und Arbeitserlaubnis
    language,           // Sprachförderung
    funding,            // Förderung und Finanzierung
    training,           // Ausbildung und Weiterbildung
    job_placement,      // Vermittlung und Fachkräftegewinnung
    labour_rights,      // Arbeits- und Sozialrecht
    social_integration, // soziale Integration
};

// Return every topic in catalogue order.
std::span<const AdvisoryTopic> all_advisory_topics();
// Parse `key` ("work-permit"), or nothing.
std::optional<AdvisoryTopic> parse_advisory_topic(std::string_view key);
// Return the key of `topic` ("work-permit").
std::string_view to_string(AdvisoryTopic topic);
// Return the German title of `topic` as coordinators say it.
std::string_view title(AdvisoryTopic topic);
// Return the title of `topic` in `lang`, for documents (the advisory map); in German the same as
// title(topic).
std::string title(AdvisoryTopic topic, Language lang);
// Return the known topic keys joined by ", ", for messages.
std::string known_advisory_topics();

// Where a catalogue row came from: entered here, or loaded from the shipped (or an admin's)
// catalogue file.
enum class Origin { local, catalogue };

// An advisory service (Beratungsstelle) as stored.
struct AdvisoryService {
    std::int64_t id = 0;
    std::string key;
    std::string organisation;
    std::string service;
    std::vector<AdvisoryTopic> topics;  // in catalogue order, at least one
    bool statewide = false;             // serves all of Sachsen-Anhalt
    std::vector<std::string> districts; // AGS of the districts served, ascending
    std::string street;
    std::string plz; // five digits
    std::string city;
    std::optional<std::string> district_ags; // where it sits; none outside Sachsen-Anhalt
    std::string contact_person;
    std::string phone;
    std::string email;
    std::string web;
    std::vector<std::string> languages; // ISO 639-1 codes offered
    std::string opening_hours;
    std::optional<Date> last_verified;
    std::string notes;
    Origin origin = Origin::local;
    std::string catalogue_hash; // "" for local rows

    // Return true if the service helps with `topic`.
    bool has_topic(AdvisoryTopic topic) const;
    // Return true if the service serves the district `ags` (statewide ones serve all).
    bool serves(std::string_view ags) const;
};

// A situation of a hire, described by conditions that must all hold (an empty list or an unset
// value does not restrict): when a funding instrument may fit, or when a checklist step applies.
struct SituationCondition {
    std::string reason;                     // why it fits, for people
    std::string reason_de;                  // the same in German; empty: none given
    std::vector<WorkPermission> permission; // empty: any
    std::vector<WorkPermission> permission_not;
    std::vector<ResidenceStatus> status; // empty: any
    std::vector<ResidenceStatus> status_not;
    std::vector<std::optional<Recognition>> recognition; // nullopt = not recorded; empty: any
    std::vector<std::optional<Recognition>> recognition_not;
    std::optional<CefrLevel> german_below;
    std::optional<CefrLevel> german_at_least;
    std::optional<bool> german_below_opening;
    std::vector<RequirementLevel> level; // of the opening's occupation, else the person's target
    std::optional<bool> regulated;       // the opening needs recognition
    bool operator==(const SituationCondition&) const = default;
};

// A funding instrument (Förderinstrument) as stored.
struct FundingInstrument {
    std::int64_t id = 0;
    std::string key;
    std::string name;
    std::string grantor;
    std::string audience;
    std::string pays;
    std::string apply_at;
    std::string legal_basis;
    std::string source;
    std::vector<std::string> tags;
    std::string description;
    std::vector<SituationCondition> conditions;
    // German versions of the texts for people, read from the rule files (not stored in the
    // database: the files give them when the stored English still matches). Empty: none given.
    std::string audience_de;
    std::string pays_de;
    std::string apply_at_de;
    std::string description_de;
    Origin origin = Origin::local;
    std::string catalogue_hash;
};

// Parse `code` as a recognition status, or "unrecorded" (nothing recorded), into `out`; return
// false if it is neither.
bool parse_recognition_or_unrecorded(std::string_view code, std::optional<Recognition>& out);
// Return the name of `recognition`, "unrecorded" for none.
std::string_view recognition_name(const std::optional<Recognition>& recognition);
// Parse `text` ("helper", "skilled", "specialist", "expert"), or nothing.
std::optional<RequirementLevel> parse_requirement_level(std::string_view text);

} // namespace werkstatt
