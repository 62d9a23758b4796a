// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/paperwork.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "events/events.hpp"
#include "events/ics.hpp"
#include "members/members.hpp"

#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

// A contact invited, with the company it belongs to.
struct PaperworkInvitee {
    Contact contact;
    Company company;
};

// The event and what every piece of its paperwork says about it.
struct PaperworkFacts {
    Event event;
    Company host;
    std::string title;               // the title, or the kind's name
    std::vector<std::string> agenda; // "1. Title"
    std::string place;               // host_address_line
};

// Return event `event_id` with its host and agenda, its title in `lang`; throw Error(conflict) if
// it is cancelled or (unless `held_ok`) held already.
PaperworkFacts paperwork_facts(Database& db, std::int64_t event_id, bool held_ok, Language lang) {
    PaperworkFacts f;
    f.event = require_event(db, event_id);
    const auto& e = f.event;
    if (e.status == EventStatus::cancelled) {
        throw Error(ErrorKind::conflict,
                    _f("event {} is cancelled; there is nothing to invite to (reinstate "
                       "it with 'werkstatt event confirm {}')",
                       e.id, e.id));
    }
    if (e.status == EventStatus::held && !held_ok) {
        throw Error(ErrorKind::conflict,
                    _f("event {} was held already; invitations go to events still to "
                       "come",
                       e.id));
    }
    f.host = require_company(db, e.host_key);
    f.title = e.title.empty() ? kind_label(e.kind, lang) : e.title;
    f.agenda = event_agenda(e, topic_titles(db));
    f.place = host_address_line(f.host);
    return f;
}

// Return the contacts who receive invitations (active members, invited, with an e-mail) and
// count in `without_email` those left out for want of an address.
std::vector<PaperworkInvitee> paperwork_invitees(Database& db, std::size_t& without_email) {
    std::map<std::int64_t, Company> active;
    for (auto& c : list_companies(db, CompanyFilter{})) {
        if (c.active) {
            active.emplace(c.id, std::move(c));
        }
    }
    std::vector<PaperworkInvitee> out;
    without_email = 0;
    for (auto& contact : list_contacts(db, std::nullopt)) {
        const auto company = active.find(contact.company_id);
        if (company == active.end() || !contact.invited) {
            continue;
        }
        if (contact.email.empty()) {
            ++without_email;
            continue;
        }
        out.push_back({std::move(contact), company->second});
    }
    return out;
}

std::string paperwork_time(const std::optional<TimeOfDay>& t) {
    return t ? t->str() : std::string();
}

// Return `templ` with each placeholder of mail_placeholders() replaced by its value in `values`;
// throw Error(config) naming `key` for a placeholder it does not know.
std::string fill_mail_template(std::string_view key, const std::string& templ,
                               const std::map<std::string, std::string>& values) {
    std::string out;
    std::size_t pos = 0;
    while (pos < templ.size()) {
        const auto open = templ.find('{', pos);
        if (open == std::string::npos) {
            out += templ.substr(pos);
            break;
        }
        out += templ.substr(pos, open - pos);
        const auto close = templ.find('}', open);
        const auto name =
            close == std::string::npos ? std::string("{") : templ.substr(open, close - open + 1);
        const auto it = values.find(name);
        if (it == values.end()) {
            throw Error(ErrorKind::config,
                        _f("{} has the unknown placeholder '{}'; use {}", key,
                           text::display_safe(name), text::join(mail_placeholders(), ", ")));
        }
        out += it->second;
        pos = close + 1;
    }
    return out;
}

// Return mail.from as a mailbox: "Name <address>" or a bare address; throw Error(config) when it
// is empty or holds no address.
MailAddress sender_of(const MailSettings& settings) {
    const auto from = std::string(text::trim(settings.from));
    if (from.empty()) {
        throw Error(ErrorKind::config,
                    _("mail.from is not set; set the network's sender address in the "
                      "configuration ([mail] from = \"Netzwerk <netzwerk@example.org>\")"));
    }
    const auto open = from.find('<');
    const auto close = from.rfind('>');
    MailAddress sender;
    if (open != std::string::npos && close != std::string::npos && close > open) {
        auto name = std::string(text::trim(from.substr(0, open)));
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
            name = name.substr(1, name.size() - 2);
        }
        sender = {name, std::string(text::trim(from.substr(open + 1, close - open - 1)))};
    } else {
        sender = {"", from};
    }
    if (sender.address.find('@') == std::string::npos) {
        throw Error(ErrorKind::config, _f("mail.from '{}' holds no address; give e.g. \"Netzwerk "
                                          "<netzwerk@example.org>\"",
                                          text::display_safe(from)));
    }
    return sender;
}

