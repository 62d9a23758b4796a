// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/settings.hpp"

#include "domain/event.hpp"

#include <algorithm>
#include <fmt/ranges.h>

namespace werkstatt {

namespace {

std::optional<std::string> check_time(const std::string& s) {
    if (TimeOfDay::parse(s)) {
        return std::nullopt;
    }
    return fmt::format("must be a time HH:MM, not '{}'", s);
}

} // namespace

const SettingTable<EventDefaults>& event_settings_table() {
    static const auto table =
        SettingTable<EventDefaults>()
            .text("events.default_start", &EventDefaults::start,
                  "The start time of an event added or planned without one (HH:MM)", check_time)
            .text("events.default_end", &EventDefaults::end,
                  "The end time of an event added or planned without one (HH:MM)", check_time);
    return table;
}

} // namespace werkstatt

namespace werkstatt {

namespace {

// Return why `s` uses a placeholder that mail_placeholders() does not know, or nothing.
std::optional<std::string> check_mail_template(const std::string& s) {
    const auto& known = mail_placeholders();
    for (std::size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
        const auto close = s.find('}', open);
        if (close == std::string::npos) {
            return fmt::format("has a '{{' without '}}'; placeholders are {}",
                               fmt::join(known, ", "));
        }
        const auto name = s.substr(open, close - open + 1);
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            return fmt::format("has the unknown placeholder {}; use {}", name,
                               fmt::join(known, ", "));
        }
    }
    return std::nullopt;
}

std::optional<std::string> check_mail_from(const std::string& s) {
    if (s.empty() || s.find('@') != std::string::npos) {
        return std::nullopt;
    }
    return fmt::format("must be an address like netzwerk@example.org or \"Name "
                       "<netzwerk@example.org>\", not '{}'",
                       s);
}

std::optional<std::string> check_mail_program(const std::string& s) {
    if (s.find_first_not_of(" \t") == std::string::npos) {
        return "must name a program, e.g. \"/usr/sbin/sendmail -t -i\" or \"/usr/bin/msmtp -t\"";
    }
    return std::nullopt;
}

} // namespace

const std::string& default_invitation_body() {
    static const std::string body =
        "{anrede},\n"
        "\n"
        "wir laden Sie herzlich ein: {titel} bei {gastgeber}\n"
        "\n"
        "Datum: {datum}, {beginn} bis {ende} Uhr\n"
        "Ort: {ort}\n"
        "\n"
        "Themen:\n"
        "{themen}\n"
        "\n"
        "Bitte sagen Sie uns kurz, ob Sie kommen. Den Termin im Anhang können Sie in Ihren "
        "Kalender übernehmen.\n"
        "\n"
        "Mit freundlichen Grüßen\n"
        "Ihr Netzwerk-Team\n";
    return body;
}

const std::vector<std::string>& mail_placeholders() {
    static const std::vector<std::string> names{"{anrede}",    "{name}",   "{firma}", "{titel}",
                                                "{datum}",     "{beginn}", "{ende}",  "{ort}",
                                                "{gastgeber}", "{themen}"};
    return names;
}

const SettingTable<MailSettings>& mail_settings_table() {
    static const auto table =
        SettingTable<MailSettings>()
            .text("mail.from", &MailSettings::from,
                  "The sender of invitations and their calendar's ORGANIZER: an address, or "
                  "\"Name <address>\"",
                  check_mail_from)
            .text("mail.sendmail", &MailSettings::sendmail,
                  "The program `event invite --send` hands each message to on standard input, "
                  "with its arguments (no shell)",
                  check_mail_program)
            .text("mail.subject", &MailSettings::subject,
                  "The subject of an invitation, with placeholders such as {titel} and {datum}",
                  check_mail_template)
            .text("mail.body", &MailSettings::body,
                  "The text of an invitation, with placeholders such as {anrede}, {datum}, {ort} "
                  "and {themen}; empty: the built-in German text",
                  check_mail_template);
    return table;
}

} // namespace werkstatt
