// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/date.hpp"
#include "domain/reporting_values.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace werkstatt {

// A member company of the Werkstatt (Mitgliedsunternehmen).
struct Company {
    std::int64_t id = 0;
    std::string key;      // short key scripts use, e.g. "mueller"
    std::string name;     // "Müller Metallbau GmbH"
    std::string industry; // Branche
    std::string street;
    std::string plz; // five digits
    std::string city;
    std::optional<std::string> district_ags; // Kreisschlüssel; empty outside Sachsen-Anhalt
    bool can_host = false;                   // may host a Werkstatt meeting
    std::optional<std::int64_t> capacity;    // seats at the venue
    std::optional<Date> member_since;
    bool active = true; // false once archived
    std::string notes;
    // The KMU size class (Recommendation 2003/361/EC); empty: not known.
    std::optional<CompanySize> size;
    std::optional<Date> left_on; // the day it was archived: it left the network
};

// A contact person at a member company (Ansprechpartnerin / Ansprechpartner).
struct Contact {
    std::int64_t id = 0;
    std::int64_t company_id = 0;
    std::string company_key; // filled when read from the store
    std::string name;
    std::string role; // Funktion, e.g. "Personalleitung"
    std::string email;
    std::string phone;
    // Anrede in letters and e-mails: "frau", "herr", or "" when not known (a neutral greeting).
    std::string salutation;
    bool invited = true; // receives the invitations to meetings (event invitations, invite)
};

// A theme of the Werkstatt's meetings (Thema).
struct Topic {
    std::int64_t id = 0;
    std::string key;
    std::string title;
};

// One row of the audit log.
struct AuditEntry {
    std::int64_t id = 0;
    std::string at;
    std::string os_user;
    std::string command;
    std::string entity;
    std::optional<std::int64_t> entity_id;
    std::string action;
    std::string details;
};

} // namespace werkstatt
