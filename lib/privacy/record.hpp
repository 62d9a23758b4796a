// SPDX-License-Identifier: GPL-3.0-or-later
// The entry for the network's record of processing activities (Verzeichnis von
// Verarbeitungstätigkeiten, Art. 30 (1) GDPR), built from the configuration and the candidate
// schema, as Markdown a data protection officer can paste.
#pragma once

#include "core/i18n.hpp"
#include "privacy/settings.hpp"

#include <string>

namespace werkstatt {

// What the entry is built from.
struct RecordOfProcessingContext {
    std::string network;     // the controller's name as configured (report.network)
    PrivacySettings privacy; // retention, special categories, pseudonyms
    Language lang = Language::de;
};

// Return the entry in Markdown in `context.lang`: controller, purposes per consent scope,
// categories of persons and of data (the candidate columns; special categories only when
// privacy.special_categories is on), recipients, transfers to third countries, retention, and the
// technical and organisational measures werkstatt takes.
std::string record_of_processing(const RecordOfProcessingContext& context);

} // namespace werkstatt