// Return the file name of an invitation: event id, contact id and company key (only letters,
// digits, '-' and '_').
std::string invitation_file_name(const Event& e, const Contact& c) {
    std::string key;
    for (const char ch : c.company_key) {
        const bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                           (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
        key += plain ? ch : '_';
    }
    return fmt::format("event{}-contact{}-{}.eml", e.id, c.id, key);
}

} // namespace

std::string contact_greeting(const Contact& contact, Language lang) {
    if (contact.salutation == "frau") {
        return trf(lang, "Dear Ms {}", contact.name);
    }
    if (contact.salutation == "herr") {
        return trf(lang, "Dear Mr {}", contact.name);
    }
    return trf(lang, "Hello {}", contact.name);
}

InvitationList event_invitations(Database& db, std::int64_t event_id, Language lang) {
    const auto f = paperwork_facts(db, event_id, false, lang);
    InvitationList list;
    list.records.columns = {"contact_id",   "salutation", "greeting", "name",  "role",  "company",
                            "company_name", "email",      "event",    "title", "date",  "date_text",
                            "start",        "end",        "place",    "host",  "topics"};
    for (const auto& i : paperwork_invitees(db, list.without_email)) {
        const auto& c = i.contact;
        list.records.rows.push_back(
            {c.id, text_or_null(c.salutation), contact_greeting(c, lang), c.name,
             text_or_null(c.role), c.company_key, i.company.name, c.email, f.event.id, f.title,
             f.event.date, format_date(f.event.date, lang),
             text_or_null(paperwork_time(f.event.start)), text_or_null(paperwork_time(f.event.end)),
             f.place, f.host.name, text_or_null(text::join(f.agenda, "; "))});
    }
    return list;
}

std::vector<InvitationMail> invitation_mails(Database& db, std::int64_t event_id,
                                             const MailSettings& settings, Language lang,
                                             std::time_t now) {
    const auto sender = sender_of(settings);
    const auto f = paperwork_facts(db, event_id, false, lang);
    std::size_t without_email = 0;
    const auto invitees = paperwork_invitees(db, without_email);
    const auto domain = sender.address.substr(sender.address.find('@') + 1);
    std::vector<InvitationMail> out;
    for (const auto& i : invitees) {
        const auto& c = i.contact;
        const std::map<std::string, std::string> values{
            {"{anrede}", contact_greeting(c, lang)},
            {"{name}", c.name},
            {"{firma}", i.company.name},
            {"{titel}", f.title},
            {"{datum}", format_date(f.event.date, lang)},
            {"{beginn}", paperwork_time(f.event.start)},
            {"{ende}", paperwork_time(f.event.end)},
            {"{ort}", f.place},
            {"{gastgeber}", f.host.name},
            {"{themen}", f.agenda.empty() ? "-" : text::join(f.agenda, "\n")}};
        MailMessage m;
        m.from = sender;
        m.to = {c.name, c.email};
        m.subject = fill_mail_template("mail.subject", settings.subject, values);
        m.text = fill_mail_template(
            "mail.body", settings.body.empty() ? default_invitation_body() : settings.body, values);
        m.date = now;
        m.message_id = new_message_id(domain);
        m.invitation = MailAttachment{
            "text/calendar; charset=UTF-8; method=REQUEST", "einladung.ics",
            event_invitation_icalendar(db, f.event, IcsPerson{sender.name, sender.address},
                                       IcsPerson{c.name, c.email}, lang)};
        out.push_back({c, invitation_file_name(f.event, c), write_mail(m)});
    }
    return out;
}

void record_invitations(Database& db, std::int64_t event_id, const std::string& folder,
                        const std::vector<std::int64_t>& written,
                        const std::vector<std::int64_t>& sent, DryRun dry_run) {
    WriteTransaction txn(db);
    require_event(db, event_id);
    const auto ids = [](const std::vector<std::int64_t>& v) {
        std::vector<std::string> s;
        for (const auto id : v) {
            s.push_back(std::to_string(id));
        }
        return s.empty() ? std::string("-") : text::join(s, ",");
    };
    txn.audit("event", event_id, "invite",
              fmt::format("folder={} written={} sent={} contacts={} sent_to={}", folder,
                          written.size(), sent.size(), ids(written), ids(sent)));
    txn.finish(dry_run);
}

} // namespace werkstatt
