// SPDX-License-Identifier: GPL-3.0-or-later
// The times an event gets when it is given none ([events]), and the invitations' e-mail ([mail]).
#pragma once

#include "core/settings.hpp"

#include <string>
#include <vector>

namespace werkstatt {

// Times used when an event is added or planned without them (HH:MM, Europe/Berlin).
struct EventDefaults {
    std::string start = "14:00";
    std::string end = "17:00";
};

// Return the keys events.default_start and events.default_end.
const SettingTable<EventDefaults>& event_settings_table();

// The e-mail of `event invite`: sender, the program that sends, and the German template of
// subject and text with placeholders such as {anrede} (see mail_placeholders()).
struct MailSettings {
    std::string from; // "Netzwerk <netzwerk@example.org>" or an address
    std::string sendmail = "/usr/sbin/sendmail -t -i"; // program and arguments, no shell
    std::string subject = "Einladung: {titel} am {datum}";
    std::string body; // empty: default_invitation_body()
};

// Return the text of an invitation when mail.body is empty (German, with placeholders).
const std::string& default_invitation_body();

// Return the placeholders a mail.subject or mail.body may use, as "{name}" texts.
const std::vector<std::string>& mail_placeholders();

// Return the keys mail.from, mail.sendmail, mail.subject and mail.body.
const SettingTable<MailSettings>& mail_settings_table();

} // namespace werkstatt
