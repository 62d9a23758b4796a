// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt event invitations|invite|sheet: a meeting's paperwork (the mail-merge list, the
// invitations as e-mails with the event attached, the printable sign-in sheet).
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "event.hpp"
#include "events/paperwork.hpp"
#include "io/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>

namespace werkstatt::cli {

namespace {

struct InvitationsOptions {
    std::int64_t id = 0;
    std::optional<std::string> format, lang;
};

struct InviteOptions {
    std::int64_t id = 0;
    std::string output;
    std::optional<std::string> lang;
    bool send = false;
    bool dry = false;
};

struct SheetOptions {
    std::int64_t id = 0;
    std::optional<std::string> output, lang;
    int empty_rows = 8;
};

void add_lang_option(CLI::App* cmd, std::optional<std::string>& lang) {
    cmd->add_option("--lang", lang,
                    _("Language of the documents: de or en (default: documents.lang)"));
}

void setup_invitations(CLI::App& group, Runtime& rt) {
    static InvitationsOptions o;
    auto* cmd = group.add_subcommand("invitations", _("List the contacts to invite (mail merge)"));
    cmd->add_option("EVENT", o.id, _("Event id"))->required();
    add_format_option(cmd, o.format);
    add_lang_option(cmd, o.lang);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            const auto list = event_invitations(db, o.id, rt.documents_language(o.lang));
            if (list.without_email > 0) {
                rt.warn(fmt::format(
                    fmt::runtime(n_("{} contact of a member company has no e-mail address and is "
                                    "not listed; add one with 'werkstatt contact edit ID --email'",
                                    "{} contacts of member companies have no e-mail address and "
                                    "are not listed; add one with 'werkstatt contact edit ID "
                                    "--email'",
                                    list.without_email)),
                    list.without_email));
            }
            rt.print(list.records, o.format);
        };
    });
}

// Create the folder `dir` (0700) unless it exists; throw Error(output) if that fails.
void make_invitation_folder(const std::filesystem::path& dir) {
    std::error_code ec;
    if (std::filesystem::is_directory(dir, ec)) {
        return;
    }
    if (::mkdir(dir.c_str(), 0700) != 0) {
        throw Error(ErrorKind::output, _f("cannot make the folder {}: {}; give a folder "
                                          "you may write to",
                                          dir.string(), std::strerror(errno)));
    }
}

// Hand every message of `mails` (written to `dir`) to mail.sendmail; return the contact ids sent
// and warn about each one not sent.
std::vector<std::int64_t> send_invitations(Runtime& rt, const std::vector<InvitationMail>& mails,
                                           const std::filesystem::path& dir) {
    const auto command = rt.config().config.mail.sendmail;
    std::vector<std::int64_t> sent;
    for (const auto& m : mails) {
        const auto result = send_with_program(split_command(command), m.message);
        if (result.sent) {
            sent.push_back(m.contact.id);
        } else {
            rt.warn(_f("not sent: {} ({}); it stays in the folder", (dir / m.file_name).string(),
                       result.problem));
        }
    }
    return sent;
}

void run_invite(Runtime& rt, const InviteOptions& o) {
    const auto lang = rt.documents_language(o.lang);
    auto db = rt.open(Access::read_write);
    const auto& mail = rt.config().config.mail;
    const auto mails = invitation_mails(db, o.id, mail, lang, std::time(nullptr));
    const auto argv = split_command(mail.sendmail);
    const bool program_ok = program_found(argv);
    const std::filesystem::path dir = o.output;
    if (o.dry) {
        rt.info(fmt::format(fmt::runtime(n_("would write {} invitation to {}",
                                            "would write {} invitations to {}", mails.size())),
                            mails.size(), dir.string()));
        if (o.send && !program_ok) {
            rt.warn(_f("mail.sendmail: the program '{}' is not found; "
                       "nothing could be sent",
                       argv.empty() ? std::string() : argv.front()));
        }
        return;
    }
    make_invitation_folder(dir);
    std::vector<std::int64_t> written;
    for (const auto& m : mails) {
        write_file_atomically(dir / m.file_name, m.message, FileMode::private_to_owner);
        written.push_back(m.contact.id);
    }
    std::vector<std::int64_t> sent;
    if (o.send && program_ok) {
        sent = send_invitations(rt, mails, dir);
    }
    record_invitations(db, o.id, dir.string(), written, sent, DryRun::no);
    rt.info(fmt::format(
        fmt::runtime(n_("wrote {} invitation to {}", "wrote {} invitations to {}", written.size())),
        written.size(), dir.string()));
    if (!o.send) {
        return;
    }
    if (!program_ok) {
        throw Error(ErrorKind::config,
                    _f("mail.sendmail: the program '{}' is not found or "
                       "may not be run, so none of the {} invitations "
                       "was sent (they are in {}); set mail.sendmail to "
                       "e.g. \"/usr/bin/msmtp -t\"",
                       argv.empty() ? std::string() : argv.front(), written.size(), dir.string()));
    }
    rt.info(_f("sent {} of {} with {}", sent.size(), written.size(), argv.front()));
    if (sent.size() < written.size()) {
        rt.status = exit_status::partial;
    }
}

void setup_invite(CLI::App& group, Runtime& rt) {
    static InviteOptions o;
    auto* cmd =
        group.add_subcommand("invite", _("Write the invitations as e-mails (.eml), and send "
                                         "them with --send"));
    cmd->add_option("EVENT", o.id, _("Event id"))->required();
    cmd->add_option("--output,-o", o.output, _("Folder for the .eml files (made if missing)"))
        ->required();
    cmd->add_flag("--send", o.send, _("Hand each message to mail.sendmail"));
    add_lang_option(cmd, o.lang);
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] { rt.action = [&rt] { run_invite(rt, o); }; });
}

void setup_sheet(CLI::App& group, Runtime& rt) {
    static SheetOptions o;
    auto* cmd = group.add_subcommand("sheet", _("Write the printable sign-in sheet (HTML, A4)"));
    cmd->add_option("EVENT", o.id, _("Event id"))->required();
    cmd->add_option("--output,-o", o.output, _("Write to FILE (atomically) instead of stdout"));
    cmd->add_option("--empty-rows", o.empty_rows, _("Empty rows for walk-ins (default 8)"))
        ->check(CLI::Range(0, 100));
    add_lang_option(cmd, o.lang);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            const auto lang = rt.documents_language(o.lang);
            auto db = rt.open(Access::read_only);
            const auto html = sign_in_sheet_html(db, o.id, lang, o.empty_rows);
            if (!o.output) {
                rt.out() << html;
                return;
            }
            write_file_atomically(*o.output, html, FileMode::private_to_owner);
            rt.info(_f("wrote the sign-in sheet of event {} to {}", o.id, *o.output));
        };
    });
}

} // namespace

void setup_event_paperwork(CLI::App& group, Runtime& rt) {
    setup_invitations(group, rt);
    setup_invite(group, rt);
    setup_sheet(group, rt);
}

} // namespace werkstatt::cli
